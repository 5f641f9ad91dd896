//! The formatter prints a statement without comments (or with comments only on lines above it)
//! as its tokens are taken from its tree, without the document and the printer (`Direct` in
//! `src/format/mod.rs`): flat, its lines turned into newlines afterwards if it breaks, and runs
//! of tokens that print their source text copied at once. That shortcut must print exactly what
//! the document path prints: checked here on every fixture, the real-statement corpus (each statement alone
//! and all as one script) and generated benchmark scripts, under every option set of the
//! invariants, a spread of mixed option sets, and every line width around the statements'
//! lengths.

use std::path::{Path, PathBuf};

use doris_lint::format::{format, format_through_document, FormatOptions};
use doris_lint::invariants::{format_option_sets, format_options};

#[path = "../examples/bench/gen.rs"]
#[allow(dead_code)]
mod gen;

fn sql_files(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sql_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "sql") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/real-statements.jsonl");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the corpus is missing: cannot read {path} ({e}); it lives in ../shared/corpus next to the crate"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["sql"].as_str().unwrap().to_string())
        .collect()
}

/// (name, script): the fixtures, the corpus and generated scripts.
fn inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    sql_files(&PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")), &mut out);
    assert!(out.len() > 20, "fixtures not found");
    let corpus = corpus();
    assert!(corpus.len() > 100);
    let mut script = String::new();
    for (i, sql) in corpus.into_iter().enumerate() {
        script.push_str(&sql);
        script.push_str(if sql.trim_end().ends_with(';') { "\n" } else { "\n;\n" });
        out.push((format!("corpus #{i}"), sql));
    }
    out.push(("the corpus as one script".into(), script));
    for seed in 1..=3 {
        out.push((format!("generated script, seed {seed}"), gen::script(40_000, seed)));
    }
    out
}

fn assert_same(name: &str, src: &str, options: &FormatOptions) {
    let direct = format(src, options);
    let reference = format_through_document(src, options);
    if direct != reference {
        let line = direct.lines().zip(reference.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name}: the direct path differs from the document path at output line {}\n  direct:   {:?}\n  document: {:?}\noptions: {options:?}",
            line + 1,
            direct.lines().nth(line),
            reference.lines().nth(line),
        );
    }
}

#[test]
fn direct_path_prints_what_the_document_path_prints() {
    let inputs = inputs();
    let mut options: Vec<FormatOptions> = format_option_sets().into_iter().map(|(_, o)| o).collect();
    // Mixed sets (every third pick of `format_options` is a mix).
    options.extend((0..648).step_by(5).map(|bits| format_options(bits * 3)));
    for (name, src) in &inputs {
        for o in &options {
            assert_same(name, src, o);
        }
    }
}

#[test]
fn direct_path_breaks_at_the_same_widths() {
    // Every width up to beyond the longest generated statement: each statement is printed at
    // the width where it just fits and the one where it just does not.
    let mut scripts: Vec<(String, String)> = vec![("generated".into(), gen::script(12_000, 7))];
    scripts.push(("corpus".into(), corpus().join("\n;\n")));
    for (name, src) in &scripts {
        for width in 0..=160 {
            for o in [format_options(1), format_options(3 * 81), format_options(3 * 17)] {
                assert_same(name, src, &FormatOptions { line_width: width, ..o });
            }
        }
    }
}
