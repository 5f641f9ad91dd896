// Types of doris-lint/monaco.
import type * as Monaco from "monaco-editor";
import type { Diagnostic, FormatOptions, LintOptions } from "./index.js";

/** The `monaco` namespace (`import * as monaco from "monaco-editor"`, or the global `monaco`). */
export type MonacoApi = typeof Monaco;

/** The marker owner used with `monaco.editor.setModelMarkers`. */
export const MARKER_OWNER: "doris-lint";

export interface DorisLintMonacoConfig {
  /** The language whose models are linted; `"sql"` by default. */
  languageId?: string;
  /** Options of `lint()`, or a function returning the current ones (read on every lint). */
  lint?: LintOptions | (() => LintOptions | undefined);
  /** Milliseconds after the last change before linting again; 300 by default. */
  delay?: number;
  /** Options of `format()`, or a function returning the current ones; without `indent`, the editor's. */
  format?: FormatOptions | (() => FormatOptions | undefined);
}

export interface DorisLintRegistration extends Monaco.IDisposable {
  /** Lints `model` (or every watched model) again at once, e.g. after the options changed. */
  revalidate(model?: Monaco.editor.ITextModel): void;
}

/** doris-lint diagnostics of `model`'s text as markers (codes set, positions from the model). */
export function toMarkers(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  diagnostics: readonly Diagnostic[],
): Monaco.editor.IMarkerData[];

/** A code-action provider offering each diagnostic's fix as a quick fix. */
export function createCodeActionProvider(
  monaco: MonacoApi,
  config?: DorisLintMonacoConfig,
): Monaco.languages.CodeActionProvider;

/** A document formatting provider (the editor's indentation unless `format.indent` is set). */
export function createFormattingProvider(
  monaco: MonacoApi,
  config?: DorisLintMonacoConfig,
): Monaco.languages.DocumentFormattingEditProvider;

/** Markers on every model of the language, kept up to date, and the code-action and formatting providers. */
export function registerDorisLint(monaco: MonacoApi, config?: DorisLintMonacoConfig): DorisLintRegistration;
