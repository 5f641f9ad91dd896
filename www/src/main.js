// The doris-lint playground: CodeMirror 6 + the doris-lint npm package (WebAssembly).
//
// Everything the user or doris-lint wrote reaches the page as text (textContent, CodeMirror's
// own rendering), never as HTML.

import { EditorState, StateEffect } from "@codemirror/state";
import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  drawSelection,
  highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching } from "@codemirror/language";
import { sql, MySQL } from "@codemirror/lang-sql";
import { linter, lintGutter, lintKeymap, forceLinting } from "@codemirror/lint";

import * as doris from "doris-lint";
import { toCodeMirrorDiagnostics, formatDocument as formatCommand, minimalChange } from "doris-lint/codemirror";

import { TEXTS } from "./i18n.js";
import { EXAMPLE } from "./examples.js";
import { encodeState, decodeState } from "./state.js";
import { REPO_URL } from "./config.js";

// ---------------------------------------------------------------------------------------------
// Options

/** The options the page starts with; the URL stores only what differs from these. */
const DEFAULTS = {
  locale: "en",
  mode: "auto",
  dorisVersion: "",
  enableMultiTags: "",
  heartbeat: "",
  editLog: "",
  broker: "",
  keywordCase: "upper",
  quoteStyle: "double",
  indent: "4",
  lineWidth: "",
  commaStyle: "trailing",
  propertiesLayout: "auto",
  semicolon: "always",
  existingBackends: "",
};

let options = { ...DEFAULTS };

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => {
  const v = TEXTS[options.locale]?.[key] ?? TEXTS.en[key];
  return typeof v === "function" ? v(...args) : v;
};

let backendsResult = { backends: [] };

function readBackends() {
  const text = options.existingBackends;
  if (!text.trim()) return { backends: [] };
  try {
    return { backends: doris.parseBackends(text) };
  } catch (e) {
    return { error: String(e?.message ?? e).replace(/^doris-lint: /, "") };
  }
}

function port(v) {
  const n = Number(v);
  return v !== "" && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

/** `lint()`'s options from the form. */
export function lintOptions() {
  const o = { mode: options.mode, locale: options.locale };
  if (options.dorisVersion) o.dorisVersion = options.dorisVersion;
  if (options.enableMultiTags) o.enableMultiTags = options.enableMultiTags === "true";
  const ports = {};
  for (const k of ["heartbeat", "editLog", "broker"]) if (port(options[k])) ports[k] = port(options[k]);
  if (Object.keys(ports).length) o.ports = ports;
  if (backendsResult.backends?.length) o.existingBackends = backendsResult.backends;
  return o;
}

/** `format()`'s options from the form. */
export function formatOptions() {
  const width = Number(options.lineWidth);
  return {
    keywordCase: options.keywordCase,
    quoteStyle: options.quoteStyle,
    indent: options.indent === "tab" ? "tab" : Number(options.indent),
    lineWidth: Number.isInteger(width) && width >= 20 ? width : 80,
    commaStyle: options.commaStyle,
    propertiesLayout: options.propertiesLayout,
    semicolon: options.semicolon,
  };
}

// ---------------------------------------------------------------------------------------------
// Texts

function applyTexts() {
  document.documentElement.lang = options.locale;
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n, formatKeysLabel());
  for (const el of document.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle, formatKeysLabel());
  $("locale").value = options.locale;
  $("editor").setAttribute("aria-label", t("editorLabel"));
  showBackendsStatus();
}

function setStatus(text) {
  $("status").textContent = text;
}

// ---------------------------------------------------------------------------------------------
// Rule documentation (in-page, from `rules()`)

let ruleIndex = new Map();

/** A rule code as a link to its in-page documentation. */
function codeLink(code) {
  const a = document.createElement("a");
  a.href = `#rule-${code}`;
  a.className = "code-link";
  a.dataset.rule = code;
  a.textContent = code;
  a.title = t("docsLink", code);
  return a;
}

