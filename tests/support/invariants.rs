//! The robustness properties of the library, written once and checked by both the proptest
//! property tests (`tests/robustness.rs`) and the cargo-fuzz targets (`fuzz/`, which includes
//! this file by path). Each `check_*` function panics with a readable message when a property
//! fails; a panic inside the library is reported the same way by the harness.
//!
//! Adding a target for a new API is a few lines: a `check_*` function here, a `#[test]`/proptest
//! in `tests/robustness.rs` and a file in `fuzz/fuzz_targets/`.

#![allow(dead_code)]

use doris_lint::diagnostic::{Diagnostic, Severity};
use doris_lint::line_index::LineIndex;
use doris_lint::options::{LintOptions, Locale, Mode};
use doris_lint::span::Span;
use doris_lint::syntax::{Node, Script, Segment};

/// Fuzz targets cap their input at this size (libFuzzer's `-max_len` is set to it too), so that
/// one execution stays well under libFuzzer's `-timeout` when everything is linear.
pub const MAX_INPUT: usize = 64 * 1024;

/// A few option sets that switch different rules on, chosen by `pick` (e.g. a hash of the
/// input), so that one target covers them all without spending input bytes on options.
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
        }
    }
    o
}

/// A cheap, stable hash of the input to pick options with.
pub fn pick(src: &str) -> usize {
    src.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
}

/// Lossily turns fuzzer bytes into a string (invalid UTF-8 becomes U+FFFD), capped at
/// [`MAX_INPUT`] on a char boundary.
pub fn text_of(data: &[u8]) -> String {
    let data = &data[..data.len().min(MAX_INPUT)];
    String::from_utf8_lossy(data).into_owned()
}

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

/// `parse`: no panic; the segments tile the input exactly; every span of a segment (body,
/// terminator, comments, lexical issues, syntax error, statement) lies inside the segment on
/// char boundaries. Returns the script for further checks.
pub fn check_parse(src: &str) -> Script {
    let script = doris_lint::parse(src);
    assert!(!script.segments.is_empty(), "parse gave no segment");
    let mut at = 0;
    for (i, seg) in script.segments.iter().enumerate() {
        let what = format!("segment {i}");
        assert_eq!(seg.span.start, at, "{what} starts at {} but the previous one ended at {at}", seg.span.start);
        assert_span(src, seg.span, &what);
        at = seg.span.end;
        check_segment(src, seg, &what);
    }
    assert_eq!(at, src.len(), "the segments end at {at}, not at the end of the input ({})", src.len());
    script
}

fn check_segment(src: &str, seg: &Segment, what: &str) {
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
    for c in &seg.comments {
        inside(c.span, "comment");
        assert!(c.span.start >= prev_comment_end, "{what}: comments overlap or are out of order");
        prev_comment_end = c.span.end;
    }
    for l in &seg.lexical {
        inside(l.span(), "lexical issue");
    }
    match &seg.node {
        Node::Statement(st) => {
            inside(st.span, "statement");
            assert_within(seg.body, st.span, &format!("{what} statement"));
            // Every span inside the statement, found generically through its JSON form.
            let value = serde_json::to_value(st).expect("statement serializes");
            visit_spans(&value, &mut |span| inside(span, "statement part"));
        }
        Node::Error(e) => {
            inside(e.span, "syntax error");
        }
        Node::Empty | Node::Other => {}
    }
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

/// Every diagnostic's span and every fix edit's span lies inside `src` on char boundaries; a
/// fix's edits are sorted and do not overlap; the positions the edges compute (UTF-16 offsets,
/// line/column) do not panic; applying each fix alone gives valid text.
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
            let _ = doris_lint::diagnostic::apply_edits(src, &edits);
        }
    }
}

pub fn errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.severity == Severity::Error).count()
}

/// `lint`: no panic, spans and fixes well formed (see [`check_diagnostics`]).
pub fn check_lint(src: &str, options: &LintOptions) -> Vec<Diagnostic> {
    let diags = doris_lint::lint(src, options);
    check_diagnostics(src, &diags);
    diags
}

/// The hand-written fast path and the pest grammar build the same script (as JSON), as
/// `tests/parsers_agree.rs` checks on generated input.
pub fn check_parsers_agree(src: &str) {
    let fast = serde_json::to_value(doris_lint::syntax::parse(src)).expect("script serializes");
    let reference = serde_json::to_value(doris_lint::syntax::parse_reference(src)).expect("script serializes");
    assert!(fast == reference, "parsers disagree on {src:?}\nfast:      {fast}\nreference: {reference}");
}

/// Everything at once on one input: what the fuzz target `all` and the property tests run.
pub fn check_all(src: &str) {
    check_parse(src);
    check_lint(src, &lint_options(pick(src)));
}
