//! The JavaScript shapes of the library's results (product.md §2): diagnostics, parsed statements
//! and rule metadata, with byte spans converted once, here, into UTF-16 offsets and 1-based
//! line/column (columns in UTF-16 code units, Monaco's and LSP's convention).
//!
//! Plain serde types, compiled on every target: the wasm layer ([`crate`]'s `wasm` module)
//! serializes them to JS objects, and native tests check them against the TypeScript types of
//! `pkg/index.d.ts`.

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fix::{AppliedFix, FixResult};
use crate::line_index::LineCol;
use crate::rules::{FixAvailability, RuleMeta};
use crate::span::Span;
use crate::syntax::{Node, Operand, OperandKind, Script, Statement};

/// Byte offsets to UTF-16 offsets and 1-based line/column (columns in UTF-16 units), in O(1)
/// per lookup whatever the line length: the UTF-16 offset of every 64th byte is kept, so a lookup
/// scans at most one block. (A single-line script with 10,000 addresses must not make the JS
/// shapes quadratic.) An ASCII source (the usual case) keeps no blocks: its UTF-16 offsets are
/// its byte offsets.
///
/// Built from the bytes alone, without decoding characters: a character's UTF-16 length is one
/// unit for its first byte and one more when that byte starts a 4-byte sequence, so the UTF-16
/// length of any byte range is a count over its bytes ([`utf16_units`]), and ranges add up.
/// (Building this through `char_indices` and `LineIndex` was a tenth of a wasm `lint` call.)
pub struct Utf16Index<'a> {
    src: &'a str,
    /// Byte offset of the start of each line (lines end at `\n`).
    line_starts: Vec<usize>,
    /// `blocks[k]`: the UTF-16 length of `src[..k * BLOCK]` counted by [`utf16_units`] (a block
    /// boundary may fall inside a character: the count is per byte, so it still adds up); empty
    /// when the source is ASCII.
    blocks: Vec<usize>,
}

const BLOCK: usize = 64;

/// The UTF-16 length of `bytes` when it starts and ends on character boundaries; for any split
/// of such a range, the sum over the parts.
fn utf16_units(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    // Plain index loops: no iterator adapters left for the size-optimised wasm build to call.
    while i < bytes.len() {
        let b = bytes[i];
        n += usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0);
        i += 1;
    }
    n
}

impl<'a> Utf16Index<'a> {
    pub fn new(src: &'a str) -> Utf16Index<'a> {
        let bytes = src.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\n' {
                line_starts.push(i + 1);
            }
            i += 1;
        }
        let mut blocks = Vec::new();
        if !src.is_ascii() {
            blocks.reserve(bytes.len() / BLOCK + 1);
            let mut utf16 = 0;
            blocks.push(0);
            let mut at = 0;
            while at + BLOCK <= bytes.len() {
                utf16 += utf16_units(&bytes[at..at + BLOCK]);
                at += BLOCK;
                blocks.push(utf16);
            }
        }
        Utf16Index { src, line_starts, blocks }
    }

    /// The UTF-16 offset of byte offset `offset` (clamped into the source, rounded down to a
    /// character boundary).
    pub fn utf16(&self, offset: usize) -> usize {
        let o = floor_char_boundary(self.src, offset);
        if self.blocks.is_empty() {
            return o;
        }
        let k = o / BLOCK;
        self.blocks[k] + utf16_units(&self.src.as_bytes()[k * BLOCK..o])
    }

    /// 1-based line, 1-based column in UTF-16 units (lines end at `\n`).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let o = floor_char_boundary(self.src, offset);
        let line = self.line_starts.partition_point(|&s| s <= o) - 1;
        let start = self.line_starts[line];
        LineCol { line: line + 1, column: self.utf16(o) - self.utf16(start) + 1 }
    }
}

fn floor_char_boundary(src: &str, offset: usize) -> usize {
    let mut o = offset.min(src.len());
    while !src.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// A diagnostic as JavaScript sees it (`interface Diagnostic` in `pkg/index.d.ts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsDiagnostic {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    pub from: usize,
    pub to: usize,
    pub start: LineCol,
    pub end: LineCol,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsFix>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsFix {
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<JsEdit>,
}

/// Replace UTF-16 range `from..to` with `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsEdit {
    pub from: usize,
    pub to: usize,
    pub insert: String,
}

