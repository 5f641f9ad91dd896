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
use crate::line_index::{LineCol, LineIndex};
use crate::rules::{FixAvailability, RuleMeta};
use crate::span::Span;
use crate::syntax::{Node, Operand, OperandKind, Script, Statement};

/// Byte offsets to UTF-16 offsets and 1-based line/column (columns in UTF-16 units), in O(1)
/// per lookup whatever the line length: the UTF-16 offset of every 64th byte is kept, so a lookup
/// scans at most one block. (A single-line script with 10,000 addresses must not make the JS
/// shapes quadratic.)
pub struct Utf16Index<'a> {
    src: &'a str,
    lines: LineIndex<'a>,
    /// `blocks[k]`: the UTF-16 length of `src[..floor_char_boundary(k * BLOCK)]`.
    blocks: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'a> Utf16Index<'a> {
    pub fn new(src: &'a str) -> Utf16Index<'a> {
        let mut blocks = Vec::with_capacity(src.len() / BLOCK + 1);
        let (mut at, mut utf16) = (0, 0);
        for k in 0..=src.len() / BLOCK {
            let b = floor_char_boundary(src, k * BLOCK);
            utf16 += src[at..b].encode_utf16().count();
            at = b;
            blocks.push(utf16);
        }
        Utf16Index { src, lines: LineIndex::new(src), blocks }
    }

    /// The UTF-16 offset of byte offset `offset` (clamped into the source, rounded down to a
    /// character boundary).
    pub fn utf16(&self, offset: usize) -> usize {
        let o = floor_char_boundary(self.src, offset);
        let k = o / BLOCK;
        let b = floor_char_boundary(self.src, k * BLOCK);
        self.blocks[k] + self.src[b..o].encode_utf16().count()
    }

    /// 1-based line, 1-based column in UTF-16 units (lines end at `\n`).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line);
        LineCol { line: line + 1, column: self.utf16(offset) - self.utf16(start) + 1 }
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
        value: o.value.clone(),
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
        keywords: st.keywords().map(|k| k.word).collect(),
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
        let empty = Utf16Index::new("");
        assert_eq!((empty.utf16(0), empty.utf16(5)), (0, 0));
        assert_eq!(empty.line_col(0), LineCol { line: 1, column: 1 });
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
