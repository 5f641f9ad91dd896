//! A hand-written parser over the scanner's tokens that builds exactly the AST the pest grammar
//! builds, for speed: pest costs several hundred instructions per byte, this a few dozen.
//!
//! `grammar/doris.pest` stays the definition of the language. When this parser gives up, the
//! grammar must reject the statement: `syntax/explain.rs` then says why. A differential test
//! (`tests/parsers_agree.rs`) checks on every fixture, the corpus and generated statements that
//! this parser and pest's give the same trees and errors. Keep the two in step: every
//! alternative below names the grammar rule it mirrors.

use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::lexer::{QuoteKind, SigToken, TokenKind};
use crate::syntax::split::boxed_copy;

/// Buffers reused from one statement to the next: a statement's lists are built here and
/// copied out at their exact size, so a parse makes one allocation per list and no regrowth.
#[derive(Default)]
pub struct Scratch {
    parts: Vec<Part>,
    operands: Vec<Operand>,
    commas: Vec<Span>,
    properties: Vec<Property>,
    property_commas: Vec<Option<Span>>,
}

struct P<'a> {
    src: &'a str,
    toks: &'a [SigToken],
    i: usize,
    s: &'a mut Scratch,
    removed: Vec<RemovedSyntax>,
}

/// Parses one statement of the family from its significant tokens (as the splitter found
/// them); `None` when the grammar rejects it (the caller then asks `explain` why).
///
/// An unterminated string or back-quoted name needs no check of its own: no rule below consumes
/// one (they all ask for `terminated: true`), and a statement must consume every token.
pub fn parse(src: &str, toks: &[SigToken], scratch: &mut Scratch) -> Option<Statement> {
    scratch.parts.clear();
    let mut p = P { src, toks, i: 0, s: scratch, removed: Vec::new() };
    let kind = p.statement()?;
    let first = p.s.parts.first().map(part_span)?;
    let last = p.s.parts.last().map(part_span)?;
    Some(Statement {
        kind,
        span: first.cover(last),
        parts: take_exact(&mut p.s.parts),
        removed: p.removed.into_boxed_slice(),
    })
}

/// Moves a scratch buffer's items into a slice of their exact size, leaving the buffer empty
/// (and its capacity in place): one allocation and one copy, where collecting a `drain` went
/// through the iterator machinery item by item.
fn take_exact<T>(scratch: &mut Vec<T>) -> Box<[T]> {
    let mut exact = Vec::with_capacity(scratch.len());
    exact.append(scratch);
    exact.into_boxed_slice()
}

fn part_span(p: &Part) -> Span {
    match p {
        Part::Keyword(k) => k.span,
        Part::Name(o) => o.span,
        Part::Addresses(a) => a.span,
        Part::Properties(l) => l.span,
    }
}

