//! Synopsis recognition against the real-statement corpus (`../shared/corpus/real-statements.jsonl`,
//! read at run time, never copied): every `form: synopsis` row is recognised as reference
//! notation, no `form: statement` or `form: placeholder` row is, and inside a Markdown block the
//! synopsis rows are skipped while the real ones are linted.

use std::path::PathBuf;

use doris_lint::markdown::{is_synopsis, lint_markdown, sql_blocks, SkipReason};
use doris_lint::LintOptions;
use serde_json::Value;

fn corpus() -> Vec<Value> {
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

fn rows(form: &str) -> Vec<String> {
    corpus()
        .iter()
        .filter(|r| r["form"].as_str() == Some(form))
        .map(|r| r["sql"].as_str().expect("sql field").to_string())
        .collect()
}

#[test]
fn every_synopsis_row_is_recognised() {
    let synopses = rows("synopsis");
    assert!(synopses.len() >= 20, "expected the corpus's synopsis rows, found {}", synopses.len());
    let missed: Vec<_> = synopses.iter().filter(|s| !is_synopsis(s)).collect();
    assert!(missed.is_empty(), "not recognised as synopsis: {missed:#?}");
}

#[test]
fn no_statement_or_placeholder_row_is_a_synopsis() {
    let mut real = rows("statement");
    assert!(real.len() >= 100, "expected the corpus's statement rows, found {}", real.len());
    real.extend(rows("placeholder"));
    let wrong: Vec<_> = real.iter().filter(|s| is_synopsis(s)).collect();
    assert!(wrong.is_empty(), "taken for synopsis: {wrong:#?}");
}

#[test]
fn synopsis_rows_are_skipped_as_blocks_and_statement_rows_are_linted() {
    let fence = |sql: &str| format!("Some prose.\n\n```sql\n{}\n```\n", sql.trim_end());
    for sql in rows("synopsis") {
        let md = fence(&sql);
        let blocks = sql_blocks(&md, false);
        assert_eq!(blocks.len(), 1, "{md}");
        assert_eq!(blocks[0].skip, Some(SkipReason::Synopsis), "{md}");
        let r = lint_markdown(&md, false, &LintOptions::default());
        assert_eq!((r.skipped_synopsis, r.blocks_linted), (1, 0), "{md}");
        assert!(r.diagnostics.is_empty(), "{md}: {:?}", r.diagnostics);
    }
    for sql in rows("statement").iter().chain(rows("placeholder").iter()) {
        let md = fence(sql);
        let r = lint_markdown(&md, false, &LintOptions::default());
        assert_eq!((r.skipped_synopsis, r.blocks_linted), (0, 1), "{md}");
        // Same diagnostics as linting the statement alone, shifted to the block.
        let alone: Vec<_> = doris_lint::lint(sql.trim_end(), &LintOptions::default()).into_iter().map(|d| d.code).collect();
        let inside: Vec<_> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(inside, alone, "{md}");
        let offset = md.find("```sql\n").unwrap() + 7;
        for d in &r.diagnostics {
            assert!(d.span.start >= offset && d.span.end <= offset + sql.len(), "{md}: {d:?}");
        }
    }
}

#[test]
fn placeholder_inside_a_literal_is_linted_as_d107() {
    let md = "```sql\nALTER SYSTEM ADD BACKEND \"<be_host>:9050\";\n```\n";
    let r = lint_markdown(md, false, &LintOptions::default());
    assert_eq!(r.blocks_linted, 1);
    let d107: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "D107").collect();
    assert_eq!(d107.len(), 1, "{:?}", r.diagnostics);
    assert_eq!(&md[d107[0].span.start..d107[0].span.end], "\"<be_host>:9050\"");
}
