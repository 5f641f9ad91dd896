// Types of the doris-lint npm package. Hand-written; `cargo test --test typescript_types` fails
// when they drift from the Rust side (option names, rule codes and names, result shapes, enums).

/** The rule codes, in order. */
export type RuleCode =
  | "D001"
  | "D002"
  | "D003"
  | "D004"
  | "D005"
  | "D006"
  | "D007"
  | "D008"
  | "D009"
  | "D010"
  | "D011"
  | "D012"
  | "D101"
  | "D102"
  | "D103"
  | "D104"
  | "D105"
  | "D106"
  | "D107"
  | "D108"
  | "D109"
  | "D110"
  | "D111"
  | "D112"
  | "D113"
  | "D114"
  | "D115"
  | "D201"
  | "D202"
  | "D203"
  | "D204"
  | "D205"
  | "D206"
  | "D207"
  | "D208"
  | "D209"
  | "D210"
  | "D211"
  | "D301"
  | "D302"
  | "D303"
  | "D304"
  | "D901"
  | "D902"
  | "D903";

/** The rule names, in code order. */
export type RuleName =
  | "syntax-error"
  | "unterminated-string"
  | "unclosed-comment"
  | "hash-comment"
  | "fullwidth-punctuation"
  | "non-ascii-whitespace"
  | "unquoted-address"
  | "removed-syntax"
  | "colon-in-property"
  | "malformed-property-list"
  | "unquoted-dotted-key"
  | "raw-string"
  | "several-addresses-in-one-literal"
  | "missing-port"
  | "invalid-port"
  | "empty-host"
  | "malformed-address"
  | "invalid-host"
  | "placeholder-address"
  | "wrong-service-port"
  | "duplicate-address"
  | "whitespace-in-address"
  | "loopback-address"
  | "mixed-ids-and-addresses"
  | "invalid-backend-id"
  | "backend-already-exists"
  | "unknown-backend"
  | "unknown-property"
  | "ignored-tag-key"
  | "invalid-tag-type"
  | "invalid-tag-value"
  | "duplicate-property"
  | "multiple-tags"
  | "deploy-mode-mismatch"
  | "invalid-endpoint"
  | "missing-location-tag"
  | "invalid-boolean"
  | "unsupported-by-version"
  | "drop-backend-refused"
  | "force-drop-backend"
  | "drop-frontend"
  | "missing-broker-name"
  | "unused-suppression"
  | "unformatted"
  | "unsupported-statement";

export type Severity = "error" | "warning" | "info";

/** A rule's configured level. */
export type RuleLevel = "off" | "info" | "warning" | "error";

/** The deployment mode: `"auto"` keeps the mode rules quiet. */
export type Mode = "auto" | "integrated" | "decoupled";

/** The language of messages. */
export type Locale = "en" | "zh-CN";

export type Applicability = "safe" | "unsafe";

/** Which fixes a rule can offer (`"sometimes"`: see its explanation). */
export type FixAvailability = "none" | "safe" | "unsafe" | "sometimes";

/** The ports the cluster uses; rules expect these in addresses. */
export interface Ports {
  /** BE `heartbeat_service_port` (9050). */
  heartbeat?: number;
  /** FE `edit_log_port` (9010). */
  editLog?: number;
  /** Broker `broker_ipc_port` (8000). */
  broker?: number;
}

/**
 * Options of `lint()`: the names of the config file `doris-lint.toml`. Every option is
 * optional; an unknown option or a value of the wrong type throws an Error naming it.
 */
export interface LintOptions {
  mode?: Mode;
  /** e.g. `"2.1"`, `"3.0"`; unset: the newest supported. */
  dorisVersion?: string | null;
  /** `enable_multi_tags` of the cluster's `fe.conf`, when known. */
  enableMultiTags?: boolean | null;
  ports?: Ports;
  /** The cluster's current backends (`"host:port"` or numeric ids), e.g. from `SHOW BACKENDS`. */
  existingBackends?: string[] | null;
  /** Rule code or name (any case) → level. */
  rules?: { [codeOrName: string]: RuleLevel };
  locale?: Locale;
}

export type KeywordCase = "upper" | "lower" | "preserve";

export type QuoteStyle = "double" | "single" | "preserve";

export type CommaStyle = "trailing" | "leading";

export type PropertiesLayout = "auto" | "expanded";

export type SemicolonStyle = "always" | "preserve";

/**
 * Options of `format()`: the names of the `[format]` table of `doris-lint.toml`. Every option is
 * optional; an unknown option or a value of the wrong type throws an Error naming it.
 */
export interface FormatOptions {
  /** `"upper"` by default. */
  keywordCase?: KeywordCase;
  /** `"double"` by default (unless that would need an escape). */
  quoteStyle?: QuoteStyle;
  /** Spaces per level (0 to 16), or `"tab"`; 4 by default. */
  indent?: number | "tab";
  /** 80 by default. */
  lineWidth?: number;
  /** `"trailing"` by default. */
  commaStyle?: CommaStyle;
  /** `"auto"` by default: one line when the statement fits. */
  propertiesLayout?: PropertiesLayout;
  /** `"always"` by default. */
  semicolon?: SemicolonStyle;
}

/** A 1-based line and a 1-based column counted in UTF-16 code units (Monaco's convention). */
export interface Position {
  line: number;
  column: number;
}

/** Replace the UTF-16 range `from..to` of the source with `insert`. */
export interface Edit {
  from: number;
  to: number;
  insert: string;
}

