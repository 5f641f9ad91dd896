//! The rules. One rule per file, each with its metadata (code, name, default severity, fix
//! availability, explanation) next to its logic, all registered in [`RULES`].

use crate::diagnostic::{Diagnostic, Severity};
use crate::options::{LintOptions, Locale};
use crate::span::Span;
use crate::syntax::{Node, Script, Segment, Statement};

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
mod d208_invalid_endpoint;

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
    &d208_invalid_endpoint::InvalidEndpoint,
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
    /// Reports through `cx`. Rules iterate the script themselves, so a rule can also follow
    /// state across statements.
    fn check(&self, cx: &mut Context<'_>);
}

/// What a rule sees while it runs.
pub struct Context<'a> {
    pub source: &'a str,
    pub script: &'a Script,
    pub options: &'a LintOptions,
    meta: &'static RuleMeta,
    severity: Severity,
    configured: bool,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        source: &'a str,
        script: &'a Script,
        options: &'a LintOptions,
        meta: &'static RuleMeta,
        severity: Severity,
        configured: bool,
        out: &'a mut Vec<Diagnostic>,
    ) -> Context<'a> {
        Context { source, script, options, meta, severity, configured, out }
    }

    /// The message in the requested locale.
    pub fn t(&self, en: impl Into<String>, zh: impl Into<String>) -> String {
        match self.options.locale {
            Locale::En => en.into(),
            Locale::ZhCn => zh.into(),
        }
    }

    pub fn text(&self, span: Span) -> &'a str {
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
    pub fn diagnostic(&self, span: Span, message: String) -> Diagnostic {
        Diagnostic {
            code: self.meta.code,
            rule: self.meta.name,
            severity: self.severity,
            message,
            help: None,
            span,
            fix: None,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
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
