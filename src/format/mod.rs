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

pub mod ir;
pub mod options;
pub mod printer;

use std::borrow::Cow;

use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::literal;
use crate::syntax::parse;

pub use options::{CommaStyle, FormatOptions, Indent, KeywordCase, PropertiesLayout, QuoteStyle, SemicolonStyle};

use ir::*;

/// Formats a whole script. Never fails and never panics; text it cannot lay out safely is kept
/// as it is.
pub fn format(source: &str, options: &FormatOptions) -> String {
    let script = parse(source);
    let mut out = String::with_capacity(source.len() + source.len() / 8 + 1);
    let mut prev_end: Option<usize> = None;
    let mut open_end = false;
    for seg in &script.segments {
        let Some(content) = content_span(source, seg) else { continue };
        if let Some(end) = prev_end {
            let newlines = source[end..content.start].bytes().filter(|&b| b == b'\n').count();
            let bare_semicolon = matches!(seg.node, Node::Empty) && seg.comments.is_empty();
            out.push_str(match newlines {
                0 if bare_semicolon => "",
                0 | 1 => "\n",
                _ => "\n\n",
            });
        }
        match format_segment(source, seg, options) {
            Some(text) => out.push_str(&text),
            None => out.push_str(content.text(source)),
        }
        prev_end = Some(content.end);
        open_end = ends_open(source, seg, content);
    }
    if !out.is_empty() && !open_end {
        out.push('\n');
    }
    out
}

