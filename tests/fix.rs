//! The fix engine on the real-statement corpus: with safe and with unsafe fixes, fixing
//! converges, never raises the number of errors, and a second run changes nothing.

use doris_lint::invariants::check_fix;
use doris_lint::options::LintOptions;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/real-statements.jsonl");

fn corpus() -> Vec<String> {
    let text = std::fs::read_to_string(CORPUS)
        .unwrap_or_else(|e| panic!("the real-statement corpus is missing at {CORPUS}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            v["sql"].as_str().expect("corpus line has sql").to_string()
        })
        .collect()
}

/// `doris_lint::invariants::check_fix` (shared with the fuzz target and the robustness property
/// tests): converges within the round limit, never raises the number of errors, a second run
/// changes nothing.
#[test]
fn fixing_the_corpus_converges_and_never_makes_it_worse() {
    let options = LintOptions::default();
    let sqls = corpus();
    assert!(!sqls.is_empty());
    for unsafe_fixes in [false, true] {
        for sql in &sqls {
            check_fix(sql, &options, unsafe_fixes);
        }
        let script = sqls.iter().map(|s| format!("{s};\n")).collect::<String>();
        check_fix(&script, &options, unsafe_fixes);
    }
}
