//! The SQL inside Markdown and MDX documents.
//!
//! [`sql_blocks`] finds the fenced code blocks whose info string's first word is `sql` (any case,
//! attributes such as `sql title="x"` or `sql {1,3}` allowed) with a real CommonMark parser
//! (`pulldown-cmark`): backtick and tilde fences of any length, fences nested inside longer fences,
//! fences inside list items and blockquotes, YAML front matter, CRLF files. Each block's SQL text
//! comes with an [`OffsetMap`] from its bytes back to the exact bytes of the document, so that
//! diagnostics and fixes land on the right line and column of the `.md` file.
//!
//! Blocks written in the documentation's reference notation (syntax synopses such as
//! `ALTER SYSTEM DROP BACKEND "host:port"[,"host:port"...]`) are recognised and skipped, and so is
//! a block preceded by `<!-- doris-lint: ignore -->` (or `{/* doris-lint: ignore */}` in MDX).
//!
//! [`lint_markdown`] lints every other block; [`rewrite_blocks`] (and [`format_markdown`],
//! [`fix_markdown`] on top of it) replaces block contents and leaves every other byte as it was.
//! Pure: no I/O, never panics, linear in the size of the document.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::fix::FixResult;
use crate::format::FormatOptions;
use crate::options::LintOptions;
use crate::span::Span;
use crate::suppression::{SuppressedDiagnostic, Suppression};
use crate::syntax::lexer::{Lexer, TokenKind};
use crate::syntax::split::{split, Class};

/// Why a block is not linted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Every statement of the block is written in the docs' reference notation.
    Synopsis,
    /// `<!-- doris-lint: ignore -->` / `{/* doris-lint: ignore */}` on the line before the block.
    Ignored,
}

/// One piece of the map: `len` bytes of block content starting at `content` are the `len`
/// bytes of the document starting at `md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    content: usize,
    md: usize,
    len: usize,
}

/// Maps byte offsets of a block's SQL text to byte offsets of the document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    /// Where an empty block's (empty) content sits in the document.
    origin: usize,
}

impl OffsetMap {
    fn push(&mut self, content: usize, md: usize, len: usize) {
        if len > 0 {
            self.pieces.push(Piece { content, md, len });
        }
    }

    /// The document offset of the content byte at `offset` (for the start of a range): an
    /// offset at the seam of two pieces maps to the start of the later piece.
    pub fn to_md_start(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.content + p.len <= offset);
        match self.pieces.get(i) {
            Some(p) => p.md + offset.saturating_sub(p.content),
            None => self.end(),
        }
    }

    /// The document offset just after the content byte before `offset` (for the end of a
    /// range): an offset at a seam maps to the end of the earlier piece.
    pub fn to_md_end(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.content < offset);
        if i == 0 {
            return self.pieces.first().map_or(self.origin, |p| p.md);
        }
        let p = self.pieces[i - 1];
        p.md + (offset - p.content).min(p.len)
    }

    /// A content range as a document range. Empty ranges stay empty.
    pub fn span(&self, span: Span) -> Span {
        let start = self.to_md_start(span.start);
        if span.is_empty() {
            return Span::empty(start);
        }
        Span::new(start, self.to_md_end(span.end).max(start))
    }

    fn end(&self) -> usize {
        self.pieces.last().map_or(self.origin, |p| p.md + p.len)
    }
}

/// A fenced `sql` code block.
#[derive(Debug, Clone)]
pub struct SqlBlock {
    /// 1-based line of the opening fence in the document.
    pub fence_line: usize,
    /// The whole block in the document, from the opening fence to the end of the closing one.
    pub span: Span,
    /// The info string after the fence (`sql title="x"`).
    pub info: String,
    /// The SQL: each content line without the block's indentation or blockquote prefix, with
    /// `\n` line endings (a CRLF document's `\r` is not part of it).
    pub content: String,
    /// Content bytes → document bytes.
    pub map: OffsetMap,
    /// The content lines in the document, prefixes and line endings included: what
    /// [`rewrite_blocks`] replaces.
    pub region: Span,
    /// What a new content line starts with (indentation, `> ` of a blockquote).
    pub prefix: String,
    /// `"\r\n"` or `"\n"`, as the block's lines end.
    pub line_ending: &'static str,
    /// Why the block is skipped, if it is.
    pub skip: Option<SkipReason>,
    /// Statements of the block written in reference notation (content ranges). When the block
    /// also has real statements, these are left out of linting and the block is not rewritten.
    pub synopsis_statements: Vec<Span>,
}

