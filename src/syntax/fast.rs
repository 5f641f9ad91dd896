//! A hand-written parser over the scanner's tokens that builds exactly the AST the pest grammar
//! builds, for speed: pest costs several hundred instructions per byte, this a few dozen.
//!
//! `grammar/doris.pest` stays the definition of the language. This parser is only a fast path:
//! when it gives up, pest runs (and explains the error, or parses what this parser missed), and
//! a differential test (`tests/parsers_agree.rs`) checks on every fixture, the corpus and
//! generated statements that both give the same result. Keep the two in step: every
//! alternative below names the grammar rule it mirrors.

use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::lexer::{QuoteKind, SigToken, TokenKind};
use crate::syntax::literal;

struct P<'a> {
    src: &'a str,
    toks: &'a [SigToken],
    i: usize,
    parts: Vec<Part>,
    removed: Vec<RemovedSyntax>,
}

/// Parses one statement of the family from its significant tokens (as the splitter found
/// them); `None` when the grammar would reject it or when this parser is not sure (the caller
/// then asks pest).
pub fn parse(src: &str, toks: &[SigToken]) -> Option<Statement> {
    if toks.iter().any(|t| {
        matches!(t.kind, TokenKind::String { terminated: false, .. } | TokenKind::Backquoted { terminated: false })
    }) {
        return None;
    }
    let mut p = P { src, toks, i: 0, parts: Vec::with_capacity(8), removed: Vec::new() };
    let kind = p.statement()?;
    let first = p.parts.first().map(part_span)?;
    let last = p.parts.last().map(part_span)?;
    // Exact capacities: a script holds many statements at once.
    p.parts.shrink_to_fit();
    Some(Statement { kind, span: first.cover(last), parts: p.parts, removed: p.removed })
}

fn part_span(p: &Part) -> Span {
    match p {
        Part::Keyword(k) => k.span,
        Part::Name(o) => o.span,
        Part::Addresses(a) => a.span,
        Part::Properties(l) => l.span,
    }
}

const KEYWORDS: &[&str] = &[
    "ADD", "ALL", "ALTER", "BACKEND", "BACKENDS", "BROKER", "CANCEL", "COMPUTE", "DECOMMISSION", "DROP", "DROPP",
    "ERRORS", "FOLLOWER", "FREE", "FRONTEND", "GROUP", "HOSTNAME", "HUB", "LOAD", "MODIFY", "OBSERVER",
    "PROPERTIES", "RENAME", "SET", "SYSTEM", "TO",
];

