//! A small document IR in the style of Wadler's "prettier printer" (as used by Prettier, Biome
//! and dprint). It knows nothing about SQL: [`crate::format`] expresses the layout in it and
//! [`super::printer`] turns it into text for a given line width.
//!
//! Like Biome's, the document is flat: one vector of elements in which groups, indentation and
//! conditional content are bracketed by start and end elements, rather than a tree of boxes.
//! Text is borrowed (from the source or `'static`), never copied, and a [`Doc`] can be cleared
//! and refilled, so building and printing a statement allocates nothing once the buffers have
//! grown. The builder also keeps the invariant the printer relies on: every group that contains
//! a hard line, a [`Elem::BreakParent`] or a broken group is itself marked broken.

/// What a [`Elem::Line`] prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A space when the enclosing group is flat, a newline when it is broken.
    Soft,
    /// Nothing when the enclosing group is flat, a newline when it is broken.
    SoftEmpty,
    /// Always a newline; breaks every enclosing group.
    Hard,
}

/// How the printer writes the ASCII letters of a [`Text`] (case never changes its width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    AsIs,
    Upper,
    Lower,
}

/// A piece of literal text and its width in columns, measured once when it is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text<'a> {
    pub text: &'a str,
    /// Columns (characters) up to the first newline, or of the whole text.
    pub width: usize,
    /// The text holds a newline (verbatim text such as a multi-line block comment).
    pub multiline: bool,
    pub case: Case,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str, case: Case) -> Text<'a> {
        // One pass: the characters up to the first newline, and whether there is one.
        let mut width = 0;
        let mut multiline = false;
        for &b in text.as_bytes() {
            if b == b'\n' {
                multiline = true;
                break;
            }
            // Every byte that does not continue a UTF-8 sequence starts a character.
            width += usize::from((b as i8) >= -0x40);
        }
        Text { text, width, multiline, case }
    }
}

