// The playground end to end, in Debian's Chromium (playwright-core), against the production build
// in www/dist served with the page's Content-Security-Policy header (serve.mjs).
//   make test-browser        (or: cd www && npm run build && npm test)
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, screenshot, codes } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Runs `fn(page)` on a fresh page; on failure saves a screenshot to test-results/ and rethrows. */
async function withPage(name, hash, fn) {
  const { page, problems } = await open(env.context, env.url, hash);
  try {
    await fn(page, problems);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
    assert.deepEqual(problems.errors, [], "errors in the page");
  } catch (e) {
    const file = await screenshot(page, name);
    console.error(`screenshot: ${file}`);
    throw e;
  } finally {
    await page.close();
  }
}

/** Replaces the whole document (as a paste would) and waits for the linter to have run on it. */
async function setSource(page, text) {
  await page.evaluate((text) => {
    const view = window.playground.view;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }, text);
  await lintSettled(page);
}

/** Waits until the last lint saw the current document. */
async function lintSettled(page) {
  await page.waitForFunction(() => {
    const p = window.playground;
    return p.lastLintedDoc === p.view.state.doc.toString();
  });
}

/** Puts the cursor at the end of the document and types `text` with the keyboard. */
async function typeAtEnd(page, text) {
  await page.click(".cm-content");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
  await lintSettled(page);
}

const doc = (page) => page.evaluate(() => window.playground.view.state.doc.toString());
const hasRule = (page, code) => page.evaluate((code) => window.playground.rules.includes(code), code);

