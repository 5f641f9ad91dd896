//! Human output, like rustc and ruff: a header with severity, code, rule and message, the
//! source line with a caret underline, then help and the fix. Colour only on a terminal.

use std::fmt::Write as _;

use doris_lint::diagnostic::{Applicability, Diagnostic, Severity};
use doris_lint::line_index::LineIndex;

use super::FileReport;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.wrap(code, s.as_str())
    }
    fn blue(&self, t: &str) -> String {
        self.wrap("1;34", t)
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
}

/// Columns a character takes in a terminal (East Asian wide characters and emoji take two).
fn width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if wide {
        2
    } else if c.is_control() && c != '\t' {
        0
    } else {
        1
    }
}

/// The padding that puts a caret under `prefix`'s end (tabs copied, so it lines up).
fn pad(prefix: &str) -> String {
    prefix.chars().map(|c| if c == '\t' { "\t".to_string() } else { " ".repeat(width(c)) }).collect()
}

fn render_one(out: &mut String, p: &Paint, file: &str, idx: &LineIndex, src: &str, d: &Diagnostic) {
    let start = idx.line_col_chars(d.span.start);
    let line = idx.line_of(d.span.start);
    let text = idx.line_text(line);
    let line_start = idx.line_start(line);
    let col_byte = (d.span.start - line_start).min(text.len());
    let end_byte = (d.span.end.saturating_sub(line_start)).clamp(col_byte, text.len());
    let underlined: usize = src[line_start + col_byte..line_start + end_byte].chars().map(width).sum();
    let carets = "^".repeat(underlined.max(1));
    let gutter = (line + 1).to_string();
    let blank = " ".repeat(gutter.len());

    let _ = writeln!(
        out,
        "{}{} {}: {}",
        p.severity(d.severity),
        p.bold(&format!("[{}]", d.code)),
        d.rule,
        p.bold(&d.message)
    );
    let _ = writeln!(out, "{blank}{} {file}:{}:{}", p.blue("-->"), start.line, start.column);
    let _ = writeln!(out, "{blank} {}", p.blue("|"));
    let _ = writeln!(out, "{} {} {text}", p.blue(&gutter), p.blue("|"));
    let caret_color = match d.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    };
    let _ = writeln!(out, "{blank} {} {}{}", p.blue("|"), pad(&text[..col_byte]), p.wrap(caret_color, &carets));
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{blank} {} {}: {help}", p.blue("="), p.bold("help"));
    }
    if let Some(fix) = &d.fix {
        let kind = match fix.applicability {
            Applicability::Safe => "fix",
            Applicability::Unsafe => "unsafe fix",
        };
        let _ = writeln!(out, "{blank} {} {}: {}", p.blue("="), p.bold(kind), fix.message);
    }
    out.push('\n');
}

pub fn render(results: &[FileReport], color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos, mut safe, mut unsafe_) = (0, 0, 0, 0, 0);
    for f in results {
        let (input, diags) = (&f.input, &f.report.diagnostics);
        let idx = LineIndex::new(&input.text);
        for d in diags {
            render_one(&mut out, &p, &input.name, &idx, &input.text, d);
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            match d.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => safe += 1,
                Some(Applicability::Unsafe) => unsafe_ += 1,
                None => {}
            }
        }
    }
    let total = errors + warnings + infos;
    let suppressed: usize = results.iter().map(|f| f.report.suppressed.len()).sum();
    let suppressed_note = if suppressed == 0 {
        String::new()
    } else {
        format!(" {suppressed} suppressed by doris-lint comments.")
    };
    if total == 0 {
        let files = results.len();
        let _ = writeln!(out, "All checks passed ({files} file{}).{suppressed_note}", if files == 1 { "" } else { "s" });
        return out;
    }
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "Found {} ({}, {}, {}).{suppressed_note}",
        plural(total, "problem"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "info")
    );
    if safe > 0 {
        let _ = writeln!(out, "{safe} fixable with `--fix`.");
    }
    if unsafe_ > 0 {
        let _ = writeln!(out, "{unsafe_} more with `--unsafe-fixes`.");
    }
    out
}
