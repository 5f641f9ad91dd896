//! A small, linear, never-failing scanner with Doris's lexical rules (doris-language.md §1).
//!
//! It is used to split a script into statements and to find the lexical problems (unterminated
//! strings, unclosed comments, `#` comments, full-width punctuation, Unicode spaces, raw strings)
//! that a grammar would only report as "unexpected character". The grammar then parses each
//! statement on its own.

use crate::bytes::find3;
use crate::span::Span;
use crate::syntax::ast::Kw;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Single,
    Double,
    /// `R'...'` or `R"..."`: no escapes (D012).
    RawSingle,
    RawDouble,
    /// `“...”` or `‘...’` from a word processor (D005).
    Typographic,
}

/// With an explicit one-byte tag: otherwise the tag hides in the `quote` of `String`, and every
/// test of a token's kind first decodes it (several instructions per token in the splitter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum TokenKind {
    /// ASCII space, tab, CR, LF.
    Whitespace,
    /// A Unicode space Doris does not accept (NBSP, U+3000, ...).
    UnicodeSpace,
    /// `-- ...` to the end of the line (the newline is not part of it).
    LineComment,
    /// `/* ... */`, nested.
    BlockComment { terminated: bool },
    /// `# ...` to the end of the line: not a comment in Doris, scanned as one to recover.
    HashComment,
    /// `plain`: terminated, and the value is the text between the quotes (no escape, no doubled
    /// quote; always false for raw and typographic strings, which are never decoded).
    String { quote: QuoteKind, terminated: bool, plain: bool },
    Backquoted { terminated: bool },
    /// Identifier characters: letters, digits, `_`, `$` and non-ASCII characters.
    Word,
    Semicolon,
    /// `；，（）＝：` and a typographic quote that opens no string.
    FullwidthPunct,
    /// Any other character.
    Punct,
}

impl TokenKind {
    /// Whitespace and comments: not part of the statement's syntax.
    pub fn is_trivia(self) -> bool {
        matches!(
            self,
            TokenKind::Whitespace
                | TokenKind::UnicodeSpace
                | TokenKind::LineComment
                | TokenKind::BlockComment { .. }
                | TokenKind::HashComment
        )
    }

    pub fn is_comment(self) -> bool {
        matches!(self, TokenKind::LineComment | TokenKind::BlockComment { .. } | TokenKind::HashComment)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// A significant token (not whitespace or comment) of a statement, as the parser sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SigToken {
    pub kind: TokenKind,
    /// The keyword a `Word` spells (classified once, when the splitter collects the token).
    pub kw: Option<Kw>,
    pub span: Span,
    /// No whitespace or comment between this token and the previous one.
    pub glued: bool,
}

/// Unicode spaces that Doris rejects outside literals (D006).
pub fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200B}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\u{FEFF}'
    )
}

/// Full-width punctuation Doris users paste from zh-CN documents (D005).
pub fn fullwidth_ascii(c: char) -> Option<char> {
    Some(match c {
        '\u{FF1B}' => ';',
        '\u{FF0C}' => ',',
        '\u{FF08}' => '(',
        '\u{FF09}' => ')',
        '\u{FF1D}' => '=',
        '\u{FF1A}' => ':',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        _ => return None,
    })
}

/// Doris identifier characters: every non-ASCII character counts as a letter. The characters
/// our recovery gives a meaning are excluded.
pub fn is_ident_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_' || c == '$'
    } else {
        !is_unicode_space(c) && fullwidth_ascii(c).is_none()
    }
}

