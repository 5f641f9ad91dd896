//! `format_markdown`: only the SQL blocks change, idempotently, and the formatted documents lint
//! the same as before (a fixture test and a property test of file-level byte identity).
//! `fix_markdown_result`: the fix engine inside blocks, with the safe/unsafe split of `.sql` files.

use std::path::PathBuf;

use doris_lint::format::FormatOptions;
use doris_lint::markdown::{fix_markdown, fix_markdown_result, format_markdown, lint_markdown};
use doris_lint::LintOptions;
use proptest::prelude::*;

#[path = "support/markdown_docs.rs"]
mod docs;
use docs::{document, gaps};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

const FIXTURES: &[&str] = &["add-backend.md", "add-backend-reference.md", "zh-lists.md", "crlf.md", "tabs.mdx"];

#[test]
fn fixtures_format_blocks_only_and_idempotently() {
    let options = FormatOptions::default();
    for name in FIXTURES {
        let md = fixture(name);
        let mdx = name.ends_with(".mdx");
        let once = format_markdown(&md, mdx, &options);
        assert_eq!(format_markdown(&once, mdx, &options), once, "{name}: not idempotent");
        let (outside, sql) = gaps(&md, mdx);
        let (outside_after, sql_after) = gaps(&once, mdx);
        assert_eq!(outside, outside_after, "{name}: bytes outside the blocks changed");
        let expected: Vec<String> = sql.iter().map(|s| doris_lint::format(s, &options)).collect();
        assert_eq!(sql_after, expected, "{name}");
        let codes = |t: &str| lint_markdown(t, mdx, &LintOptions::default()).diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes(&once), codes(&md), "{name}: formatting changed what lint reports");
    }
    // The reference page is already in canonical style; the CRLF page has lower-case keywords.
    assert_eq!(format_markdown(&fixture("add-backend.md"), false, &options), fixture("add-backend.md"));
    let crlf = format_markdown(&fixture("crlf.md"), false, &options);
    assert!(crlf.contains("  ```sql\r\n  ALTER SYSTEM ADD BACKEND \"10.0.0.3:9050\";\r\n  ```\r\n"), "{crlf:?}");
}

#[test]
fn fix_engine_runs_inside_blocks_with_the_safe_unsafe_split() {
    // In a list item, CRLF: a `#` comment and a full-width `；` (safe), a webserver port (unsafe).
    let md = "Steps:\r\n\r\n1. Add:\r\n\r\n   ```sql\r\n   # add it\r\n   ALTER SYSTEM ADD BACKEND \"10.0.0.1:8040\"；\r\n   ```\r\n\r\n说明。\r\n";
    let options = LintOptions::default();
    let safe = fix_markdown_result(md, false, &options, false);
    assert_eq!(
        safe.output,
        "Steps:\r\n\r\n1. Add:\r\n\r\n   ```sql\r\n   -- add it\r\n   ALTER SYSTEM ADD BACKEND \"10.0.0.1:8040\";\r\n   ```\r\n\r\n说明。\r\n"
    );
    let codes: Vec<_> = safe.applied.iter().map(|a| a.code).collect();
    assert_eq!(codes, vec!["D004", "D005"]);
    assert!(safe.converged);
    // What is left is reported in the document's bytes: the unsafe D108 on the port.
    assert_eq!(safe.remaining.len(), 1);
    assert_eq!(safe.remaining[0].code, "D108");
    let span = safe.remaining[0].span;
    assert!(safe.output[span.start..span.end].contains("8040"), "{span:?}");
    assert_eq!(fix_markdown(md, false, &options, false), safe.output);
    let all = fix_markdown_result(md, false, &options, true);
    assert!(all.output.contains("   ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\r\n"), "{:?}", all.output);
    assert!(all.remaining.is_empty(), "{:?}", all.remaining);
    assert_eq!(all.applied.len(), 3);
    // Synopsis and ignored blocks are never fixed, whatever they hold.
    let skipped = "```sql\nALTER SYSTEM ADD BACKEND \"h:p\"[, ...] # x\n```\n\n<!-- doris-lint: ignore -->\n```sql\n# x\n```\n";
    let r = fix_markdown_result(skipped, false, &options, true);
    assert_eq!(r.output, skipped);
    assert!(r.applied.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// File-level byte identity: formatting changes nothing outside the SQL blocks, formats each
    /// block exactly as the formatter formats its SQL, and is idempotent.
    #[test]
    fn format_changes_nothing_outside_sql_blocks(md in document(), mdx in any::<bool>()) {
        let options = FormatOptions::default();
        let out = format_markdown(&md, mdx, &options);
        let (outside, sql) = gaps(&md, mdx);
        let (outside_after, sql_after) = gaps(&out, mdx);
        prop_assert_eq!(outside, outside_after);
        let expected: Vec<String> = sql.iter().map(|s| if s.is_empty() { String::new() } else { doris_lint::format(s, &options) }).collect();
        prop_assert_eq!(sql_after, expected);
        prop_assert_eq!(format_markdown(&out, mdx, &options), out.clone());
        prop_assert_eq!(out.matches("\r\n").count() == out.matches('\n').count(), md.matches("\r\n").count() == md.matches('\n').count());
    }
}
