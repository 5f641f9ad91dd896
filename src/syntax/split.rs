//! Cuts a script into statements at `;`, aware of quotes and comments. Never fails: every byte
//! of the source ends up in exactly one segment.

use crate::span::Span;
use crate::syntax::ast::{Comment, CommentKind, CommentPlacement, Kw, LexicalIssue};
use crate::syntax::lexer::{fullwidth_ascii, Lexer, QuoteKind, SigToken, Token, TokenKind};

/// A statement as the splitter sees it, before any grammar runs.
#[derive(Debug, Clone)]
pub struct RawSegment {
    pub span: Span,
    pub body: Span,
    pub terminator: Option<Span>,
    pub comments: Box<[Comment]>,
    pub lexical: Box<[LexicalIssue]>,
    pub class: Class,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Empty,
    /// `ALTER SYSTEM ...`, `CANCEL DECOMMISSION ...` (and the 2017 `CANCEL ALTER SYSTEM ...`).
    Family,
    Other,
}

/// The segment being collected. One builder serves the whole script: its buffers are reused
/// and each finished segment gets exact-size copies.
struct Builder {
    start: usize,
    body_start: Option<usize>,
    body_end: usize,
    comments: Vec<Comment>,
    lexical: Vec<LexicalIssue>,
    /// The keywords among the first three words of the statement, if it begins with words.
    head: [Option<Kw>; 3],
    head_len: usize,
    head_open: bool,
    /// `Some` once the first words decide whether this is a statement of the family.
    class: Option<Class>,
    /// The significant tokens of a (possible) family statement, for the parser.
    tokens: Vec<SigToken>,
    glued: bool,
}

impl Builder {
    fn new(start: usize) -> Builder {
        Builder {
            start,
            body_start: None,
            body_end: start,
            comments: Vec::new(),
            lexical: Vec::new(),
            head: [None; 3],
            head_len: 0,
            head_open: true,
            class: None,
            tokens: Vec::new(),
            glued: true,
        }
    }

    /// Starts the next segment at `start`, keeping the buffers.
    fn reset(&mut self, start: usize) {
        self.start = start;
        self.body_start = None;
        self.body_end = start;
        self.comments.clear();
        self.lexical.clear();
        self.head = [None; 3];
        self.head_len = 0;
        self.head_open = true;
        self.class = None;
        self.tokens.clear();
        self.glued = true;
    }

    #[inline]
    fn push(&mut self, src: &str, t: Token) {
        if matches!(t.kind, TokenKind::Whitespace) {
            // A common token: nothing to record.
            self.glued = false;
        } else {
            self.push_significant(src, t);
        }
    }

    #[inline(always)]
    fn push_significant(&mut self, src: &str, t: Token) {
        let kind = t.kind;
        if !matches!(kind, TokenKind::Word | TokenKind::Punct | TokenKind::String { quote: QuoteKind::Single | QuoteKind::Double, terminated: true, .. }) {
            // Only the rarer kinds can be a lexical issue (asked in a call of its own).
            self.push_lexical_issue(src, t);
        }
        if kind.is_trivia() {
            self.glued = false;
            if kind.is_comment() {
                let placement =
                    if self.body_start.is_none() { CommentPlacement::Leading } else { CommentPlacement::Inner };
                self.comments.push(Comment { span: t.span, kind: comment_kind(kind), placement });
            }
            return;
        }
        let kw = if matches!(kind, TokenKind::Word) && self.class != Some(Class::Other) {
            // The bytes, not the text: slicing a `str` checks both ends for char boundaries.
            Kw::of_word(&src.as_bytes()[t.span.start..t.span.end])
        } else {
            None
        };
        if self.class != Some(Class::Other) {
            self.tokens.push(SigToken { kind, kw, span: t.span, glued: self.glued });
        }
        self.glued = true;
        if self.body_start.is_none() {
            self.body_start = Some(t.span.start);
        }
        self.body_end = t.span.end;
        if self.head_open {
            if matches!(kind, TokenKind::Word) && self.head_len < 3 {
                self.head[self.head_len] = kw;
                self.head_len += 1;
                if self.head_len >= 2 && classify(&self.head[..self.head_len]) == Class::Family {
                    self.class = Some(Class::Family);
                    self.head_open = false;
                }
            } else {
                self.head_open = false;
            }
            if !self.head_open && self.class.is_none() {
                self.class = Some(Class::Other);
                self.tokens.clear();
            }
        }
    }

    #[inline(never)]
    fn push_lexical_issue(&mut self, src: &str, t: Token) {
        if let Some(issue) = lexical_issue(src, t) {
            self.lexical.push(issue);
        }
    }

