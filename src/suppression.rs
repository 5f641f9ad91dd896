//! Suppression comments (rules.md, "Suppression comments"):
//!
//! - `-- doris-lint: ignore D108, wrong-service-port` on the line before a statement (or on the
//!   statement's first line, before it) or at the end of one of its lines: those rules are
//!   silenced for that statement;
//! - `-- doris-lint: ignore-file D111` anywhere: silenced for the whole file;
//! - both also work in `/* ... */` comments, and an optional reason follows ` -- ` or `: `.
//!
//! Parsing is pure and works on the comments the splitter already keeps in each segment.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::rules;
use crate::span::Span;
use crate::syntax::{CommentKind, CommentPlacement, Script};

/// Where a suppression applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressionScope {
    /// The statement of one segment (`segment` is its index in the script).
    Statement,
    /// The whole file.
    File,
}

/// One code or name listed in a suppression comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressedCode {
    /// As written.
    pub text: String,
    pub span: Span,
    /// The rule's code, when `text` names a known rule.
    pub code: Option<&'static str>,
    /// How many diagnostics it silenced.
    pub used: usize,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// The whole comment.
    pub comment: Span,
    pub scope: SuppressionScope,
    /// The segment whose statement it covers (for [`SuppressionScope::Statement`]); `None` when
    /// it stands where no statement follows.
    pub segment: Option<usize>,
    pub codes: Vec<SuppressedCode>,
    /// The text after ` -- ` or `: `, trimmed.
    pub reason: Option<String>,
}

/// A diagnostic that a suppression comment silenced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressedDiagnostic {
    pub diagnostic: Diagnostic,
    /// Index into the suppressions list.
    pub suppression: usize,
    pub reason: Option<String>,
}

/// What a directive comment says, before it is placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub file: bool,
    pub codes: Vec<(String, Span)>,
    pub reason: Option<String>,
}

const MARKER: &str = "doris-lint";

/// Parses one comment's text (`comment_text` is the whole comment including `--` or `/* */`,
/// starting at byte `at` of the source). `None` if it is not a doris-lint directive.
pub fn parse_directive(comment_text: &str, at: usize) -> Option<Directive> {
    // The comment body and its offset inside `comment_text`.
    let (mut body, mut off) = if let Some(rest) = comment_text.strip_prefix("--") {
        (rest, 2)
    } else if let Some(rest) = comment_text.strip_prefix("/*") {
        (rest.strip_suffix("*/").unwrap_or(rest), 2)
    } else if let Some(rest) = comment_text.strip_prefix('#') {
        (rest, 1)
    } else {
        return None;
    };
    let skip_ws = |body: &mut &str, off: &mut usize| {
        let trimmed = body.trim_start();
        *off += body.len() - trimmed.len();
        *body = trimmed;
    };
    skip_ws(&mut body, &mut off);
    if body.len() < MARKER.len() || !body.is_char_boundary(MARKER.len()) || !body[..MARKER.len()].eq_ignore_ascii_case(MARKER) {
        return None;
    }
    body = &body[MARKER.len()..];
    off += MARKER.len();
    skip_ws(&mut body, &mut off);
    body = body.strip_prefix(':')?;
    off += 1;
    skip_ws(&mut body, &mut off);
    let word_len = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(body.len());
    let file = match body[..word_len].to_ascii_lowercase().as_str() {
        "ignore" => false,
        "ignore-file" => true,
        _ => return None,
    };
    body = &body[word_len..];
    off += word_len;
    // The codes run up to the reason separator: ` -- ` / `--`, or `:`.
    let codes_end = [body.find("--"), body.find(':')].into_iter().flatten().min();
    let (codes_text, reason) = match codes_end {
        Some(i) => {
            let sep = if body[i..].starts_with("--") { 2 } else { 1 };
            let r = body[i + sep..].trim();
            (&body[..i], if r.is_empty() { None } else { Some(r.to_string()) })
        }
        None => (body, None),
    };
    let mut codes = Vec::new();
    let mut i = 0;
    for piece in codes_text.split(|c: char| c == ',' || c.is_whitespace()) {
        if !piece.is_empty() {
            let start = at + off + i;
            codes.push((piece.to_string(), Span::new(start, start + piece.len())));
        }
        i += piece.len() + codes_text[i + piece.len()..].chars().next().map_or(0, char::len_utf8);
    }
    Some(Directive { file, codes, reason })
}

