//! Markdown and MDX documents (`tests/fixtures/markdown/`): which blocks are linted, which are
//! skipped and why, and that every diagnostic lands on the right line and column of the
//! document. Plus a property test: rewriting block contents changes no byte outside them.

use std::path::PathBuf;

use doris_lint::line_index::LineIndex;
use doris_lint::markdown::{lint_markdown, rewrite_blocks, sql_blocks, SkipReason};
use doris_lint::LintOptions;
use proptest::prelude::*;

#[path = "support/markdown_docs.rs"]
mod docs;
use docs::{document, gaps};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// What a fixture must give: counts, then each diagnostic as its code and the exact text it
/// underlines (its line and column are then checked against where that text is in the file).
struct Expect {
    file: &'static str,
    linted: usize,
    synopsis: usize,
    ignored: usize,
    diagnostics: &'static [(&'static str, &'static str)],
}

const EXPECT: &[Expect] = &[
    Expect {
        file: "add-backend.md",
        linted: 4,
        synopsis: 1,
        ignored: 0,
        diagnostics: &[("D101", "\"192.168.0.1:9050,192.168.0.2:9050\"")],
    },
    Expect {
        file: "zh-lists.md",
        linted: 4,
        synopsis: 1,
        ignored: 1,
        diagnostics: &[("D101", "\"10.0.0.3:9050,10.0.0.4:9050\""), ("D107", "\"<be_host>:9050\"")],
    },
    Expect {
        file: "add-backend-reference.md",
        linted: 4,
        synopsis: 1,
        ignored: 0,
        diagnostics: &[("D101", "\"host1:9050,host2:9050\"")],
    },
    Expect { file: "crlf.md", linted: 2, synopsis: 0, ignored: 0, diagnostics: &[("D101", "\"10.0.0.1:9050,10.0.0.2:9050\"")] },
    Expect { file: "tabs.mdx", linted: 1, synopsis: 0, ignored: 1, diagnostics: &[("D101", "\"10.0.0.1:9050,10.0.0.2:9050\"")] },
];

#[test]
fn fixtures_lint_the_right_blocks_at_the_right_places() {
    for e in EXPECT {
        let md = fixture(e.file);
        let mdx = e.file.ends_with(".mdx");
        let r = lint_markdown(&md, mdx, &LintOptions::default());
        assert_eq!((r.blocks_linted, r.skipped_synopsis, r.skipped_ignored), (e.linted, e.synopsis, e.ignored), "{}", e.file);
        let got: Vec<(&str, &str)> = r.diagnostics.iter().map(|d| (d.code, &md[d.span.start..d.span.end])).collect();
        assert_eq!(got, e.diagnostics.to_vec(), "{}", e.file);
        let idx = LineIndex::new(&md);
        for (d, (_, text)) in r.diagnostics.iter().zip(e.diagnostics) {
            // The text occurs once in the file: that is where the diagnostic must point.
            assert_eq!(md.matches(text).count(), 1, "{}: {text} is not unique", e.file);
            let at = md.find(text).unwrap();
            assert_eq!(d.span.start, at, "{}", e.file);
            assert_eq!(idx.line_col_chars(d.span.start), idx.line_col_chars(at));
        }
    }
}

#[test]
fn nested_fence_and_other_languages_are_not_sql() {
    let md = fixture("zh-lists.md");
    let outer = md.find("````md").unwrap();
    let outer_end = md[outer + 6..].find("````").unwrap() + outer + 10;
    for b in sql_blocks(&md, false) {
        assert!(b.span.end <= outer || b.span.start >= outer_end, "block inside the ````md fence: {:?}", b.content);
    }
    let r = lint_markdown(&md, false, &LintOptions::default());
    assert!(r.diagnostics.iter().all(|d| d.span.end <= outer || d.span.start >= outer_end));
}

#[test]
fn blocks_in_lists_blockquotes_and_tilde_fences() {
    let md = fixture("zh-lists.md");
    let blocks = sql_blocks(&md, false);
    let contents: Vec<&str> = blocks.iter().map(|b| b.content.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "-- 中文注释：添加两个节点\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\", \"10.0.0.2:9050\";\n",
            "SHOW BACKENDS;\n",
            "ALTER SYSTEM ADD BACKEND \"10.0.0.3:9050,10.0.0.4:9050\";\n",
            "ALTER SYSTEM DECOMMISSION BACKEND \"<be_identifier>\" [, \"<be_identifier>\" ... ]\n",
            "ALTER SYSTEM ADD BACKEND \"故意写错:9050,也是错的:9050\";\n",
            "ALTER SYSTEM DECOMMISSION BACKEND \"<be_host>:9050\";\n",
        ]
    );
    let skips: Vec<_> = blocks.iter().map(|b| b.skip).collect();
    assert_eq!(skips, vec![None, None, None, Some(SkipReason::Synopsis), Some(SkipReason::Ignored), None]);
    // Fence lines are 1-based lines of the document.
    let lines: Vec<&str> = md.lines().collect();
    for b in &blocks {
        let fence = lines[b.fence_line - 1].trim_start_matches([' ', '>']).trim_start();
        assert!(fence.starts_with("```") || fence.starts_with("~~~"), "{fence}");
    }
}

#[test]
fn crlf_document_maps_columns_and_keeps_line_endings_on_rewrite() {
    let md = fixture("crlf.md");
    assert!(md.contains("\r\n"), "the fixture must keep its CRLF line endings");
    let r = lint_markdown(&md, false, &LintOptions::default());
    let idx = LineIndex::new(&md);
    let d = &r.diagnostics[0];
    let pos = idx.line_col_chars(d.span.start);
    assert_eq!((pos.line, pos.column), (8, 26));
    let out = rewrite_blocks(&md, false, |b| Some(b.content.to_uppercase()));
    assert!(out.contains("  ALTER SYSTEM ADD BACKEND \"10.0.0.3:9050\";\r\n  ```\r\n"), "{out:?}");
    assert_eq!(out.matches('\n').count(), md.matches('\n').count());
    assert_eq!(out.matches("\r\n").count(), md.matches("\r\n").count());
}

