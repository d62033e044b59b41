/** @module Deterministic ids for the thousands of seeded journal rows. */
import { createHash } from "node:crypto";
import { parse } from "uuid";
import { sandboxId } from "../../../subgraphs/shared/ids.js";

/**
 * UUID v5 of `name` in the namespace `sandboxId(kind, scope)`: what uuid's `v5(name, namespace)`
 * gives, but through node's native SHA-1, which the seed needs for speed (the JS one costs ~15 µs an id).
 */
export function idFactory(kind: string, scope: string): (name: string) => string {
  const namespace = parse(sandboxId(kind, scope));
  return (name) => {
    const hash = createHash("sha1").update(namespace).update(name).digest();
    hash[6] = (hash[6]! & 0x0f) | 0x50;
    hash[8] = (hash[8]! & 0x3f) | 0x80;
    const hex = hash.toString("hex", 0, 16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