/** A little Markdown, built as DOM nodes from text: paragraphs, lists, code blocks, `code`. */
function renderMarkdown(md, parent) {
  const inline = (text, el) => {
    text.split(/(`[^`]+`)/).forEach((part, i) => {
      if (i % 2) {
        const c = document.createElement("code");
        c.textContent = part.slice(1, -1);
        el.append(c);
      } else if (part) {
        el.append(part.replace(/\*\*([^*]+)\*\*/g, "$1"));
      }
    });
  };
  let inCode = false;
  for (const chunk of md.split(/^```.*$/m)) {
    if (inCode) {
      const pre = document.createElement("pre");
      pre.textContent = chunk.replace(/^\n|\n$/g, "");
      parent.append(pre);
    } else {
      for (const para of chunk.split(/\n\s*\n/)) {
        const lines = para.split("\n").filter((l) => l.trim());
        if (!lines.length) continue;
        if (lines.every((l) => /^\s*[-*] /.test(l))) {
          const ul = document.createElement("ul");
          for (const l of lines) {
            const li = document.createElement("li");
            inline(l.replace(/^\s*[-*] /, ""), li);
            ul.append(li);
          }
          parent.append(ul);
        } else {
          const p = document.createElement(/^#+ /.test(lines[0]) ? "h3" : "p");
          inline(lines.join(" ").replace(/^#+ /, ""), p);
          parent.append(p);
        }
      }
    }
    inCode = !inCode;
  }
}

function openRuleDoc(code) {
  const rule = ruleIndex.get(code);
  if (!rule) return;
  $("rule-doc-title").textContent = `${rule.code} ${rule.name}`;
  const meta = $("rule-doc-meta");
  meta.replaceChildren();
  for (const [k, v] of [
    ["defaultSeverity", rule.defaultSeverity],
    ["fixAvailability", rule.fix],
  ]) {
    const dt = document.createElement("dt");
    dt.textContent = t(k);
    const dd = document.createElement("dd");
    dd.textContent = v;
    meta.append(dt, dd);
  }
  const body = $("rule-doc-body");
  body.replaceChildren();
  const summary = document.createElement("p");
  summary.className = "summary";
  summary.textContent = rule.summary;
  body.append(summary);
  renderMarkdown(rule.explanation ?? "", body);
  const dialog = $("rule-doc");
  if (!dialog.open) dialog.showModal();
}

document.addEventListener("click", (e) => {
  const a = e.target instanceof Element ? e.target.closest("a[data-rule]") : null;
  if (!a) return;
  e.preventDefault(); // the hash holds the state: keep it
  openRuleDoc(a.dataset.rule);
});

// ---------------------------------------------------------------------------------------------
// Linting

let lastDiagnostics = [];
let lastLintedDoc = null;
export const timings = { lint: [], lastLintMs: 0, lastFormatMs: 0, lastFixMs: 0 };

/** The CodeMirror diagnostics of the package's adapter, with the rule code as a docs link. */
function toEditorDiagnostics(diagnostics) {
  return toCodeMirrorDiagnostics(diagnostics).map((cm, i) => {
    const d = diagnostics[i];
    return {
      ...cm,
      renderMessage() {
        const box = document.createElement("div");
        box.className = "diag-msg";
        const head = document.createElement("div");
        head.append(codeLink(d.code), " ", d.message);
        box.append(head);
        if (d.help) {
          const help = document.createElement("div");
          help.className = "help";
          help.textContent = d.help;
          box.append(help);
        }
        return box;
      },
    };
  });
}

// lint() (and parse(), when the statements are shown) run in a Web Worker holding its own copy
// of the WebAssembly: the main thread only turns the result into CodeMirror diagnostics with the
// package's adapter and renders the list.
const worker = new Worker(new URL("./lint-worker.js", import.meta.url), { type: "module" });
const pending = new Map();
let nextId = 1;
worker.onmessage = (e) => {
  const p = pending.get(e.data.id);
  pending.delete(e.data.id);
  if (!p) return;
  if (e.data.error) p.reject(new Error(e.data.error));
  else p.resolve(e.data);
};
worker.onerror = (e) => setStatus(`worker: ${e.message ?? e}`);

function lintInWorker(source, options, wantParse) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, source, options, parse: wantParse });
  });
}

async function lintSource(view) {
  const source = view.state.doc.toString();
  const wantParse = $("statements-panel").open;
  let result;
  try {
    result = await lintInWorker(source, lintOptions(), wantParse);
  } catch (e) {
    setStatus(String(e?.message ?? e));
    result = { diagnostics: [], ms: 0 };
  }
  // A newer text is already on its way: CodeMirror drops this result too.
  if (view.state.doc.toString() !== source) return [];
  const { diagnostics, statements, ms } = result;
  timings.lastLintMs = ms;
  timings.lint.push(ms);
  if (timings.lint.length > 100) timings.lint.shift();
  lastDiagnostics = diagnostics;
  lastLintedDoc = source;
  renderProblems(view, diagnostics);
  if (wantParse) renderStatements(statements);
  scheduleSave();
  return toEditorDiagnostics(diagnostics);
}

