// Types of doris-lint/codemirror (CodeMirror 6).
import type { Extension } from "@codemirror/state";
import type { Command } from "@codemirror/view";
import type { Diagnostic as CodeMirrorDiagnostic, LintSource } from "@codemirror/lint";
import type { Diagnostic, FormatOptions, LintOptions } from "./index.js";

export interface DorisLintConfig {
  /** Options of `lint()`, or a function returning the current ones (read on every lint). */
  lint?: LintOptions | (() => LintOptions | undefined);
  /** Milliseconds after the last change before linting (CodeMirror's `linter` delay). */
  delay?: number;
  /** Options of `format()`, or a function returning the current ones. */
  format?: FormatOptions | (() => FormatOptions | undefined);
  /** fixAll() applies unsafe fixes too; `false` by default. */
  unsafeFixes?: boolean;
  /** The key of formatDocument() in dorisLint() / dorisFormatKeymap(); `"Shift-Alt-f"` by default. */
  formatKey?: string;
}

/** doris-lint diagnostics as CodeMirror diagnostics, with a quick-fix action where there is a fix. */
export function toCodeMirrorDiagnostics(diagnostics: readonly Diagnostic[]): CodeMirrorDiagnostic[];

/** A `LintSource` running doris-lint on the whole document (loads the WebAssembly when needed). */
export function dorisLintSource(config?: DorisLintConfig): LintSource;

/** The `linter` extension alone. */
export function dorisLinter(config?: DorisLintConfig): Extension;

/** A command formatting the whole document (one minimal change; loads the WebAssembly when needed). */
export function formatDocument(config?: DorisLintConfig): Command;

/** A command applying every safe fix (unsafe ones too with `unsafeFixes`); true when something was fixed. */
export function fixAll(config?: DorisLintConfig): Command;

/** A keymap binding `formatKey` (Shift-Alt-f by default) to formatDocument(). */
export function dorisFormatKeymap(config?: DorisLintConfig): Extension;

/** The smallest single change turning `before` into `after` (never splits a surrogate pair). */
export function minimalChange(before: string, after: string): { from: number; to: number; insert: string };

/** Everything: the linter and the format key binding. */
export function dorisLint(config?: DorisLintConfig): Extension;
