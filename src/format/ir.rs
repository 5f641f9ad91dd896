//! A small document IR in the style of Wadler's "prettier printer" (as used by Prettier, Biome
//! and dprint). It knows nothing about SQL: [`crate::format`] expresses the layout in it and
//! [`super::printer`] turns it into text for a given line width.
//!
//! Like Biome's, the document is flat: one vector of elements in which groups and indentation
//! are bracketed by start and end elements, rather than a tree of boxes. (Biome's and Prettier's
//! conditional content, printed only in one mode of its group, was never used by the formatter
//! and is gone: it cost the WebAssembly size that the direct path of statements needed.)
//! Text is borrowed (from the source or `'static`), never copied, and a [`Doc`] can be cleared
//! and refilled, so building and printing a statement allocates nothing once the buffers have
//! grown. The builder also keeps what the printer relies on: every group that contains a hard
//! line, a [`Elem::BreakParent`] or a broken group is itself marked broken. (Groups no longer
//! carry their measured flat width: only statements with comments come here, the others are
//! printed from their tokens, and walking a group to see whether it fits costs them little.)

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

/// How the printer writes a [`Text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    AsIs,
    /// ASCII letters in upper case (the width does not change).
    Upper,
    /// ASCII letters in lower case.
    Lower,
    /// Between two copies of this ASCII character (a literal's content in new quotes).
    Quoted(u8),
}

/// A piece of literal text and its width in columns, measured once when it is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text<'a> {
    pub text: &'a str,
    /// Columns (characters, the quotes of [`Style::Quoted`] included) up to the first newline,
    /// or of the whole text.
    pub width: usize,
    /// The text holds a newline (verbatim text such as a multi-line block comment).
    pub multiline: bool,
    pub style: Style,
}

impl<'a> Text<'a> {
    /// `text` in `style`, measured.
    pub fn new(text: &'a str, style: Style) -> Text<'a> {
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
        Text { text, width: width + Self::quotes(style, multiline), multiline, style }
    }

    /// `text` in `style`, known to be ASCII without a newline (so its width is its length).
    pub fn ascii_line(text: &'a str, style: Style) -> Text<'a> {
        debug_assert!(text.is_ascii() && !text.contains('\n'), "not one line of ASCII: {text:?}");
        Text { text, width: text.len() + Self::quotes(style, false), multiline: false, style }
    }

    /// The columns the quotes of `style` add to the first line.
    fn quotes(style: Style, multiline: bool) -> usize {
        match style {
            Style::Quoted(_) if multiline => 1,
            Style::Quoted(_) => 2,
            _ => 0,
        }
    }
}

/// One element of a [`Doc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem<'a> {
    /// Literal text. It should not contain a newline, except verbatim text such as a multi-line
    /// block comment (the printer then resets its column; the formatter follows such a comment
    /// with a [`Elem::BreakParent`]).
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
    /// Text held back until just before the next newline (or the end of the document): trailing
    /// comments. It does not count in the width measurement.
    LineSuffix(Text<'a>),
    /// Forces every enclosing group to break.
    BreakParent,
}

/// A group being built.
#[derive(Debug, Clone, Copy)]
struct OpenGroup {
    /// Where its [`Elem::StartGroup`] is.
    at: usize,
    should_break: bool,
}

/// A document: a flat list of [`Elem`]s, built through its methods (which keep the groups'
/// `should_break` up to date) and reusable through [`Doc::clear`].
#[derive(Debug, Clone, Default)]
pub struct Doc<'a> {
    elems: Vec<Elem<'a>>,
    /// The groups not yet closed, innermost last.
    open_groups: Vec<OpenGroup>,
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
        self.push_text(Text::new(s, Style::AsIs))
    }

    /// Literal text, already measured.
    #[inline]
    pub fn push_text(&mut self, text: Text<'a>) -> &mut Self {
        self.elems.push(Elem::Text(text));
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
        self.elems.push(Elem::LineSuffix(Text::new(s, Style::AsIs)));
        self
    }

    pub fn start_group(&mut self) -> &mut Self {
        self.open_groups.push(OpenGroup { at: self.elems.len(), should_break: false });
        self.elems.push(Elem::StartGroup { should_break: false });
        self
    }

    /// Closes the innermost open group (nothing when none is open). A broken group breaks the
    /// group around it.
    pub fn end_group(&mut self) -> &mut Self {
        let Some(g) = self.open_groups.pop() else { return self };
        self.elems[g.at] = Elem::StartGroup { should_break: g.should_break };
        self.elems.push(Elem::EndGroup);
        if let Some(outer) = self.open_groups.last_mut() {
            outer.should_break |= g.should_break;
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

    /// Marks the innermost open group broken; [`Doc::end_group`] carries it outwards.
    fn break_open_group(&mut self) {
        if let Some(g) = self.open_groups.last_mut() {
            g.should_break = true;
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
                Elem::StartGroup { should_break, .. } => Some(*should_break),
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
        let t = Text::new("ab\u{e9}c", Style::AsIs);
        assert_eq!((t.width, t.multiline), (4, false));
        let t = Text::new("/* \u{4e2d}\nxx */", Style::Upper);
        assert_eq!((t.width, t.multiline), (4, true));
        assert_eq!(Text::new("a\u{e9}", Style::Quoted(b'"')).width, 4);
        assert_eq!(Text::new("a\u{e9}\nb", Style::Quoted(b'"')).width, 3);
        assert_eq!(Text::ascii_line("abc", Style::Quoted(b'"')), Text::new("abc", Style::Quoted(b'"')));
    }
}
