// The wasm rows of `make bench`: the npm package (pkg/, built by `make wasm`) in this Node
// process, on the scripts the native benchmark generates (target/bench/*.sql, written by
// `bench --write-inputs`), printed as Markdown like the native table.
//
//   node bench/wasm.mjs [--quick] [DIR]
//
// Throughput of lint, format and fix (MB/s, 1 MB = 2^20 bytes, median of repeated runs) and
// their ratio to the native figures (DIR/native.json, when the native benchmark wrote it); lint
// latency of the 1 KB script per call after warm-up (median, p90, p99); where the time of a lint
// call goes (the WebAssembly call, the JS around it); the package's size; and npm
// `sql-formatter` (language "mysql") formatting the same 1 MB and 10 MB scripts here.

import { readFileSync, existsSync, statSync, writeFileSync, unlinkSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { loadavg, availableParallelism, tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

import { lint, format, fix, parse } from "../pkg/node.js";
import * as raw from "../pkg/doris_lint.js";
import { format as sqlFormat } from "sql-formatter";

const args = process.argv.slice(2);

// `--sql-formatter FILE` (used by the side-by-side table below): formats FILE once with
// sql-formatter, after a warm-up on its first statements, and prints the MB/s. The 10 MB script
// runs in such a child process with a larger heap: with V8's default heap sql-formatter dies on
// it (out of memory is fatal in V8, not an exception), which would end this benchmark.
const sqlFormatterOnly = args.indexOf("--sql-formatter");
if (sqlFormatterOnly >= 0) {
  const text = readFileSync(args[sqlFormatterOnly + 1], "utf8");
  const warmUpEnd = text.indexOf(";\n", 65536);
  sqlFormat(warmUpEnd < 0 ? text : text.slice(0, warmUpEnd + 2), { language: "mysql" });
  const t = performance.now();
  const out = sqlFormat(text, { language: "mysql" });
  const ms = performance.now() - t;
  console.log(JSON.stringify({ mbPerS: Buffer.byteLength(text) / 2 ** 20 / (ms / 1000), outputBytes: out.length }));
  process.exit(0);
}
const quick = args.includes("--quick");
const dir = pathToFileURL(`${resolve(args.find((a) => !a.startsWith("--")) ?? fileURLToPath(new URL("../target/bench", import.meta.url)))}/`);
const budgetMs = quick ? 200 : 2000;

const SIZES = [
  ["1 KB", "1kb.sql"],
  ["100 KB", "100kb.sql"],
  ["1 MB", "1mb.sql"],
  ["10 MB", "10mb.sql"],
];

function read(file) {
  const url = new URL(file, dir);
  if (!existsSync(url)) {
    console.error(`bench/wasm.mjs: ${fileURLToPath(url)} is missing; write the scripts with \`cargo run --release --example bench -- --write-inputs DIR\` (make bench does)`);
    process.exit(2);
  }
  return readFileSync(url, "utf8");
}

/**
 * Median wall time (ms) of `f()` after one warm-up call (V8 starts WebAssembly in its baseline
 * compiler and moves hot functions to the optimising one as they run; a function running when it
 * becomes hot keeps its baseline code until its next call, so a cold call is not representative),
 * over runs taking about `budget` ms in total: at least 3, at most 200.
 */
function median(f, budget = budgetMs) {
  f();
  const times = [];
  const started = performance.now();
  while (times.length < 3 || (performance.now() - started < budget && times.length < 200)) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

const MB = 1 << 20;
const mbPerS = (bytes, ms) => bytes / MB / (ms / 1000);
/** A rate with two significant digits at least (0.043, 0.52, 4.1, 28.1). */
const fmt1 = (x) => (x >= 1 ? x.toFixed(1) : x.toPrecision(2));

const operations = [
  ["lint", (s) => lint(s).length],
  ["format", (s) => format(s).length],
  ["fix", (s) => fix(s).output.length],
];

let sink = 0;

/**
 * Warms the module up: V8 moves WebAssembly functions from its baseline compiler to TurboFan in
 * the background as they get hot, function by function, and on a short script that takes
 * thousands of calls (a 1 KB lint call: ≈ 110 µs in the first 2,000 calls, ≈ 60–90 µs after
 * 20,000, in one run). Every operation runs on the 1 KB script for `ms` milliseconds, as in an
 * editor that has been open a while (native code needs no warm-up beyond the first of its
 * repeated runs).
 */
function warmUp(source, ms) {
  const until = performance.now() + ms;
  let calls = 0;
  for (; calls < 1000 || performance.now() < until; calls++) {
    for (const [, op] of operations) sink += op(source);
  }
  return calls;
}
const warmUpCalls = warmUp(read(SIZES[0][1]), quick ? 300 : 3000);

const native = existsSync(new URL("native.json", dir)) ? JSON.parse(readFileSync(new URL("native.json", dir), "utf8")) : null;

console.log("## WebAssembly in Node " + process.version + ` (median of repeated runs after ${warmUpCalls} warm-up rounds of lint, format and fix on the 1 KB script, MB/s; × native in brackets)\n`);
console.log(`| script | ${operations.map(([n]) => n).join(" | ")} | lint + format |`);
console.log(`|---|${"---:|".repeat(operations.length + 1)}`);
const sources = new Map();
let bothOf10Mb = 0;
const cell = (name, label, rate) => {
  const base = native?.[name]?.[label];
  return base ? `${fmt1(rate)} (${(rate / base).toFixed(2)}×)` : fmt1(rate);
};
for (const [label, file] of SIZES) {
  const src = read(file);
  sources.set(label, src);
  const bytes = Buffer.byteLength(src);
  const ms = new Map(operations.map(([name, op]) => [name, median(() => (sink += op(src)))]));
  const cells = operations.map(([name]) => cell(name, label, mbPerS(bytes, ms.get(name))));
  // The bar's figure, as the native table has it: the script linted, then formatted.
  const both = mbPerS(bytes, ms.get("lint") + ms.get("format"));
  cells.push(cell("lint + format", label, both));
  console.log(`| ${label} | ${cells.join(" | ")} |`);
  if (label === "10 MB") bothOf10Mb = both;
}
const nativeBoth = native?.["lint + format"]?.["10 MB"];
if (nativeBoth) {
  const ratio = bothOf10Mb / nativeBoth;
  console.log(`\n- bar, lint + format of 10 MB at least half the native figure: ${ratio.toFixed(2)}× — ${ratio >= 0.5 ? "met" : "**missed**"}`);
}

// Latency: every call timed on its own, after warm-up (see `warmUp`: 2 more seconds of lint).
const small = sources.get("1 KB");
const warmUntil = performance.now() + (quick ? 300 : 2000);
let warmCalls = 0;
for (; warmCalls < 1000 || performance.now() < warmUntil; warmCalls++) sink += lint(small).length;
const calls = quick ? 2000 : 20000;
const per = new Float64Array(calls);
for (let i = 0; i < calls; i++) {
  const t = performance.now();
  sink += lint(small).length;
  per[i] = performance.now() - t;
}
per.sort();
const pick = (q) => per[Math.min(calls - 1, Math.floor(q * calls))];
console.log(`\n## Editor latency: lint of the 1 KB script (${Buffer.byteLength(small)} bytes, ${lint(small).length} diagnostics), ${calls} calls after ${warmCalls} warm-up calls (${quick ? 0.3 : 2} s)\n`);
console.log(`- median ${(pick(0.5) * 1000).toFixed(1)} µs, p90 ${(pick(0.9) * 1000).toFixed(1)} µs, p99 ${(pick(0.99) * 1000).toFixed(1)} µs per call (bar: median under 100 µs)`);
console.log(`- load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(", ")} on ${availableParallelism()} CPUs (the p99 of wall times mostly measures the other jobs on a loaded machine)`);

// Where a lint call's time goes: the WebAssembly call (`lintPacked`: copying the UTF-8 in, lint,
// UTF-16 positions, packing the result, copying it out) and the JS around it in pkg/api.js
// (TextEncoder, the options check, building the objects), timed in alternation in the same runs.
console.log("\n## Where the time of lint() goes (median ms per call)\n");
console.log("| script | diagnostics | lint() | in WebAssembly | JS around it | JS share |");
console.log("|---|---:|---:|---:|---:|---:|");
const encoder = new TextEncoder();
for (const label of ["1 KB", "1 MB", "10 MB"]) {
  const src = sources.get(label);
  const totalTimes = [];
  const wasmTimes = [];
  let diagnostics = 0;
  const started = performance.now();
  // Short calls are noisier: many more of them (the budget still bounds the time).
  const most = label === "1 KB" ? 5000 : label === "1 MB" ? 200 : 20;
  while (wasmTimes.length < 3 || (performance.now() - started < budgetMs && wasmTimes.length < most)) {
    const t0 = performance.now();
    diagnostics = lint(src).length;
    const t1 = performance.now();
    const bytes = encoder.encode(src);
    const t2 = performance.now();
    sink += raw.lintPacked(bytes, undefined, true).length;
    wasmTimes.push(performance.now() - t2);
    totalTimes.push(t1 - t0);
  }
  const mid = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  const [t, w] = [mid(totalTimes), mid(wasmTimes)];
  const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1));
  console.log(`| ${label} | ${diagnostics} | ${ms(t)} | ${ms(w)} | ${ms(Math.max(0, t - w))} | ${((Math.max(0, t - w) / t) * 100).toFixed(1)}% |`);
}

// Size, as `make wasm` measures it: `gzip -9` (zlib's level 9 differs from gzip's by a few hundred
// bytes on this module, so the figures would disagree with the bar's check).
const wasmPath = fileURLToPath(new URL("../pkg/doris_lint_bg.wasm", import.meta.url));
const gluePath = fileURLToPath(new URL("../pkg/doris_lint.js", import.meta.url));
let gzipTool = "gzip -9";
function gz(path) {
  try {
    return execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length;
  } catch {
    gzipTool = "zlib level 9 (no gzip here: may differ from `make wasm` by a few hundred bytes)";
    return gzipSync(readFileSync(path), { level: 9 }).length;
  }
}
const [wasmRaw, glueRaw, wasmGz, glueGz] = [statSync(wasmPath).size, statSync(gluePath).size, gz(wasmPath), gz(gluePath)];
console.log(`\n## Package size (bytes; ${gzipTool}, as \`make wasm\` checks it)\n`);
console.log(`- .wasm ${wasmRaw} raw, ${wasmGz} gzipped; JS glue ${glueRaw} raw, ${glueGz} gzipped`);
console.log(`- together ${wasmRaw + glueRaw} raw, ${wasmGz + glueGz} gzipped (bar: under 153600 = 150 KB gzipped)`);

// Side by side: npm sql-formatter formatting the same scripts in this process. It rejects a whole
// script when one statement does not parse (the generated scripts contain mistakes such as
// `("tag.location": "g1")`), so both format the script without the statements sql-formatter
// rejects; doris-lint's figure on the original script is in the first table.
function acceptedBySqlFormatter(src) {
  const shapes = new Map(); // statement shape (digits folded) -> accepted
  const kept = [];
  let dropped = 0;
  for (const st of parse(src)) {
    const shape = st.text.replace(/[0-9]+/g, "0");
    let ok = shapes.get(shape);
    if (ok === undefined) {
      try {
        sqlFormat(st.text, { language: "mysql" });
        ok = true;
      } catch {
        ok = false;
      }
      shapes.set(shape, ok);
    }
    if (ok) kept.push(st.text);
    else dropped++;
  }
  return { text: kept.join(";\n") + ";\n", dropped, total: kept.length + dropped };
}

/** sql-formatter's MB/s on `text`, one run in a child process with a 12 GB heap. */
function sqlFormatterInChild(text) {
  const file = resolve(tmpdir(), `doris-lint-bench-${process.pid}.sql`);
  writeFileSync(file, text);
  const heapMb = 12 * 1024;
  try {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, fileURLToPath(import.meta.url), "--sql-formatter", file], {
      encoding: "utf8",
      timeout: 30 * 60 * 1000,
      maxBuffer: 1 << 20,
    });
    if (child.status === 0) return JSON.parse(child.stdout).mbPerS;
    const why = /heap out of memory/.test(child.stderr)
      ? `ran out of memory with a ${heapMb / 1024} GB heap`
      : child.signal
        ? `stopped by ${child.signal} (30 min limit)`
        : (child.stderr.trim().split("\n").pop() ?? `exit ${child.status}`);
    throw new Error(why);
  } finally {
    unlinkSync(file);
  }
}

console.log("\n## Formatting side by side with npm sql-formatter (language \"mysql\"), same process, MB/s\n");
console.log("| script | statements sql-formatter rejects (left out) | doris-lint format (wasm) | sql-formatter | doris-lint ÷ sql-formatter |");
console.log("|---|---:|---:|---:|---:|");
for (const label of ["1 MB", "10 MB"]) {
  const { text, dropped, total } = acceptedBySqlFormatter(sources.get(label));
  const bytes = Buffer.byteLength(text);
  const ours = mbPerS(bytes, median(() => (sink += format(text).length)));
  let theirs;
  try {
    theirs = label === "10 MB" ? sqlFormatterInChild(text) : mbPerS(bytes, median(() => (sink += sqlFormat(text, { language: "mysql" }).length)));
  } catch (e) {
    console.log(`| ${label} | ${dropped} of ${total} | ${fmt1(ours)} | failed: ${String(e.message ?? e).split("\n")[0].slice(0, 80)} | — |`);
    continue;
  }
  console.log(`| ${label} | ${dropped} of ${total} | ${fmt1(ours)} | ${fmt1(theirs)} | ${(ours / theirs).toFixed(1)}× |`);
}

if (sink === 42) console.log(""); // keeps the results alive
