//! Suppression comments (`-- doris-lint: ignore ...`) and D901.

use doris_lint::lint::lint_report;
use doris_lint::options::LintOptions;

fn codes(src: &str) -> Vec<&'static str> {
    lint_report(src, &LintOptions::default()).diagnostics.iter().map(|d| d.code).collect()
}

const HASH: &str = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\" # legacy\n;";

#[test]
fn unsuppressed_baseline() {
    assert_eq!(codes(HASH), vec!["D004"]);
}

#[test]
fn line_before_the_statement() {
    let src = format!("-- doris-lint: ignore D004\n{HASH}");
    assert!(codes(&src).is_empty(), "{:?}", codes(&src));
    // Another comment line between is fine; a blank line is not.
    let src = format!("-- doris-lint: ignore hash-comment\n-- why: see ticket\n{HASH}");
    assert!(codes(&src).is_empty());
    let src = format!("-- doris-lint: ignore D004\n\n{HASH}");
    assert_eq!(codes(&src), vec!["D901", "D004"]);
}

#[test]
fn end_of_a_line_of_the_statement() {
    let src = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\", -- doris-lint: ignore D004\n  \"10.0.0.2:9050\" # legacy\n;";
    assert!(codes(src).is_empty(), "{:?}", codes(src));
    let src = "ALTER SYSTEM ADD BACKEND R'10.0.0.1:9050'; -- doris-lint: ignore D012";
    assert!(codes(src).is_empty());
}

#[test]
fn block_comment_and_several_codes() {
    let src = format!("/* doris-lint: ignore D012, hash-comment */\n{}", HASH.replace("\"10.0.0.1:9050\"", "R'10.0.0.1:9050'"));
    assert!(codes(&src).is_empty(), "{:?}", codes(&src));
}

#[test]
fn only_the_next_statement_is_covered() {
    let src = format!("-- doris-lint: ignore D004\n{HASH}\n{}", HASH.replace("10.0.0.1", "10.0.0.3"));
    assert_eq!(codes(&src), vec!["D004"]);
}

#[test]
fn ignore_file_covers_everything() {
    let src = format!("{HASH}\n{}\n-- doris-lint: ignore-file D004\n", HASH.replace("10.0.0.1", "10.0.0.3"));
    assert!(codes(&src).is_empty(), "{:?}", codes(&src));
}

#[test]
fn unused_and_unknown_codes_are_reported() {
    let src = "-- doris-lint: ignore D012\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";";
    let r = lint_report(src, &LintOptions::default());
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].code, "D901");
    let src = format!("-- doris-lint: ignore D004, D9999\n{HASH}");
    let r = lint_report(&src, &LintOptions::default());
    let d901: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "D901").collect();
    assert_eq!(d901.len(), 1);
    assert!(d901[0].message.contains("`D9999` is not a doris-lint rule"), "{}", d901[0].message);
    assert_eq!(d901[0].span.text(&src), "D9999");
    // The fix removes just the unknown code.
    let fixed = doris_lint::fix(&src, &LintOptions::default(), true).output;
    assert!(fixed.starts_with("-- doris-lint: ignore D004\n"), "{fixed}");
}

#[test]
fn d901_can_be_suppressed_and_turned_off() {
    let src = "-- doris-lint: ignore-file D901\n-- doris-lint: ignore D012\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";";
    assert!(codes(src).is_empty(), "{:?}", codes(src));
    let mut o = LintOptions::default();
    o.rules.insert("D901".into(), doris_lint::options::RuleLevel::Off);
    let src = "-- doris-lint: ignore D012\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";";
    assert!(lint_report(src, &o).diagnostics.is_empty());
}

#[test]
fn reason_is_kept() {
    let src = format!("-- doris-lint: ignore D004 -- the DBA's legacy script\n{HASH}\n/* doris-lint: ignore-file D012: old cluster */");
    let r = lint_report(&src, &LintOptions::default());
    assert_eq!(r.suppressed.len(), 1);
    assert_eq!(r.suppressed[0].reason.as_deref(), Some("the DBA's legacy script"));
    assert_eq!(r.suppressions.len(), 2);
    assert_eq!(r.suppressions[1].reason.as_deref(), Some("old cluster"));
}

#[test]
fn hash_comments_are_not_directives() {
    let src = format!("# doris-lint: ignore D004\n{HASH}");
    assert_eq!(codes(&src), vec!["D004", "D004"]);
}

#[test]
fn syntax_errors_at_the_end_of_a_statement_are_covered() {
    let src = "ALTER SYSTEM ADD BACKEND -- doris-lint: ignore D001\n;\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";";
    let r = lint_report(src, &LintOptions::default());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.suppressed.len(), 1);
    let src = "-- doris-lint: ignore syntax-error\nALTER SYSTEM ADD BACKEND";
    assert!(codes(src).is_empty(), "{:?}", codes(src));
}
