//! The rules. One rule per file, each with its metadata (code, name, default severity, fix
//! availability, explanation) next to its logic, all registered in [`RULES`].

use crate::diagnostic::{Diagnostic, Severity};
use crate::options::{LintOptions, Locale};
use crate::span::Span;
use crate::suppression::Suppression;
use std::cell::{Cell, OnceCell};

/// A message in the locale of the run: `t!(cx, english, chinese)`, as a `Cow<'static, str>`.
/// Only the requested language is built (each text is usually a `format!`, and most runs need
/// one language), and constant texts are borrowed, not copied.
macro_rules! t {
    ($cx:expr, $en:expr, $zh:expr $(,)?) => {{
        let text: std::borrow::Cow<'static, str> = match $cx.locale() {
            $crate::options::Locale::En => ($en).into(),
            $crate::options::Locale::ZhCn => ($zh).into(),
        };
        text
    }};
}

/// A message from its pieces (`&str`, `String`, `Cow<str>`, `char`, integers), like `concat!`
/// at run time: `cat!("`", text, "` holds ", n, " entries")`. The literals make one template
/// in which a NUL stands for each other piece (so literals must not hold NUL). See [`message`].
macro_rules! cat {
    (@ [$($t:literal)*] [$($a:expr,)*] $(,)?) => {
        $crate::rules::message::cat(concat!($($t),*), &[$(&$a as &dyn $crate::rules::message::Piece),*])
    };
    (@ [$($t:literal)*] [$($a:expr,)*] $l:literal $(, $($rest:tt)*)?) => { cat!(@ [$($t)* $l] [$($a,)*] $($($rest)*)?) };
    (@ [$($t:literal)*] [$($a:expr,)*] $e:expr $(, $($rest:tt)*)?) => { cat!(@ [$($t)* "\0"] [$($a,)* $e,] $($($rest)*)?) };
    ($($piece:tt)+) => { cat!(@ [] [] $($piece)+) };
}

use crate::syntax::{Node, Property, PropertyList, Script, Segment, Statement};
use address_checks::Lit;

mod d001_syntax_error;
mod d002_unterminated_string;
mod d003_unclosed_comment;
mod d004_hash_comment;
mod d005_fullwidth_punctuation;
mod d006_non_ascii_whitespace;
mod d007_unquoted_address;
mod d008_removed_syntax;
mod d009_colon_in_property;
mod d010_malformed_property_list;
mod d011_unquoted_dotted_key;
mod d012_raw_string;
pub(crate) mod address_checks;
mod d101_several_addresses_in_one_literal;
mod d102_missing_port;
mod d103_invalid_port;
mod d104_empty_host;
mod d105_malformed_address;
mod d106_invalid_host;
mod d107_placeholder_address;
mod d108_wrong_service_port;
mod d109_duplicate_address;
mod d110_whitespace_in_address;
mod d111_loopback_address;
mod d112_mixed_ids_and_addresses;
mod d113_invalid_backend_id;
mod d114_backend_already_exists;
mod d115_unknown_backend;
mod d201_unknown_property;
mod d202_ignored_tag_key;
mod d203_invalid_tag_type;
mod d204_invalid_tag_value;
mod d205_duplicate_property;
mod d206_multiple_tags;
mod d207_deploy_mode_mismatch;
mod d208_invalid_endpoint;
mod d209_missing_location_tag;
mod d210_invalid_boolean;
mod d211_unsupported_by_version;
mod d301_drop_backend_refused;
mod d302_force_drop_backend;
mod d303_drop_frontend;
mod d304_missing_broker_name;
mod tags;
mod message;
mod d901_unused_suppression;
mod d902_unformatted;
mod d903_unsupported_statement;

