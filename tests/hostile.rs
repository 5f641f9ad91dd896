//! Hostile input at the edges, through the built binary: a 100 MB file, binary and invalid
//! UTF-8 files, missing files and directories, standard input closed or empty, standard output
//! closed early. Each asserts behaviour (exit code, a clear message naming the file, no panic),
//! never time. See docs/robustness.md for the decisions.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_doris-lint"))
}

/// A fresh directory under the target dir, removed first if a previous run left it.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doris-lint-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output { status, stdout, stderr } = cmd.output().expect("the binary runs");
    (status.code().expect("exited, not killed by a signal"), String::from_utf8_lossy(&stdout).into(), String::from_utf8_lossy(&stderr).into())
}

fn assert_no_panic(stderr: &str) {
    assert!(!stderr.contains("panicked"), "the binary panicked:\n{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "the binary panicked:\n{stderr}");
}

/// About 100 MB in 100 chunks of 1 MB: 2,500 statements of the family (distinct addresses, one
/// comment each), then a 450 KB block comment and a `SELECT` with a 450 KB string. Problems sit
/// on the first line (a full-width `；`), in the middle (the same) and on the last line (an
/// unterminated string), so the diagnostics prove the whole file was read and parsed. (Mostly
/// comments and foreign statements by bytes, so that the debug build of `cargo test` checks it
/// in well under a minute; the benchmark measures throughput on statements.)
fn write_big(path: &Path) -> (usize, usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut line = 1;
    let mut middle = 0;
    writeln!(f, "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\"；").unwrap();
    let filler_comment = format!("/* {} */\n", "x".repeat(450 * 1024));
    let filler_select = format!("SELECT '{}';\n", "y".repeat(450 * 1024));
    let mut n: u32 = 0;
    for chunk in 0..100 {
        for _ in 0..2500 {
            n += 1;
            line += 1;
            writeln!(f, "ALTER SYSTEM ADD BACKEND \"10.{}.{}.{}:9050\"; -- node {n}", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff).unwrap();
        }
        if chunk == 50 {
            line += 1;
            middle = line;
            writeln!(f, "ALTER SYSTEM DECOMMISSION BACKEND \"10.0.0.1:9050\"；").unwrap();
        }
        f.write_all(filler_comment.as_bytes()).unwrap();
        f.write_all(filler_select.as_bytes()).unwrap();
        line += 2;
    }
    line += 1;
    write!(f, "ALTER SYSTEM ADD BACKEND \"10.0.0.1:").unwrap();
    f.flush().unwrap();
    (middle, line)
}

#[test]
fn a_100_mb_file_is_checked_completely() {
    let dir = temp_dir("big");
    let path = dir.join("big.sql");
    let (middle, last) = write_big(&path);
    assert!(std::fs::metadata(&path).unwrap().len() >= 100_000_000);
    let (code, out, err) = run(bin().args(["check", "--output-format", "json"]).arg(&path));
    assert_no_panic(&err);
    assert_eq!(code, 1, "problems are found: {err}");
    let diags: serde_json::Value = serde_json::from_str(&out).expect("JSON output");
    let lines_of = |code: &str| -> Vec<u64> {
        diags.as_array().unwrap().iter().filter(|d| d["code"] == code).map(|d| d["start"]["line"].as_u64().unwrap()).collect()
    };
    assert_eq!(lines_of("D005"), vec![1, middle as u64]);
    assert_eq!(lines_of("D002"), vec![last as u64]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_is_not_utf8_is_a_clear_error_naming_it() {
    let dir = temp_dir("binary");
    let bin_file = dir.join("image.sql");
    std::fs::write(&bin_file, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe").unwrap();
    let bad = dir.join("latin1.sql");
    std::fs::write(&bad, b"ALTER SYSTEM ADD BACKEND \"caf\xe9:9050\";\n").unwrap();
    let good = dir.join("good.sql");
    std::fs::write(&good, "ALTER SYSTEM ADD BACKEND \"h:9050\"；\n").unwrap();
    for file in [&bin_file, &bad] {
        let (code, _, err) = run(bin().arg("check").arg(file));
        assert_no_panic(&err);
        assert_eq!(code, 2);
        assert!(err.contains(&file.display().to_string()) && err.contains("not valid UTF-8"), "{err}");
    }
    // The offset of the first bad byte is named.
    let (_, _, err) = run(bin().arg("check").arg(&bad));
    assert!(err.contains("0xe9") && err.contains(&format!("offset {}", "ALTER SYSTEM ADD BACKEND \"caf".len())), "{err}");
    // A bad file among good ones: the good ones are still checked, and the run fails with 2.
    let (code, out, err) = run(bin().arg("check").arg(&bad).arg(&good));
    assert_eq!(code, 2);
    assert!(out.contains("[D005]") && out.contains("good.sql"), "{out}");
    assert!(err.contains("latin1.sql"), "{err}");
    // Alone, the unreadable file does not get an "All checks passed".
    let (_, out, _) = run(bin().arg("check").arg(&bad));
    assert!(!out.contains("passed"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn nul_bytes_are_valid_utf8_and_are_linted_like_any_text() {
    let dir = temp_dir("nul");
    let file = dir.join("nul.sql");
    std::fs::write(&file, b"\x00\x00ALTER SYSTEM\x00 ADD BACKEND \"h:9050\"\x00;\x00\n").unwrap();
    let (code, _, err) = run(bin().arg("check").arg(&file));
    assert_no_panic(&err);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_utf8_on_standard_input_is_a_clear_error() {
    let mut child = bin().args(["check", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"ALTER SYSTEM \xc3\x28").unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(&err);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("<stdin>") && err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn missing_files_and_directories() {
    let dir = temp_dir("missing");
    let (code, _, err) = run(bin().arg("check").arg(dir.join("nope.sql")));
    assert_eq!(code, 2);
    assert!(err.contains("nope.sql") && err.contains("no such file"), "{err}");
    // A directory is searched for *.sql files (here: none, so nothing to report).
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    std::fs::write(dir.join("sub/deeper/a.sql"), "ALTER SYSTEM ADD BACKEND \"h:9050\"；\n").unwrap();
    std::fs::write(dir.join("sub/notes.txt"), "\u{0}\u{ff}").unwrap();
    let (code, out, err) = run(bin().arg("check").arg(&dir));
    assert_no_panic(&err);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("a.sql"), "{out}");
    // A symbolic link back to a parent is not followed: each file is reported once.
    std::os::unix::fs::symlink("..", dir.join("sub/deeper/up")).unwrap();
    std::os::unix::fs::symlink("deeper/a.sql", dir.join("sub/link.sql")).unwrap();
    let (code, out, err) = run(bin().arg("check").arg(&dir));
    assert_no_panic(&err);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out.matches("[D005]").count(), 2, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn empty_and_closed_standard_input() {
    // Empty: nothing to report.
    let (code, out, err) = run(bin().args(["check", "-"]).stdin(Stdio::null()));
    assert_no_panic(&err);
    assert_eq!(code, 0, "{out}{err}");
    // Closed early: the writer goes away after part of a statement; what arrived is checked.
    let mut child = bin().args(["check", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"ALTER SYSTEM ADD BACKEND \"10.0.0.1:90").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_no_panic(&String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("D002"));
    // No standard input at all (descriptor 0 closed): read as empty input, like `</dev/null`
    // (Rust's standard library treats a closed descriptor 0 as empty), no panic.
    let (code, out, err) = run(Command::new("sh").arg("-c").arg(format!("'{}' check - <&-", env!("CARGO_BIN_EXE_doris-lint"))));
    assert_no_panic(&err);
    assert_eq!(code, 0, "{out}{err}");
}

/// The reader of standard output goes away before the binary writes (`... | head -1`): no
/// broken-pipe panic, no message; the exit code is still the run's.
#[test]
fn standard_output_closed_early() {
    let dir = temp_dir("epipe");
    let file = dir.join("many.sql");
    std::fs::write(&file, "ALTER SYSTEM ADD BACKEND \"h:9050\"；\n".repeat(20_000)).unwrap();
    let commands: Vec<Vec<String>> = vec![
        vec!["check".into(), file.display().to_string()],
        vec!["check".into(), "--output-format".into(), "json".into(), file.display().to_string()],
        vec!["rules".into()],
        vec!["explain".into(), "D001".into()],
    ];
    for args in commands {
        let mut child = bin().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        drop(child.stdout.take()); // the reader is gone before anything is written
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(&err);
        assert!(err.is_empty(), "{args:?}: {err}");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {:?}", out.status);
    }
    // The shell form of the same.
    let (code, out, err) = run(Command::new("sh").arg("-c").arg(format!(
        "'{}' check '{}' | head -1",
        env!("CARGO_BIN_EXE_doris-lint"),
        file.display()
    )));
    assert_no_panic(&err);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Many diagnostics on one huge line: each is shown with an excerpt of the line, not the whole
/// line (whose repetition made the output quadratic in the line's length).
#[test]
fn many_diagnostics_on_one_huge_line() {
    let dir = temp_dir("longline");
    let file = dir.join("line.sql");
    let n = 20_000;
    std::fs::write(&file, format!("ALTER SYSTEM ADD BACKEND \"h:9050\"{}", "，".repeat(n))).unwrap();
    let (code, out, err) = run(bin().arg("check").arg(&file));
    assert_no_panic(&err);
    assert_eq!(code, 1);
    assert_eq!(out.matches("[D005]").count(), n);
    assert!(out.len() < n * 1000, "output of {} bytes for {n} diagnostics", out.len());
    let _ = std::fs::remove_dir_all(&dir);
}
