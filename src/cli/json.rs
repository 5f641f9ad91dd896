//! `--output-format json`: byte offsets and 1-based line/column (columns in Unicode scalar
//! values), so tools in any language can use it.

use serde_json::{json, Value};

use doris_lint::diagnostic::Diagnostic;
use doris_lint::line_index::LineIndex;
use doris_lint::span::Span;

use super::FileReport;

fn range(idx: &LineIndex, span: Span) -> Value {
    json!({
        "offset": { "start": span.start, "end": span.end },
        "start": idx.line_col_chars(span.start),
        "end": idx.line_col_chars(span.end),
    })
}

pub fn diagnostic_value(file: &str, idx: &LineIndex, d: &Diagnostic) -> Value {
    let r = range(idx, d.span);
    json!({
        "file": file,
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "help": d.help,
        "offset": r["offset"],
        "start": r["start"],
        "end": r["end"],
        "fix": d.fix.as_ref().map(|f| json!({
            "message": f.message,
            "applicability": f.applicability,
            "edits": f.edits.iter().map(|e| {
                let r = range(idx, e.span);
                json!({ "offset": r["offset"], "start": r["start"], "end": r["end"], "insert": e.insert })
            }).collect::<Vec<_>>(),
        })),
    })
}

/// Every diagnostic, then every suppressed one (those carry `"suppressed": {"reason": ...}`).
pub fn render(results: &[FileReport]) -> String {
    let mut all = Vec::new();
    for f in results {
        let idx = LineIndex::new(&f.input.text);
        all.extend(f.report.diagnostics.iter().map(|d| diagnostic_value(&f.input.name, &idx, d)));
        all.extend(f.report.suppressed.iter().map(|s| {
            let mut v = diagnostic_value(&f.input.name, &idx, &s.diagnostic);
            v["suppressed"] = json!({ "reason": s.reason });
            v
        }));
    }
    let mut s = serde_json::to_string_pretty(&Value::Array(all)).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