/// The formatted text of one statement's segment and the span it replaces (from its first
/// comment or token to the end of its last comment or `;`), for rule D902. `None` when the
/// segment is not a statement the formatter lays out.
pub fn statement_formatting(source: &str, seg: &Segment, options: &FormatOptions) -> Option<(Span, String)> {
    if !matches!(seg.node, Node::Statement(_)) {
        return None;
    }
    let content = content_span(source, seg)?;
    format_segment(source, seg, options).map(|text| (content, text))
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

fn format_segment(source: &str, seg: &Segment, options: &FormatOptions) -> Option<String> {
    if !seg.lexical.is_empty() {
        return None;
    }
    match &seg.node {
        Node::Statement(st) if is_clean(st) => Layout::new(source, seg, st, options)?.print(),
        Node::Empty => Some(format_trivia(source, seg)),
        _ => None,
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
fn format_trivia(source: &str, seg: &Segment) -> String {
    let mut out = String::new();
    let mut cursor: Option<usize> = None;
    let mut items: Vec<Span> = seg.comments.iter().map(|c| c.span).collect();
    if let Some(t) = seg.terminator {
        items.push(t);
    }
    crate::sort::sort_by(&mut items, |a, b| a.cmp(b));
    for span in items {
        if let Some(at) = cursor {
            out.push_str(trivia_separator(&source[at..span.start]));
        }
        out.push_str(span.text(source));
        cursor = Some(span.end);
    }
    out
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
    text: Cow<'a, str>,
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
    fn new(span: Span, text: impl Into<Cow<'a, str>>, sep: Sep) -> Tok<'a> {
        Tok { span, text: text.into(), sep, open_indent: false, close_before_gap: false, close_before_token: false }
    }
}

struct Layout<'a> {
    source: &'a str,
    seg: &'a Segment,
    options: &'a FormatOptions,
    tokens: Vec<Tok<'a>>,
    /// Comments before the first token, between tokens, after the last one (source order).
    comments: Vec<Comment>,
    expanded: bool,
}

impl<'a> Layout<'a> {
    fn new(source: &'a str, seg: &'a Segment, st: &'a Statement, options: &'a FormatOptions) -> Option<Layout<'a>> {
        let mut l = Layout {
            source,
            seg,
            options,
            tokens: Vec::new(),
            comments: seg.comments.clone(),
            expanded: false,
        };
        crate::sort::sort_by_key(&mut l.comments, |c| c.span.start);
        l.collect(st);
        if !l.covers_body() {
            return None;
        }
        Some(l)
    }

    fn keyword(&self, k: &Keyword) -> Cow<'a, str> {
        let text = k.span.text(self.source);
        match self.options.keyword_case {
            KeywordCase::Upper => Cow::Owned(text.to_ascii_uppercase()),
            KeywordCase::Lower => Cow::Owned(text.to_ascii_lowercase()),
            KeywordCase::Preserve => Cow::Borrowed(text),
        }
    }

    fn operand(&self, o: &Operand) -> Cow<'a, str> {
        let text = o.span.text(self.source);
        match o.kind {
            OperandKind::SingleQuoted | OperandKind::DoubleQuoted => requote(text, self.options.quote_style),
            _ => Cow::Borrowed(text),
        }
    }

    fn comma_seps(&self) -> (Sep, Sep) {
        // (before the comma, after it)
        match self.options.comma_style {
            CommaStyle::Trailing => (Sep::None, Sep::Line),
            CommaStyle::Leading => (Sep::SoftLine, Sep::Space),
        }
    }

    fn push(&mut self, tok: Tok<'a>, in_addresses: &mut bool) {
        let mut tok = tok;
        if *in_addresses {
            tok.close_before_gap = true;
            *in_addresses = false;
        }
        self.tokens.push(tok);
    }

    fn collect(&mut self, st: &'a Statement) {
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
                                self.tokens.push(Tok::new(comma, ",", before_comma));
                            }
                        }
                        let sep = if j == 0 { first_sep } else { after_comma };
                        let mut tok = Tok::new(item.span, self.operand(item), sep);
                        if j == 0 {
                            self.push_close_pending(&mut tok, &mut in_addresses);
                            tok.open_indent = true;
                        }
                        self.tokens.push(tok);
                    }
                    in_addresses = true;
                    prev_was_addresses = true;
                }
                Part::Properties(list) => {
                    let multi = list.items.len() > 1 || expanded;
                    self.expanded |= expanded;
                    self.push(Tok::new(list.open, "(", Sep::Space), &mut in_addresses);
                    for (j, p) in list.items.iter().enumerate() {
                        if j > 0 {
                            if let Some(Some(comma)) = list.commas.get(j - 1) {
                                self.tokens.push(Tok::new(*comma, ",", before_comma));
                            }
                        }
                        let sep = match (j, multi) {
                            (0, true) => Sep::SoftLine,
                            (0, false) => Sep::Tight,
                            _ => after_comma,
                        };
                        let mut key = Tok::new(p.key.span, self.operand(&p.key), sep);
                        key.open_indent = j == 0;
                        self.tokens.push(key);
                        self.tokens.push(Tok::new(p.assign.span, "=", Sep::Space));
                        self.tokens.push(Tok::new(p.value.span, self.operand(&p.value), Sep::Space));
                    }
                    let mut close = Tok::new(list.close, ")", if multi { Sep::SoftLine } else { Sep::None });
                    close.close_before_token = true;
                    self.tokens.push(close);
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
            self.push(Tok::new(t, ";", Sep::None), &mut in_addresses);
        }
        if in_addresses {
            // The statement ends with its address list: close after the last token.
            self.tokens.push(Tok::new(Span::empty(self.seg.body.end), "", Sep::None));
            if let Some(last) = self.tokens.last_mut() {
                last.close_before_gap = true;
            }
        }
    }

    fn push_close_pending(&self, tok: &mut Tok<'a>, in_addresses: &mut bool) {
        if *in_addresses {
            tok.close_before_gap = true;
            *in_addresses = false;
        }
    }

    /// The tokens cover the statement: between two tokens there is only whitespace and
    /// comments. A safety net against any part of the tree this layout does not know about.
    fn covers_body(&self) -> bool {
        let body = self.seg.body;
        let real: Vec<&Tok> = self.tokens.iter().filter(|t| !t.span.is_empty()).collect();
        let (Some(first), Some(last)) = (real.first(), real.last()) else { return false };
        if first.span.start != body.start {
            return false;
        }
        let end = self.seg.terminator.map_or(body.end, |t| t.end);
        if last.span.end != end {
            return false;
        }
        let bytes = self.source.as_bytes();
        let mut ci = 0;
        for w in real.windows(2) {
            let (a, b) = (w[0].span.end, w[1].span.start);
            if a > b {
                return false;
            }
            let mut at = a;
            while at < b {
                while ci < self.comments.len() && self.comments[ci].span.start < at {
                    ci += 1;
                }
                if ci < self.comments.len() && self.comments[ci].span.start == at {
                    at = self.comments[ci].span.end;
                    if at > b {
                        return false;
                    }
                } else if is_ascii_ws(bytes[at]) {
                    at += 1;
                } else {
                    return false;
                }
            }
        }
        true
    }

    fn print(self) -> Option<String> {
        let src = self.source;
        let first_start = self.tokens.first()?.span.start;
        let mut ci = 0;
        let comments = &self.comments;

        // Leading comments: as written, separated as in the source.
        let mut prefix: Vec<Doc> = Vec::new();
        let mut cursor: Option<usize> = None;
        while ci < comments.len() && comments[ci].span.end <= first_start {
            let c = comments[ci];
            if let Some(at) = cursor {
                prefix.push(trivia_doc(&src[at..c.span.start]));
            }
            push_comment(&mut prefix, c.span.text(src));
            cursor = Some(c.span.end);
            ci += 1;
        }
        if let Some(at) = cursor {
            prefix.push(trivia_doc(&src[at..first_start]));
        }

        // The statement.
        let mut stack: Vec<Vec<Doc>> = vec![Vec::new()];
        for (i, tok) in self.tokens.iter().enumerate() {
            if i > 0 {
                let prev_end = self.tokens[i - 1].span.end;
                if tok.close_before_gap {
                    close_indent(&mut stack);
                }
                if tok.open_indent {
                    stack.push(Vec::new());
                }
                let start = ci;
                while ci < comments.len() && comments[ci].span.end <= tok.span.start && tok.span.start > prev_end {
                    ci += 1;
                }
                let (docs, sep) = gap(src, prev_end, tok.span.start, &comments[start..ci], tok.sep);
                stack.last_mut()?.extend(docs);
                if tok.close_before_token {
                    close_indent(&mut stack);
                }
                stack.last_mut()?.push(sep);
            }
            if !tok.text.is_empty() {
                stack.last_mut()?.push(text(tok.text.as_ref()));
            }
        }
        while stack.len() > 1 {
            close_indent(&mut stack);
        }
        let mut body = stack.pop()?;
        if self.expanded {
            body.push(break_parent());
        }

        // Trailing comments: on the last line they do not count in the width.
        let last_end = self.tokens.iter().map(|t| t.span.end).max().unwrap_or(first_start);
        let mut suffix: Vec<Doc> = Vec::new();
        let mut at = last_end;
        let mut after_line_comment = false;
        for c in &comments[ci..] {
            let ws = &src[at.min(c.span.start)..c.span.start];
            if after_line_comment || ws.contains('\n') {
                suffix.push(trivia_doc(ws));
                if after_line_comment && !ws.contains('\n') {
                    // Cannot happen (a line comment ends its line), kept for safety.
                    suffix.push(hardline());
                }
                push_comment(&mut suffix, c.span.text(src));
            } else {
                suffix.push(line_suffix(format!(" {}", c.span.text(src))));
            }
            after_line_comment = c.kind == CommentKind::Line;
            at = c.span.end;
        }

        let mut all = prefix;
        all.push(group(concat(body)));
        all.extend(suffix);
        let print_options = printer::PrintOptions {
            width: self.options.line_width,
            indent_unit: self.options.indent.unit(),
            indent_width: self.options.indent.width(),
        };
        Some(printer::print(concat(all), &print_options))
    }
}