const MAX_LISTED = 300;

function renderProblems(view, diagnostics) {
  const list = $("problems");
  const items = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
  for (const d of diagnostics.slice(0, MAX_LISTED)) {
    const li = document.createElement("li");
    li.className = `problem sev-${d.severity}`;
    li.dataset.code = d.code;
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = t("severity")[d.severity] ?? d.severity;
    const where = document.createElement("button");
    where.type = "button";
    where.className = "goto";
    where.textContent = `${d.start.line}:${d.start.column}`;
    where.setAttribute("aria-label", `${t("goTo")} ${d.start.line}:${d.start.column}`);
    const msg = document.createElement("button");
    msg.type = "button";
    msg.className = "message";
    msg.textContent = d.message;
    const go = () => {
      const len = view.state.doc.length;
      const from = Math.min(d.from, len);
      view.dispatch({ selection: { anchor: from, head: Math.min(d.to, len) }, scrollIntoView: true });
      view.focus();
    };
    where.addEventListener("click", go);
    msg.addEventListener("click", go);
    li.append(sev, codeLink(d.code), where, msg);
    if (d.help) {
      const help = document.createElement("div");
      help.className = "help";
      help.textContent = d.help;
      li.append(help);
    }
    items.push(li);
  }
  if (diagnostics.length > MAX_LISTED) {
    const li = document.createElement("li");
    li.className = "more";
    li.textContent = t("more", diagnostics.length - MAX_LISTED);
    items.push(li);
  }
  if (!diagnostics.length) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = t("noProblems");
    items.push(li);
  }
  list.replaceChildren(...items);
  $("counts").textContent = `(${t("summaryCounts", counts.error, counts.warning, counts.info)})`;
  document.body.dataset.diagnostics = String(diagnostics.length);
}

const MAX_STATEMENTS = 200;

