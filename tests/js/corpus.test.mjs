// Cross-surface: the wasm package and the native library give identical diagnostics (code, rule,
// severity, message, help, spans, fixes), identical formatted text and identical fix() output on every statement of the real-statement corpus
// (../shared/corpus/real-statements.jsonl beside the repository, read at run time), on the
// whole corpus as one script, and on position-stress samples. Native results come from
// `cargo run --example native_results` with *byte* spans; this test converts them to UTF-16
// itself, independently of the Rust conversion the wasm side uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { fix, format, lint } from "doris-lint";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const corpusPath = fileURLToPath(new URL("../../../shared/corpus/real-statements.jsonl", import.meta.url));

/** The UTF-16 offset of byte offset `byte` of `text`'s UTF-8 encoding. */
function utf16(bytes, byte) {
  return bytes.subarray(0, byte).toString("utf8").length;
}

/** 1-based line and UTF-16 column of a UTF-16 offset (lines end at \n). */
function lineCol(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

function fromNative(sql, d) {
  const bytes = Buffer.from(sql, "utf8");
  const from = utf16(bytes, d.start);
  const to = utf16(bytes, d.end);
  const out = { code: d.code, rule: d.rule, severity: d.severity, message: d.message };
  if (d.help !== null) out.help = d.help;
  Object.assign(out, { from, to, start: lineCol(sql, from), end: lineCol(sql, to) });
  if (d.fix !== null) {
    out.fix = {
      message: d.fix.message,
      applicability: d.fix.applicability,
      edits: d.fix.edits.map((e) => ({ from: utf16(bytes, e.start), to: utf16(bytes, e.end), insert: e.insert })),
    };
  }
  return out;
}

function nativeResults(cases) {
  const dir = mkdtempSync(join(tmpdir(), "doris-lint-native-"));
  try {
    const input = join(dir, "cases.jsonl");
    writeFileSync(input, cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
    const out = execFileSync("cargo", ["run", "--quiet", "--locked", "--example", "native_results", "--", input], {
      cwd: repo,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readCorpus() {
  if (!existsSync(corpusPath)) {
    assert.fail(`the real-statement corpus is missing: expected ${corpusPath} (the shared/ folder beside the repository)`);
  }
  return readFileSync(corpusPath, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

const stress = [
  "-- 扩容：新增 BE 😀🚀\r\n/* 注释 ✨ */ ALTER SYSTEM ADD BACKEND 10.0.0.1:9050；\r\n# 😀\r\nALTER SYSTEM ADD BACKEND \"a:1\"\u3000PROPERTIES （\"tag.location\"：\"组\"）;\r\n",
  "ALTER SYSTEM ADD BACKEND \"😀:9050\", 'b:9050' PROPERTIES (tag.location = \"g\",);\nALTER SYSTEM ADD BACKEND R'h:1';",
  "ALTER SYSTEM ADD BACKEND \"unterminated 😀\r\nALTER SYSTEM DROP BACKEND '1' /* 未闭合",
];

test("wasm and native agree on every corpus statement, the whole corpus and stress samples: diagnostics and formatting", () => {
  const corpus = readCorpus();
  assert.ok(corpus.length > 100, `only ${corpus.length} statements in ${corpusPath}`);
  const cases = [
    ...corpus.map((c) => ({ sql: c.sql })),
    { sql: corpus.map((c) => c.sql).join(";\n") + ";\n" },
    { sql: corpus.map((c) => c.sql).join(";\r\n-- 下一条 😀\r\n") },
    ...stress.map((sql) => ({ sql })),
    ...stress.map((sql) => ({ sql, options: { locale: "zh-CN", rules: { D004: "warning", D012: "info" } } })),
    ...corpus.map((c) => ({
      sql: c.sql,
      format: { keywordCase: "lower", quoteStyle: "single", indent: "tab", lineWidth: 40, commaStyle: "leading", propertiesLayout: "expanded", semicolon: "preserve" },
    })),
  ];
  const native = nativeResults(cases);
  assert.equal(native.length, cases.length);
  let diagnostics = 0;
  let reformatted = 0;
  let fixedCases = 0;
  for (const [i, c] of cases.entries()) {
    assert.equal(native[i].sql, c.sql);
    const expected = native[i].diagnostics.map((d) => fromNative(c.sql, d));
    const actual = lint(c.sql, c.options);
    assert.deepEqual(actual, expected, `case ${i}: ${c.sql.slice(0, 200)}`);
    assert.equal(format(c.sql, c.format), native[i].formatted, `format, case ${i}: ${c.sql.slice(0, 200)}`);
    const fixed = fix(c.sql, c.options);
    assert.equal(fixed.output, native[i].fixed, `fix, case ${i}: ${c.sql.slice(0, 200)}`);
    assert.deepEqual(fixed.applied.map((a) => a.code), native[i].fixed_codes, `fix, case ${i}`);
    if (native[i].fixed !== c.sql) fixedCases++;
    if (native[i].formatted !== c.sql) reformatted++;
    for (const d of actual) {
      assert.ok(0 <= d.from && d.from <= d.to && d.to <= c.sql.length);
    }
    diagnostics += actual.length;
  }
  // The comparison covered real diagnostics, fixes and non-ASCII positions.
  assert.ok(diagnostics > 20, `only ${diagnostics} diagnostics compared`);
  assert.ok(reformatted > 100, `only ${reformatted} texts changed by the formatter`);
  assert.ok(fixedCases > 5, `only ${fixedCases} texts changed by fix()`);
});
