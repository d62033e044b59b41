/**
 * @module A minimal DER reader: enough to walk an X.509 certificate's tree and read OIDs and strings.
 * Lengths are checked against the buffer, so a malformed certificate fails cleanly.
 */

export interface DerNode {
  tag: number;
  /** The content bytes (for constructed nodes, the encoded children). */
  content: Buffer;
  children: DerNode[];
}

const CONSTRUCTED = 0x20;

function readNode(buffer: Buffer, offset: number, depth: number): { node: DerNode; next: number } {
  if (depth > 32) throw new Error("DER nesting too deep");
  if (offset + 2 > buffer.length) throw new Error("DER truncated");
  const tag = buffer[offset]!;
  let length = buffer[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > buffer.length) throw new Error("DER length invalid");
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + buffer[start + i]!;
    start += bytes;
  }
  const end = start + length;
  if (end > buffer.length) throw new Error("DER length beyond the data");
  const content = buffer.subarray(start, end);
  // OCTET STRINGs that wrap DER (certificate extensions) are parsed too when they hold a valid tree.
  const children = tag & CONSTRUCTED ? readAll(content, depth + 1) : tag === 0x04 ? tryReadAll(content, depth + 1) : [];
  return { node: { tag, content, children }, next: end };
}

function readAll(buffer: Buffer, depth: number): DerNode[] {
  const nodes: DerNode[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const { node, next } = readNode(buffer, offset, depth);
    nodes.push(node);
    offset = next;
  }
  return nodes;
}

function tryReadAll(buffer: Buffer, depth: number): DerNode[] {
  try {
    return readAll(buffer, depth);
  } catch {
    return [];
  }
}

export function parseDer(buffer: Buffer): DerNode {
  const { node, next } = readNode(buffer, 0, 0);
  if (next !== buffer.length) throw new Error("trailing bytes after DER");
  return node;
}

/** "0.4.0.19495.2" from an OBJECT IDENTIFIER node. */
export function oidOf(node: DerNode): string | undefined {
  if (node.tag !== 0x06 || node.content.length === 0) return undefined;
  const bytes = node.content;
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift()!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts].join(".");
}

/** The text of a UTF8String, PrintableString or IA5String node. */
export function textOf(node: DerNode | undefined): string | undefined {
  if (!node || ![0x0c, 0x13, 0x16].includes(node.tag)) return undefined;
  return node.content.toString("utf8");
}

/** Every node of the tree, depth first. */
export function* walk(node: DerNode): Generator<DerNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}
