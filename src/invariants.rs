//! The robustness properties of the library (issue 8, docs/robustness.md), written once and
//! checked by the property tests (`tests/robustness.rs`, `tests/format.rs`, `tests/fix.rs`, the
//! fix engine's unit tests) and by the cargo-fuzz targets (`fuzz/fuzz_targets/`). Each `check_*`
//! function panics with a readable message when a property fails; a panic inside the library is
//! reported the same way by the harness.
//!
//! Test support, not API: hidden from the docs, and the one part of the crate that panics on
//! purpose.
//!
//! Adding a target for a new API: a `check_*` function here, a property test in
//! `tests/robustness.rs`, a `[[bin]]` in `fuzz/Cargo.toml` and a five-line file in
//! `fuzz/fuzz_targets/`.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{FixResult, MAX_ROUNDS};
use crate::format::{CommaStyle, FormatOptions, Indent, KeywordCase, PropertiesLayout, QuoteStyle, SemicolonStyle};
use crate::line_index::LineIndex;
use crate::options::{LintOptions, Locale, Mode, RuleLevel};
use crate::span::Span;
use crate::syntax::ast::{Comment, LexicalIssue};
use crate::syntax::split::{split_each, Class};
use crate::syntax::{Node, Part, Script, Segment};

/// Fuzz targets cap their input at this size (libFuzzer's `-max_len` is set to it too, in
/// `scripts/fuzz.sh`), so that one execution stays far under libFuzzer's `-timeout` when
/// everything is linear.
pub const MAX_INPUT: usize = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Inputs and options

/// Lossily turns fuzzer bytes into a string (invalid UTF-8 becomes U+FFFD), at most
/// [`MAX_INPUT`] bytes of input.
pub fn text_of(data: &[u8]) -> String {
    let data = &data[..data.len().min(MAX_INPUT)];
    String::from_utf8_lossy(data).into_owned()
}

/// A cheap, stable hash of the input, to pick options with (so that no input bytes are spent
/// on options, and a crashing input reproduces with the same options).
pub fn pick(src: &str) -> usize {
    src.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
}

/// Four option sets that switch different rules on, chosen by `pick`.
pub fn lint_options(pick: usize) -> LintOptions {
    let mut o = LintOptions::default();
    match pick % 4 {
        0 => {}
        1 => {
            o.mode = Mode::Integrated;
            o.locale = Locale::ZhCn;
            o.doris_version = Some("2.1".into());
            o.enable_multi_tags = Some(false);
        }
        2 => {
            o.mode = Mode::Decoupled;
            o.doris_version = Some("3.0".into());
            o.enable_multi_tags = Some(true);
            o.existing_backends = Some(vec!["10.0.0.1:9050".into(), "10001".into(), "h:9050".into()]);
        }
        _ => {
            o.existing_backends = Some(vec![]);
            o.ports.heartbeat = 1;
            o.ports.edit_log = 65535;
            o.ports.broker = 0;
            // The rules that are off by default (D902's fix is the formatter's output).
            o.rules.insert("D902".into(), RuleLevel::Warning);
            o.rules.insert("D903".into(), RuleLevel::Error);
        }
    }
    o
}

/// The formatter's option sets, by name: the defaults and each option changed alone.
pub fn format_option_sets() -> Vec<(&'static str, FormatOptions)> {
    let d = FormatOptions::default;
    vec![
        ("default", d()),
        ("keyword_lower", FormatOptions { keyword_case: KeywordCase::Lower, ..d() }),
        ("keyword_preserve", FormatOptions { keyword_case: KeywordCase::Preserve, ..d() }),
        ("quote_single", FormatOptions { quote_style: QuoteStyle::Single, ..d() }),
        ("quote_preserve", FormatOptions { quote_style: QuoteStyle::Preserve, ..d() }),
        ("indent_2", FormatOptions { indent: Indent::Spaces(2), ..d() }),
        ("indent_tab", FormatOptions { indent: Indent::Tab, ..d() }),
        ("line_width_40", FormatOptions { line_width: 40, ..d() }),
        ("line_width_120", FormatOptions { line_width: 120, ..d() }),
        ("comma_leading", FormatOptions { comma_style: CommaStyle::Leading, ..d() }),
        ("properties_expanded", FormatOptions { properties_layout: PropertiesLayout::Expanded, ..d() }),
        ("semicolon_preserve", FormatOptions { semicolon: SemicolonStyle::Preserve, ..d() }),
    ]
}

