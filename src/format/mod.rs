//! The formatter: the SQL layout of the `ALTER SYSTEM` family expressed in a small document IR
//! ([`ir`]) and printed by a width-aware printer ([`printer`]).
//!
//! Principles (product.md §3):
//! - Only statements of the family that parsed *cleanly* are re-laid out. Statements outside the
//!   family, statements that do not parse, and statements that needed grammar recovery (removed
//!   syntax, bare addresses, `:` for `=`, missing or trailing commas, raw strings, any lexical
//!   problem...) are copied byte for byte: fixing them is the linter's job.
//! - Comments stay attached to the token they follow (on the same line) or precede (on a line of
//!   their own); a line comment always ends its line.
//! - Between statements: one newline, or one blank line where the source had blank lines.
//!
//! Cost: a statement without comments (or with comments only on lines above it) is printed as
//! its tokens are taken from its tree, in one pass, onto the end of the output ([`Direct`]: its
//! document would be one group, flat exactly when it fits): flat, with its lines turned into
//! newlines afterwards when it turns out not to fit. A statement with other comments is
//! collected into a list of measured tokens (text borrowed from the source, buffers reused from
//! statement to statement) and laid out in a document ([`build_doc`]) for the printer. The other
//! segments are copied. So formatting allocates next to nothing beyond the output and the parse.

pub mod ir;
pub mod options;
pub mod printer;

use std::borrow::Cow;

use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::lexer::QuoteKind;
use crate::syntax::literal;

pub use options::{CommaStyle, FormatOptions, Indent, KeywordCase, PropertiesLayout, QuoteStyle, SemicolonStyle};

use ir::*;

/// Formats a whole script. Never fails and never panics; text it cannot lay out safely is kept
/// as it is.
///
/// The script is parsed and laid out one statement at a time, so the memory needed is the
/// output and one statement's tree, not the whole script's.
pub fn format(source: &str, options: &FormatOptions) -> String {
    format_with(source, options, true)
}

/// [`format`] with every statement laid out in a document and printed by the printer, none
/// printed straight from its tokens: the reference the direct path is tested against
/// (`tests/format_direct.rs`; test support).
#[doc(hidden)]
pub fn format_through_document(source: &str, options: &FormatOptions) -> String {
    format_with(source, options, false)
}

fn format_with(source: &str, options: &FormatOptions, direct: bool) -> String {
    format_each(source, options, direct).unwrap_or_else(|| {
        // See `options_for`: no quote of the kind the formatter would add, anywhere.
        let preserve = FormatOptions { quote_style: QuoteStyle::Preserve, ..options.clone() };
        format_each(source, &preserve, direct).expect("no quotes are added")
    })
}

/// [`format`] in one pass over the segments; `None` when a statement outside the family holds
/// an unterminated string of the quote kind `options` would add (see [`options_for`]).
fn format_each(source: &str, options: &FormatOptions, direct: bool) -> Option<String> {
    let added = added_quote(options);
    let mut out = String::with_capacity(source.len() + source.len() / 8 + 1);
    let mut formatter = Formatter::new(source, options);
    formatter.direct = direct;
    let mut prev_end: Option<usize> = None;
    let mut open_end = false;
    let mut unsafe_quotes = false;
    crate::syntax::parse_each(source, |seg| {
        if unsafe_quotes {
            return;
        }
        if added.is_some_and(|q| opens_string_of(&seg, q)) {
            unsafe_quotes = true;
            return;
        }
        let Some(content) = content_span(source, &seg) else { return };
        if let Some(end) = prev_end {
            let newlines = source[end..content.start].bytes().filter(|&b| b == b'\n').count();
            let bare_semicolon = matches!(seg.node, Node::Empty) && seg.comments.is_empty();
            out.push_str(match newlines {
                0 if bare_semicolon => "",
                0 | 1 => "\n",
                _ => "\n\n",
            });
        }
        if !formatter.segment(&seg, &mut out) {
            out.push_str(content.text(source));
        }
        prev_end = Some(content.end);
        open_end = ends_open(source, &seg, content);
    });
    if unsafe_quotes {
        return None;
    }
    if !out.is_empty() && !open_end {
        out.push('\n');
    }
    Some(out)
}

/// The quote kind the formatter writes in place of the other one, if any.
fn added_quote(options: &FormatOptions) -> Option<QuoteKind> {
    match options.quote_style {
        QuoteStyle::Double => Some(QuoteKind::Double),
        QuoteStyle::Single => Some(QuoteKind::Single),
        QuoteStyle::Preserve => None,
    }
}

/// Whether `seg` is a statement outside the family with an unterminated `quote` string.
fn opens_string_of(seg: &Segment, quote: QuoteKind) -> bool {
    matches!(seg.node, Node::Other)
        && seg.lexical.iter().any(|i| matches!(i, LexicalIssue::UnterminatedString { quote: q, .. } if *q == quote))
}

