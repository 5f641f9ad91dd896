//! Per-rule fixtures: `tests/fixtures/rules/<CODE>/invalid.sql` (every statement in it must get
//! at least one diagnostic of that rule), `valid.sql` (no statement may), and an optional
//! `options.json` (lint options, as the JS API and the config file spell them). The messages,
//! help, fixes and fixed text of `invalid.sql` are snapshot-tested in English and Chinese.

use std::fmt::Write as _;
use std::path::PathBuf;

use doris_lint::diagnostic::{apply_edits, Diagnostic, Edit};
use doris_lint::line_index::LineIndex;
use doris_lint::options::{Locale, LintOptions, RuleLevel};
use doris_lint::rules::RULES;
use doris_lint::syntax::{parse, Node};

fn fixture_dir(code: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules").join(code)
}

fn options_for(code: &str, locale: Locale) -> LintOptions {
    let path = fixture_dir(code).join("options.json");
    let mut options: LintOptions = match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        Err(_) => LintOptions::default(),
    };
    options.locale = locale;
    // Rules that are off by default are switched on for their own fixtures.
    let rule = RULES.iter().find(|r| r.meta().code == code).expect("rule exists");
    if rule.meta().default_severity.is_none() && !options.rules.contains_key(code) {
        options.rules.insert(code.to_string(), RuleLevel::Warning);
    }
    options
}

fn read(code: &str, file: &str) -> String {
    let path = fixture_dir(code).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("rule {code} has no fixture {}: {e}", path.display()))
}

fn of_code<'a>(diags: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    diags.iter().filter(|d| d.code == code).collect()
}

/// A compact, stable rendering for snapshots.
fn render(src: &str, diags: &[&Diagnostic]) -> String {
    let idx = LineIndex::new(src);
    let pos = |o: usize| {
        let lc = idx.line_col_chars(o);
        format!("{}:{}", lc.line, lc.column)
    };
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(out, "{}-{} {} {}: {}", pos(d.span.start), pos(d.span.end), d.code, d.severity.as_str(), d.message);
        let _ = writeln!(out, "    source: {:?}", d.span.text(src));
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    help: {help}");
        }
        if let Some(fix) = &d.fix {
            let _ = writeln!(out, "    fix ({:?}): {}", fix.applicability, fix.message);
            for e in &fix.edits {
                let _ = writeln!(out, "      {}-{} {:?} -> {:?}", pos(e.span.start), pos(e.span.end), e.span.text(src), e.insert);
            }
        }
    }
    // Every fix of this rule applied once, in order, skipping overlaps.
    let mut edits: Vec<&Edit> = diags.iter().filter_map(|d| d.fix.as_ref()).flat_map(|f| f.edits.iter()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    if !edits.is_empty() {
        let _ = writeln!(out, "\n--- after fixes ---\n{}", apply_edits(src, &edits));
    }
    out
}

#[test]
fn every_rule_has_fixtures() {
    let missing: Vec<_> = RULES
        .iter()
        .map(|r| r.meta().code)
        .filter(|c| !fixture_dir(c).join("invalid.sql").exists() || !fixture_dir(c).join("valid.sql").exists())
        .collect();
    assert!(missing.is_empty(), "rules without invalid.sql/valid.sql fixtures: {missing:?}");
}

#[test]
fn invalid_fixtures_fire_on_every_statement() {
    for rule in RULES {
        let code = rule.meta().code;
        let src = read(code, "invalid.sql");
        let diags = doris_lint::lint(&src, &options_for(code, Locale::En));
        let fired = of_code(&diags, code);
        let script = parse(&src);
        for seg in script.segments.iter().filter(|s| !matches!(s.node, Node::Empty)) {
            assert!(
                fired.iter().any(|d| seg.span.start <= d.span.start && d.span.start <= seg.span.end),
                "{code}: no diagnostic for this statement of invalid.sql:\n{}",
                seg.span.text(&src)
            );
        }
    }
}

#[test]
fn valid_fixtures_stay_quiet() {
    for rule in RULES {
        let code = rule.meta().code;
        let src = read(code, "valid.sql");
        let diags = doris_lint::lint(&src, &options_for(code, Locale::En));
        let fired = of_code(&diags, code);
        assert!(fired.is_empty(), "{code} fired on valid.sql:\n{}", render(&src, &fired));
    }
}

#[test]
fn messages_snapshot() {
    for rule in RULES {
        let code = rule.meta().code;
        let src = read(code, "invalid.sql");
        let en = doris_lint::lint(&src, &options_for(code, Locale::En));
        insta::assert_snapshot!(format!("{code}_en"), render(&src, &of_code(&en, code)));
        let zh = doris_lint::lint(&src, &options_for(code, Locale::ZhCn));
        insta::assert_snapshot!(format!("{code}_zh"), render(&src, &of_code(&zh, code)));
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

#[test]
fn every_rule_speaks_english_and_chinese() {
    for rule in RULES {
        let code = rule.meta().code;
        let src = read(code, "invalid.sql");
        let en = doris_lint::lint(&src, &options_for(code, Locale::En));
        let zh = doris_lint::lint(&src, &options_for(code, Locale::ZhCn));
        let (en, zh) = (of_code(&en, code), of_code(&zh, code));
        assert_eq!(en.len(), zh.len(), "{code}: locales disagree on what fires");
        for (e, z) in en.iter().zip(&zh) {
            assert!(has_cjk(&z.message), "{code}: no Chinese message: {}", z.message);
            let en_src_free: String = e.message.replace(e.span.text(&src), "");
            assert!(!has_cjk(&en_src_free) || has_cjk(&src), "{code}: English message has Chinese text: {}", e.message);
            assert_ne!(e.message, z.message, "{code}: same text in both locales");
            if let (Some(eh), Some(zh)) = (&e.help, &z.help) {
                assert!(has_cjk(zh), "{code}: help not translated: {eh} / {zh}");
            }
        }
    }
}
