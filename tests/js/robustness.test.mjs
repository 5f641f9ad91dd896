// Hostile arguments through the public entry (issue #8, the wasm part): sources that are not
// strings, sources with lone UTF-16 surrogates, options of the wrong type. Every call either
// returns a result or throws a JS Error whose message says what was wrong; nothing traps, and the
// module keeps working afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";

import { fix, format, lint, parse } from "doris-lint";

const SOURCE = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;";

/** The four functions that take a source, each called with (source, options). */
const FUNCTIONS = {
  lint: (s, o) => lint(s, o),
  format: (s, o) => format(s, o),
  fix: (s, o) => fix(s, o),
  parse: (s) => parse(s),
};

/** Asserts that `f()` throws a real `Error` (not a WebAssembly.RuntimeError) matching `message`. */
function throwsError(f, message, label) {
  assert.throws(
    f,
    (e) => {
      assert.ok(e instanceof Error, `${label}: threw ${String(e)}, not an Error`);
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label}: trapped: ${e.message}`);
      assert.equal(e.name, "Error", label);
      assert.match(e.message, message, label);
      return true;
    },
    label,
  );
}

test("a source that is not a string throws an Error naming what it got, for every function", () => {
  const cases = [
    [null, "null"],
    [undefined, "undefined"],
    [42, "number"],
    [Number.NaN, "number"],
    [true, "boolean"],
    [10n, "bigint"],
    [Symbol("sql"), "symbol"],
    [{}, "object"],
    [{ toString: () => SOURCE }, "object"],
    [new String(SOURCE), "object"],
    [[SOURCE], "an array"],
    [() => SOURCE, "function"],
  ];
  for (const [name, f] of Object.entries(FUNCTIONS)) {
    for (const [source, what] of cases) {
      throwsError(() => f(source), new RegExp(`^doris-lint: \`source\` must be a string, got ${what}$`), `${name}(${String(what)})`);
    }
    throwsError(() => f(), /^doris-lint: `source` must be a string, got undefined$/, `${name}()`);
  }
});

test("options of the wrong type throw an Error naming the option, for lint, format and fix", () => {
  const notObjects = [
    [42, "number"],
    ["{}", "string"],
    [true, "boolean"],
    [[], "an array"],
    [() => ({}), "function"],
    [Symbol("o"), "symbol"],
    [5n, "bigint"],
  ];
  for (const name of ["lint", "format", "fix"]) {
    for (const [options, what] of notObjects) {
      throwsError(() => FUNCTIONS[name](SOURCE, options), new RegExp(`\`options\` must be an object, got ${what}`), `${name} options ${what}`);
    }
    for (const options of [new Map([["mode", "integrated"]]), new Date(0), new (class Options {})()]) {
      throwsError(() => FUNCTIONS[name](SOURCE, options), /`options` must be a plain object/, `${name} ${options.constructor.name}`);
    }
    // Unknown names and mistyped values of every kind, at any depth.
    throwsError(() => FUNCTIONS[name](SOURCE, { nonsense: 1 }), /invalid option `nonsense`: unknown field/, `${name} unknown`);
    throwsError(() => FUNCTIONS[name](SOURCE, { x: 10n }), /option `x` has an unsupported type \(bigint\)/, `${name} bigint value`);
    throwsError(() => FUNCTIONS[name](SOURCE, { x: Symbol("s") }), /option `x` has an unsupported type \(symbol\)/, `${name} symbol value`);
    const cyclic = {};
    cyclic.self = cyclic;
    throwsError(() => FUNCTIONS[name](SOURCE, cyclic), /nested too deeply/, `${name} cycle`);
  }
  const lintCases = [
    [{ mode: 1 }, /invalid option `mode`: invalid type: integer `1`/],
    [{ mode: null }, /invalid option `mode`: invalid type: null/],
    [{ dorisVersion: 2.1 }, /invalid option `dorisVersion`: invalid type: number 2\.1/],
    [{ dorisVersion: "two" }, /invalid option `dorisVersion`: `two` is not a version/],
    [{ enableMultiTags: "true" }, /invalid option `enableMultiTags`: invalid type: string "true", expected a boolean/],
    [{ ports: 9050 }, /invalid option `ports`: invalid type: integer `9050`, expected struct Ports/],
    [{ ports: [9050] }, /invalid option `ports`: invalid type: an array, expected struct Ports/],
    [{ ports: { heartbeat: 9050.5 } }, /invalid option `ports\.heartbeat`: invalid type: number 9050\.5/],
    [{ ports: { heartbeat: Number.POSITIVE_INFINITY } }, /invalid option `ports\.heartbeat`: invalid type: number Infinity/],
    [{ ports: { heartbeat: -1 } }, /invalid option `ports\.heartbeat`: invalid value: integer `-1`, expected u16/],
    [{ ports: { editLog: 0 } }, /invalid option `ports\.editLog`: a port must be between 1 and 65535/],
    [{ existingBackends: [1] }, /invalid option `existingBackends\[0\]`: invalid type: integer `1`, expected a string/],
    [{ existingBackends: { a: "b" } }, /invalid option `existingBackends`: invalid type: an object, expected a sequence/],
    [{ rules: ["D001"] }, /invalid option `rules`: invalid type: an array, expected a map/],
    [{ rules: { D007: 2 } }, /invalid option `rules\.D007`: invalid type: integer `2`/],
    [{ rules: { D0O7: "off" } }, /invalid option `rules\.D0O7`: no rule has the code or name `D0O7` \(did you mean `D007`\?\)/],
    [{ locale: "zh" }, /invalid option `locale`: unknown variant `zh`, expected `en` or `zh-CN`/],
  ];
  for (const [options, message] of lintCases) {
    throwsError(() => lint(SOURCE, options), message, `lint ${JSON.stringify(options)}`);
    throwsError(() => fix(SOURCE, options), message, `fix ${JSON.stringify(options)}`);
  }
  throwsError(() => fix(SOURCE, { unsafeFixes: 1 }), /invalid option `unsafeFixes`: invalid type: integer `1`, expected a boolean/, "fix unsafeFixes");
  throwsError(() => lint(SOURCE, { unsafeFixes: true }), /invalid option `unsafeFixes`: unknown field/, "lint takes no unsafeFixes");
  const formatCases = [
    [{ keywordCase: "UPPER" }, /invalid option `keywordCase`: unknown variant `UPPER`/],
    [{ quoteStyle: 2 }, /invalid option `quoteStyle`: invalid type: integer `2`/],
    [{ indent: -2 }, /invalid option `indent`: invalid value: integer `-2`/],
    [{ indent: 17 }, /invalid option `indent`: invalid value: integer `17`/],
    [{ indent: "\t" }, /invalid option `indent`: invalid value: string "\\t"/],
    [{ lineWidth: -1 }, /invalid option `lineWidth`: invalid value: integer `-1`/],
    [{ lineWidth: Number.NaN }, /invalid option `lineWidth`: invalid type: number NaN/],
    [{ commaStyle: true }, /invalid option `commaStyle`: invalid type: boolean `true`/],
    [{ propertiesLayout: [] }, /invalid option `propertiesLayout`: invalid type: an array/],
    [{ semicolon: {} }, /invalid option `semicolon`: invalid type: an object/],
    [{ mode: "integrated" }, /invalid option `mode`: unknown field `mode`/],
  ];
  for (const [options, message] of formatCases) {
    throwsError(() => format(SOURCE, options), message, `format ${JSON.stringify(options)}`);
  }
});