/// One of [`format_option_sets`], chosen by `pick`; a third of the time a mix of several.
pub fn format_options(pick: usize) -> FormatOptions {
    let sets = format_option_sets();
    if !pick.is_multiple_of(3) {
        return sets[pick / 3 % sets.len()].1.clone();
    }
    let bits = pick / 3;
    FormatOptions {
        keyword_case: [KeywordCase::Upper, KeywordCase::Lower, KeywordCase::Preserve][bits % 3],
        quote_style: [QuoteStyle::Double, QuoteStyle::Single, QuoteStyle::Preserve][bits / 3 % 3],
        indent: [Indent::Spaces(4), Indent::Spaces(0), Indent::Tab][bits / 9 % 3],
        line_width: [80, 1, 120][bits / 27 % 3],
        comma_style: [CommaStyle::Trailing, CommaStyle::Leading][bits / 81 % 2],
        properties_layout: [PropertiesLayout::Auto, PropertiesLayout::Expanded][bits / 162 % 2],
        semicolon: [SemicolonStyle::Always, SemicolonStyle::Preserve][bits / 324 % 2],
    }
}

// ---------------------------------------------------------------------------------------------
// Spans

/// `span` lies inside `src` and starts and ends on char boundaries.
pub fn assert_span(src: &str, span: Span, what: &dyn std::fmt::Display) {
    assert!(
        span.start <= span.end && span.end <= src.len(),
        "{what}: span {}..{} is outside the input (length {})",
        span.start,
        span.end,
        src.len()
    );
    assert!(
        src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
        "{what}: span {}..{} does not lie on char boundaries",
        span.start,
        span.end
    );
}

fn assert_within(outer: Span, inner: Span, what: &dyn std::fmt::Display) {
    assert!(
        outer.contains(inner),
        "{what}: span {}..{} is not inside {}..{}",
        inner.start,
        inner.end,
        outer.start,
        outer.end
    );
}

/// What the splitter gives every segment, checked the same way for [`check_split`] and
/// [`check_parse`].
struct Parts<'a> {
    span: Span,
    body: Span,
    terminator: Option<Span>,
    comments: &'a [Comment],
    lexical: &'a [LexicalIssue],
}

/// The segments tile `src` exactly: each starts where the previous one ended, the last ends at
/// the end of the input, and there is at least one. Every part of a segment (body, terminator,
/// comments, lexical issues) lies inside it on char boundaries; the terminator is a `;` after
/// the body; comments are in order and do not overlap.
fn check_tiling<'a>(src: &str, segments: impl IntoIterator<Item = Parts<'a>>) {
    let mut at = 0;
    let mut count = 0;
    for (i, seg) in segments.into_iter().enumerate() {
        count += 1;
        let what = format!("segment {i}");
        assert_eq!(seg.span.start, at, "{what} starts at {} but the previous one ended at {at}", seg.span.start);
        assert_span(src, seg.span, &what);
        at = seg.span.end;
        let inside = |span: Span, name: &str| {
            let w = format!("{what} {name}");
            assert_span(src, span, &w);
            assert_within(seg.span, span, &w);
        };
        inside(seg.body, "body");
        if let Some(t) = seg.terminator {
            inside(t, "terminator");
            assert_eq!(t.text(src), ";", "{what}: the terminator is not a `;`");
            assert!(t.start >= seg.body.end, "{what}: the terminator lies before the end of the body");
        }
        let mut prev_comment_end = seg.span.start;
        for c in seg.comments {
            inside(c.span, "comment");
            assert!(c.span.start >= prev_comment_end, "{what}: comments overlap or are out of order");
            prev_comment_end = c.span.end;
        }
        for l in seg.lexical {
            inside(l.span(), "lexical issue");
        }
    }
    assert!(count > 0, "no segment");
    assert_eq!(at, src.len(), "the segments end at {at}, not at the end of the input ({})", src.len());
}