/// `options` as they apply to `script`: when a statement outside the family holds an
/// unterminated string, quotes of its kind are never added (literals keep their quotes). Such a
/// string runs to the next quote of its kind anywhere after it, so a quote the formatter added
/// further down would close it and swallow the statements between (its segment is copied, not
/// re-laid out, but its extent depends on the rest of the text). Inside the family a string
/// never goes past its line, so an unclosed one there changes nothing.
pub fn options_for<'o>(script: &Script, options: &'o FormatOptions) -> Cow<'o, FormatOptions> {
    let Some(added) = added_quote(options) else { return Cow::Borrowed(options) };
    if script.segments.iter().any(|s| opens_string_of(s, added)) {
        Cow::Owned(FormatOptions { quote_style: QuoteStyle::Preserve, ..options.clone() })
    } else {
        Cow::Borrowed(options)
    }
}

/// The formatted text of one statement's segment and the span it replaces (from its first
/// comment or token to the end of its last comment or `;`), for rule D902. `None` when the
/// segment is not a statement the formatter lays out. `options` as [`options_for`] gives them.
pub fn statement_formatting(source: &str, seg: &Segment, options: &FormatOptions) -> Option<(Span, String)> {
    if !matches!(seg.node, Node::Statement(_)) {
        return None;
    }
    let content = content_span(source, seg)?;
    let mut text = String::new();
    Formatter::new(source, options).segment(seg, &mut text).then_some((content, text))
}

/// Whether `s` is ASCII without a newline.
fn is_one_ascii_line(s: &str) -> bool {
    // No early exit: the loop is vectorized.
    s.bytes().fold(0u8, |acc, b| acc | (b & 0x80) | u8::from(b == b'\n')) == 0
}

fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// The segment without the ASCII whitespace around it, but never cutting a comment, a literal
/// or an unterminated token. `None` when the segment is only whitespace.
fn content_span(source: &str, seg: &Segment) -> Option<Span> {
    let bytes = source.as_bytes();
    let mut start = seg.span.start;
    while start < seg.span.end && is_ascii_ws(bytes[start]) {
        start += 1;
    }
    if start == seg.span.end {
        return None;
    }
    let mut end = seg.span.end;
    while end > start && is_ascii_ws(bytes[end - 1]) {
        end -= 1;
    }
    // Never cut a token that runs to its segment's end (an unclosed back-quote, say).
    end = end.max(seg.body.end);
    for c in &seg.comments {
        end = end.max(c.span.end);
    }
    for issue in &seg.lexical {
        end = end.max(issue.span().end);
    }
    Some(Span::new(start, end.min(seg.span.end)))
}

/// Whether the segment ends inside an unterminated string or an unclosed comment that runs to
/// the end of the source: a newline added there would change its content.
fn ends_open(source: &str, seg: &Segment, content: Span) -> bool {
    content.end == source.len()
        && seg.lexical.iter().any(|i| {
            matches!(i, LexicalIssue::UnterminatedString { .. } | LexicalIssue::UnclosedComment { .. })
                && i.span().end == source.len()
        })
}

/// Formats the segments of one source, reusing its buffers from one statement to the next: once
/// they have grown, laying out and printing a statement allocates nothing.
struct Formatter<'a> {
    source: &'a str,
    options: &'a FormatOptions,
    print_options: printer::PrintOptions,
    /// The segment's comments in source order, when the segment does not already hold them so.
    sorted_comments: Vec<Comment>,
    /// The tokens of the statement being laid out.
    toks: Vec<Tok<'a>>,
    doc: Doc<'a>,
    /// Print a statement without comments as its tokens are taken ([`Direct`]) rather than
    /// through the document; off only in the test that compares the two.
    direct: bool,
    /// The lines of the statement [`Direct`] prints.
    lines: Vec<LineAt>,
    /// The statement [`Direct`] printed flat, while [`break_lines`] prints it broken.
    scratch: String,
}

