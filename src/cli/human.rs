//! Human output, like rustc and ruff: a header with severity, code, rule and message, the
//! source line with a caret underline, then help and the fix. Colour only on a terminal.

use std::fmt::Write as _;

use doris_lint::diagnostic::{Applicability, Diagnostic, Severity};
use doris_lint::line_index::LineIndex;

use super::{markdown, FileReport};

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

/// Lines longer than this (bytes) are shown cut around the span, so that many diagnostics on
/// one huge line do not print the whole line each time (output quadratic in the line length).
const LONG_LINE: usize = 240;
/// Characters of context kept on each side of the span in a cut line, and the most of the span
/// itself that is shown.
const CONTEXT: usize = 60;

fn chars_back(text: &str, at: usize, n: usize) -> usize {
    text[..at].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i)
}

fn chars_forward(text: &str, at: usize, n: usize) -> usize {
    text[at..].char_indices().nth(n).map_or(text.len(), |(i, _)| at + i)
}

/// The part of `line` to show for the span `col..end` (bytes into the line), with `…` where it
/// was cut, and the span's position in it.
fn excerpt(line: &str, col: usize, end: usize) -> (std::borrow::Cow<'_, str>, usize, usize) {
    if line.len() <= LONG_LINE {
        return (line.into(), col, end);
    }
    let from = chars_back(line, col, CONTEXT);
    let end = end.min(chars_forward(line, col, 2 * CONTEXT));
    let to = chars_forward(line, end, CONTEXT);
    let left = if from > 0 { "…" } else { "" };
    let right = if to < line.len() { "…" } else { "" };
    let shown = format!("{left}{}{right}", &line[from..to]);
    (shown.into(), left.len() + col - from, left.len() + end - from)
}

fn render_one(out: &mut String, p: &Paint, file: &str, idx: &LineIndex, d: &Diagnostic) {
    let start = idx.line_col_chars(d.span.start);
    let line = idx.line_of(d.span.start);
    let text = idx.line_text(line);
    let line_start = idx.line_start(line);
    let col_byte = (d.span.start - line_start).min(text.len());
    let end_byte = (d.span.end.saturating_sub(line_start)).clamp(col_byte, text.len());
    let (text, col_byte, end_byte) = excerpt(text, col_byte, end_byte);
    let text = text.as_ref();
    let underlined: usize = text[col_byte..end_byte].chars().map(width).sum();
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
            render_one(&mut out, &p, &input.name, &idx, d);
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
        markdown_note(&mut out, results);
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
    markdown_note(&mut out, results);
    out
}

/// The last line when Markdown documents were read: how many SQL blocks were linted and skipped.
fn markdown_note(out: &mut String, results: &[FileReport]) {
    if let Some((files, blocks)) = markdown::totals(results.iter().map(|f| f.blocks.as_ref())) {
        let _ = writeln!(out, "{}", markdown::summary(files, &blocks));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}X{}", "a".repeat(1000), "中".repeat(1000));
        let (shown, col, end) = excerpt(&line, 1000, 1001);
        assert_eq!(&shown[col..end], "X");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().count(), 2 * CONTEXT + 3);
        // A short line is shown whole.
        let (shown, col, end) = excerpt("ab", 1, 2);
        assert_eq!((shown.as_ref(), col, end), ("ab", 1, 2));
        // A span at the start of a long line, longer than the window.
        let (shown, col, end) = excerpt(&line, 0, line.len());
        assert_eq!(col, 0);
        assert_eq!(end - col, 2 * CONTEXT);
        assert!(shown.ends_with('…'));
    }
}