// ---------------------------------------------------------------------------------------------
// Splitter, parser, lint

/// The splitter alone (`split_each`, what every other entry point builds on): the segments tile
/// the input (see [`check_tiling`]); a segment is classed empty exactly when its body is empty;
/// the significant tokens handed to the parser (statements of the family only) are in order,
/// do not overlap, lie inside the body, start at its start and end at its end, and are never
/// whitespace or comments.
pub fn check_split(src: &str) {
    let mut segments = Vec::new();
    split_each(src, |raw, tokens| {
        let what = format!("segment {} at {}..{}", segments.len(), raw.span.start, raw.span.end);
        assert_eq!(raw.class == Class::Empty, raw.body.is_empty(), "{what}: class {:?} but body {:?}", raw.class, raw.body);
        if raw.class == Class::Family {
            assert!(!tokens.is_empty(), "{what}: a statement of the family without tokens");
            assert_eq!(tokens[0].span.start, raw.body.start, "{what}: the first token is not the body's start");
            assert_eq!(tokens[tokens.len() - 1].span.end, raw.body.end, "{what}: the last token is not the body's end");
        } else {
            assert!(tokens.is_empty(), "{what}: tokens handed over for a {:?} segment", raw.class);
        }
        let mut at = raw.body.start;
        for t in tokens {
            let w = format!("{what}: token {:?} at {}..{}", t.kind, t.span.start, t.span.end);
            assert_span(src, t.span, &w);
            assert!(t.span.start >= at && !t.span.is_empty(), "{w}: empty, overlapping or out of order");
            assert_within(raw.body, t.span, &w);
            assert!(!t.kind.is_trivia(), "{w}: trivia handed over as a significant token");
            at = t.span.end;
        }
        segments.push(raw);
    });
    check_tiling(
        src,
        segments.iter().map(|s| Parts {
            span: s.span,
            body: s.body,
            terminator: s.terminator,
            comments: &s.comments,
            lexical: &s.lexical,
        }),
    );
}

/// `parse`: the segments tile the input (see [`check_tiling`]); every span of a statement (the
/// statement and each of its parts, found generically through its JSON form) and of a syntax
/// error lies inside the segment on char boundaries, the statement inside the body. Returns the
/// script for further checks.
pub fn check_parse(src: &str) -> Script {
    let script = crate::parse(src);
    check_tiling(
        src,
        script.segments.iter().map(|s| Parts {
            span: s.span,
            body: s.body,
            terminator: s.terminator,
            comments: &s.comments,
            lexical: &s.lexical,
        }),
    );
    for (i, seg) in script.segments.iter().enumerate() {
        let inside = |span: Span, name: &str| {
            let w = format!("segment {i} {name}");
            assert_span(src, span, &w);
            assert_within(seg.span, span, &w);
        };
        match &seg.node {
            Node::Statement(st) => {
                inside(st.span, "statement");
                assert_within(seg.body, st.span, &format!("segment {i} statement"));
                let value = serde_json::to_value(st).expect("statement serializes");
                visit_spans(&value, &mut |span| inside(span, "statement part"));
            }
            Node::Error(e) => inside(e.span, "syntax error"),
            Node::Empty | Node::Other => {}
        }
    }
    script
}

