//! The `doris-lint` binary: options and config files, --fix, output formats.

use std::path::Path;
use std::process::Output;

#[path = "support/cli.rs"]
mod support;
use support::{run, sarif_validator, write};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const HASH: &str = "# legacy comment\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n";
const RAW: &str = "ALTER SYSTEM ADD BACKEND R'10.0.0.2:9050';\n";

fn json(o: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn codes(o: &Output) -> Vec<String> {
    json(o).iter().filter(|d| d.get("suppressed").is_none()).map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn config_is_found_by_walking_up() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("proj/doris-lint.toml"), "[lint.rules]\nhash-comment = \"off\"\n");
    write(&t.path().join("proj/sql/deep/a.sql"), HASH);
    write(&t.path().join("other/a.sql"), HASH);
    let o = run(t.path(), &["check", "--output-format", "json", "proj/sql/deep/a.sql", "other/a.sql"], None);
    let files: Vec<String> = json(&o).iter().map(|d| d["file"].as_str().unwrap().to_string()).collect();
    assert_eq!(files, vec!["other/a.sql"], "{}", stderr(&o));
    // Standard input: from the working directory.
    let o = run(&t.path().join("proj/sql"), &["check", "--output-format", "json", "-"], Some(HASH));
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(codes(&o).is_empty());
}

#[test]
fn explicit_config_wins_over_the_found_one() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("doris-lint.toml"), "[lint.rules]\nD004 = \"off\"\n");
    write(&t.path().join("strict.toml"), "[lint.rules]\nD004 = \"warning\"\n[format]\nlineWidth = 100\nwhatever = \"is passed through\"\n");
    write(&t.path().join("a.sql"), HASH);
    let o = run(t.path(), &["check", "--output-format", "json", "--config", "strict.toml", "a.sql"], None);
    let v = json(&o);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["severity"], "warning");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn bad_config_names_the_key_and_the_file() {
    let cases = [
        ("[lint]\nmodee = \"auto\"\n", "modee"),
        ("[lint]\nmode = \"cloud\"\n", "mode"),
        ("[lint]\ndorisVersion = \"three\"\n", "dorisVersion"),
        ("[lint]\nports = { heartbeat = 0 }\n", "ports.heartbeat"),
        ("[lint]\nports = { heartbeat = 70000 }\n", "heartbeat"),
        ("[lint.rules]\nD0O4 = \"off\"\n", "rules.D0O4"),
        ("[lint.rules]\nD004 = \"loud\"\n", "D004"),
        ("[lnt]\n", "lnt"),
    ];
    for (text, key) in cases {
        let t = tempfile::tempdir().unwrap();
        write(&t.path().join("doris-lint.toml"), text);
        write(&t.path().join("a.sql"), RAW);
        let o = run(t.path(), &["check", "a.sql"], None);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{text}: {err}");
        assert!(err.contains("doris-lint.toml") && err.contains(key), "{text}: {err}");
    }
}