impl<'a> Formatter<'a> {
    fn new(source: &'a str, options: &'a FormatOptions) -> Formatter<'a> {
        Formatter {
            source,
            options,
            print_options: printer::PrintOptions {
                width: options.line_width,
                indent_unit: options.indent.unit(),
                indent_width: options.indent.width(),
            },
            sorted_comments: Vec::new(),
            toks: Vec::new(),
            doc: Doc::new(),
            direct: true,
            lines: Vec::new(),
            scratch: String::new(),
        }
    }

    /// Appends the formatted text of `seg` (without the whitespace around it) to `out`. Returns
    /// false, having written nothing, when the segment is to be copied as it is.
    fn segment(&mut self, seg: &Segment, out: &mut String) -> bool {
        if !seg.lexical.is_empty() {
            return false;
        }
        match &seg.node {
            Node::Statement(st) if is_clean(st) => {
                let comments: &[Comment] = if seg.comments.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
                    &seg.comments
                } else {
                    self.sorted_comments.clear();
                    self.sorted_comments.extend_from_slice(&seg.comments);
                    crate::sort::sort_by_key(&mut self.sorted_comments, |c| c.span.start);
                    &self.sorted_comments
                };
                let ascii_line = is_one_ascii_line(seg.body.text(self.source));
                // Comments before the statement, the last on a line above it, are printed as the
                // document prints them (`leading_comments`) and leave the statement at column 0,
                // alone in its group: it is then printed as one without comments.
                let leading = comments.last().is_none_or(|c| {
                    c.span.end <= seg.body.start && self.source[c.span.end..seg.body.start].contains('\n')
                });
                if self.direct && leading {
                    let before = out.len();
                    let mut cursor: Option<usize> = None;
                    for c in comments {
                        if let Some(at) = cursor {
                            out.push_str(trivia_separator(&self.source[at..c.span.start]));
                        }
                        out.push_str(c.span.text(self.source));
                        cursor = Some(c.span.end);
                    }
                    if let Some(at) = cursor {
                        out.push_str(trivia_separator(&self.source[at..seg.body.start]));
                    }
                    let start = out.len();
                    self.lines.clear();
                    let sink = Sink::Direct(Direct { out: &mut *out, run: Span::empty(0), lines: &mut self.lines, indent: 0 });
                    let mut layout = Layout::new(self.source, seg, self.options, comments, sink, ascii_line);
                    layout.collect(st);
                    let (covers, to_document) = (layout.covers(), layout.to_document);
                    // The printer breaks the statement's group when forced to or when it does
                    // not fit (nothing follows it).
                    let broken = layout.expanded || layout.width > self.print_options.width;
                    drop(layout);
                    if covers && !to_document {
                        if broken && !self.lines.is_empty() {
                            break_lines(out, start, &self.lines, &self.print_options.indent_unit, &mut self.scratch);
                        }
                        return true;
                    }
                    out.truncate(before);
                    if !to_document {
                        return false;
                    }
                }
                self.toks.clear();
                let mut layout = Layout::new(self.source, seg, self.options, comments, Sink::Tokens(&mut self.toks), ascii_line);
                layout.collect(st);
                if !layout.covers() {
                    return false;
                }
                let expanded = layout.expanded;
                self.doc.clear();
                build_doc(&mut self.doc, self.source, comments, &self.toks, expanded);
                printer::print_into(&self.doc, &self.print_options, out);
                true
            }
            Node::Empty => {
                format_trivia(self.source, seg, out);
                true
            }
            _ => false,
        }
    }
}

/// A statement that parsed without any recovery.
fn is_clean(st: &Statement) -> bool {
    let operand_ok = |o: &Operand| {
        matches!(
            o.kind,
            OperandKind::SingleQuoted
                | OperandKind::DoubleQuoted
                | OperandKind::Backquoted
                | OperandKind::Identifier
                | OperandKind::Number
        ) && !o.span.is_empty()
    };
    st.removed.is_empty()
        && st.parts.iter().all(|p| match p {
            Part::Keyword(k) => k.word != "?",
            Part::Name(o) => operand_ok(o),
            Part::Addresses(a) => !a.items.is_empty() && a.items.iter().all(operand_ok),
            Part::Properties(l) => {
                !l.items.is_empty()
                    && l.trailing_comma.is_none()
                    && l.commas.iter().all(Option::is_some)
                    && l.items.iter().all(|p| {
                        operand_ok(&p.key)
                            && operand_ok(&p.value)
                            && matches!(p.assign.kind, AssignKind::Eq | AssignKind::EqEq)
                    })
            }
        })
}

/// A segment of only comments (and perhaps a lone `;`): each comment as written, separated as in
/// the source (a space, a newline, or at most one blank line).
fn format_trivia(source: &str, seg: &Segment, out: &mut String) {
    let mut cursor: Option<usize> = None;
    let mut emit = |span: Span| {
        if let Some(at) = cursor {
            out.push_str(trivia_separator(&source[at..span.start]));
        }
        out.push_str(span.text(source));
        cursor = Some(span.end);
    };
    // The comments and the `;` in source order.
    if seg.comments.windows(2).all(|w| w[0].span <= w[1].span) {
        let mut terminator = seg.terminator;
        for c in &seg.comments {
            if let Some(t) = terminator.filter(|t| *t < c.span) {
                emit(t);
                terminator = None;
            }
            emit(c.span);
        }
        if let Some(t) = terminator {
            emit(t);
        }
    } else {
        let mut items: Vec<Span> = seg.comments.iter().map(|c| c.span).collect();
        items.extend(seg.terminator);
        crate::sort::sort_by(&mut items, |a, b| a.cmp(b));
        for span in items {
            emit(span);
        }
    }
}

fn trivia_separator(ws: &str) -> &'static str {
    match ws.bytes().filter(|&b| b == b'\n').count() {
        0 => " ",
        1 => "\n",
        _ => "\n\n",
    }
}

// ---------------------------------------------------------------------------------------------
// Statement layout

/// The separator between two tokens when no comment sits between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// Nothing (before `,` and `;`).
    None,
    /// Always one space.
    Space,
    /// A space, or a newline when the statement breaks.
    Line,
    /// Nothing, or a newline when the statement breaks.
    SoftLine,
    /// Nothing; a space after a comment (inside the parentheses of a one-item list).
    Tight,
}