/// Calls `f` on every `{ "start": n, "end": n }` object in `v`.
fn visit_spans(v: &serde_json::Value, f: &mut dyn FnMut(Span)) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e), 2) = (map.get("start"), map.get("end"), map.len()) {
                if let (Some(s), Some(e)) = (s.as_u64(), e.as_u64()) {
                    f(Span::new(s as usize, e as usize));
                    return;
                }
            }
            for x in map.values() {
                visit_spans(x, f);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| visit_spans(x, f)),
        _ => {}
    }
}

/// The hand-written fast path and the pest grammar build the same script (as JSON), as
/// `tests/parsers_agree.rs` checks on generated input.
pub fn check_parsers_agree(src: &str) {
    let fast = serde_json::to_value(crate::syntax::parse(src)).expect("script serializes");
    let reference = serde_json::to_value(crate::syntax::parse_reference(src)).expect("script serializes");
    assert!(fast == reference, "parsers disagree on {src:?}\nfast:      {fast}\nreference: {reference}");
}

/// Every diagnostic's span and every fix edit's span lies inside `src` on char boundaries; no
/// message is empty; a fix's edits are sorted and do not overlap; the positions the edges
/// compute (UTF-16 offsets, line/column) do not panic; applying each fix alone works.
pub fn check_diagnostics(src: &str, diags: &[Diagnostic]) {
    let idx = LineIndex::new(src);
    for d in diags {
        let what = format!("{} at {}..{}", d.code, d.span.start, d.span.end);
        assert_span(src, d.span, &what);
        assert!(!d.message.is_empty(), "{what}: empty message");
        let _ = (idx.utf16_offset(d.span.start), idx.utf16_offset(d.span.end));
        let _ = (idx.line_col_chars(d.span.start), idx.line_col_utf16(d.span.end));
        if let Some(fix) = &d.fix {
            let mut prev_end = 0;
            for e in &fix.edits {
                let w = format!("{what}: fix edit");
                assert_span(src, e.span, &w);
                assert!(e.span.start >= prev_end, "{w}: edits overlap or are out of order");
                prev_end = e.span.end;
            }
            let edits: Vec<_> = fix.edits.iter().collect();
            let _ = crate::diagnostic::apply_edits(src, &edits);
        }
    }
}

/// The number of error-severity diagnostics.
pub fn errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.severity == Severity::Error).count()
}

/// `lint`: no panic, spans and fixes well formed (see [`check_diagnostics`]).
pub fn check_lint(src: &str, options: &LintOptions) -> Vec<Diagnostic> {
    let diags = crate::lint(src, options);
    check_diagnostics(src, &diags);
    diags
}

// ---------------------------------------------------------------------------------------------
// Formatter

/// What a script means, as far as the formatter may not change it: per non-empty segment its
/// kind of node and, for statements, the kind, keywords, names, addresses and properties
/// (decoded); for other statements and statements that do not parse, their text.
pub fn meaning(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seg in &crate::parse(src).segments {
        match &seg.node {
            Node::Empty => {}
            Node::Other => out.push(format!("other {:?}", seg.body.text(src))),
            Node::Error(_) => out.push(format!("error {:?}", seg.body.text(src))),
            Node::Statement(st) => {
                let mut s = format!("{}:", st.kind.as_str());
                for p in &st.parts {
                    match p {
                        Part::Keyword(k) => s.push_str(&format!(" kw={}", k.word)),
                        Part::Name(o) => s.push_str(&format!(" name={}/{:?}", o.kind.is_string(), o.value(src))),
                        Part::Addresses(a) => {
                            let v: Vec<&str> = a.items.iter().map(|o| o.value(src)).collect();
                            s.push_str(&format!(" addrs={v:?}"));
                        }
                        Part::Properties(l) => {
                            let v: Vec<(&str, &str)> =
                                l.items.iter().map(|p| (p.key.value(src), p.value.value(src))).collect();
                            s.push_str(&format!(" props={v:?}"));
                        }
                    }
                }
                out.push(s);
            }
        }
    }
    out
}

