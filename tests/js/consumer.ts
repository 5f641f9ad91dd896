// A consumer of every public type of the package, checked by `tsc --noEmit` (npm test) against the
// real @codemirror/* and monaco-editor types. It is type-checked, never run.
import init, { fix, format, initSync, isReady, lint, parse, rules, version } from "doris-lint";
import type { AppliedFix, FixOptions, FixResult, Diagnostic, FormatOptions, LintOptions, ParsedStatement, RuleInfo, RuleCode, Severity, Edit } from "doris-lint";
import { dorisFormatKeymap, fixAll, dorisLint, dorisLinter, dorisLintSource, formatDocument, minimalChange, toCodeMirrorDiagnostics } from "doris-lint/codemirror";
import { registerDorisLint, toMarkers, createCodeActionProvider, createFormattingProvider, MARKER_OWNER } from "doris-lint/monaco";
import type { DorisLintRegistration } from "doris-lint/monaco";

import { EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { linter, type Diagnostic as CMDiagnostic, type LintSource } from "@codemirror/lint";
import type * as Monaco from "monaco-editor";

export async function node(): Promise<string> {
  await init();
  const ready: boolean = isReady();
  const options: LintOptions = {
    mode: "integrated",
    dorisVersion: "3.0",
    enableMultiTags: null,
    ports: { heartbeat: 9050, editLog: 9010, broker: 8000 },
    existingBackends: ["10.0.0.1:9050", "10001"],
    rules: { D101: "off", "missing-port": "warning" },
    locale: "zh-CN",
  };
  const ds: Diagnostic[] = lint("ALTER SYSTEM ADD BACKEND 'a:1';", options);
  const d = ds[0];
  const code: RuleCode = d.code;
  const severity: Severity = d.severity;
  const edits: Edit[] = d.fix?.edits ?? [];
  const line: number = d.start.line + d.end.column + d.from + d.to;
  const help: string | undefined = d.help;
  const statements: ParsedStatement[] = parse("ALTER SYSTEM ADD BACKEND 'a:1'");
  const kind: string = statements[0].kind;
  const address: string | undefined = statements[0].addresses[0]?.value;
  const infos: RuleInfo[] = rules();
  const off: boolean = infos[0].defaultSeverity === "off";
  const formatOptions: FormatOptions = {
    keywordCase: "preserve",
    quoteStyle: "single",
    indent: "tab",
    lineWidth: 100,
    commaStyle: "leading",
    propertiesLayout: "expanded",
    semicolon: "preserve",
  };
  const formatted: string = format("alter system add backend 'a:1'", formatOptions) + format("", { indent: 2 }) + format("", null);
  const fixOptions: FixOptions = { unsafeFixes: true, mode: "integrated", rules: { D004: "off" } };
  const fixed: FixResult = fix("ALTER SYSTEM ADD BACKEND 1.2.3.4:9050", fixOptions);
  const firstApplied: AppliedFix | undefined = fixed.applied[0];
  const remainingCodes: RuleCode[] = fixed.remaining.map((d) => d.code);
  const summary = `${fixed.output}${fixed.rounds}${fixed.converged}${firstApplied?.applicability}${remainingCodes.length}`;
  initSync(new Uint8Array());
  return `${summary}${formatted}${ready}${code}${severity}${edits.length}${line}${help}${kind}${address}${off}${version()}`;
}

// @ts-expect-error: unknown options are type errors too
lint("x", { colour: "red" });
// @ts-expect-error: a level that does not exist
lint("x", { rules: { D001: "loud" } });
// @ts-expect-error: the source must be a string
lint(42);
// @ts-expect-error: indent is a number or "tab"
format("x", { indent: "tabs" });

export function codemirror(parent: HTMLElement): EditorView {
  const source: LintSource = dorisLintSource({ lint: () => ({ mode: "decoupled" }) });
  const extensions: Extension[] = [
    dorisLint({ lint: { locale: "en" }, delay: 200, format: { lineWidth: 100 }, formatKey: "Mod-Shift-f" }),
    dorisLinter(),
    linter(source),
    dorisFormatKeymap({ format: () => ({ indent: "tab" }) }),
  ];
  const change: { from: number; to: number; insert: string } = minimalChange("a", "b");
  void change;
  const cm: CMDiagnostic[] = toCodeMirrorDiagnostics(lint(""));
  void cm;
  const view = new EditorView({ state: EditorState.create({ doc: "", extensions }), parent });
  formatDocument({ format: { keywordCase: "upper" } })(view);
  fixAll({ lint: { mode: "auto" }, unsafeFixes: false })(view);
  return view;
}

export function monaco(api: typeof Monaco, model: Monaco.editor.ITextModel): Monaco.IDisposable {
  const registration: DorisLintRegistration = registerDorisLint(api, { languageId: "sql", lint: { mode: "auto" }, delay: 100 });
  registration.revalidate(model);
  const markers: Monaco.editor.IMarkerData[] = toMarkers(api, model, lint(model.getValue()));
  api.editor.setModelMarkers(model, MARKER_OWNER, markers);
  const provider: Monaco.languages.CodeActionProvider = createCodeActionProvider(api);
  api.languages.registerCodeActionProvider("sql", provider);
  const formatter: Monaco.languages.DocumentFormattingEditProvider = createFormattingProvider(api, { format: { lineWidth: 100 } });
  api.languages.registerDocumentFormattingEditProvider("sql", formatter);
  return registration;
}