impl JsDiagnostic {
    pub fn new(idx: &Utf16Index, d: &Diagnostic) -> JsDiagnostic {
        JsDiagnostic {
            code: d.code,
            rule: d.rule,
            severity: d.severity,
            message: d.message.clone(),
            help: d.help.as_deref().map(String::from),
            from: idx.utf16(d.span.start),
            to: idx.utf16(d.span.end),
            start: idx.line_col(d.span.start),
            end: idx.line_col(d.span.end),
            fix: d.fix.as_ref().map(|f| JsFix {
                message: f.message.to_string(),
                applicability: f.applicability,
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsEdit {
                        from: idx.utf16(e.span.start),
                        to: idx.utf16(e.span.end),
                        insert: e.insert.clone(),
                    })
                    .collect(),
            }),
        }
    }
}

/// Every diagnostic of `diagnostics` in its JS shape.
pub fn diagnostics(source: &str, diagnostics: &[Diagnostic]) -> Vec<JsDiagnostic> {
    let idx = Utf16Index::new(source);
    diagnostics.iter().map(|d| JsDiagnostic::new(&idx, d)).collect()
}

/// [`diagnostics`] as JSON text, written straight from the diagnostics: byte for byte what
/// `serde_json::to_string(&diagnostics(source, ds))` writes (a test checks it), without the
/// intermediate [`JsDiagnostic`]s (a copy of every message) or serde's writer (a call per
/// token). In the size-optimised wasm build those two were about a fifth of a `lint` call.
pub fn diagnostics_json(source: &str, ds: &[Diagnostic]) -> String {
    let mut out = String::with_capacity(2 + ds.len() * 192);
    write_diagnostics(&mut out, &Utf16Index::new(source), ds);
    out
}

/// `fix()`'s result as JSON text: what `serde_json::to_string(&JsFixResult::new(result))`
/// writes (a test checks it), with the diagnostics written by [`diagnostics_json`]'s writer.
pub fn fix_result_json(result: &FixResult) -> Result<String, serde_json::Error> {
    let mut out = String::with_capacity(64 + result.output.len() + result.remaining.len() * 192);
    out.push_str("{\"output\":");
    json_str(&mut out, &result.output);
    out.push_str(",\"applied\":");
    out.push_str(&serde_json::to_string(&result.applied)?);
    out.push_str(",\"remaining\":");
    write_diagnostics(&mut out, &Utf16Index::new(&result.output), &result.remaining);
    out.push_str(",\"rounds\":");
    json_uint(&mut out, result.rounds);
    out.push_str(if result.converged { ",\"converged\":true}" } else { ",\"converged\":false}" });
    Ok(out)
}

fn write_diagnostics(out: &mut String, idx: &Utf16Index, ds: &[Diagnostic]) {
    out.push('[');
    for (i, d) in ds.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":");
        json_str(out, d.code);
        out.push_str(",\"rule\":");
        json_str(out, d.rule);
        out.push_str(",\"severity\":\"");
        out.push_str(d.severity.as_str());
        out.push_str("\",\"message\":");
        json_str(out, &d.message);
        if let Some(help) = &d.help {
            out.push_str(",\"help\":");
            json_str(out, help);
        }
        out.push_str(",\"from\":");
        json_uint(out, idx.utf16(d.span.start));
        out.push_str(",\"to\":");
        json_uint(out, idx.utf16(d.span.end));
        out.push_str(",\"start\":");
        json_line_col(out, idx.line_col(d.span.start));
        out.push_str(",\"end\":");
        json_line_col(out, idx.line_col(d.span.end));
        if let Some(fix) = &d.fix {
            out.push_str(",\"fix\":{\"message\":");
            json_str(out, &fix.message);
            out.push_str(match fix.applicability {
                Applicability::Safe => ",\"applicability\":\"safe\",\"edits\":[",
                Applicability::Unsafe => ",\"applicability\":\"unsafe\",\"edits\":[",
            });
            for (j, e) in fix.edits.iter().enumerate() {
                out.push_str(if j > 0 { ",{\"from\":" } else { "{\"from\":" });
                json_uint(out, idx.utf16(e.span.start));
                out.push_str(",\"to\":");
                json_uint(out, idx.utf16(e.span.end));
                out.push_str(",\"insert\":");
                json_str(out, &e.insert);
                out.push('}');
            }
            out.push_str("]}");
        }
        out.push('}');
    }
    out.push(']');
}

