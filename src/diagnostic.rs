//! The diagnostic model (product.md §2). Spans are bytes here; [`crate::line_index`] converts
//! them at the edges.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix can be applied without asking (ruff's terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The meaning cannot change: applied by `--fix` and in editors without asking.
    Safe,
    /// A guess: offered as a suggestion, applied only with `--unsafe-fixes` or by a click.
    Unsafe,
}

/// Replace the bytes of `span` with `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub insert: String,
}

impl Edit {
    pub fn replace(span: Span, insert: impl Into<String>) -> Edit {
        Edit { span, insert: insert.into() }
    }

    pub fn insert(at: usize, insert: impl Into<String>) -> Edit {
        Edit { span: Span::empty(at), insert: insert.into() }
    }

    pub fn delete(span: Span) -> Edit {
        Edit { span, insert: String::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Constant texts are borrowed: most fixes' messages are.
    pub message: Cow<'static, str>,
    pub applicability: Applicability,
    /// Non-overlapping edits, sorted by position.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, message: impl Into<Cow<'static, str>>, mut edits: Vec<Edit>) -> Fix {
        crate::sort::sort_by_key(&mut edits, |e| (e.span.start, e.span.end));
        Fix { message: message.into(), applicability, edits }
    }

    pub fn safe(message: impl Into<Cow<'static, str>>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Safe, message, edits)
    }

    pub fn unsafe_(message: impl Into<Cow<'static, str>>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Unsafe, message, edits)
    }

    /// The range of source this fix touches.
    pub fn span(&self) -> Option<Span> {
        let first = self.edits.first()?.span;
        Some(self.edits.iter().fold(first, |acc, e| acc.cover(e.span)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    /// In the requested locale; quotes the offending text.
    pub message: String,
    /// What to write instead (constant texts are borrowed: most help texts are).
    pub help: Option<Cow<'static, str>>,
    pub span: Span,
    /// Boxed: most diagnostics have none, and the list of diagnostics is the bulk of a lint
    /// run's memory.
    pub fix: Option<Box<Fix>>,
}

impl Diagnostic {
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(Box::new(fix));
        self
    }
}

/// Applies non-overlapping, sorted edits to `src`.
pub fn apply_edits(src: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for e in edits {
        if e.span.start < at {
            continue;
        }
        out.push_str(&src[at..e.span.start]);
        out.push_str(&e.insert);
        at = e.span.end;
    }
    out.push_str(&src[at..]);
    out
}
