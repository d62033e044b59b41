/**
 * `npm run build` (and `prestart`): the hub's runtime code as plain JavaScript under dist/, so that
 * `npm start` runs on node alone, without transpiling at start-up or carrying a transpiler, its
 * source maps and the TypeScript sources in memory. Same transform tsx applies at run time (esbuild,
 * which tsx ships; tsconfig's decorator settings, names kept), one output file per source file, and
 * the files the code reads next to itself (schema/*.graphql, connector fixtures, operation
 * documents) copied alongside. Tests, the benchmark and tools keep running from source with tsx.
 */
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = path.join(root, "dist");
/** What `npm start` may load: the gateway and, in embedded mode, everything it runs in-process. */
const DIRS = ["gateway", "subgraphs", "connectors", "events", "schema"];
const isTest = (file) => /\.test\.ts$/.test(file);
/** `--with-bench`: also bench/'s code (not its results), so the benchmark runs gateways as `npm start` runs ours. */
const withBench = process.argv.includes("--with-bench");

function walk(dir, files = []) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file, files);
    else files.push(file);
  }
  return files;
}

const started = Date.now();
for (const dir of [...DIRS, "bench"]) rmSync(path.join(out, dir), { recursive: true, force: true });
const sources = [];
let assets = 0;
if (withBench) {
  for (const file of walk(path.join(root, "bench"))) {
    if (file.endsWith(".ts") && !isTest(file) && !file.endsWith(".d.ts") && !file.startsWith(path.join(root, "bench", "results"))) sources.push(file);
  }
}
for (const dir of DIRS) {
  for (const file of walk(path.join(root, dir))) {
    if (file.endsWith(".ts")) {
      if (!isTest(file) && !file.endsWith(".d.ts")) sources.push(file);
    } else {
      const target = path.join(out, path.relative(root, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
      assets++;
    }
  }
}
await build({
  entryPoints: sources,
  outdir: out,
  outbase: root,
  bundle: false,
  format: "esm",
  platform: "node",
  target: "node20",
  keepNames: true,
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "warning",
});
console.error(`built ${sources.length} modules and ${assets} files into dist/ in ${Date.now() - started} ms`);
