// doris-lint for CodeMirror 6: a `linter` source with the diagnostics' severities and quick-fix
// actions. Loads the WebAssembly by itself (init()) the first time it lints.
//
//   import { EditorView, basicSetup } from "codemirror";
//   import { dorisLint } from "doris-lint/codemirror";
//   new EditorView({ parent, extensions: [basicSetup, dorisLint({ lint: { mode: "integrated" } })] });
//
// dorisLint() also binds Shift-Alt-F to format the document (formatDocument()).

import { linter } from "@codemirror/lint";
import { keymap } from "@codemirror/view";
import { fix, format, init, isReady, lint } from "./api.js";

function resolve(option) {
  return typeof option === "function" ? option() : option;
}

/** The text CodeMirror shows: the message, then the help on its own line. */
function messageOf(d) {
  return d.help ? `${d.message}\n${d.help}` : d.message;
}

/** A quick-fix action applying `fix` to the diagnostic that now sits at `from`. */
function fixAction(d) {
  const fix = d.fix;
  return {
    name: fix.applicability === "safe" ? fix.message : `${fix.message} (unsafe)`,
    apply(view, from) {
      // The document may have changed above the diagnostic since it was computed: CodeMirror
      // passes where the diagnostic is now, so shift the edits by as much.
      const shift = from - d.from;
      view.dispatch({
        changes: fix.edits.map((e) => ({ from: e.from + shift, to: e.to + shift, insert: e.insert })),
        userEvent: "input.fix",
      });
    },
  };
}

/** doris-lint diagnostics as CodeMirror diagnostics (severities map one to one). */
export function toCodeMirrorDiagnostics(diagnostics) {
  return diagnostics.map((d) => ({
    from: d.from,
    to: d.to,
    severity: d.severity,
    source: `doris-lint ${d.code} ${d.rule}`,
    markClass: `cm-doris-lint-${d.code}`,
    message: messageOf(d),
    actions: d.fix ? [fixAction(d)] : [],
  }));
}

/** A CodeMirror `LintSource` running doris-lint on the whole document. */
export function dorisLintSource(config = {}) {
  const run = (view) => toCodeMirrorDiagnostics(lint(view.state.doc.toString(), resolve(config.lint)));
  return (view) => (isReady() ? run(view) : init().then(() => run(view)));
}

/** The `linter` extension alone. */
export function dorisLinter(config = {}) {
  return linter(dorisLintSource(config), config.delay === undefined ? {} : { delay: config.delay });
}

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The smallest single change turning `before` into `after` (their common prefix and suffix are
 * kept, never splitting a surrogate pair), so the selection and the undo history stay sensible.
 */
export function minimalChange(before, after) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** A command formatting the whole document with `config.format` (FormatOptions or a function). */
export function formatDocument(config = {}) {
  const run = (view) => {
    const text = view.state.doc.toString();
    const formatted = format(text, resolve(config.format));
    if (formatted !== text) {
      view.dispatch({ changes: minimalChange(text, formatted), userEvent: "format" });
    }
    return true;
  };
  return (view) => {
    if (isReady()) return run(view);
    init().then(() => run(view));
    return true;
  };
}

/**
 * A command applying every safe fix (and the unsafe ones with `config.unsafeFixes`) to the whole
 * document, with the lint options of `config.lint`. True when something was fixed.
 */
export function fixAll(config = {}) {
  const run = (view) => {
    const text = view.state.doc.toString();
    const result = fix(text, { ...resolve(config.lint), unsafeFixes: config.unsafeFixes === true });
    if (result.output !== text) {
      view.dispatch({ changes: minimalChange(text, result.output), userEvent: "input.fix" });
    }
    return result.applied.length > 0;
  };
  return (view) => {
    if (isReady()) return run(view);
    init().then(() => run(view));
    return true;
  };
}

/** A keymap binding `config.formatKey` (Shift-Alt-f by default) to formatDocument(). */
export function dorisFormatKeymap(config = {}) {
  return keymap.of([{ key: config.formatKey ?? "Shift-Alt-f", run: formatDocument(config), preventDefault: true }]);
}

/** Everything: the linter and the format key binding. */
export function dorisLint(config = {}) {
  return [dorisLinter(config), dorisFormatKeymap(config)];
}
