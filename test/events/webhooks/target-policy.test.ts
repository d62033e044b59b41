import { describe, expect, it } from "vitest";
import { refusedAddress, refusedUrl } from "../../../events/webhooks/target-policy.js";

const sandbox = { allowHttpLoopback: true };
const production = { allowHttpLoopback: false };

describe("webhook target policy", () => {
  it("accepts public https URLs, and plain http to loopback only in the sandbox", () => {
    expect(refusedUrl("https://hooks.fintech.example/banking?x=1", production)).toBeUndefined();
    expect(refusedUrl("https://203.0.114.7/hook", production)).toBeUndefined();
    expect(refusedUrl("http://127.0.0.1:8080/hook", sandbox)).toBeUndefined();
    expect(refusedUrl("http://localhost:8080/hook", sandbox)).toBeUndefined();
    expect(refusedUrl("http://[::1]:8080/hook", sandbox)).toBeUndefined();
    expect(refusedUrl("http://127.0.0.1:8080/hook", production)).toMatch(/plain http is not allowed/);
    expect(refusedUrl("https://localhost/hook", production)).toMatch(/loopback/);
    expect(refusedUrl("https://[::ffff:127.0.0.1]/hook", production)).toMatch(/loopback/);
  });

  it("refuses plain http elsewhere, other schemes, credentials, fragments and long URLs", () => {
    expect(refusedUrl("http://hooks.fintech.example/", sandbox)).toMatch(/must use https/);
    expect(refusedUrl("ftp://hooks.fintech.example/", sandbox)).toMatch(/must use https/);
    expect(refusedUrl("https://user:secret@hooks.fintech.example/", sandbox)).toMatch(/credentials/);
    expect(refusedUrl("https://hooks.fintech.example/#x", sandbox)).toMatch(/fragment/);
    expect(refusedUrl(`https://hooks.fintech.example/${"a".repeat(2100)}`, sandbox)).toMatch(/longer than/);
    expect(refusedUrl("/relative", sandbox)).toMatch(/absolute/);
  });

  it("refuses private, link-local, metadata and mapped addresses written as the host", () => {
    for (const host of ["10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "[fd00::1]", "[fe80::1]", "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]"]) {
      expect(refusedUrl(`https://${host}/hook`, sandbox), host).toBeDefined();
    }
  });

  it("judges resolved addresses the same way, loopback only when allowed", () => {
    expect(refusedAddress("93.184.215.14", { allowLoopback: false })).toBeUndefined();
    expect(refusedAddress("2606:2800:21f:cb07:6820:80da:af6b:8b2c", { allowLoopback: false })).toBeUndefined();
    expect(refusedAddress("127.0.0.1", { allowLoopback: false })).toMatch(/loopback/);
    expect(refusedAddress("127.0.0.1", { allowLoopback: true })).toBeUndefined();
    expect(refusedAddress("::ffff:127.0.0.1", { allowLoopback: false })).toMatch(/loopback/);
    expect(refusedAddress("::ffff:192.168.0.2", { allowLoopback: true })).toMatch(/private/);
    expect(refusedAddress("10.0.0.1", { allowLoopback: true })).toMatch(/private/);
  });
});
