//! The real-statement corpus (`../shared/corpus/real-statements.jsonl`, beside the clone; never
//! copied into the project). With default options:
//! - nothing panics, on each statement alone and on all of them as one script;
//! - every `lint_verdict: ok` statement gets no syntax-layer (D0) diagnostic;
//! - every statement whose `note` names a syntax problem gets the D0 rule for it.

use std::path::PathBuf;

use doris_lint::{lint, LintOptions};
use serde_json::Value;

pub fn corpus() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real-statements.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the real-statement corpus is missing: cannot read {} ({e}). It lives in the shared folder \
             beside the clone (../shared/corpus/); this test needs it.",
            path.display()
        )
    });
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("corpus line is JSON")).collect()
}

fn field<'a>(row: &'a Value, name: &str) -> &'a str {
    row[name].as_str().unwrap_or("")
}

/// Note phrases that name a syntax problem, and the D0 rule that must report it.
const SYNTAX_NOTES: &[(&str, &str)] = &[
    ("unterminated string", "D002"),
    ("full-width semicolon", "D005"),
    ("colon instead of =", "D009"),
    ("unquoted dotted property key", "D011"),
    ("is not a keyword", "D001"),
    ("trailing period", "D001"),
    ("missing comma", "D010"),
    ("CANCEL ALTER SYSTEM DECOMMISSION ... only parsed", "D008"),
    ("ADD FREE BACKEND / ADD BACKEND TO", "D008"),
];

#[test]
fn syntax_layer_agrees_with_the_corpus() {
    let rows = corpus();
    assert!(rows.len() > 100, "corpus unexpectedly small: {}", rows.len());
    let options = LintOptions::default();
    let (mut ok_checked, mut syntax_checked) = (0, 0);
    let mut misses = Vec::new();
    for row in &rows {
        let sql = field(row, "sql");
        let diags = lint(sql, &options);
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        if field(row, "lint_verdict") == "ok" {
            ok_checked += 1;
            if let Some(d) = diags.iter().find(|d| d.code.starts_with("D0")) {
                misses.push(format!("ok statement got {} ({}): {sql}", d.code, d.message));
            }
        }
        if field(row, "lint_verdict") != "error" {
            continue;
        }
        for (phrase, code) in SYNTAX_NOTES {
            if field(row, "note").contains(phrase) {
                syntax_checked += 1;
                if !codes.contains(code) {
                    misses.push(format!("expected {code} ({phrase}), got {codes:?}: {sql}"));
                }
            }
        }
    }
    println!("corpus: {} statements; {ok_checked} ok statements without D0; {syntax_checked} syntax notes matched", rows.len());
    assert!(syntax_checked >= 10, "too few syntax notes matched: {syntax_checked}");
    assert!(misses.is_empty(), "{} misses:\n{}", misses.len(), misses.join("\n"));
}

#[test]
fn the_whole_corpus_as_one_script_lints_and_spans_are_sound() {
    let rows = corpus();
    let script: String = rows.iter().map(|r| format!("{};\n", field(r, "sql"))).collect();
    let diags = lint(&script, &LintOptions::default());
    for d in &diags {
        assert!(d.span.start <= d.span.end && d.span.end <= script.len());
        assert!(script.is_char_boundary(d.span.start) && script.is_char_boundary(d.span.end));
    }
    assert!(!diags.is_empty());
}
