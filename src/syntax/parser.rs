//! Parses each statement of the family: the hand-written parser (`syntax/fast.rs`) builds the
//! tree, and when it gives up the grammar explains the error (`syntax/explain.rs`). The pest
//! parser generated from the same grammar, with the lowering of its pairs into the typed AST
//! of [`crate::syntax::ast`], is the reference both are tested against ([`parse_reference`]).
//! Nothing outside this module sees pest.

use pest::iterators::Pair;
use pest::Parser as _;

use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::fast::Scratch;
use crate::syntax::lexer::SigToken;
use crate::syntax::split::{split_each, tokens_across_lines, Class, RawSegment};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/doris.pest"]
struct DorisParser;

/// Parses a whole script. Never fails: statements the grammar rejects become [`Node::Error`].
pub fn parse(src: &str) -> Script {
    parse_with(src, fast_statement)
}

/// Like [`parse`], but with the parser pest generates from the grammar, without the
/// hand-written one: the reference the fast path and the error explanations are tested against.
pub fn parse_reference(src: &str) -> Script {
    parse_with(src, reference_statement)
}

/// How a statement of the family becomes a node (a function, not a flag: the library's own
/// paths never reach pest's generated parser, so the WebAssembly build leaves it out).
type StatementParser = fn(&str, &RawSegment, &[SigToken], &mut Scratch) -> Node;

fn parse_with(src: &str, statement: StatementParser) -> Script {
    // One segment per `;` at most, plus the last: no regrowth (and no copy of a large array).
    let mut segments = Vec::with_capacity(count_semicolons(src) + 1);
    parse_each_with(src, statement, &mut |segment| segments.push(segment));
    Script { segments }
}

/// Parses `src` one segment at a time, in source order, handing each to `f`: what [`parse`]
/// returns, without holding the whole tree (the formatter needs one statement at a time).
pub fn parse_each(src: &str, mut f: impl FnMut(Segment)) {
    parse_each_with(src, fast_statement, &mut f)
}

/// Not generic over `f`: the splitter and the parsers are compiled once, whoever reads the
/// segments (an indirect call per segment costs nothing next to parsing it).
fn parse_each_with(src: &str, statement: StatementParser, f: &mut dyn FnMut(Segment)) {
    let mut scratch = Scratch::default();
    split_each(src, |raw, tokens| {
        let node = match raw.class {
            Class::Empty => Node::Empty,
            Class::Other => Node::Other,
            Class::Family => statement(src, &raw, tokens, &mut scratch),
        };
        f(Segment {
            span: raw.span,
            body: raw.body,
            terminator: raw.terminator,
            comments: raw.comments,
            lexical: raw.lexical,
            node,
        });
    });
}

fn fast_statement(src: &str, raw: &RawSegment, tokens: &[SigToken], scratch: &mut Scratch) -> Node {
    if let Some(st) = crate::syntax::fast::parse(src, tokens, scratch) {
        return Node::Statement(st);
    }
    let text = blank_comments(src, raw);
    match crate::syntax::explain::explain(&text) {
        Some((pos, expected)) => Node::Error(Box::new(syntax_error(&text, raw.body.start, pos, expected))),
        // The grammar accepts it: a literal spans lines, which the splitter ended at its line
        // (and reported). Parsed as the grammar reads it; the fast path builds every other
        // statement the grammar accepts (tests/parsers_agree.rs would show a difference).
        None => match crate::syntax::fast::parse(src, &tokens_across_lines(src, raw.body, &text), scratch) {
            Some(st) => Node::Statement(st),
            None => Node::Error(Box::new(eof_error(raw.body))),
        },
    }
}

fn reference_statement(src: &str, raw: &RawSegment, _: &[SigToken], _: &mut Scratch) -> Node {
    parse_statement(src, raw)
}

/// The number of `;` bytes: an upper bound of the number of segments, less one. Counted in
/// blocks of at most 255 bytes with a byte-wide sum, which the compiler vectorises.
fn count_semicolons(src: &str) -> usize {
    src.as_bytes()
        .chunks(255)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(b == b';'))))
        .sum()
}

/// The statement's text with its comments blanked out (same length, so offsets stay valid).
fn blank_comments<'a>(src: &'a str, raw: &RawSegment) -> std::borrow::Cow<'a, str> {
    let body = raw.body;
    let inner: Vec<&Comment> = raw.comments.iter().filter(|c| body.contains(c.span)).collect();
    if inner.is_empty() {
        return std::borrow::Cow::Borrowed(body.text(src));
    }
    let mut bytes = body.text(src).as_bytes().to_vec();
    for c in inner {
        for b in &mut bytes[c.span.start - body.start..c.span.end - body.start] {
            *b = b' ';
        }
    }
    // Only whole comments (which start and end on char boundaries) were replaced by ASCII.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
}