fn close_indent(stack: &mut Vec<Vec<Doc>>) {
    if stack.len() > 1 {
        if let Some(inner) = stack.pop() {
            if let Some(outer) = stack.last_mut() {
                outer.push(indent(concat(inner)));
            }
        }
    }
}

fn push_comment(docs: &mut Vec<Doc>, comment: &str) {
    docs.push(text(comment));
    if comment.contains('\n') {
        docs.push(break_parent());
    }
}

/// Newlines between comments outside the statement: a space, a newline or one blank line.
fn trivia_doc(ws: &str) -> Doc {
    match trivia_separator(ws) {
        " " => text(" "),
        "\n" => hardline(),
        _ => concat(vec![hardline(), hardline()]),
    }
}

/// The comments between two tokens and the separator before the second. A comment on the line
/// of the previous token stays on it; a comment on a line of its own stays on a line of its own;
/// a line comment always ends its line.
fn gap(src: &str, prev_end: usize, next_start: usize, comments: &[Comment], base: Sep) -> (Vec<Doc>, Doc) {
    let mut docs = Vec::new();
    let mut cursor = prev_end;
    let mut newline_pending = false;
    for c in comments {
        let own_line = newline_pending || src[cursor.min(c.span.start)..c.span.start].contains('\n');
        docs.push(if own_line { hardline() } else { text(" ") });
        push_comment(&mut docs, c.span.text(src));
        newline_pending = c.kind == CommentKind::Line;
        cursor = c.span.end;
    }
    if comments.is_empty() {
        return (docs, sep_doc(base));
    }
    let newline_next = newline_pending || src[cursor.min(next_start)..next_start].contains('\n');
    let sep = if newline_next {
        hardline()
    } else {
        match base {
            Sep::None => nil(),
            Sep::Space | Sep::Tight => text(" "),
            Sep::Line | Sep::SoftLine => line(),
        }
    };
    (docs, sep)
}

fn sep_doc(sep: Sep) -> Doc {
    match sep {
        Sep::None | Sep::Tight => nil(),
        Sep::Space => text(" "),
        Sep::Line => line(),
        Sep::SoftLine => softline(),
    }
}

/// A quoted literal in the requested quote style, when that keeps its content byte for byte and
/// its value: only literals without any quote character inside change quotes.
fn requote(text: &str, style: QuoteStyle) -> Cow<'_, str> {
    let target = match style {
        QuoteStyle::Double => '"',
        QuoteStyle::Single => '\'',
        QuoteStyle::Preserve => return Cow::Borrowed(text),
    };
    let bytes = text.as_bytes();
    if bytes.len() < 2 {
        return Cow::Borrowed(text);
    }
    let current = bytes[0] as char;
    if current == target || !matches!(current, '"' | '\'') || bytes[bytes.len() - 1] as char != current {
        return Cow::Borrowed(text);
    }
    let content = &text[1..text.len() - 1];
    if content.contains(['"', '\''])
        || content.ends_with('\\')
        || literal::decode(content, target) != literal::decode(content, current)
    {
        return Cow::Borrowed(text);
    }
    let mut s = String::with_capacity(text.len());
    s.push(target);
    s.push_str(content);
    s.push(target);
    Cow::Owned(s)
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
