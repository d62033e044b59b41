/**
 * @module ISO 8583:1987 messages to bytes and back: MTI, primary and secondary bitmaps, then each present
 * field as the field table and the variant say. Decoding is strict (canonical form only: upper-case hex,
 * zero pad nibbles, no empty secondary bitmap, no trailing bytes), so that any bytes it accepts encode
 * back to the very same bytes; anything else is an Iso8583CodecError.
 *
 * @example
 *   const bytes = encodeMessage({ mti: "0800", fields: new Map([[7, "0925105308"], [11, "000051"], [70, "301"]]) }, VARIANTS.ascii);
 *   decodeMessage(bytes, VARIANTS.ascii).fields.get(70); // "301"
 */
import { bytesToText, Iso8583CodecError, packDigits, packNibbles, textToBytes, unpackDigits, unpackNibbles, type Variant } from "./encoding.js";
import { ISO8583_1987, type FieldSpec } from "./fields.js";

export interface IsoMessage {
  /** Message type indicator, four digits ("0200"). */
  mti: string;
  /** Field number (2..128) → value: digits, text, or upper-case hex for binary fields. */
  fields: ReadonlyMap<number, string>;
}

export type FieldTable = ReadonlyMap<number, FieldSpec>;

const TRACK_PAD = { nibble: 0x0f, side: "right" } as const;

/** How many characters (digits, bytes for b) a value holds, checked against its type. */
function unitsOf(spec: FieldSpec, value: string): number {
  const ok =
    spec.type === "n" ? /^\d*$/.test(value)
    : spec.type === "z" ? /^[\d=]*$/.test(value)
    : spec.type === "x+n" ? /^[CD]\d*$/.test(value)
    : spec.type === "b" ? /^(?:[0-9A-F]{2})*$/.test(value)
    : /^[\x20-\x7E]*$/.test(value);
  if (!ok) throw new Iso8583CodecError(`"${value}" is not a valid ${spec.type} value`, spec.id);
  return spec.type === "b" ? value.length / 2 : spec.type === "x+n" ? value.length - 1 : value.length;
}

function encodeBody(spec: FieldSpec, value: string, v: Variant): Buffer {
  const bcd = v.numeric === "bcd";
  switch (spec.type) {
    case "n":
      return bcd ? packDigits(value, spec.id) : textToBytes(value, v.charset, spec.id);
    case "z":
      return bcd ? packNibbles([...value].map((c) => (c === "=" ? 0x0d : Number(c))), TRACK_PAD) : textToBytes(value, v.charset, spec.id);
    case "x+n":
      return Buffer.concat([textToBytes(value[0]!, v.charset, spec.id), bcd ? packDigits(value.slice(1), spec.id) : textToBytes(value.slice(1), v.charset, spec.id)]);
    case "b":
      return Buffer.from(value, "hex");
    default:
      return textToBytes(value, v.charset, spec.id);
  }
}

function encodeField(spec: FieldSpec, value: string, v: Variant): Buffer {
  const units = unitsOf(spec, value);
  const body = encodeBody(spec, value, v);
  if (spec.prefix === "fixed") {
    if (units !== spec.length) throw new Iso8583CodecError(`holds ${units}, needs exactly ${spec.length}`, spec.id);
    return body;
  }
  if (units > spec.length) throw new Iso8583CodecError(`holds ${units}, at most ${spec.length}`, spec.id);
  const digits = String(units).padStart(spec.prefix === "LL" ? 2 : 3, "0");
  return Buffer.concat([v.numeric === "bcd" ? packDigits(digits) : textToBytes(digits, v.charset), body]);
}

function encodeBitmap(bits: Buffer, v: Variant): Buffer {
  return v.bitmap === "binary" ? bits : textToBytes(bits.toString("hex").toUpperCase(), v.charset);
}

export function encodeMessage(message: IsoMessage, v: Variant, table: FieldTable = ISO8583_1987): Buffer {
  if (!/^\d{4}$/.test(message.mti)) throw new Iso8583CodecError(`MTI "${message.mti}" is not four digits`);
  const numbers = [...message.fields.keys()].sort((a, b) => a - b);
  const secondary = numbers.some((n) => n > 64);
  const bitmap = Buffer.alloc(secondary ? 16 : 8);
  if (secondary) bitmap[0]! |= 0x80;
  const parts: Buffer[] = [];
  for (const n of numbers) {
    const spec = table.get(n);
    if (!spec) throw new Iso8583CodecError("is not in the field table", n);
    bitmap[(n - 1) >> 3]! |= 0x80 >> ((n - 1) & 7);
    parts.push(encodeField(spec, message.fields.get(n)!, v));
  }
  const mti = v.mti === "bcd" ? packDigits(message.mti) : textToBytes(message.mti, v.charset);
  const bitmaps = secondary ? [encodeBitmap(bitmap.subarray(0, 8), v), encodeBitmap(bitmap.subarray(8), v)] : [encodeBitmap(bitmap, v)];
  return Buffer.concat([mti, ...bitmaps, ...parts]);
}

