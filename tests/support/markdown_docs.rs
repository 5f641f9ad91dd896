//! Generated Markdown documents for the property tests of `tests/markdown.rs` (rewriting blocks)
//! and `tests/markdown_format.rs` (formatting them): prose with the traps (Chinese, inline code,
//! tables, indented code, an ignore comment, a ```sql example inside a ````md fence), and SQL
//! blocks of every fence kind and info string, at top level, in list items and in blockquotes,
//! optionally after an ignore comment; front matter, CRLF, with or without a final newline.

#![allow(dead_code)]

use doris_lint::markdown::sql_blocks;
use proptest::prelude::*;

pub fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Some prose.".to_string()),
        Just("中文说明：添加节点（示例）。".to_string()),
        Just("# Heading".to_string()),
        Just("- a list item".to_string()),
        Just("> quoted\n>\n> text".to_string()),
        Just("Inline `code` and ```not a fence``` here.".to_string()),
        Just("<!-- a comment -->".to_string()),
        Just("<!-- doris-lint: ignore -->".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |".to_string()),
        Just("    indented code block".to_string()),
        Just("````md\n```sql\nalter system add backend 'a:1'\n```\n````".to_string()),
        "[a-z 中文,.]{0,30}",
    ]
}

pub fn sql_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";".to_string()),
        Just("alter system add backend '10.0.0.1:9050,10.0.0.2:9050'".to_string()),
        Just("alter system add backend '10.0.0.1:9050','10.0.0.2:9050';".to_string()),
        Just("ALTER SYSTEM   ADD BACKEND \"h1:9050\"  PROPERTIES (\"tag.location\"=\"g1\");".to_string()),
        // Longer than the line width: the formatter breaks it into several lines.
        Just("alter system decommission backend \"10.0.0.1:9050\", \"10.0.0.2:9050\", \"10.0.0.3:9050\", \"10.0.0.4:9050\", \"10.0.0.5:9050\";".to_string()),
        Just("-- 中文注释 😀".to_string()),
        Just("ALTER SYSTEM DROP BACKEND \"h:p\"[, ...];".to_string()),
        Just(String::new()),
        Just("   PROPERTIES (\"tag.location\" = \"g1\");".to_string()),
        Just("SELECT 1;".to_string()),
        "[a-zA-Z0-9 \"';,()=<>\\[\\]\u{3000}中]{0,40}",
    ]
}

#[derive(Debug, Clone)]
enum Container {
    None,
    Indented,
    Bullet,
    Numbered,
    Quote,
}

pub fn block() -> impl Strategy<Value = String> {
    let fence = prop_oneof![Just("```"), Just("~~~"), Just("````")];
    let info = prop_oneof![Just("sql"), Just("SQL"), Just("sql title=\"x.sql\""), Just("sql {1,2}"), Just("bash"), Just("")];
    let container = prop_oneof![Just(Container::None), Just(Container::Indented), Just(Container::Bullet), Just(Container::Numbered), Just(Container::Quote)];
    let ignore = prop::bool::weighted(0.2);
    (fence, info, container, ignore, prop::collection::vec(sql_line(), 0..5)).prop_map(|(fence, info, c, ignore, lines)| {
        let (first, rest) = match c {
            Container::None => ("", ""),
            Container::Indented => ("  ", "  "),
            Container::Bullet => ("- ", "  "),
            Container::Numbered => ("1. ", "   "),
            Container::Quote => ("> ", "> "),
        };
        let mut s = String::new();
        if ignore {
            s.push_str("<!-- doris-lint: ignore -->\n");
        }
        s.push_str(&format!("{first}{fence}{info}\n"));
        for l in lines {
            s.push_str(&format!("{rest}{l}\n"));
        }
        s.push_str(&format!("{rest}{fence}"));
        s
    })
}

pub fn document() -> impl Strategy<Value = String> {
    let part = prop_oneof![prose(), block()];
    (any::<bool>(), any::<bool>(), prop::collection::vec(part, 0..8), any::<bool>()).prop_map(|(front, crlf, parts, last_nl)| {
        let mut s = String::new();
        if front {
            s.push_str("---\ntitle: \"```sql\"\n---\n\n");
        }
        s.push_str(&parts.join("\n\n"));
        if last_nl {
            s.push('\n');
        }
        if crlf {
            s = s.replace('\n', "\r\n");
        }
        s
    })
}

/// The document with each rewritable region (blocks neither skipped nor mixed) cut out, and the
/// regions' SQL.
pub fn gaps(md: &str, mdx: bool) -> (Vec<String>, Vec<String>) {
    let mut gaps = Vec::new();
    let mut contents = Vec::new();
    let mut at = 0;
    for b in sql_blocks(md, mdx).into_iter().filter(|b| b.skip.is_none() && !b.is_mixed()) {
        gaps.push(md[at..b.region.start].to_string());
        contents.push(b.content);
        at = b.region.end;
    }
    gaps.push(md[at..].to_string());
    (gaps, contents)
}