/// Every rule, in code order. Docs, `doris-lint rules` and the JS `rules()` are generated from
/// this list.
pub static RULES: &[&dyn Rule] = &[
    &d001_syntax_error::SyntaxError,
    &d002_unterminated_string::UnterminatedString,
    &d003_unclosed_comment::UnclosedComment,
    &d004_hash_comment::HashComment,
    &d005_fullwidth_punctuation::FullwidthPunctuation,
    &d006_non_ascii_whitespace::NonAsciiWhitespace,
    &d007_unquoted_address::UnquotedAddress,
    &d008_removed_syntax::RemovedSyntax,
    &d009_colon_in_property::ColonInProperty,
    &d010_malformed_property_list::MalformedPropertyList,
    &d011_unquoted_dotted_key::UnquotedDottedKey,
    &d012_raw_string::RawString,
    &d101_several_addresses_in_one_literal::SeveralAddressesInOneLiteral,
    &d102_missing_port::MissingPort,
    &d103_invalid_port::InvalidPort,
    &d104_empty_host::EmptyHost,
    &d105_malformed_address::MalformedAddress,
    &d106_invalid_host::InvalidHost,
    &d107_placeholder_address::PlaceholderAddress,
    &d108_wrong_service_port::WrongServicePort,
    &d109_duplicate_address::DuplicateAddress,
    &d110_whitespace_in_address::WhitespaceInAddress,
    &d111_loopback_address::LoopbackAddress,
    &d112_mixed_ids_and_addresses::MixedIdsAndAddresses,
    &d113_invalid_backend_id::InvalidBackendId,
    &d114_backend_already_exists::BackendAlreadyExists,
    &d115_unknown_backend::UnknownBackend,
    &d201_unknown_property::UnknownProperty,
    &d202_ignored_tag_key::IgnoredTagKey,
    &d203_invalid_tag_type::InvalidTagType,
    &d204_invalid_tag_value::InvalidTagValue,
    &d205_duplicate_property::DuplicateProperty,
    &d206_multiple_tags::MultipleTags,
    &d207_deploy_mode_mismatch::DeployModeMismatch,
    &d208_invalid_endpoint::InvalidEndpoint,
    &d209_missing_location_tag::MissingLocationTag,
    &d210_invalid_boolean::InvalidBoolean,
    &d211_unsupported_by_version::UnsupportedByVersion,
    &d301_drop_backend_refused::DropBackendRefused,
    &d302_force_drop_backend::ForceDropBackend,
    &d303_drop_frontend::DropFrontend,
    &d304_missing_broker_name::MissingBrokerName,
    &d901_unused_suppression::UnusedSuppression,
    &d902_unformatted::Unformatted,
    &d903_unsupported_statement::UnsupportedStatement,
];

/// Which fixes a rule can offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixAvailability {
    None,
    /// Always a safe fix.
    Safe,
    /// An unsafe fix (a suggestion).
    Unsafe,
    /// Safe in some cases, none or unsafe in others (the explanation says when).
    Sometimes,
}

#[derive(Debug, serde::Serialize)]
pub struct RuleMeta {
    pub code: &'static str,
    /// kebab-case, names the problem.
    pub name: &'static str,
    /// `None`: off unless enabled.
    pub default_severity: Option<Severity>,
    pub fix: FixAvailability,
    /// One line, English.
    pub summary: &'static str,
    /// Markdown: what it does, why it matters, an example, what the fix does.
    pub explanation: &'static str,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Reports through `cx`. Rules iterate the script themselves. Lint reads a long script a
    /// chunk of statements at a time (`cx.script` is the chunk): a rule that follows state across
    /// statements keeps it in the run's [`Carry`].
    fn check(&self, cx: &mut Context<'_, '_>);
    /// Rules that report on suppression comments themselves (D901) run after every other rule,
    /// once suppressions have been applied, and read them through [`Context::suppressions`].
    fn runs_after_suppression(&self) -> bool {
        false
    }
    /// Rules that need the whole script in one piece under `options` (not chunk by chunk): lint
    /// then parses it whole.
    fn needs_whole_script(&self, _options: &LintOptions) -> bool {
        false
    }
}

/// What lasts for a whole lint run, across its chunks of statements.
pub(crate) struct Run<'s> {
    source: &'s str,
    options: &'s LintOptions,
}