/** The statements view (parsed only while it is open). */
function renderStatements(statements = []) {
  const box = $("statements");
  if (!statements.length) {
    const p = document.createElement("p");
    p.textContent = t("noStatements");
    box.replaceChildren(p);
    return;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const k of ["colLine", "colKind", "colAddresses", "colProperties"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = t(k);
    head.append(th);
  }
  const body = table.createTBody();
  for (const s of statements.slice(0, MAX_STATEMENTS)) {
    const row = body.insertRow();
    row.insertCell().textContent = String(s.start?.line ?? "");
    const kind = row.insertCell();
    kind.textContent = s.kind;
    kind.className = `kind kind-${s.kind}`;
    const addresses = [...(s.names ?? []), ...(s.addresses ?? [])].map((a) => a.value);
    if (s.hostname) addresses.push(`→ ${s.hostname.value}`);
    row.insertCell().textContent = addresses.join(", ");
    row.insertCell().textContent = (s.properties ?? []).map((p) => `${p.key.value} = ${p.value.value}`).join(", ");
  }
  box.replaceChildren(table);
  if (statements.length > MAX_STATEMENTS) {
    const p = document.createElement("p");
    p.textContent = t("more", statements.length - MAX_STATEMENTS);
    box.append(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Format and fix
//
// Both run on the main thread with the page's own copy of the WebAssembly, only when asked (a
// button, a key): on a 100 KB script each answers within about 100 ms (tests/latency.test.mjs
// measures it, README.md has the figures), too little to be worth a round trip to the worker and
// the races of a document edited meanwhile. Linting, which runs on every keystroke, is the worker's.

/** The format keys (CodeMirror names; `Mod` is Ctrl, or Cmd on a Mac). */
const FORMAT_KEYS = ["Shift-Alt-f", "Mod-Shift-f"];
const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The format keys as a person reads them. */
function formatKeysLabel() {
  return FORMAT_KEYS.map((k) =>
    k
      .replace("Mod", IS_MAC ? "Cmd" : "Ctrl")
      .replace(/-([a-z])$/, (_, c) => `-${c.toUpperCase()}`),
  ).join(", ");
}

/** Replaces the document with `text` by the smallest change (selection and undo stay sensible). */
function replaceDoc(view, text, userEvent) {
  const cur = view.state.doc.toString();
  if (cur === text) return false;
  view.dispatch({ changes: minimalChange(cur, text), userEvent });
  return true;
}

// The package's CodeMirror command, reading the formatter options of the form at every run.
const formatWithOptions = formatCommand({ format: () => formatOptions() });

/** Format (button and keys): the package's `formatDocument` command, timed, with a status. */
function formatDocument(view) {
  const before = view.state.doc;
  try {
    const t0 = performance.now();
    formatWithOptions(view);
    timings.lastFormatMs = performance.now() - t0;
    setStatus(view.state.doc === before ? t("alreadyFormatted") : t("formatted"));
  } catch (e) {
    setStatus(String(e?.message ?? e));
  }
  return true;
}

/**
 * Fix all safe problems: the package's `fix()` (safe fixes only, round after round, with the lint
 * options of the form), applied as one change; the worker then lints the new text.
 */
function fixAll(view) {
  const source = view.state.doc.toString();
  try {
    const t0 = performance.now();
    const result = doris.fix(source, { ...lintOptions(), unsafeFixes: false });
    replaceDoc(view, result.output, "input.fix");
    timings.lastFixMs = performance.now() - t0;
    const codes = [...new Set(result.applied.map((a) => a.code))].sort();
    const unsafe = result.remaining.filter((d) => d.fix?.applicability === "unsafe").length;
    let status = result.applied.length ? t("fixedN", result.applied.length, codes.join(", ")) : t("nothingToFix");
    if (unsafe) status += " " + t("unsafeLeft", unsafe);
    setStatus(status);
  } catch (e) {
    setStatus(String(e?.message ?? e));
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// State in the URL

let saveTimer = 0;
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveState, 300);
}

function currentState() {
  const o = {};
  for (const [k, v] of Object.entries(options)) if (v !== DEFAULTS[k]) o[k] = v;
  return { v: 1, src: editor.state.doc.toString(), o };
}

let lastHash = "";
async function saveState() {
  clearTimeout(saveTimer);
  const hash = "#" + (await encodeState(currentState()));
  if (hash !== location.hash) {
    lastHash = hash;
    window.history.replaceState(null, "", hash);
  }
  updateReportLink();
  return location.href;
}

function loadOptions(o) {
  options = { ...DEFAULTS };
  if (o && typeof o === "object") {
    for (const k of Object.keys(DEFAULTS)) if (typeof o[k] === "string") options[k] = o[k];
  }
  if (!TEXTS[options.locale]) options.locale = "en";
  const form = $("options");
  for (const el of form.elements) {
    if (el.name && el.name in options) el.value = options[el.name];
  }
  backendsResult = readBackends();
}

/** The longest URL "Report a problem" makes (GitHub refuses longer ones on `issues/new`). */
const MAX_REPORT_URL = 7500;

/**
 * "Report a problem": a new issue on REPO_URL (src/config.js) prefilled with the version, the
 * source, every option (lint and format, as the page passes them), the diagnostics and a link
 * back to this state. Too long for a URL: the link goes first, then the source is cut.
 */
function updateReportLink() {
  const src = editor.state.doc.toString();
  const options = { lint: lintOptions(), format: formatOptions() };
  const fence = "```";
  const diags = lastDiagnostics.slice(0, 20).map((d) => `${d.start.line}:${d.start.column} ${d.code} ${d.rule}`);
  if (lastDiagnostics.length > 20) diags.push(`… ${lastDiagnostics.length - 20} more`);
  const build = (srcMax, withLink) => {
    const shown = src.length > srcMax ? src.slice(0, srcMax) + "\n-- (truncated)" : src;
    const body = [
      "**What happened / what I expected**",
      "",
      "",
      `**doris-lint** ${doris.isReady() ? doris.version() : ""} (playground)`,
      "",
      "**Source**",
      `${fence}sql`,
      shown,
      fence,
      "",
      "**Options**",
      `${fence}json`,
      JSON.stringify(options, null, 2),
      fence,
      "",
      "**Diagnostics**",
      fence,
      diags.length ? diags.join("\n") : "(none)",
      fence,
      ...(withLink ? ["", `[Open in the playground](${location.href})`] : []),
    ].join("\n");
    const url = new URL(`${REPO_URL}/issues/new`);
    url.searchParams.set("title", "Playground: ");
    url.searchParams.set("body", body);
    return url.toString();
  };
  let href = build(3000, true);
  if (href.length > MAX_REPORT_URL) href = build(3000, false);
  for (let max = 2000; href.length > MAX_REPORT_URL && max > 0; max = Math.floor(max / 2)) href = build(max, false);
  $("report").href = href;
}

async function copyLink() {
  const href = await saveState();
  const box = $("share-url");
  box.value = href;
  box.hidden = false;
  try {
    await navigator.clipboard.writeText(href);
    setStatus(t("copied"));
  } catch {
    box.select();
    setStatus(t("copyFailed"));
  }
}

// ---------------------------------------------------------------------------------------------
// Editor

/** Dispatched when an option changes: the linter must run again on the same text. */
const optionsChanged = StateEffect.define();
let editor;

function showBackendsStatus() {
  const el = $("backends-status");
  if (backendsResult.error) {
    el.textContent = t("backendsError", backendsResult.error);
    el.className = "hint bad";
  } else if (backendsResult.backends.length) {
    el.textContent = t("backendsRead", backendsResult.backends.length);
    el.className = "hint";
  } else {
    el.textContent = t("backendsNone");
    el.className = "hint";
  }
}

function relint() {
  if (!editor) return;
  editor.dispatch({ effects: optionsChanged.of(null) });
  forceLinting(editor);
}

function createEditor(doc) {
  return new EditorView({
    parent: $("editor"),
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        sql({ dialect: MySQL, upperCaseKeywords: true }),
        lintGutter(),
        linter(lintSource, {
          delay: 150,
          needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(optionsChanged))),
        }),
        keymap.of([
          ...FORMAT_KEYS.map((key) => ({ key, run: formatDocument, preventDefault: true })),
          ...lintKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...searchKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({ "aria-label": "SQL", "aria-describedby": "problems-title" }),
        EditorView.lineWrapping,
      ],
    }),
  });
}

async function main() {
  setStatus(TEXTS.en.loading);
  const state = await decodeState(location.hash);
  loadOptions(state?.o);
  applyTexts();
  await doris.init();
  ruleIndex = new Map(doris.rules().map((r) => [r.code, r]));
  $("version").textContent = `doris-lint ${doris.version()}`;
  editor = createEditor(typeof state?.src === "string" ? state.src : EXAMPLE);
  setStatus("");
  updateReportLink();

  $("format").addEventListener("click", () => formatDocument(editor));
  $("fix-all").addEventListener("click", () => fixAll(editor));
  $("copy-link").addEventListener("click", copyLink);
  $("reset").addEventListener("click", () => {
    window.history.replaceState(null, "", location.pathname + location.search);
    loadOptions({});
    applyTexts();
    replaceDoc(editor, EXAMPLE, "input.reset");
    relint();
  });
  $("locale").addEventListener("change", (e) => {
    options.locale = e.target.value;
    applyTexts();
    relint();
  });
  $("options").addEventListener("input", (e) => {
    const el = e.target;
    if (!el.name || !(el.name in options)) return;
    options[el.name] = el.value;
    if (el.name === "existingBackends") {
      backendsResult = readBackends();
      showBackendsStatus();
    }
    relint();
  });
  $("options").addEventListener("submit", (e) => e.preventDefault());
  $("statements-panel").addEventListener("toggle", () => {
    if ($("statements-panel").open) relint();
  });
  window.addEventListener("hashchange", async () => {
    if (location.hash === lastHash) return;
    const s = await decodeState(location.hash);
    if (!s) return;
    loadOptions(s.o);
    applyTexts();
    if (typeof s.src === "string") replaceDoc(editor, s.src, "input.url");
    relint();
  });

  // For the end-to-end tests and for the curious: the editor, the last diagnostics, timings.
  window.playground = {
    view: editor,
    diagnostics: () => lastDiagnostics,
    get lastLintedDoc() {
      return lastLintedDoc;
    },
    rules: [...ruleIndex.keys()],
    repoUrl: REPO_URL,
    timings,
    lintOptions,
    formatOptions,
    saveState,
  };
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  setStatus(String(e?.stack ?? e));
  document.body.dataset.ready = "error";
});
