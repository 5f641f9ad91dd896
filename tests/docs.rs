//! `docs/rules.md` is generated from the rule registry; this test fails when it is stale.
//! Regenerate with `UPDATE_DOCS=1 cargo test --test docs`.

use std::path::PathBuf;

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let generated = doris_lint::rules::docs_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/rules.md");
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md differs from the rule registry; regenerate it with `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn explain_text_is_in_the_docs() {
    let docs = doris_lint::rules::docs_markdown();
    for r in doris_lint::rules::RULES {
        assert!(docs.contains(&doris_lint::rules::explain(r.meta())), "{} missing", r.meta().code);
    }
}