impl SqlBlock {
    /// Whether the block mixes synopsis statements with real ones.
    pub fn is_mixed(&self) -> bool {
        self.skip.is_none() && !self.synopsis_statements.is_empty()
    }
}

/// Every fenced `sql` block of `md`, in document order. `mdx`: the document is MDX (JSX tags on
/// their own lines do not hide the fences after them; `{/* doris-lint: ignore */}` is accepted).
pub fn sql_blocks(md: &str, mdx: bool) -> Vec<SqlBlock> {
    let masked;
    let parse_text: &str = if mdx {
        masked = mask_jsx_lines(md);
        &masked
    } else {
        md
    };
    let mut options = Options::empty();
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let mut blocks = Vec::new();
    // The block being read: its start, info, and the content-line starts seen in its text.
    let mut open: Option<(usize, String, Vec<usize>)> = None;
    let mut depth = 0usize;
    let mut line_counter = LineCounter::default();
    let mut floor = 0usize;
    for (event, range) in Parser::new_ext(parse_text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                depth += 1;
                if depth == 1 {
                    if let CodeBlockKind::Fenced(info) = kind {
                        if is_sql_info(&info) {
                            open = Some((range.start, info.to_string(), Vec::new()));
                        }
                    }
                }
            }
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some((start, info, starts)) = open.take() {
                        let end = range.end.min(md.len());
                        let fence_line = line_counter.line_of(md, start);
                        let block = build_block(md, mdx, start, end, info, &starts, fence_line, floor);
                        floor = end;
                        blocks.push(block);
                    }
                }
            }
            Event::Text(_) => {
                if let Some((_, _, starts)) = open.as_mut() {
                    let (s, e) = (range.start.min(md.len()), range.end.min(md.len()));
                    starts.push(s);
                    for (i, b) in md.as_bytes()[s..e].iter().enumerate() {
                        if *b == b'\n' && s + i + 1 < e {
                            starts.push(s + i + 1);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    blocks
}

/// Counts lines forward through the document (blocks come in order: linear overall).
#[derive(Default)]
struct LineCounter {
    at: usize,
    line: usize,
}

impl LineCounter {
    /// 1-based line of `offset`; offsets must not decrease between calls.
    fn line_of(&mut self, md: &str, offset: usize) -> usize {
        let offset = offset.min(md.len());
        if offset >= self.at {
            self.line += md.as_bytes()[self.at..offset].iter().filter(|&&b| b == b'\n').count();
            self.at = offset;
        }
        self.line + 1
    }
}

/// Whether an info string's first word is `sql` (`sql`, `SQL`, `sql title="x"`, `sql{1,3}`).
fn is_sql_info(info: &str) -> bool {
    let word: &str = info.trim_start().split(|c: char| c.is_whitespace() || c == '{' || c == ',').next().unwrap_or("");
    word.eq_ignore_ascii_case("sql")
}

/// The end of the line containing `at` (the offset of its `\n`, or `limit`).
fn line_end(md: &str, at: usize, limit: usize) -> usize {
    md.as_bytes()[at..limit].iter().position(|&b| b == b'\n').map_or(limit, |i| at + i)
}

/// The start of the line containing `at`.
fn line_start(md: &str, at: usize) -> usize {
    md.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

#[allow(clippy::too_many_arguments)]
fn build_block(
    md: &str,
    mdx: bool,
    start: usize,
    end: usize,
    info: String,
    starts: &[usize],
    fence_line: usize,
    floor: usize,
) -> SqlBlock {
    let fence_line_start = line_start(md, start);
    let fence_line_end = line_end(md, start, end);
    let line_ending = if fence_line_end > 0 && md.as_bytes().get(fence_line_end) == Some(&b'\n') && md.as_bytes()[fence_line_end - 1] == b'\r' {
        "\r\n"
    } else {
        "\n"
    };
    // Content lines: from the line after the opening fence to the closing fence's line (or the
    // end of the block when the fence is never closed).
    let content_begin = (fence_line_end + 1).min(end);
    let last_line_start = line_start(md, end).max(content_begin);
    let last_text_start = starts.last().copied();
    let closed = !md[start..end].ends_with('\n')
        && last_line_start < end
        && last_text_start.is_none_or(|t| t < last_line_start);
    let content_end = if closed { last_line_start } else { end };

    let mut content = String::new();
    let mut map = OffsetMap { pieces: Vec::new(), origin: content_begin };
    let mut next_start = starts.iter().copied().peekable();
    let mut ls = content_begin;
    while ls < content_end {
        let le = line_end(md, ls, content_end);
        // The first text start within this line is where its content begins.
        let mut cs = le;
        while let Some(&s) = next_start.peek() {
            if s < ls {
                next_start.next();
            } else {
                if s <= le {
                    cs = s;
                }
                break;
            }
        }
        let mut text_end = le;
        if text_end > cs && md.as_bytes()[text_end - 1] == b'\r' && le < content_end {
            text_end -= 1;
        }
        // `cs` comes from the parser's ranges; stay on char boundaries whatever happens.
        let cs = floor_boundary(md, cs.min(text_end));
        map.push(content.len(), cs, text_end - cs);
        content.push_str(&md[cs..text_end]);
        if le < content_end {
            map.push(content.len(), le, 1);
            content.push('\n');
        }
        ls = le + 1;
    }

    let prefix: String = md[fence_line_start..start]
        .chars()
        .map(|c| if c == '>' || c == ' ' || c == '\t' { c } else { ' ' })
        .collect();
    let ignored = ignore_comment_before(md, fence_line_start, floor, mdx);
    let synopsis_statements = synopsis_statements(&content);
    let skip = if ignored {
        Some(SkipReason::Ignored)
    } else if !synopsis_statements.is_empty() && only_synopsis(&content) {
        Some(SkipReason::Synopsis)
    } else {
        None
    };
    SqlBlock {
        fence_line,
        span: Span::new(start, end),
        info,
        content,
        map,
        region: Span::new(content_begin, content_end),
        prefix,
        line_ending,
        skip,
        synopsis_statements,
    }
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// MDX: lines holding only a JSX tag (`<Tabs>`, `<TabItem value="x">`, `</TabItem>`) or only a
/// `{/* ... */}` comment are blanked (same length, so offsets are kept) before parsing, so that
/// CommonMark's HTML-block rule does not swallow a fence that follows such a line directly.
fn mask_jsx_lines(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let t = body.trim();
        let jsx_tag = t.len() >= 3
            && t.starts_with('<')
            && t.ends_with('>')
            && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
            && body.starts_with([' ', '<']);
        let jsx_comment = t.starts_with("{/*") && t.ends_with("*/}");
        if jsx_tag || jsx_comment {
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Whether the last non-blank line before `fence_line_start` (and after `floor`) is an ignore
/// comment.
fn ignore_comment_before(md: &str, fence_line_start: usize, floor: usize, mdx: bool) -> bool {
    let mut end = fence_line_start;
    while end > floor {
        let ls = line_start(md, end - 1).max(floor);
        let line = md[ls..end].trim_end_matches(['\n', '\r']);
        let t = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).trim_end();
        if t.is_empty() {
            end = ls;
            continue;
        }
        return is_ignore_comment(t, mdx);
    }
    false
}

fn is_ignore_comment(t: &str, mdx: bool) -> bool {
    let inner = if let Some(i) = t.strip_prefix("<!--").and_then(|r| r.strip_suffix("-->")) {
        i
    } else if let Some(i) = t.strip_prefix("{/*").and_then(|r| r.strip_suffix("*/}")).filter(|_| mdx) {
        i
    } else {
        return false;
    };
    let Some(rest) = inner.trim().strip_prefix("doris-lint") else { return false };
    let Some(rest) = rest.trim_start().strip_prefix(':') else { return false };
    let rest = rest.trim_start();
    rest.strip_prefix("ignore").is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace))
}

/// The statements of the family in `sql` that use reference notation outside literals and
/// comments: `[ ... ]` optional parts, `...` repetition, `<placeholder>` names, `|`
/// alternatives, `{a|b}` choices.
pub fn synopsis_statements(sql: &str) -> Vec<Span> {
    family_pieces(sql).into_iter().filter(|&(_, synopsis)| synopsis).map(|(span, _)| span).collect()
}

/// Whether every statement of the family in `sql` is a synopsis (and there is at least one).
fn only_synopsis(sql: &str) -> bool {
    let pieces = family_pieces(sql);
    !pieces.is_empty() && pieces.iter().all(|&(_, synopsis)| synopsis)
}

/// The statements of the family in `sql`, each with whether it is a synopsis. A synopsis
/// usually has no `;`, so the splitter hands it over together with the lines after it: a
/// segment that uses notation is cut again where a line starts a new statement of the family
/// (`ALTER SYSTEM`, `CANCEL DECOMMISSION`), and each piece is judged on its own.
fn family_pieces(sql: &str) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    for seg in split(sql) {
        if seg.class != Class::Family {
            continue;
        }
        let span = Span::new(seg.body.start, seg.terminator.map_or(seg.body.end, |t| t.end));
        if !uses_notation(span.text(sql)) {
            out.push((span, false));
            continue;
        }
        let starts = statement_line_starts(sql, span);
        for (i, &from) in starts.iter().enumerate() {
            let to = starts.get(i + 1).copied().unwrap_or(span.end);
            let piece = Span::new(from, trim_end_at(sql, from, to));
            out.push((piece, uses_notation(piece.text(sql))));
        }
    }
    out
}

/// `span.start` and the starts of the lines inside `span` whose first words begin a statement
/// of the family (outside literals and comments).
fn statement_line_starts(sql: &str, span: Span) -> Vec<usize> {
    let text = span.text(sql);
    let mut starts = vec![span.start];
    let mut lexer = Lexer::new(text);
    lexer.line_bounded = true;
    let words: Vec<(usize, &str, bool)> = {
        let mut at_line_start = false;
        let mut v = Vec::new();
        for t in lexer {
            match t.kind {
                TokenKind::Whitespace => {
                    if t.span.text(text).contains('\n') {
                        at_line_start = true;
                    }
                }
                k if k.is_comment() => {}
                TokenKind::Word => {
                    v.push((t.span.start, t.span.text(text), at_line_start));
                    at_line_start = false;
                }
                _ => {
                    v.push((t.span.start, "", false));
                    at_line_start = false;
                }
            }
        }
        v
    };
    for (i, &(at, word, line_start)) in words.iter().enumerate() {
        if !line_start || i == 0 {
            continue;
        }
        let next = words.get(i + 1).map_or("", |w| w.1);
        let head = (word.eq_ignore_ascii_case("ALTER") && next.eq_ignore_ascii_case("SYSTEM"))
            || (word.eq_ignore_ascii_case("CANCEL") && next.eq_ignore_ascii_case("DECOMMISSION"));
        if head {
            starts.push(span.start + line_start_of(text, at));
        }
    }
    starts
}

/// The start of the line of `at` in `text`.
fn line_start_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// `to`, moved back over trailing whitespace (not before `from`).
fn trim_end_at(sql: &str, from: usize, to: usize) -> usize {
    from + sql[from..to].trim_end().len()
}

/// Whether one statement uses the docs' reference notation outside literals and comments.
pub fn is_synopsis(statement: &str) -> bool {
    uses_notation(statement)
}

fn uses_notation(stmt: &str) -> bool {
    let mut lexer = Lexer::new(stmt);
    lexer.line_bounded = true;
    let mut prev_dot_end: Option<usize> = None;
    let mut prev_lt_end: Option<usize> = None;
    for t in lexer {
        let text = t.span.text(stmt);
        match t.kind {
            TokenKind::Punct => match text {
                "[" | "]" | "|" | "{" | "}" => return true,
                "." => {
                    if prev_dot_end == Some(t.span.start) {
                        return true;
                    }
                    prev_dot_end = Some(t.span.end);
                    prev_lt_end = None;
                    continue;
                }
                "<" => {
                    prev_lt_end = Some(t.span.end);
                    prev_dot_end = None;
                    continue;
                }
                _ => {}
            },
            TokenKind::Word => {
                if text.contains('\u{2026}') {
                    return true;
                }
                if prev_lt_end == Some(t.span.start) {
                    return true;
                }
            }
            _ => {}
        }
        prev_dot_end = None;
        prev_lt_end = None;
    }
    false
}

/// What linting a document found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MarkdownLint {
    /// In document bytes (spans and fix edits), sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// What suppression comments inside the blocks silenced, in document bytes. Their
    /// `suppression` index points into [`MarkdownLint::suppressions`].
    pub suppressed: Vec<SuppressedDiagnostic>,
    /// The suppression comments of every linted block, in document bytes (a comment's
    /// `segment` counts the statements of its own block).
    pub suppressions: Vec<Suppression>,
    pub blocks_linted: usize,
    pub skipped_synopsis: usize,
    pub skipped_ignored: usize,
    /// Synopsis statements left out of blocks that were otherwise linted.
    pub synopsis_statements: usize,
}

/// The content of `block` with its synopsis statements blanked (same length, newlines kept).
fn linted_text(block: &SqlBlock) -> String {
    if block.synopsis_statements.is_empty() {
        return block.content.clone();
    }
    let mut bytes = block.content.clone().into_bytes();
    for span in &block.synopsis_statements {
        for b in &mut bytes[span.start..span.end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Only whole characters were blanked (spans are on char boundaries, and every byte of a
    // multi-byte character became a space), so this is valid UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Lints the SQL blocks of a Markdown (or MDX) document.
pub fn lint_markdown(md: &str, mdx: bool, options: &LintOptions) -> MarkdownLint {
    let mut out = MarkdownLint::default();
    for block in sql_blocks(md, mdx) {
        match block.skip {
            Some(SkipReason::Synopsis) => out.skipped_synopsis += 1,
            Some(SkipReason::Ignored) => out.skipped_ignored += 1,
            None => {
                out.blocks_linted += 1;
                out.synopsis_statements += block.synopsis_statements.len();
                let report = crate::lint::lint_report(&linted_text(&block), options);
                let base = out.suppressions.len();
                out.diagnostics.extend(report.diagnostics.into_iter().map(|d| map_diagnostic(&block, d)));
                out.suppressed.extend(report.suppressed.into_iter().map(|mut s| {
                    s.diagnostic = map_diagnostic(&block, s.diagnostic);
                    s.suppression += base;
                    s
                }));
                out.suppressions.extend(report.suppressions.into_iter().map(|mut s| {
                    s.comment = block.map.span(s.comment);
                    for c in &mut s.codes {
                        c.span = block.map.span(c.span);
                    }
                    s
                }));
            }
        }
    }
    crate::lint::sort_report(&mut out.diagnostics, &mut out.suppressed);
    out
}

/// A block diagnostic in document bytes. Inserted newlines get the block's line ending and prefix.
pub fn map_diagnostic(block: &SqlBlock, mut d: Diagnostic) -> Diagnostic {
    d.span = block.map.span(d.span);
    if let Some(fix) = d.fix.take() {
        let edits: Vec<Edit> = fix
            .edits
            .into_iter()
            .map(|e| {
                let mut insert = e.insert;
                if insert.contains('\n') {
                    insert = insert.replace('\n', &format!("{}{}", block.line_ending, block.prefix));
                }
                Edit::replace(block.map.span(e.span), insert)
            })
            .collect();
        d.fix = Some(Box::new(Fix::new(fix.applicability, fix.message, edits)));
    }
    d
}

/// Replaces the content of each block for which `f` returns new SQL, re-adding each line's
/// prefix and the block's line ending. Skipped blocks and blocks mixing synopsis and real
/// statements are left alone; so is every byte outside block contents, and every line of a
/// block that `f` did not change.
pub fn rewrite_blocks(md: &str, mdx: bool, mut f: impl FnMut(&SqlBlock) -> Option<String>) -> String {
    let mut out = String::with_capacity(md.len());
    let mut at = 0;
    for block in sql_blocks(md, mdx) {
        // A fence line without a line ending (`~~~sql` at the very end) has no content lines.
        let no_lines = block.region.start == 0 || md.as_bytes()[block.region.start - 1] != b'\n';
        if block.skip.is_some() || block.is_mixed() || no_lines {
            continue;
        }
        let Some(new) = f(&block) else { continue };
        if new == block.content || block.region.start < at {
            continue;
        }
        out.push_str(&md[at..block.region.start]);
        write_region(md, &block, &new, &mut out);
        at = block.region.end;
    }
    out.push_str(&md[at..]);
    out
}

fn write_region(md: &str, block: &SqlBlock, new: &str, out: &mut String) {
    let region = block.region.text(md);
    let old_lines: Vec<&str> = region.split_inclusive('\n').collect();
    let old_content: Vec<&str> = block.content.split_inclusive('\n').collect();
    let ends_open = !region.is_empty() && !region.ends_with('\n');
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    for (i, line) in new_lines.iter().enumerate() {
        // A line that did not change keeps its original bytes, prefix and all.
        if old_content.get(i) == Some(line) {
            if let Some(old) = old_lines.get(i) {
                out.push_str(old);
                continue;
            }
        }
        let text = line.strip_suffix('\n').unwrap_or(line);
        let text = text.strip_suffix('\r').unwrap_or(text);
        if text.is_empty() {
            out.push_str(block.prefix.trim_end());
        } else {
            out.push_str(&block.prefix);
            out.push_str(text);
        }
        if line.ends_with('\n') {
            out.push_str(block.line_ending);
        }
    }
    // The closing fence must stay on a line of its own.
    if !new.is_empty() && !new.ends_with('\n') && !ends_open && block.region.end < block.span.end {
        out.push_str(block.line_ending);
    }
}

/// Formats the SQL blocks of a document with the formatter; every other byte stays as it was
/// (see [`rewrite_blocks`]). Skipped blocks and blocks mixing synopsis and real statements are
/// not touched.
pub fn format_markdown(md: &str, mdx: bool, options: &FormatOptions) -> String {
    rewrite_blocks(md, mdx, |b| Some(crate::format::format(&b.content, options)))
}

/// Applies the safe fixes (and the unsafe ones when `unsafe_fixes`) inside every linted block.
/// Blocks that mix synopsis and real statements are not touched.
pub fn fix_markdown(md: &str, mdx: bool, options: &LintOptions, unsafe_fixes: bool) -> String {
    fix_markdown_result(md, mdx, options, unsafe_fixes).output
}

/// [`fix_markdown`] with what it did: the fix engine ([`crate::fix::fix`]) runs on each block
/// on its own, with the same safe/unsafe rules as for a SQL file. `applied` lists the fixes of
/// every block in document order, `rounds` is the most any block needed, `converged` holds when
/// every block converged, and `remaining` is what [`lint_markdown`] reports on the output.
pub fn fix_markdown_result(md: &str, mdx: bool, options: &LintOptions, unsafe_fixes: bool) -> FixResult {
    let mut applied = Vec::new();
    let mut rounds = 0;
    let mut converged = true;
    let output = rewrite_blocks(md, mdx, |b| {
        let r = crate::fix::fix(&b.content, options, unsafe_fixes);
        applied.extend(r.applied);
        rounds = rounds.max(r.rounds);
        converged &= r.converged;
        Some(r.output)
    });
    let remaining = lint_markdown(&output, mdx, options).diagnostics;
    FixResult { output, applied, remaining, rounds, converged }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(md: &str) -> Vec<String> {
        sql_blocks(md, false).into_iter().map(|b| b.content).collect()
    }

    /// Every content byte maps onto the same byte of the document.
    fn assert_map_exact(md: &str, mdx: bool) {
        for b in sql_blocks(md, mdx) {
            for (i, c) in b.content.char_indices() {
                let at = b.map.to_md_start(i);
                if c == '\n' {
                    assert_eq!(&md[at..at + 1], "\n", "newline of {:?} at {i}", b.content);
                } else {
                    assert!(md[at..].starts_with(c), "{c:?} of {:?} at {i} maps to {at}", b.content);
                }
            }
        }
    }

    #[test]
    fn plain_fences_of_both_kinds() {
        let md = "# T\n\n```sql\nA;\n```\n\n~~~SQL title=\"x\"\nB;\n~~~\n\n```bash\nC\n```\n";
        assert_eq!(contents(md), vec!["A;\n", "B;\n"]);
        let b = sql_blocks(md, false);
        assert_eq!(b[0].fence_line, 3);
        assert_eq!(b[1].fence_line, 7);
        assert_eq!(b[1].info, "SQL title=\"x\"");
        assert_map_exact(md, false);
    }

    #[test]
    fn info_words() {
        assert!(is_sql_info("sql"));
        assert!(is_sql_info("SQL {1,3}"));
        assert!(is_sql_info("sql{1}"));
        assert!(is_sql_info("sql title=\"a.sql\""));
        assert!(!is_sql_info("mysql"));
        assert!(!is_sql_info("sqlite"));
        assert!(!is_sql_info(""));
    }

    #[test]
    fn nested_fence_is_not_sql() {
        let md = "````md\n```sql\nALTER SYSTEM ADD BACKEND \"a:1,b:2\";\n```\n````\n";
        assert!(sql_blocks(md, false).is_empty());
    }

    #[test]
    fn list_and_blockquote_prefixes_are_not_content() {
        let md = "1. step\n\n   ```sql\n   ALTER SYSTEM ADD BACKEND \"h:9050\";\n     -- two more\n   ```\n\n> ```sql\n> A;\n>\n>  B;\n> ```\n";
        assert_eq!(contents(md), vec!["ALTER SYSTEM ADD BACKEND \"h:9050\";\n  -- two more\n", "A;\n\n B;\n"]);
        let b = sql_blocks(md, false);
        assert_eq!(b[0].prefix, "   ");
        assert_eq!(b[1].prefix, "> ");
        assert_map_exact(md, false);
    }

    #[test]
    fn crlf_lines() {
        let md = "text\r\n\r\n```sql\r\nA;\r\nB;\r\n```\r\n";
        let b = sql_blocks(md, false);
        assert_eq!(b[0].content, "A;\nB;\n");
        assert_eq!(b[0].line_ending, "\r\n");
        assert_map_exact(md, false);
    }

    #[test]
    fn front_matter_and_unclosed_fences() {
        let md = "---\ntitle: \"```sql\"\n---\n\n```sql\nX;";
        let b = sql_blocks(md, false);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].content, "X;");
        assert_eq!(b[0].fence_line, 5);
        assert_map_exact(md, false);
    }

    #[test]
    fn ignore_comments() {
        let md = "<!-- doris-lint: ignore -->\n```sql\nA;\n```\n\n<!--doris-lint:ignore-->\n\n```sql\nB;\n```\n\n{/* doris-lint: ignore */}\n```sql\nC;\n```\n";
        let skips: Vec<_> = sql_blocks(md, false).into_iter().map(|b| b.skip).collect();
        assert_eq!(skips, vec![Some(SkipReason::Ignored), Some(SkipReason::Ignored), None]);
        let skips: Vec<_> = sql_blocks(md, true).into_iter().map(|b| b.skip).collect();
        assert_eq!(skips, vec![Some(SkipReason::Ignored); 3]);
    }

    #[test]
    fn mdx_jsx_lines_do_not_hide_fences() {
        let md = "<Tabs>\n<TabItem value=\"a\">\n```sql\nA;\n```\n</TabItem>\n</Tabs>\n";
        let b = sql_blocks(md, true);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].content, "A;\n");
        assert_map_exact(md, true);
    }

    #[test]
    fn notation_outside_literals_only() {
        assert!(is_synopsis("ALTER SYSTEM DROP BACKEND \"host:port\"[,\"host:port\"...];"));
        assert!(is_synopsis("ALTER SYSTEM RENAME COMPUTE GROUP <old_name> <new_name>"));
        assert!(is_synopsis("ALTER SYSTEM ADD BROKER b \"a:1\",\"b:2\",...;"));
        assert!(is_synopsis("ALTER SYSTEM {ADD|DROP} FOLLOWER \"h:9010\""));
        assert!(is_synopsis("ALTER SYSTEM ADD BACKEND \"a:1\"\u{2026}"));
        assert!(!is_synopsis("ALTER SYSTEM ADD BACKEND \"<be_host>:9050\";"));
        assert!(!is_synopsis("ALTER SYSTEM ADD BACKEND \"h:9050\" -- [optional] <x> ..."));
        assert!(!is_synopsis("ALTER SYSTEM ADD BACKEND \"h:9050\" /* a|b */;"));
        assert!(!is_synopsis("ALTER SYSTEM SET LOAD ERRORS HUB PROPERTIES (\"u\" = \"mysql://h:1[/db]\")"));
    }

    #[test]
    fn a_synopsis_line_without_semicolon_does_not_hide_the_example_after_it() {
        let md = "```sql\nALTER SYSTEM DROPP BACKEND \"host:port\"[,\"host:port\"...]\nALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n```\n";
        let b = &sql_blocks(md, false)[0];
        assert_eq!(b.skip, None);
        assert_eq!(b.synopsis_statements.len(), 1);
        assert_eq!(b.synopsis_statements[0].text(&b.content), "ALTER SYSTEM DROPP BACKEND \"host:port\"[,\"host:port\"...]");
        let r = lint_markdown(md, false, &LintOptions::default());
        let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["D101"]);
        // Two synopsis lines: the block is a synopsis.
        let md = "```sql\nALTER SYSTEM ADD BACKEND \"h:p\"[,...]\nALTER SYSTEM DROP BACKEND <id>\n```\n";
        assert_eq!(sql_blocks(md, false)[0].skip, Some(SkipReason::Synopsis));
    }

    #[test]
    fn mixed_block_lints_only_real_statements() {
        let md = "```sql\nALTER SYSTEM DROPP BACKEND \"h:p\"[,\"h:p\"...];\nALTER SYSTEM ADD BACKEND \"a:9050,b:9050\";\n```\n";
        let b = &sql_blocks(md, false)[0];
        assert!(b.is_mixed());
        assert_eq!(b.synopsis_statements.len(), 1);
        let r = lint_markdown(md, false, &LintOptions::default());
        assert_eq!(r.blocks_linted, 1);
        assert_eq!(r.synopsis_statements, 1);
        assert!(!r.diagnostics.is_empty());
        let line2 = md.find("ALTER SYSTEM ADD").unwrap();
        assert!(r.diagnostics.iter().all(|d| d.span.start >= line2), "{:?}", r.diagnostics);
    }

    #[test]
    fn rewrite_keeps_prefixes_and_other_bytes() {
        let md = "Intro\r\n\r\n- item\r\n\r\n  ```sql\r\n  a;\r\n  b;\r\n  ```\r\n\r\nOutro\r\n";
        let out = rewrite_blocks(md, false, |b| Some(b.content.replace("b;", "bb;\n\nc;")));
        assert_eq!(out, "Intro\r\n\r\n- item\r\n\r\n  ```sql\r\n  a;\r\n  bb;\r\n\r\n  c;\r\n  ```\r\n\r\nOutro\r\n");
        let same = rewrite_blocks(md, false, |b| Some(b.content.clone()));
        assert_eq!(same, md);
    }

    #[test]
    fn rewrite_adds_newline_before_closing_fence() {
        let md = "```sql\na;\n```\n";
        assert_eq!(rewrite_blocks(md, false, |_| Some("b;".into())), "```sql\nb;\n```\n");
        let md = "```sql\n```\n";
        assert_eq!(rewrite_blocks(md, false, |_| Some("b;\n".into())), "```sql\nb;\n```\n");
        let md = "```sql";
        assert_eq!(rewrite_blocks(md, false, |_| Some("b;\n".into())), "```sql");
        let md = "```sql\n";
        assert_eq!(rewrite_blocks(md, false, |_| Some("b;\n".into())), "```sql\nb;\n");
    }

    #[test]
    fn no_panics_on_odd_input() {
        for md in ["", "```", "```sql", "```sql\n", "> ```sql\n> 中文\u{3000}\n", "-\t```sql\n\t\tx\n", "```sql\r", "~~~sql\n\u{feff}x\r\n", "  ```sql\n\t中\n```"] {
            for mdx in [false, true] {
                let _ = lint_markdown(md, mdx, &LintOptions::default());
                assert_map_exact(md, mdx);
                let _ = rewrite_blocks(md, mdx, |b| Some(format!("{}x\n", b.content)));
            }
        }
    }
}