fn parse_statement(src: &str, raw: &RawSegment) -> Node {
    let text = blank_comments(src, raw);
    let base = raw.body.start;
    match DorisParser::parse(Rule::statement, &text) {
        Ok(mut pairs) => {
            let Some(statement) = pairs.next() else {
                return Node::Error(Box::new(eof_error(raw.body)));
            };
            match lower_statement(src, base, statement) {
                Some(st) => Node::Statement(st),
                None => Node::Error(Box::new(eof_error(raw.body))),
            }
        }
        Err(err) => {
            let pos = match err.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            let expected = match &err.variant {
                pest::error::ErrorVariant::ParsingError { positives, .. } => positives.iter().map(|r| format!("{r:?}")).collect(),
                pest::error::ErrorVariant::CustomError { .. } => vec![],
            };
            Node::Error(Box::new(syntax_error(&text, base, pos, expected.iter().map(String::as_str))))
        }
    }
}

fn eof_error(body: Span) -> SyntaxError {
    SyntaxError {
        span: Span::empty(body.end),
        found: "end of statement".into(),
        expected: vec![],
        in_property_list: false,
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

/// The error at `pos` in `text` (a statement with its comments blanked, at `base` in the
/// source), where the grammar expected the rules named `expected` (in pest's order).
fn syntax_error<'r>(text: &str, base: usize, pos: usize, expected: impl IntoIterator<Item = &'r str>) -> SyntaxError {
    let (found_span, found) = offending_token(text, pos);
    let mut in_property_list = false;
    let mut words: Vec<String> = Vec::new();
    for rule in expected {
        in_property_list |=
            matches!(rule, "property" | "property_key" | "property_value" | "assign" | "rparen" | "trailing_comma");
        if let Some(d) = describe(rule) {
            if !words.iter().any(|w| *w == d) {
                words.push(d.into());
            }
        }
    }
    SyntaxError { span: found_span.shift(base), found, expected: words, in_property_list }
}

/// The token that starts at `pos` (a word, a quoted literal, or one character).
fn offending_token(text: &str, pos: usize) -> (Span, String) {
    let rest = &text[pos.min(text.len())..];
    let Some(first) = rest.chars().next() else {
        return (Span::empty(text.len()), "end of statement".to_string());
    };
    let len = if crate::syntax::lexer::is_ident_char(first) {
        rest.char_indices()
            .find(|&(_, c)| !crate::syntax::lexer::is_ident_char(c))
            .map_or(rest.len(), |(i, _)| i)
    } else if first == '"' || first == '\'' {
        rest[1..].find(first).map_or(rest.len(), |i| i + 2)
    } else {
        first.len_utf8()
    };
    let tok = &rest[..len];
    (Span::new(pos, pos + len), format!("`{tok}`"))
}

/// What a grammar rule is, in the user's words. `None` for rules that never help.
fn describe(rule: &str) -> Option<std::borrow::Cow<'static, str>> {
    let s = match rule {
        "address" | "address_list" | "string" | "bare_address" => "a quoted address like \"host:9050\"",
        "name" | "ident_name" => "a name",
        "property" | "property_key" => "a property like \"tag.location\" = \"group_a\"",
        "property_value" => "a property value",
        "assign" => "`=`",
        "comma" | "trailing_comma" => "`,`",
        "lparen" => "`(`",
        "rparen" => "`)`",
        "EOI" => "end of statement",
        "properties_clause" => "`PROPERTIES`",
        "set_clause" => "`SET`",
        // Accepted only to report removed syntax (D008): never suggest them.
        "to_cluster" | "kw_to" | "kw_free" | "kw_backends" | "legacy_alter_system" => return None,
        // A keyword rule is `kw_` and the keyword.
        _ => return rule.strip_prefix("kw_").map(|k| format!("`{}`", k.to_ascii_uppercase()).into()),
    };
    Some(s.into())
}

