// doris-lint/monaco against a stand-in for the parts of the `monaco` namespace it uses (Monaco
// itself needs a browser with workers; its types are checked by tsc in consumer.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { registerDorisLint, toMarkers, createCodeActionProvider, createFormattingProvider, MARKER_OWNER } from "doris-lint/monaco";
import { fix, lint } from "doris-lint";

/** A text model with Monaco's position arithmetic (lines split at \r\n, \r or \n). */
class Model {
  constructor(value, languageId = "sql") {
    this.value = value;
    this.languageId = languageId;
    this.version = 1;
    this.uri = { toString: () => "inmemory://model/1" };
    this.changeListeners = [];
    this.disposeListeners = [];
    this.disposed = false;
  }
  getValue() { return this.value; }
  getLanguageId() { return this.languageId; }
  getVersionId() { return this.version; }
  isDisposed() { return this.disposed; }
  lineStarts() {
    const starts = [0];
    for (let i = 0; i < this.value.length; i++) {
      const c = this.value[i];
      if (c === "\r" && this.value[i + 1] === "\n") { starts.push(i + 2); i++; }
      else if (c === "\n" || c === "\r") starts.push(i + 1);
    }
    return starts;
  }
  getPositionAt(offset) {
    const starts = this.lineStarts();
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { lineNumber: line + 1, column: offset - starts[line] + 1 };
  }
  getOffsetAt({ lineNumber, column }) { return this.lineStarts()[lineNumber - 1] + column - 1; }
  setValue(v) { this.value = v; this.version++; this.changeListeners.forEach((f) => f({})); }
  applyEdits(edits) {
    const withOffsets = edits.map((e) => ({
      from: this.getOffsetAt({ lineNumber: e.range.startLineNumber, column: e.range.startColumn }),
      to: this.getOffsetAt({ lineNumber: e.range.endLineNumber, column: e.range.endColumn }),
      text: e.text,
    }));
    let v = this.value;
    for (const e of withOffsets.sort((a, b) => b.from - a.from)) v = v.slice(0, e.from) + e.text + v.slice(e.to);
    this.setValue(v);
  }
  onDidChangeContent(f) { this.changeListeners.push(f); return { dispose: () => (this.changeListeners = this.changeListeners.filter((g) => g !== f)) }; }
  onWillDispose(f) { this.disposeListeners.push(f); return { dispose() {} }; }
  dispose() { this.disposeListeners.forEach((f) => f()); this.disposed = true; }
}

function fakeMonaco(models) {
  const markers = new Map();
  const created = [];
  const providers = [];
  const formatters = [];
  const disposable = (list, item) => { list.push(item); return { dispose: () => list.splice(list.indexOf(item), 1) }; };
  return {
    markers,
    providers,
    formatters,
    created,
    MarkerSeverity: { Hint: 1, Info: 2, Warning: 4, Error: 8 },
    editor: {
      getModels: () => models,
      onDidCreateModel: (f) => disposable(created, f),
      onDidChangeModelLanguage: () => ({ dispose() {} }),
      setModelMarkers: (model, owner, list) => markers.set(`${owner}:${model.uri}`, list),
    },
    languages: {
      registerCodeActionProvider: (languageId, provider, metadata) => disposable(providers, { languageId, provider, metadata }),
      registerDocumentFormattingEditProvider: (languageId, provider) => disposable(formatters, { languageId, provider }),
    },
  };
}

const source = "-- 扩容 😀\r\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\r\n# note\r\n";

test("toMarkers uses the model's positions, codes and severities", () => {
  const model = new Model(source);
  const monaco = fakeMonaco([]);
  const markers = toMarkers(monaco, model, lint(source, { rules: { D004: "warning" } }));
  assert.deepEqual(markers.map((m) => [m.code, m.severity, m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn]), [
    ["D007", 8, 2, 26, 2, 39],
    ["D004", 4, 3, 1, 3, 2],
  ]);
  assert.ok(markers.every((m) => m.source === MARKER_OWNER && m.message.length > 0));
});

