//! Lint reads a script a chunk of statements at a time (the rules carry what they follow across
//! statements, D109's addresses for one). Whatever the chunk size, the report must be the one of
//! the whole script in one piece: checked on every rule fixture, the real-statement corpus as one
//! script, and a generated benchmark script, with the options that turn on the rules that carry
//! state (D114, D115 read `existingBackends`) and with D902 (which needs the whole script).

use std::path::PathBuf;

use doris_lint::lint::lint_report_in_chunks;
use doris_lint::LintOptions;

#[path = "../examples/bench/gen.rs"]
#[allow(dead_code)]
mod gen;

fn report_json(source: &str, options: &LintOptions, chunk: usize) -> String {
    serde_json::to_string_pretty(&lint_report_in_chunks(source, options, chunk)).unwrap()
}

fn option_sets() -> Vec<(&'static str, LintOptions)> {
    let existing = LintOptions {
        existing_backends: Some(vec!["10.0.0.1:9050".into(), "Be1.example.com:9050".into(), "10001".into()]),
        ..LintOptions::default()
    };
    let mut d902 = LintOptions::default();
    d902.rules.insert("D902".into(), doris_lint::options::RuleLevel::Warning);
    let mut zh = existing.clone();
    zh.locale = doris_lint::options::Locale::ZhCn;
    vec![("default", LintOptions::default()), ("existing backends", existing), ("D902 on", d902), ("zh-CN", zh)]
}

fn assert_chunking_invisible(name: &str, source: &str) {
    for (label, options) in option_sets() {
        let whole = report_json(source, &options, usize::MAX);
        for chunk in [1, 2, 3, 7, 64] {
            let chunked = report_json(source, &options, chunk);
            assert!(
                whole == chunked,
                "{name} ({label}): the report with chunks of {chunk} segments differs from the whole script's\n--- whole\n{whole}\n--- chunked\n{chunked}"
            );
        }
    }
}

#[path = "support/sql_files.rs"]
mod sql_files;
use sql_files::sql_files;

#[test]
fn rule_fixtures() {
    let mut files = Vec::new();
    sql_files(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules"), &mut files);
    assert!(files.len() >= 80, "expected a valid and an invalid fixture per rule, found {} files", files.len());
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        assert_chunking_invisible(&file.display().to_string(), &source);
    }
}

#[test]
fn corpus_as_one_script() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real-statements.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("the real-statement corpus is missing: cannot read {} ({e}); it lives beside the clone in ../shared/corpus/", path.display())
    });
    let mut script = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let sql = row["sql"].as_str().expect("every corpus row has `sql`");
        script.push_str(sql);
        if !sql.trim_end().ends_with(';') {
            script.push(';');
        }
        script.push('\n');
    }
    assert!(script.len() > 1000, "the corpus gave an empty script: its field names changed?");
    assert_chunking_invisible("corpus", &script);
}

#[test]
fn generated_script() {
    let script = gen::script(60_000, 7);
    // Repeat it: every address of the second copy was added in the first (D109 across chunks).
    let script = format!("{script}\n{script}");
    assert_chunking_invisible("generated", &script);
}