fn keyword_of(rule: Rule) -> Option<Kw> {
    Some(match rule {
        Rule::kw_add => Kw::Add,
        Rule::kw_all => Kw::All,
        Rule::kw_alter => Kw::Alter,
        Rule::kw_backend => Kw::Backend,
        Rule::kw_backends => Kw::Backends,
        Rule::kw_broker => Kw::Broker,
        Rule::kw_cancel => Kw::Cancel,
        Rule::kw_compute => Kw::Compute,
        Rule::kw_decommission => Kw::Decommission,
        Rule::kw_drop => Kw::Drop,
        Rule::kw_dropp => Kw::Dropp,
        Rule::kw_errors => Kw::Errors,
        Rule::kw_follower => Kw::Follower,
        Rule::kw_free => Kw::Free,
        Rule::kw_frontend => Kw::Frontend,
        Rule::kw_group => Kw::Group,
        Rule::kw_hostname => Kw::Hostname,
        Rule::kw_hub => Kw::Hub,
        Rule::kw_load => Kw::Load,
        Rule::kw_modify => Kw::Modify,
        Rule::kw_observer => Kw::Observer,
        Rule::kw_properties => Kw::Properties,
        Rule::kw_rename => Kw::Rename,
        Rule::kw_set => Kw::Set,
        Rule::kw_system => Kw::System,
        Rule::kw_to => Kw::To,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Lowering

fn span_of(base: usize, p: &Pair<Rule>) -> Span {
    let s = p.as_span();
    Span::new(base + s.start(), base + s.end())
}

fn lower_statement(src: &str, base: usize, statement: Pair<Rule>) -> Option<Statement> {
    let mut parts = Vec::new();
    let mut removed = Vec::new();
    let mut kind = None;
    let mut span = None;
    for p in statement.into_inner() {
        match p.as_rule() {
            Rule::EOI => {}
            Rule::kw_alter | Rule::kw_system => parts.push(Part::Keyword(keyword(base, &p))),
            r => {
                span.get_or_insert(span_of(base, &p));
                kind = Some(lower_kind(src, base, r, p, &mut parts, &mut removed));
            }
        }
    }
    let first = parts.first().map(part_span)?;
    let last = parts.last().map(part_span)?;
    let _ = span;
    Some(Statement { kind: kind?, span: first.cover(last), parts: parts.into(), removed: removed.into() })
}

fn part_span(p: &Part) -> Span {
    match p {
        Part::Keyword(k) => k.span,
        Part::Name(o) => o.span,
        Part::Addresses(a) => a.span,
        Part::Properties(l) => l.span,
    }
}

fn keyword(base: usize, p: &Pair<Rule>) -> Keyword {
    Keyword { span: span_of(base, p), word: keyword_of(p.as_rule()).unwrap_or(Kw::Unknown) }
}

fn lower_kind(
    src: &str,
    base: usize,
    rule: Rule,
    pair: Pair<Rule>,
    parts: &mut Vec<Part>,
    removed: &mut Vec<RemovedSyntax>,
) -> StatementKind {
    let mut words: Vec<Kw> = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::address_list => parts.push(Part::Addresses(Box::new(address_list(src, base, p)))),
            Rule::address => {
                let op = operand(src, base, p);
                let list = AddressList { span: op.span, items: Box::new([op]), commas: Box::default() };
                parts.push(Part::Addresses(Box::new(list)))
            }
            Rule::name | Rule::ident_name => parts.push(Part::Name(Box::new(operand(src, base, p)))),
            Rule::properties_clause | Rule::set_clause => {
                for q in p.into_inner() {
                    match q.as_rule() {
                        Rule::property_list => parts.push(Part::Properties(Box::new(property_list(src, base, q)))),
                        _ => {
                            words.push(keyword_of(q.as_rule()).unwrap_or(Kw::Unknown));
                            parts.push(Part::Keyword(keyword(base, &q)))
                        }
                    }
                }
            }
            Rule::to_cluster => {
                removed.push(RemovedSyntax { span: span_of(base, &p), what: RemovedKind::ToCluster });
                for q in p.into_inner() {
                    match q.as_rule() {
                        Rule::name => parts.push(Part::Name(Box::new(operand(src, base, q)))),
                        _ => parts.push(Part::Keyword(keyword(base, &q))),
                    }
                }
            }
            Rule::legacy_alter_system => {
                removed.push(RemovedSyntax { span: span_of(base, &p), what: RemovedKind::CancelAlterSystem });
                for q in p.into_inner() {
                    parts.push(Part::Keyword(keyword(base, &q)));
                }
            }
            _ => {
                let k = keyword(base, &p);
                match p.as_rule() {
                    Rule::kw_free => removed.push(RemovedSyntax { span: k.span, what: RemovedKind::Free }),
                    Rule::kw_backends => {
                        removed.push(RemovedSyntax { span: k.span, what: RemovedKind::Backends })
                    }
                    _ => {}
                }
                words.push(k.word);
                parts.push(Part::Keyword(k));
            }
        }
    }
    let has = |w: Kw| words.contains(&w);
    match rule {
        Rule::add_backend => StatementKind::AddBackend,
        Rule::drop_backend => StatementKind::DropBackend,
        Rule::dropp_backend => StatementKind::DroppBackend,
        Rule::decommission_backend => StatementKind::DecommissionBackend,
        Rule::cancel_decommission => StatementKind::CancelDecommissionBackend,
        Rule::modify_backend => StatementKind::ModifyBackend,
        Rule::modify_backend_hostname => StatementKind::ModifyBackendHostname,
        Rule::modify_frontend_hostname => StatementKind::ModifyFrontendHostname,
        Rule::frontend_op => match (has(Kw::Add), has(Kw::Follower)) {
            (true, true) => StatementKind::AddFollower,
            (true, false) => StatementKind::AddObserver,
            (false, true) => StatementKind::DropFollower,
            (false, false) => StatementKind::DropObserver,
        },
        Rule::broker_op => {
            if has(Kw::Add) {
                StatementKind::AddBroker
            } else {
                StatementKind::DropBroker
            }
        }
        Rule::drop_all_broker => StatementKind::DropAllBroker,
        Rule::set_load_errors_hub => StatementKind::SetLoadErrorsHub,
        _ => StatementKind::RenameComputeGroup,
    }
}

fn address_list(src: &str, base: usize, pair: Pair<Rule>) -> AddressList {
    let rule_span = span_of(base, &pair);
    let mut items: Vec<Operand> = Vec::new();
    let mut commas = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::comma => commas.push(span_of(base, &p)),
            _ => items.push(operand(src, base, p)),
        }
    }
    // Not pest's span of the rule: that one takes in the whitespace after a trailing repetition.
    let span = match (items.first(), items.last()) {
        (Some(first), Some(last)) => first.span.cover(last.span),
        _ => rule_span,
    };
    AddressList { span, items: items.into(), commas: commas.into() }
}

