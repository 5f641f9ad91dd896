//! The real-statement corpus against the property, tag and operational-safety rules (D2, D3).
//!
//! With default options: no `lint_verdict: ok` statement may get an error from these rules, and
//! every `error` statement whose note describes a property / tag / safety problem must get the
//! rule that note describes. The corpus lives outside the project and is read at run time.

use std::collections::BTreeMap;

use doris_lint::diagnostic::Severity;
use doris_lint::options::LintOptions;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/real-statements.jsonl");

/// Note fragments (the problem Doris reports) → the rule that must fire.
const NOTE_TO_CODE: &[(&str, &str)] = &[
    ("Backend must have location type tag", "D209"),
    ("NOT RECOMMENDED to use DROP BACKEND", "D301"),
    ("plain DROP BACKEND is refused", "D301"),
    ("Multiple entries with same key", "D205"),
    ("Invalid tag type format", "D203"),
    ("Invalid tag value format", "D204"),
    ("unknown properties setting", "D201"),
    ("Not support multi tags", "D206"),
    ("broker name missing", "D304"),
    ("broker name left out", "D304"),
];

fn mine(code: &str) -> bool {
    code.starts_with("D2") || code.starts_with("D3")
}

#[test]
fn corpus_properties_and_safety() {
    let text = match std::fs::read_to_string(CORPUS) {
        Ok(t) => t,
        Err(e) => panic!("the corpus {CORPUS} is missing ({e}); this test needs /work/shared/corpus/real-statements.jsonl"),
    };
    let options = LintOptions::default();
    let mut ok_checked = 0;
    let mut ok_findings: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors_expected = 0;
    let mut errors_matched = 0;
    let mut failures = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", n + 1));
        let sql = entry["sql"].as_str().unwrap_or_default();
        let verdict = entry["lint_verdict"].as_str().unwrap_or_default();
        let note = entry["note"].as_str().unwrap_or_default();
        let diags = doris_lint::lint(sql, &options);
        match verdict {
            "ok" => {
                ok_checked += 1;
                for d in diags.iter().filter(|d| mine(d.code)) {
                    *ok_findings.entry(format!("{} {}", d.code, d.severity.as_str())).or_default() += 1;
                    if d.severity == Severity::Error {
                        failures.push(format!("line {}: ok statement got {} error: {}\n  {sql}", n + 1, d.code, d.message));
                    }
                }
            }
            "error" => {
                for (fragment, code) in NOTE_TO_CODE {
                    if !note.contains(fragment) {
                        continue;
                    }
                    errors_expected += 1;
                    if diags.iter().any(|d| d.code == *code) {
                        errors_matched += 1;
                    } else {
                        let got: Vec<_> = diags.iter().map(|d| d.code).collect();
                        failures.push(format!("line {}: expected {code} (note: {fragment}), got {got:?}\n  {sql}", n + 1));
                    }
                    break;
                }
            }
            _ => {}
        }
    }
    println!("ok statements checked: {ok_checked}");
    println!("D2/D3 findings on ok statements (none may be an error): {ok_findings:?}");
    println!("error statements whose note is a D2/D3 problem: {errors_expected}, given the right code: {errors_matched}");
    assert!(failures.is_empty(), "{} corpus failures:\n{}", failures.len(), failures.join("\n"));
    assert!(errors_expected >= 2, "expected the corpus to hold D209 and D301 cases, found {errors_expected}");
}

/// A large property list: the D2 rules stay linear (no per-item scans, bounded message sizes).
#[test]
fn large_property_list() {
    let n = 2_000;
    let mut sql = String::from("ALTER SYSTEM MODIFY BACKEND \"10.0.0.1:9050\" SET (");
    for i in 0..n {
        if i > 0 {
            sql.push_str(", ");
        }
        // Unknown keys, tags, duplicates and bad values mixed.
        match i % 4 {
            0 => sql.push_str(&format!("\"key{i}\" = \"v\"")),
            1 => sql.push_str(&format!("\"tag.t{i}\" = \"g-{i}\"")),
            2 => sql.push_str("\"disable_query\" = \"yes\""),
            _ => sql.push_str(&format!("\"Tag.x{i}\" = \"v\"")),
        }
    }
    sql.push_str(");");
    let start = std::time::Instant::now();
    let diags = doris_lint::lint(&sql, &LintOptions::default());
    let elapsed = start.elapsed();
    let count = |code: &str| diags.iter().filter(|d| d.code == code).count();
    println!("{n} properties linted in {elapsed:?}, {} diagnostics", diags.len());
    assert_eq!(count("D201"), n / 4);
    assert_eq!(count("D202"), n / 4);
    assert_eq!(count("D204"), n / 4);
    assert_eq!(count("D205"), n / 4 - 1);
    assert_eq!(count("D209"), 1);
    assert_eq!(count("D206"), 1);
}
