/**
 * @module Summarises an allocation profile written by a run with BENCH_ALLOC_PROFILE=<file>: bytes
 * allocated by function (self: the function itself, with what V8 inlined into it; inclusive: with all
 * it calls), so the source of GC work can be read without a browser.
 *   npx tsx bench/alloc-summary.ts <file.heapprofile> [top]
 */
import { readFileSync } from "node:fs";

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/alloc-summary.ts <file.heapprofile> [top]");
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8")) as { head: Node };

const name = (frame: Node["callFrame"]) =>
  `${frame.functionName || "(anonymous)"}  ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/work\/main\//, "")}:${frame.lineNumber + 1}`;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;

function walk(node: Node, stack: Set<string>) {
  const key = name(node.callFrame);
  total += node.selfSize;
  self.set(key, (self.get(key) ?? 0) + node.selfSize);
  const here = new Set(stack).add(key);
  for (const frame of here) inclusive.set(frame, (inclusive.get(frame) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child, here);
}
walk(profile.head, new Set());

const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((bytes / total) * 100).toFixed(1).padStart(5)}%  ${(bytes / 1e6).toFixed(0).padStart(6)} MB  ${key}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(0)} MB allocated (sampled)`);
print("self", self);
print("inclusive", inclusive);
