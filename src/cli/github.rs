//! `--output-format github`: GitHub Actions workflow commands, one a line:
//! `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=D101 name::message`.

use std::fmt::Write as _;

use doris_lint::diagnostic::Severity;
use doris_lint::line_index::LineIndex;

use super::FileReport;

/// Escapes a message (data) per GitHub's rules.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: data escapes plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(results: &[FileReport]) -> String {
    let mut out = String::new();
    for f in results {
        let idx = LineIndex::new(&f.input.text);
        for d in &f.report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let s = idx.line_col_chars(d.span.start);
            let e = idx.line_col_chars(d.span.end);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&f.input.name),
                s.line,
                s.column,
                e.line,
                e.column,
                escape_property(&format!("{} {}", d.code, d.rule)),
                escape_data(&message)
            );
        }
    }
    out
}
