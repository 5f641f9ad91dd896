// doris-lint for Monaco: markers (with rule codes) on every model of the language, a
// code-action provider offering the fixes, and a document formatting provider. Pass the `monaco`
// namespace you use; the WebAssembly is loaded by init() the first time a model is linted.
//
//   import * as monaco from "monaco-editor";
//   import { registerDorisLint } from "doris-lint/monaco";
//   const registration = registerDorisLint(monaco, { languageId: "sql" });

import { fix, format, init, isReady, lint } from "./api.js";

/** The marker owner used with `monaco.editor.setModelMarkers`. */
export const MARKER_OWNER = "doris-lint";

/** The code-action kind of "Fix all safe doris-lint problems". */
const FIX_ALL_KIND = "source.fixAll.doris-lint";

function resolve(option) {
  return typeof option === "function" ? option() : option;
}

/** A Monaco range (1-based, UTF-16 columns) of the UTF-16 offsets `from..to` of `model`. */
function rangeOf(model, from, to) {
  const start = model.getPositionAt(from);
  const end = model.getPositionAt(to);
  return {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

function severityOf(monaco, severity) {
  switch (severity) {
    case "error":
      return monaco.MarkerSeverity.Error;
    case "warning":
      return monaco.MarkerSeverity.Warning;
    default:
      return monaco.MarkerSeverity.Info;
  }
}

/** doris-lint diagnostics of `model`'s text as Monaco markers. */
export function toMarkers(monaco, model, diagnostics) {
  return diagnostics.map((d) => ({
    ...rangeOf(model, d.from, d.to),
    severity: severityOf(monaco, d.severity),
    message: d.help ? `${d.message}\n${d.help}` : d.message,
    code: d.code,
    source: MARKER_OWNER,
  }));
}

/** A code-action provider offering each diagnostic's fix where the range touches it. */
export function createCodeActionProvider(monaco, config = {}) {
  return {
    provideCodeActions(model, range, context) {
      const actions = [];
      if (!isReady()) return { actions, dispose() {} };
      const text = model.getValue();
      const lo = model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn });
      const hi = model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn });
      const diagnostics = lint(text, resolve(config.lint));
      for (const d of diagnostics) {
        if (!d.fix || d.to < lo || d.from > hi) continue;
        const at = rangeOf(model, d.from, d.to);
        const markers = (context?.markers ?? []).filter(
          (m) =>
            m.code === d.code &&
            m.startLineNumber === at.startLineNumber &&
            m.startColumn === at.startColumn &&
            m.endLineNumber === at.endLineNumber &&
            m.endColumn === at.endColumn,
        );
        const versionId = model.getVersionId();
        actions.push({
          title: d.fix.applicability === "safe" ? d.fix.message : `${d.fix.message} (unsafe)`,
          kind: "quickfix",
          diagnostics: markers,
          isPreferred: d.fix.applicability === "safe",
          edit: {
            edits: d.fix.edits.map((e) => ({
              resource: model.uri,
              versionId,
              textEdit: { range: rangeOf(model, e.from, e.to), text: e.insert },
            })),
          },
        });
      }
      // Every safe fix of the document at once, as a source action ("Fix all"), unless the
      // editor asks for another kind only (the light bulb asks for quick fixes).
      const only = context?.only;
      const wantsFixAll = !only || FIX_ALL_KIND === only || FIX_ALL_KIND.startsWith(`${only}.`);
      if (wantsFixAll && diagnostics.some((d) => d.fix?.applicability === "safe")) {
        const result = fix(text, resolve(config.lint));
        if (result.output !== text) {
          const change = minimalChange(text, result.output);
          actions.push({
            title: `Fix all safe doris-lint problems (${result.applied.length})`,
            kind: FIX_ALL_KIND,
            diagnostics: [],
            edit: {
              edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: rangeOf(model, change.from, change.to), text: change.insert } }],
            },
          });
        }
      }
      return { actions, dispose() {} };
    },
  };
}

/** The smallest single change turning `before` into `after` (never splits a surrogate pair). */
function minimalChange(before, after) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && (before.charCodeAt(start - 1) & 0xfc00) === 0xd800) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && (before.charCodeAt(before.length - end) & 0xfc00) === 0xdc00) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/**
 * A document formatting provider. Without `config.format.indent`, the editor's indentation
 * (tab size, spaces or tabs) is used.
 */
export function createFormattingProvider(monaco, config = {}) {
  return {
    displayName: "doris-lint",
    provideDocumentFormattingEdits(model, editorOptions) {
      if (!isReady()) return [];
      const fromEditor =
        editorOptions && editorOptions.tabSize <= 16
          ? { indent: editorOptions.insertSpaces ? editorOptions.tabSize : "tab" }
          : {};
      const text = model.getValue();
      const formatted = format(text, { ...fromEditor, ...resolve(config.format) });
      if (formatted === text) return [];
      const change = minimalChange(text, formatted);
      return [{ range: rangeOf(model, change.from, change.to), text: change.insert }];
    },
  };
}

/**
 * Lints every model of `languageId` ("sql" by default) now and after each change (debounced by
 * `delay` ms, 300 by default), and registers the code-action and formatting providers.
 * `dispose()` undoes all.
 */
export function registerDorisLint(monaco, config = {}) {
  const languageId = config.languageId ?? "sql";
  const delay = config.delay ?? 300;
  const watched = new Map();
  const disposables = [];

  const validate = (model) => {
    if (model.isDisposed?.() || !watched.has(model)) return;
    if (model.getLanguageId() !== languageId) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      return;
    }
    const run = () => {
      if (model.isDisposed?.() || !watched.has(model)) return;
      const markers = toMarkers(monaco, model, lint(model.getValue(), resolve(config.lint)));
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    };
    if (isReady()) run();
    else init().then(run);
  };

  const unwatch = (model) => {
    const entry = watched.get(model);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.listeners.forEach((l) => l.dispose());
    watched.delete(model);
  };

  const watch = (model) => {
    if (watched.has(model)) return;
    const entry = { timer: undefined, listeners: [] };
    watched.set(model, entry);
    entry.listeners.push(
      model.onDidChangeContent(() => {
        clearTimeout(entry.timer);
        entry.timer = setTimeout(() => validate(model), delay);
      }),
      model.onWillDispose(() => unwatch(model)),
    );
    validate(model);
  };

  monaco.editor.getModels().forEach(watch);
  disposables.push(
    monaco.editor.onDidCreateModel(watch),
    monaco.editor.onDidChangeModelLanguage(({ model }) => validate(model)),
    monaco.languages.registerCodeActionProvider(languageId, createCodeActionProvider(monaco, config), {
      providedCodeActionKinds: ["quickfix", FIX_ALL_KIND],
    }),
    monaco.languages.registerDocumentFormattingEditProvider(languageId, createFormattingProvider(monaco, config)),
  );

  return {
    /** Lints `model` again at once (e.g. after the options changed). */
    revalidate(model) {
      if (model) validate(model);
      else watched.forEach((_, m) => validate(m));
    },
    dispose() {
      disposables.forEach((d) => d.dispose());
      for (const model of [...watched.keys()]) {
        unwatch(model);
        if (!model.isDisposed?.()) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      }
    },
  };
}
