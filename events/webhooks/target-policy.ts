/**
 * @module Which URLs and addresses a webhook may be sent to. Checked when an endpoint is registered
 * (the URL) and again at send time (every address its host resolves to), so neither a later DNS
 * change nor a redirect can point a delivery at the hub's own network.
 */
import { BlockList, isIP } from "node:net";

export interface TargetPolicy {
  /** Plain http to loopback (the sandbox); never in production. */
  allowHttpLoopback: boolean;
}

export const MAX_URL_LENGTH = 2048;

const internal = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
] as const) internal.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) internal.addSubnet(net, prefix, "ipv6");

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** An IPv4 address written as IPv6 (::ffff:a.b.c.d, or ::ffff:7f00:1 as URLs normalise it) is judged as the IPv4 address it is. */
function unmapped(address: string): string {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export function isLoopbackAddress(address: string): boolean {
  const ip = unmapped(address);
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  return isIP(ip) !== 0 && loopback.check(ip, family);
}

/** Why a delivery must not go to this IP address, or undefined when it may. */
export function refusedAddress(address: string, options: { allowLoopback: boolean }): string | undefined {
  const ip = unmapped(address);
  const version = isIP(ip);
  if (version === 0) return `"${address}" is not an IP address`;
  if (isLoopbackAddress(ip)) return options.allowLoopback ? undefined : `${address} is a loopback address`;
  if (internal.check(ip, version === 6 ? "ipv6" : "ipv4")) return `${address} is a private, link-local or reserved address`;
  if (/^::ffff:/i.test(ip)) return `${address} is an IPv4-mapped address`;
  return undefined;
}

function hostIp(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return isIP(host) ? host : undefined;
}

export function isLoopbackHost(url: URL): boolean {
  const ip = hostIp(url);
  return ip ? isLoopbackAddress(ip) : url.hostname === "localhost" || url.hostname.endsWith(".localhost");
}

/** Why this URL cannot be a webhook endpoint, or undefined when it can. */
export function refusedUrl(raw: string, policy: TargetPolicy): string | undefined {
  if (raw.length > MAX_URL_LENGTH) return `it is longer than ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "it is not an absolute URL";
  }
  if (url.username || url.password) return "it must not carry credentials (user:password@)";
  if (url.hash) return "it must not have a #fragment";
  const loopbackHost = isLoopbackHost(url);
  if (url.protocol === "http:") {
    if (!loopbackHost) return "it must use https (plain http only to loopback, outside production)";
    if (!policy.allowHttpLoopback) return "plain http is not allowed on this hub; use https";
    return undefined;
  }
  if (url.protocol !== "https:") return "it must use https";
  if (loopbackHost && !policy.allowHttpLoopback) return "loopback addresses are not allowed on this hub";
  const ip = hostIp(url);
  if (ip) return refusedAddress(ip, { allowLoopback: policy.allowHttpLoopback });
  return undefined;
}
