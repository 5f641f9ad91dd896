//! `format_markdown`: only the SQL blocks change, idempotently, and the formatted documents lint
//! the same as before (a fixture test and a property test of file-level byte identity).
//! `fix_markdown_result`: the fix engine inside blocks, with the safe/unsafe split of `.sql` files.

use std::path::PathBuf;

use doris_lint::format::FormatOptions;
use doris_lint::markdown::{fix_markdown, fix_markdown_result, format_markdown, lint_markdown, sql_blocks};
use doris_lint::LintOptions;
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

const FIXTURES: &[&str] = &["add-backend.md", "add-backend-reference.md", "zh-lists.md", "crlf.md", "tabs.mdx"];

/// The bytes outside the rewritable regions (and the regions' SQL).
fn outside(md: &str, mdx: bool) -> (Vec<String>, Vec<String>) {
    let mut gaps = Vec::new();
    let mut sql = Vec::new();
    let mut at = 0;
    for b in sql_blocks(md, mdx).into_iter().filter(|b| b.skip.is_none() && !b.is_mixed()) {
        gaps.push(md[at..b.region.start].to_string());
        sql.push(b.content);
        at = b.region.end;
    }
    gaps.push(md[at..].to_string());
    (gaps, sql)
}

#[test]
fn fixtures_format_blocks_only_and_idempotently() {
    let options = FormatOptions::default();
    for name in FIXTURES {
        let md = fixture(name);
        let mdx = name.ends_with(".mdx");
        let once = format_markdown(&md, mdx, &options);
        assert_eq!(format_markdown(&once, mdx, &options), once, "{name}: not idempotent");
        let (gaps, sql) = outside(&md, mdx);
        let (gaps_after, sql_after) = outside(&once, mdx);
        assert_eq!(gaps, gaps_after, "{name}: bytes outside the blocks changed");
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

fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Some prose with `code`.".to_string()),
        Just("中文说明：添加节点（示例）。".to_string()),
        Just("## Heading".to_string()),
        Just("> quoted\n>\n> text".to_string()),
        Just("<!-- doris-lint: ignore -->".to_string()),
        Just("````md\n```sql\nalter system add backend 'a:1'\n```\n````".to_string()),
        "[a-z 中文,.]{0,30}",
    ]
}

fn sql_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("alter system add backend '10.0.0.1:9050','10.0.0.2:9050';".to_string()),
        Just("ALTER SYSTEM   ADD BACKEND \"h1:9050\"  PROPERTIES (\"tag.location\"=\"g1\");".to_string()),
        Just("-- 中文注释 😀".to_string()),
        Just("ALTER SYSTEM DROP BACKEND \"h:p\"[, ...];".to_string()),
        Just("alter system decommission backend \"10.0.0.1:9050\", \"10.0.0.2:9050\", \"10.0.0.3:9050\", \"10.0.0.4:9050\", \"10.0.0.5:9050\";".to_string()),
        Just(String::new()),
        Just("SELECT 1;".to_string()),
        "[a-zA-Z0-9 \"';,()=]{0,40}",
    ]
}

fn block() -> impl Strategy<Value = String> {
    let fence = prop_oneof![Just("```"), Just("~~~"), Just("````")];
    let info = prop_oneof![Just("sql"), Just("SQL title=\"a.sql\""), Just("sql {1}"), Just("text")];
    let container = prop_oneof![Just(("", "")), Just(("- ", "  ")), Just(("1. ", "   ")), Just(("> ", "> ")), Just(("  ", "  "))];
    (fence, info, container, prop::collection::vec(sql_line(), 0..5)).prop_map(|(fence, info, (first, rest), lines)| {
        let mut s = format!("{first}{fence}{info}\n");
        for l in lines {
            s.push_str(&format!("{rest}{l}\n"));
        }
        s.push_str(&format!("{rest}{fence}"));
        s
    })
}

fn document() -> impl Strategy<Value = String> {
    (any::<bool>(), any::<bool>(), prop::collection::vec(prop_oneof![prose(), block()], 0..8)).prop_map(|(front, crlf, parts)| {
        let mut s = if front { "---\ntitle: x\n---\n\n".to_string() } else { String::new() };
        s.push_str(&parts.join("\n\n"));
        s.push('\n');
        if crlf {
            s = s.replace('\n', "\r\n");
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// File-level byte identity: formatting changes nothing outside the SQL blocks, formats each
    /// block exactly as the formatter formats its SQL, and is idempotent.
    #[test]
    fn format_changes_nothing_outside_sql_blocks(md in document(), mdx in any::<bool>()) {
        let options = FormatOptions::default();
        let out = format_markdown(&md, mdx, &options);
        let (gaps, sql) = outside(&md, mdx);
        let (gaps_after, sql_after) = outside(&out, mdx);
        prop_assert_eq!(gaps, gaps_after);
        let expected: Vec<String> = sql.iter().map(|s| if s.is_empty() { String::new() } else { doris_lint::format(s, &options) }).collect();
        prop_assert_eq!(sql_after, expected);
        prop_assert_eq!(format_markdown(&out, mdx, &options), out.clone());
        prop_assert_eq!(out.matches("\r\n").count() == out.matches('\n').count(), md.matches("\r\n").count() == md.matches('\n').count());
    }
}