/// Whether the formatter copies this segment as it is instead of laying it out: statements
/// outside the family, statements that do not parse or needed recovery, anything with a
/// lexical problem.
pub fn is_copied(src: &str, seg: &Segment, options: &FormatOptions) -> bool {
    if !seg.lexical.is_empty() {
        return true;
    }
    match &seg.node {
        Node::Empty => false,
        Node::Other | Node::Error(_) => true,
        Node::Statement(_) => crate::format::statement_formatting(src, seg, options).is_none(),
    }
}

fn is_ascii_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Finds each of `pieces` in `text`, in order, without overlap; `Err(piece)` for the first one
/// missing.
fn find_in_order<'p>(text: &str, pieces: impl IntoIterator<Item = &'p str>) -> Result<(), &'p str> {
    let mut at = 0;
    for p in pieces {
        match text[at..].find(p) {
            Some(i) => at += i + p.len(),
            None => return Err(p),
        }
    }
    Ok(())
}

/// `format` (product.md §3, docs/formatter.md): idempotent; keeps every byte of what it does
/// not lay out (each copied segment appears in the output verbatim, without the ASCII
/// whitespace around it, in order); keeps every comment, in order; keeps the meaning (see
/// [`meaning`]) and the set of lint codes; ends with a newline unless the input ends inside an
/// unterminated string or comment. Returns the formatted text.
pub fn check_format(src: &str, options: &FormatOptions) -> String {
    let once = crate::format(src, options);
    let report = |what: &str| format!("{what}\n--- options\n{options:?}\n--- input\n{src:?}\n--- output\n{once:?}");
    let twice = crate::format(&once, options);
    assert!(once == twice, "{}\n--- formatted again\n{twice:?}", report("format is not idempotent"));
    let script = crate::parse(src);
    let copied = script
        .segments
        .iter()
        .filter(|s| is_copied(src, s, options))
        .map(|s| s.span.text(src).trim_matches(is_ascii_ws))
        .filter(|t| !t.is_empty());
    if let Err(lost) = find_in_order(&once, copied) {
        panic!("{}", report(&format!("a statement the formatter copies is not in the output verbatim: {lost:?}")));
    }
    let comments = script.segments.iter().flat_map(|s| s.comments.iter().map(|c| c.span.text(src)));
    if let Err(lost) = find_in_order(&once, comments) {
        panic!("{}", report(&format!("comment {lost:?} lost or moved out of order")));
    }
    let (before, after) = (meaning(src), meaning(&once));
    assert!(before == after, "{}\n--- meaning before\n{before:#?}\n--- after\n{after:#?}", report("meaning changed"));
    let codes = |text: &str| -> BTreeSet<&'static str> {
        crate::lint(text, &LintOptions::default()).into_iter().map(|d| d.code).collect()
    };
    let (before, after) = (codes(src), codes(&once));
    assert!(before == after, "{}", report(&format!("lint codes changed: {before:?} -> {after:?}")));
    if !once.is_empty() && !once.ends_with('\n') {
        let open = script.segments.last().is_some_and(|s| {
            s.lexical.iter().any(|i| {
                matches!(i, LexicalIssue::UnterminatedString { .. } | LexicalIssue::UnclosedComment { .. })
                    && i.span().end == src.len()
            })
        });
        assert!(open, "{}", report("the output does not end with a newline"));
    }
    once
}

// ---------------------------------------------------------------------------------------------
// Fix engine