#[test]
fn flags_override_the_config() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("doris-lint.toml"), "[lint]\nlocale = \"en\"\n[lint.rules]\nD004 = \"error\"\n");
    write(&t.path().join("a.sql"), &format!("{HASH}{RAW}"));
    let o = run(t.path(), &["check", "--output-format", "json", "a.sql"], None);
    assert_eq!(codes(&o), vec!["D004", "D012"]);
    let o = run(t.path(), &["check", "--output-format", "json", "--ignore", "D004", "a.sql"], None);
    assert_eq!(codes(&o), vec!["D012"]);
    let o = run(t.path(), &["check", "--output-format", "json", "--select", "hash-comment", "a.sql"], None);
    assert_eq!(codes(&o), vec!["D004"]);
    let o = run(t.path(), &["check", "--output-format", "json", "--select", "D0", "--ignore", "D01", "a.sql"], None);
    assert_eq!(codes(&o), vec!["D004"]);
    let o = run(t.path(), &["check", "--output-format", "json", "--locale", "zh-CN", "a.sql"], None);
    assert!(json(&o)[0]["message"].as_str().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    let o = run(t.path(), &["check", "--select", "D7", "a.sql"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--select"), "{}", stderr(&o));
    let o = run(t.path(), &["check", "--doris-version", "three", "a.sql"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = run(t.path(), &["check", "--mode", "integrated", "--enable-multi-tags", "--doris-version", "3.0", "a.sql"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn existing_backends_file_is_read() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("backends.txt"), "10.0.0.1:9050\n10.0.0.2:9050\n");
    write(&t.path().join("a.sql"), RAW);
    let o = run(t.path(), &["check", "--existing-backends", "backends.txt", "a.sql"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = run(t.path(), &["check", "--existing-backends", "missing.txt", "a.sql"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt"));
}

#[test]
fn suppressed_diagnostics_carry_their_reason_in_json() {
    let t = tempfile::tempdir().unwrap();
    let src = format!("-- doris-lint: ignore D004 -- old runbook\n{HASH}");
    let o = run(t.path(), &["check", "--output-format", "json", "-"], Some(&src));
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["suppressed"]["reason"], "old runbook");
}

#[cfg(unix)]
fn identity(p: &Path) -> (u64, std::time::SystemTime) {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(p).unwrap();
    (m.ino(), m.modified().unwrap())
}

#[test]
#[cfg(unix)]
fn fix_rewrites_atomically_and_leaves_clean_files_alone() {
    let t = tempfile::tempdir().unwrap();
    let dirty = write(&t.path().join("dirty.sql"), &format!("{HASH}{RAW}"));
    let clean = write(&t.path().join("clean.sql"), "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n");
    let before_dirty = identity(&dirty);
    let before_clean = identity(&clean);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let o = run(t.path(), &["check", "--fix", "dirty.sql", "clean.sql"], None);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("Fixed 2 problems in dirty.sql"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&dirty).unwrap(), "-- legacy comment\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\nALTER SYSTEM ADD BACKEND \"10.0.0.2:9050\";\n");
    // Replaced by a rename (new inode), and no temporary file left behind.
    assert_ne!(identity(&dirty).0, before_dirty.0);
    assert_eq!(identity(&clean), before_clean);
    let names: Vec<_> = std::fs::read_dir(t.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // Nothing left to fix: untouched.
    let after = identity(&dirty);
    let o = run(t.path(), &["check", "--fix", "dirty.sql"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(identity(&dirty), after);
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let t = tempfile::tempdir().unwrap();
    let src = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050;\n";
    let f = write(&t.path().join("a.sql"), src);
    let o = run(t.path(), &["check", "--fix", "a.sql"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), src);
    let o = run(t.path(), &["check", "--unsafe-fixes", "a.sql"], None);
    assert_ne!(std::fs::read_to_string(&f).unwrap(), src, "{}", stderr(&o));
}

#[test]
fn fix_on_stdin_writes_the_fixed_text_to_stdout() {
    let t = tempfile::tempdir().unwrap();
    let o = run(t.path(), &["check", "--fix", "-"], Some(HASH));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), HASH.replacen('#', "--", 1));
    assert!(stderr(&o).contains("Fixed 1 problem in <stdin>"), "{}", stderr(&o));
    // Nothing to fix: the text comes back unchanged.
    let o = run(t.path(), &["check", "--fix", "-"], Some(RAW));
    assert_eq!(stdout(&o), "ALTER SYSTEM ADD BACKEND \"10.0.0.2:9050\";\n");
    let o = run(t.path(), &["check", "--fix", "-"], Some("SELECT 1;\n"));
    assert_eq!(stdout(&o), "SELECT 1;\n");
}

const MIXED: &str = "-- 中文😀 comment\r\nALTER SYSTEM ADD BACKEND R'10.0.0.1:9050'；\n# x\nALTER SYSTEM ADD BACKEND \"h:9050\";\n-- doris-lint: ignore D012 -- reason, with: punctuation\nALTER SYSTEM ADD BACKEND R'h:1';\n";

fn sarif_of(src: &str, name: &str) -> serde_json::Value {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join(name), src);
    let o = run(t.path(), &["check", "--output-format", "sarif", name], None);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)))
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let validator = sarif_validator();
    let log = sarif_of(MIXED, "dir with space/a.sql");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "doris-lint");
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let results = run["results"].as_array().unwrap();
    let d005 = results.iter().find(|r| r["ruleId"] == "D005").unwrap();
    let region = &d005["locations"][0]["physicalLocation"]["region"];
    // `R'10.0.0.1:9050'；` on line 2: the `；` is the 42nd character.
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(2), Some(42)));
    assert_eq!(d005["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "dir%20with%20space/a.sql");
    assert!(d005["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == ";");
    let suppressed = results.iter().find(|r| r.get("suppressions").is_some()).unwrap();
    assert_eq!(suppressed["suppressions"][0]["justification"], "reason, with: punctuation");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), doris_lint::rules::RULES.len());
    assert!(rules[0]["help"]["text"].as_str().unwrap().len() > 20);
}

#[test]
fn the_sarif_check_rejects_invalid_logs() {
    let validator = sarif_validator();
    let mut log = sarif_of(MIXED, "a.sql");
    assert!(validator.is_valid(&log));
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&log));
    let mut log = sarif_of(MIXED, "a.sql");
    log["runs"][0]["tool"]["driver"].as_object_mut().unwrap().remove("name");
    assert!(!validator.is_valid(&log));
    let mut log = sarif_of(MIXED, "a.sql");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert!(!validator.is_valid(&log));
}

#[test]
fn github_output() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("a,b:c.sql"), "ALTER SYSTEM ADD BACKEND R'h:9050'；\n");
    let o = run(t.path(), &["check", "--output-format", "github", "a,b:c.sql"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("::warning file=a%2Cb%3Ac.sql,line=1,col=26,endLine=1,endColumn=35,title=D012 raw-string::"), "{}", lines[0]);
    assert!(lines[1].starts_with("::error file=a%2Cb%3Ac.sql,line=1,col=35,endLine=1,endColumn=36,title=D005 fullwidth-punctuation::"), "{}", lines[1]);
    assert!(lines[1].contains("%0Ahelp: "), "{}", lines[1]);
}

#[test]
fn json_output_snapshot() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("a.sql"), MIXED);
    let o = run(t.path(), &["check", "--output-format", "json", "a.sql"], None);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    insta::assert_json_snapshot!("check_json", v);
}

#[test]
fn explain_prints_the_docs_section() {
    let t = tempfile::tempdir().unwrap();
    let o = run(t.path(), &["explain", "hash-comment"], None);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("## D004 hash-comment"));
    assert!(doris_lint::rules::docs_markdown().contains(&text));
    let o = run(t.path(), &["explain", "D0000"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn human_output_counts_suppressed_diagnostics() {
    let t = tempfile::tempdir().unwrap();
    let src = format!("-- doris-lint: ignore D004\n{HASH}");
    let o = run(t.path(), &["check", "-"], Some(&src));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "All checks passed (1 file). 1 suppressed by doris-lint comments.\n");
}
