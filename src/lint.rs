//! The lint driver: parse once, run every enabled rule, apply suppression comments, then run
//! the rules that report on the suppressions themselves (D901), and sort the diagnostics.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::options::LintOptions;
use crate::rules::{Context, Rule, Shared, RULES};
use crate::suppression::{self, SuppressedDiagnostic, Suppression};
use crate::syntax::{parse, Script};

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

/// Lints `source` and keeps what the suppression comments silenced.
pub fn lint_report(source: &str, options: &LintOptions) -> LintReport {
    let script = parse(source);
    lint_script_report(source, &script, options)
}

/// Lints an already parsed script.
pub fn lint_script(source: &str, script: &Script, options: &LintOptions) -> Vec<Diagnostic> {
    lint_script_report(source, script, options).diagnostics
}

fn sort(diags: &mut [Diagnostic]) {
    crate::sort::sort_by(diags, |a, b| (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code)));
}

/// Lints an already parsed script, keeping the suppression details.
pub fn lint_script_report(source: &str, script: &Script, options: &LintOptions) -> LintReport {
    let mut suppressions = suppression::collect(source, script);
    let shared = Shared::new(source, script);
    // Every rule adds to the same list.
    let mut diagnostics = Vec::new();
    let mut late = Vec::new();
    for rule in RULES {
        let (Some(severity), configured) = effective_severity(*rule, options) else { continue };
        if rule.runs_after_suppression() {
            late.push((*rule, severity, configured));
            continue;
        }
        let mut cx = Context::new(&shared, options, rule.meta(), severity, configured, diagnostics);
        rule.check(&mut cx);
        diagnostics = cx.into_diagnostics();
    }
    let mut suppressed = suppression::apply(script, &mut suppressions, &mut diagnostics, 0);
    if !late.is_empty() {
        let start = diagnostics.len();
        for (rule, severity, configured) in late {
            let cx = Context::new(&shared, options, rule.meta(), severity, configured, diagnostics);
            let mut cx = cx.with_suppressions(&suppressions);
            rule.check(&mut cx);
            diagnostics = cx.into_diagnostics();
        }
        // A suppression can silence D901 itself (`ignore-file D901`).
        suppressed.extend(suppression::apply(script, &mut suppressions, &mut diagnostics, start));
    }
    sort(&mut diagnostics);
    crate::sort::sort_by(&mut suppressed, |a, b| {
        (a.diagnostic.span.start, a.diagnostic.span.end, a.diagnostic.code).cmp(&(
            b.diagnostic.span.start,
            b.diagnostic.span.end,
            b.diagnostic.code,
        ))
    });
    LintReport { diagnostics, suppressed, suppressions }
}
