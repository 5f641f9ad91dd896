//! Byte ranges into the source text. Everything inside the crate works in bytes; conversion to
//! UTF-16 and line/column happens only at the edges (see [`crate::line_index`]).

use serde::Serialize;

/// A half-open byte range `start..end` into the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Span {
        Span { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn shift(self, by: usize) -> Span {
        Span { start: self.start + by, end: self.end + by }
    }

    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The text of this span in `source`.
    pub fn text(self, source: &str) -> &str {
        &source[self.start..self.end]
    }
}