/// One element of a [`Doc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem<'a> {
    /// Literal text. It should not contain a newline, except verbatim text such as a multi-line
    /// block comment (the printer then resets its column, and the builder adds a
    /// [`Elem::BreakParent`]).
    Text(Text<'a>),
    Line(LineKind),
    /// Up to the matching [`Elem::EndGroup`]: printed flat (every soft line a space or nothing)
    /// when it fits in the remaining width, otherwise broken (every soft line a newline).
    /// `should_break` forces the broken mode; the builder sets it on every group that contains a
    /// hard line, a [`Elem::BreakParent`] or a broken group.
    StartGroup { should_break: bool },
    EndGroup,
    /// Up to the matching [`Elem::EndIndent`]: newlines get one more level of indentation.
    StartIndent,
    EndIndent,
    /// Up to the matching [`Elem::EndIfBreak`]: printed only when the enclosing group is broken
    /// (`broken: true`) or only when it is flat (`broken: false`).
    StartIfBreak { broken: bool },
    EndIfBreak,
    /// Text held back until just before the next newline (or the end of the document): trailing
    /// comments. It does not count in the width measurement.
    LineSuffix(Text<'a>),
    /// Forces every enclosing group to break.
    BreakParent,
}

/// A document: a flat list of [`Elem`]s, built through its methods (which keep the groups'
/// `should_break` up to date) and reusable through [`Doc::clear`].
#[derive(Debug, Clone, Default)]
pub struct Doc<'a> {
    elems: Vec<Elem<'a>>,
    /// Indices of the [`Elem::StartGroup`]s not yet closed, innermost last.
    open_groups: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new() -> Doc<'a> {
        Doc::default()
    }

    /// Empties the document, keeping its buffers.
    pub fn clear(&mut self) {
        self.elems.clear();
        self.open_groups.clear();
    }

    pub fn elems(&self) -> &[Elem<'a>] {
        &self.elems
    }

    /// Literal text, written as it is.
    pub fn text(&mut self, s: &'a str) -> &mut Self {
        self.text_in_case(s, Case::AsIs)
    }

    /// Literal text whose ASCII letters the printer writes in `case`.
    pub fn text_in_case(&mut self, s: &'a str, case: Case) -> &mut Self {
        self.elems.push(Elem::Text(Text::new(s, case)));
        self
    }

    /// A space or a newline.
    pub fn line(&mut self) -> &mut Self {
        self.elems.push(Elem::Line(LineKind::Soft));
        self
    }

    /// Nothing or a newline.
    pub fn softline(&mut self) -> &mut Self {
        self.elems.push(Elem::Line(LineKind::SoftEmpty));
        self
    }

    /// Always a newline; breaks every enclosing group.
    pub fn hardline(&mut self) -> &mut Self {
        self.elems.push(Elem::Line(LineKind::Hard));
        self.break_open_group();
        self
    }

    /// Forces every enclosing group to break.
    pub fn break_parent(&mut self) -> &mut Self {
        self.elems.push(Elem::BreakParent);
        self.break_open_group();
        self
    }

    /// Trailing text held back until the next newline, not measured.
    pub fn line_suffix(&mut self, s: &'a str) -> &mut Self {
        self.elems.push(Elem::LineSuffix(Text::new(s, Case::AsIs)));
        self
    }

    pub fn start_group(&mut self) -> &mut Self {
        self.open_groups.push(self.elems.len());
        self.elems.push(Elem::StartGroup { should_break: false });
        self
    }

    /// Closes the innermost open group (nothing when none is open). A broken group breaks the
    /// group around it.
    pub fn end_group(&mut self) -> &mut Self {
        if let Some(at) = self.open_groups.pop() {
            self.elems.push(Elem::EndGroup);
            if matches!(self.elems[at], Elem::StartGroup { should_break: true }) {
                self.break_open_group();
            }
        }
        self
    }

    pub fn start_indent(&mut self) -> &mut Self {
        self.elems.push(Elem::StartIndent);
        self
    }

    pub fn end_indent(&mut self) -> &mut Self {
        self.elems.push(Elem::EndIndent);
        self
    }

    /// Content up to [`Doc::end_if_break`] printed only when the enclosing group is broken
    /// (`broken`) or only when it is flat (`!broken`).
    pub fn start_if_break(&mut self, broken: bool) -> &mut Self {
        self.elems.push(Elem::StartIfBreak { broken });
        self
    }

    pub fn end_if_break(&mut self) -> &mut Self {
        self.elems.push(Elem::EndIfBreak);
        self
    }

    /// Marks the innermost open group broken; [`Doc::end_group`] carries it outwards.
    fn break_open_group(&mut self) {
        if let Some(&at) = self.open_groups.last() {
            self.elems[at] = Elem::StartGroup { should_break: true };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(d: &Doc) -> Vec<bool> {
        d.elems()
            .iter()
            .filter_map(|e| match e {
                Elem::StartGroup { should_break } => Some(*should_break),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn hard_lines_break_enclosing_groups() {
        let mut d = Doc::new();
        d.start_group().text("a").start_group().text("b").hardline().end_group().end_group();
        assert_eq!(groups(&d), [true, true]);
    }

    #[test]
    fn break_parent_reaches_every_enclosing_group_but_not_siblings() {
        let mut d = Doc::new();
        d.start_group().start_group().text("a").end_group();
        d.start_group().start_group().break_parent().end_group().end_group().end_group();
        assert_eq!(groups(&d), [true, false, true, true]);
    }

    #[test]
    fn soft_lines_do_not_break() {
        let mut d = Doc::new();
        d.start_group().text("a").line().text("b").end_group();
        assert_eq!(groups(&d), [false]);
    }

    #[test]
    fn text_width_counts_characters_up_to_the_first_newline() {
        let t = Text::new("ab\u{e9}c", Case::AsIs);
        assert_eq!((t.width, t.multiline), (4, false));
        let t = Text::new("/* \u{4e2d}\nxx */", Case::AsIs);
        assert_eq!((t.width, t.multiline), (4, true));
    }
}
