/**
 * @module How a dialect puts characters and digits on the wire: the variants a bank can choose, text in
 * ASCII or EBCDIC (code page 037), packed BCD, and the one error type the codec throws.
 */

/** What the codec throws for bytes or values that are not a valid message; nothing else escapes it. */
export class Iso8583CodecError extends Error {
  constructor(
    message: string,
    readonly field?: number,
    readonly offset?: number,
  ) {
    super(field === undefined ? message : `Field ${field}: ${message}`);
    this.name = "Iso8583CodecError";
  }
}

export type VariantName = "ascii" | "ascii-binary-bitmap" | "bcd" | "bcd-ebcdic";

export interface Variant {
  name: VariantName;
  /** MTI as four characters, or as two BCD bytes. */
  mti: "text" | "bcd";
  /** Bitmaps as 16 hex characters each, or as 8 raw bytes. */
  bitmap: "hex" | "binary";
  /** Digits of n, z and x+n fields and of LL/LLL prefixes: characters, or packed BCD. */
  numeric: "text" | "bcd";
  charset: "ascii" | "ebcdic";
}

export const VARIANTS = {
  /** Everything printable, hex bitmaps (jPOS ISO87APackager style). */
  ascii: { name: "ascii", mti: "text", bitmap: "hex", numeric: "text", charset: "ascii" },
  /** ASCII fields behind binary bitmaps (Postilion / BASE24 style). */
  "ascii-binary-bitmap": { name: "ascii-binary-bitmap", mti: "text", bitmap: "binary", numeric: "text", charset: "ascii" },
  /** Packed BCD numbers and lengths, binary bitmaps, ASCII text (jPOS ISO87BPackager style). */
  bcd: { name: "bcd", mti: "bcd", bitmap: "binary", numeric: "bcd", charset: "ascii" },
  /** Packed BCD numbers with EBCDIC text, as mainframe hosts send it. */
  "bcd-ebcdic": { name: "bcd-ebcdic", mti: "bcd", bitmap: "binary", numeric: "bcd", charset: "ebcdic" },
} as const satisfies Record<VariantName, Variant>;

export const isVariantName = (name: unknown): name is VariantName => typeof name === "string" && Object.hasOwn(VARIANTS, name);

// Code page 037 for printable ASCII 0x20..0x7E, in order.
const EBCDIC_PRINTABLE = Buffer.from(
  "405A7F7B5B6C507D4D5D5C4E6B604B61F0F1F2F3F4F5F6F7F8F97A5E4C7E6E6F7CC1C2C3C4C5C6C7C8C9D1D2D3D4D5D6D7D8D9E2E3E4E5E6E7E8E9BAE0BBB06D79" +
    "818283848586878889919293949596979899A2A3A4A5A6A7A8A9C04FD0A1",
  "hex",
);
const FROM_EBCDIC = new Map([...EBCDIC_PRINTABLE].map((byte, i) => [byte, 0x20 + i]));

export const isPrintable = (text: string) => /^[\x20-\x7E]*$/.test(text);

/** Printable ASCII text to bytes in the variant's charset. */
export function textToBytes(text: string, charset: Variant["charset"], field?: number): Buffer {
  if (!isPrintable(text)) throw new Iso8583CodecError(`"${text}" has characters outside printable ASCII`, field);
  const ascii = Buffer.from(text, "latin1");
  return charset === "ascii" ? ascii : Buffer.from([...ascii].map((c) => EBCDIC_PRINTABLE[c - 0x20]!));
}

export function bytesToText(bytes: Buffer, charset: Variant["charset"], field?: number, offset?: number): string {
  const codes = charset === "ascii" ? [...bytes] : [...bytes].map((b) => FROM_EBCDIC.get(b) ?? -1);
  const bad = codes.findIndex((c) => c < 0x20 || c > 0x7e);
  if (bad >= 0) {
    throw new Iso8583CodecError(`byte 0x${bytes[bad]!.toString(16).padStart(2, "0")} is not printable ${charset.toUpperCase()}`, field, offset);
  }
  return String.fromCharCode(...codes);
}

/** Nibbles (0-15) two to a byte; an odd count takes `pad` first ("left") or last ("right"). */
export function packNibbles(nibbles: number[], pad: { nibble: number; side: "left" | "right" }): Buffer {
  const all = nibbles.length % 2 === 0 ? nibbles : pad.side === "left" ? [pad.nibble, ...nibbles] : [...nibbles, pad.nibble];
  const out = Buffer.alloc(all.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (all[2 * i]! << 4) | all[2 * i + 1]!;
  return out;
}

/** The `count` nibbles of `bytes`, checking that an odd count's pad nibble is exactly `pad`. */
export function unpackNibbles(bytes: Buffer, count: number, pad: { nibble: number; side: "left" | "right" }, field?: number, offset?: number): number[] {
  const all = [...bytes].flatMap((b) => [b >> 4, b & 0x0f]);
  if (count % 2 === 0) return all;
  const [padded, rest] = pad.side === "left" ? [all[0], all.slice(1)] : [all[all.length - 1], all.slice(0, -1)];
  if (padded !== pad.nibble) throw new Iso8583CodecError(`pad nibble is ${padded!.toString(16).toUpperCase()}, expected ${pad.nibble.toString(16).toUpperCase()}`, field, offset);
  return rest;
}

const LEFT_ZERO = { nibble: 0, side: "left" } as const;

export function packDigits(digits: string, field?: number): Buffer {
  if (!/^\d*$/.test(digits)) throw new Iso8583CodecError(`"${digits}" is not all digits`, field);
  return packNibbles([...digits].map(Number), LEFT_ZERO);
}

export function unpackDigits(bytes: Buffer, count: number, field?: number, offset?: number): string {
  const nibbles = unpackNibbles(bytes, count, LEFT_ZERO, field, offset);
  if (nibbles.some((n) => n > 9)) throw new Iso8583CodecError(`BCD ${bytes.toString("hex").toUpperCase()} has a nibble above 9`, field, offset);
  return nibbles.join("");
}
