// Types of doris-lint/codemirror (CodeMirror 6).
import type { Extension } from "@codemirror/state";
import type { Diagnostic as CodeMirrorDiagnostic, LintSource } from "@codemirror/lint";
import type { Diagnostic, LintOptions } from "./index.js";

export interface DorisLintConfig {
  /** Options of `lint()`, or a function returning the current ones (read on every lint). */
  lint?: LintOptions | (() => LintOptions | undefined);
  /** Milliseconds after the last change before linting (CodeMirror's `linter` delay). */
  delay?: number;
}

/** doris-lint diagnostics as CodeMirror diagnostics, with a quick-fix action where there is a fix. */
export function toCodeMirrorDiagnostics(diagnostics: readonly Diagnostic[]): CodeMirrorDiagnostic[];

/** A `LintSource` running doris-lint on the whole document (loads the WebAssembly when needed). */
export function dorisLintSource(config?: DorisLintConfig): LintSource;

/** The `linter` extension alone. */
export function dorisLinter(config?: DorisLintConfig): Extension;

/** Everything: the linter. */
export function dorisLint(config?: DorisLintConfig): Extension;
