// doris-lint/codemirror in a real CodeMirror EditorView under jsdom.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body><div id=editor></div></body></html>", { pretendToBeVisual: true });
const globals = ["window", "document", "navigator", "MutationObserver", "requestAnimationFrame", "cancelAnimationFrame", "getComputedStyle", "Node", "HTMLElement", "Element", "Text", "DOMParser", "getSelection", "KeyboardEvent", "MouseEvent", "Event", "InputEvent", "ResizeObserver", "Window", "Document", "HTMLDocument", "Range", "Selection", "CharacterData", "DocumentFragment", "ShadowRoot", "IntersectionObserver", "FocusEvent", "CompositionEvent", "ClipboardEvent", "DragEvent"];
for (const name of globals) {
  if (dom.window[name] !== undefined && globalThis[name] === undefined) {
    Object.defineProperty(globalThis, name, { value: typeof dom.window[name] === "function" && !/^[A-Z]/.test(name) ? dom.window[name].bind(dom.window) : dom.window[name], configurable: true, writable: true });
  }
}
// jsdom lacks layout; CodeMirror measures through these.
dom.window.document.createRange = () => {
  const range = new dom.window.Range();
  range.getClientRects = () => [];
  range.getBoundingClientRect = () => ({ left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 });
  return range;
};
dom.window.HTMLElement.prototype.getClientRects ??= () => [];

const { EditorState } = await import("@codemirror/state");
const { EditorView } = await import("@codemirror/view");
const { forceLinting, forEachDiagnostic, diagnosticCount } = await import("@codemirror/lint");
const { dorisLint, dorisLintSource, toCodeMirrorDiagnostics, formatDocument, minimalChange, fixAll } = await import("doris-lint/codemirror");
const { runScopeHandlers } = await import("@codemirror/view");
const { fix, lint } = await import("doris-lint");

let view;
after(() => view?.destroy());

/** Lints now and waits until the lint state holds the result. */
async function lintNow(v) {
  forceLinting(v);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 10));
    let n = 0;
    forEachDiagnostic(v.state, () => n++);
    if (n > 0 || i > 20) return;
  }
}

function diagnosticsOf(v) {
  const out = [];
  forEachDiagnostic(v.state, (d, from, to) => out.push({ ...d, from, to }));
  return out;
}

test("toCodeMirrorDiagnostics maps severities, messages and fixes", () => {
  const source = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;";
  const [d] = toCodeMirrorDiagnostics(lint(source, { rules: { D007: "warning" } }));
  assert.equal(d.severity, "warning");
  assert.equal(source.slice(d.from, d.to), "10.0.0.1:9050");
  assert.match(d.source, /^doris-lint D007 unquoted-address$/);
  assert.match(d.message, /must be a quoted string[\s\S]*\nwrite "10\.0\.0\.1:9050"/);
  assert.equal(d.actions.length, 1);
  assert.equal(d.actions[0].name, "Quote the address");
  const info = toCodeMirrorDiagnostics(lint("ALTER SYSTEM ADD BACKEND 'a:1';#x", { rules: { D004: "info" } }));
  assert.deepEqual(info.map((d) => d.severity), ["info"]);
});

test("an EditorView shows the diagnostics and applies a quick fix", async () => {
  const doc = "-- 扩容 😀\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\n# note\n";
  view = new EditorView({
    state: EditorState.create({ doc, extensions: [dorisLint({ delay: 1 })] }),
    parent: document.getElementById("editor"),
  });
  await lintNow(view);
  const ds = diagnosticsOf(view);
  assert.deepEqual(ds.map((d) => [d.severity, view.state.sliceDoc(d.from, d.to)]), [
    ["error", "10.0.0.1:9050"],
    ["error", "#"],
  ]);
  assert.equal(diagnosticCount(view.state), 2);
  // The squiggle is in the DOM.
  await new Promise((r) => setTimeout(r, 20));
  assert.ok(view.dom.querySelectorAll(".cm-lintRange-error").length >= 1);

  // Apply the first diagnostic's fix as the lint tooltip's button does.
  const d = ds[0];
  d.actions[0].apply(view, d.from, d.to);
  assert.equal(view.state.doc.toString(), '-- 扩容 😀\nALTER SYSTEM ADD BACKEND "10.0.0.1:9050";\n# note\n');
  // After an edit above it, the remaining fix still lands on its text.
  view.dispatch({ changes: { from: 0, insert: "-- 前言\n" } });
  await lintNow(view);
  const [hash] = diagnosticsOf(view);
  assert.equal(view.state.sliceDoc(hash.from, hash.to), "#");
  hash.actions[0].apply(view, hash.from, hash.to);
  assert.ok(view.state.doc.toString().endsWith("-- note\n"));
  await lintNow(view);
  assert.equal(diagnosticsOf(view).length, 0);
});

