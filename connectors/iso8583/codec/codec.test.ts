import { describe, expect, it } from "vitest";
import { PUBLISHED_MESSAGES } from "../fixtures/published-messages.js";
import { decodeMessage, encodeMessage, type IsoMessage } from "./codec.js";
import { bytesToText, Iso8583CodecError, textToBytes, VARIANTS, type Variant } from "./encoding.js";
import { ISO8583_1987 } from "./fields.js";
import { frame, FrameReader } from "./framing.js";

const ascii = VARIANTS.ascii;
const message = (mti: string, fields: Record<number, string>): IsoMessage => ({ mti, fields: new Map(Object.entries(fields).map(([k, v]) => [Number(k), v])) });
const bytes = (text: string) => Buffer.from(text, "latin1");
const decodeError = (input: Buffer, variant: Variant = ascii) => {
  try {
    decodeMessage(input, variant);
  } catch (error) {
    expect(error).toBeInstanceOf(Iso8583CodecError);
    return (error as Error).message;
  }
  throw new Error("decoded without complaint");
};

describe("ISO 8583 codec against published messages", () => {
  for (const published of PUBLISHED_MESSAGES) {
    it(`decodes and re-encodes ${published.name} byte for byte`, () => {
      const wire = Buffer.from(published.wire, "hex");
      const body = wire.subarray(published.messageAt);
      const decoded = decodeMessage(body, VARIANTS[published.variant]);
      expect(decoded).toEqual(message(published.mti, published.fields));
      expect(encodeMessage(decoded, VARIANTS[published.variant]).toString("hex")).toBe(body.toString("hex"));
    });
  }

  it("frames the ATM log's 91-byte message from its 2-byte length header, however the bytes arrive", () => {
    const wire = Buffer.from(PUBLISHED_MESSAGES.find((m) => m.mti === "0820")!.wire, "hex");
    const reader = new FrameReader();
    const frames = [...wire].flatMap((byte) => reader.push(Buffer.from([byte])));
    expect(frames.map((f) => f.length)).toEqual([91]);
    expect(bytesToText(frames[0]!.subarray(0, 10), "ascii")).toBe("0110000000");
    expect(decodeMessage(frames[0]!.subarray(10), VARIANTS["ascii-binary-bitmap"]).mti).toBe("0820");
    expect(frame(frames[0]!).toString("hex")).toBe(wire.toString("hex"));
  });

  it("writes the same 0800 echo as the published one, in every variant its fields allow", () => {
    const echo = message("0800", { 7: "0925105308", 11: "000051", 70: "301" });
    expect(encodeMessage(echo, ascii).toString("latin1")).toBe("0800822000000000000004000000000000000925105308000051301");
    expect(encodeMessage(echo, VARIANTS.bcd).toString("hex").toUpperCase()).toBe("08008220000000000000040000000000000009251053080000510301");
    expect(decodeMessage(encodeMessage(echo, VARIANTS["bcd-ebcdic"]), VARIANTS["bcd-ebcdic"])).toEqual(echo);
  });
});

describe("ISO 8583 codec rules", () => {
  it("has every field the connector relies on, with its 1987 format", () => {
    const formats = Object.fromEntries(
      [2, 3, 4, 7, 11, 12, 13, 14, 22, 25, 32, 35, 37, 38, 39, 41, 42, 43, 48, 49, 52, 54, 70, 90, 95, 102, 103, 128].map((n) => {
        const f = ISO8583_1987.get(n)!;
        return [n, `${f.type}${f.prefix === "fixed" ? "" : f.prefix === "LL" ? ".." : "..."}${f.length}`];
      }),
    );
    expect(formats).toEqual({
      2: "n..19", 3: "n6", 4: "n12", 7: "n10", 11: "n6", 12: "n6", 13: "n4", 14: "n4", 22: "n3", 25: "n2", 32: "n..11", 35: "z..37",
      37: "an12", 38: "an6", 39: "an2", 41: "ans8", 42: "ans15", 43: "ans40", 48: "an...999", 49: "n3", 52: "b8", 54: "an...120",
      70: "n3", 90: "n42", 95: "an42", 102: "ans..28", 103: "ans..28", 128: "b8",
    });
    expect(ISO8583_1987.has(1)).toBe(false);
    expect(ISO8583_1987.has(65)).toBe(false);
  });

  it("packs odd BCD numbers with a leading zero and track 2 with a trailing F", () => {
    const m = message("0200", { 2: "4761739001010119", 32: "12345", 35: "4761739001010119=2212201175892888" });
    const encoded = encodeMessage(m, VARIANTS.bcd).toString("hex").toUpperCase();
    expect(encoded).toContain("05012345");
    expect(encoded).toContain("334761739001010119D2212201175892888F");
    expect(decodeMessage(encodeMessage(m, VARIANTS.bcd), VARIANTS.bcd)).toEqual(m);
  });

  it("maps printable ASCII to EBCDIC code page 037 and back", () => {
    const all = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join("");
    const ebcdic = textToBytes(all, "ebcdic");
    expect(new Set(ebcdic).size).toBe(95);
    expect(textToBytes("AZaz09 ", "ebcdic").toString("hex").toUpperCase()).toBe("C1E981A9F0F940");
    expect(bytesToText(ebcdic, "ebcdic")).toBe(all);
  });

  it("refuses values that do not fit their field", () => {
    expect(() => encodeMessage(message("0200", { 3: "31000" }), ascii)).toThrow(/Field 3: holds 5, needs exactly 6/);
    expect(() => encodeMessage(message("0200", { 4: "12.50" }), ascii)).toThrow(Iso8583CodecError);
    expect(() => encodeMessage(message("0200", { 102: "x".repeat(29) }), ascii)).toThrow(/at most 28/);
    expect(() => encodeMessage(message("0200", { 43: "Müller".padEnd(40) }), ascii)).toThrow(/not a valid ans value/);
    expect(() => encodeMessage(message("0200", { 65: "00" }), ascii)).toThrow(/Field 65: is not in the field table/);
    expect(() => encodeMessage(message("200", {}), ascii)).toThrow(/MTI/);
  });

  it("refuses bytes that are not a canonical message, naming what is wrong", () => {
    expect(decodeError(bytes("0200400000000000000010123456789"))).toMatch(/Field 2: its 10 characters needs 10 bytes/);
    expect(decodeError(bytes("02000000000000000000X"))).toMatch(/1 bytes follow the last field/);
    expect(decodeError(bytes("0200c000000000000000"))).toMatch(/not 16 upper-case hex digits/);
    expect(decodeError(bytes("020080000000000000000000000000000000"))).toMatch(/secondary bitmap is present but empty/);
    expect(decodeError(bytes("020080000000000000008000000000000000"))).toMatch(/Field 65: is flagged in the bitmap but not in the field table/);
    expect(decodeError(bytes("0200400000000000000020123"))).toMatch(/Field 2: length 20 is over the maximum 19/);
    expect(decodeError(bytes("02A0"))).toMatch(/MTI "02A0"/);
    expect(decodeError(Buffer.from("0200000000000000000000", "hex"), VARIANTS.bcd)).toMatch(/1 bytes follow/);
  });

  it("rejects a BCD odd-length number whose pad nibble is not zero", () => {
    const good = encodeMessage(message("0200", { 32: "12345" }), VARIANTS.bcd);
    const bad = Buffer.from(good);
    bad[bad.length - 3] = 0x11;
    expect(decodeError(bad, VARIANTS.bcd)).toMatch(/Field 32: pad nibble is 1, expected 0/);
  });
});
