//! `doris-lint check` and `doris-lint format` on Markdown and MDX documents, end to end through
//! the built binary (docs/markdown.md):
//!
//! - the reference page `tests/fixtures/markdown/add-backend-reference.md` (front matter, a syntax
//!   synopsis, examples in a list, one with two hosts in one string): D101 on the right line and
//!   column in every output format, the synopsis skipped and counted, `format --check` passing,
//!   `check --fix` repairing it;
//! - the other fixtures (blocks in lists and blockquotes, a nested fence, CRLF, a synopsis block,
//!   an ignored block, Chinese prose, MDX);
//! - `format` rewriting only the SQL blocks of a document, `--check` / `--diff`, standard input
//!   named `x.md`, directories, suppression comments inside blocks.

use std::path::Path;
use std::process::Output;

#[path = "support/cli.rs"]
mod support;
use support::{sarif_validator, write};

const PAGE: &str = "tests/fixtures/markdown/add-backend-reference.md";
const TWO_HOSTS: &str = "\"host1:9050,host2:9050\"";

/// Runs the binary in `dir` with `stdin`.
fn run_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    support::run(dir, args, Some(stdin))
}

/// Runs the binary in the crate's directory, so fixture paths are short and stable.
fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, "")
}

fn run_stdin(args: &[&str], stdin: &str) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// 1-based line and column (in characters) of the only occurrence of `needle` in `hay`.
fn position(hay: &str, needle: &str) -> (usize, usize) {
    assert_eq!(hay.matches(needle).count(), 1, "{needle} must occur once");
    let at = hay.find(needle).unwrap();
    let line_start = hay[..at].rfind('\n').map_or(0, |i| i + 1);
    (hay[..at].matches('\n').count() + 1, hay[line_start..at].chars().count() + 1)
}

// ---- the reference page, every output format ----

#[test]
fn reference_page_human_output() {
    let o = run(&["check", PAGE]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let (line, col) = position(&fixture(PAGE), TWO_HOSTS);
    assert!(out.contains(&format!("--> {PAGE}:{line}:{col}")), "{out}");
    // The document's own line is shown, list indentation and all.
    assert!(out.contains(&format!("{line} |    ALTER SYSTEM ADD BACKEND {TWO_HOSTS};")), "{out}");
    assert_eq!(out.matches("error[").count() + out.matches("warning[").count(), 1, "only the two-hosts example: {out}");
    assert!(out.ends_with("Markdown: 4 SQL blocks linted in 1 file; 1 skipped as syntax synopsis, 0 skipped by doris-lint: ignore.\n"), "{out}");
    insta::assert_snapshot!("reference_page_human", out);
}

#[test]
fn reference_page_json_is_in_document_coordinates() {
    let o = run(&["check", "--output-format", "json", PAGE]);
    assert_eq!(o.status.code(), Some(1));
    let page = fixture(PAGE);
    let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).expect("standard output is JSON only");
    assert_eq!(v.len(), 1, "{v:#?}");
    let d = &v[0];
    assert_eq!((d["file"].as_str(), d["code"].as_str()), (Some(PAGE), Some("D101")));
    let (line, col) = position(&page, TWO_HOSTS);
    assert_eq!((d["start"]["line"].as_u64(), d["start"]["column"].as_u64()), (Some(line as u64), Some(col as u64)));
    let (start, end) = (d["offset"]["start"].as_u64().unwrap() as usize, d["offset"]["end"].as_u64().unwrap() as usize);
    assert_eq!(&page[start..end], TWO_HOSTS);
    // The fix's edits are page bytes too: applied to the page they repair that one line.
    let mut fixed = page.clone();
    let mut edits: Vec<(usize, usize, String)> = d["fix"]["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["offset"]["start"].as_u64().unwrap() as usize, e["offset"]["end"].as_u64().unwrap() as usize, e["insert"].as_str().unwrap().to_string()))
        .collect();
    edits.sort();
    for (s, e, insert) in edits.into_iter().rev() {
        fixed.replace_range(s..e, &insert);
    }
    assert_eq!(fixed, page.replace(TWO_HOSTS, "\"host1:9050\", \"host2:9050\""));
    // The block counts go to standard error, standard output stays parseable.
    assert!(stderr(&o).contains("Markdown: 4 SQL blocks linted in 1 file; 1 skipped as syntax synopsis"), "{}", stderr(&o));
}

#[test]
fn reference_page_sarif_names_the_document_and_counts_its_blocks() {
    let o = run(&["check", "--output-format", "sarif", PAGE, "tests/fixtures/markdown/tabs.mdx"]);
    assert_eq!(o.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let errors: Vec<String> = sarif_validator().iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    let first = &run["results"][0];
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], PAGE);
    let (line, col) = position(&fixture(PAGE), TWO_HOSTS);
    assert_eq!((location["region"]["startLine"].as_u64(), location["region"]["startColumn"].as_u64()), (Some(line as u64), Some(col as u64)));
    // Per document on its artifact, summed on the run.
    let page = &run["artifacts"][0]["properties"]["markdown"];
    assert_eq!(page, &serde_json::json!({ "sqlBlocksLinted": 4, "skippedSynopsis": 1, "skippedIgnored": 0, "synopsisStatements": 0 }));
    let mdx = &run["artifacts"][1]["properties"]["markdown"];
    assert_eq!((mdx["sqlBlocksLinted"].as_u64(), mdx["skippedIgnored"].as_u64()), (Some(1), Some(1)));
    assert_eq!(run["properties"]["markdown"], serde_json::json!({ "files": 2, "sqlBlocksLinted": 5, "skippedSynopsis": 1, "skippedIgnored": 1, "synopsisStatements": 0 }));
    // A run without documents has no Markdown properties.
    let o = run_stdin(&["check", "--output-format", "sarif", "-"], "ALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n");
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(log["runs"][0].get("properties").is_none());
    assert!(log["runs"][0]["artifacts"][0].get("properties").is_none());
    assert!(!stderr(&o).contains("Markdown"));
}

