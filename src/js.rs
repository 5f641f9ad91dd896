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
    /// The line of the last lookup: diagnostics come sorted, so the next one is mostly on the
    /// same line or the next few (no binary search over every line for each).
    last_line: std::cell::Cell<usize>,
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
        Utf16Index { src, line_starts, blocks, last_line: std::cell::Cell::new(0) }
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
        let line = self.line_of(o);
        let start = self.line_starts[line];
        LineCol { line: line + 1, column: self.utf16(o) - self.utf16(start) + 1 }
    }
}

impl Utf16Index<'_> {
    /// The 0-based line of byte offset `o`: the line of the last lookup or one of the next
    /// three when it is, otherwise a binary search.
    fn line_of(&self, o: usize) -> usize {
        let starts = &self.line_starts;
        let mut line = self.last_line.get();
        if starts[line] <= o {
            for _ in 0..4 {
                if starts.get(line + 1).is_none_or(|&next| next > o) {
                    self.last_line.set(line);
                    return line;
                }
                line += 1;
            }
        }
        let line = starts.partition_point(|&s| s <= o) - 1;
        self.last_line.set(line);
        line
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

/// [`diagnostics`] packed for `pkg/api.js`, which builds the objects itself: numbers cross the
/// boundary as numbers and every text in one UTF-8 block decoded once, so there is no JSON to
/// write here nor to parse there (in the size-optimised wasm, `JSON.parse` alone was a sixth of
/// a 1 KB `lint()` call and writing the JSON a tenth).
///
/// Little-endian 32-bit words, then the texts. Words: `[n, t]` (`t`: the byte offset of the
/// texts), then for each diagnostic `flags` (bits 0–1 severity: 0 info, 1 warning, 2 error;
/// bit 2 help; bit 3 fix; bit 4 unsafe fix), the texts `code`, `rule` and `message`, `help` when
/// there is one, `from`, `to`, start line and column, end line and column, and with a fix the
/// text of its message, the number of edits and for each edit `from`, `to` and the text `insert`.
///
/// A text is one word: twice its length in UTF-16 units, its UTF-8 next in the block of texts
/// (in the order the words were written; `api.js` decodes the block once and slices it), and it
/// is the next in the reader's pool of texts; or, odd, twice the index of a text in that pool
/// plus one: what a rule said in the same place of its previous diagnostic (the code and rule
/// always, often the help and fix message) crosses and becomes a JS string once. (The words stay
/// below 2^30, which V8 keeps as small integers: a JS string has at most 2^29 units.) [`packed_to_json`]
/// reads it back (for tests).
pub fn diagnostics_packed(source: &str, ds: &[Diagnostic]) -> Vec<u8> {
    pack(source, ds, "")
}

/// [`diagnostics_packed`] with `tail` after the texts (what `api.js` reads after the last one).
fn pack(source: &str, ds: &[Diagnostic], tail: &str) -> Vec<u8> {
    let idx = Utf16Index::new(source);
    let mut p = Packer { out: Vec::with_capacity(8 + ds.len() * 64), text: String::with_capacity(ds.len() * 64), pooled: 0, last: Vec::new() };
    p.word(ds.len());
    p.word(0);
    for d in ds {
        let severity = match d.severity {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        };
        let fix = match &d.fix {
            None => 0,
            Some(f) if f.applicability == Applicability::Safe => 8,
            Some(_) => 24,
        };
        p.word(severity | if d.help.is_some() { 4 } else { 0 } | fix);
        let rule = p.rule(d.code);
        p.text(rule, Slot::Code, d.code);
        p.text(rule, Slot::Rule, d.rule);
        p.text(rule, Slot::Message, &d.message);
        if let Some(help) = &d.help {
            p.text(rule, Slot::Help, help);
        }
        let (start, end) = (idx.line_col(d.span.start), idx.line_col(d.span.end));
        let mut words = [0u8; 24];
        for (k, n) in [idx.utf16(d.span.start), idx.utf16(d.span.end), start.line, start.column, end.line, end.column].into_iter().enumerate() {
            words[4 * k..4 * k + 4].copy_from_slice(&(n as u32).to_le_bytes());
        }
        // One copy for the six (in the size-optimised wasm each extend is a call).
        p.out.extend_from_slice(&words);
        if let Some(fix) = &d.fix {
            p.text(rule, Slot::FixMessage, &fix.message);
            p.word(fix.edits.len());
            for e in &fix.edits {
                p.word(idx.utf16(e.span.start));
                p.word(idx.utf16(e.span.end));
                p.text(rule, Slot::Insert, &e.insert);
            }
        }
    }
    let Packer { mut out, text, .. } = p;
    let at = (out.len() as u32).to_le_bytes();
    out[4..8].copy_from_slice(&at);
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(tail.as_bytes());
    out
}

/// The places a diagnostic has texts in, for [`Packer`]'s memory of each rule's last ones.
#[derive(Clone, Copy)]
enum Slot {
    Code,
    Rule,
    Message,
    Help,
    FixMessage,
    Insert,
}

/// [`pack`]'s state: the words, the block of texts, how many texts the reader has pooled, and
/// per rule (by code) the last text written in each [`Slot`] with its pool index.
struct Packer<'d> {
    out: Vec<u8>,
    text: String,
    pooled: u32,
    last: Vec<(&'static str, LastTexts<'d>)>,
}

/// A rule's last text in each [`Slot`], with its index in the reader's pool.
type LastTexts<'d> = [Option<(&'d str, u32)>; 6];

impl<'d> Packer<'d> {
    fn word(&mut self, n: usize) {
        self.out.extend_from_slice(&(n as u32).to_le_bytes());
    }

