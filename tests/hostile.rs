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

/// A fresh directory under the target dir (`target/tmp`: a real file system, where immutable
/// flags work, unlike tmpfs), removed first if a previous run left it.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    outcome(cmd.output().expect("the binary runs"))
}

fn outcome(Output { status, stdout, stderr }: Output) -> (i32, String, String) {
    (status.code().expect("exited, not killed by a signal"), String::from_utf8_lossy(&stdout).into(), String::from_utf8_lossy(&stderr).into())
}

/// Runs the binary with `input` on standard input, whose writer then goes away (perhaps in the
/// middle of a statement).
fn run_with_input(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    outcome(child.wait_with_output().unwrap())
}

fn assert_no_panic(stderr: &str) {
    assert!(!stderr.contains("panicked"), "the binary panicked:\n{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "the binary panicked:\n{stderr}");
}

/// About 100 MB in 100 chunks of 1 MB: 500 statements of the family (distinct addresses, one
/// comment each, every other one in lower case with single quotes, which the formatter
/// changes), then a 480 KB block comment and a `SELECT` with a 480 KB string. Problems sit on
/// the first line (a full-width `；`), in the middle (the same) and on the last line (an
/// unterminated string), so the diagnostics prove the whole file was read and parsed. (Mostly
/// comments and foreign statements by bytes, so that the debug build of `cargo test` gets
/// through it in seconds; `make bench` measures throughput on statements.) Returns the lines of
/// the middle and the last problem.
fn write_big(path: &Path) -> (usize, usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut line = 1;
    let mut middle = 0;
    writeln!(f, "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\"；").unwrap();
    let filler_comment = format!("/* {} */\n", "x".repeat(480 * 1024));
    let filler_select = format!("SELECT '{}';\n", "y".repeat(480 * 1024));
    let mut n: u32 = 0;
    for chunk in 0..100 {
        for _ in 0..500 {
            n += 1;
            line += 1;
            writeln!(f, "{}; -- node {n}", big_statement(n, n.is_multiple_of(2))).unwrap();
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

/// The `n`th statement of the big file, as written (`ugly`: lower case, single quotes) or as
/// the formatter writes it.
fn big_statement(n: u32, ugly: bool) -> String {
    let address = format!("10.{}.{}.{}:9050", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    if ugly {
        format!("alter system add backend '{address}'")
    } else {
        format!("ALTER SYSTEM ADD BACKEND \"{address}\"")
    }
}

#[test]
fn a_100_mb_file_is_checked_and_formatted_completely() {
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

    // Formatted in place: every ugly statement rewritten, every other byte kept (the lines with
    // a `；` and the unterminated last line are copied, the fillers too), nothing appended.
    let before = std::fs::read_to_string(&path).unwrap();
    let (code, _, err) = run(bin().arg("format").arg(&path));
    assert_no_panic(&err);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 file reformatted"), "{err}");
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after.len(), before.len(), "the statements keep their length when formatted");
    let (mut rewritten, mut lines) = (0, 0);
    for (b, a) in before.split('\n').zip(after.split('\n')) {
        lines += 1;
        if b != a {
            let n: u32 = b.rsplit(' ').next().unwrap().parse().unwrap_or_else(|_| panic!("line {lines} changed: {b:.80}"));
            assert_eq!((b, a), (
                format!("{}; -- node {n}", big_statement(n, true)).as_str(),
                format!("{}; -- node {n}", big_statement(n, false)).as_str()
            ));
            rewritten += 1;
        }
    }
    assert_eq!((lines, rewritten), (last, 25_000));
    assert!(after.ends_with("\"10.0.0.1:"), "nothing is appended to the unterminated string");
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
    // `format` (and `check --fix`) leave such files alone, name them, still format the good one,
    // and exit 2.
    let ugly = dir.join("ugly.sql");
    std::fs::write(&ugly, "alter system add follower 'h:9010'\n").unwrap();
    let before: Vec<Vec<u8>> = [&bin_file, &bad].iter().map(|f| std::fs::read(f).unwrap()).collect();
    for command in [&["format"][..], &["check", "--fix"][..]] {
        let (code, _, err) = run(bin().args(command).arg(&bin_file).arg(&bad).arg(&ugly));
        assert_no_panic(&err);
        assert_eq!(code, 2, "{command:?}: {err}");
        assert!(err.contains("image.sql") && err.contains("latin1.sql") && err.contains("not valid UTF-8"), "{err}");
        let after: Vec<Vec<u8>> = [&bin_file, &bad].iter().map(|f| std::fs::read(f).unwrap()).collect();
        assert_eq!(before, after, "{command:?} changed an unreadable file");
    }
    assert_eq!(std::fs::read_to_string(&ugly).unwrap(), "ALTER SYSTEM ADD FOLLOWER \"h:9010\";\n");
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
    for (args, input) in [(["check", "-"], &b"ALTER SYSTEM \xc3\x28"[..]), (["format", "-"], &b"alter system add backend '\xff'"[..])] {
        let (code, out, err) = run_with_input(&args, input);
        assert_no_panic(&err);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("<stdin>") && err.contains("not valid UTF-8"), "{args:?}: {err}");
        // (`format -`: nothing on standard output.)
        assert!(args[0] == "check" || out.is_empty(), "{out}");
    }
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
    let (code, out, err) = run_with_input(&["check", "-"], b"ALTER SYSTEM ADD BACKEND \"10.0.0.1:90");
    assert_no_panic(&err);
    assert_eq!(code, 1);
    assert!(out.contains("D002"), "{out}");
    // The same for `format -`: what arrived is formatted, here copied as it is (an unterminated
    // string), with nothing appended to it.
    let (code, out, err) =
        run_with_input(&["format", "-"], b"alter system add follower 'h:9010';\nALTER SYSTEM ADD BACKEND \"10.0.0.1:90");
    assert_no_panic(&err);
    assert_eq!(code, 0);
    assert_eq!(out, "ALTER SYSTEM ADD FOLLOWER \"h:9010\";\nALTER SYSTEM ADD BACKEND \"10.0.0.1:90");
    // No standard input at all (descriptor 0 closed): read as empty input, like `</dev/null`
    // (Rust's standard library treats a closed descriptor 0 as empty), no panic.
    for command in ["check -", "format -", "check --fix -"] {
        let (code, out, err) = run(Command::new("sh").arg("-c").arg(format!("'{}' {command} <&-", env!("CARGO_BIN_EXE_doris-lint"))));
        assert_no_panic(&err);
        assert_eq!(code, 0, "{command}: {out}{err}");
        if command.starts_with("format") {
            assert_eq!(out, "");
        }
    }
}

/// The reader of standard output goes away before the binary writes (`... | head -1`): no
/// broken-pipe panic, no message; the exit code is still the run's.
#[test]
fn standard_output_closed_early() {
    let dir = temp_dir("epipe");
    let file = dir.join("many.sql");
    std::fs::write(&file, "ALTER SYSTEM ADD BACKEND \"h:9050\"；\n".repeat(20_000)).unwrap();
    let small = dir.join("small.sql");
    std::fs::write(&small, "alter system add follower 'h:9010';\n".repeat(100)).unwrap();
    let commands: Vec<Vec<String>> = vec![
        vec!["check".into(), file.display().to_string()],
        vec!["check".into(), "--output-format".into(), "json".into(), file.display().to_string()],
        vec!["rules".into()],
        vec!["explain".into(), "D001".into()],
        vec!["format".into(), "--diff".into(), small.display().to_string()],
    ];
    for args in commands {
        let mut child = bin().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        drop(child.stdout.take()); // the reader is gone before anything is written
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(&err);
        // (`format` reports its count of files on standard error.)
        assert!(err.is_empty() || err == "1 file would be reformatted, 0 unchanged\n", "{args:?}: {err}");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {:?}", out.status);
    }
    // `format -` and `check --fix -` write the text itself there (`check --fix -` its report on
    // standard error).
    for command in [&["format", "-"][..], &["check", "--fix", "-"][..]] {
        let mut child =
            bin().args(command).stdin(std::fs::File::open(&small).unwrap()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(&err);
        assert!(!err.contains("standard output"), "{command:?}: {err}");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{command:?}: {:?}", out.status);
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

/// A full disk on standard output (`/dev/full`) is an error, exit 2, never a silent loss of the
/// formatted or fixed text.
#[test]
fn a_full_disk_on_standard_output_is_an_error() {
    for command in ["format -", "check --fix -", "check -"] {
        let (code, out, err) = run(Command::new("sh").arg("-c").arg(format!(
            "printf \"alter system add follower 'h:9010'；\" | '{}' {command} >/dev/full",
            env!("CARGO_BIN_EXE_doris-lint")
        )));
        assert_no_panic(&err);
        assert_eq!(code, 2, "{command}: {out}{err}");
        assert!(err.contains("cannot write to standard output"), "{command}: {err}");
    }
}

/// Whether this process runs as root, which the permission bits do not stop.
fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("id -u runs");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// Makes `path` unwritable for this test and writable again when dropped (even when the test
/// fails, so that the directory can be removed): `chattr +i` as root, whom the permission bits
/// do not stop; `chmod a-w` otherwise.
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn new(path: &Path) -> ReadOnly {
        if is_root() {
            let status = Command::new("chattr").arg("+i").arg(path).status().expect("chattr runs");
            assert!(status.success(), "chattr +i {}: the test needs a file system with immutable flags (ext4, xfs, btrfs)", path.display());
        } else {
            let mut perms = std::fs::metadata(path).unwrap().permissions();
            perms.set_readonly(true);
            std::fs::set_permissions(path, perms).unwrap();
        }
        ReadOnly(path.to_path_buf())
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if is_root() {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        } else if let Ok(meta) = std::fs::metadata(&self.0) {
            let mut perms = meta.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            let _ = std::fs::set_permissions(&self.0, perms);
        }
    }
}

const UGLY: &str = "alter system add backend '10.0.0.1:9050'\n";
const PRETTY: &str = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n";
/// A script that both `format` (the first statement) and `check --fix` (the `；`) change.
const BOTH: &str = "alter system add follower 'h:9010';\nalter system add backend '10.0.0.1:9050'；\n";

/// The names in `dir`, sorted (to see that no temporary file is left behind).
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// `format` (and `check --fix`) cannot write a file: the original stays as it was, the error
/// names the file and says why, the other files are still formatted, the exit code is 2, and no
/// temporary file is left behind.
#[test]
fn a_file_that_cannot_be_written_is_left_untouched() {
    let dir = temp_dir("readonly");
    let assert_refused = |args: &[&str], file: &Path, reason: &str| {
        let other = dir.join("other.sql");
        std::fs::write(&other, BOTH).unwrap();
        let listing = names(file.parent().unwrap());
        let (code, _, err) = run(bin().args(args).arg(file).arg(&other));
        assert_no_panic(&err);
        assert_eq!(code, 2, "{args:?} {}: {err}", file.display());
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(err.contains(&format!("{name}: cannot write the")) && err.contains(reason), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(file).unwrap(), BOTH, "{args:?} changed {}", file.display());
        assert_eq!(names(file.parent().unwrap()), listing, "a temporary file was left behind");
        assert_ne!(std::fs::read_to_string(&other).unwrap(), BOTH, "the other file was not written");
    };

    // A read-only file: a rename would replace it regardless of its mode, so it is refused.
    let file = dir.join("mode.sql");
    std::fs::write(&file, BOTH).unwrap();
    let mut perms = std::fs::metadata(&file).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&file, perms).unwrap();
    assert_refused(&["format"], &file, "read-only");
    assert_refused(&["check", "--fix"], &file, "read-only");
    assert!(std::fs::metadata(&file).unwrap().permissions().readonly());

    // An immutable file (root) or a read-only one.
    let file = dir.join("immutable.sql");
    std::fs::write(&file, BOTH).unwrap();
    {
        let _guard = ReadOnly::new(&file);
        assert_refused(&["format"], &file, "read-only");
    }

    // A read-only (or immutable) directory: the temporary file cannot be created.
    let sub = dir.join("locked");
    std::fs::create_dir(&sub).unwrap();
    let file = sub.join("a.sql");
    std::fs::write(&file, BOTH).unwrap();
    {
        let _guard = ReadOnly::new(&sub);
        assert_refused(&["format"], &file, "(left unchanged)");
        assert_refused(&["check", "--fix"], &file, "(left unchanged)");
    }

    // A name so long that the temporary file's name is too long for the file system (255 bytes),
    // which stops root too.
    let file = dir.join(format!("{}.sql", "n".repeat(240)));
    std::fs::write(&file, BOTH).unwrap();
    assert_refused(&["format"], &file, "(left unchanged)");

    // A symbolic link is written through: its target is formatted, the link stays a link.
    let target = dir.join("target.sql");
    std::fs::write(&target, UGLY).unwrap();
    std::os::unix::fs::symlink("target.sql", dir.join("link.sql")).unwrap();
    let (code, _, err) = run(bin().arg("format").arg(dir.join("link.sql")));
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), PRETTY);
    assert!(std::fs::symlink_metadata(dir.join("link.sql")).unwrap().file_type().is_symlink());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The file vanishes between the read and the write (here a named pipe, unlinked once its
/// content is read, which makes the timing exact): it is not created again, the error says
/// so, exit 2.
#[cfg(target_os = "linux")]
#[test]
fn a_file_that_vanishes_before_it_is_written_is_not_created_again() {
    use std::os::unix::fs::OpenOptionsExt;
    const O_NONBLOCK: i32 = 0o4000; // Linux
    let dir = temp_dir("vanish");
    for command in [&["format"][..], &["check", "--fix"][..]] {
        let fifo = dir.join("gone.sql");
        let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(status.success());
        let mut child = bin().args(command).arg(&fifo).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // Open the writing end once the binary has opened the reading end.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        let mut writer = loop {
            match std::fs::OpenOptions::new().write(true).custom_flags(O_NONBLOCK).open(&fifo) {
                Ok(w) => break w,
                Err(_) if std::time::Instant::now() < deadline && child.try_wait().unwrap().is_none() => {
                    std::thread::sleep(std::time::Duration::from_millis(5))
                }
                Err(e) => {
                    let _ = child.kill();
                    panic!("{command:?}: the binary never opened {}: {e}: {:?}", fifo.display(), child.wait_with_output());
                }
            }
        };
        writer.write_all(BOTH.as_bytes()).unwrap();
        std::fs::remove_file(&fifo).unwrap();
        drop(writer);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(&err);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {err}");
        assert!(err.contains("gone.sql: cannot write the") && err.contains("the file is gone"), "{command:?}: {err}");
        assert!(names(&dir).is_empty(), "{command:?}: {:?}", names(&dir));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A directory where a file is expected: `--config` and `--existing-backends` say "is a
/// directory", exit 2; a directory named like a SQL file is searched like any directory.
#[test]
fn a_directory_where_a_file_is_expected() {
    let dir = temp_dir("dir-as-file");
    let sub = dir.join("looks-like.sql");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("inside.sql"), UGLY).unwrap();
    for flag in ["--config", "--existing-backends"] {
        let (code, _, err) = run(bin().arg("check").arg(flag).arg(&sub).arg(sub.join("inside.sql")));
        assert_no_panic(&err);
        assert_eq!(code, 2, "{flag}: {err}");
        assert!(err.contains("looks-like.sql") && err.contains("is a directory"), "{flag}: {err}");
    }
    let (code, _, err) = run(bin().arg("format").arg(&sub));
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(sub.join("inside.sql")).unwrap(), PRETTY);
    let _ = std::fs::remove_dir_all(&dir);
}
