//! End-to-end tests of `doris-lint check`, `rules` and `explain` through the built binary:
//! human and JSON output (snapshots), exit codes, stdin, unreadable and non-UTF-8 files.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_doris-lint"));
    c.env_remove("NO_COLOR").current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doris-lint-cli-check-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const MIXED: &str = "-- 中文注释 😀\r\nALTER SYSTEM MODIFY FRONT \"10.0.0.9:9010\" HOSTNAME \"fe-1\";\r\n\
ALTER SYSTEM ADD BACKEND 10.0.0.1:9050 PROPERTIES (\"tag.location\": \"g1\");\r\nSELECT 1;\r\n";

#[test]
fn human_output() {
    let o = run_stdin(&["check", "-", "--stdin-filename", "ops.sql"], MIXED.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
    insta::assert_snapshot!("human_output", out);
}

#[test]
fn json_output() {
    let o = run_stdin(&["check", "-", "--output-format", "json", "--stdin-filename", "ops.sql"], MIXED.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // Byte offsets point at the flagged text; columns count Unicode scalar values.
    for d in v.as_array().unwrap() {
        let (s, e) = (d["offset"]["start"].as_u64().unwrap() as usize, d["offset"]["end"].as_u64().unwrap() as usize);
        assert!(MIXED.is_char_boundary(s) && MIXED.is_char_boundary(e));
    }
    let first = &v[0];
    assert_eq!(first["code"], "D001");
    assert_eq!(&MIXED[first["offset"]["start"].as_u64().unwrap() as usize..][..5], "FRONT");
    assert_eq!(first["start"]["line"], 2);
    assert_eq!(first["start"]["column"], 21);
    insta::assert_json_snapshot!("json_output", v);
}

#[test]
fn clean_input_exits_zero() {
    let o = run_stdin(&["check"], b"ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\nSHOW BACKENDS;\n");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("All checks passed"));
}

#[test]
fn seed_example_runs() {
    let o = run_stdin(&["check", "-"], b"ALTER SYSTEM ADD BACKEND \"192.168.0.1:9050,192.168.0.2:9050\";");
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
}

#[test]
fn files_and_directories() {
    let dir = scratch("files");
    std::fs::write(dir.join("a.sql"), "ALTER SYSTEM ADD BACKEND 'h:9050';\n").unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/b.sql"), "# bad\nALTER SYSTEM ADD BACKEND 'h2:9050';\n").unwrap();
    std::fs::write(dir.join("sub/notes.txt"), "# not sql\n").unwrap();
    let o = bin().args(["check", dir.to_str().unwrap()]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("sub/b.sql:1:1"), "{out}");
    assert!(!out.contains("notes.txt"));
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let o = bin().args(["check", "does/not/exist.sql"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does/not/exist.sql: no such file or directory"), "{}", stderr(&o));
}

#[test]
fn non_utf8_is_an_error_naming_the_file() {
    let dir = scratch("utf8");
    let f = dir.join("latin1.sql");
    std::fs::write(&f, b"ALTER SYSTEM ADD BACKEND '\xe9t\xe9:9050';").unwrap();
    let o = bin().args(["check", f.to_str().unwrap()]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("latin1.sql: not valid UTF-8 (byte 0xe9 at offset 26)"), "{err}");
    let o = run_stdin(&["check", "-"], b"\xff\xfe");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("<stdin>: not valid UTF-8"));
}

#[test]
fn rules_and_explain() {
    let o = bin().arg("rules").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for r in doris_lint::rules::RULES {
        assert!(out.contains(r.meta().code) && out.contains(r.meta().name));
    }
    let o = bin().args(["explain", "unterminated-string"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("## D002 unterminated-string"));
    let o = bin().args(["explain", "D999"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_two() {
    let o = bin().args(["check", "--output-format", "xml"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = bin().arg("--help").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
}
