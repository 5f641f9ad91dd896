//! The lint driver: parse the script a chunk of statements at a time and run every enabled rule
//! over each chunk (the rules carry what they follow across statements), then apply suppression
//! comments, run the rules that report on the suppressions themselves (D901), and sort the
//! diagnostics.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::options::LintOptions;
use crate::rules::{Carry, Context, Rule, Run, Shared, RULES};
use crate::suppression::{self, SuppressedDiagnostic, Suppression};
use crate::syntax::{parse_each, Script};

/// The severity a rule runs with under `options` (`None`: off), and whether it was configured.
pub fn effective_severity(rule: &dyn Rule, options: &LintOptions) -> (Option<Severity>, bool) {
    let meta = rule.meta();
    let configured = options
        .rules
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(meta.code) || k.eq_ignore_ascii_case(meta.name));
    match configured {
        Some((_, level)) => (level.severity(), true),
        None => (meta.default_severity, false),
    }
}

/// Everything a lint run found: the diagnostics that stand, the ones suppression comments
/// silenced (with their reasons), and the suppression comments themselves.
#[derive(Debug, Clone, Serialize)]
pub struct LintReport {
    pub diagnostics: Vec<Diagnostic>,
    pub suppressed: Vec<SuppressedDiagnostic>,
    pub suppressions: Vec<Suppression>,
}

/// Lints `source`: every diagnostic that is not suppressed, sorted by position then code.
pub fn lint(source: &str, options: &LintOptions) -> Vec<Diagnostic> {
    lint_report(source, options).diagnostics
}

/// Statements parsed and linted at a time: lint holds one chunk's tree, never the whole
/// script's (unless a rule that is on needs it whole).
const CHUNK: usize = 256;

/// Lints `source` and keeps what the suppression comments silenced.
pub fn lint_report(source: &str, options: &LintOptions) -> LintReport {
    lint_report_in_chunks(source, options, CHUNK)
}

/// [`lint_report`], parsing and checking `chunk` segments at a time (tests compare sizes).
#[doc(hidden)]
pub fn lint_report_in_chunks(source: &str, options: &LintOptions, chunk: usize) -> LintReport {
    let mut linter = Linter::new(source, options);
    let whole = linter.rules.iter().any(|(rule, ..)| rule.needs_whole_script(options));
    let chunk = if whole { usize::MAX } else { chunk.max(1) };
    let mut segments = Vec::with_capacity(chunk.min(source.len() / 64 + 1));
    parse_each(source, |segment| {
        segments.push(segment);
        if segments.len() == chunk {
            let script = Script { segments: std::mem::take(&mut segments) };
            linter.check(&script);
            segments = script.segments;
            segments.clear();
        }
    });
    linter.check(&Script { segments });
    linter.finish()
}

/// Lints an already parsed script.
pub fn lint_script(source: &str, script: &Script, options: &LintOptions) -> Vec<Diagnostic> {
    lint_script_report(source, script, options).diagnostics
}

/// Lints an already parsed script, keeping the suppression details.
pub fn lint_script_report(source: &str, script: &Script, options: &LintOptions) -> LintReport {
    let mut linter = Linter::new(source, options);
    linter.check(script);
    linter.finish()
}