class Reader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}

  take(count: number, what: string, field?: number): Buffer {
    if (this.offset + count > this.bytes.length) {
      throw new Iso8583CodecError(`${what} needs ${count} bytes at offset ${this.offset}; the message has ${this.bytes.length}`, field, this.offset);
    }
    const out = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return out;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }
}

function readBitmap(r: Reader, v: Variant, which: string): Buffer {
  const at = r.offset;
  if (v.bitmap === "binary") return Buffer.from(r.take(8, `the ${which} bitmap`));
  const hex = bytesToText(r.take(16, `the ${which} bitmap`), v.charset, undefined, at);
  if (!/^[0-9A-F]{16}$/.test(hex)) throw new Iso8583CodecError(`the ${which} bitmap "${hex}" is not 16 upper-case hex digits`, undefined, at);
  return Buffer.from(hex, "hex");
}

function decodeBody(spec: FieldSpec, units: number, r: Reader, v: Variant): string {
  const at = r.offset;
  const bcd = v.numeric === "bcd";
  const take = (count: number) => r.take(count, `its ${units} ${spec.type === "b" ? "bytes" : "characters"}`, spec.id);
  let value: string;
  if (spec.type === "n" && bcd) value = unpackDigits(take(Math.ceil(units / 2)), units, spec.id, at);
  else if (spec.type === "z" && bcd) {
    const nibbles = unpackNibbles(take(Math.ceil(units / 2)), units, TRACK_PAD, spec.id, at);
    if (nibbles.some((n) => n > 9 && n !== 0x0d)) throw new Iso8583CodecError("track data holds a nibble other than 0-9 and D", spec.id, at);
    value = nibbles.map((n) => (n === 0x0d ? "=" : String(n))).join("");
  } else if (spec.type === "x+n" && bcd) {
    value = bytesToText(take(1), v.charset, spec.id, at) + unpackDigits(take(Math.ceil(units / 2)), units, spec.id, at + 1);
  } else if (spec.type === "b") value = take(units).toString("hex").toUpperCase();
  else value = bytesToText(take(spec.type === "x+n" ? units + 1 : units), v.charset, spec.id, at);
  if (unitsOf(spec, value) !== units) throw new Iso8583CodecError(`decoded to "${value}", which is not ${units} long`, spec.id, at);
  return value;
}

function decodeField(spec: FieldSpec, r: Reader, v: Variant): string {
  if (spec.prefix === "fixed") return decodeBody(spec, spec.length, r, v);
  const at = r.offset;
  const digits = spec.prefix === "LL" ? 2 : 3;
  const raw = v.numeric === "bcd" ? unpackDigits(r.take(Math.ceil(digits / 2), "its length", spec.id), digits, spec.id, at) : bytesToText(r.take(digits, "its length", spec.id), v.charset, spec.id, at);
  if (!/^\d+$/.test(raw)) throw new Iso8583CodecError(`length "${raw}" is not digits`, spec.id, at);
  const units = Number(raw);
  if (units > spec.length) throw new Iso8583CodecError(`length ${units} is over the maximum ${spec.length}`, spec.id, at);
  return decodeBody(spec, units, r, v);
}

export function decodeMessage(bytes: Uint8Array, v: Variant, table: FieldTable = ISO8583_1987): IsoMessage {
  const r = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const mti = v.mti === "bcd" ? unpackDigits(r.take(2, "the MTI"), 4) : bytesToText(r.take(4, "the MTI"), v.charset);
  if (!/^\d{4}$/.test(mti)) throw new Iso8583CodecError(`MTI "${mti}" is not four digits`, undefined, 0);
  const primary = readBitmap(r, v, "primary");
  const bitmap = primary[0]! & 0x80 ? Buffer.concat([primary, readBitmap(r, v, "secondary")]) : primary;
  if (bitmap.length === 16 && bitmap.subarray(8).every((b) => b === 0)) throw new Iso8583CodecError("the secondary bitmap is present but empty");
  const fields = new Map<number, string>();
  for (let n = 2; n <= bitmap.length * 8; n++) {
    if (!(bitmap[(n - 1) >> 3]! & (0x80 >> ((n - 1) & 7)))) continue;
    const spec = table.get(n);
    if (!spec) throw new Iso8583CodecError("is flagged in the bitmap but not in the field table", n, r.offset);
    fields.set(n, decodeField(spec, r, v));
  }
  if (r.remaining > 0) throw new Iso8583CodecError(`${r.remaining} bytes follow the last field`, undefined, r.offset);
  return { mti, fields };
}
