//! The fix engine (product.md §4): applies the fixes of the diagnostics, round after round,
//! until nothing changes or [`MAX_ROUNDS`] is reached, and reports what it applied and what
//! remains.
//!
//! Within a round fixes are taken in diagnostic order; a fix is skipped (left for the next
//! round, which re-lints the new text) when one of its edits overlaps an edit already accepted,
//! or when an insertion would land on the boundary of another edit (two insertions at one point,
//! or an insertion at the start or end of a replaced range: their order would be a guess).
//! Edits that are out of range, off a char boundary or unsorted make the whole fix be skipped,
//! so the output is always valid UTF-8. A round that would raise the number of error-severity
//! diagnostics is discarded and fixing stops: the output never lints worse than the input.

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::lint::lint;
use crate::options::LintOptions;
use crate::span::Span;

/// At most this many rounds of lint + apply.
pub const MAX_ROUNDS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedFix {
    pub code: &'static str,
    pub rule: &'static str,
    /// Borrowed when constant, like the fix's.
    pub message: std::borrow::Cow<'static, str>,
    pub applicability: Applicability,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixResult {
    /// The fixed text (equal to the input when nothing applied).
    pub output: String,
    /// Every fix applied, in the order applied.
    pub applied: Vec<AppliedFix>,
    /// The diagnostics of `output`.
    pub remaining: Vec<Diagnostic>,
    /// Rounds that changed the text.
    pub rounds: usize,
    /// `false` when fixing stopped with applicable fixes left: the round limit was reached, or
    /// a round was discarded because it made things worse.
    pub converged: bool,
}

fn allowed(fix: &Fix, unsafe_fixes: bool) -> bool {
    fix.applicability == Applicability::Safe || unsafe_fixes
}

/// Whether a fix's edits are usable on `text`: in range, on char boundaries, sorted and
/// non-overlapping among themselves.
fn well_formed(text: &str, fix: &Fix) -> bool {
    let mut at = 0;
    for e in &fix.edits {
        let Span { start, end } = e.span;
        if start > end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return false;
        }
        if start < at {
            return false;
        }
        at = end;
    }
    !fix.edits.is_empty()
}

/// Whether two edits conflict: overlapping ranges, or an insertion touching the other's range.
pub fn conflicts(a: &Edit, b: &Edit) -> bool {
    spans_conflict(a.span, b.span)
}

fn spans_conflict(a: Span, b: Span) -> bool {
    if a.is_empty() || b.is_empty() {
        a.start <= b.end && b.start <= a.end
    } else {
        a.start < b.end && b.start < a.end
    }
}

/// Whether applying the fix changes nothing.
fn is_noop(text: &str, fix: &Fix) -> bool {
    fix.edits.iter().all(|e| e.span.text(text) == e.insert)
}

/// Chooses the fixes of one round: in order, skipping the ones that conflict with accepted
/// edits. Returns the indices into `diagnostics`.
pub fn select_round(text: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> Vec<usize> {
    let mut accepted = AcceptedEdits::default();
    let mut chosen = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let Some(fix) = &d.fix else { continue };
        if !allowed(fix, unsafe_fixes) || !well_formed(text, fix) || is_noop(text, fix) {
            continue;
        }
        if fix.edits.iter().any(|e| accepted.conflicts_with(e.span)) {
            continue;
        }
        for e in &fix.edits {
            accepted.insert(e.span);
        }
        chosen.push(i);
    }
    chosen
}

/// The edits accepted so far in a round, ordered by position, so that a new edit is checked
/// against its neighbours only (a script can carry tens of thousands of fixes).
///
/// Edits of different fixes never conflict, and a fix's own edits are sorted and do not
/// overlap, so in `(start, end)` order the ends never decrease: walking back from the last
/// edit that starts at or before `span.end`, the first one that ends before `span.start` ends
/// the search.
///
/// A sorted `Vec`, not a tree: the diagnostics come sorted by position and their edits lie in
/// or near their statements, so an edit almost always goes at the end, and one that does not
/// moves only the few edits after it in its statement. (A `BTreeSet` chased a pointer per level
/// on every insert and search, out of the cache on large scripts.)
#[derive(Default)]
struct AcceptedEdits {
    /// `(start, end, n)`, in order: `n` tells apart equal spans of one fix (two insertions at
    /// a point).
    spans: Vec<(usize, usize, usize)>,
}

impl AcceptedEdits {
    fn insert(&mut self, span: Span) {
        let key = (span.start, span.end, self.spans.len());
        let at = self.spans.partition_point(|&k| k < key);
        self.spans.insert(at, key);
    }

