// The package's public API, imported the way users do: `from "doris-lint"` (the "node" entry).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import init, { fix, format, init as namedInit, isReady, lint, parse, rules, version } from "doris-lint";

test("Node loads the WebAssembly at import; init() resolves at once", async () => {
  assert.equal(isReady(), true);
  assert.equal(init, namedInit);
  await init();
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test("lint returns diagnostics in the documented shape", () => {
  const source = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\n";
  const [d, ...rest] = lint(source);
  assert.equal(rest.length, 0);
  assert.deepEqual(Object.keys(d).sort(), ["code", "end", "fix", "from", "help", "message", "rule", "severity", "start", "to"]);
  assert.equal(d.code, "D007");
  assert.equal(d.rule, "unquoted-address");
  assert.equal(d.severity, "error");
  assert.equal(source.slice(d.from, d.to), "10.0.0.1:9050");
  assert.deepEqual(d.start, { line: 1, column: 26 });
  assert.deepEqual(d.end, { line: 1, column: 39 });
  assert.deepEqual(Object.keys(d.fix).sort(), ["applicability", "edits", "message"]);
  assert.equal(d.fix.applicability, "safe");
  assert.deepEqual(d.fix.edits, [
    { from: 25, to: 25, insert: '"' },
    { from: 38, to: 38, insert: '"' },
  ]);
  // Plain objects and arrays, not Maps.
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
  assert.ok(Array.isArray(d.fix.edits));
});

test("lint keys come in the documented order, as JSON would give them", () => {
  const [d] = lint("ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\n");
  assert.deepEqual(Object.keys(d), ["code", "rule", "severity", "message", "help", "from", "to", "start", "end", "fix"]);
  assert.deepEqual(Object.keys(d.fix), ["message", "applicability", "edits"]);
  // With help or fix absent, the others keep their order.
  const order = ["code", "rule", "severity", "message", "help", "from", "to", "start", "end", "fix"];
  const fixtures = new URL("../fixtures/rules/", import.meta.url);
  const all = ["D007/invalid.sql", "D901/invalid.sql", "D201/invalid.sql"].flatMap((f) => lint(readFileSync(new URL(f, fixtures), "utf8")));
  assert.ok(all.some((d) => !("help" in d)) && all.some((d) => !("fix" in d)));
  for (const d of all) assert.deepEqual(Object.keys(d), order.filter((k) => k in d));
});

test("options reused between calls are read again whenever they change", () => {
  const source = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;";
  const codes = (options) => lint(source, options).map((d) => `${d.code}:${d.severity}`);
  const options = { rules: { D007: "warning" } };
  assert.deepEqual(codes(options), ["D007:warning"]);
  assert.deepEqual(codes(options), ["D007:warning"]);
  // The same object, changed in place; an equal fresh object; a different type or order.
  options.rules.D007 = "off";
  assert.deepEqual(codes(options), []);
  assert.deepEqual(codes({ rules: { D007: "off" } }), []);
  assert.deepEqual(codes({ rules: { D007: "info" } }), ["D007:info"]);
  assert.deepEqual(codes(undefined), ["D007:error"]);
  assert.deepEqual(codes({ locale: "en", rules: { D007: "off" } }), []);
  assert.deepEqual(codes({ rules: { D007: "off" }, locale: "en" }), []);
  // What the first read rejects is still rejected after an equal-looking accepted value.
  assert.deepEqual(codes({ rules: {} }), ["D007:error"]);
  assert.throws(() => lint(source, { rules: new Map() }), /plain object/);
  assert.throws(() => lint(source, { rules: { D007: "loud" } }), /`rules.D007`/);
  assert.deepEqual(codes({ rules: {} }), ["D007:error"]);
});

test("a clean script gives an empty array", () => {
  assert.deepEqual(lint('ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";'), []);
  assert.deepEqual(lint(""), []);
});

/** Applies edits (UTF-16, sorted, non-overlapping) to a string. */
function applyEdits(source, edits) {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

test("positions with Chinese comments, emoji and CRLF land on the flagged text", () => {
  const source = [
    "-- 扩容：新增两台 BE 😀🚀",
    "/* 注释 ✨ */ ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;",
    "# 😀 MySQL 习惯",
    'ALTER SYSTEM ADD BACKEND "10.0.0.2:9050" PROPERTIES （"tag.location" = "组"）；',
    "ALTER SYSTEM ADD BACKEND \"10.0.0.3:9050\"\u00a0PROPERTIES (\"tag.location\" = \"g\");",
    'ALTER SYSTEM MODIFY BACKEND "10.0.0.4:9050" SET ("tag.location": "组2");',
    "",
  ].join("\r\n");
  const ds = lint(source);
  const flagged = ds.map((d) => [d.code, source.slice(d.from, d.to)]);
  assert.deepEqual(flagged, [
    ["D007", "10.0.0.1:9050"],
    ["D004", "#"],
    ["D005", "（"],
    ["D005", "）"],
    ["D005", "；"],
    ["D006", "\u00a0"],
    ["D009", ":"],
    ["D204", '"组2"'],
  ]);
  const lines = source.split("\n");
  for (const d of ds) {
    // 1-based line and UTF-16 column agree with the offsets.
    const lineStart = source.lastIndexOf("\n", d.from - 1) + 1;
    assert.equal(d.start.line, source.slice(0, d.from).split("\n").length, d.code);
    assert.equal(d.start.column, d.from - lineStart + 1, d.code);
    assert.equal(lines[d.start.line - 1].slice(d.start.column - 1, d.start.column - 1 + (d.to - d.from)), source.slice(d.from, d.to));
  }
  // Every safe fix applied at once gives the repaired text (edits in UTF-16 too).
  const edits = ds.filter((d) => d.fix?.applicability === "safe").flatMap((d) => d.fix.edits);
  const fixed = applyEdits(source, edits);
  assert.ok(fixed.includes('ADD BACKEND "10.0.0.1:9050";'));
  assert.ok(fixed.includes("-- 😀 MySQL 习惯"));
  assert.ok(fixed.includes('PROPERTIES ("tag.location" = "组");'));
  assert.ok(fixed.includes('"10.0.0.3:9050" PROPERTIES ("tag.location" = "g");'));
  assert.ok(fixed.includes('SET ("tag.location"= "组2");'));
  // What no fix can repair: tag values Doris rejects (D204 has no fix), flagged in the new text.
  assert.deepEqual(lint(fixed).map((d) => [d.code, fixed.slice(d.from, d.to)]), [["D204", '"组"'], ["D204", '"组2"']]);
});

test("options use the config names; unknown or mistyped ones throw an Error naming them", () => {
  const source = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;";
  assert.equal(lint(source, { rules: { D007: "warning" } })[0].severity, "warning");
  assert.equal(lint(source, { rules: { "unquoted-address": "off" } }).length, 0);
  assert.equal(lint(source, null).length, 1);
  assert.equal(lint(source, undefined).length, 1);
  assert.equal(lint(source, { dorisVersion: undefined }).length, 1);
  const zh = lint(source, { locale: "zh-CN" })[0];
  assert.notEqual(zh.message, lint(source)[0].message);
  lint(source, {
    mode: "integrated",
    dorisVersion: "2.1",
    enableMultiTags: false,
    ports: { heartbeat: 9050, editLog: 9010, broker: 8000 },
    existingBackends: ["10.0.0.1:9050", "10002"],
    rules: {},
    locale: "en",
  });
  const cases = [
    [{ colour: "red" }, /invalid option `colour`: unknown field `colour`/],
    [{ ports: { heartbeat: "9050" } }, /invalid option `ports\.heartbeat`: invalid type: string "9050"/],
    [{ ports: { hearbeat: 9050 } }, /invalid option `ports\.hearbeat`: unknown field/],
    [{ mode: "cloud" }, /invalid option `mode`: unknown variant `cloud`/],
    [{ rules: { D007: true } }, /invalid option `rules\.D007`/],
    [{ existingBackends: "10.0.0.1:9050" }, /invalid option `existingBackends`/],
    [{ enableMultiTags: "yes" }, /invalid option `enableMultiTags`/],
    [{ locale: () => "en" }, /option `locale` has an unsupported type \(function\)/],
    [42, /`options` must be an object, got number/],
    ["{}", /`options` must be an object, got string/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => lint(source, options), (e) => e instanceof Error && message.test(e.message), JSON.stringify(options));
  }
});

test("a source that is not a string throws a clear Error", () => {
  for (const [source, what] of [[null, "null"], [undefined, "undefined"], [42, "number"], [{}, "object"], [["x"], "an array"], [Symbol("s"), "symbol"]]) {
    for (const f of [() => lint(source), () => parse(source)]) {
      assert.throws(f, { name: "Error", message: `doris-lint: \`source\` must be a string, got ${what}` });
    }
  }
  assert.throws(() => lint(), /must be a string, got undefined/);
});

test("lone surrogates do not trap and offsets still match", () => {
  const source = "-- \ud800 \udfff\nALTER SYSTEM ADD BACKEND \udc00 10.0.0.1:9050;";
  const ds = lint(source);
  assert.ok(ds.length > 0);
  for (const d of ds) assert.ok(d.from <= d.to && d.to <= source.length);
  assert.deepEqual(parse(source).map((s) => s.kind), ["syntax_error"]);
  const ok = lint("-- \ud83d\nALTER SYSTEM ADD BACKEND 1.2.3.4:9050;");
  assert.equal(ok.length, 1);
  assert.equal("-- \ud83d\nALTER SYSTEM ADD BACKEND 1.2.3.4:9050;".slice(ok[0].from, ok[0].to), "1.2.3.4:9050");
});

test("nothing traps on odd input, and the module keeps working after an error", () => {
  const inputs = ["\0", "'", '"', "/*", "ALTER SYSTEM", ";;;;", "ALTER SYSTEM ADD BACKEND (((((", "😀".repeat(1000), "ALTER SYSTEM ADD BACKEND " + '"a",'.repeat(2000)];
  for (const s of inputs) {
    lint(s);
    parse(s);
  }
  assert.throws(() => lint(null));
  assert.equal(lint("ALTER SYSTEM ADD BACKEND 1.2.3.4:9050;").length, 1);
});

test("parse returns the statements with UTF-16 spans", () => {
  const source = "SHOW BACKENDS;\r\n-- 新节点 🚀\r\nALTER SYSTEM MODIFY BACKEND '10.0.0.1:9050' SET (\"tag.location\" = \"g1\");\r\nALTER SYSTEM MODIFY FRONTEND \"fe:9010\" HOSTNAME \"fe-1\";\r\nALTER SYSTEM ADD BROKER b1 \"h:8000\"";
  const st = parse(source);
  assert.deepEqual(st.map((s) => s.kind), ["other", "modify_backend", "modify_frontend_hostname", "add_broker"]);
  for (const s of st) assert.equal(source.slice(s.from, s.to), s.text);
  const m = st[1];
  assert.deepEqual(m.keywords, ["ALTER", "SYSTEM", "MODIFY", "BACKEND", "SET"]);
  assert.deepEqual(m.start, { line: 3, column: 1 });
  assert.equal(m.addresses[0].value, "10.0.0.1:9050");
  assert.equal(m.addresses[0].quote, "single_quoted");
  assert.equal(source.slice(m.addresses[0].from, m.addresses[0].to), "'10.0.0.1:9050'");
  assert.deepEqual([m.properties[0].key.value, m.properties[0].value.value], ["tag.location", "g1"]);
  assert.equal(st[2].hostname.value, "fe-1");
  assert.equal(st[3].names[0].value, "b1");
  assert.equal(st[3].addresses[0].value, "h:8000");
});

test("rules() lists every rule's metadata", () => {
  const rs = rules();
  assert.ok(rs.length >= 12);
  assert.deepEqual(rs.map((r) => r.code), [...rs.map((r) => r.code)].sort());
  for (const r of rs) {
    assert.deepEqual(Object.keys(r).sort(), ["code", "defaultSeverity", "explanation", "fix", "name", "summary"]);
    assert.match(r.code, /^D\d{3}$/);
    assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(["error", "warning", "info", "off"].includes(r.defaultSeverity));
    assert.ok(["none", "safe", "unsafe", "sometimes"].includes(r.fix));
    assert.ok(r.summary.length > 0 && r.explanation.length > 0);
  }
  assert.equal(rs.find((r) => r.code === "D007").name, "unquoted-address");
});

test("format lays out statements and takes the config names", () => {
  const source = "-- 扩容 😀\r\nalter system add backend '10.0.0.1:9050','10.0.0.2:9050' properties ('tag.location'='g1');\nSHOW BACKENDS;\n";
  const out = format(source);
  assert.ok(out.includes('ALTER SYSTEM ADD BACKEND\n    "10.0.0.1:9050",\n    "10.0.0.2:9050"\nPROPERTIES ("tag.location" = "g1");'), out);
  assert.equal(format("alter system add backend 'h:9050' properties('tag.location'='g')"), 'ALTER SYSTEM ADD BACKEND "h:9050" PROPERTIES ("tag.location" = "g");\n');
  assert.ok(out.includes("-- 扩容 😀"));
  assert.ok(out.includes("SHOW BACKENDS;"));
  assert.equal(format(out), out);
  const lower = format(source, { keywordCase: "lower", quoteStyle: "single", lineWidth: 30, indent: "tab" });
  assert.ok(lower.includes("alter system add backend\n\t'10.0.0.1:9050',"), lower);
  assert.equal(format(source, { indent: 2, lineWidth: 30 }).includes("\n  \"10.0.0.1:9050\","), true);
  assert.equal(format(""), "");
  for (const [options, name] of [[{ lineWidht: 80 }, "lineWidht"], [{ indent: "tabs" }, "indent"], [{ indent: 1.5 }, "indent"], [{ semicolon: false }, "semicolon"]]) {
    assert.throws(() => format(source, options), (e) => e instanceof Error && e.message.includes(`invalid option \`${name}\``), JSON.stringify(options));
  }
  assert.throws(() => format(42), /`source` must be a string, got number/);
});

test("fix applies the safe fixes, the unsafe ones on request, and reports", () => {
  const source = "-- 扩容 😀\r\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\n# note\nALTER SYSTEM ADD BACKENDS \"a:9050\";";
  const r = fix(source);
  assert.deepEqual(Object.keys(r).sort(), ["applied", "converged", "output", "remaining", "rounds"]);
  assert.ok(r.output.includes('ADD BACKEND "10.0.0.1:9050";\n-- note\n'), r.output);
  const codes = r.applied.map((a) => a.code);
  assert.ok(codes.includes("D007") && codes.includes("D004"), String(codes));
  for (const a of r.applied) {
    assert.deepEqual(Object.keys(a).sort(), ["applicability", "code", "message", "rule"]);
    assert.equal(a.applicability, "safe");
  }
  assert.ok(r.rounds >= 1);
  assert.equal(r.converged, true);
  // What remains is reported against the output, and it is what lint() says of the output.
  assert.deepEqual(r.remaining, lint(r.output));
  assert.ok(r.remaining.some((d) => d.code === "D008"));
  const u = fix(source, { unsafeFixes: true, locale: "zh-CN" });
  assert.ok(!u.remaining.some((d) => d.code === "D008"), JSON.stringify(u.remaining));
  assert.ok(u.applied.some((a) => a.applicability === "unsafe"));
  const clean = 'ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";';
  assert.deepEqual(fix(clean), { output: clean, applied: [], remaining: [], rounds: 0, converged: true });
  assert.throws(() => fix(source, { unsafeFixes: "yes" }), /invalid option `unsafeFixes`/);
  assert.throws(() => fix(source, { unsafe: true }), /invalid option `unsafe`: unknown field/);
  assert.throws(() => fix(source, 1), /`options` must be an object, got number/);
  assert.throws(() => fix(null), /`source` must be a string, got null/);
});