#[derive(Debug)]
struct Tok<'a> {
    /// Where the token is in the source (empty for an added `;`).
    span: Span,
    /// What it prints, measured.
    text: Text<'a>,
    sep: Sep,
    /// Open an indentation level before the gap in front of this token.
    open_indent: bool,
    /// Close an indentation level before the gap in front of this token.
    close_before_gap: bool,
    /// Close an indentation level after the comments of the gap, before the final separator
    /// (the `)` of a property list: comments before it stay indented, the `)` does not).
    close_before_token: bool,
}

impl<'a> Tok<'a> {
    fn new(span: Span, text: Text<'a>, sep: Sep) -> Tok<'a> {
        Tok { span, text, sep, open_indent: false, close_before_gap: false, close_before_token: false }
    }

    fn punct(span: Span, text: &'static str, sep: Sep) -> Tok<'a> {
        Tok::new(span, Text::ascii_line(text, Style::AsIs), sep)
    }

    /// Whether the token prints anything (an empty literal prints its quotes).
    fn prints(&self) -> bool {
        !self.text.text.is_empty() || matches!(self.text.style, Style::Quoted(_))
    }
}

/// Where [`Layout`] puts the tokens it takes.
enum Sink<'a, 'd> {
    /// Into a list, for the document: a statement with comments (or any statement, in the test
    /// that compares the two paths).
    Tokens(&'d mut Vec<Tok<'a>>),
    /// Straight onto the end of the output: a statement without comments.
    Direct(Direct<'d>),
}

/// Prints the tokens of a statement without comments as they come: what
/// [`printer::print_into`] prints for the document [`build_doc`] would build of them, without
/// building it. That document is one group (the statement) of texts, spaces and lines, with
/// indentation levels opened and closed between them, and nothing after it: the printer breaks
/// it when forced to (an expanded property list) or when it does not fit, which is known only at
/// its end. So it is printed flat, and where its lines are is noted: [`break_lines`] then
/// turns them into newlines if it breaks. A token that holds a newline is left to the document
/// ([`Layout::to_document`]).
///
/// Tokens that print their source text are not copied one by one: while the source between
/// them is what is printed between them (a space or nothing), they extend a run of the source,
/// copied at once (an already formatted statement is one copy).
struct Direct<'d> {
    out: &'d mut String,
    /// The source text printed but not yet copied to `out` (empty: none).
    run: Span,
    lines: &'d mut Vec<LineAt>,
    /// The indentation levels open.
    indent: usize,
}

/// A line of a statement printed flat: where it is in the output (a space there when
/// `space`, nothing otherwise) and the indentation after it when it breaks.
#[derive(Debug, Clone, Copy)]
struct LineAt {
    at: usize,
    space: bool,
    indent: usize,
}

/// Takes the tokens of one statement from its tree, measuring them, and checks on the way that
/// they cover the statement (with only whitespace and comments between them).
struct Layout<'a, 'd> {
    source: &'a str,
    seg: &'d Segment,
    options: &'a FormatOptions,
    /// The segment's comments (source order).
    comments: &'d [Comment],
    sink: Sink<'a, 'd>,
    /// The statement is one line of ASCII: a token's width is its length.
    ascii_line: bool,
    expanded: bool,
    /// The columns of the tokens and the separators between them on one line (comments aside).
    width: usize,
    /// A token has been taken.
    started: bool,
    /// The last token taken from the source.
    last_real: Option<Span>,
    /// The next comment for the coverage check.
    cover_ci: usize,
    /// Between the tokens so far there is only whitespace and comments (and [`Direct`] has not
    /// stopped).
    covered: bool,
    /// [`Direct`] stopped at a token that holds a newline: the statement is to be laid out in a
    /// document.
    to_document: bool,
}

impl<'a, 'd> Layout<'a, 'd> {
    fn new(
        source: &'a str,
        seg: &'d Segment,
        options: &'a FormatOptions,
        comments: &'d [Comment],
        sink: Sink<'a, 'd>,
        ascii_line: bool,
    ) -> Layout<'a, 'd> {
        Layout {
            source,
            seg,
            options,
            comments,
            sink,
            ascii_line,
            expanded: false,
            width: 0,
            started: false,
            last_real: None,
            cover_ci: 0,
            covered: true,
            to_document: false,
        }
    }

    fn measure(&self, (text, style): (&'a str, Style)) -> Text<'a> {
        if self.ascii_line {
            Text::ascii_line(text, style)
        } else {
            Text::new(text, style)
        }
    }

    fn keyword(&self, k: &Keyword) -> Text<'a> {
        let text = k.span.text(self.source);
        self.measure(match self.options.keyword_case {
            // No lower-case letter: upper case changes nothing (and the text is then copied).
            // Every lower-case letter has bit 5 set; so have digits and spaces, but a false
            // alarm only writes the text through `Style::Upper`, which changes nothing either.
            // One pass without an early exit.
            KeywordCase::Upper if text.bytes().fold(0, |acc, b| acc | b) & 0x20 == 0 => (text, Style::AsIs),
            KeywordCase::Upper => (text, Style::Upper),
            KeywordCase::Lower => (text, Style::Lower),
            KeywordCase::Preserve => (text, Style::AsIs),
        })
    }

    fn operand(&self, o: &Operand) -> Text<'a> {
        let text = o.span.text(self.source);
        self.measure(match o.kind {
            OperandKind::SingleQuoted | OperandKind::DoubleQuoted => requote(text, self.options.quote_style),
            _ => (text, Style::AsIs),
        })
    }

    fn comma_seps(&self) -> (Sep, Sep) {
        // (before the comma, after it)
        match self.options.comma_style {
            CommaStyle::Trailing => (Sep::None, Sep::Line),
            CommaStyle::Leading => (Sep::SoftLine, Sep::Space),
        }
    }

    /// Lays out `tok`, first closing the indentation of an address list it follows.
    fn push(&mut self, tok: Tok<'a>, in_addresses: &mut bool) {
        let mut tok = tok;
        self.push_close_pending(&mut tok, in_addresses);
        self.emit(tok);
    }

    fn push_close_pending(&self, tok: &mut Tok<'a>, in_addresses: &mut bool) {
        if *in_addresses {
            tok.close_before_gap = true;
            *in_addresses = false;
        }
    }

    fn collect(&mut self, st: &Statement) {
        let (before_comma, after_comma) = self.comma_seps();
        let expanded = self.options.properties_layout == PropertiesLayout::Expanded;
        // A statement breaks only at its lists of more than one item (or an expanded property
        // list): a list of one has nothing to put one per line.
        let breakable = st.parts.iter().any(|p| match p {
            Part::Addresses(a) => a.items.len() > 1,
            Part::Properties(l) => l.items.len() > 1 || expanded,
            _ => false,
        });
        let mut in_addresses = false;
        let mut prev_was_addresses = false;
        for (i, part) in st.parts.iter().enumerate() {
            match part {
                Part::Keyword(k) => {
                    let clause = matches!(st.parts.get(i + 1), Some(Part::Properties(_)));
                    let sep = if clause && prev_was_addresses && breakable { Sep::Line } else { Sep::Space };
                    let text = self.keyword(k);
                    self.push(Tok::new(k.span, text, sep), &mut in_addresses);
                    prev_was_addresses = false;
                }
                Part::Name(o) => {
                    let text = self.operand(o);
                    self.push(Tok::new(o.span, text, Sep::Space), &mut in_addresses);
                    prev_was_addresses = false;
                }
                Part::Addresses(list) => {
                    let first_sep = if list.items.len() > 1 { Sep::Line } else { Sep::Space };
                    for (j, item) in list.items.iter().enumerate() {
                        if j > 0 {
                            if let Some(&comma) = list.commas.get(j - 1) {
                                self.emit(Tok::punct(comma, ",", before_comma));
                            }
                        }
                        let sep = if j == 0 { first_sep } else { after_comma };
                        let mut tok = Tok::new(item.span, self.operand(item), sep);
                        if j == 0 {
                            self.push_close_pending(&mut tok, &mut in_addresses);
                            tok.open_indent = true;
                        }
                        self.emit(tok);
                    }
                    in_addresses = true;
                    prev_was_addresses = true;
                }
                Part::Properties(list) => {
                    let multi = list.items.len() > 1 || expanded;
                    self.expanded |= expanded;
                    self.push(Tok::punct(list.open, "(", Sep::Space), &mut in_addresses);
                    for (j, p) in list.items.iter().enumerate() {
                        if j > 0 {
                            if let Some(Some(comma)) = list.commas.get(j - 1) {
                                self.emit(Tok::punct(*comma, ",", before_comma));
                            }
                        }
                        let sep = match (j, multi) {
                            (0, true) => Sep::SoftLine,
                            (0, false) => Sep::Tight,
                            _ => after_comma,
                        };
                        let mut key = Tok::new(p.key.span, self.operand(&p.key), sep);
                        key.open_indent = j == 0;
                        self.emit(key);
                        self.emit(Tok::punct(p.assign.span, "=", Sep::Space));
                        self.emit(Tok::new(p.value.span, self.operand(&p.value), Sep::Space));
                    }
                    let mut close = Tok::punct(list.close, ")", if multi { Sep::SoftLine } else { Sep::None });
                    close.close_before_token = true;
                    self.emit(close);
                    prev_was_addresses = false;
                }
            }
        }
        let semicolon = match self.seg.terminator {
            Some(t) => Some(t),
            None if self.options.semicolon == SemicolonStyle::Always => Some(Span::empty(self.seg.body.end)),
            None => None,
        };
        if let Some(t) = semicolon {
            self.push(Tok::punct(t, ";", Sep::None), &mut in_addresses);
        }
        if in_addresses {
            // The statement ends with its address list: close after the last token.
            let mut end = Tok::punct(Span::empty(self.seg.body.end), "", Sep::None);
            end.close_before_gap = true;
            self.emit(end);
        }
    }

    /// Whether there is only whitespace and comments between `from` and `to`. A safety net
    /// against any part of the tree this layout does not know about.
    #[inline(always)]
    fn only_trivia_between(&mut self, from: usize, to: usize) -> bool {
        // Mostly nothing or one space.
        match to.checked_sub(from) {
            Some(0) => true,
            Some(1) if self.source.as_bytes()[from] == b' ' => true,
            _ => self.only_trivia_between_slow(from, to),
        }
    }

    #[inline(never)]
    fn only_trivia_between_slow(&mut self, from: usize, to: usize) -> bool {
        if from > to {
            return false;
        }
        let bytes = self.source.as_bytes();
        let comments = self.comments;
        let mut at = from;
        while at < to {
            while self.cover_ci < comments.len() && comments[self.cover_ci].span.start < at {
                self.cover_ci += 1;
            }
            if self.cover_ci < comments.len() && comments[self.cover_ci].span.start == at {
                at = comments[self.cover_ci].span.end;
                if at > to {
                    return false;
                }
            } else if is_ascii_ws(bytes[at]) {
                at += 1;
            } else {
                return false;
            }
        }
        true
    }

    /// Takes the next token: measures it, puts it in the sink, and checks that only trivia
    /// separates it from the previous one (after: a statement not covered is dropped).
    fn emit(&mut self, tok: Tok<'a>) {
        if !self.covered {
            return;
        }
        let span = tok.span;
        let first = !self.started;
        self.started = true;
        let space = !first && matches!(tok.sep, Sep::Space | Sep::Line);
        self.width += usize::from(space) + tok.text.width;
        let in_run = match &mut self.sink {
            Sink::Tokens(toks) => {
                toks.push(tok);
                false
            }
            Sink::Direct(d) if !tok.text.multiline => d.print(&tok, first, space, self.source),
            Sink::Direct(_) => {
                self.to_document = true;
                self.covered = false;
                return;
            }
        };
        if span.is_empty() {
            return;
        }
        // A token that extends the run of source text follows the last one with a space or
        // nothing between them.
        if !in_run {
            let covered = match self.last_real {
                None => span.start == self.seg.body.start,
                Some(prev) => self.only_trivia_between(prev.end, span.start),
            };
            if !covered {
                self.covered = false;
                return;
            }
        }
        self.last_real = Some(span);
    }

    /// Whether the tokens cover the statement (otherwise it is copied as it is). Also copies
    /// what [`Direct`] still holds.
    fn covers(&mut self) -> bool {
        if let Sink::Direct(d) = &mut self.sink {
            d.flush(self.source);
        }
        let end = self.seg.terminator.map_or(self.seg.body.end, |t| t.end);
        self.covered && self.last_real.is_some_and(|last| last.end == end)
    }
}

impl Direct<'_> {
    /// Prints `tok` and the separator before it (unless it is the statement's `first`; `space`:
    /// the separator prints a space). Returns whether the token extended the run of source
    /// text.
    #[inline(always)]
    fn print(&mut self, tok: &Tok, first: bool, space: bool, source: &str) -> bool {
        if !first {
            // The order of `build_doc`: close, open, (the comments), close, separator.
            if tok.close_before_gap {
                self.indent = self.indent.saturating_sub(1);
            }
            if tok.open_indent {
                self.indent += 1;
            }
            if tok.close_before_token {
                self.indent = self.indent.saturating_sub(1);
            }
            if matches!(tok.sep, Sep::Line | Sep::SoftLine) {
                let at = self.out.len() + self.run.len();
                self.lines.push(LineAt { at, space, indent: self.indent });
            }
        }
        let span = tok.span;
        let verbatim = prints_its_source(tok, source);
        if verbatim && self.continues_run(span, space, source) {
            self.run.end = span.end;
            return true;
        }
        self.flush(source);
        if space {
            self.out.push(' ');
        }
        if verbatim {
            self.run = span;
        } else if tok.prints() {
            printer::write_text(self.out, &tok.text);
        }
        false
    }

    /// Whether the token at `span`, which prints its source text, continues the run: the
    /// source between them is what is printed between them (`space`: a space, or nothing).
    #[inline(always)]
    fn continues_run(&self, span: Span, space: bool, source: &str) -> bool {
        let run = self.run;
        !run.is_empty() && run.end + usize::from(space) == span.start && (!space || source.as_bytes()[run.end] == b' ')
    }

    /// Copies the run of source text held back.
    #[inline(always)]
    fn flush(&mut self, source: &str) {
        if !self.run.is_empty() {
            self.out.push_str(self.run.text(source));
            self.run = Span::empty(0);
        }
    }
}

/// Whether `tok` prints its source text as it is, and something.
#[inline(always)]
fn prints_its_source(tok: &Tok, source: &str) -> bool {
    let (text, span) = (tok.text.text.as_bytes(), tok.span);
    matches!(tok.text.style, Style::AsIs)
        && !text.is_empty()
        && text.len() == span.len()
        // Most texts are the source at their span; punctuation is a one-byte `'static`.
        && (std::ptr::eq(text.as_ptr(), source.as_ptr().wrapping_add(span.start))
            || (text.len() == 1 && text[0] == source.as_bytes()[span.start]))
}

/// Prints broken the statement printed flat at `out[start..]`: each of its `lines` (a space or
/// nothing) becomes a newline and the indentation after it. (Every line is followed by a token
/// that prints something, so the indentation the printer writes lazily is always written.)
#[inline(never)]
fn break_lines(out: &mut String, start: usize, lines: &[LineAt], indent_unit: &str, scratch: &mut String) {
    scratch.clear();
    scratch.push_str(&out[start..]);
    out.truncate(start);
    let mut from = 0;
    for line in lines {
        let at = line.at - start;
        out.push_str(&scratch[from..at]);
        out.push('\n');
        for _ in 0..line.indent {
            out.push_str(indent_unit);
        }
        from = at + usize::from(line.space);
    }
    out.push_str(&scratch[from..]);
}

/// Lays out the tokens of a statement, and the comments before, between and after them, in a
/// document. A comment on the line of the previous token stays on it; a comment on a line of its
/// own stays on a line of its own; a line comment always ends its line.
fn build_doc<'a>(doc: &mut Doc<'a>, src: &'a str, comments: &[Comment], toks: &[Tok<'a>], expanded: bool) {
    // The next comment to lay out, the indentation levels open, the end of the previous token
    // (added ones included) and the furthest end of a token.
    let mut ci = 0;
    let mut indents = 0usize;
    let mut prev_end = 0;
    let mut max_end = 0;
    let close_indent = |doc: &mut Doc, indents: &mut usize| {
        if *indents > 0 {
            *indents -= 1;
            doc.end_indent();
        }
    };
    for (i, tok) in toks.iter().enumerate() {
        if i == 0 {
            ci = leading_comments(doc, src, comments, tok.span.start);
            doc.start_group();
        } else {
            if tok.close_before_gap {
                close_indent(doc, &mut indents);
            }
            if tok.open_indent {
                doc.start_indent();
                indents += 1;
            }
            let sep = if ci < comments.len() && comments[ci].span.end <= tok.span.start && tok.span.start > prev_end {
                let start = ci;
                while ci < comments.len() && comments[ci].span.end <= tok.span.start && tok.span.start > prev_end {
                    ci += 1;
                }
                gap(doc, src, prev_end, tok.span.start, &comments[start..ci], tok.sep)
            } else {
                SepDoc::of(tok.sep)
            };
            if tok.close_before_token {
                close_indent(doc, &mut indents);
            }
            sep.push(doc);
        }
        if tok.prints() {
            doc.push_text(tok.text);
        }
        prev_end = tok.span.end;
        max_end = max_end.max(tok.span.end);
    }
    while indents > 0 {
        close_indent(doc, &mut indents);
    }
    if expanded {
        doc.break_parent();
    }
    doc.end_group();

    // Trailing comments: on the last line they do not count in the width.
    let mut at = max_end;
    let mut after_line_comment = false;
    for c in &comments[ci..] {
        let ws = &src[at.min(c.span.start)..c.span.start];
        if after_line_comment || ws.contains('\n') {
            trivia_doc(doc, ws);
            if after_line_comment && !ws.contains('\n') {
                // Cannot happen (a line comment ends its line), kept for safety.
                doc.hardline();
            }
            push_comment(doc, c.span.text(src));
        } else {
            doc.line_suffix(" ").line_suffix(c.span.text(src));
        }
        after_line_comment = c.kind == CommentKind::Line;
        at = c.span.end;
    }
}