/// The scanner. Iterate it to get every token of the source, in order, tiling it exactly.
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    /// Set once a string of that quote reached the end of input unclosed: from then on such
    /// strings stop at the end of their line, which keeps the scan linear on hostile input.
    broken_single: bool,
    broken_double: bool,
    /// Strings end at the end of their line. The splitter sets this inside statements of the
    /// family, where no literal spans lines: a missing closing quote then swallows only the rest
    /// of its line, and a `;` at its end still ends the statement.
    pub line_bounded: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer { src, pos: 0, broken_single: false, broken_double: false, line_bounded: false }
    }

    /// Skips the ASCII whitespace at the cursor (what a `Whitespace` token would hold); whether
    /// there was any. For the splitter, to which whitespace only separates tokens.
    #[inline]
    pub fn skip_whitespace(&mut self) -> bool {
        let b = self.bytes();
        let start = self.pos;
        let mut i = start;
        while i < b.len() && class(b[i]) == Class::Space {
            i += 1;
        }
        self.pos = i;
        i != start
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn peek_char(&self, at: usize) -> Option<char> {
        self.src[at..].chars().next()
    }

    fn line_end(&self, from: usize) -> usize {
        // Eight bytes at a time: a line comment is read to its end.
        find3(self.bytes(), from, b'\n', b'\n', b'\n').unwrap_or(self.src.len())
    }

    /// Scans a quoted string whose body starts at `body`, across lines.
    fn scan_string(&self, body: usize, q: u8, escapes: bool) -> Scan {
        let b = self.bytes();
        let esc = if escapes { b'\\' } else { q };
        let mut plain = true;
        let mut i = body;
        // Jump from one byte that matters to the next.
        while let Some(at) = find3(b, i, q, esc, esc) {
            i = at;
            if b[i] == b'\\' && escapes {
                plain = false;
                i += 2;
                continue;
            }
            if escapes && b.get(i + 1) == Some(&q) {
                plain = false;
                i += 2;
                continue;
            }
            return Scan { end: i + 1, terminated: true, plain };
        }
        // Unclosed: end the string at the end of the line of its opening quote so that the
        // statements after it can still be read.
        Scan { end: self.line_end(body).max(body).min(b.len()), terminated: false, plain: false }
    }

    /// Like `scan_string` but bounded to the current line. Inlined: in `scan`, for the strings
    /// of a family statement (most strings), `escapes` is then a constant and the call's set-up
    /// (registers, the broadcast search bytes) folds away: about a third of a short string's cost.
    #[inline(always)]
    fn scan_string_in_line(&self, body: usize, q: u8, escapes: bool) -> Scan {
        let b = self.bytes();
        let esc = if escapes { b'\\' } else { q };
        let mut plain = true;
        let mut i = body;
        while let Some(at) = find3(b, i, q, b'\n', esc) {
            i = at;
            match b[i] {
                b'\n' => return Scan { end: i, terminated: false, plain: false },
                b'\\' if escapes => {
                    // An escaped newline does not continue the literal on the next line here.
                    if b.get(i + 1) == Some(&b'\n') {
                        return Scan { end: i + 1, terminated: false, plain: false };
                    }
                    plain = false;
                    i += 2;
                }
                _ if escapes && b.get(i + 1) == Some(&q) => {
                    plain = false;
                    i += 2;
                }
                _ => return Scan { end: i + 1, terminated: true, plain },
            }
        }
        Scan { end: b.len(), terminated: false, plain: false }
    }

    fn string(&mut self, body: usize, q: u8, escapes: bool) -> Scan {
        if self.line_bounded {
            let scan = self.scan_string_in_line(body, q, escapes);
            if scan.terminated {
                return scan;
            }
            // Give a `;` at the end of the line back to the statement.
            let text = &self.src[body..scan.end];
            let trimmed = text.trim_end();
            return match trimmed.strip_suffix(';') {
                Some(rest) => Scan { end: body + rest.len(), ..scan },
                None => scan,
            };
        }
        let broken = if q == b'\'' { self.broken_single } else { self.broken_double };
        if broken {
            return self.scan_string_in_line(body, q, escapes);
        }
        let scan = self.scan_string(body, q, escapes);
        if !scan.terminated {
            if q == b'\'' {
                self.broken_single = true;
            } else {
                self.broken_double = true;
            }
        }
        scan
    }

    fn block_comment(&self, start: usize) -> (usize, bool) {
        let b = self.bytes();
        let mut depth = 0usize;
        let mut i = start;
        // From one `/` or `*` to the next: only they open or close a comment.
        while let Some(at) = find3(b, i, b'/', b'*', b'*') {
            i = at;
            if i + 1 >= b.len() {
                break;
            }
            if b[i] == b'/' && b[i + 1] == b'*' {
                depth += 1;
                i += 2;
            } else if b[i] == b'*' && b[i + 1] == b'/' {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return (i, true);
                }
            } else {
                i += 1;
            }
        }
        (b.len(), false)
    }

    fn typographic(&self, body: usize, open: char) -> Option<usize> {
        let closers: &[char] = if matches!(open, '\u{201C}' | '\u{201D}') {
            &['\u{201C}', '\u{201D}']
        } else {
            &['\u{2018}', '\u{2019}']
        };
        // One pass that stops at the closer or at the end of the line, whichever comes first:
        // looking for the end of the line first would rescan a long line for every quote.
        for (i, c) in self.src[body..].char_indices() {
            if c == '\n' {
                return None;
            }
            if closers.contains(&c) {
                return Some(body + i + c.len_utf8());
            }
        }
        None
    }
}