impl<'s> Run<'s> {
    pub(crate) fn new(source: &'s str, options: &'s LintOptions) -> Run<'s> {
        Run { source, options }
    }

    pub(crate) fn source(&self) -> &'s str {
        self.source
    }
}

/// The state rules carry from one chunk of statements to the next (a rule takes its part and
/// sets it back when done with the chunk); it borrows only the source.
#[derive(Default)]
pub(crate) struct Carry<'s> {
    pub(crate) d109: Cell<d109_duplicate_address::State<'s>>,
    pub(crate) d114: Cell<d114_backend_already_exists::State<'s>>,
    pub(crate) d115: Cell<d115_unknown_backend::State<'s>>,
}

/// What several rules derive from a chunk of the script, computed at most once (on first use)
/// and shared by every rule, so that no rule re-analyses the statements.
pub struct Shared<'a> {
    source: &'a str,
    script: &'a Script,
    literals: OnceCell<Vec<Lit<'a>>>,
    /// The statements that have a property list, with it.
    property_lists: OnceCell<Vec<(&'a Statement, &'a PropertyList)>>,
}

impl<'a> Shared<'a> {
    pub(crate) fn new(source: &'a str, script: &'a Script) -> Shared<'a> {
        Shared { source, script, literals: OnceCell::new(), property_lists: OnceCell::new() }
    }
}

/// What a rule sees while it runs over one chunk of the script (`'s`: the whole run).
pub struct Context<'a, 's> {
    pub source: &'s str,
    pub script: &'a Script,
    pub options: &'s LintOptions,
    shared: &'a Shared<'a>,
    carry: &'a Carry<'s>,
    meta: &'static RuleMeta,
    severity: Severity,
    configured: bool,
    out: Vec<Diagnostic>,
    suppressions: &'a [Suppression],
}

impl<'a, 's> Context<'a, 's> {
    /// A context for one rule over the chunk of `shared`, which adds its diagnostics to `out`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        run: &'a Run<'s>,
        shared: &'a Shared<'a>,
        carry: &'a Carry<'s>,
        meta: &'static RuleMeta,
        severity: Severity,
        configured: bool,
        out: Vec<Diagnostic>,
    ) -> Context<'a, 's> {
        let (source, options, script) = (run.source, run.options, shared.script);
        Context { source, script, options, shared, carry, meta, severity, configured, out, suppressions: &[] }
    }

    /// Gives the rule the script's suppression comments (with their use counts).
    pub(crate) fn with_suppressions(mut self, suppressions: &'a [Suppression]) -> Context<'a, 's> {
        self.suppressions = suppressions;
        self
    }

    /// The suppression comments of the script. Filled (with use counts) only for rules that
    /// [`Rule::runs_after_suppression`]; empty for the others.
    pub fn suppressions(&self) -> &'a [Suppression] {
        self.suppressions
    }

    /// The locale of the messages (see the `t!` macro).
    pub fn locale(&self) -> Locale {
        self.options.locale
    }

    pub fn text(&self, span: Span) -> &'s str {
        span.text(self.source)
    }

    /// The rule's effective severity (default or configured).
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Whether the user set this rule's severity explicitly.
    pub fn severity_configured(&self) -> bool {
        self.configured
    }

    /// A diagnostic of this rule at `span`; add help and fix, then [`Context::push`] it.
    pub fn diagnostic(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: self.meta.code,
            rule: self.meta.name,
            severity: self.severity,
            message: message.into(),
            help: None,
            span,
            fix: None,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// `out` with what the rule reported added.
    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }

    /// Segments of the family (parsed or not) and segments of only trivia: the ones whose
    /// lexical problems matter. Statements of other kinds are never reported.
    pub fn checked_segments(&self) -> impl Iterator<Item = &'a Segment> {
        self.script.segments.iter().filter(|s| !matches!(s.node, Node::Other))
    }

    /// Parsed statements of the family, in order.
    pub fn statements(&self) -> impl Iterator<Item = (&'a Segment, &'a Statement)> {
        self.script.statements()
    }

    /// The parsed statements of the chunk that have a property list (`PROPERTIES` / `SET`), with
    /// it, in order (found once per chunk for all the property rules).
    pub fn property_lists(&self) -> impl Iterator<Item = (&'a Statement, &'a PropertyList)> {
        let shared = self.shared;
        let lists = shared.property_lists.get_or_init(|| {
            shared.script.statements().filter_map(|(_, st)| Some((st, st.properties()?))).collect()
        });
        lists.iter().copied()
    }

    /// The property lists the tag rules read: ADD BACKEND `PROPERTIES` and MODIFY BACKEND `SET`.
    pub fn backend_properties(&self) -> impl Iterator<Item = (&'a Statement, &'a [Property])> {
        self.property_lists().filter(|(st, _)| tags::reads_backend_properties(st.kind)).map(|(st, list)| (st, &list.items[..]))
    }

    /// Every address-position literal of the chunk with its verdict, in order (analysed once per
    /// chunk for all the address rules).
    pub fn literals(&self) -> &'a [Lit<'a>] {
        let shared = self.shared;
        // Room for two literals a segment, more than most scripts have (a `Lit` is large, and
        // growing the vector from empty in every chunk copied each one several times), within
        // reason when the chunk is the whole script.
        let capacity = (2 * shared.script.segments.len()).min(1024);
        shared.literals.get_or_init(|| address_checks::literals(shared.source, shared.script.statements(), capacity))
    }

    /// The address-position literals grouped by statement, in order (statements without any
    /// are left out).
    pub fn literals_by_statement(&self) -> impl Iterator<Item = (&'a Statement, &'a [Lit<'a>])> {
        self.literals().chunk_by(|a, b| std::ptr::eq(a.statement, b.statement)).map(|lits| (lits[0].statement, lits))
    }

    /// The state the rules carry across chunks.
    pub(crate) fn carry(&self) -> &'a Carry<'s> {
        self.carry
    }
}