    /// The index in `last` of the rule with `code` (a handful per script: a scan is enough).
    /// By address: a rule's diagnostics share its code's constant, and a miss only costs a text.
    fn rule(&mut self, code: &'static str) -> usize {
        match self.last.iter().position(|(c, _)| std::ptr::eq(*c, code)) {
            Some(i) => i,
            None => {
                self.last.push((code, [None; 6]));
                self.last.len() - 1
            }
        }
    }

    /// Writes `s`, as a pool index when the rule's previous text in `slot` was the same.
    fn text(&mut self, rule: usize, slot: Slot, s: &'d str) {
        let remembered = &mut self.last[rule].1[slot as usize];
        if let Some((prev, index)) = *remembered {
            if prev.len() == s.len() && (std::ptr::eq(prev, s) || prev == s) {
                self.out.extend_from_slice(&(2 * index + 1).to_le_bytes());
                return;
            }
        }
        *remembered = Some((s, self.pooled));
        self.pooled += 1;
        // `is_ascii` (std's, word at a time) first: most texts are ASCII.
        let len = if s.is_ascii() { s.len() } else { utf16_units(s.as_bytes()) };
        self.out.extend_from_slice(&(2 * len as u32).to_le_bytes());
        self.text.push_str(s);
    }
}

/// `fix()`'s result packed for `pkg/api.js`: the remaining diagnostics as
/// [`diagnostics_packed`] writes them (positions in the fixed text), then as JSON text
/// `{"output", "applied", "rounds", "converged"}`, which `api.js` parses and puts together with
/// them in [`JsFixResult`]'s order.
pub fn fix_result_packed(result: &FixResult) -> Result<Vec<u8>, serde_json::Error> {
    #[derive(Serialize)]
    struct Rest<'a> {
        output: &'a str,
        applied: &'a [AppliedFix],
        rounds: usize,
        converged: bool,
    }
    let rest = Rest { output: &result.output, applied: &result.applied, rounds: result.rounds, converged: result.converged };
    Ok(pack(&result.output, &result.remaining, &serde_json::to_string(&rest)?))
}

/// What [`diagnostics_packed`] (or [`fix_result_packed`]) wrote, read back as the JSON value of
/// the diagnostics, and the tail: the Rust twin of `pkg/api.js`'s reader, for tests.
pub fn packed_to_json(bytes: &[u8]) -> (serde_json::Value, String) {
    use serde_json::{json, Value};
    let word = |i: usize| u32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().unwrap()) as usize;
    let text: Vec<u16> = std::str::from_utf8(&bytes[word(1)..]).unwrap().encode_utf16().collect();
    let (mut i, mut at) = (2, 0);
    let mut next = || {
        i += 1;
        word(i - 1)
    };
    let mut out = Vec::new();
    let mut pool: Vec<String> = Vec::new();
    let mut str = |word: usize| {
        if word % 2 == 1 {
            return pool[word / 2].clone();
        }
        let len = word / 2;
        at += len;
        pool.push(String::from_utf16(&text[at - len..at]).unwrap());
        pool[pool.len() - 1].clone()
    };
    for _ in 0..word(0) {
        let flags = next();
        let mut d = serde_json::Map::new();
        d.insert("code".into(), str(next()).into());
        d.insert("rule".into(), str(next()).into());
        d.insert("severity".into(), ["info", "warning", "error"][flags & 3].into());
        d.insert("message".into(), str(next()).into());
        if flags & 4 != 0 {
            d.insert("help".into(), str(next()).into());
        }
        d.insert("from".into(), next().into());
        d.insert("to".into(), next().into());
        d.insert("start".into(), json!({ "line": next(), "column": next() }));
        d.insert("end".into(), json!({ "line": next(), "column": next() }));
        if flags & 8 != 0 {
            let message = str(next());
            let edits: Vec<Value> =
                (0..next()).map(|_| json!({ "from": next(), "to": next(), "insert": str(next()) })).collect();
            let applicability = if flags & 16 != 0 { "unsafe" } else { "safe" };
            d.insert("fix".into(), json!({ "message": message, "applicability": applicability, "edits": edits }));
        }
        out.push(Value::Object(d));
    }
    (Value::Array(out), String::from_utf16(&text[at..]).unwrap())
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
        // Lookups in any order (the index remembers the last line): backwards, and jumping.
        let src = "a\nbb\n\nccc\n".repeat(30);
        let (fast, slow) = (Utf16Index::new(&src), LineIndex::new(&src));
        let n = src.len() + 2;
        for o in (0..n).rev().chain((0..n).map(|i| i * 37 % n)) {
            assert_eq!(fast.line_col(o), slow.line_col_utf16(o), "line/col at {o}");
        }
        let empty = Utf16Index::new("");
        assert_eq!((empty.utf16(0), empty.utf16(5)), (0, 0));
        assert_eq!(empty.line_col(0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn packed_results_read_back_as_the_serde_shapes() {
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
        let unpacked = |src: &str, ds: &[Diagnostic]| packed_to_json(&diagnostics_packed(src, ds));
        for n in 0..=ds.len() {
            assert_eq!(unpacked(&src, &ds[..n]), (serde_json::to_value(diagnostics(&src, &ds[..n])).unwrap(), String::new()));
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
                assert_eq!(unpacked(&src, &ds), (serde_json::to_value(diagnostics(&src, &ds)).unwrap(), String::new()), "{path:?}");
                let fixed = crate::fix::fix(&src, &options, true);
                let (remaining, tail) = packed_to_json(&fix_result_packed(&fixed).unwrap());
                let mut result: serde_json::Value = serde_json::from_str(&tail).unwrap();
                result["remaining"] = remaining;
                assert_eq!(result, serde_json::to_value(JsFixResult::new(&fixed)).unwrap(), "{path:?}");
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