impl<'a> P<'a> {
    fn text(&self, i: usize) -> &'a str {
        self.toks[i].span.text(self.src)
    }

    fn at_end(&self) -> bool {
        self.i >= self.toks.len()
    }

    /// The keyword at the cursor, if it is `word` (any case).
    fn peek_kw(&self, word: &str) -> bool {
        self.toks.get(self.i).is_some_and(|t| t.kind == TokenKind::Word && t.span.text(self.src).eq_ignore_ascii_case(word))
    }

    /// Consumes keyword `word` (one of [`KEYWORDS`]) into the parts.
    fn kw(&mut self, word: &'static str) -> Option<Span> {
        debug_assert!(KEYWORDS.contains(&word), "{word} is not a keyword of the grammar");
        if !self.peek_kw(word) {
            return None;
        }
        let span = self.toks[self.i].span;
        self.i += 1;
        self.parts.push(Part::Keyword(Keyword { span, word }));
        Some(span)
    }

    fn kw_any(&mut self, words: &[&'static str]) -> Option<&'static str> {
        let w = *words.iter().find(|w| self.peek_kw(w))?;
        self.kw(w)?;
        Some(w)
    }

    /// `statement = { SOI ~ (alter_system | cancel_decommission) ~ fw_semicolon* ~ EOI }`
    fn statement(&mut self) -> Option<StatementKind> {
        let kind = if self.peek_kw("ALTER") {
            self.kw("ALTER")?;
            self.kw("SYSTEM")?;
            self.alter_system()?
        } else {
            self.cancel_decommission()?
        };
        while self.toks.get(self.i).is_some_and(|t| t.kind == TokenKind::FullwidthPunct && t.span.text(self.src) == "\u{FF1B}") {
            self.i += 1;
        }
        self.at_end().then_some(kind)
    }

    fn alter_system(&mut self) -> Option<StatementKind> {
        use StatementKind::*;
        let verb = self.kw_any(&["ADD", "DROPP", "DROP", "DECOMMISSION", "MODIFY", "SET", "RENAME"])?;
        match verb {
            "ADD" => {
                // add_backend | frontend_op | broker_op
                if self.peek_kw("FREE") || self.peek_kw("BACKEND") || self.peek_kw("BACKENDS") {
                    self.add_backend()
                } else if let Some(w) = self.kw_any(&["FOLLOWER", "OBSERVER"]) {
                    self.single_address()?;
                    Some(if w == "FOLLOWER" { AddFollower } else { AddObserver })
                } else {
                    self.kw("BROKER")?;
                    self.broker_tail()?;
                    Some(AddBroker)
                }
            }
            "DROP" => {
                if self.kw("BACKEND").is_some() {
                    self.address_list()?;
                    Some(DropBackend)
                } else if let Some(w) = self.kw_any(&["FOLLOWER", "OBSERVER"]) {
                    self.single_address()?;
                    Some(if w == "FOLLOWER" { DropFollower } else { DropObserver })
                } else if self.kw("BROKER").is_some() {
                    self.broker_tail()?;
                    Some(DropBroker)
                } else {
                    self.kw("ALL")?;
                    self.kw("BROKER")?;
                    self.name(false)?;
                    Some(DropAllBroker)
                }
            }
            "DROPP" => {
                self.kw("BACKEND")?;
                self.address_list()?;
                Some(DroppBackend)
            }
            "DECOMMISSION" => {
                self.kw("BACKEND")?;
                self.address_list()?;
                Some(DecommissionBackend)
            }
            "MODIFY" => {
                if self.kw("FRONTEND").is_some() {
                    self.single_address()?;
                    self.kw("HOSTNAME")?;
                    self.single_address()?;
                    return Some(ModifyFrontendHostname);
                }
                self.kw("BACKEND")?;
                // modify_backend (list ~ SET props) before modify_backend_hostname.
                let mark = (self.i, self.parts.len());
                if self.address_list().is_some() && self.peek_kw("SET") {
                    self.kw("SET")?;
                    self.property_list()?;
                    return Some(ModifyBackend);
                }
                (self.i, _) = mark;
                self.parts.truncate(mark.1);
                self.single_address()?;
                self.kw("HOSTNAME")?;
                self.single_address()?;
                Some(ModifyBackendHostname)
            }
            "SET" => {
                self.kw("LOAD")?;
                self.kw("ERRORS")?;
                self.kw("HUB")?;
                if self.peek_kw("PROPERTIES") {
                    self.kw("PROPERTIES")?;
                    self.property_list()?;
                }
                Some(SetLoadErrorsHub)
            }
            _ => {
                self.kw("COMPUTE")?;
                self.kw("GROUP")?;
                self.name(true)?;
                self.name(true)?;
                Some(RenameComputeGroup)
            }
        }
    }

    /// `add_backend = { kw_add ~ kw_free? ~ (kw_backends | kw_backend) ~ to_cluster? ~ address_list ~ properties_clause? }`
    fn add_backend(&mut self) -> Option<StatementKind> {
        if let Some(span) = self.kw("FREE") {
            self.removed.push(RemovedSyntax { span, what: RemovedKind::Free });
        }
        if let Some(span) = self.kw("BACKENDS") {
            self.removed.push(RemovedSyntax { span, what: RemovedKind::Backends });
        } else {
            self.kw("BACKEND")?;
        }
        // to_cluster? = TO name; when no name follows, `TO` is read as a bare address.
        if self.peek_kw("TO") {
            let mark = (self.i, self.parts.len());
            let to = self.kw("TO")?;
            match self.name(false) {
                Some(name) => self.removed.push(RemovedSyntax { span: to.cover(name), what: RemovedKind::ToCluster }),
                None => {
                    (self.i, _) = mark;
                    self.parts.truncate(mark.1);
                }
            }
        }
        self.address_list()?;
        if self.peek_kw("PROPERTIES") {
            let mark = (self.i, self.parts.len());
            self.kw("PROPERTIES")?;
            if self.property_list().is_none() {
                (self.i, _) = mark;
                self.parts.truncate(mark.1);
            }
        }
        Some(StatementKind::AddBackend)
    }

    /// `(name ~ address_list | address_list)` of `broker_op`.
    fn broker_tail(&mut self) -> Option<()> {
        let mark = (self.i, self.parts.len());
        if self.name(false).is_some() && self.address_list().is_some() {
            return Some(());
        }
        (self.i, _) = mark;
        self.parts.truncate(mark.1);
        self.address_list()
    }

    fn single_address(&mut self) -> Option<()> {
        let op = self.address()?;
        self.parts.push(Part::Addresses(AddressList { span: op.span, items: vec![op], commas: vec![] }));
        Some(())
    }

    /// `address_list = { address ~ (comma ~ address)* }`
    fn address_list(&mut self) -> Option<()> {
        let first = self.address()?;
        let mut items = vec![first];
        let mut commas = Vec::new();
        while let Some(comma) = self.peek_comma() {
            let mark = self.i;
            self.i += 1;
            match self.address() {
                Some(op) => {
                    commas.push(comma);
                    items.push(op);
                }
                None => {
                    self.i = mark;
                    break;
                }
            }
        }
        let span = items[0].span.cover(items[items.len() - 1].span);
        self.parts.push(Part::Addresses(AddressList { span, items, commas }));
        Some(())
    }

    fn peek_comma(&self) -> Option<Span> {
        let t = self.toks.get(self.i)?;
        let text = t.span.text(self.src);
        (matches!(t.kind, TokenKind::Punct | TokenKind::FullwidthPunct) && (text == "," || text == "\u{FF0C}"))
            .then_some(t.span)
    }

    fn peek_punct(&self, options: &[&str]) -> Option<Span> {
        let t = self.toks.get(self.i)?;
        let text = t.span.text(self.src);
        (matches!(t.kind, TokenKind::Punct | TokenKind::FullwidthPunct) && options.contains(&text)).then_some(t.span)
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
                TokenKind::Punct => matches!(t.span.text(self.src), "." | ":" | "[" | "]" | "-" | "/"),
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
        Some(Operand { span, kind: OperandKind::BareAddress, value: span.text(self.src).to_string() })
    }

    /// `string = ${ raw_string | single_quoted | double_quoted | typographic_string }`
    fn string(&mut self) -> Option<Operand> {
        let t = self.toks.get(self.i)?;
        let TokenKind::String { quote, terminated: true } = t.kind else { return None };
        let span = t.span;
        let text = span.text(self.src);
        let (kind, value) = match quote {
            QuoteKind::Single => (OperandKind::SingleQuoted, literal::decode(&text[1..text.len() - 1], '\'')),
            QuoteKind::Double => (OperandKind::DoubleQuoted, literal::decode(&text[1..text.len() - 1], '"')),
            QuoteKind::RawSingle => (OperandKind::RawSingle, text[2..text.len() - 1].to_string()),
            QuoteKind::RawDouble => (OperandKind::RawDouble, text[2..text.len() - 1].to_string()),
            QuoteKind::Typographic => {
                let open = text.chars().next().map_or(0, char::len_utf8);
                let close = text.chars().next_back().map_or(0, char::len_utf8);
                (OperandKind::Typographic, text[open..text.len() - close].to_string())
            }
        };
        self.i += 1;
        Some(Operand { span, kind, value })
    }

    /// `name = { string | backquoted | identifier }`, `ident_name = { backquoted | identifier }`
    fn name(&mut self, ident_only: bool) -> Option<Span> {
        let op = if ident_only { None } else { self.string() };
        let op = match op {
            Some(op) => op,
            None => {
                let t = self.toks.get(self.i)?;
                let span = t.span;
                let text = span.text(self.src);
                let op = match t.kind {
                    TokenKind::Backquoted { terminated: true } => Operand {
                        span,
                        kind: OperandKind::Backquoted,
                        value: text[1..text.len() - 1].replace("``", "`"),
                    },
                    TokenKind::Word => Operand { span, kind: OperandKind::Identifier, value: text.to_string() },
                    _ => return None,
                };
                self.i += 1;
                op
            }
        };
        let span = op.span;
        self.parts.push(Part::Name(op));
        Some(span)
    }

    /// `property_list = { lparen ~ (property ~ (comma? ~ property)* ~ trailing_comma?)? ~ rparen }`
    fn property_list(&mut self) -> Option<()> {
        let open = self.peek_punct(&["(", "\u{FF08}"])?;
        self.i += 1;
        let mut items: Vec<Property> = Vec::new();
        let mut commas: Vec<Option<Span>> = Vec::new();
        let mut trailing_comma = None;
        if let Some(first) = self.property() {
            items.push(first);
            loop {
                let mark = self.i;
                let comma = self.peek_comma();
                if comma.is_some() {
                    self.i += 1;
                }
                match self.property() {
                    Some(p) => {
                        commas.push(comma);
                        items.push(p);
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
        let close = self.peek_punct(&[")", "\u{FF09}"])?;
        self.i += 1;
        self.parts.push(Part::Properties(Box::new(PropertyList {
            span: open.cover(close),
            open,
            close,
            items,
            commas,
            trailing_comma,
        })));
        Some(())
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
        let t = self.toks.get(self.i)?;
        if !matches!(t.kind, TokenKind::Punct | TokenKind::FullwidthPunct) {
            return None;
        }
        let kind = match t.span.text(self.src) {
            "=" => {
                let next = self.toks.get(self.i + 1);
                if next.is_some_and(|n| n.glued && n.kind == TokenKind::Punct && n.span.text(self.src) == "=") {
                    let span = t.span.cover(next.map_or(t.span, |n| n.span));
                    self.i += 2;
                    return Some(Assign { span, kind: AssignKind::EqEq });
                }
                AssignKind::Eq
            }
            ":" => AssignKind::Colon,
            "\u{FF1D}" => AssignKind::FullwidthEq,
            "\u{FF1A}" => AssignKind::FullwidthColon,
            _ => return None,
        };
        let span = t.span;
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
                let text = span.text(self.src);
                self.i += 1;
                return Some(Operand { span, kind: OperandKind::Backquoted, value: text[1..text.len() - 1].replace("``", "`") });
            }
        } else if let Some(op) = self.number() {
            return Some(op);
        }
        // dotted_identifier = @{ ident_char+ ~ ("." ~ ident_char+)+ } | identifier = @{ ident_char+ }
        if kind != TokenKind::Word {
            return None;
        }
        let start = self.i;
        let mut end = self.i + 1;
        while end + 1 < self.toks.len()
            && self.toks[end].glued
            && self.toks[end].kind == TokenKind::Punct
            && self.text(end) == "."
            && self.toks[end + 1].glued
            && self.toks[end + 1].kind == TokenKind::Word
        {
            end += 2;
        }
        self.i = end;
        let span = self.toks[start].span.cover(self.toks[end - 1].span);
        let kind = if end - start > 1 { OperandKind::DottedIdentifier } else { OperandKind::Identifier };
        Some(Operand { span, kind, value: span.text(self.src).to_string() })
    }

    /// `number = @{ ("-" | "+")? ~ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)? ~ !ident_char }`
    fn number(&mut self) -> Option<Operand> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let starts_digit = |s: &str| s.as_bytes().first().is_some_and(u8::is_ascii_digit);
        let mut j = self.i;
        let first = self.toks.get(j)?;
        if first.kind == TokenKind::Punct && matches!(self.text(j), "-" | "+") {
            j += 1;
            if !self.toks.get(j).is_some_and(|t| t.glued) {
                return None;
            }
        }
        let t = self.toks.get(j)?;
        if t.kind != TokenKind::Word || !starts_digit(self.text(j)) {
            return None;
        }
        if !digits(self.text(j)) {
            // ASCII_DIGIT+ then `!ident_char` fails on the letters that follow.
            return None;
        }
        let mut end = j + 1;
        if let (Some(dot), Some(frac)) = (self.toks.get(end), self.toks.get(end + 1)) {
            if dot.glued && dot.kind == TokenKind::Punct && self.text(end) == "." && frac.glued && frac.kind == TokenKind::Word && starts_digit(self.text(end + 1)) {
                if !digits(self.text(end + 1)) {
                    return None;
                }
                end += 2;
            }
        }
        let span = self.toks[self.i].span.cover(self.toks[end - 1].span);
        self.i = end;
        Some(Operand { span, kind: OperandKind::Number, value: span.text(self.src).to_string() })
    }

    /// `cancel_decommission = { kw_cancel ~ legacy_alter_system? ~ kw_decommission ~ kw_backend ~ address_list }`
    fn cancel_decommission(&mut self) -> Option<StatementKind> {
        self.kw("CANCEL")?;
        if self.peek_kw("ALTER") {
            let alter = self.kw("ALTER")?;
            let system = self.kw("SYSTEM")?;
            self.removed.push(RemovedSyntax { span: alter.cover(system), what: RemovedKind::CancelAlterSystem });
        }
        self.kw("DECOMMISSION")?;
        self.kw("BACKEND")?;
        self.address_list()?;
        Some(StatementKind::CancelDecommissionBackend)
    }
}

#[cfg(test)]
mod tests {
    use super::KEYWORDS;

    #[test]
    fn keywords_are_sorted_and_upper_case() {
        assert!(KEYWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(KEYWORDS.iter().all(|k| k.chars().all(|c| c.is_ascii_uppercase())));
    }
}
