/**
 * @module Summarises a V8 .cpuprofile (written by a run with BENCH_PROFILE): self time by package and
 * by function, so a profile can be read without a browser. `last` keeps only the final seconds of
 * the profile (the load, not the start-up).
 *   npx tsx bench/profile-summary.ts bench/results/tmp/profiles/<file>.cpuprofile [top] [last seconds] [fn,fn,…]
 * The optional list of function names adds their inclusive time (the function and all it calls).
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, topArg, lastArg, inclusiveArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(topArg ?? 30);

const selfMicros = new Map<number, number>();
// `last` counts back from the last busy sample (a profile ends with the idle wind-down).
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
let end = 0;
let t = 0;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i] ?? 0;
  if (!idle.has(id)) end = t;
});
const from = lastArg ? end - Number(lastArg) * 1e6 : 0;
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock >= from && clock <= end) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return "(native/idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node:*";
  const project = /\/work\/main\/([^/]+)/.exec(url);
  return project ? `project: ${project[1]}/` : url;
};

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (!micros) continue;
  const pkg = node.callFrame.functionName === "(idle)" ? "(idle)" : node.callFrame.functionName === "(garbage collector)" ? "(gc)" : where(node.callFrame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  const fn = `${node.callFrame.functionName || "(anonymous)"}  ${node.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/work\/main\//, "")}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
}

const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print("self time by package", byPackage);
print("self time by function", byFunction);

if (inclusiveArg) {
  const names = inclusiveArg.split(",");
  const parent = new Map<number, Node>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const seen = new Set<string>();
    for (let node = byId.get(id); node; node = parent.get(node.id)) {
      const name = node.callFrame.functionName;
      if (names.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
      }
    }
  }
  print("inclusive time", inclusive);
}
