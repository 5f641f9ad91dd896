//! `doris-lint format` end to end: in-place writes, --check, --diff, stdin, flags, I/O errors.
//! Files that cannot be written (read-only, immutable, vanished) are in `tests/hostile.rs`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_doris-lint"))
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doris-lint-format-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

const UGLY: &str = "alter system add backend '10.0.0.1:9050'\n";
const PRETTY: &str = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n";

#[test]
fn formats_in_place_and_leaves_formatted_files_untouched() {
    let dir = tempdir("inplace");
    std::fs::write(dir.join("a.sql"), UGLY).unwrap();
    std::fs::write(dir.join("b.sql"), PRETTY).unwrap();
    let before = std::fs::metadata(dir.join("b.sql")).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = run(&["format", "."], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.join("a.sql")).unwrap(), PRETTY);
    assert_eq!(std::fs::metadata(dir.join("b.sql")).unwrap().modified().unwrap(), before);
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn check_lists_files_and_changes_nothing() {
    let dir = tempdir("check");
    std::fs::write(dir.join("a.sql"), UGLY).unwrap();
    let out = run(&["format", "--check", "a.sql"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("a.sql"));
    assert_eq!(std::fs::read_to_string(dir.join("a.sql")).unwrap(), UGLY);
    std::fs::write(dir.join("a.sql"), PRETTY).unwrap();
    assert_eq!(run(&["format", "--check", "a.sql"], &dir).status.code(), Some(0));
}

#[test]
fn diff_prints_a_unified_diff() {
    let dir = tempdir("diff");
    std::fs::write(dir.join("a.sql"), UGLY).unwrap();
    let out = run(&["format", "--diff", "a.sql"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("--- a.sql") && text.contains("+++ a.sql"), "{text}");
    assert!(text.contains("-alter system add backend '10.0.0.1:9050'"), "{text}");
    assert!(text.contains("+ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";"), "{text}");
    assert_eq!(std::fs::read_to_string(dir.join("a.sql")).unwrap(), UGLY);
}

#[test]
fn stdin_to_stdout_with_flags() {
    let mut child = bin()
        .args(["format", "-", "--keyword-case", "lower", "--quote-style", "single", "--semicolon", "preserve"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"ALTER SYSTEM ADD FOLLOWER \"h:9010\"").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "alter system add follower 'h:9010'\n");
}

#[test]
fn io_errors_exit_2_and_name_the_file() {
    let dir = tempdir("io");
    let out = run(&["format", "missing.sql"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.sql"));
    let out = run(&["format", "--indent", "huge", "x.sql"], &dir);
    assert_eq!(out.status.code(), Some(2));
}