impl Lexer<'_> {
    /// The end of the identifier characters starting at `from`.
    fn word_end(&self, from: usize) -> usize {
        let b = self.bytes();
        let mut i = from;
        loop {
            // The ASCII run first: one table lookup per byte.
            while let Some(&c) = b.get(i) {
                if !matches!(class(c), Class::Ident | Class::Raw) {
                    break;
                }
                i += 1;
            }
            if b.get(i).is_none_or(|c| c.is_ascii()) {
                break;
            }
            let ch = self.peek_char(i).unwrap_or(' ');
            if !is_ident_char(ch) {
                break;
            }
            i += ch.len_utf8();
        }
        i
    }
}

/// Where a quoted string ends, and whether its value is its text (no escape, no doubled quote).
struct Scan {
    end: usize,
    terminated: bool,
    plain: bool,
}

/// What a byte can start, for the scanner's dispatch (one table lookup per token and per byte
/// of a word or of whitespace).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Space, tab, CR, LF.
    Space,
    /// Letters, digits, `_`, `$` (but `r` and `R` are `Raw`).
    Ident,
    /// `r` or `R`: a word, or a raw string when a quote follows.
    Raw,
    Quote,
    Backquote,
    Semicolon,
    Dash,
    Hash,
    Slash,
    /// Any other ASCII character.
    Punct,
    /// The first byte of a non-ASCII character (continuation bytes never start a token).
    NonAscii,
}

const CLASS: [Class; 256] = {
    let mut t = [Class::Punct; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = match c {
            b' ' | b'\t' | b'\r' | b'\n' => Class::Space,
            b'r' | b'R' => Class::Raw,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'$' => Class::Ident,
            b'\'' | b'"' => Class::Quote,
            b'`' => Class::Backquote,
            b';' => Class::Semicolon,
            b'-' => Class::Dash,
            b'#' => Class::Hash,
            b'/' => Class::Slash,
            0x80..=0xFF => Class::NonAscii,
            _ => Class::Punct,
        };
        i += 1;
    }
    t
};

fn class(c: u8) -> Class {
    CLASS[c as usize]
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    /// The commonest tokens (words, one-byte punctuation, `;`) are made here, small enough to
    /// inline into the splitter's loop (the ASCII run of a word without a call: `word_end` takes
    /// over at a non-ASCII byte); every other token is `scan`'s, whose slow paths make each call
    /// cost more than a short token.
    #[inline]
    fn next(&mut self) -> Option<Token> {
        let start = self.pos;
        let b = self.bytes();
        let &c = b.get(start)?;
        let (kind, end) = match class(c) {
            Class::Ident => {
                let mut i = start + 1;
                while b.get(i).is_some_and(|&c| matches!(class(c), Class::Ident | Class::Raw)) {
                    i += 1;
                }
                if b.get(i).is_some_and(|c| !c.is_ascii()) {
                    i = self.word_end(i);
                }
                (TokenKind::Word, i)
            }
            Class::Punct => (TokenKind::Punct, start + 1),
            Class::Semicolon => (TokenKind::Semicolon, start + 1),
            _ => return self.scan(),
        };
        self.pos = end;
        Some(Token { kind, span: Span::new(start, end) })
    }
}