/// `fix` (src/fix.rs): at most [`MAX_ROUNDS`] rounds; `converged` exactly when no applicable
/// fix is left; never stopped by the round limit (the fixes settle within it: fixing stops
/// early with fixes left only when they would make things worse); the output has no more
/// error-severity diagnostics than the input; `remaining` is exactly the output's lint, with
/// well-formed spans; nothing applied means nothing changed; fixing the output again changes
/// nothing. Returns the result.
pub fn check_fix(src: &str, options: &LintOptions, unsafe_fixes: bool) -> FixResult {
    let r = crate::fix(src, options, unsafe_fixes);
    let report = |what: &str| {
        format!("{what}\n--- unsafe fixes: {unsafe_fixes}\n--- input\n{src:?}\n--- output\n{:?}\n--- remaining\n{:#?}", r.output, r.remaining)
    };
    assert!(r.rounds <= MAX_ROUNDS, "{}", report(&format!("{} rounds", r.rounds)));
    let left = crate::fix::select_round(&r.output, &r.remaining, unsafe_fixes);
    assert!(r.converged == left.is_empty(), "{}", report(&format!("converged: {} with {} applicable fixes left", r.converged, left.len())));
    assert!(r.converged || r.rounds < MAX_ROUNDS, "{}", report("the fixes did not settle within the round limit"));
    let before = errors(&crate::lint(src, options));
    let after = errors(&r.remaining);
    assert!(after <= before, "{}", report(&format!("the output has more errors than the input: {before} -> {after}")));
    assert!(r.remaining == crate::lint(&r.output, options), "{}", report("`remaining` is not the output's lint"));
    check_diagnostics(&r.output, &r.remaining);
    if r.applied.is_empty() {
        assert!(r.output == src && r.rounds == 0, "{}", report("the text changed but no fix was applied"));
    }
    let again = crate::fix(&r.output, options, unsafe_fixes);
    assert!(
        again.output == r.output && again.applied.is_empty(),
        "{}\n--- fixed again\n{:?}",
        report("fixing the output again changes it"),
        again.output
    );
    r
}

// ---------------------------------------------------------------------------------------------

/// Every check at once on one input, options picked by its hash: what the property tests run
/// on generated input.
pub fn check_all(src: &str) {
    check_split(src);
    check_parse(src);
    let p = pick(src);
    check_lint(src, &lint_options(p));
    check_format(src, &format_options(p));
    check_fix(src, &lint_options(p), p / 4 % 2 == 1);
}

/// The checks can fail: each catches what it is for.
#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(span: Span) -> Diagnostic {
        Diagnostic { code: "D000", rule: "test", severity: Severity::Error, message: "m".into(), help: None, span, fix: None }
    }

    fn parts(span: Span) -> Parts<'static> {
        Parts { span, body: Span::empty(span.start), terminator: None, comments: &[], lexical: &[] }
    }

    #[test]
    #[should_panic(expected = "outside the input")]
    fn a_span_past_the_end_fails() {
        check_diagnostics("abc", &[diagnostic(Span::new(2, 5))]);
    }

    #[test]
    #[should_panic(expected = "char boundaries")]
    fn a_span_inside_a_character_fails() {
        check_diagnostics("中", &[diagnostic(Span::new(1, 3))]);
    }

    #[test]
    #[should_panic(expected = "the previous one ended at 2")]
    fn segments_with_a_gap_fail() {
        check_tiling("abcd", [parts(Span::new(0, 2)), parts(Span::new(3, 4))]);
    }

    #[test]
    #[should_panic(expected = "not at the end of the input")]
    fn segments_short_of_the_end_fail() {
        check_tiling("abcd", [parts(Span::new(0, 3))]);
    }

    #[test]
    fn pieces_are_found_in_order_without_overlap() {
        assert_eq!(find_in_order("a b c", ["a", "c"]), Ok(()));
        assert_eq!(find_in_order("a b c", ["c", "a"]), Err("a"));
        assert_eq!(find_in_order("ab", ["ab", "b"]), Err("b"));
    }

    #[test]
    fn every_check_passes_on_a_script_with_a_bit_of_everything() {
        let src = "-- lead\nalter system add backend '10.0.0.1:9050'；\nSELECT 1;\nALTER SYSTEM DROPP BACKEND \"h:9050\" /* x */;\n“x";
        check_all(src);
        for p in 0..8 {
            check_lint(src, &lint_options(p));
            check_format(src, &format_options(p * 3));
        }
    }
}
