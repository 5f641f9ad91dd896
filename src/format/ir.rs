//! A small document IR in the style of Wadler's "prettier printer" (as used by Prettier, Biome
//! and dprint). It knows nothing about SQL: [`crate::format`] expresses the layout in it and
//! [`super::printer`] turns it into text for a given line width.

/// What a [`Doc::Line`] prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A space when the enclosing group is flat, a newline when it is broken.
    Soft,
    /// Nothing when the enclosing group is flat, a newline when it is broken.
    SoftEmpty,
    /// Always a newline; breaks every enclosing group.
    Hard,
}

/// A document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doc {
    Nil,
    /// Literal text. It should not contain a newline, except verbatim text such as a multi-line
    /// block comment (the printer then resets its column, and the builder adds a
    /// [`Doc::BreakParent`]).
    Text(String),
    Line(LineKind),
    Concat(Vec<Doc>),
    /// Printed flat (every soft line a space or nothing) when it fits in the remaining width,
    /// otherwise broken (every soft line a newline). `should_break` forces the broken mode; it is
    /// also set by [`propagate_breaks`] on every group that contains a hard line.
    Group { contents: Box<Doc>, should_break: bool },
    /// Newlines inside get one more level of indentation.
    Indent(Box<Doc>),
    /// `breaks` when the enclosing group is broken, `flat` otherwise.
    IfBreak { breaks: Box<Doc>, flat: Box<Doc> },
    /// Text held back until just before the next newline (or the end of the document): trailing
    /// comments. It does not count in the width measurement.
    LineSuffix(String),
    /// Forces every enclosing group to break.
    BreakParent,
}

pub fn nil() -> Doc {
    Doc::Nil
}

pub fn text(s: impl Into<String>) -> Doc {
    Doc::Text(s.into())
}

/// A space or a newline.
pub fn line() -> Doc {
    Doc::Line(LineKind::Soft)
}

/// Nothing or a newline.
pub fn softline() -> Doc {
    Doc::Line(LineKind::SoftEmpty)
}

pub fn hardline() -> Doc {
    Doc::Line(LineKind::Hard)
}

pub fn concat(docs: Vec<Doc>) -> Doc {
    Doc::Concat(docs)
}

pub fn group(contents: Doc) -> Doc {
    Doc::Group { contents: Box::new(contents), should_break: false }
}

pub fn indent(contents: Doc) -> Doc {
    Doc::Indent(Box::new(contents))
}

pub fn if_break(breaks: Doc, flat: Doc) -> Doc {
    Doc::IfBreak { breaks: Box::new(breaks), flat: Box::new(flat) }
}

pub fn line_suffix(s: impl Into<String>) -> Doc {
    Doc::LineSuffix(s.into())
}

pub fn break_parent() -> Doc {
    Doc::BreakParent
}

/// Marks every group that contains a hard line, a [`Doc::BreakParent`] or a broken group as
/// broken. Returns whether `doc` forces its parent to break. One pass, linear in the size of
/// the document.
pub fn propagate_breaks(doc: &mut Doc) -> bool {
    match doc {
        Doc::Nil | Doc::Text(_) | Doc::LineSuffix(_) => false,
        Doc::Line(kind) => *kind == LineKind::Hard,
        Doc::BreakParent => true,
        Doc::Concat(docs) => {
            let mut any = false;
            for d in docs {
                any |= propagate_breaks(d);
            }
            any
        }
        Doc::Group { contents, should_break } => {
            if propagate_breaks(contents) {
                *should_break = true;
            }
            *should_break
        }
        Doc::Indent(contents) => propagate_breaks(contents),
        Doc::IfBreak { breaks, flat } => {
            let a = propagate_breaks(breaks);
            let b = propagate_breaks(flat);
            a || b
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_lines_break_enclosing_groups() {
        let mut d = group(concat(vec![text("a"), group(concat(vec![text("b"), hardline()]))]));
        assert!(propagate_breaks(&mut d));
        let Doc::Group { should_break, contents } = &d else { panic!() };
        assert!(*should_break);
        let Doc::Concat(items) = contents.as_ref() else { panic!() };
        assert!(matches!(items[1], Doc::Group { should_break: true, .. }));
    }

    #[test]
    fn soft_lines_do_not_break() {
        let mut d = group(concat(vec![text("a"), line(), text("b")]));
        assert!(!propagate_breaks(&mut d));
    }
}