fn json_line_col(out: &mut String, at: LineCol) {
    out.push_str("{\"line\":");
    json_uint(out, at.line);
    out.push_str(",\"column\":");
    json_uint(out, at.column);
    out.push('}');
}

fn json_uint(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits only.
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, control characters as `\n`,
/// `\t`, `\r`, `\b`, `\f` or `\u00XX`, everything else as it is.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x20 && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        // `b` is ASCII, so both cuts are on character boundaries.
        out.push_str(&s[start..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            b'\r' => out.push_str("\\r"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
        i += 1;
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// What `fix()` returns to JavaScript (`interface FixResult` in `pkg/index.d.ts`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsFixResult<'a> {
    /// The fixed text.
    pub output: &'a str,
    /// Every fix applied, in order.
    pub applied: &'a [AppliedFix],
    /// The diagnostics of `output` (positions in `output`).
    pub remaining: Vec<JsDiagnostic>,
    /// Rounds that changed the text.
    pub rounds: usize,
    /// `false` when fixing stopped with applicable fixes left.
    pub converged: bool,
}

impl<'a> JsFixResult<'a> {
    pub fn new(result: &'a FixResult) -> JsFixResult<'a> {
        JsFixResult {
            output: &result.output,
            applied: &result.applied,
            remaining: diagnostics(&result.output, &result.remaining),
            rounds: result.rounds,
            converged: result.converged,
        }
    }
}

/// A UTF-16 range with its 1-based line/column ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JsRange {
    pub from: usize,
    pub to: usize,
    pub start: LineCol,
    pub end: LineCol,
}

impl JsRange {
    pub fn new(idx: &Utf16Index, span: Span) -> JsRange {
        JsRange {
            from: idx.utf16(span.start),
            to: idx.utf16(span.end),
            start: idx.line_col(span.start),
            end: idx.line_col(span.end),
        }
    }
}

/// One statement of the script, for the playground's "parsed statements" view
/// (`interface ParsedStatement` in `pkg/index.d.ts`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsStatement {
    /// A statement kind (`add_backend`, ...), `"syntax_error"` for a statement of the family that
    /// does not parse, or `"other"` for a statement outside the family.
    pub kind: &'static str,
    /// The statement's text, without its `;`.
    pub text: String,
    #[serde(flatten)]
    pub range: JsRange,
    /// The keywords in order, upper case (`["ALTER", "SYSTEM", "ADD", "BACKEND"]`).
    pub keywords: Vec<&'static str>,
    /// The target addresses (or backend ids).
    pub addresses: Vec<JsOperand>,
    /// The new host name of `MODIFY FRONTEND|BACKEND ... HOSTNAME`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<JsOperand>,
    /// Broker name, compute group names.
    pub names: Vec<JsOperand>,
    pub properties: Vec<JsProperty>,
    /// Where the grammar gave up (only for `"syntax_error"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<JsSyntaxError>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsOperand {
    /// The decoded value (escapes resolved, quotes removed).
    pub value: String,
    /// The source text, with its quotes.
    pub text: String,
    pub quote: OperandKind,
    pub from: usize,
    pub to: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsProperty {
    pub key: JsOperand,
    pub value: JsOperand,
    pub from: usize,
    pub to: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsSyntaxError {
    pub found: String,
    pub expected: Vec<String>,
    pub from: usize,
    pub to: usize,
}

fn operand(source: &str, idx: &Utf16Index, o: &Operand) -> JsOperand {
    JsOperand {
        value: o.value(source).to_string(),
        text: o.span.text(source).to_string(),
        quote: o.kind,
        from: idx.utf16(o.span.start),
        to: idx.utf16(o.span.end),
    }
}

fn statement(source: &str, idx: &Utf16Index, body: Span, st: &Statement) -> JsStatement {
    let mut lists = st.parts.iter().filter_map(|p| match p {
        crate::syntax::Part::Addresses(a) => Some(a),
        _ => None,
    });
    let addresses =
        lists.next().map(|a| a.items.iter().map(|o| operand(source, idx, o)).collect()).unwrap_or_default();
    JsStatement {
        kind: st.kind.as_str(),
        text: body.text(source).to_string(),
        range: JsRange::new(idx, body),
        keywords: st.keywords().map(|k| k.word.as_str()).collect(),
        addresses,
        hostname: st.new_hostname().map(|o| operand(source, idx, o)),
        names: st.names().map(|o| operand(source, idx, o)).collect(),
        properties: st
            .properties()
            .map(|l| {
                l.items
                    .iter()
                    .map(|p| JsProperty {
                        key: operand(source, idx, &p.key),
                        value: operand(source, idx, &p.value),
                        from: idx.utf16(p.span.start),
                        to: idx.utf16(p.span.end),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        error: None,
    }
}

/// The statements of a parsed script (segments of only whitespace and comments are left out).
pub fn statements(source: &str, script: &Script) -> Vec<JsStatement> {
    let idx = Utf16Index::new(source);
    let bare = |kind: &'static str, body: Span| JsStatement {
        kind,
        text: body.text(source).to_string(),
        range: JsRange::new(&idx, body),
        keywords: Vec::new(),
        addresses: Vec::new(),
        hostname: None,
        names: Vec::new(),
        properties: Vec::new(),
        error: None,
    };
    script
        .segments
        .iter()
        .filter_map(|seg| match &seg.node {
            Node::Empty => None,
            Node::Other => Some(bare("other", seg.body)),
            Node::Statement(st) => Some(statement(source, &idx, seg.body, st)),
            Node::Error(e) => Some(JsStatement {
                error: Some(JsSyntaxError {
                    found: e.found.clone(),
                    expected: e.expected.clone(),
                    from: idx.utf16(e.span.start),
                    to: idx.utf16(e.span.end),
                }),
                ..bare("syntax_error", seg.body)
            }),
        })
        .collect()
}

/// A rule's metadata (`interface RuleInfo` in `pkg/index.d.ts`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsRule {
    pub code: &'static str,
    pub name: &'static str,
    /// `"error" | "warning" | "info"`, or `"off"` for rules that run only when enabled.
    pub default_severity: &'static str,
    pub fix: FixAvailability,
    pub summary: &'static str,
    /// Markdown.
    pub explanation: &'static str,
}

impl JsRule {
    pub fn new(meta: &'static RuleMeta) -> JsRule {
        JsRule {
            code: meta.code,
            name: meta.name,
            default_severity: meta.default_severity.map_or("off", Severity::as_str),
            fix: meta.fix,
            summary: meta.summary,
            explanation: meta.explanation.trim(),
        }
    }
}

/// Every rule, in code order.
pub fn rules() -> Vec<JsRule> {
    crate::rules::RULES.iter().map(|r| JsRule::new(r.meta())).collect()
}

/// The name of an operand kind in JS (`quote` of [`JsOperand`]).
pub fn operand_kind_name(kind: OperandKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::LineIndex;
    use crate::options::LintOptions;

    #[test]
    fn diagnostic_positions_are_utf16_and_one_based() {
        // Chinese comment, emoji and CRLF before the flagged literal.
        let src = "-- 扩容 😀\r\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\r\n";
        let ds = diagnostics(src, &crate::lint(src, &LintOptions::default()));
        let d = ds.iter().find(|d| d.code == "D007").expect("D007");
        let js: Vec<u16> = src.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js[d.from..d.to]).unwrap(), "10.0.0.1:9050");
        assert_eq!(d.start, LineCol { line: 2, column: 26 });
        assert_eq!(d.end, LineCol { line: 2, column: 39 });
        let e = &d.fix.as_ref().unwrap().edits;
        assert_eq!(String::from_utf16(&js[e[0].from..e[0].to]).unwrap(), "");
        assert_eq!(e[0].from, d.from);
        let v = serde_json::to_value(d).unwrap();
        assert!(v.get("help").is_some() || d.help.is_none());
        assert_eq!(v["fix"]["applicability"], "safe");
    }

    #[test]
    fn utf16_index_agrees_with_the_line_index_everywhere() {
        // Long lines of mixed widths cross many blocks; every byte offset, boundary or not.
        let line = "ab中😀c\u{a0}d".repeat(40);
        let src = format!("{line}\r\n{line}\n\n😀{line}");
        let fast = Utf16Index::new(&src);
        let slow = LineIndex::new(&src);
        for o in 0..=src.len() + 3 {
            assert_eq!(fast.utf16(o), slow.utf16_offset(o), "utf16 at {o}");
            assert_eq!(fast.line_col(o), slow.line_col_utf16(o), "line/col at {o}");
        }
        // ASCII (no blocks kept), and a source whose last block is partial.
        for src in ["ALTER SYSTEM ADD BACKEND 'h:1';\r\n\n-- x\n".repeat(9), format!("{}中", "a".repeat(BLOCK * 2 + 5))] {
            let (fast, slow) = (Utf16Index::new(&src), LineIndex::new(&src));
            for o in 0..=src.len() + 3 {
                assert_eq!(fast.utf16(o), slow.utf16_offset(o), "utf16 at {o}");
                assert_eq!(fast.line_col(o), slow.line_col_utf16(o), "line/col at {o}");
            }
        }
        let empty = Utf16Index::new("");
        assert_eq!((empty.utf16(0), empty.utf16(5)), (0, 0));
        assert_eq!(empty.line_col(0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn json_writers_agree_with_serde() {
        use crate::diagnostic::{Edit, Fix};
        // Every escape serde_json writes, non-ASCII text, help and fix present and absent.
        let tricky = "q\"b\\n\nt\tr\rb\u{8}f\u{c}z\u{0}\u{1f}\u{7f} 中😀";
        let src = format!("{tricky}\n{tricky}");
        let mut d = crate::lint("ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;", &LintOptions::default()).remove(0);
        d.message = tricky.to_string();
        d.help = Some(tricky.to_string().into());
        d.span = Span::new(3, src.len() - 2);
        d.fix = Some(Box::new(Fix::unsafe_(tricky, vec![Edit { span: Span::new(0, 1), insert: tricky.into() }, Edit { span: Span::new(src.len(), src.len()), insert: String::new() }])));
        let mut plain = d.clone();
        plain.help = None;
        plain.fix = None;
        let ds = vec![d, plain];
        for n in 0..=ds.len() {
            assert_eq!(diagnostics_json(&src, &ds[..n]), serde_json::to_string(&diagnostics(&src, &ds[..n])).unwrap());
        }
        // Every rule's fixtures: lint and fix (with the unsafe fixes).
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
        let mut checked = 0;
        for rule in std::fs::read_dir(&dir).expect("rule fixtures") {
            for file in std::fs::read_dir(rule.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                let Ok(src) = std::fs::read_to_string(&path) else { continue };
                let options = LintOptions::default();
                let ds = crate::lint(&src, &options);
                assert_eq!(diagnostics_json(&src, &ds), serde_json::to_string(&diagnostics(&src, &ds)).unwrap(), "{path:?}");
                let fixed = crate::fix::fix(&src, &options, true);
                assert_eq!(fix_result_json(&fixed).unwrap(), serde_json::to_string(&JsFixResult::new(&fixed)).unwrap(), "{path:?}");
                checked += 1;
            }
        }
        assert!(checked > 50, "only {checked} fixtures");
    }

    #[test]
    fn statements_show_kind_addresses_and_properties() {
        let src = "SHOW BACKENDS;\n-- 注释\nALTER SYSTEM ADD BACKEND 'h:9050' PROPERTIES (\"tag.location\" = \"g1\");\nALTER SYSTEM ADD BACKEND;";
        let st = statements(src, &crate::parse(src));
        assert_eq!(st.len(), 3);
        assert_eq!(st[0].kind, "other");
        assert_eq!(st[1].kind, "add_backend");
        assert_eq!(st[1].keywords, ["ALTER", "SYSTEM", "ADD", "BACKEND", "PROPERTIES"]);
        assert_eq!(st[1].addresses[0].value, "h:9050");
        assert_eq!(st[1].addresses[0].text, "'h:9050'");
        assert_eq!(operand_kind_name(st[1].addresses[0].quote), "single_quoted");
        assert_eq!(st[1].properties[0].key.value, "tag.location");
        assert_eq!(st[1].properties[0].value.value, "g1");
        let js: Vec<u16> = src.encode_utf16().collect();
        let a = &st[1].addresses[0];
        assert_eq!(String::from_utf16(&js[a.from..a.to]).unwrap(), "'h:9050'");
        assert_eq!(st[2].kind, "syntax_error");
        assert!(st[2].error.is_some());
    }

    #[test]
    fn rules_carry_their_metadata() {
        let rs = rules();
        assert_eq!(rs.len(), crate::rules::RULES.len());
        assert_eq!(rs[0].code, "D001");
        assert!(rs.iter().all(|r| !r.summary.is_empty() && !r.explanation.is_empty()));
        let v = serde_json::to_value(&rs[0]).unwrap();
        assert_eq!(v["defaultSeverity"], "error");
    }
}