/// Comments before the first token: as written, separated as in the source. Returns the index
/// of the first comment after them.
fn leading_comments<'a>(doc: &mut Doc<'a>, src: &'a str, comments: &[Comment], first_start: usize) -> usize {
    let mut ci = 0;
    let mut cursor: Option<usize> = None;
    while ci < comments.len() && comments[ci].span.end <= first_start {
        let c = comments[ci];
        if let Some(at) = cursor {
            trivia_doc(doc, &src[at..c.span.start]);
        }
        push_comment(doc, c.span.text(src));
        cursor = Some(c.span.end);
        ci += 1;
    }
    if let Some(at) = cursor {
        trivia_doc(doc, &src[at..first_start]);
    }
    ci
}

fn push_comment<'a>(doc: &mut Doc<'a>, comment: &'a str) {
    doc.text(comment);
    if comment.contains('\n') {
        doc.break_parent();
    }
}

/// Newlines between comments outside the statement: a space, a newline or one blank line.
fn trivia_doc(doc: &mut Doc, ws: &str) {
    match trivia_separator(ws) {
        " " => doc.text(" "),
        "\n" => doc.hardline(),
        _ => doc.hardline().hardline(),
    };
}

/// What separates two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SepDoc {
    Nothing,
    Space,
    Line,
    SoftLine,
    HardLine,
}

