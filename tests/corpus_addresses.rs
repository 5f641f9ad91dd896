//! The address rules against the real-statement corpus (`../shared/corpus/real-statements.jsonl`,
//! read at run time, never copied): with default options no `lint_verdict: ok` statement gets an
//! error from D101–D115 / D208, and every `error` statement whose note describes an address
//! problem gets the code of that problem.

use doris_lint::{lint, LintOptions, Severity};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/real-statements.jsonl");

const OURS: &[&str] = &[
    "D101", "D102", "D103", "D104", "D105", "D106", "D107", "D108", "D109", "D110", "D111", "D112", "D113", "D114",
    "D115", "D208",
];

/// The code an `error` statement's note asks for, when it describes an address problem.
fn expected_code(note: &str) -> Option<&'static str> {
    let n = note.to_ascii_lowercase();
    if n.contains("several host:port pairs inside one string literal") {
        Some("D101")
    } else if n.contains("placeholder") {
        Some("D107")
    } else {
        None
    }
}

#[test]
fn address_rules_agree_with_the_corpus() {
    let text = std::fs::read_to_string(CORPUS)
        .unwrap_or_else(|e| panic!("the corpus {CORPUS} is missing ({e}); it lives in the shared folder next to the crate"));
    let options = LintOptions::default();
    let (mut ok_checked, mut expected_checked, mut fired_total) = (0, 0, 0);
    let mut failures = Vec::new();
    let mut by_code: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", n + 1));
        let sql = row["sql"].as_str().unwrap_or_default();
        let verdict = row["lint_verdict"].as_str().unwrap_or_default();
        let note = row["note"].as_str().unwrap_or_default();
        let diags = lint(sql, &options);
        let ours: Vec<_> = diags.iter().filter(|d| OURS.contains(&d.code)).collect();
        fired_total += ours.len();
        for d in &ours {
            *by_code.entry(d.code).or_default() += 1;
        }
        match verdict {
            "ok" => {
                ok_checked += 1;
                for d in ours.iter().filter(|d| d.severity == Severity::Error) {
                    failures.push(format!("line {}: ok statement got {} {}: {sql}", n + 1, d.code, d.message));
                }
            }
            "error" => {
                if let Some(code) = expected_code(note) {
                    expected_checked += 1;
                    if !ours.iter().any(|d| d.code == code) {
                        let got: Vec<_> = diags.iter().map(|d| d.code).collect();
                        failures.push(format!("line {}: expected {code}, got {got:?}: {sql}", n + 1));
                    }
                }
            }
            _ => {}
        }
    }
    println!(
        "corpus: {ok_checked} ok statements free of address errors, {expected_checked} address-error statements checked, {fired_total} address diagnostics in all"
    );
    println!("address diagnostics by code: {by_code:?}");
    assert!(failures.is_empty(), "{} corpus disagreements:\n{}", failures.len(), failures.join("\n"));
}

/// Odd literals never make an address rule panic, and every fix edit lands on char boundaries.
#[test]
fn odd_literals_do_not_panic() {
    let literals = [
        "", " ", ":", "::", "[", "]", "[]", "[]:", "[:]:1", "é:é", "机器:９０５０", "[é]:1", "%", "$", "{", "}",
        "a\\\"b:1", "h1:1,,h2:2", ",", ";", "h:1;", "\u{3000}h:1", "h:1\t", "[::1]:9050,[::2]:9050",
        "9223372036854775808", "-", "+", "h:+", "h:-0", "h:٣",
    ];
    let kinds = ["ADD BACKEND", "DROPP BACKEND", "DECOMMISSION BACKEND", "ADD FOLLOWER", "ADD BROKER b", "MODIFY BACKEND"];
    let options = LintOptions { existing_backends: Some(vec!["h:1".into(), "1".into()]), ..LintOptions::default() };
    for lit in literals {
        for kind in kinds {
            for q in ['"', '\''] {
                let sql = format!("ALTER SYSTEM {kind} {q}{lit}{q}, {q}{lit}{q};\nCANCEL DECOMMISSION BACKEND {q}{lit}{q};\nALTER SYSTEM MODIFY FRONTEND {q}{lit}{q} HOSTNAME {q}{lit}{q};\nALTER SYSTEM ADD BACKEND \"h:1\" PROPERTIES (\"tag.public_endpoint\" = {q}{lit}{q});");
                for d in lint(&sql, &options) {
                    assert!(sql.is_char_boundary(d.span.start) && sql.is_char_boundary(d.span.end), "{sql}");
                    for e in d.fix.iter().flat_map(|f| &f.edits) {
                        assert!(sql.is_char_boundary(e.span.start) && sql.is_char_boundary(e.span.end), "{sql}");
                    }
                }
            }
        }
    }
}