/// `text` as a borrow of `source` when it is a slice of it (a literal's value read straight
/// from the source, the usual case), otherwise copied: what a rule can keep in its [`Carry`]
/// after the chunk is gone.
pub fn in_source<'s>(source: &'s str, text: &str) -> std::borrow::Cow<'s, str> {
    let start = (text.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
    // Only a slice of the source can lie inside its bytes.
    match start.checked_add(text.len()).and_then(|end| source.get(start..end)) {
        Some(t) => std::borrow::Cow::Borrowed(t),
        None => std::borrow::Cow::Owned(text.to_owned()),
    }
}

/// FxHash (as in rustc) for the rules' maps: their keys come from the script being linted, and
/// SipHash's flood resistance cost more than the rules themselves.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

pub type FxHashMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
pub type FxHashSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// One step of FxHash: mixes `word` into `hash`.
pub(crate) fn fx_add(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            self.0 = fx_add(self.0, crate::bytes::padded_word(chunk));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = fx_add(self.0, i.into());
    }

    fn write_u32(&mut self, i: u32) {
        self.0 = fx_add(self.0, i.into());
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = fx_add(self.0, i);
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = fx_add(self.0, i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Finds a rule by code (`D101`) or name (`several-addresses-in-one-literal`), any case.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| {
        let m = r.meta();
        m.code.eq_ignore_ascii_case(code_or_name) || m.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// The whole text `doris-lint explain CODE` prints and `docs/rules.md` holds for one rule.
pub fn explain(meta: &RuleMeta) -> String {
    let severity = meta.default_severity.map_or("off", Severity::as_str);
    let fix = match meta.fix {
        FixAvailability::None => "none",
        FixAvailability::Safe => "safe",
        FixAvailability::Unsafe => "unsafe",
        FixAvailability::Sometimes => "sometimes (see below)",
    };
    format!(
        "## {} {}\n\n{}\n\nDefault severity: **{}** · Fix: **{}**\n\n{}\n",
        meta.code,
        meta.name,
        meta.summary,
        severity,
        fix,
        meta.explanation.trim()
    )
}

/// Edit distance for "did you mean" suggestions.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The whole of `docs/rules.md`: an index of every rule, the suppression comments, the options,
/// then each rule's [`explain`] text. Generated, never edited by hand (a test compares it).
pub fn docs_markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    out.push_str("<!-- Generated from the rule registry by `doris_lint::rules::docs_markdown()`. Do not edit: run `UPDATE_DOCS=1 cargo test --test docs`. -->\n\n");
    out.push_str("# doris-lint rules\n\n");
    out.push_str("Severities: **error** = Doris rejects the statement, or accepts it and does something the user cannot have meant; **warning** = valid but very probably wrong; **info** = worth knowing. Fixes are **safe** (applied by `--fix`) or **unsafe** (applied only with `--unsafe-fixes`). `doris-lint explain CODE` prints a rule's section.\n\n");
    out.push_str("| code | name | default | fix | summary |\n|---|---|---|---|---|\n");
    for r in RULES {
        let m = r.meta();
        let fix = match m.fix {
            FixAvailability::None => "—",
            FixAvailability::Safe => "safe",
            FixAvailability::Unsafe => "unsafe",
            FixAvailability::Sometimes => "sometimes",
        };
        let anchor = format!("{}-{}", m.code, m.name).to_ascii_lowercase();
        let _ = writeln!(
            out,
            "| [{}](#{anchor}) | {} | {} | {fix} | {} |",
            m.code,
            m.name,
            m.default_severity.map_or("off", Severity::as_str),
            m.summary.replace('|', "\\|")
        );
    }
    out.push_str(
        r#"
## Suppression comments

- `-- doris-lint: ignore D108` (one or more codes or names, comma-separated) on the line before a
  statement (or before it on its first line) or at the end of one of its lines: suppresses those
  rules for that statement.
- `-- doris-lint: ignore-file D111` anywhere: for the whole file.
- Both work in `/* ... */` comments too. An optional reason follows ` -- ` or `: `, e.g.
  `-- doris-lint: ignore D108 -- heartbeat port remapped by the proxy`; it is kept in the JSON
  and SARIF output next to the suppressed diagnostic.
- A suppression that silences nothing, or names no rule, is reported by D901.

## Options

In `doris-lint.toml` (found by walking up from each checked file, or named with `--config`) they
sit in a `[lint]` table; the JavaScript API takes the same camelCase names.

| option | default | used by |
|---|---|---|
| `mode`: `"auto"` \| `"integrated"` \| `"decoupled"` | auto (mode rules stay quiet) | D206, D207 |
| `dorisVersion`: e.g. `"2.1"`, `"3.0"`, `"3.1"`, `"4.0"` | newest supported | D211 |
| `enableMultiTags`: bool or unset | unset | D206 |
| `ports`: `{ heartbeat, editLog, broker }` | 9050 / 9010 / 8000 | D102, D108 |
| `existingBackends`: list of `"host:port"` / ids (e.g. pasted from `SHOW BACKENDS`) | none | D114, D115 |
| `rules`: map of code or name → `"off"` \| `"info"` \| `"warning"` \| `"error"` | per rule | all |
| `locale`: `"en"` \| `"zh-CN"` | en | messages |

```toml
[lint]
mode = "integrated"
dorisVersion = "3.0"
ports = { heartbeat = 9050 }

[lint.rules]
D108 = "error"
unsupported-statement = "info"
```

Command-line flags override the file: `--mode`, `--doris-version`, `--enable-multi-tags`,
`--locale`, `--existing-backends FILE` (the output of `SHOW BACKENDS`), `--select CODES` (only
these rules; codes, names or prefixes like `D1`) and `--ignore CODES`.

"#,
    );
    for r in RULES {
        out.push_str(&explain(r.meta()));
        out.push('\n');
    }
    out
}
