//! `--output-format sarif`: SARIF 2.1.0, one run, the rule metadata from the registry, columns
//! in UTF-16 code units (`columnKind`), fixes as artifact changes, suppressed diagnostics as
//! results with an in-source suppression.

use serde_json::{json, Value};

use doris_lint::diagnostic::{Diagnostic, Severity};
use doris_lint::line_index::LineIndex;
use doris_lint::rules::{self, RULES};
use doris_lint::span::Span;

use super::{markdown, FileReport, INFORMATION_URI};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: `/` separators, everything but unreserved characters
/// percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(idx: &LineIndex, span: Span) -> Value {
    let s = idx.line_col_utf16(span.start);
    let e = idx.line_col_utf16(span.end);
    json!({ "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column })
}

fn result(uri: &str, idx: &LineIndex, d: &Diagnostic, suppression: Option<Option<&str>>) -> Value {
    let rule_index = RULES.iter().position(|r| r.meta().code == d.code);
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut r = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": region(idx, d.span),
            }
        }],
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if let Some(fix) = &d.fix {
        r["fixes"] = json!([{
            "description": { "text": fix.message },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": region(idx, e.span),
                    "insertedContent": { "text": e.insert },
                })).collect::<Vec<_>>(),
            }],
        }]);
        r["properties"] = json!({ "applicability": fix.applicability });
    }
    if let Some(reason) = suppression {
        let mut s = json!({ "kind": "inSource" });
        if let Some(reason) = reason {
            s["justification"] = json!(reason);
        }
        r["suppressions"] = json!([s]);
    }
    r
}

pub fn render(results: &[FileReport]) -> String {
    let rules_meta: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let m = r.meta();
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": m.summary },
                "help": { "text": m.explanation.trim(), "markdown": rules::explain(m) },
                "defaultConfiguration": {
                    "enabled": m.default_severity.is_some(),
                    "level": m.default_severity.map_or("warning", level),
                },
                "properties": { "fix": m.fix },
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut artifacts = Vec::new();
    for f in results {
        let idx = LineIndex::new(&f.input.text);
        let u = uri(&f.input.name);
        let mut artifact = json!({ "location": { "uri": u } });
        if let Some(blocks) = &f.blocks {
            artifact["properties"] = json!({ "markdown": blocks });
        }
        artifacts.push(artifact);
        all.extend(f.report.diagnostics.iter().map(|d| result(&u, &idx, d, None)));
        all.extend(f.report.suppressed.iter().map(|s| result(&u, &idx, &s.diagnostic, Some(s.reason.as_deref()))));
    }
    let mut run = json!({
        "tool": { "driver": {
            "name": "doris-lint",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": INFORMATION_URI,
            "rules": rules_meta,
        }},
        "artifacts": artifacts,
        "columnKind": "utf16CodeUnits",
        "results": all,
    });
    // Markdown documents: the run's totals (each document's own counts are on its artifact).
    if let Some((files, blocks)) = markdown::totals(results.iter().map(|f| f.blocks.as_ref())) {
        let mut totals = json!(blocks);
        totals["files"] = json!(files);
        run["properties"] = json!({ "markdown": totals });
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
