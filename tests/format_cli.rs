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

const LONG: &str = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\", \"10.0.0.2:9050\", \"10.0.0.3:9050\";\n";

fn format_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = bin().args(args).current_dir(dir).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn config_format_table_is_the_base_and_flags_override_it() {
    let dir = tempdir("config");
    std::fs::write(dir.join("doris-lint.toml"), "[format]\nkeywordCase = \"lower\"\nindent = 2\nlineWidth = 40\n").unwrap();
    std::fs::write(dir.join("tab.toml"), "[format]\nindent = \"tab\"\nlineWidth = 40\n").unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/a.sql"), LONG).unwrap();
    let broken_lower = "alter system add backend\n  \"10.0.0.1:9050\",\n  \"10.0.0.2:9050\",\n  \"10.0.0.3:9050\";\n";
    // Standard input: the config of the working directory.
    let out = format_stdin(&dir, &["format", "-"], LONG);
    assert_eq!(String::from_utf8_lossy(&out.stdout), broken_lower);
    // Each flag overrides its key only.
    let out = format_stdin(&dir, &["format", "-", "--keyword-case", "upper"], LONG);
    assert_eq!(String::from_utf8_lossy(&out.stdout), broken_lower.replace("alter system add backend", "ALTER SYSTEM ADD BACKEND"));
    let out = format_stdin(&dir, &["format", "-", "--line-width", "100"], LONG);
    assert_eq!(String::from_utf8_lossy(&out.stdout), LONG.replace("ALTER SYSTEM ADD BACKEND", "alter system add backend"));
    // A file: the config found by walking up from its directory.
    let out = run(&["format", "--check", "sub/a.sql"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["format", "--check", "--line-width", "80", "--keyword-case", "upper", "sub/a.sql"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    // --config names another file, for every input.
    let out = run(&["format", "--config", "tab.toml", "sub/a.sql"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.join("sub/a.sql")).unwrap(),
        "ALTER SYSTEM ADD BACKEND\n\t\"10.0.0.1:9050\",\n\t\"10.0.0.2:9050\",\n\t\"10.0.0.3:9050\";\n"
    );
    std::fs::write(dir.join("sub/a.sql"), LONG).unwrap();
    let out = run(&["format", "sub/a.sql"], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(dir.join("sub/a.sql")).unwrap(), broken_lower);
}

#[test]
fn a_bad_format_table_names_the_file_and_key_and_check_does_not_read_it() {
    let dir = tempdir("bad-config");
    std::fs::write(dir.join("a.sql"), PRETTY).unwrap();
    for (text, key) in [("[format]\nindent = \"tabs\"\n", "tabs"), ("[format]\nlinewidth = 100\n", "linewidth"), ("[format]\nkeywordCase = \"title\"\n", "title")] {
        std::fs::write(dir.join("doris-lint.toml"), text).unwrap();
        let out = run(&["format", "a.sql"], &dir);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text}: {err}");
        assert!(err.contains("doris-lint.toml: invalid config: [format]") && err.contains(key), "{text}: {err}");
        assert_eq!(std::fs::read_to_string(dir.join("a.sql")).unwrap(), PRETTY);
        // `check` does not use the formatter's options.
        assert_eq!(run(&["check", "a.sql"], &dir).status.code(), Some(0), "{text}");
    }
    let out = run(&["format", "--config", "missing.toml", "a.sql"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.toml"));
}
