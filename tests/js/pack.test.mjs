// `npm pack` the package, install the tarball into a scratch project in a temp dir and use it from
// Node the way users do.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = fileURLToPath(new URL("../../pkg/", import.meta.url));
let scratch;
let packed;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), "doris-lint-pack-"));
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: pkgDir, encoding: "utf8" });
  packed = JSON.parse(out)[0];
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(scratch, packed.filename)], { cwd: scratch, stdio: "pipe" });
});

after(() => rmSync(scratch, { recursive: true, force: true }));

function run(code) {
  const file = join(scratch, `t${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return execFileSync(process.execPath, [file], { cwd: scratch, encoding: "utf8" });
}

test("the tarball holds the package and nothing else", () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ["package.json", "README.md", "index.js", "node.js", "api.js", "index.d.ts", "doris_lint.js", "doris_lint_bg.wasm", "codemirror.js", "codemirror.d.ts", "monaco.js", "monaco.d.ts"]) {
    assert.ok(files.includes(f), `${f} is missing from the tarball: ${files}`);
  }
  assert.ok(files.every((f) => !f.startsWith("test") && !f.includes("node_modules")), String(files));
  assert.equal(packed.name, "doris-lint");
  assert.deepEqual(readdirSync(join(scratch, "node_modules")).filter((d) => !d.startsWith(".")), ["doris-lint"]);
});

test("import { lint } from \"doris-lint\" works in Node without flags or init", () => {
  const out = run(`
    import { lint, parse, rules, version } from "doris-lint";
    const ds = lint("ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;");
    console.log(JSON.stringify({ codes: ds.map((d) => d.code), from: ds[0].from, to: ds[0].to, n: rules().length, kind: parse("ALTER SYSTEM DROPP BACKEND '1'")[0].kind, version: version() }));
  `);
  const r = JSON.parse(out);
  assert.deepEqual(r.codes, ["D007"]);
  assert.deepEqual([r.from, r.to], [25, 38]);
  assert.ok(r.n >= 12);
  assert.equal(r.kind, "dropp_backend");
  assert.equal(r.version, JSON.parse(execFileSync("node", ["-p", "JSON.stringify(require('./package.json').version)"], { cwd: pkgDir, encoding: "utf8" })));
});

test("the browser entry asks for init() and then works", () => {
  const out = run(`
    import { readFileSync } from "node:fs";
    import init, { lint, isReady } from "./node_modules/doris-lint/index.js";
    let message = "";
    try { lint("x"); } catch (e) { message = e.message; }
    const wasm = readFileSync(new URL("./node_modules/doris-lint/doris_lint_bg.wasm", import.meta.url));
    await init(wasm);
    await init();
    console.log(JSON.stringify({ message, ready: isReady(), codes: lint("# x").map((d) => d.code) }));
  `);
  const r = JSON.parse(out);
  assert.match(r.message, /before the WebAssembly was loaded; `await init\(\)` first/);
  assert.equal(r.ready, true);
  assert.deepEqual(r.codes, ["D004"]);
});

test("exports carry the types, and import() from CommonJS works", () => {
  const pkg = JSON.parse(run(`import { readFileSync } from "node:fs"; console.log(readFileSync("node_modules/doris-lint/package.json", "utf8"));`));
  assert.equal(pkg.exports["."].types, "./index.d.ts");
  assert.equal(pkg.exports["./codemirror"].types, "./codemirror.d.ts");
  assert.equal(pkg.exports["./monaco"].types, "./monaco.d.ts");
  // An ES module package: CommonJS code reaches it with import().
  const file = join(scratch, "t.cjs");
  writeFileSync(file, `import("doris-lint").then((m) => console.log(m.lint("# x").length));`);
  assert.equal(execFileSync(process.execPath, [file], { cwd: scratch, encoding: "utf8" }).trim(), "1");
});