describe("playground", () => {
  it("loads with the ADD BACKEND examples and their diagnostics", async () => {
    await withPage("load", "", async (page) => {
      const text = await doc(page);
      assert.match(text, /ALTER SYSTEM ADD BACKEND "192\.168\.0\.1:9050,192\.168\.0\.2:9050";/);
      assert.ok((await codes(page)).length > 0, "the examples have problems");
      assert.equal(await page.locator(".problems li.problem").count(), (await codes(page)).length);
      assert.ok((await page.locator(".cm-lint-marker").count()) > 0, "gutter markers");
      assert.ok((await page.locator(".cm-lintRange").count()) > 0, "underlines");
      assert.match(await page.textContent("#version"), /doris-lint \d+\.\d+/);
    });
  });

  it("shows the diagnostic of a statement typed with a bad port; hover shows the message", async (t) => {
    await withPage("bad-port", "", async (page) => {
      await setSource(page, "");
      const hasD103 = await hasRule(page, "D103");
      // Until the address rules land, an unquoted address is the problem to see.
      const line = hasD103 ? 'ALTER SYSTEM ADD BACKEND "10.0.0.9:99999";' : "ALTER SYSTEM ADD BACKEND 10.0.0.9:9050;";
      if (!hasD103) t.diagnostic("D103 is not in this build of doris-lint: checking D007 instead");
      await typeAtEnd(page, line);
      const code = hasD103 ? "D103" : "D007";
      assert.deepEqual(await codes(page), [code]);
      const entry = page.locator(".problems li.problem").first();
      assert.equal(await entry.locator(".code-link").textContent(), code);
      const message = await page.evaluate(() => window.playground.diagnostics()[0].message);
      assert.equal(await entry.locator(".message").textContent(), message);
      // Hover the underline: the tooltip holds the message and the code as a link.
      await page.hover(".cm-lintRange-error");
      const tooltip = page.locator(".cm-tooltip-lint");
      await tooltip.waitFor();
      assert.ok((await tooltip.textContent()).includes(message));
      assert.equal(await tooltip.locator(".code-link").textContent(), code);
      // The code opens the rule's documentation.
      await entry.locator(".code-link").click();
      assert.match(await page.textContent("#rule-doc-title"), new RegExp(`^${code} `));
      await page.keyboard.press("Escape");
      // Clicking the entry puts the cursor on the problem.
      await page.click(".cm-content");
      await page.keyboard.press("Control+Home");
      await entry.locator(".message").click();
      const { head, from } = await page.evaluate(() => ({
        head: window.playground.view.state.selection.main.from,
        from: window.playground.diagnostics()[0].from,
      }));
      assert.equal(head, from);
    });
  });

  it("applies a quick fix from the diagnostic's tooltip", async () => {
    await withPage("quick-fix", "", async (page) => {
      await setSource(page, "");
      await typeAtEnd(page, "ALTER SYSTEM ADD BACKEND 10.0.0.9:9050;");
      assert.deepEqual(await codes(page), ["D007"]);
      await page.hover(".cm-lintRange-error");
      await page.locator(".cm-tooltip-lint .cm-diagnosticAction").first().click();
      await lintSettled(page);
      assert.equal(await doc(page), 'ALTER SYSTEM ADD BACKEND "10.0.0.9:9050";');
      assert.deepEqual(await codes(page), []);
    });
  });

  it("fixes all safe problems and leaves the unsafe ones", async () => {
    await withPage("fix-all", "", async (page) => {
      const before =
        "# hash\n" +
        'ALTER SYSTEM ADD BACKEND "10.0.0.1:9050,10.0.0.2:9050";\n' +
        'ALTER SYSTEM ADD BACKEND " 10.0.0.3:9050";\n' +
        'ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location": "g1");\n' +
        'ALTER SYSTEM ADD BACKEND "10.0.0.4:9060";\n';
      await setSource(page, before);
      // D004, D101, D110, D009: safe fixes; D108 (be_port instead of the heartbeat port): unsafe.
      assert.deepEqual(await codes(page), ["D004", "D101", "D110", "D009", "D108"]);
      await page.click("#fix-all");
      await lintSettled(page);
      assert.equal(
        await doc(page),
        "-- hash\n" +
          'ALTER SYSTEM ADD BACKEND "10.0.0.1:9050", "10.0.0.2:9050";\n' +
          'ALTER SYSTEM ADD BACKEND "10.0.0.3:9050";\n' +
          'ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location"= "g1");\n' +
          'ALTER SYSTEM ADD BACKEND "10.0.0.4:9060";\n',
      );
      // The diagnostics follow: in the editor's data and in the list.
      assert.deepEqual(await codes(page), ["D108"]);
      assert.deepEqual(await page.$$eval(".problems li.problem", (lis) => lis.map((li) => li.dataset.code)), ["D108"]);
      assert.equal(await page.locator(".cm-lintRange").count(), 1);
      const status = await page.textContent("#status");
      assert.match(status, /Applied 4 safe fixes \(D004, D009, D101, D110\)/);
      assert.match(status, /1 unsafe fix is left/);
      // Nothing left to fix safely; one undo brings everything back.
      await page.click("#fix-all");
      assert.match(await page.textContent("#status"), /No safe fixes/);
      await page.click(".cm-content");
      await page.keyboard.press("Control+z");
      await lintSettled(page);
      assert.equal(await doc(page), before);
      assert.deepEqual(await codes(page), ["D004", "D101", "D110", "D009", "D108"]);
    });
  });

  it("formats with the button, with Shift-Alt-F and with Ctrl-Shift-F", async () => {
    await withPage("format", "", async (page) => {
      assert.match(await page.getAttribute("#format", "title"), /Shift-Alt-F, Ctrl-Shift-F/);
      const messy = "alter   system add backend '10.0.0.1:9050'  ,  \"10.0.0.2:9050\"";
      const formatted = 'ALTER SYSTEM ADD BACKEND "10.0.0.1:9050", "10.0.0.2:9050";\n';
      await setSource(page, messy);
      await page.click("#format");
      assert.equal(await doc(page), formatted);
      assert.equal(await page.textContent("#status"), "Formatted.");
      await lintSettled(page);
      await page.click("#format");
      assert.equal(await page.textContent("#status"), "Already formatted.");
      // Undo takes the formatting back in one step.
      await page.click(".cm-content");
      await page.keyboard.press("Control+z");
      assert.equal(await doc(page), messy);
      for (const key of ["Shift+Alt+F", "Control+Shift+F"]) {
        await setSource(page, messy);
        await page.click(".cm-content");
        await page.keyboard.press(key);
        assert.equal(await doc(page), formatted, key);
        await lintSettled(page);
        assert.deepEqual(await codes(page), [], key);
      }
      // Ctrl-Shift-F did not open the search panel (Ctrl-F does).
      assert.equal(await page.locator(".cm-search").count(), 0);
    });
  });

  it("the formatter options change the output", async () => {
    await withPage("format-options", "", async (page) => {
      const source = "alter system add backend '10.0.0.1:9050', '10.0.0.2:9050' properties ('tag.location'='g1')";
      /** Sets the options (`#id` -> value), then formats `source` with the button. */
      const formatWith = async (opts) => {
        for (const [id, value] of Object.entries(opts)) {
          if (id === "#opt-linewidth") await page.fill(id, value);
          else await page.selectOption(id, value);
        }
        await setSource(page, source);
        await page.click("#format");
        return doc(page);
      };
      // The defaults: 80 columns, too narrow for one line: the address list breaks.
      assert.equal(
        await formatWith({}),
        'ALTER SYSTEM ADD BACKEND\n    "10.0.0.1:9050",\n    "10.0.0.2:9050"\nPROPERTIES ("tag.location" = "g1");\n',
      );
      assert.equal(
        await formatWith({ "#opt-linewidth": "120" }),
        'ALTER SYSTEM ADD BACKEND "10.0.0.1:9050", "10.0.0.2:9050" PROPERTIES ("tag.location" = "g1");\n',
      );
      assert.equal(
        await formatWith({ "#opt-keywordcase": "lower" }),
        'alter system add backend "10.0.0.1:9050", "10.0.0.2:9050" properties ("tag.location" = "g1");\n',
      );
      assert.equal(
        await formatWith({ "#opt-quotestyle": "single", "#opt-semicolon": "preserve" }),
        "alter system add backend '10.0.0.1:9050', '10.0.0.2:9050' properties ('tag.location' = 'g1')\n",
      );
      assert.equal(
        await formatWith({ "#opt-propertieslayout": "expanded", "#opt-indent": "2", "#opt-commastyle": "leading" }),
        "alter system add backend\n  '10.0.0.1:9050'\n  , '10.0.0.2:9050'\nproperties (\n  'tag.location' = 'g1'\n)\n",
      );
      assert.equal(
        await formatWith({ "#opt-indent": "tab" }),
        "alter system add backend\n\t'10.0.0.1:9050'\n\t, '10.0.0.2:9050'\nproperties (\n\t'tag.location' = 'g1'\n)\n",
      );
      assert.deepEqual(await page.evaluate(() => window.playground.formatOptions()), {
        keywordCase: "lower",
        quoteStyle: "single",
        indent: "tab",
        lineWidth: 120,
        commaStyle: "leading",
        propertiesLayout: "expanded",
        semicolon: "preserve",
      });
      // The shortcut reads the same options.
      await setSource(page, source);
      await page.click(".cm-content");
      await page.keyboard.press("Control+Shift+F");
      assert.match(await doc(page), /^alter system add backend\n\t'10\.0\.0\.1:9050'\n/);
      // And the options are part of the state a link carries.
      const saved = await page.evaluate(() => window.playground.saveState());
      assert.match(saved, /#z=/);
    });
  });

  it("changing an option changes the diagnostics", async (t) => {
    await withPage("options", "", async (page) => {
      if (await hasRule(page, "D108")) {
        // ADD BACKEND with be_port 9060 is wrong by default, right when the heartbeat port is 9060.
        await setSource(page, 'ALTER SYSTEM ADD BACKEND "10.0.0.1:9060";');
        assert.deepEqual(await codes(page), ["D108"]);
        await page.fill("#opt-heartbeat", "9060");
        await page.waitForFunction(() => window.playground.diagnostics().length === 0);
        await page.fill("#opt-heartbeat", "");
        await page.waitForFunction(() => window.playground.diagnostics().length === 1);
      } else {
        t.diagnostic("D108 is not in this build: checking that options reach lint() and the messages change");
      }
      // The language of messages is an option too.
      await setSource(page, "ALTER SYSTEM ADD BACKEND 10.0.0.9:9050;");
      const en = await page.evaluate(() => window.playground.diagnostics()[0].message);
      await page.selectOption("#locale", "zh-CN");
      await page.waitForFunction((en) => window.playground.diagnostics()[0]?.message !== en, en);
      assert.match(await page.evaluate(() => window.playground.diagnostics()[0].message), /[\u4e00-\u9fff]/);
      // Pasted SHOW BACKENDS output is read into existingBackends.
      await page.fill(
        "#opt-backends",
        [
          "+-----------+-----------+---------------+--------+",
          "| BackendId | Host      | HeartbeatPort | BePort |",
          "+-----------+-----------+---------------+--------+",
          "| 10002     | 10.0.0.11 | 9050          | 9060   |",
          "+-----------+-----------+---------------+--------+",
        ].join("\n"),
      );
      await page.waitForFunction(() => window.playground.lintOptions().existingBackends?.length === 2);
      assert.deepEqual(await page.evaluate(() => window.playground.lintOptions().existingBackends), [
        "10.0.0.11:9050",
        "10002",
      ]);
      if (await hasRule(page, "D114")) {
        await setSource(page, 'ALTER SYSTEM ADD BACKEND "10.0.0.11:9050";');
        assert.ok((await codes(page)).includes("D114"));
      }
    });
  });

  it("a copied link reproduces the source and the options", async () => {
    let link;
    let state;
    await withPage("copy-link", "", async (page) => {
      await setSource(page, "-- shared case\nALTER SYSTEM ADD BACKEND 10.0.0.9:9050;\n");
      await page.selectOption("#opt-mode", "decoupled");
      await page.selectOption("#opt-version", "2.1");
      await page.fill("#opt-broker", "8111");
      await page.selectOption("#opt-quotestyle", "single");
      await page.selectOption("#locale", "zh-CN");
      await lintSettled(page);
      await page.click("#copy-link");
      await page.locator("#share-url").waitFor();
      link = await page.inputValue("#share-url");
      assert.match(link, /#z=[A-Za-z0-9_-]+$/);
      state = await page.evaluate(() => ({
        doc: window.playground.view.state.doc.toString(),
        lint: window.playground.lintOptions(),
        format: window.playground.formatOptions(),
        diagnostics: window.playground.diagnostics(),
      }));
      // The report link: a new issue on the configured repository, with the source, the lint
      // and format options, the diagnostics and the link back.
      const repoUrl = await page.evaluate(() => window.playground.repoUrl);
      const href = await page.getAttribute("#report", "href");
      assert.ok(href.startsWith(`${repoUrl}/issues/new?`), href);
      const body = new URL(href).searchParams.get("body");
      assert.ok(body.includes("-- shared case\nALTER SYSTEM ADD BACKEND 10.0.0.9:9050;"), body);
      const json = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(body)[1]);
      assert.deepEqual(json, { lint: state.lint, format: state.format });
      assert.equal(json.lint.mode, "decoupled");
      assert.equal(json.format.quoteStyle, "single");
      assert.ok(state.diagnostics.length > 0);
      for (const d of state.diagnostics) assert.ok(body.includes(`${d.start.line}:${d.start.column} ${d.code} ${d.rule}`), body);
      assert.ok(body.includes(`(${link})`), "the link back to this state");
    });
    const { page } = await open(env.context, link);
    try {
      await lintSettled(page);
      const again = await page.evaluate(() => ({
        doc: window.playground.view.state.doc.toString(),
        lint: window.playground.lintOptions(),
        format: window.playground.formatOptions(),
        diagnostics: window.playground.diagnostics(),
      }));
      assert.deepEqual(again, state);
      assert.equal(await page.inputValue("#opt-mode"), "decoupled");
      assert.equal(await page.inputValue("#locale"), "zh-CN");
      assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
    } catch (e) {
      await screenshot(page, "copy-link-reload");
      throw e;
    } finally {
      await page.close();
    }
  });

  it("shows the parsed statements: kind, addresses, properties", async () => {
    await withPage("statements", "", async (page) => {
      await setSource(
        page,
        'ALTER SYSTEM ADD BACKEND "10.0.0.1:9050", "10.0.0.2:9050" PROPERTIES ("tag.location" = "g1");\n' +
          'ALTER SYSTEM DECOMMISSION BACKEND "10.0.0.3:9050";\nSHOW BACKENDS;\n',
      );
      await page.click("#statements-panel summary");
      await page.locator("#statements table").waitFor();
      const rows = await page.$$eval("#statements tbody tr", (trs) =>
        trs.map((tr) => [...tr.cells].map((c) => c.textContent)),
      );
      assert.deepEqual(rows, [
        ["1", "add_backend", "10.0.0.1:9050, 10.0.0.2:9050", "tag.location = g1"],
        ["2", "decommission_backend", "10.0.0.3:9050", ""],
        ["3", "other", "", ""],
      ]);
    });
  });

  it("switches the page and the messages to Chinese", async () => {
    await withPage("chinese", "", async (page) => {
      const enMessages = await page.evaluate(() => window.playground.diagnostics().map((d) => d.message));
      await page.selectOption("#locale", "zh-CN");
      await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
      await page.waitForFunction(
        (en) => window.playground.diagnostics().every((d, i) => d.message !== en[i]),
        enMessages,
      );
      assert.equal(await page.textContent("#format"), "格式化");
      assert.equal(await page.textContent("#fix-all"), "修复所有安全问题");
      assert.equal(await page.textContent("label[for=opt-mode]"), "部署模式");
      assert.match(await page.textContent("#problems"), /[\u4e00-\u9fff]/);
      await screenshot(page, "zh-CN");
      await page.selectOption("#locale", "en");
      await page.waitForFunction(() => document.documentElement.lang === "en");
      assert.equal(await page.textContent("#format"), "Format");
    });
  });
});
