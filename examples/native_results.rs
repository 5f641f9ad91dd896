//! Native results for the cross-surface test (tests/js/corpus.test.mjs): reads a JSON Lines file
//! whose lines hold `{"sql": ..., "options"?: LintOptions, "format"?: FormatOptions}` and prints,
//! for each, what the native library gives: the diagnostics with *byte* spans (the JS test
//! converts them to UTF-16 itself, independently of `doris_lint::js`), the formatted text and
//! the output of `fix` (safe fixes).
//! With `-` it reads standard input.
//!
//!     cargo run --example native_results -- file.jsonl > native.json

use std::io::Read;

use serde_json::{json, Value};

use doris_lint::format::FormatOptions;
use doris_lint::options::LintOptions;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "-".into());
    let mut text = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(&path).map(|t| text = t)
    };
    if let Err(e) = read {
        eprintln!("native_results: cannot read {path}: {e}");
        std::process::exit(2);
    }
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let item: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("native_results: line {}: {e}", n + 1);
                std::process::exit(2);
            }
        };
        let sql = item["sql"].as_str().unwrap_or_default();
        let options: LintOptions = serde_json::from_value(item.get("options").cloned().unwrap_or(json!({})))
            .unwrap_or_else(|e| {
                eprintln!("native_results: line {}: options: {e}", n + 1);
                std::process::exit(2);
            });
        let diagnostics: Vec<Value> = doris_lint::lint(sql, &options)
            .iter()
            .map(|d| {
                json!({
                    "code": d.code,
                    "rule": d.rule,
                    "severity": d.severity,
                    "message": d.message,
                    "help": d.help,
                    "start": d.span.start,
                    "end": d.span.end,
                    "fix": d.fix.as_ref().map(|f| json!({
                        "message": f.message,
                        "applicability": f.applicability,
                        "edits": f.edits.iter().map(|e| json!({
                            "start": e.span.start, "end": e.span.end, "insert": e.insert,
                        })).collect::<Vec<_>>(),
                    })),
                })
            })
            .collect();
        let format: FormatOptions = serde_json::from_value(item.get("format").cloned().unwrap_or(json!({})))
            .unwrap_or_else(|e| {
                eprintln!("native_results: line {}: format: {e}", n + 1);
                std::process::exit(2);
            });
        let formatted = doris_lint::format::format(sql, &format);
        let fixed = doris_lint::fix::fix(sql, &options, false);
        let fixed_codes: Vec<&str> = fixed.applied.iter().map(|a| a.code).collect();
        out.push(json!({
            "sql": sql, "diagnostics": diagnostics, "formatted": formatted,
            "fixed": fixed.output, "fixed_codes": fixed_codes,
        }));
    }
    println!("{}", Value::Array(out));
}
