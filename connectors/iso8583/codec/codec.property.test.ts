import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, type IsoMessage } from "./codec.js";
import { Iso8583CodecError, VARIANTS, type Variant } from "./encoding.js";
import { ISO8583_1987, type FieldSpec } from "./fields.js";
import { frame, FrameReader } from "./framing.js";

const chars = (alphabet: string) => fc.constantFrom(...alphabet);
const DIGITS = "0123456789";
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join("");
const HEX = "0123456789ABCDEF";

/** A valid value for a field: the right characters, and the fixed length or up to the maximum. */
function valueOf(spec: FieldSpec): fc.Arbitrary<string> {
  const length = spec.prefix === "fixed" ? { minLength: spec.length, maxLength: spec.length } : { maxLength: Math.min(spec.length, 120) };
  const text = (alphabet: string) => fc.array(chars(alphabet), length).map((a) => a.join(""));
  switch (spec.type) {
    case "n":
      return text(DIGITS);
    case "z":
      return text(`${DIGITS}=`);
    case "x+n":
      return fc.tuple(chars("CD"), text(DIGITS)).map(([sign, digits]) => sign + digits);
    case "b":
      return fc.array(fc.tuple(chars(HEX), chars(HEX)), length).map((pairs) => pairs.map((p) => p.join("")).join(""));
    default:
      return text(PRINTABLE);
  }
}

const specs = [...ISO8583_1987.values()];
const messageArb: fc.Arbitrary<IsoMessage> = fc
  .record({
    mti: fc.array(chars(DIGITS), { minLength: 4, maxLength: 4 }).map((d) => d.join("")),
    chosen: fc.subarray(specs, { maxLength: 24 }),
  })
  .chain(({ mti, chosen }) =>
    fc.tuple(...chosen.map(valueOf)).map((values) => ({ mti, fields: new Map(chosen.map((spec, i) => [spec.id, values[i]!])) })),
  );

const variants = Object.values(VARIANTS) as Variant[];

/** Decoding either succeeds or throws an Iso8583CodecError; any other throw fails the property. */
function tryDecode(bytes: Uint8Array, variant: Variant): IsoMessage | undefined {
  try {
    return decodeMessage(bytes, variant);
  } catch (error) {
    if (!(error instanceof Iso8583CodecError)) throw error;
    return undefined;
  }
}

describe.each(variants.map((v) => [v.name, v] as const))("ISO 8583 codec properties, %s variant", (_name, variant) => {
  it("decodes what it encodes to the same message, and re-encodes it to the same bytes", () => {
    fc.assert(
      fc.property(messageArb, (message) => {
        const bytes = encodeMessage(message, variant);
        const decoded = decodeMessage(bytes, variant);
        expect(decoded.mti).toBe(message.mti);
        expect([...decoded.fields].sort(([a], [b]) => a - b)).toEqual([...message.fields].sort(([a], [b]) => a - b));
        expect(encodeMessage(decoded, variant).equals(bytes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("throws nothing but a typed codec error for random bytes, and what it accepts re-encodes unchanged", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = tryDecode(bytes, variant);
        if (decoded) expect(encodeMessage(decoded, variant).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("survives valid messages with a byte changed or cut short the same way", () => {
    const damaged = fc.tuple(messageArb, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([message, at, byte, cut]) => {
      const bytes = Buffer.from(encodeMessage(message, variant));
      const i = at % bytes.length;
      if (cut) return bytes.subarray(0, i);
      bytes[i] = byte;
      return bytes;
    });
    fc.assert(
      fc.property(damaged, (bytes) => {
        const decoded = tryDecode(bytes, variant);
        if (decoded) expect(encodeMessage(decoded, variant).equals(bytes)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("framing properties", () => {
  it("gives back the same frames however the stream is cut into chunks", () => {
    const stream = fc.tuple(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 20 }));
    fc.assert(
      fc.property(stream, ([payloads, cuts]) => {
        const wire = Buffer.concat(payloads.map((p) => frame(p)));
        const points = [...new Set(cuts.map((c) => (wire.length ? c % wire.length : 0)))].sort((a, b) => a - b);
        const reader = new FrameReader();
        const frames = [...points, wire.length].flatMap((end, i) => reader.push(wire.subarray(i === 0 ? 0 : points[i - 1]!, end)));
        expect(frames.map((f) => Buffer.from(f).toString("hex"))).toEqual(payloads.map((p) => Buffer.from(p).toString("hex")));
        expect(reader.partial.received).toBe(0);
      }),
    );
  });
});