#[test]
fn reference_page_github_annotation_points_at_the_document_line() {
    let o = run(&["check", "--output-format", "github", PAGE]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let (line, col) = position(&fixture(PAGE), TWO_HOSTS);
    let end = col + TWO_HOSTS.chars().count();
    let expected = format!("::error file={PAGE},line={line},col={col},endLine={line},endColumn={end},title=D101 several-addresses-in-one-literal::");
    assert!(out.starts_with(&expected), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn reference_page_is_formatted_and_fix_repairs_it() {
    let o = run(&["format", "--check", PAGE]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");
    let t = tempfile::tempdir().unwrap();
    let page = fixture(PAGE);
    let copy = write(&t.path().join("add-backend.md"), &page);
    let o = run_in(t.path(), &["check", "--fix", "add-backend.md"], "");
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("Fixed 1 problem in add-backend.md (D101 several-addresses-in-one-literal ×1)"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), page.replace(TWO_HOSTS, "\"host1:9050\", \"host2:9050\""));
    assert!(stdout(&o).starts_with("All checks passed (1 file).\nMarkdown: 4 SQL blocks linted"), "{}", stdout(&o));
    let o = run_in(t.path(), &["format", "--check", "add-backend.md"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

// ---- the other fixtures ----

#[test]
fn lists_blockquotes_nested_fences_crlf_chinese_and_mdx() {
    let files = ["tests/fixtures/markdown/zh-lists.md", "tests/fixtures/markdown/crlf.md", "tests/fixtures/markdown/tabs.mdx"];
    let o = run(&["check", "--output-format", "json", files[0], files[1], files[2]]);
    assert_eq!(o.status.code(), Some(1));
    let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let got: Vec<(String, String, u64, u64)> = v
        .iter()
        .map(|d| (d["file"].as_str().unwrap().into(), d["code"].as_str().unwrap().into(), d["start"]["line"].as_u64().unwrap(), d["start"]["column"].as_u64().unwrap()))
        .collect();
    // Expected: each diagnostic where its text is in the file. Not reported: the synopsis, the
    // ignored block, and the ```sql example shown inside a ````md fence.
    let expect = |file: &str, code: &str, needle: &str| {
        let (line, col) = position(&fixture(file), needle);
        (file.to_string(), code.to_string(), line as u64, col as u64)
    };
    assert_eq!(
        got,
        vec![
            expect(files[0], "D101", "\"10.0.0.3:9050,10.0.0.4:9050\""),
            // A placeholder inside a real example is still reported.
            expect(files[0], "D107", "\"<be_host>:9050\""),
            expect(files[1], "D101", "\"10.0.0.1:9050,10.0.0.2:9050\""),
            expect(files[2], "D101", "\"10.0.0.1:9050,10.0.0.2:9050\""),
        ]
    );
    assert!(stderr(&o).contains("Markdown: 7 SQL blocks linted in 3 files; 1 skipped as syntax synopsis, 2 skipped by doris-lint: ignore."), "{}", stderr(&o));
    // The human output shows the CRLF document's line without its `\r`, and Chinese lines whole.
    let o = run(&["check", files[0], files[1]]);
    let out = stdout(&o);
    assert!(!out.contains('\r'), "{out:?}");
    assert!(out.contains("8 | ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050,10.0.0.2:9050\";\n"), "{out}");
    assert!(out.contains("21 | > ALTER SYSTEM ADD BACKEND \"10.0.0.3:9050,10.0.0.4:9050\";\n"), "{out}");
}

#[test]
fn stdin_is_a_document_when_its_name_says_so() {
    let md = "Intro\n\n```sql\nALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n```\n";
    let o = run_stdin(&["check", "-", "--stdin-filename", "docs/x.md"], md);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("--> docs/x.md:4:26"), "{}", stdout(&o));
    // Read as SQL, the same text is one statement that does not start with ALTER SYSTEM: skipped.
    let o = run_stdin(&["check", "-", "--stdin-filename", "x.sql"], md);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("Markdown:"));
    // --fix writes the fixed document to standard output, the report to standard error.
    let o = run_stdin(&["check", "--fix", "-", "--stdin-filename", "x.MDX"], md);
    assert_eq!(stdout(&o), md.replace("\"a:9050,b:9050\"", "\"a:9050\", \"b:9050\""));
    assert!(stderr(&o).contains("Fixed 1 problem in x.MDX") && stderr(&o).contains("Markdown: 1 SQL block linted"), "{}", stderr(&o));
    // format: only the block changes.
    let o = run_stdin(&["format", "-", "--stdin-filename", "x.md"], "Text  \n\n```sql\nalter system add backend 'a:9050'\n```\n");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "Text  \n\n```sql\nALTER SYSTEM ADD BACKEND \"a:9050\";\n```\n");
    let o = run_stdin(&["format", "--check", "-", "--stdin-filename", "x.md"], "```sql\nalter system add backend 'a:9050'\n```\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "would reformat: x.md\n");
}

#[test]
fn an_all_skipped_document_passes_and_says_why() {
    let md = "```sql\nALTER SYSTEM ADD BACKEND \"h:p\"[,\"h:p\" ...];\n```\n\n{/* doris-lint: ignore */}\n```sql\nALTER SYSTEM ADD BACKEND \"a:1,b:2\";\n```\n\n```sql\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n```\n";
    let o = run_stdin(&["check", "-", "--stdin-filename", "ok.mdx"], md);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "All checks passed (1 file).\nMarkdown: 1 SQL block linted in 1 file; 1 skipped as syntax synopsis, 1 skipped by doris-lint: ignore.\n"
    );
    // A block mixing a synopsis line with a real statement: only the real one is linted.
    let md = "```sql\nALTER SYSTEM DROPP BACKEND \"host:port\"[,\"host:port\"...]\nALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n```\n";
    let o = run_stdin(&["check", "-", "--stdin-filename", "mixed.md"], md);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error[D101]") && stdout(&o).contains("--> mixed.md:3:26"), "{}", stdout(&o));
    assert!(stdout(&o).contains("; 1 synopsis statement left out of linted blocks."), "{}", stdout(&o));
}

#[test]
fn suppression_comments_work_inside_blocks() {
    let md = "# Runbook\n\n```sql\n-- doris-lint: ignore D101 -- shown on purpose\nALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n```\n";
    let o = run_stdin(&["check", "--output-format", "json", "-", "--stdin-filename", "r.md"], md);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["suppressed"]["reason"], "shown on purpose");
    assert_eq!(v[0]["start"]["line"], 5);
    let o = run_stdin(&["check", "-", "--stdin-filename", "r.md"], md);
    assert!(stdout(&o).starts_with("All checks passed (1 file). 1 suppressed by doris-lint comments.\nMarkdown: 1 SQL block linted"), "{}", stdout(&o));
}

// ---- format and fix change only the SQL blocks ----

/// Front matter, Chinese prose, CRLF line endings, a block in a list, a block in a blockquote, a
/// synopsis, an ignored block, a bash block and a ```sql example inside a ````md fence: only the
/// SQL of the list and blockquote blocks may change.
const DOC: &str = "---\r\ntitle: 扩容\r\n---\r\n\r\n# 添加节点  \r\n\r\n1. 添加：\r\n\r\n   ```sql title=\"add.sql\"\r\n   alter system add backend   '10.0.0.1:9050';\r\n   ```\r\n\r\n> ```SQL\r\n> alter system decommission backend \"10.0.0.2:9050\"\r\n> ```\r\n\r\n```sql\r\nalter system add backend \"<host>:<port>\" [, ...]\r\n```\r\n\r\n<!-- doris-lint: ignore -->\r\n```sql\r\nalter   system add backend 'x:9050'\r\n```\r\n\r\n```bash\r\nalter   system\r\n```\r\n\r\n````md\r\n```sql\r\nalter system add backend 'y:9050'\r\n```\r\n````\r\n";

#[test]
fn format_rewrites_only_the_sql_blocks() {
    let expected = DOC
        .replace("   alter system add backend   '10.0.0.1:9050';\r\n", "   ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\r\n")
        .replace("> alter system decommission backend \"10.0.0.2:9050\"\r\n", "> ALTER SYSTEM DECOMMISSION BACKEND \"10.0.0.2:9050\";\r\n");
    let t = tempfile::tempdir().unwrap();
    let doc = write(&t.path().join("扩容.md"), DOC);
    // --check and --diff name the document and change nothing.
    let o = run_in(t.path(), &["format", "--check", "扩容.md"], "");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "would reformat: 扩容.md\n");
    let o = run_in(t.path(), &["format", "--diff", "扩容.md"], "");
    assert_eq!(o.status.code(), Some(1));
    let diff = stdout(&o);
    assert!(diff.starts_with("--- 扩容.md\n+++ 扩容.md\n"), "{diff}");
    let removed: Vec<&str> = diff.split('\n').filter(|l| l.starts_with('-') && !l.starts_with("---")).collect();
    assert_eq!(removed, vec!["-   alter system add backend   '10.0.0.1:9050';\r", "-> alter system decommission backend \"10.0.0.2:9050\"\r"], "{diff}");
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), DOC);
    // In place: exactly the expected bytes, then clean.
    let o = run_in(t.path(), &["format", "扩容.md"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "1 file reformatted, 0 unchanged\n");
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), expected);
    let o = run_in(t.path(), &["format", "--check", "扩容.md"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn fix_applies_safe_fixes_inside_blocks_and_unsafe_ones_on_request() {
    // A `#` comment and a full-width `；` (safe fixes), a webserver port (D108, unsafe fix).
    let doc = "Steps:\n\n- Add:\n\n  ```sql\n  # the new node\n  ALTER SYSTEM ADD BACKEND \"10.0.0.1:8040\"；\n  ```\n\n说明：`#` 不是注释。\n\n<!-- doris-lint: ignore -->\n```sql\n# 故意的\n```\n";
    let t = tempfile::tempdir().unwrap();
    let path = write(&t.path().join("steps.md"), doc);
    let o = run_in(t.path(), &["check", "--fix", "steps.md"], "");
    assert_eq!(o.status.code(), Some(1), "the unsafe D108 remains: {}", stdout(&o));
    assert!(stderr(&o).contains("Fixed 2 problems in steps.md (D004 hash-comment ×1, D005 fullwidth-punctuation ×1)"), "{}", stderr(&o));
    let safe = doc.replace("  # the new node\n", "  -- the new node\n").replace("8040\"；", "8040\";");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), safe);
    assert!(stdout(&o).contains("warning[D108]") && stdout(&o).contains("--> steps.md:7:"), "{}", stdout(&o));
    let o = run_in(t.path(), &["check", "--unsafe-fixes", "steps.md"], "");
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), safe.replace(":8040", ":9050"));
}

#[test]
fn directories_are_searched_for_sql_only_and_say_what_they_left_out() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("ops/a.sql"), "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n");
    write(&t.path().join("ops/docs/b.md"), "```sql\nALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n```\n");
    write(&t.path().join("ops/docs/c.mdx"), "text\n");
    let o = run_in(t.path(), &["check", "ops"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "All checks passed (1 file).\n");
    assert_eq!(
        stderr(&o),
        "note: ops: 2 Markdown files not read; directories are searched for *.sql only, name documents to include them (e.g. ops/**/*.md)\n"
    );
    let o = run_in(t.path(), &["check", "ops", "ops/docs/b.md"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("--> ops/docs/b.md:2:26"), "{}", stdout(&o));
    let o = run_in(t.path(), &["format", "--check", "ops/"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("note: ops: 2 Markdown files not read"), "{}", stderr(&o));
}

#[test]
fn config_format_table_applies_to_documents() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("doris-lint.toml"), "[format]\nkeywordCase = \"lower\"\n");
    write(&t.path().join("a.md"), "```sql\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n```\n");
    let o = run_in(t.path(), &["format", "a.md"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(t.path().join("a.md")).unwrap(), "```sql\nalter system add backend \"10.0.0.1:9050\";\n```\n");
}
