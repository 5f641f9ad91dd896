// A Vite production build of a browser app that imports "doris-lint" (no plugin, default
// config): the .wasm must be emitted as an asset and found by init() through import.meta.url.
// The built bundle is then run in Node with `fetch` serving the build's files, as a browser would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { build } from "vite";

test("a Vite build bundles the package and its .wasm, and runs", async () => {
  const root = fileURLToPath(new URL("./vite-app/", import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), "doris-lint-vite-"));
  try {
    // Vite's defaults, but without its modulepreload polyfill (DOM code that has nothing to do with
    // the package and would need a whole DOM to run here).
    await build({ root, logLevel: "silent", configFile: false, build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } } });
    const assets = readdirSync(join(outDir, "assets"));
    const wasm = assets.filter((f) => f.endsWith(".wasm"));
    const js = assets.filter((f) => f.endsWith(".js"));
    assert.equal(wasm.length, 1, `one .wasm asset expected: ${assets}`);
    assert.equal(js.length, 1, `one JS chunk expected: ${assets}`);
    const bundle = readFileSync(join(outDir, "assets", js[0]), "utf8");
    assert.ok(bundle.includes(wasm[0]), "the bundle refers to the emitted .wasm");
    assert.ok(!bundle.includes("node:fs"), "the browser bundle must not use the Node entry");

    // Run it: fetch() serves the build's folder, as a static server at the site's root would
    // (Vite writes the asset URL from `base`, "/" by default).
    const realFetch = globalThis.fetch;
    const fetched = [];
    globalThis.document = { getElementById: () => null };
    globalThis.fetch = async (url) => {
      const u = new URL(url);
      fetched.push(u.pathname);
      const path = fileURLToPath(u).startsWith(outDir) ? fileURLToPath(u) : join(outDir, u.pathname);
      return new Response(readFileSync(path), { headers: { "content-type": "application/wasm" } });
    };
    try {
      await import(pathToFileURL(join(outDir, "assets", js[0])).href);
      const result = await globalThis.__dorisLintResult;
      assert.match(result.before, /`await init\(\)` first/);
      assert.deepEqual(result.codes, ["D007", "D004"]);
      assert.match(result.version, /^\d+\.\d+\.\d+/);
      assert.deepEqual(fetched.map((p) => p.split("/").pop()), wasm);
    } finally {
      globalThis.fetch = realFetch;
      delete globalThis.document;
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