    fn conflicts_with(&self, span: Span) -> bool {
        let upto = self.spans.partition_point(|&(start, ..)| start <= span.end);
        for &(start, end, _) in self.spans[..upto].iter().rev() {
            if end < span.start {
                return false;
            }
            if spans_conflict(Span::new(start, end), span) {
                return true;
            }
        }
        false
    }
}

/// Applies the chosen fixes (which must not conflict) to `text`.
fn apply(text: &str, diagnostics: &[Diagnostic], chosen: &[usize]) -> String {
    let mut edits: Vec<&Edit> =
        chosen.iter().filter_map(|&i| diagnostics[i].fix.as_ref()).flat_map(|f| f.edits.iter()).collect();
    crate::sort::sort_by_key(&mut edits, |e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.insert);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

fn errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.severity == Severity::Error).count()
}

fn has_applicable(text: &str, diags: &[Diagnostic], unsafe_fixes: bool) -> bool {
    !select_round(text, diags, unsafe_fixes).is_empty()
}

/// Applies safe fixes (and unsafe ones when `unsafe_fixes`) until nothing changes.
pub fn fix(source: &str, options: &LintOptions, unsafe_fixes: bool) -> FixResult {
    // Borrowed until a round changes it: no copy of a large script up front.
    let mut text = std::borrow::Cow::Borrowed(source);
    let mut diags = lint(&text, options);
    let input_errors = errors(&diags);
    let mut applied = Vec::new();
    let mut rounds = 0;
    // A round may reveal problems (closing a quote lets a statement parse, and its rules run);
    // the best state seen is kept, and the result is never worse than the input.
    // The state to go back to, as text (re-linted if it is restored): kept only when a round
    // made things worse, since a round that does not gives a state as good and later.
    let mut best: Option<(std::borrow::Cow<str>, usize, usize, usize)> = None;
    let mut converged = loop {
        let chosen = select_round(&text, &diags, unsafe_fixes);
        if chosen.is_empty() {
            break true;
        }
        if rounds == MAX_ROUNDS {
            break false;
        }
        let next = apply(&text, &diags, &chosen);
        if next == text {
            // Cannot happen with no-op fixes filtered out; kept as a guard.
            break !has_applicable(&text, &diags, unsafe_fixes);
        }
        let applied_before = applied.len();
        // The round's diagnostics are dropped below: their fix messages move.
        applied.extend(chosen.iter().filter_map(|&i| {
            let d = &mut diags[i];
            d.fix.take().map(|f| AppliedFix { code: d.code, rule: d.rule, message: f.message, applicability: f.applicability })
        }));
        let previous_errors = errors(&diags);
        // Freed before the next lint: one round's diagnostics at a time.
        drop(std::mem::take(&mut diags));
        diags = lint(&next, options);
        let previous = std::mem::replace(&mut text, std::borrow::Cow::Owned(next));
        let eligible = previous_errors <= input_errors && best.as_ref().is_none_or(|b| previous_errors <= b.1);
        if errors(&diags) > previous_errors && eligible {
            best = Some((previous, previous_errors, applied_before, rounds));
        }
        rounds += 1;
    };
    if errors(&diags) > input_errors {
        if let Some((t, _, n, r)) = best {
            diags = lint(&t, options);
            text = t;
            applied.truncate(n);
            rounds = r;
            // The fixes that made things worse are left, unapplied.
            converged = false;
        }
    }
    FixResult { output: text.into_owned(), applied, remaining: diags, rounds, converged }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(fix: Fix) -> Diagnostic {
        Diagnostic {
            code: "D000",
            rule: "test",
            severity: Severity::Error,
            message: String::new(),
            help: None,
            span: Span::empty(0),
            fix: Some(Box::new(fix)),
        }
    }

    #[test]
    fn overlapping_and_touching_insertions_wait_for_the_next_round() {
        let text = "abcdef";
        let diags = vec![
            d(Fix::safe("a", vec![Edit::replace(Span::new(1, 3), "X")])),
            d(Fix::safe("overlaps", vec![Edit::replace(Span::new(2, 4), "Y")])),
            d(Fix::safe("adjacent", vec![Edit::replace(Span::new(3, 4), "Z")])),
            d(Fix::safe("insert at the end of a replaced range", vec![Edit::insert(4, "!")])),
            d(Fix::safe("second insert at one point", vec![Edit::insert(4, "?")])),
            d(Fix::unsafe_("unsafe", vec![Edit::replace(Span::new(5, 6), "U")])),
            d(Fix::safe("off the text", vec![Edit::replace(Span::new(5, 60), "U")])),
        ];
        assert_eq!(select_round(text, &diags, false), vec![0, 2]);
        assert_eq!(select_round(text, &diags, true), vec![0, 2, 5]);
        assert_eq!(apply(text, &diags, &[0, 2]), "aXZef");
    }

    #[test]
    fn fixes_off_char_boundaries_are_skipped() {
        let text = "中文";
        let diags = vec![d(Fix::safe("bad", vec![Edit::replace(Span::new(1, 2), "x")]))];
        assert!(select_round(text, &diags, true).is_empty());
    }

    #[test]
    fn fixes_a_script_and_reports_what_it_did() {
        let src = "# old comment\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\"；\n";
        let r = fix(src, &LintOptions::default(), false);
        assert!(r.converged);
        assert_eq!(r.output, "-- old comment\nALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";\n");
        let codes: Vec<_> = r.applied.iter().map(|a| a.code).collect();
        assert_eq!(codes, vec!["D004", "D005"]);
        assert!(r.remaining.is_empty(), "{:?}", r.remaining);
        assert_eq!(r.rounds, 1);
    }

    #[test]
    fn nothing_to_fix_leaves_the_text_alone() {
        let src = "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";";
        let r = fix(src, &LintOptions::default(), true);
        assert_eq!(r.output, src);
        assert!(r.applied.is_empty());
        assert_eq!(r.rounds, 0);
        assert!(r.converged);
    }

    /// Statement pieces with many fixable (and some unfixable) mistakes.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "ALTER SYSTEM ADD BACKEND ",
            "alter system dropp backend ",
            "ALTER SYSTEM MODIFY BACKEND ",
            "\"10.0.0.1:9050\"",
            "10.0.0.1:9050",
            "R'h:9050'",
            "“h:9050”",
            "，",
            ", ",
            "；",
            ";",
            "\n",
            "# hash\n",
            "-- doris-lint: ignore D012\n",
            " PROPERTIES (",
            " SET (",
            "\"tag.location\": \"g1\"",
            "tag.location = 'g1'",
            "（",
            "）",
            ")",
            "\u{3000}",
            "\u{a0}",
            "'unterminated",
            "/* c */",
            "ADD FREE BACKEND ",
            "ALTER SYSTEM ADD BACKENDS ",
            "中文",
            "😀",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn fixing_converges_and_never_makes_things_worse(pieces in prop::collection::vec(piece(), 0..14), unsafe_fixes: bool) {
            crate::invariants::check_fix(&pieces.concat(), &LintOptions::default(), unsafe_fixes);
        }

        /// The ordered search of `AcceptedEdits` chooses exactly what checking every accepted
        /// edit would.
        #[test]
        fn accepted_edits_find_every_conflict(
            fixes in prop::collection::vec(prop::collection::vec((0usize..40, 0usize..4), 1..4), 0..40),
        ) {
            let text = "x".repeat(50);
            let diags: Vec<Diagnostic> = fixes
                .iter()
                .map(|edits| {
                    let mut at = 0;
                    let edits = edits
                        .iter()
                        .map(|&(gap, len)| {
                            let span = Span::new(at + gap % 6, at + gap % 6 + len);
                            at = span.end;
                            Edit::replace(span, "y")
                        })
                        .collect();
                    d(Fix::safe("f", edits))
                })
                .collect();
            let mut accepted: Vec<&Edit> = Vec::new();
            let mut naive = Vec::new();
            for (i, d) in diags.iter().enumerate() {
                let fix = d.fix.as_ref().unwrap();
                if !well_formed(&text, fix) || is_noop(&text, fix) {
                    continue;
                }
                if fix.edits.iter().any(|e| accepted.iter().any(|a| conflicts(a, e))) {
                    continue;
                }
                accepted.extend(fix.edits.iter());
                naive.push(i);
            }
            prop_assert_eq!(select_round(&text, &diags, false), naive);
        }

        #[test]
        fn chosen_fixes_never_overlap(pieces in prop::collection::vec(piece(), 0..14)) {
            let src: String = pieces.concat();
            let diags = lint(&src, &LintOptions::default());
            let chosen = select_round(&src, &diags, true);
            let edits: Vec<&Edit> = chosen.iter().filter_map(|&i| diags[i].fix.as_ref()).flat_map(|f| f.edits.iter()).collect();
            for (i, a) in edits.iter().enumerate() {
                for b in &edits[i + 1..] {
                    prop_assert!(!conflicts(a, b), "{:?} and {:?} in {:?}", a, b, src);
                }
            }
        }
    }
}
