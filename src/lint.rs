//! The lint driver: parse once, run every enabled rule, sort the diagnostics.

use crate::diagnostic::{Diagnostic, Severity};
use crate::options::LintOptions;
use crate::rules::{Context, Rule, RULES};
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

/// Lints `source`: every diagnostic, sorted by position then code.
pub fn lint(source: &str, options: &LintOptions) -> Vec<Diagnostic> {
    let script = parse(source);
    lint_script(source, &script, options)
}

/// Lints an already parsed script.
pub fn lint_script(source: &str, script: &Script, options: &LintOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        let (Some(severity), configured) = effective_severity(*rule, options) else { continue };
        let mut cx = Context::new(source, script, options, rule.meta(), severity, configured, &mut out);
        rule.check(&mut cx);
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code)));
    out
}
