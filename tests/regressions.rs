//! Regression tests for the bugs that fuzzing and the robustness property tests found (see
//! docs/robustness.md). Each holds its minimized input inline. Inputs that once took quadratic
//! time are checked at a size where the old code took minutes, and assert the result, not the
//! time.

use doris_lint::syntax::lexer::{tokenize, QuoteKind, TokenKind};
use doris_lint::syntax::parse;

/// Every `“` looked for the end of its line before looking for its closing quote, so a long
/// line of typographic strings was rescanned once per quote (quadratic: 80,000 took 11 s in a
/// release build).
#[test]
fn typographic_quotes_on_one_long_line_scan_linearly() {
    let n = 200_000;
    let src = format!("ALTER SYSTEM ADD BACKEND {}", "“x”, ".repeat(n));
    let typographic = tokenize(&src)
        .iter()
        .filter(|t| t.kind == TokenKind::String { quote: QuoteKind::Typographic, terminated: true, plain: false })
        .count();
    assert_eq!(typographic, n);
    assert_eq!(parse(&src).segments.len(), 1);
    // An unmatched quote still ends at its line: the next line is read normally.
    let toks = tokenize("“x\nALTER");
    assert_eq!(toks[0].kind, TokenKind::FullwidthPunct);
    assert_eq!(toks.last().unwrap().kind, TokenKind::Word);
}

/// Every back-quoted name computed the end of its line up front (quadratic on a long line of
/// them: 80,000 took 7 s in a release build).
#[test]
fn back_quoted_names_on_one_long_line_scan_linearly() {
    let n = 200_000;
    let src = "`a` ".repeat(n);
    let names = tokenize(&src).iter().filter(|t| t.kind == TokenKind::Backquoted { terminated: true }).count();
    assert_eq!(names, n);
}

/// A segment that is only `;` and a comment on its line put its (empty) body after the `;`,
/// so a consumer slicing from the body's end to the terminator's start would panic. Found by
/// the property tests (`tests/robustness.rs`).
#[test]
fn empty_statement_body_lies_before_its_terminator() {
    for src in ["; -- t\n", "/* a */ ; /* b */", ";;-- x", "-- lead\n; # hash"] {
        for seg in parse(src).segments {
            if let Some(t) = seg.terminator {
                assert!(seg.body.end <= t.start, "{src:?}: body {:?} after terminator {:?}", seg.body, t);
            }
            assert!(seg.span.contains(seg.body), "{src:?}");
        }
    }
    let segs = parse("/* a */ ; /* b */").segments;
    assert_eq!(segs[0].body.start, "/* a */".len());
}

/// Line/column lookups counted characters from the start of the line, so rendering N
/// diagnostics on one line of length L cost N × L: 20,000 full-width commas on one line took
/// seconds, 100,000 would take minutes. Found by timing the robustness property tests.
#[test]
fn many_diagnostics_on_one_long_line_convert_quickly() {
    use doris_lint::line_index::LineIndex;
    let n = 100_000;
    let src = format!("ALTER SYSTEM ADD BACKEND \"h:9050\"{}", "，".repeat(n));
    let diags = doris_lint::lint(&src, &Default::default());
    let d005: Vec<_> = diags.iter().filter(|d| d.code == "D005").collect();
    assert_eq!(d005.len(), n);
    let idx = LineIndex::new(&src);
    let prefix = "ALTER SYSTEM ADD BACKEND \"h:9050\"".len();
    for (i, d) in d005.iter().enumerate() {
        assert_eq!(idx.line_col_chars(d.span.start).column, prefix + i + 1);
        assert_eq!(idx.line_col_utf16(d.span.end).column, prefix + i + 2);
        assert_eq!(idx.byte_offset_of_utf16(idx.utf16_offset(d.span.start)), d.span.start);
    }
}

/// Closing the string here lets the statement parse, and its rules find two empty addresses
/// without a fix: more errors than the input's one, so the fix engine goes back to the input.
/// It still said `converged: true`, although the fix that made things worse was left (the
/// contract: `false` when fixing stops with applicable fixes left), so `check --fix` said
/// nothing about it. Found by reading the engine while writing `check_fix`
/// (src/invariants.rs), which now checks that `converged` means no applicable fix is left.
#[test]
fn fixing_that_would_make_things_worse_stops_unconverged() {
    let options = doris_lint::LintOptions::default();
    let src = "ALTER SYSTEM ADD BACKEND \"\", \"\", \"x";
    let r = doris_lint::fix(src, &options, true);
    assert_eq!(r.output, src);
    assert!(r.applied.is_empty());
    assert!(!r.converged);
    doris_lint::invariants::check_fix(src, &options, true);
}

/// A string outside the family that is never closed runs to the next quote of its kind anywhere
/// after it (and, when there is none, ends at its line). The formatter turned `'h:9050'` further
/// down into `"h:9050"`, whose first quote then closed the string: the statement in between
/// vanished into it, and `check` no longer saw it. The same through rule D902's fix. Found by
/// the `format` fuzz target (under single quotes; these inputs are minimized by hand).
#[test]
fn formatting_adds_no_quote_that_closes_an_unterminated_string() {
    use doris_lint::format::{FormatOptions, QuoteStyle};
    use doris_lint::invariants::{check_fix, check_format, meaning};
    let single = FormatOptions { quote_style: QuoteStyle::Single, ..FormatOptions::default() };
    for (src, options) in [
        ("SELECT \"abc\n;\nalter system add backend 'h:9050';\n", FormatOptions::default()),
        ("SELECT 'abc\n;\nalter system add backend \"h:9050\";\n", single.clone()),
        ("ALTER S'x\";\nALTER SYSTEM ADD BACKEND \"[::1]:9050\";\n", single),
    ] {
        let out = doris_lint::format(src, &options);
        assert_eq!(meaning(&out), meaning(src), "{src:?} -> {out:?}");
        assert!(out.contains("ALTER SYSTEM ADD BACKEND"), "the statement is still laid out: {out:?}");
        check_format(src, &options);
    }
    // Without an unterminated string outside the family the quotes change as before (one
    // inside the family ends at its line).
    let src = "SELECT \"abc\";\nalter system add backend 'h:9050';\nALTER SYSTEM ADD BACKEND \"h";
    assert_eq!(
        doris_lint::format(src, &Default::default()),
        "SELECT \"abc\";\nALTER SYSTEM ADD BACKEND \"h:9050\";\nALTER SYSTEM ADD BACKEND \"h"
    );
    // D902's fix is the formatter's output: it keeps the statement too.
    let mut options = doris_lint::LintOptions::default();
    options.rules.insert("D902".into(), doris_lint::options::RuleLevel::Warning);
    let src = "SELECT \"abc\n;\nalter system add backend 'h:9050';\n";
    let r = check_fix(src, &options, false);
    assert_eq!(meaning(&r.output), meaning(src), "{:?}", r.output);
}
