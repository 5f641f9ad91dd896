// Shared by the browser tests: the static server over www/dist (with the CSP header) and Debian's
// Chromium driven by playwright-core. On a failed test, a screenshot goes to test-results/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, "../dist");
export const RESULTS = path.resolve(here, "../../test-results");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export async function start() {
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    throw new Error(`no build in ${DIST}: run \`make playground-dist\` (or \`npm run build\` in www/) first`);
  }
  const { server, url } = await serve({ dir: DIST, port: 0 });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "doris-lint-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close();
    await new Promise((r) => server.close(r));
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { url, context, close };
}

/**
 * A page of the playground at `hash`, with watchers installed before any script runs: CSP
 * violations, page errors and console errors are collected.
 */
export async function open(context, url, hash = "") {
  const page = await context.newPage();
  const problems = { csp: [], errors: [] };
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") problems.errors.push(m.text());
  });
  await page.goto(url + hash);
  await page.waitForSelector("body[data-ready]");
  const ready = await page.getAttribute("body", "data-ready");
  if (ready !== "true") throw new Error(`the page did not start: ${await page.textContent("#status")}`);
  await waitLinted(page);
  return { page, problems };
}

/** Waits until the problems list reflects the current document (the linter ran after the last change). */
export async function waitLinted(page) {
  await page.waitForFunction(() => window.playground && document.body.dataset.diagnostics !== undefined);
}

/** Saves a screenshot of `page` into test-results/ (named after the test). */
export async function screenshot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name.replace(/[^a-z0-9_-]+/gi, "_")}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

export async function codes(page) {
  return page.evaluate(() => window.playground.diagnostics().map((d) => d.code));
}