test("registerDorisLint marks models, re-lints after changes and offers fixes", async () => {
  const model = new Model(source);
  const monaco = fakeMonaco([model]);
  const registration = registerDorisLint(monaco, { delay: 5 });
  const key = `${MARKER_OWNER}:${model.uri}`;
  assert.deepEqual(monaco.markers.get(key).map((m) => m.code), ["D007", "D004"]);
  assert.equal(monaco.providers.length, 1);
  assert.equal(monaco.providers[0].languageId, "sql");

  // Quick fix at the unquoted address.
  const { provider } = monaco.providers[0];
  const range = { startLineNumber: 2, startColumn: 30, endLineNumber: 2, endColumn: 30 };
  const all = provider.provideCodeActions(model, range, { markers: monaco.markers.get(key) }).actions;
  assert.deepEqual(all.map((a) => a.kind), ["quickfix", "source.fixAll.doris-lint"]);
  const { actions } = provider.provideCodeActions(model, range, { markers: monaco.markers.get(key), only: "quickfix" });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, "Quote the address");
  assert.equal(actions[0].kind, "quickfix");
  assert.equal(actions[0].isPreferred, true);
  assert.deepEqual(actions[0].diagnostics.map((m) => m.code), ["D007"]);
  model.applyEdits(actions[0].edit.edits.map((e) => e.textEdit));
  assert.equal(model.getValue(), '-- 扩容 😀\r\nALTER SYSTEM ADD BACKEND "10.0.0.1:9050";\r\n# note\r\n');

  // The change is linted again after the delay.
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(monaco.markers.get(key).map((m) => m.code), ["D004"]);

  // New models of the language are watched; others are not marked.
  const other = new Model("# x", "python");
  const sql = new Model("# y");
  sql.uri = { toString: () => "inmemory://model/2" };
  other.uri = { toString: () => "inmemory://model/3" };
  monaco.created.forEach((f) => { f(other); f(sql); });
  assert.deepEqual(monaco.markers.get(`${MARKER_OWNER}:${sql.uri}`).map((m) => m.code), ["D004"]);
  assert.deepEqual(monaco.markers.get(`${MARKER_OWNER}:${other.uri}`), []);

  assert.equal(monaco.formatters.length, 1);
  registration.dispose();
  assert.equal(monaco.providers.length, 0);
  assert.equal(monaco.formatters.length, 0);
  assert.deepEqual(monaco.markers.get(key), []);
});

test("code actions only where the range touches a fixable diagnostic", () => {
  const model = new Model("ALTER SYSTEM ADD BACKEND 'a:1';\nALTER SYSTEM ADD BACKEND 1.2.3.4:9050;");
  const provider = createCodeActionProvider(fakeMonaco([]), { lint: () => ({}) });
  const at = (line, column) =>
    provider
      .provideCodeActions(model, { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column }, { markers: [] })
      .actions.filter((a) => a.kind === "quickfix");
  assert.equal(at(1, 5).length, 0);
  assert.equal(at(2, 3).length, 0);
  assert.equal(at(2, 26).length, 1);
  assert.equal(at(2, 38).length, 1);
});

test("the formatting provider edits only what changes and follows the editor's indentation", () => {
  const model = new Model("-- 保留 😀\r\nalter system add backend '10.0.0.1:9050', '10.0.0.2:9050' properties ('tag.location' = 'g1');\r\n");
  const provider = createFormattingProvider(fakeMonaco([]), { format: { lineWidth: 40 } });
  const edits = provider.provideDocumentFormattingEdits(model, { tabSize: 2, insertSpaces: true });
  assert.equal(edits.length, 1);
  assert.equal(edits[0].range.startLineNumber, 2, "the comment line is left alone");
  model.applyEdits(edits);
  assert.ok(model.getValue().startsWith("-- 保留 😀\r\nALTER SYSTEM ADD BACKEND\n  \"10.0.0.1:9050\",") || model.getValue().includes('\n  "10.0.0.1:9050",'), model.getValue());
  assert.deepEqual(provider.provideDocumentFormattingEdits(model, { tabSize: 2, insertSpaces: true }), []);
  const tabs = createFormattingProvider(fakeMonaco([]), { format: () => ({ lineWidth: 40 }) });
  const t = new Model("alter system add backend 'a:1', 'b:2', 'c:3', 'd:4', 'e:5';");
  t.applyEdits(tabs.provideDocumentFormattingEdits(t, { tabSize: 4, insertSpaces: false }));
  assert.ok(t.getValue().includes('\n\t"a:1",'), t.getValue());
  const explicit = createFormattingProvider(fakeMonaco([]), { format: { lineWidth: 40, indent: 3 } });
  const e = new Model("alter system add backend 'a:1', 'b:2', 'c:3', 'd:4', 'e:5';");
  e.applyEdits(explicit.provideDocumentFormattingEdits(e, { tabSize: 4, insertSpaces: false }));
  assert.ok(e.getValue().includes('\n   "a:1",'), e.getValue());
});

test("a source action fixes every safe problem at once", () => {
  const text = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050; # x\r\nALTER SYSTEM ADD BACKEND 10.0.0.2:9050;";
  const model = new Model(text);
  const provider = createCodeActionProvider(fakeMonaco([]));
  const whole = { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 };
  const { actions } = provider.provideCodeActions(model, whole, { markers: [], only: "source" });
  const all = actions.find((a) => a.kind === "source.fixAll.doris-lint");
  assert.equal(provider.provideCodeActions(model, whole, { markers: [], only: "source.fixAll" }).actions.length, 1);
  assert.equal(provider.provideCodeActions(model, whole, { markers: [], only: "quickfix" }).actions.length, 0);
  assert.ok(all, JSON.stringify(actions.map((a) => a.kind)));
  assert.match(all.title, /^Fix all safe doris-lint problems \(\d+\)$/);
  model.applyEdits(all.edit.edits.map((e) => e.textEdit));
  assert.equal(model.getValue(), fix(text).output);
  const after = provider.provideCodeActions(model, { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 }, { markers: [] });
  assert.equal(after.actions.length, 0);
});