impl Lexer<'_> {
    /// The token at the cursor, of any kind.
    #[inline(never)]
    fn scan(&mut self) -> Option<Token> {
        let start = self.pos;
        let b = self.bytes();
        let &c = b.get(start)?;
        // The common tokens end on an ASCII byte or at the end of the input, past `start`: no
        // adjustment needed (see the end of this function).
        let exact = |lexer: &mut Self, kind: TokenKind, end: usize| {
            debug_assert!(end > start && end <= b.len() && lexer.src.is_char_boundary(end));
            lexer.pos = end;
            Some(Token { kind, span: Span::new(start, end) })
        };
        let (kind, end) = match class(c) {
            Class::Space => {
                self.skip_whitespace();
                return exact(self, TokenKind::Whitespace, self.pos);
            }
            // `next` makes these words (and punctuation and `;`) itself: this is for completeness.
            Class::Ident => return exact(self, TokenKind::Word, self.word_end(start + 1)),
            Class::Raw => match b.get(start + 1) {
                Some(&q @ (b'\'' | b'"')) => {
                    let Scan { end, terminated, .. } = self.string(start + 2, q, false);
                    let quote = if q == b'\'' { QuoteKind::RawSingle } else { QuoteKind::RawDouble };
                    (TokenKind::String { quote, terminated, plain: false }, end)
                }
                _ => (TokenKind::Word, self.word_end(start + 1)),
            },
            Class::Quote => {
                // Inside a statement of the family, a string closed on its line (nearly all of
                // them) needs none of `string`'s other cases: one call less per string.
                let mut scan = Scan { end: 0, terminated: false, plain: false };
                if self.line_bounded {
                    scan = self.scan_string_in_line(start + 1, c, true);
                }
                if !scan.terminated {
                    scan = self.string(start + 1, c, true);
                }
                let Scan { end, terminated, plain } = scan;
                let quote = if c == b'\'' { QuoteKind::Single } else { QuoteKind::Double };
                return exact(self, TokenKind::String { quote, terminated, plain }, end);
            }
            Class::Dash if b.get(start + 1) == Some(&b'-') => (TokenKind::LineComment, self.line_end(start)),
            Class::Hash => (TokenKind::HashComment, self.line_end(start)),
            Class::Slash if b.get(start + 1) == Some(&b'*') => {
                let (end, terminated) = self.block_comment(start);
                (TokenKind::BlockComment { terminated }, end)
            }
            Class::Backquote => {
                let mut i = start + 1;
                let mut terminated = false;
                while i < b.len() {
                    if b[i] == b'`' {
                        if b.get(i + 1) == Some(&b'`') {
                            i += 2;
                            continue;
                        }
                        i += 1;
                        terminated = true;
                        break;
                    }
                    i += 1;
                }
                if !terminated {
                    // Only now: computing the end of the line up front rescanned a long line for
                    // every name on it. (Unclosed runs to the end of the input once at most:
                    // any later back quote would have closed it.)
                    i = self.line_end(start);
                }
                (TokenKind::Backquoted { terminated }, i)
            }
            Class::Semicolon => (TokenKind::Semicolon, start + 1),
            // ASCII fast path: one byte, always on a char boundary.
            Class::Punct | Class::Dash | Class::Slash => {
                self.pos = start + 1;
                return Some(Token { kind: TokenKind::Punct, span: Span::new(start, start + 1) });
            }
            Class::NonAscii => {
                let ch = self.peek_char(start).unwrap_or('\0');
                if is_ident_char(ch) {
                    (TokenKind::Word, self.word_end(start + ch.len_utf8()))
                } else if is_unicode_space(ch) {
                    let mut i = start;
                    for (off, ch) in self.src[start..].char_indices() {
                        if !is_unicode_space(ch) {
                            break;
                        }
                        i = start + off + ch.len_utf8();
                    }
                    (TokenKind::UnicodeSpace, i)
                } else if matches!(ch, '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}') {
                    match self.typographic(start + ch.len_utf8(), ch) {
                        Some(end) => (
                            TokenKind::String { quote: QuoteKind::Typographic, terminated: true, plain: false },
                            end,
                        ),
                        None => (TokenKind::FullwidthPunct, start + ch.len_utf8()),
                    }
                } else if fullwidth_ascii(ch).is_some() {
                    (TokenKind::FullwidthPunct, start + ch.len_utf8())
                } else {
                    (TokenKind::Punct, start + ch.len_utf8())
                }
            }
        };
        // Every branch advances by at least one character and ends on a char boundary.
        let mut end = end.max(start + 1).min(b.len());
        while !self.src.is_char_boundary(end) {
            end += 1;
        }
        self.pos = end;
        Some(Token { kind, span: Span::new(start, end) })
    }
}