// ---- property: rewriting changes nothing outside the blocks ----

fn rewrite(sql: &str) -> String {
    // Changes every non-empty line and the number of lines.
    let mut out = String::new();
    for line in sql.lines() {
        out.push_str(&line.to_uppercase());
        out.push('\n');
        if line.contains(';') {
            out.push('\n');
        }
    }
    out.push_str("SELECT 1;\n");
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn rewriting_blocks_changes_nothing_outside_them(md in document(), mdx in any::<bool>()) {
        let out = rewrite_blocks(&md, mdx, |b| Some(rewrite(&b.content)));
        let (before_gaps, before) = gaps(&md, mdx);
        let (after_gaps, after) = gaps(&out, mdx);
        prop_assert_eq!(&before_gaps, &after_gaps);
        let expected: Vec<String> = before.iter().map(|c| rewrite(c)).collect();
        prop_assert_eq!(after, expected);
        // Identity rewrites give the document back byte for byte.
        prop_assert_eq!(rewrite_blocks(&md, mdx, |b| Some(b.content.clone())), md.clone());
        // And linting never panics, with every span inside the document on char boundaries.
        for d in lint_markdown(&md, mdx, &LintOptions::default()).diagnostics {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= md.len());
            prop_assert!(md.is_char_boundary(d.span.start) && md.is_char_boundary(d.span.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

    /// Arbitrary text made of the characters that matter to fences, containers and SQL: no
    /// panic, every content byte maps onto the same byte of the document, rewriting with the
    /// identity gives the document back.
    #[test]
    fn arbitrary_text_never_panics_and_maps_exactly(md in "(```|~~~|sql|SQL|> |- |1\\. |\t|  |\r\n|\n|\r|中|<!-- doris-lint: ignore -->|\\{/\\* doris-lint: ignore \\*/\\}|<Tabs>|\"a:1,b:2\"|ALTER SYSTEM ADD BACKEND |\\[|\\.\\.\\.|;|x){0,60}", mdx in any::<bool>()) {
        for b in sql_blocks(&md, mdx) {
            prop_assert!(b.region.start <= b.region.end && b.region.end <= md.len());
            for (i, c) in b.content.char_indices() {
                let at = b.map.to_md_start(i);
                prop_assert!(md.is_char_boundary(at));
                if c == '\n' {
                    prop_assert_eq!(&md[at..at + 1], "\n");
                } else {
                    prop_assert!(md[at..].starts_with(c), "{:?} at {} of {:?}", c, i, b.content);
                }
            }
        }
        let r = lint_markdown(&md, mdx, &LintOptions::default());
        for d in &r.diagnostics {
            prop_assert!(md.is_char_boundary(d.span.start) && md.is_char_boundary(d.span.end) && d.span.start <= d.span.end);
        }
        prop_assert_eq!(rewrite_blocks(&md, mdx, |b| Some(b.content.clone())), md.clone());
        let _ = rewrite_blocks(&md, mdx, |b| Some(format!("x\n{}", b.content)));
    }
}

#[test]
fn fixes_apply_inside_blocks_only() {
    let md = fixture("add-backend.md");
    let fixed = doris_lint::markdown::fix_markdown(&md, false, &LintOptions::default(), false);
    assert!(fixed.contains("   ALTER SYSTEM ADD BACKEND \"192.168.0.1:9050\", \"192.168.0.2:9050\";\n"), "{fixed}");
    let r = lint_markdown(&fixed, false, &LintOptions::default());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!((r.blocks_linted, r.skipped_synopsis), (4, 1));
    // Only that line changed.
    let changed: Vec<_> = md.lines().zip(fixed.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(md.lines().count(), fixed.lines().count());
    // The synopsis and the ignored block are left alone even though they would be "fixed" as SQL.
    let zh = fixture("zh-lists.md");
    let fixed = doris_lint::markdown::fix_markdown(&zh, false, &LintOptions::default(), false);
    assert!(fixed.contains("ALTER SYSTEM ADD BACKEND \"故意写错:9050,也是错的:9050\";"));
    assert!(fixed.contains("> ALTER SYSTEM ADD BACKEND \"10.0.0.3:9050\", \"10.0.0.4:9050\";\n"), "{fixed}");
    assert!(fixed.contains("ALTER SYSTEM ADD BACKEND \"10.0.0.5:9050,10.0.0.6:9050\";"), "the ````md example is not SQL");
}

#[test]
fn suppressions_inside_blocks_are_kept_in_document_bytes() {
    let md = "Intro\n\n- list\n\n  ```sql\n  ALTER SYSTEM ADD BACKEND \"a:9050\";\n  ```\n\n> ```sql\n> -- doris-lint: ignore D101 -- on purpose\n> ALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n> ```\n";
    let r = lint_markdown(md, false, &LintOptions::default());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.suppressed.len(), 1);
    let s = &r.suppressed[0];
    assert_eq!((s.diagnostic.code, &md[s.diagnostic.span.start..s.diagnostic.span.end]), ("D101", "\"a:9050,b:9050\""));
    assert_eq!(s.reason.as_deref(), Some("on purpose"));
    // The index points at the comment, which is in document bytes too.
    let comment = &r.suppressions[s.suppression];
    assert_eq!(&md[comment.comment.start..comment.comment.end], "-- doris-lint: ignore D101 -- on purpose");
    assert_eq!(&md[comment.codes[0].span.start..comment.codes[0].span.end], "D101");
}