impl SepDoc {
    fn push(self, doc: &mut Doc) {
        match self {
            SepDoc::Nothing => {}
            SepDoc::Space => {
                doc.text(" ");
            }
            SepDoc::Line => {
                doc.line();
            }
            SepDoc::SoftLine => {
                doc.softline();
            }
            SepDoc::HardLine => {
                doc.hardline();
            }
        }
    }
}

impl SepDoc {
    /// The separator when no comment sits between the tokens.
    fn of(sep: Sep) -> SepDoc {
        match sep {
            Sep::None | Sep::Tight => SepDoc::Nothing,
            Sep::Space => SepDoc::Space,
            Sep::Line => SepDoc::Line,
            Sep::SoftLine => SepDoc::SoftLine,
        }
    }
}

/// Lays out the comments between two tokens and returns the separator before the second. A
/// comment on the line of the previous token stays on it; a comment on a line of its own stays
/// on a line of its own; a line comment always ends its line.
#[inline(never)]
fn gap<'a>(doc: &mut Doc<'a>, src: &'a str, prev_end: usize, next_start: usize, comments: &[Comment], base: Sep) -> SepDoc {
    if comments.is_empty() {
        return SepDoc::of(base);
    }
    let mut cursor = prev_end;
    let mut newline_pending = false;
    for c in comments {
        let own_line = newline_pending || src[cursor.min(c.span.start)..c.span.start].contains('\n');
        if own_line {
            doc.hardline();
        } else {
            doc.text(" ");
        }
        push_comment(doc, c.span.text(src));
        newline_pending = c.kind == CommentKind::Line;
        cursor = c.span.end;
    }
    let newline_next = newline_pending || src[cursor.min(next_start)..next_start].contains('\n');
    if newline_next {
        SepDoc::HardLine
    } else {
        match base {
            Sep::None => SepDoc::Nothing,
            Sep::Space | Sep::Tight => SepDoc::Space,
            Sep::Line | Sep::SoftLine => SepDoc::Line,
        }
    }
}