test("lone surrogates never trap: each becomes U+FFFD, one UTF-16 unit, so offsets still match", () => {
  const sources = [
    "-- \ud800\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;",
    "ALTER SYSTEM ADD BACKEND '\udfff' , 10.0.0.2:9050;",
    "/* \udbff\udbff */ alter system add backend \"h:9050\"\ud800",
    "\ud83d",
    "\udc00".repeat(1000),
  ];
  for (const source of sources) {
    const replaced = source.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
    const ds = lint(source);
    for (const d of ds) {
      assert.ok(d.from <= d.to && d.to <= source.length, JSON.stringify(d));
      assert.equal(source.slice(d.from, d.to).length, d.to - d.from);
    }
    // format and fix work on the text with U+FFFD in place of each lone surrogate.
    assert.equal(format(source), format(replaced));
    assert.deepEqual(fix(source), fix(replaced));
    assert.deepEqual(parse(source), parse(replaced));
    for (const st of parse(source)) assert.equal(replaced.slice(st.from, st.to), st.text);
  }
  const flagged = lint("-- \ud800\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;").find((d) => d.code === "D007");
  assert.equal("-- \ud800\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;".slice(flagged.from, flagged.to), "10.0.0.1:9050");
});

test("after every kind of error the module still works", () => {
  const throwing = {};
  Object.defineProperty(throwing, "mode", { enumerable: true, get: () => { throw new Error("getter says no"); } });
  assert.throws(() => lint(SOURCE, throwing), /getter says no/);
  const proxy = new Proxy({}, { ownKeys: () => { throw new TypeError("proxy says no"); } });
  assert.throws(() => format(SOURCE, proxy), /proxy says no/);
  for (let i = 0; i < 200; i++) {
    assert.throws(() => lint(null));
    assert.throws(() => format(SOURCE, { indent: "x" }));
    assert.throws(() => fix(SOURCE, 1));
  }
  assert.equal(lint(SOURCE).length, 1);
  assert.equal(format(SOURCE), 'ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\n');
  assert.equal(fix(SOURCE).output, 'ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";');
  assert.equal(parse(SOURCE)[0].kind, "add_backend");
});