test("options can be a function read on every lint", async () => {
  let options = { rules: { D004: "off" } };
  const source = dorisLintSource({ lint: () => options });
  const state = EditorState.create({ doc: "# x\nALTER SYSTEM ADD BACKEND 'a:1';" });
  const fakeView = { state };
  assert.equal((await source(fakeView)).length, 0);
  options = {};
  assert.equal((await source(fakeView)).length, 1);
  options = { bogus: true };
  assert.throws(() => source(fakeView), /invalid option `bogus`/);
});

test("formatDocument formats with one minimal change; Shift-Alt-f runs it", async () => {
  const doc = "-- 保留 😀\nalter system add backend '10.0.0.1:9050';\n";
  const v = new EditorView({
    state: EditorState.create({ doc, selection: { anchor: 3 }, extensions: [dorisLint({ format: { quoteStyle: "double" } })] }),
    parent: document.getElementById("editor"),
  });
  try {
    const changes = [];
    const spy = EditorView.updateListener.of((u) => u.docChanged && changes.push(u));
    v.dispatch({ effects: (await import("@codemirror/state")).StateEffect.appendConfig.of(spy) });
    assert.equal(formatDocument({ format: () => ({ keywordCase: "lower" }) })(v), true);
    assert.equal(v.state.doc.toString(), "-- 保留 😀\nalter system add backend \"10.0.0.1:9050\";\n");
    assert.equal(v.state.selection.main.head, 3, "the cursor before the change stays put");
    assert.equal(changes.length, 1);
    // The key binding formats with the extension's options (upper-case keywords by default).
    const event = new window.KeyboardEvent("keydown", { key: "F", code: "KeyF", keyCode: 70, shiftKey: true, altKey: true });
    assert.equal(runScopeHandlers(v, event, "editor"), true);
    assert.equal(v.state.doc.toString(), "-- 保留 😀\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n");
    // Formatting formatted text changes nothing.
    formatDocument()(v);
    assert.equal(changes.length, 2);
  } finally {
    v.destroy();
  }
});

test("minimalChange keeps the common ends and never splits a surrogate pair", () => {
  const apply = (s, c) => s.slice(0, c.from) + c.insert + s.slice(c.to);
  for (const [a, b] of [["abc", "abc"], ["abc", "abXc"], ["😀a", "😃a"], ["a😀", "a😃"], ["", "x"], ["x", ""], ["ab😀cd", "ab😀😀cd"]]) {
    const c = minimalChange(a, b);
    assert.equal(apply(a, c), b, `${a} -> ${b}`);
    for (const i of [c.from, c.to]) {
      const code = a.charCodeAt(i);
      assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `${a} -> ${b}: cut inside a pair at ${i}`);
    }
  }
  assert.deepEqual(minimalChange("ALTER x", "ALTER y"), { from: 6, to: 7, insert: "y" });
});

test("fixAll applies every safe fix to the document; unsafe ones when configured", () => {
  const doc = "-- 😀\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050; # x\nALTER SYSTEM ADD BACKENDS \"a:9050\";\n";
  const v = new EditorView({ state: EditorState.create({ doc }), parent: document.getElementById("editor") });
  try {
    assert.equal(fixAll()(v), true);
    assert.equal(v.state.doc.toString(), fix(doc).output);
    assert.ok(v.state.doc.toString().includes('"10.0.0.1:9050"; -- x'));
    assert.ok(v.state.doc.toString().includes("BACKENDS"), "unsafe fixes are left alone by default");
    assert.equal(fixAll({ unsafeFixes: true })(v), true);
    assert.ok(!v.state.doc.toString().includes("BACKENDS"));
    assert.equal(fixAll()(v), false, "nothing left to fix");
  } finally {
    v.destroy();
  }
});