/// A quoted literal in the requested quote style, when that keeps its content byte for byte and
/// its value: only literals without any quote character inside change quotes.
fn requote(text: &str, style: QuoteStyle) -> (&str, Style) {
    let unchanged = (text, Style::AsIs);
    let target = match style {
        QuoteStyle::Double => b'"',
        QuoteStyle::Single => b'\'',
        QuoteStyle::Preserve => return unchanged,
    };
    let bytes = text.as_bytes();
    if bytes.len() < 2 {
        return unchanged;
    }
    let current = bytes[0];
    if current == target || !matches!(current, b'"' | b'\'') || bytes[bytes.len() - 1] != current {
        return unchanged;
    }
    let content = &text[1..text.len() - 1];
    // One pass without an early exit, so that it is vectorized: bit 0 a quote, bit 1 a backslash.
    let found = content.bytes().fold(0u8, |acc, b| acc | u8::from(b == b'"' || b == b'\'') | (u8::from(b == b'\\') << 1));
    if found & 1 != 0 {
        return unchanged;
    }
    let backslash = found & 2 != 0;
    // Without a backslash (and without quotes) the content decodes to itself in either style.
    if backslash
        && (content.ends_with('\\')
            || literal::decode(content, char::from(target)) != literal::decode(content, char::from(current)))
    {
        return unchanged;
    }
    (content, Style::Quoted(target))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(src: &str) -> String {
        format(src, &FormatOptions::default())
    }

    #[test]
    fn one_line_when_it_fits() {
        assert_eq!(
            f("alter   system add backend '192.168.0.1:9050' ,\"192.168.0.2:9050\""),
            "ALTER SYSTEM ADD BACKEND \"192.168.0.1:9050\", \"192.168.0.2:9050\";\n"
        );
    }

    #[test]
    fn the_canonical_broken_layout() {
        let src = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\", \"10.0.0.2:9050\", \"10.0.0.3:9050\" PROPERTIES (\"tag.public_endpoint\" = \"11.10.20.12:8010\", \"tag.private_endpoint\" = \"10.10.10.9:8020\");";
        assert_eq!(
            f(src),
            "ALTER SYSTEM ADD BACKEND\n    \"10.0.0.1:9050\",\n    \"10.0.0.2:9050\",\n    \"10.0.0.3:9050\"\nPROPERTIES (\n    \"tag.public_endpoint\" = \"11.10.20.12:8010\",\n    \"tag.private_endpoint\" = \"10.10.10.9:8020\"\n);\n"
        );
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert_eq!(f(""), "");
        assert_eq!(f("  \n\n "), "");
    }

    #[test]
    fn requote_only_when_safe() {
        let requote = |text, style| match super::requote(text, style) {
            (content, Style::Quoted(q)) => format!("{q}{content}{q}", q = char::from(q)),
            (text, _) => text.to_string(),
        };
        assert_eq!(requote("'a:1'", QuoteStyle::Double), "\"a:1\"");
        assert_eq!(requote("'a\"b'", QuoteStyle::Double), "'a\"b'");
        assert_eq!(requote("'it''s'", QuoteStyle::Double), "'it''s'");
        assert_eq!(requote(r"'a\nb'", QuoteStyle::Double), r#""a\nb""#);
        assert_eq!(requote("\"x\"", QuoteStyle::Single), "'x'");
        assert_eq!(requote("\"x\"", QuoteStyle::Preserve), "\"x\"");
    }

    #[test]
    fn recovered_statements_are_copied() {
        let src = "alter system add backend 10.0.0.1:9050 ;";
        assert_eq!(f(src), format!("{src}\n"));
        let src = "ALTER SYSTEM ADD BACKEND 'a:1' PROPERTIES ('k' : 'v')";
        assert_eq!(f(src), format!("{src}\n"));
    }
}