/// Finds every suppression comment of `script`, whose first segment is segment `first_index` of
/// the whole script.
pub fn collect(source: &str, script: &Script, first_index: usize) -> Vec<Suppression> {
    let mut out = Vec::new();
    for (index, seg) in (first_index..).zip(&script.segments) {
        for comment in &seg.comments {
            if comment.kind == CommentKind::Hash {
                // `#` is not a comment in Doris (D004): a directive there is not honoured.
                continue;
            }
            let Some(text) = source.get(comment.span.start..comment.span.end) else { continue };
            let Some(d) = parse_directive(text, comment.span.start) else { continue };
            let segment = if d.file {
                None
            } else {
                let has_statement = !seg.body.is_empty();
                let applies = match comment.placement {
                    CommentPlacement::Inner | CommentPlacement::Trailing => has_statement,
                    CommentPlacement::Leading => has_statement && directly_before(source, comment.span.end, seg.body.start),
                };
                applies.then_some(index)
            };
            out.push(Suppression {
                comment: comment.span,
                scope: if d.file { SuppressionScope::File } else { SuppressionScope::Statement },
                segment,
                codes: d
                    .codes
                    .into_iter()
                    .map(|(text, span)| {
                        let code = rules::find(&text).map(|r| r.meta().code);
                        SuppressedCode { text, span, code, used: 0 }
                    })
                    .collect(),
                reason: d.reason,
            });
        }
    }
    out
}

/// Whether only comments and single line breaks stand between `from` and `to`: the comment
/// is on the statement's line or on the lines right before it, with no blank line between.
fn directly_before(source: &str, from: usize, to: usize) -> bool {
    let Some(between) = source.get(from..to) else { return false };
    let mut lines = between.split('\n');
    lines.next(); // the rest of the comment's own line
    let rest: Vec<&str> = lines.collect();
    // The last piece is the statement line's indentation; every full line between must hold a
    // comment (non-blank).
    rest.len() <= 1 || rest[..rest.len() - 1].iter().all(|l| !l.trim().is_empty())
}

/// The segment a diagnostic belongs to: the one whose span contains its start (an empty span
/// right at a boundary belongs to the statement it ends, the earlier segment).
fn segment_of(segment_starts: &[usize], span: Span) -> Option<usize> {
    let i = segment_starts.partition_point(|&s| s <= span.start);
    if i == 0 {
        return None;
    }
    let i = i - 1;
    if span.is_empty() && i > 0 && segment_starts[i] == span.start {
        return Some(i - 1);
    }
    Some(i)
}