    /// Inlined: the segment is then built where it is handed on, not copied out of a call.
    #[inline(always)]
    fn finish(&mut self, terminator: Option<Span>, end: usize) -> RawSegment {
        let body = match self.body_start {
            Some(s) => Span::new(s, self.body_end),
            // At the end of the leading trivia: the comments before the `;`, not those after it
            // on its line (the body never lies after the terminator).
            None => {
                let before_terminator = |c: &&Comment| terminator.is_none_or(|t| c.span.end <= t.start);
                let leading_end = self.comments.iter().rev().find(before_terminator).map(|c| c.span.end);
                Span::empty(leading_end.unwrap_or(self.start).max(self.start))
            }
        };
        for c in &mut self.comments {
            if c.span.start >= body.end && self.body_start.is_some() {
                c.placement = CommentPlacement::Trailing;
            }
        }
        let class = if self.body_start.is_none() {
            Class::Empty
        } else {
            self.class.unwrap_or_else(|| classify(&self.head[..self.head_len]))
        };
        RawSegment {
            span: Span::new(self.start, end),
            body,
            terminator,
            comments: boxed_copy(&self.comments),
            lexical: boxed_copy(&self.lexical),
            class,
        }
    }
}

/// An exact-size copy of `items`. Most segments have no comments and no lexical issues, and
/// `Box::from` an empty slice still calls `memcpy`: the empty box is made directly.
pub(crate) fn boxed_copy<T: Copy>(items: &[T]) -> Box<[T]> {
    if items.is_empty() {
        Box::default()
    } else {
        items.into()
    }
}

fn comment_kind(kind: TokenKind) -> CommentKind {
    match kind {
        TokenKind::LineComment => CommentKind::Line,
        TokenKind::HashComment => CommentKind::Hash,
        _ => CommentKind::Block,
    }
}

fn lexical_issue(src: &str, t: Token) -> Option<LexicalIssue> {
    let span = t.span;
    Some(match t.kind {
        TokenKind::String { quote, terminated: false, .. } => LexicalIssue::UnterminatedString { span, quote },
        TokenKind::String { quote: quote @ (QuoteKind::RawSingle | QuoteKind::RawDouble), .. } => {
            LexicalIssue::RawString { span, quote }
        }
        TokenKind::String { quote: QuoteKind::Typographic, .. } => {
            // Report the two quotes, not the content.
            LexicalIssue::FullwidthPunctuation { span, ascii: '"' }
        }
        TokenKind::BlockComment { terminated: false } => LexicalIssue::UnclosedComment { span },
        TokenKind::HashComment => LexicalIssue::HashComment { span },
        TokenKind::UnicodeSpace => LexicalIssue::NonAsciiWhitespace { span },
        TokenKind::FullwidthPunct => LexicalIssue::FullwidthPunctuation {
            span,
            ascii: span.text(src).chars().next().and_then(fullwidth_ascii).unwrap_or('?'),
        },
        _ => return None,
    })
}

fn classify(head: &[Option<Kw>]) -> Class {
    let w = |i: usize, word: Kw| head.get(i) == Some(&Some(word));
    let family = (w(0, Kw::Alter) && w(1, Kw::System))
        || (w(0, Kw::Cancel) && (w(1, Kw::Decommission) || (w(1, Kw::Alter) && w(2, Kw::System))));
    if family {
        Class::Family
    } else {
        Class::Other
    }
}

/// Splits `src` into segments that tile it exactly.
pub fn split(src: &str) -> Vec<RawSegment> {
    let mut out = Vec::new();
    split_each(src, |seg, _| out.push(seg));
    out
}

/// The significant tokens of the statement of the family at `body`, read as the grammar reads
/// it: from `blanked` (the body with its comments blanked, as the splitter found them), with
/// strings across lines (the splitter ends a family statement's strings at their line; see
/// `Lexer::line_bounded`). For the rare statement whose literal spans lines.
pub fn tokens_across_lines(src: &str, body: Span, blanked: &str) -> Vec<SigToken> {
    let mut builder = Builder::new(body.start);
    for mut t in Lexer::new(blanked) {
        t.span = t.span.shift(body.start);
        // `plain` speaks of the blanked text; the value is read from `src`, where a blanked
        // comment inside the literal may hold a quote or a backslash.
        if let TokenKind::String { ref mut plain, .. } = t.kind {
            *plain = false;
        }
        builder.push(src, t);
    }
    builder.tokens
}

/// Splits `src` and hands each segment, in order, to `f` together with its significant tokens
/// (only for statements of the family; empty otherwise), so that the parser need not scan the
/// statement again.
pub fn split_each(src: &str, mut f: impl FnMut(RawSegment, &[SigToken])) {
    split_each_dyn(src, &mut f)
}

