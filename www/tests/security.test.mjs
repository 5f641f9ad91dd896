// Hostile input: source, messages and pasted SHOW BACKENDS text are rendered as text, never as
// HTML; the page runs under a Content-Security-Policy without 'unsafe-eval' (sent as a header by
// serve.mjs and as a <meta> in index.html), and no `securitypolicyviolation` event fires.
import { it, before, after } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import fs from "node:fs";
import path from "node:path";
import { start, open, screenshot, DIST } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const img = (n) => `<img src=x onerror=window.__xss=${n}>`;
const SOURCE = [
  `-- in a comment: ${img(1)} <script>window.__xss=2</script>`,
  `ALTER SYSTEM ADD BACKEND "${img(3)}:9050";`,
  `ALTER SYSTEM ADD BACKEND ${img(4)};`,
  `ALTER SYSTEM ADD BACKEND "h:9050" PROPERTIES ("tag.location" = "${img(5)}", "${img(6)}" = "x");`,
  `ALTER SYSTEM MODIFY BACKEND "h:9050" SET ("tag.location": "<b>bold</b>");`,
  `ALTER SYSTEM ADD BACKEND "${img(7)}`,
].join("\n");

/** The playground's `#z=` state, built here the way the page builds it (deflate-raw, base64url). */
function hashOf(state) {
  return "#z=" + zlib.deflateRawSync(Buffer.from(JSON.stringify(state))).toString("base64url");
}

it("index.html sets the CSP without unsafe-eval, the server sends it too", async () => {
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  assert.ok(meta, "a CSP <meta> in index.html");
  assert.match(meta[1], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(meta[1], /'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  const res = await fetch(env.url);
  const header = res.headers.get("content-security-policy");
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(header, /'unsafe-eval'/);
});

it("hostile source, messages and pasted text run nothing and stay text", async () => {
  const state = { v: 1, src: SOURCE, o: { existingBackends: `${img(8)}\n<script>window.__xss=9</script>` } };
  const { page, problems } = await open(env.context, env.url, hashOf(state));
  try {
    assert.equal(await page.evaluate(() => window.playground.view.state.doc.toString()), SOURCE);
    // Everything that shows text: problems list, tooltips, statements view, rule docs, status.
    assert.ok((await page.locator(".problems li.problem").count()) > 0);
    await page.click("#statements-panel summary");
    await page.locator("#statements table").waitFor();
    for (const range of await page.locator(".cm-lintRange").all()) {
      await range.hover();
      await page.locator(".cm-tooltip-lint").waitFor();
    }
    await page.locator(".problems .code-link").first().click();
    await page.keyboard.press("Escape");
    // Typed in too, not only loaded.
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(`\nALTER SYSTEM ADD BACKEND ${img(10)};`);
    await page.click("#fix-all");
    await page.click("#format");
    await page.waitForTimeout(500);

    const seen = await page.evaluate(() => ({
      xss: window.__xss,
      imgs: document.querySelectorAll("img").length,
      scripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
      bold: document.querySelectorAll("b").length,
      csp: window.__csp,
      editorText: document.querySelector(".cm-content").textContent,
      problemsText: document.querySelector("#problems").textContent,
      statementsText: document.querySelector("#statements").textContent,
      backendsStatus: document.querySelector("#backends-status").textContent,
    }));
    assert.equal(seen.xss, undefined, "no handler ran");
    assert.equal(seen.imgs, 0, "no <img> was created");
    assert.equal(seen.scripts, 0, "no inline <script> was created");
    assert.equal(seen.bold, 0, "no <b> was created");
    assert.deepEqual(seen.csp, [], "no CSP violation");
    assert.deepEqual(problems.errors, []);
    assert.ok(seen.editorText.includes("<img src=x onerror=window.__xss=1>"), "the source shows as text");
    assert.ok(seen.statementsText.includes("<img"), "parsed operands show as text");
    assert.ok(seen.backendsStatus.includes("<img") || seen.backendsStatus.length > 0);
  } catch (e) {
    console.error(`screenshot: ${await screenshot(page, "security")}`);
    throw e;
  } finally {
    await page.close();
  }
});
