//! Option-dependent behaviour of the property, tag and safety rules.

use doris_lint::diagnostic::Severity;
use doris_lint::options::{LintOptions, Mode, RuleLevel};
use doris_lint::Diagnostic;

fn run(sql: &str, options: &LintOptions) -> Vec<Diagnostic> {
    doris_lint::lint(sql, options)
}

fn severities(diags: &[Diagnostic], code: &str) -> Vec<Severity> {
    diags.iter().filter(|d| d.code == code).map(|d| d.severity).collect()
}

#[test]
fn d201_severity_per_statement_kind() {
    let sql = r#"ALTER SYSTEM ADD BACKEND "h:9050" PROPERTIES ("location" = "g1");
ALTER SYSTEM MODIFY BACKEND "h:9050" SET ("location" = "g1");"#;
    let d = run(sql, &LintOptions::default());
    assert_eq!(severities(&d, "D201"), vec![Severity::Warning, Severity::Error]);
    let mut o = LintOptions::default();
    o.rules.insert("unknown-property".into(), RuleLevel::Warning);
    assert_eq!(severities(&run(sql, &o), "D201"), vec![Severity::Warning, Severity::Warning]);
    o.rules.insert("unknown-property".into(), RuleLevel::Info);
    assert_eq!(severities(&run(sql, &o), "D201"), vec![Severity::Info, Severity::Info]);
}

#[test]
fn d201_and_d202_never_share_a_key() {
    let sql = r#"ALTER SYSTEM ADD BACKEND "h:9050" PROPERTIES ("Tag.location" = "g1", `tag.location` = "g1", "tag.a.b" = "c", "tag." = "x", "location" = "y");
ALTER SYSTEM MODIFY BACKEND "h:9050" SET ("TAG.location" = "g1", "tag.location" = "g2", "locaton" = "z");"#;
    let d = run(sql, &LintOptions::default());
    for a in d.iter().filter(|d| d.code == "D201") {
        assert!(!d.iter().any(|b| b.code == "D202" && b.span == a.span), "D201 and D202 on {:?}", a.span);
    }
    assert_eq!(severities(&d, "D202").len(), 5);
    assert_eq!(severities(&d, "D201").len(), 2);
}

#[test]
fn d206_follows_enable_multi_tags_and_mode() {
    let sql = r#"ALTER SYSTEM MODIFY BACKEND "h:9050" SET ("tag.location" = "g1", "tag.compute" = "c1");"#;
    let mut o = LintOptions::default();
    assert_eq!(severities(&run(sql, &o), "D206"), vec![Severity::Warning]);
    o.enable_multi_tags = Some(false);
    assert_eq!(severities(&run(sql, &o), "D206"), vec![Severity::Error]);
    o.rules.insert("D206".into(), RuleLevel::Warning);
    assert_eq!(severities(&run(sql, &o), "D206"), vec![Severity::Warning]);
    o.enable_multi_tags = Some(true);
    assert!(severities(&run(sql, &o), "D206").is_empty());
    let decoupled = LintOptions { mode: Mode::Decoupled, ..LintOptions::default() };
    assert!(severities(&run(sql, &decoupled), "D206").is_empty());
}

#[test]
fn d207_quiet_in_auto_and_per_mode() {
    let sql = r#"ALTER SYSTEM ADD BACKEND "h:9050" PROPERTIES ("tag.location" = "g1");
ALTER SYSTEM ADD BACKEND "h:9051" PROPERTIES ("tag.compute_group_name" = "cg1");"#;
    assert!(severities(&run(sql, &LintOptions::default()), "D207").is_empty());
    let integrated = LintOptions { mode: Mode::Integrated, ..LintOptions::default() };
    let d = run(sql, &integrated);
    assert_eq!(d.iter().filter(|d| d.code == "D207").map(|d| d.span.start > sql.find('\n').unwrap()).collect::<Vec<_>>(), vec![true]);
    let decoupled = LintOptions { mode: Mode::Decoupled, ..LintOptions::default() };
    let d = run(sql, &decoupled);
    assert_eq!(d.iter().filter(|d| d.code == "D207").map(|d| d.span.start < sql.find('\n').unwrap()).collect::<Vec<_>>(), vec![true]);
}

#[test]
fn d211_versions() {
    let sql = r#"ALTER SYSTEM ADD BACKEND "h:9050" PROPERTIES ("tag.public_endpoint" = "1.2.3.4:8040", "tag.compute_group_name" = "cg");
ALTER SYSTEM RENAME COMPUTE GROUP a b;"#;
    let with = |v: Option<&str>| LintOptions { doris_version: v.map(String::from), ..LintOptions::default() };
    assert_eq!(severities(&run(sql, &with(None)), "D211").len(), 0);
    assert_eq!(severities(&run(sql, &with(Some("2.1"))), "D211").len(), 3);
    assert_eq!(severities(&run(sql, &with(Some("3.0.4"))), "D211").len(), 1);
    assert_eq!(severities(&run(sql, &with(Some("3.1"))), "D211").len(), 0);
    assert_eq!(severities(&run(sql, &with(Some("4.0"))), "D211").len(), 0);
    for garbled in ["", "latest", "3.x", "🙂", "999999999999999999999"] {
        assert_eq!(severities(&run(sql, &with(Some(garbled))), "D211").len(), 0, "{garbled}");
    }
}

#[test]
fn d301_quiet_in_decoupled_mode() {
    let sql = r#"ALTER SYSTEM DROP BACKEND "h:9050";"#;
    assert_eq!(severities(&run(sql, &LintOptions::default()), "D301"), vec![Severity::Error]);
    let decoupled = LintOptions { mode: Mode::Decoupled, ..LintOptions::default() };
    assert!(severities(&run(sql, &decoupled), "D301").is_empty());
}

#[test]
fn odd_inputs_do_not_panic() {
    let inputs = [
        "ALTER SYSTEM ADD BACKEND \"h:9050\" PROPERTIES (\"tä.x\" = \"é\", \"t\" = \"\", \"tag\" = 1, \"Tág.x\" = \"y\");",
        "ALTER SYSTEM MODIFY BACKEND \"h:9050\" SET (\"tag.位置\" = \"组\", \"disable_query\" = \"ｔｒｕｅ\", \"disable_load\" = \"\");",
        "ALTER SYSTEM ADD BROKER \"\" \"h:8000\"; ALTER SYSTEM DROP BROKER \":\" \"h:8000\";",
        "ALTER SYSTEM MODIFY FRONTEND \"h:9010\" HOSTNAME \"\";",
        "ALTER SYSTEM MODIFY BACKEND \"h:9050\" SET (\"tag.\" = \"\", \"tag..\" = \"\", `` = \"\");",
    ];
    let o = LintOptions { doris_version: Some("1.2".into()), ..LintOptions::default() };
    for sql in inputs {
        let _ = run(sql, &o);
        let _ = run(sql, &LintOptions::default());
    }
}
