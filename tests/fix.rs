//! The fix engine on the real-statement corpus: with safe and with unsafe fixes, fixing
//! converges, never raises the number of errors, and a second run changes nothing.

use doris_lint::diagnostic::Severity;
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

#[test]
fn fixing_the_corpus_converges_and_never_makes_it_worse() {
    let options = LintOptions::default();
    let sqls = corpus();
    assert!(!sqls.is_empty());
    for unsafe_fixes in [false, true] {
        for sql in &sqls {
            let before = doris_lint::lint(sql, &options).iter().filter(|d| d.severity == Severity::Error).count();
            let r = doris_lint::fix(sql, &options, unsafe_fixes);
            assert!(r.converged, "did not converge: {sql:?} -> {:?}", r.output);
            let after = r.remaining.iter().filter(|d| d.severity == Severity::Error).count();
            assert!(after <= before, "{sql:?} -> {:?}: {before} -> {after} errors", r.output);
            let again = doris_lint::fix(&r.output, &options, unsafe_fixes);
            assert_eq!(again.output, r.output, "not stable: {sql:?}");
        }
        let script = sqls.iter().map(|s| format!("{s};\n")).collect::<String>();
        let r = doris_lint::fix(&script, &options, unsafe_fixes);
        assert!(r.converged);
        assert!(r.rounds <= doris_lint::fix::MAX_ROUNDS);
    }
}
