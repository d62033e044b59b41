/**
 * @module Framing on a TCP stream: each message is preceded by its length as two big-endian bytes
 * (the header does not count itself). The reader turns arbitrary chunks back into whole frames.
 */
import { Iso8583CodecError } from "./encoding.js";

export const MAX_FRAME = 0xffff;

export function frame(payload: Uint8Array): Buffer {
  if (payload.length > MAX_FRAME) throw new Iso8583CodecError(`a message of ${payload.length} bytes does not fit a 2-byte length header`);
  const header = Buffer.alloc(2);
  header.writeUInt16BE(payload.length);
  return Buffer.concat([header, payload]);
}

export class FrameReader {
  private buffered = Buffer.alloc(0);

  /** The whole frames completed by this chunk, in order; a partial one waits for the next chunk. */
  push(chunk: Uint8Array): Buffer[] {
    this.buffered = this.buffered.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffered, chunk]);
    const frames: Buffer[] = [];
    while (this.buffered.length >= 2) {
      const length = this.buffered.readUInt16BE(0);
      if (this.buffered.length < 2 + length) break;
      frames.push(this.buffered.subarray(2, 2 + length));
      this.buffered = this.buffered.subarray(2 + length);
    }
    return frames;
  }

  /** Bytes received of a frame not yet complete: what is lost when the connection drops now. */
  get partial(): { received: number; expected: number | null } {
    return { received: this.buffered.length, expected: this.buffered.length >= 2 ? this.buffered.readUInt16BE(0) + 2 : null };
  }
}
