// doris-lint for CodeMirror 6: a `linter` source with the diagnostics' severities and quick-fix
// actions. Loads the WebAssembly by itself (init()) the first time it lints.
//
//   import { EditorView, basicSetup } from "codemirror";
//   import { dorisLint } from "doris-lint/codemirror";
//   new EditorView({ parent, extensions: [basicSetup, dorisLint({ lint: { mode: "integrated" } })] });

import { linter } from "@codemirror/lint";
import { init, isReady, lint } from "./api.js";

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

/** Everything: the linter. */
export function dorisLint(config = {}) {
  return [dorisLinter(config)];
}