pub fn tokenize(src: &str) -> Vec<Token> {
    Lexer::new(src).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
        tokenize(src).into_iter().map(|t| (t.kind, t.span.text(src))).collect()
    }

    #[test]
    fn tokens_tile_the_source() {
        let src = "ALTER /* a /* b */ c */ SYSTEM -- x\n'it''s' \"a\\\"b\" `q``q` R'x' 中文；#h\n";
        let toks = tokenize(src);
        let mut at = 0;
        for t in &toks {
            assert_eq!(t.span.start, at);
            at = t.span.end;
        }
        assert_eq!(at, src.len());
    }

    #[test]
    fn nested_block_comment_is_one_token() {
        let k = kinds("/* a /* b */ c */x");
        assert_eq!(k[0], (TokenKind::BlockComment { terminated: true }, "/* a /* b */ c */"));
        assert_eq!(k[1], (TokenKind::Word, "x"));
    }

    #[test]
    fn unclosed_comment_runs_to_end() {
        let k = kinds("a /* b /* c */ d");
        assert_eq!(k.last().unwrap().0, TokenKind::BlockComment { terminated: false });
    }

    #[test]
    fn strings_with_escapes_and_doubled_quotes() {
        let k = kinds(r#"'it''s' "a\"b" 'x\'y'"#);
        assert_eq!(k[0].1, "'it''s'");
        assert_eq!(k[2].1, r#""a\"b""#);
        assert_eq!(k[4].1, r"'x\'y'");
    }

    #[test]
    fn plain_strings_are_the_ones_without_escapes_or_doubled_quotes() {
        let plain = |src: &str| match tokenize(src)[0].kind {
            TokenKind::String { plain, .. } => plain,
            other => panic!("{other:?}"),
        };
        assert!(plain("'10.0.0.1:9050'"));
        assert!(plain("\"it's\""));
        assert!(plain("''"));
        assert!(!plain("'it''s'"));
        assert!(!plain("'a\\'b'"));
        assert!(!plain("\"a\\\\\""));
        assert!(!plain("'unterminated"));
        assert!(!plain("R'raw'"));
        assert!(!plain("“typographic”"));
        // Long enough for the eight-byte steps, with the escape after the first eight.
        assert!(plain("'0123456789abcdef0123456789'"));
        assert!(!plain("'0123456789\\abcdef0123456789'"));
        assert!(!plain("'0123456789abcdef''0123456789'"));
    }

    #[test]
    fn unterminated_string_stops_at_line_end() {
        let k = kinds("ADD BACKEND \"be1:9050\nALTER");
        assert_eq!(k[4], (TokenKind::String { quote: QuoteKind::Double, terminated: false, plain: false }, "\"be1:9050"));
        assert_eq!(k[6].1, "ALTER");
    }

    #[test]
    fn raw_strings_only_at_word_start() {
        let k = kinds("R'a\\' xR'b'");
        assert_eq!(k[0], (TokenKind::String { quote: QuoteKind::RawSingle, terminated: true, plain: false }, "R'a\\'"));
        assert_eq!(k[2], (TokenKind::Word, "xR"));
    }

    #[test]
    fn non_ascii_is_a_letter_but_fullwidth_punct_is_not() {
        let k = kinds("broker_name；x 3号机器");
        assert_eq!(k[0], (TokenKind::Word, "broker_name"));
        assert_eq!(k[1], (TokenKind::FullwidthPunct, "；"));
        assert_eq!(k[4], (TokenKind::Word, "3号机器"));
    }

    #[test]
    fn dash_dash_needs_no_space_and_hash_is_scanned() {
        let k = kinds("--x\n#y\n");
        assert_eq!(k[0], (TokenKind::LineComment, "--x"));
        assert_eq!(k[2], (TokenKind::HashComment, "#y"));
    }

    #[test]
    fn typographic_quotes() {
        let k = kinds("“10.0.0.1:9050” ”");
        assert_eq!(k[0], (TokenKind::String { quote: QuoteKind::Typographic, terminated: true, plain: false }, "“10.0.0.1:9050”"));
        assert_eq!(k[2], (TokenKind::FullwidthPunct, "”"));
    }

    #[test]
    fn unicode_spaces() {
        let k = kinds("BACKEND\u{a0}\u{3000}\"x\"");
        assert_eq!(k[1], (TokenKind::UnicodeSpace, "\u{a0}\u{3000}"));
    }

    #[test]
    fn once_a_quote_is_broken_later_strings_of_it_stay_on_their_line() {
        // The first string never closes (every later quote is escaped), so each following one is
        // cut at its own line end instead of being rescanned to the end of the input.
        let src = "\\\"\n".repeat(3);
        let strings: Vec<_> = tokenize(&src)
            .into_iter()
            .filter(|t| matches!(t.kind, TokenKind::String { .. }))
            .map(|t| (t.kind, t.span.text(&src).to_string()))
            .collect();
        let unterminated = TokenKind::String { quote: QuoteKind::Double, terminated: false, plain: false };
        assert_eq!(strings, vec![(unterminated, "\"".to_string()); 3]);
    }
}