fn property_list(src: &str, base: usize, pair: Pair<Rule>) -> PropertyList {
    let span = span_of(base, &pair);
    let (mut open, mut close) = (Span::empty(span.start), Span::empty(span.end));
    let mut items = Vec::new();
    let mut commas: Vec<Option<Span>> = Vec::new();
    let mut trailing_comma = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::lparen => open = span_of(base, &p),
            Rule::rparen => close = span_of(base, &p),
            Rule::comma => {
                if let Some(slot) = commas.last_mut() {
                    *slot = Some(span_of(base, &p));
                }
            }
            Rule::trailing_comma => trailing_comma = Some(span_of(base, &p)),
            Rule::property => {
                // Close the slot after the previous item: `None` until a comma fills it.
                items.push(property(src, base, p));
                commas.push(None);
            }
            _ => {}
        }
    }
    // `commas` has one slot per item; the last slot is never a separator.
    commas.pop();
    PropertyList { span, open, close, items: items.into(), commas: commas.into(), trailing_comma }
}

fn property(src: &str, base: usize, pair: Pair<Rule>) -> Property {
    let span = span_of(base, &pair);
    let mut key = None;
    let mut assign = None;
    let mut value = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::property_key => key = Some(operand(src, base, p)),
            Rule::property_value => value = Some(operand(src, base, p)),
            Rule::assign => {
                let kind = match p.as_str() {
                    "==" => AssignKind::EqEq,
                    ":" => AssignKind::Colon,
                    "\u{FF1D}" => AssignKind::FullwidthEq,
                    "\u{FF1A}" => AssignKind::FullwidthColon,
                    _ => AssignKind::Eq,
                };
                assign = Some(Assign { span: span_of(base, &p), kind });
            }
            _ => {}
        }
    }
    let missing = || Operand::new(src, Span::empty(span.end), OperandKind::Identifier);
    Property {
        span,
        key: key.unwrap_or_else(missing),
        assign: assign.unwrap_or(Assign { span: Span::empty(span.end), kind: AssignKind::Eq }),
        value: value.unwrap_or_else(missing),
    }
}

/// Lowers `address`, `name`, `property_key` or `property_value` (a wrapper around one token).
fn operand(src: &str, base: usize, pair: Pair<Rule>) -> Operand {
    let outer = span_of(base, &pair);
    let inner = pair.into_inner().next();
    let Some(tok) = inner else {
        return Operand::new(src, outer, OperandKind::Identifier);
    };
    // `string` wraps one more level.
    let tok = if tok.as_rule() == Rule::string { tok.clone().into_inner().next().unwrap_or(tok) } else { tok };
    let span = span_of(base, &tok);
    let kind = match tok.as_rule() {
        Rule::single_quoted => OperandKind::SingleQuoted,
        Rule::double_quoted => OperandKind::DoubleQuoted,
        Rule::raw_string if span.text(src).as_bytes()[1] == b'\'' => OperandKind::RawSingle,
        Rule::raw_string => OperandKind::RawDouble,
        Rule::typographic_string => OperandKind::Typographic,
        Rule::backquoted => OperandKind::Backquoted,
        Rule::bare_address => OperandKind::BareAddress,
        Rule::dotted_identifier => OperandKind::DottedIdentifier,
        Rule::number => OperandKind::Number,
        _ => OperandKind::Identifier,
    };
    Operand::new(src, span, kind)
}