/// Takes the suppressed diagnostics out of `diagnostics[from..]` (the others stay, in order),
/// counting each suppression's use. Linear in the diagnostics and the suppressions together:
/// which suppression silences a diagnostic and how many each silenced are looked up, not
/// searched for (a script with a suppression on each of its statements would otherwise take
/// time quadratic in its length).
pub fn apply(
    segment_starts: &[usize],
    suppressions: &mut [Suppression],
    diagnostics: &mut Vec<Diagnostic>,
    from: usize,
) -> Vec<SuppressedDiagnostic> {
    let mut silenced = Vec::new();
    if suppressions.is_empty() {
        return silenced;
    }
    // For the whole file (scope 0) and each statement (its index + 1), each code named there:
    // the first suppression naming it, and how many diagnostics it silenced there (a sorted list
    // searched by halves, not a map: smaller in the WebAssembly).
    let scope_of = |s: &Suppression| match s.scope {
        SuppressionScope::File => Some(0),
        SuppressionScope::Statement => s.segment.map(|i| i + 1),
    };
    // The scope above 16 bits, the code's number below: one integer to compare.
    type Key = u64;
    let key = |scope: usize, code: &str| (scope as u64) << 16 | u64::from(crate::lint::code_number(code));
    fn find(firsts: &[(Key, usize, usize)], key: Key) -> Option<usize> {
        firsts.binary_search_by(|&(k, ..)| k.cmp(&key)).ok()
    }
    let mut firsts: Vec<(Key, usize, usize)> = Vec::new();
    for (i, s) in suppressions.iter().enumerate() {
        let Some(scope) = scope_of(s) else { continue };
        firsts.extend(s.codes.iter().filter_map(|c| c.code).map(|code| (key(scope, code), i, 0)));
    }
    // Stable: the first suppression of each key comes first.
    crate::sort::sort_by_key(&mut firsts, |&(key, ..)| key);
    firsts.dedup_by_key(|&mut (key, ..)| key);
    for d in diagnostics.split_off(from) {
        let for_file = find(&firsts, key(0, d.code));
        let for_statement = segment_of(segment_starts, d.span).and_then(|seg| find(&firsts, key(seg + 1, d.code)));
        // Every suppression that names the code counts as used; the first one is recorded.
        let first = match (for_file, for_statement) {
            (Some(a), Some(b)) => Some(firsts[a].1.min(firsts[b].1)),
            (Some(a), None) | (None, Some(a)) => Some(firsts[a].1),
            (None, None) => None,
        };
        for at in [for_file, for_statement].into_iter().flatten() {
            firsts[at].2 += 1;
        }
        match first {
            Some(i) => silenced.push(SuppressedDiagnostic { reason: suppressions[i].reason.clone(), suppression: i, diagnostic: d }),
            None => diagnostics.push(d),
        }
    }
    for s in suppressions.iter_mut() {
        let Some(scope) = scope_of(s) else { continue };
        let mut counted: Vec<&'static str> = Vec::new();
        for c in &mut s.codes {
            // A code named twice in one comment counts once, at its first mention.
            let Some(code) = c.code.filter(|code| !counted.contains(code)) else { continue };
            counted.push(code);
            c.used += find(&firsts, key(scope, code)).map_or(0, |at| firsts[at].2);
        }
    }
    silenced
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`apply`] as first written: every suppression asked for every diagnostic (quadratic).
    fn apply_by_search(segment_starts: &[usize], suppressions: &mut [Suppression], diagnostics: &mut Vec<Diagnostic>) -> Vec<SuppressedDiagnostic> {
        let mut silenced = Vec::new();
        for d in std::mem::take(diagnostics) {
            let seg = segment_of(segment_starts, d.span);
            let mut first = None;
            for (i, s) in suppressions.iter_mut().enumerate() {
                if !(s.scope == SuppressionScope::File || (s.segment.is_some() && s.segment == seg)) {
                    continue;
                }
                if let Some(c) = s.codes.iter_mut().find(|c| c.code == Some(d.code)) {
                    c.used += 1;
                    first.get_or_insert(i);
                }
            }
            match first {
                Some(i) => silenced.push(SuppressedDiagnostic { reason: suppressions[i].reason.clone(), suppression: i, diagnostic: d }),
                None => diagnostics.push(d),
            }
        }
        silenced
    }

    proptest::proptest! {
        /// Which suppression silences what, and the counts, are the search's: file-wide and
        /// statement comments together, a code named twice, by name or code, unknown names.
        #[test]
        fn apply_is_the_search(picks in proptest::collection::vec(0usize..10, 1..40)) {
            const LINES: [&str; 10] = [
                "-- doris-lint: ignore D102\n",
                "-- doris-lint: ignore D102, missing-port, D106 -- twice\n",
                "/* doris-lint: ignore-file D106 */\n",
                "-- doris-lint: ignore-file missing-port\n",
                "-- doris-lint: ignore D999 nonsense\n",
                "ALTER SYSTEM ADD BACKEND \"h1\", \"bad host:9050\";\n",
                "ALTER SYSTEM ADD BACKEND \"h2\"; -- doris-lint: ignore D106\n",
                "ALTER SYSTEM ADD BACKEND \"1.2.3.4:9050\";\n",
                "-- just a comment\n",
                ";\n",
            ];
            let src: String = picks.iter().map(|&i| LINES[i]).collect();
            let script = crate::parse(&src);
            let starts: Vec<usize> = script.segments.iter().map(|s| s.span.start).collect();
            // Every diagnostic of the script, suppressed or not.
            let report = crate::lint::lint_script_report(&src, &script, &crate::LintOptions::default());
            let mut diagnostics: Vec<Diagnostic> =
                report.diagnostics.into_iter().chain(report.suppressed.into_iter().map(|s| s.diagnostic)).collect();
            crate::lint::sort_report(&mut diagnostics, &mut []);
            let mut theirs = collect(&src, &script, 0);
            let mut ours = theirs.clone();
            let mut kept_theirs = diagnostics.clone();
            let silenced_theirs = apply_by_search(&starts, &mut theirs, &mut kept_theirs);
            let mut kept_ours = diagnostics;
            let silenced_ours = apply(&starts, &mut ours, &mut kept_ours, 0);
            proptest::prop_assert_eq!(kept_ours, kept_theirs);
            proptest::prop_assert_eq!(silenced_ours, silenced_theirs);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn parses_line_and_block_directives() {
        let d = parse_directive("-- doris-lint: ignore D108", 0).unwrap();
        assert!(!d.file);
        assert_eq!(d.codes, vec![("D108".to_string(), Span::new(22, 26))]);
        assert_eq!(d.reason, None);

        let src = "/* doris-lint: ignore-file D111, wrong-service-port -- lab cluster */";
        let d = parse_directive(src, 10).unwrap();
        assert!(d.file);
        assert_eq!(d.codes.len(), 2);
        assert_eq!(&src[d.codes[1].1.start - 10..d.codes[1].1.end - 10], "wrong-service-port");
        assert_eq!(d.reason.as_deref(), Some("lab cluster"));

        let d = parse_directive("-- doris-lint: ignore D108: port is remapped", 0).unwrap();
        assert_eq!(d.codes.len(), 1);
        assert_eq!(d.reason.as_deref(), Some("port is remapped"));

        assert!(parse_directive("-- doris lint ignore D108", 0).is_none());
        assert!(parse_directive("-- doris-lint: frobnicate D108", 0).is_none());
        assert!(parse_directive("-- just a comment", 0).is_none());
        assert!(parse_directive("-- doris-lint", 0).is_none());
        assert!(parse_directive("-- doris-lint: ignore 中文,", 0).unwrap().codes.len() == 1);
    }

    proptest::proptest! {
        #[test]
        fn directives_never_panic_and_spans_point_at_the_codes(
            prefix in "(--|/\\*|#)[ \t]{0,2}",
            marker in "(doris-lint|DORIS-LINT|doris-lint )",
            body in "[ :a-zA-Z0-9,\\-中😀\t]{0,40}",
        ) {
            let text = format!("{prefix}{marker}:{body}");
            if let Some(d) = parse_directive(&text, 7) {
                for (code, span) in d.codes {
                    proptest::prop_assert_eq!(&text[span.start - 7..span.end - 7], code.as_str());
                }
            }
            let script = crate::syntax::parse(&format!("{text}\nALTER SYSTEM ADD BACKEND 'h:1';{text}"));
            let _ = collect(&format!("{text}\nALTER SYSTEM ADD BACKEND 'h:1';{text}"), &script, 0);
        }
    }
}