impl<'a> P<'a> {
    fn text(&self, i: usize) -> &'a str {
        self.toks[i].span.text(self.src)
    }

    fn at_end(&self) -> bool {
        self.i >= self.toks.len()
    }

    /// The keyword at the cursor, if it is `word` (in any case: the splitter classified it).
    fn peek_kw(&self, word: Kw) -> bool {
        self.toks.get(self.i).is_some_and(|t| t.kw == Some(word))
    }

    /// Consumes keyword `word` into the parts.
    fn kw(&mut self, word: Kw) -> Option<Span> {
        if !self.peek_kw(word) {
            return None;
        }
        let span = self.toks[self.i].span;
        self.i += 1;
        self.s.parts.push(Part::Keyword(Keyword { span, word }));
        Some(span)
    }

    fn kw_any(&mut self, words: &[Kw]) -> Option<Kw> {
        let w = self.toks.get(self.i)?.kw?;
        if !words.contains(&w) {
            return None;
        }
        self.kw(w)?;
        Some(w)
    }

    /// Backtracking: the cursor and the number of parts.
    fn mark(&self) -> (usize, usize) {
        (self.i, self.s.parts.len())
    }

    fn reset(&mut self, mark: (usize, usize)) {
        self.i = mark.0;
        self.s.parts.truncate(mark.1);
    }

    /// `statement = { SOI ~ (alter_system | cancel_decommission) ~ fw_semicolon* ~ EOI }`
    fn statement(&mut self) -> Option<StatementKind> {
        let kind = if self.peek_kw(Kw::Alter) {
            self.kw(Kw::Alter)?;
            self.kw(Kw::System)?;
            self.alter_system()?
        } else {
            self.cancel_decommission()?
        };
        while self.toks.get(self.i).is_some_and(|t| matches!(t.kind, TokenKind::FullwidthPunct)) && self.text(self.i) == "\u{FF1B}" {
            self.i += 1;
        }
        self.at_end().then_some(kind)
    }

    fn alter_system(&mut self) -> Option<StatementKind> {
        use StatementKind::*;
        let verb = self.kw_any(&[Kw::Add, Kw::Dropp, Kw::Drop, Kw::Decommission, Kw::Modify, Kw::Set, Kw::Rename])?;
        match verb {
            Kw::Add => {
                // add_backend | frontend_op | broker_op
                if self.peek_kw(Kw::Free) || self.peek_kw(Kw::Backend) || self.peek_kw(Kw::Backends) {
                    self.add_backend()
                } else if let Some(w) = self.kw_any(&[Kw::Follower, Kw::Observer]) {
                    self.single_address()?;
                    Some(if w == Kw::Follower { AddFollower } else { AddObserver })
                } else {
                    self.kw(Kw::Broker)?;
                    self.broker_tail()?;
                    Some(AddBroker)
                }
            }
            Kw::Drop => {
                if self.kw(Kw::Backend).is_some() {
                    self.address_list()?;
                    Some(DropBackend)
                } else if let Some(w) = self.kw_any(&[Kw::Follower, Kw::Observer]) {
                    self.single_address()?;
                    Some(if w == Kw::Follower { DropFollower } else { DropObserver })
                } else if self.kw(Kw::Broker).is_some() {
                    self.broker_tail()?;
                    Some(DropBroker)
                } else {
                    self.kw(Kw::All)?;
                    self.kw(Kw::Broker)?;
                    self.name(false)?;
                    Some(DropAllBroker)
                }
            }
            Kw::Dropp => {
                self.kw(Kw::Backend)?;
                self.address_list()?;
                Some(DroppBackend)
            }
            Kw::Decommission => {
                self.kw(Kw::Backend)?;
                self.address_list()?;
                Some(DecommissionBackend)
            }
            Kw::Modify => {
                if self.kw(Kw::Frontend).is_some() {
                    self.single_address()?;
                    self.kw(Kw::Hostname)?;
                    self.single_address()?;
                    return Some(ModifyFrontendHostname);
                }
                self.kw(Kw::Backend)?;
                // modify_backend (list ~ SET props) before modify_backend_hostname.
                let mark = self.mark();
                if self.address_list().is_some() && self.peek_kw(Kw::Set) {
                    self.kw(Kw::Set)?;
                    self.property_list()?;
                    return Some(ModifyBackend);
                }
                self.reset(mark);
                self.single_address()?;
                self.kw(Kw::Hostname)?;
                self.single_address()?;
                Some(ModifyBackendHostname)
            }
            Kw::Set => {
                self.kw(Kw::Load)?;
                self.kw(Kw::Errors)?;
                self.kw(Kw::Hub)?;
                if self.peek_kw(Kw::Properties) {
                    self.kw(Kw::Properties)?;
                    self.property_list()?;
                }
                Some(SetLoadErrorsHub)
            }
            _ => {
                self.kw(Kw::Compute)?;
                self.kw(Kw::Group)?;
                self.name(true)?;
                self.name(true)?;
                Some(RenameComputeGroup)
            }
        }
    }

    /// `add_backend = { kw_add ~ kw_free? ~ (kw_backends | kw_backend) ~ to_cluster? ~ address_list ~ properties_clause? }`
    fn add_backend(&mut self) -> Option<StatementKind> {
        if let Some(span) = self.kw(Kw::Free) {
            self.removed.push(RemovedSyntax { span, what: RemovedKind::Free });
        }
        if let Some(span) = self.kw(Kw::Backends) {
            self.removed.push(RemovedSyntax { span, what: RemovedKind::Backends });
        } else {
            self.kw(Kw::Backend)?;
        }
        // to_cluster? = TO name; when no name follows, `TO` is read as a bare address.
        if self.peek_kw(Kw::To) {
            let mark = self.mark();
            let to = self.kw(Kw::To)?;
            match self.name(false) {
                Some(name) => self.removed.push(RemovedSyntax { span: to.cover(name), what: RemovedKind::ToCluster }),
                None => {
                    self.reset(mark);
                }
            }
        }
        self.address_list()?;
        if self.peek_kw(Kw::Properties) {
            let mark = self.mark();
            self.kw(Kw::Properties)?;
            if self.property_list().is_none() {
                self.reset(mark);
            }
        }
        Some(StatementKind::AddBackend)
    }

    /// `(name ~ address_list | address_list)` of `broker_op`.
    fn broker_tail(&mut self) -> Option<()> {
        let mark = self.mark();
        if self.name(false).is_some() && self.address_list().is_some() {
            return Some(());
        }
        self.reset(mark);
        self.address_list()
    }

    fn single_address(&mut self) -> Option<()> {
        let op = self.address()?;
        let list = AddressList { span: op.span, items: Box::new([op]), commas: Box::default() };
        self.s.parts.push(Part::Addresses(Box::new(list)));
        Some(())
    }

    /// `address_list = { address ~ (comma ~ address)* }`
    fn address_list(&mut self) -> Option<()> {
        let first = self.address()?;
        let Some(mut comma) = self.peek_comma() else {
            // The common list of one, built directly (as `single_address` does): no round trip
            // through the scratch buffers.
            let list = AddressList { span: first.span, items: Box::new([first]), commas: Box::default() };
            self.s.parts.push(Part::Addresses(Box::new(list)));
            return Some(());
        };
        self.s.operands.clear();
        self.s.commas.clear();
        self.s.operands.push(first);
        loop {
            let mark = self.i;
            self.i += 1;
            let Some(op) = self.address() else {
                self.i = mark;
                break;
            };
            self.s.commas.push(comma);
            self.s.operands.push(op);
            match self.peek_comma() {
                Some(next) => comma = next,
                None => break,
            }
        }
        let items = take_exact(&mut self.s.operands);
        let span = items[0].span.cover(items[items.len() - 1].span);
        let commas = self.s.commas.as_slice().into();
        self.s.parts.push(Part::Addresses(Box::new(AddressList { span, items, commas })));
        Some(())
    }

    /// A token's bytes: punctuation is compared as bytes, which spares the char-boundary checks
    /// of slicing a `str`.
    fn bytes(&self, t: &SigToken) -> &'a [u8] {
        &self.src.as_bytes()[t.span.start..t.span.end]
    }

    /// The punctuation token at `i`, as bytes.
    fn punct(&self, i: usize) -> Option<&'a [u8]> {
        let t = self.toks.get(i)?;
        matches!(t.kind, TokenKind::Punct | TokenKind::FullwidthPunct).then(|| self.bytes(t))
    }

    /// An ASCII punctuation token `c` at `i` that is glued to the previous token.
    fn glued_punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued && matches!(t.kind, TokenKind::Punct) && self.bytes(t) == [c])
    }

    fn peek_comma(&self) -> Option<Span> {
        self.peek_punct(",", "\u{FF0C}")
    }

    fn peek_punct(&self, ascii: &str, fullwidth: &str) -> Option<Span> {
        let text = self.punct(self.i)?;
        (text == ascii.as_bytes() || text == fullwidth.as_bytes()).then(|| self.toks[self.i].span)
    }

    /// `address = { string | bare_address }`
    fn address(&mut self) -> Option<Operand> {
        if let Some(op) = self.string() {
            return Some(op);
        }
        // bare_address = @{ (ident_char | "." | ":" | "[" | "]" | "-" | "/")+ }
        let start = self.i;
        let mut end = self.i;
        while let Some(t) = self.toks.get(end) {
            if end > start && !t.glued {
                break;
            }
            let ok = match t.kind {
                TokenKind::Word => true,
                TokenKind::Punct => matches!(self.bytes(t), b"." | b":" | b"[" | b"]" | b"-" | b"/"),
                _ => false,
            };
            if !ok {
                break;
            }
            end += 1;
        }
        if end == start {
            return None;
        }
        self.i = end;
        let span = self.toks[start].span.cover(self.toks[end - 1].span);
        Some(Operand::new(self.src, span, OperandKind::BareAddress))
    }

    /// `string = ${ raw_string | single_quoted | double_quoted | typographic_string }`
    fn string(&mut self) -> Option<Operand> {
        let t = self.toks.get(self.i)?;
        let TokenKind::String { quote, terminated: true, plain } = t.kind else { return None };
        let kind = match quote {
            QuoteKind::Single => OperandKind::SingleQuoted,
            QuoteKind::Double => OperandKind::DoubleQuoted,
            QuoteKind::RawSingle => OperandKind::RawSingle,
            QuoteKind::RawDouble => OperandKind::RawDouble,
            QuoteKind::Typographic => OperandKind::Typographic,
        };
        let span = t.span;
        self.i += 1;
        // The scanner saw no escape or doubled quote: no need to look for them again.
        Some(if plain { Operand::verbatim(span, kind) } else { Operand::new(self.src, span, kind) })
    }

    /// `name = { string | backquoted | identifier }`, `ident_name = { backquoted | identifier }`
    fn name(&mut self, ident_only: bool) -> Option<Span> {
        let op = if ident_only { None } else { self.string() };
        let op = match op {
            Some(op) => op,
            None => {
                let t = self.toks.get(self.i)?;
                let kind = match t.kind {
                    TokenKind::Backquoted { terminated: true } => OperandKind::Backquoted,
                    TokenKind::Word => OperandKind::Identifier,
                    _ => return None,
                };
                let span = t.span;
                self.i += 1;
                Operand::new(self.src, span, kind)
            }
        };
        let span = op.span;
        self.s.parts.push(Part::Name(Box::new(op)));
        Some(span)
    }

    /// `property_list = { lparen ~ (property ~ (comma? ~ property)* ~ trailing_comma?)? ~ rparen }`
    fn property_list(&mut self) -> Option<()> {
        let open = self.peek_punct("(", "\u{FF08}")?;
        self.i += 1;
        self.s.properties.clear();
        self.s.property_commas.clear();
        let mut trailing_comma = None;
        if let Some(first) = self.property() {
            self.s.properties.push(first);
            loop {
                let mark = self.i;
                let comma = self.peek_comma();
                if comma.is_some() {
                    self.i += 1;
                }
                // Most lists end here, at `)`: a token no key starts with needs no attempt.
                if !self.at_key() {
                    self.i = mark;
                    break;
                }
                match self.property() {
                    Some(p) => {
                        self.s.property_commas.push(comma);
                        self.s.properties.push(p);
                    }
                    None => {
                        self.i = mark;
                        break;
                    }
                }
            }
            if let Some(comma) = self.peek_comma() {
                self.i += 1;
                trailing_comma = Some(comma);
            }
        }
        let close = self.peek_punct(")", "\u{FF09}")?;
        self.i += 1;
        self.s.parts.push(Part::Properties(Box::new(PropertyList {
            span: open.cover(close),
            open,
            close,
            items: take_exact(&mut self.s.properties),
            // Empty for the usual list of one property.
            commas: boxed_copy(&self.s.property_commas),
            trailing_comma,
        })));
        Some(())
    }

    /// Whether the token at the cursor can start a `property_key` (the tokens `key_or_value`
    /// accepts first for a key).
    fn at_key(&self) -> bool {
        self.toks.get(self.i).is_some_and(|t| {
            matches!(
                t.kind,
                TokenKind::String { terminated: true, .. } | TokenKind::Backquoted { terminated: true } | TokenKind::Word
            )
        })
    }

    /// `property = { property_key ~ assign ~ property_value }`
    fn property(&mut self) -> Option<Property> {
        let mark = self.i;
        let result = (|| {
            let key = self.key_or_value(true)?;
            let assign = self.assign()?;
            let value = self.key_or_value(false)?;
            Some(Property { span: key.span.cover(value.span), key, assign, value })
        })();
        if result.is_none() {
            self.i = mark;
        }
        result
    }

    /// `assign = { "==" | "=" | "＝" | ":" | "：" }`
    fn assign(&mut self) -> Option<Assign> {
        let span = self.toks.get(self.i)?.span;
        let kind = match self.punct(self.i)? {
            b"=" => {
                if self.glued_punct(self.i + 1, b'=') {
                    let span = span.cover(self.toks[self.i + 1].span);
                    self.i += 2;
                    return Some(Assign { span, kind: AssignKind::EqEq });
                }
                AssignKind::Eq
            }
            b":" => AssignKind::Colon,
            t if t == "\u{FF1D}".as_bytes() => AssignKind::FullwidthEq,
            t if t == "\u{FF1A}".as_bytes() => AssignKind::FullwidthColon,
            _ => return None,
        };
        self.i += 1;
        Some(Assign { span, kind })
    }

    /// `property_key = { string | backquoted | dotted_identifier | identifier }` and
    /// `property_value = { string | number | dotted_identifier | identifier }`
    fn key_or_value(&mut self, key: bool) -> Option<Operand> {
        if let Some(op) = self.string() {
            return Some(op);
        }
        let kind = self.toks.get(self.i)?.kind;
        if key {
            if let TokenKind::Backquoted { terminated: true } = kind {
                let span = self.toks[self.i].span;
                self.i += 1;
                return Some(Operand::new(self.src, span, OperandKind::Backquoted));
            }
        } else if let Some(op) = self.number() {
            return Some(op);
        }
        // dotted_identifier = @{ ident_char+ ~ ("." ~ ident_char+)+ } | identifier = @{ ident_char+ }
        if !matches!(kind, TokenKind::Word) {
            return None;
        }
        let start = self.i;
        let mut end = self.i + 1;
        while self.glued_punct(end, b'.') && self.toks.get(end + 1).is_some_and(|t| t.glued && matches!(t.kind, TokenKind::Word)) {
            end += 2;
        }
        self.i = end;
        let span = self.toks[start].span.cover(self.toks[end - 1].span);
        let kind = if end - start > 1 { OperandKind::DottedIdentifier } else { OperandKind::Identifier };
        Some(Operand::new(self.src, span, kind))
    }

    /// `number = @{ ("-" | "+")? ~ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)? ~ !ident_char }`
    fn number(&mut self) -> Option<Operand> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let starts_digit = |s: &str| s.as_bytes().first().is_some_and(u8::is_ascii_digit);
        let mut j = self.i;
        let first = self.toks.get(j)?;
        if matches!(first.kind, TokenKind::Punct) && matches!(self.text(j), "-" | "+") {
            j += 1;
            if !self.toks.get(j).is_some_and(|t| t.glued) {
                return None;
            }
        }
        let t = self.toks.get(j)?;
        if !matches!(t.kind, TokenKind::Word) || !starts_digit(self.text(j)) {
            return None;
        }
        if !digits(self.text(j)) {
            // ASCII_DIGIT+ then `!ident_char` fails on the letters that follow.
            return None;
        }
        let mut end = j + 1;
        if self.glued_punct(end, b'.')
            && self.toks.get(end + 1).is_some_and(|t| t.glued && matches!(t.kind, TokenKind::Word))
            && starts_digit(self.text(end + 1))
        {
            if !digits(self.text(end + 1)) {
                return None;
            }
            end += 2;
        }
        let span = self.toks[self.i].span.cover(self.toks[end - 1].span);
        self.i = end;
        Some(Operand::new(self.src, span, OperandKind::Number))
    }

    /// `cancel_decommission = { kw_cancel ~ legacy_alter_system? ~ kw_decommission ~ kw_backend ~ address_list }`
    fn cancel_decommission(&mut self) -> Option<StatementKind> {
        self.kw(Kw::Cancel)?;
        if self.peek_kw(Kw::Alter) {
            let alter = self.kw(Kw::Alter)?;
            let system = self.kw(Kw::System)?;
            self.removed.push(RemovedSyntax { span: alter.cover(system), what: RemovedKind::CancelAlterSystem });
        }
        self.kw(Kw::Decommission)?;
        self.kw(Kw::Backend)?;
        self.address_list()?;
        Some(StatementKind::CancelDecommissionBackend)
    }
}
