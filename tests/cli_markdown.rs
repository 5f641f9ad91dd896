//! `doris-lint` on Markdown documents, end to end through the built binary: the reference page
//! `tests/fixtures/markdown/add-backend.md` reports D101 on the line of its two-hosts example,
//! skips the syntax synopsis, and names the `.md` file in every output format.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const PAGE: &str = "tests/fixtures/markdown/add-backend.md";
const TWO_HOSTS: &str = "ALTER SYSTEM ADD BACKEND \"192.168.0.1:9050,192.168.0.2:9050\";";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_doris-lint"));
    c.env_remove("NO_COLOR").current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn page() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE)).unwrap()
}

/// 1-based line and column of `needle` in `hay` (columns in characters).
fn position(hay: &str, needle: &str) -> (usize, usize) {
    let at = hay.find(needle).unwrap_or_else(|| panic!("{needle} not in the page"));
    let line_start = hay[..at].rfind('\n').map_or(0, |i| i + 1);
    (hay[..at].matches('\n').count() + 1, hay[line_start..at].chars().count() + 1)
}

#[test]
fn reference_page_reports_d101_on_the_two_hosts_line_and_skips_the_synopsis() {
    let o = run(&["check", PAGE]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let (line, _) = position(&page(), TWO_HOSTS);
    let literal_col = position(&page(), "\"192.168.0.1:9050,192.168.0.2:9050\"").1;
    assert!(out.contains("error[D101] several-addresses-in-one-literal"), "{out}");
    assert!(out.contains(&format!("--> {PAGE}:{line}:{literal_col}")), "{out}");
    assert!(out.contains(&format!("{line} |    {TWO_HOSTS}")), "the page's own line is shown: {out}");
    assert_eq!(out.matches("error[").count(), 1, "only the two-hosts example is wrong: {out}");
    assert!(out.contains("Markdown: 4 SQL blocks linted in 1 file; 1 skipped as syntax synopsis, 0 skipped by doris-lint: ignore."), "{out}");
}

#[test]
fn json_names_the_markdown_file_and_keeps_stdout_parseable() {
    let o = run(&["check", "--output-format", "json", PAGE]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON only");
    let diags = v.as_array().unwrap();
    assert_eq!(diags.len(), 1);
    let d = &diags[0];
    assert_eq!(d["file"], PAGE);
    assert_eq!(d["code"], "D101");
    let (line, col) = position(&page(), "\"192.168.0.1:9050,192.168.0.2:9050\"");
    assert_eq!((d["start"]["line"].as_u64(), d["start"]["column"].as_u64()), (Some(line as u64), Some(col as u64)));
    let start = d["offset"]["start"].as_u64().unwrap() as usize;
    assert!(page()[start..].starts_with("\"192.168.0.1:9050,"));
    // The fix edits are in the page's bytes too.
    for e in d["fix"]["edits"].as_array().unwrap() {
        let s = e["offset"]["start"].as_u64().unwrap() as usize;
        assert!(s >= start && s <= start + 36, "{e}");
    }
    assert!(text(&o.stderr).contains("1 skipped as syntax synopsis"), "{}", text(&o.stderr));
}

#[test]
fn stdin_is_markdown_when_its_name_says_so() {
    let md = "Intro\n\n```sql\nALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n```\n";
    let o = run_stdin(&["check", "-", "--stdin-filename", "docs/x.md"], md);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(out.contains("--> docs/x.md:4:26"), "{out}");
    // Read as SQL, the same text is one statement that does not start with ALTER SYSTEM: skipped.
    let o = run_stdin(&["check", "-", "--stdin-filename", "x.sql"], md);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(!text(&o.stdout).contains("Markdown:"));
}

#[test]
fn clean_and_fully_skipped_documents_pass() {
    let md = "```sql\nALTER SYSTEM ADD BACKEND \"h:p\"[,\"h:p\" ...];\n```\n\n<!-- doris-lint: ignore -->\n```sql\nALTER SYSTEM ADD BACKEND \"a:1,b:2\";\n```\n\n```sql\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n```\n";
    let o = run_stdin(&["check", "-", "--stdin-filename", "ok.mdx"], md);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let out = text(&o.stdout);
    assert!(out.contains("All checks passed (1 file)."), "{out}");
    assert!(out.contains("Markdown: 1 SQL block linted in 1 file; 1 skipped as syntax synopsis, 1 skipped by doris-lint: ignore."), "{out}");
}