/// [`split_each`], compiled once for every caller.
fn split_each_dyn(src: &str, f: &mut dyn FnMut(RawSegment, &[SigToken])) {
    let mut lexer = Lexer::new(src);
    let mut cur = Builder::new(0);
    let mut emitted = false;
    let mut pending: Vec<Token> = Vec::new();
    // The token to handle next: one variable whether it comes from the scanner or is the one
    // the look past a `;` stopped at (a single source of tokens keeps the loop short).
    let mut next = lexer.next();
    while let Some(t) = next {
        if !matches!(t.kind, TokenKind::Semicolon) {
            cur.push(src, t);
            // Inside a statement of the family, no literal spans lines (see `Lexer`).
            lexer.line_bounded = cur.class == Some(Class::Family);
            if lexer.skip_whitespace() {
                // What pushing the whitespace token would do, without making it.
                cur.glued = false;
            }
            next = lexer.next();
            continue;
        }
        lexer.line_bounded = false;
        // The comments on the rest of the `;` line belong to this statement (trailing), and so
        // does the whitespace before them; the newline starts the next segment.
        let mut end = t.span.end;
        pending.clear();
        let body_tokens = cur.tokens.len();
        // The scanner is exhausted unless this loop stops at a token, which is handled next.
        next = None;
        for after in lexer.by_ref() {
            match after.kind {
                // A byte search: `str::contains` sets up a pattern searcher for each call.
                TokenKind::Whitespace if !src.as_bytes()[after.span.start..after.span.end].contains(&b'\n') => {
                    pending.push(after)
                }
                k if k.is_comment() => {
                    pending.push(after);
                    for p in pending.drain(..) {
                        cur.push(src, p);
                        end = p.span.end;
                    }
                }
                _ => {
                    next = Some(after);
                    break;
                }
            }
        }
        let seg = cur.finish(Some(t.span), end);
        let family = seg.class == Class::Family;
        f(seg, if family { &cur.tokens[..body_tokens] } else { &[] });
        emitted = true;
        cur.reset(end);
        // Whitespace consumed after the `;` but followed by no comment opens the next segment.
        for p in pending.drain(..) {
            cur.push(src, p);
        }
    }
    if !emitted || cur.start < src.len() || cur.body_start.is_some() {
        let seg = cur.finish(None, src.len());
        let family = seg.class == Class::Family;
        f(seg, if family { &cur.tokens } else { &[] });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(src: &str) -> Vec<&str> {
        split(src).iter().map(|s| s.body.text(src)).collect()
    }

    #[test]
    fn segments_tile_the_source() {
        let src = "a; b -- x\n;\n\n/* c */ d ; -- trailing\n-- lone\n";
        let segs = split(src);
        let mut at = 0;
        for s in &segs {
            assert_eq!(s.span.start, at);
            at = s.span.end;
        }
        assert_eq!(at, src.len());
    }

    #[test]
    fn splits_at_semicolons_outside_quotes_and_comments() {
        assert_eq!(
            bodies("ALTER SYSTEM ADD BACKEND 'a;b'; /* ; */ SELECT \";\"; -- ;\nx"),
            vec!["ALTER SYSTEM ADD BACKEND 'a;b'", "SELECT \";\"", "x"]
        );
    }

    #[test]
    fn doubled_semicolons_give_empty_segments() {
        let segs = split("a;;b");
        assert_eq!(segs.iter().map(|s| s.class).collect::<Vec<_>>(), vec![Class::Other, Class::Empty, Class::Other]);
    }

    #[test]
    fn same_line_comment_after_semicolon_is_trailing() {
        let src = "ALTER SYSTEM DROPP BACKEND \"h:9050\"; -- careful\nSELECT 1;";
        let segs = split(src);
        assert_eq!(segs[0].comments.len(), 1);
        assert_eq!(segs[0].comments[0].placement, CommentPlacement::Trailing);
        assert_eq!(segs[0].span.text(src), "ALTER SYSTEM DROPP BACKEND \"h:9050\"; -- careful");
    }

    #[test]
    fn classifies_the_family() {
        let src = "alter system add backend 'x'; Cancel Decommission backend '1'; CANCEL ALTER SYSTEM DECOMMISSION BACKEND 'x'; ALTER TABLE t; SHOW BACKENDS;\n-- c";
        let classes: Vec<_> = split(src).iter().map(|s| s.class).collect();
        assert_eq!(
            classes,
            vec![Class::Family, Class::Family, Class::Family, Class::Other, Class::Other, Class::Empty]
        );
    }

    #[test]
    fn fullwidth_semicolon_is_not_a_separator() {
        let src = "ALTER SYSTEM DROP ALL BROKER broker_name；";
        let segs = split(src);
        assert_eq!(segs.len(), 1);
        assert!(matches!(segs[0].lexical[0], LexicalIssue::FullwidthPunctuation { ascii: ';', .. }));
    }

    #[test]
    fn empty_input_is_one_empty_segment() {
        let segs = split("");
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].class, Class::Empty);
    }
}