export interface Fix {
  message: string;
  /** `"safe"`: apply without asking; `"unsafe"`: a suggestion, apply on request. */
  applicability: Applicability;
  /** Non-overlapping, sorted by position. */
  edits: Edit[];
}

export interface Diagnostic {
  code: RuleCode;
  rule: RuleName;
  severity: Severity;
  /** In the requested locale; quotes the offending text. */
  message: string;
  /** What to write instead. */
  help?: string;
  /** UTF-16 offsets into the source string: `source.slice(from, to)` is the flagged text. */
  from: number;
  to: number;
  start: Position;
  end: Position;
  fix?: Fix;
}

/** Options of `fix()`: those of `lint()`, and whether to apply unsafe fixes too. */
export interface FixOptions extends LintOptions {
  /** Apply unsafe fixes (suggestions) too; `false` by default. */
  unsafeFixes?: boolean;
}

/** A fix that `fix()` applied. */
export interface AppliedFix {
  code: RuleCode;
  rule: RuleName;
  message: string;
  applicability: Applicability;
}

export interface FixResult {
  /** The fixed text (the input itself when nothing applied). */
  output: string;
  /** Every fix applied, in the order applied. */
  applied: AppliedFix[];
  /** The diagnostics of `output` (positions in `output`). */
  remaining: Diagnostic[];
  /** Rounds that changed the text. */
  rounds: number;
  /** `false` when fixing stopped with applicable fixes left (round limit, or a round that made things worse). */
  converged: boolean;
}

/** How an operand was written. */
export type OperandKind =
  | "single_quoted"
  | "double_quoted"
  | "raw_single"
  | "raw_double"
  | "typographic"
  | "backquoted"
  | "identifier"
  | "dotted_identifier"
  | "number"
  | "bare_address";

export type StatementKind =
  | "add_backend"
  | "drop_backend"
  | "dropp_backend"
  | "decommission_backend"
  | "cancel_decommission_backend"
  | "modify_backend"
  | "modify_backend_hostname"
  | "modify_frontend_hostname"
  | "add_follower"
  | "drop_follower"
  | "add_observer"
  | "drop_observer"
  | "add_broker"
  | "drop_broker"
  | "drop_all_broker"
  | "rename_compute_group"
  | "set_load_errors_hub";

/** An address, a name, a property key or value. */
export interface ParsedOperand {
  /** The decoded value: quotes removed, escapes resolved. */
  value: string;
  /** The source text, quotes included. */
  text: string;
  quote: OperandKind;
  from: number;
  to: number;
}

export interface ParsedProperty {
  key: ParsedOperand;
  value: ParsedOperand;
  from: number;
  to: number;
}

export interface ParsedSyntaxError {
  /** What was found, as written (`"end of statement"` at the end). */
  found: string;
  /** What the grammar would have accepted, in words. */
  expected: string[];
  from: number;
  to: number;
}

/** One statement of the script (comment-only parts are left out). */
export interface ParsedStatement {
  /** `"syntax_error"`: a statement of the family that does not parse; `"other"`: not `ALTER SYSTEM`. */
  kind: StatementKind | "syntax_error" | "other";
  /** The statement's text without its `;`. */
  text: string;
  from: number;
  to: number;
  start: Position;
  end: Position;
  /** The keywords in order, upper case. */
  keywords: string[];
  /** The target addresses (or backend ids). */
  addresses: ParsedOperand[];
  /** The new host name of `MODIFY FRONTEND|BACKEND ... HOSTNAME`. */
  hostname?: ParsedOperand;
  /** Broker name, compute group names. */
  names: ParsedOperand[];
  properties: ParsedProperty[];
  /** Only for `"syntax_error"`. */
  error?: ParsedSyntaxError;
}

export interface RuleInfo {
  code: RuleCode;
  name: RuleName;
  /** `"off"`: runs only when enabled in `rules`. */
  defaultSeverity: Severity | "off";
  fix: FixAvailability;
  /** One line, English. */
  summary: string;
  /** Markdown. */
  explanation: string;
}

/** Lints `source`: every diagnostic, sorted by position. Throws an Error on a bad argument. */
export function lint(source: string, options?: LintOptions | null): Diagnostic[];

/**
 * `source` formatted. Statements outside the `ALTER SYSTEM` family and statements that do not
 * parse are kept byte for byte; comments are kept.
 */
export function format(source: string, options?: FormatOptions | null): string;

/** Applies the safe fixes (and unsafe ones with `unsafeFixes`) round after round. */
export function fix(source: string, options?: FixOptions | null): FixResult;

/** The statements of `source`. */
export function parse(source: string): ParsedStatement[];

/**
 * `SHOW BACKENDS` output as pasted (table, `mysql -B`, `\G`, or `host:port` / id lines) as the
 * `existingBackends` option. Throws an Error saying what it could not read.
 */
export function parseBackends(text: string): string[];

/** Every rule's metadata, in code order. */
export function rules(): RuleInfo[];

/** The version of doris-lint. */
export function version(): string;

/** What `init()` can load the WebAssembly from. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly (browsers and bundlers: once, before anything else). Without an argument
 * it fetches `doris_lint_bg.wasm` next to the package's JS. In Node it is already loaded at import
 * and resolves at once.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the WebAssembly synchronously from its bytes or a compiled module. */
export function initSync(bytesOrModule: BufferSource | WebAssembly.Module): void;

/** Whether the WebAssembly is loaded. */
export function isReady(): boolean;

export default init;