/// One lint run: fed the script a chunk of segments at a time, in order.
struct Linter<'s> {
    run: Run<'s>,
    carry: Carry<'s>,
    /// The rules that are on, with their severity and whether it was configured, in code order;
    /// `late`: the ones that run after suppression.
    rules: Vec<(&'static dyn Rule, Severity, bool)>,
    late: Vec<(&'static dyn Rule, Severity, bool)>,
    diagnostics: Vec<Diagnostic>,
    suppressions: Vec<Suppression>,
    /// Where each segment starts, to find the statement a diagnostic belongs to.
    segment_starts: Vec<usize>,
    /// Whether `diagnostics` is in the report's order (each chunk's are sorted on their own).
    sorted: bool,
}

impl<'s> Linter<'s> {
    fn new(source: &'s str, options: &'s LintOptions) -> Linter<'s> {
        let (mut rules, mut late) = (Vec::new(), Vec::new());
        for rule in RULES {
            let (Some(severity), configured) = effective_severity(*rule, options) else { continue };
            let list = if rule.runs_after_suppression() { &mut late } else { &mut rules };
            list.push((*rule, severity, configured));
        }
        Linter {
            run: Run::new(source, options),
            carry: Default::default(),
            rules,
            late,
            diagnostics: Vec::new(),
            suppressions: Vec::new(),
            segment_starts: Vec::new(),
            sorted: true,
        }
    }

    /// Runs every rule over the next segments of the script.
    fn check(&mut self, script: &Script) {
        let source = self.run.source();
        self.suppressions.extend(suppression::collect(source, script, self.segment_starts.len()));
        self.segment_starts.extend(script.segments.iter().map(|s| s.span.start));
        let shared = Shared::new(source, script);
        let from = self.diagnostics.len();
        for &(rule, severity, configured) in &self.rules {
            let out = std::mem::take(&mut self.diagnostics);
            let mut cx = Context::new(&self.run, &shared, &self.carry, rule.meta(), severity, configured, out);
            rule.check(&mut cx);
            self.diagnostics = cx.into_diagnostics();
        }
        // Sorted a chunk at a time, while its diagnostics are in the cache: the rules report in
        // the order of their own walks, but within the chunk they read.
        let (done, chunk) = self.diagnostics.split_at_mut(from);
        sort_report(chunk, &mut []);
        if let (Some(last), Some(first)) = (done.last(), chunk.first()) {
            self.sorted &= order(last) <= order(first);
        }
        self.reserve_for_the_rest(script);
    }

    /// Makes room for the diagnostics the rest of the script will likely bring, at the rate the
    /// script has had so far: a report of 10 MB is ~100,000 diagnostics (~11 MB), and growing it
    /// by doubling copied it about once more, into memory touched for the first time.
    fn reserve_for_the_rest(&mut self, script: &Script) {
        let (Some(last), len) = (script.segments.last(), self.diagnostics.len()) else { return };
        let (done, total) = (last.span.end.max(1), self.run.source().len());
        let expected = len.saturating_mul(total / done).saturating_add(len.saturating_mul(total % done) / done);
        if expected > self.diagnostics.capacity() {
            self.diagnostics.reserve_exact(expected + expected / 8 - len);
        }
    }

    /// Applies the suppressions, runs the rules that report on them, and sorts.
    fn finish(mut self) -> LintReport {
        let starts = &self.segment_starts;
        let mut diagnostics = self.diagnostics;
        let mut suppressed = suppression::apply(starts, &mut self.suppressions, &mut diagnostics, 0);
        let reported = diagnostics.len();
        if !self.late.is_empty() {
            let from = diagnostics.len();
            let none = Script { segments: Vec::new() };
            let shared = Shared::new(self.run.source(), &none);
            for (rule, severity, configured) in self.late {
                let cx = Context::new(&self.run, &shared, &self.carry, rule.meta(), severity, configured, diagnostics);
                let mut cx = cx.with_suppressions(&self.suppressions);
                rule.check(&mut cx);
                diagnostics = cx.into_diagnostics();
            }
            // A suppression can silence D901 itself (`ignore-file D901`).
            suppressed.extend(suppression::apply(starts, &mut self.suppressions, &mut diagnostics, from));
        }
        // Sorted chunks in order make a sorted report, unless D901 reported (its diagnostics
        // come last), and a stable sort of it would change nothing.
        if !self.sorted || diagnostics.len() != reported {
            sort_report(&mut diagnostics, &mut suppressed);
        }
        LintReport { diagnostics, suppressed, suppressions: self.suppressions }
    }
}

/// The order of the report: by position, then code (a code as its number: integers compare
/// faster than strings, and comparing the codes was most of the sorting's time).
fn order(d: &Diagnostic) -> (usize, usize, u16) {
    (d.span.start, d.span.end, code_number(d.code))
}

/// [`order`] in one integer (start, end and code in 40, 40 and 16 bits), for spans that end
/// before 2^40.
fn packed_order(d: &Diagnostic) -> u128 {
    (d.span.start as u128) << 56 | (d.span.end as u128) << 16 | u128::from(code_number(d.code))
}

/// The number of a rule's code (`D109` → 109): codes compare as their numbers do, since every
/// code is `D` and three digits (a test checks the registry).
pub(crate) fn code_number(code: &str) -> u16 {
    match code.as_bytes() {
        &[b'D', a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'),
        _ => u16::MAX,
    }
}

/// Sorts a report's diagnostics, and the suppressed ones, by position then code.
pub(crate) fn sort_report(diagnostics: &mut [Diagnostic], suppressed: &mut [SuppressedDiagnostic]) {
    let fits = |d: &Diagnostic| (d.span.end as u64) >> 40 == 0;
    if diagnostics.iter().all(fits) && suppressed.iter().all(|s| fits(&s.diagnostic)) {
        crate::sort::sort_large_by_packed_key(diagnostics, packed_order);
        crate::sort::sort_large_by_packed_key(suppressed, |s| packed_order(&s.diagnostic));
    } else {
        crate::sort::sort_large_by_key(diagnostics, order);
        crate::sort::sort_large_by_key(suppressed, |s| order(&s.diagnostic));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_packed_order_is_the_order() {
        let spans = [(0, 0), (0, 1), (1, 1), (7, 300), (299, 300), ((1 << 40) - 2, (1 << 40) - 1)];
        let diagnostics: Vec<crate::Diagnostic> = spans
            .iter()
            .flat_map(|&(a, b)| crate::rules::RULES.iter().map(move |r| (a, b, r.meta().code)))
            .map(|(a, b, code)| crate::Diagnostic {
                code,
                rule: "",
                severity: crate::Severity::Error,
                message: String::new(),
                help: None,
                span: crate::Span::new(a, b),
                fix: None,
            })
            .collect();
        for x in &diagnostics {
            for y in &diagnostics {
                assert_eq!(super::packed_order(x).cmp(&super::packed_order(y)), super::order(x).cmp(&super::order(y)));
            }
        }
    }

    #[test]
    fn codes_compare_as_their_numbers() {
        let codes: Vec<&str> = crate::rules::RULES.iter().map(|r| r.meta().code).collect();
        for a in &codes {
            assert!(super::code_number(a) < 1000, "{a}");
            for b in &codes {
                assert_eq!(super::code_number(a).cmp(&super::code_number(b)), a.cmp(b), "{a} {b}");
            }
        }
    }
}
