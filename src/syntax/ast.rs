//! The typed syntax tree. Rules and the formatter see only these types, never pest's pairs.
//!
//! Every node carries its byte span in the whole source. A script is a list of segments that tile
//! the source exactly (no byte belongs to no segment), so nothing can be lost.

use serde::Serialize;

use crate::span::Span;
use crate::syntax::lexer::QuoteKind;
use crate::syntax::literal;

/// A whole script, cut into statements.
#[derive(Debug, Clone, Serialize)]
pub struct Script {
    pub segments: Vec<Segment>,
}

// A script holds one `Segment` per statement and a few parts and operands each: their sizes are
// the parse's memory (docs/performance.md). Checked so that they cannot silently regrow.
#[cfg(all(test, target_pointer_width = "64"))]
mod size_checks {
    use super::*;

    #[test]
    fn keywords_in_any_case_and_nothing_else() {
        for &kw in Kw::ALL {
            let upper = kw.as_str();
            let lower = upper.to_ascii_lowercase();
            let mixed: String = upper.chars().enumerate().map(|(i, c)| if i % 2 == 0 { c } else { c.to_ascii_lowercase() }).collect();
            for word in [upper, &lower, &mixed] {
                assert_eq!(Kw::of_word(word.as_bytes()), Some(kw), "{word}");
            }
            // One byte changed to its neighbours (letters, `@`, `[`, `_`...), or one more byte.
            for i in 0..upper.len() {
                for delta in [1u8, 0xFF] {
                    let mut bytes = upper.as_bytes().to_vec();
                    bytes[i] = bytes[i].wrapping_add(delta);
                    assert_eq!(Kw::of_word(&bytes), None, "{:?}", String::from_utf8_lossy(&bytes));
                }
            }
            assert_eq!(Kw::of_word(format!("{upper}S").as_bytes()).filter(|k| *k != Kw::Backends), None);
        }
        assert_eq!(Kw::of_word(b""), None);
        assert_eq!(Kw::of_word("ÄLTER".as_bytes()), None);
        assert_eq!(Kw::of_word(b"decommissioned"), None);
    }

    #[test]
    fn node_sizes() {
        assert_eq!(std::mem::size_of::<Segment>(), 144);
        assert_eq!(std::mem::size_of::<Part>(), 24);
        assert_eq!(std::mem::size_of::<Keyword>(), 24);
        assert_eq!(std::mem::size_of::<Comment>(), 24);
        assert_eq!(std::mem::size_of::<Operand>(), 32);
    }
}

/// One statement with the trivia around it. Consecutive segments tile the source.
#[derive(Debug, Clone, Serialize)]
pub struct Segment {
    /// Everything this segment owns: leading whitespace and comments, the statement, its `;`
    /// and the comments on the same line after it.
    pub span: Span,
    /// The statement itself: first to last significant token, without the `;`. Empty (at the
    /// end of the leading trivia) when the segment holds only whitespace and comments.
    pub body: Span,
    /// The `;` that ends the statement, if any.
    pub terminator: Option<Span>,
    pub comments: Box<[Comment]>,
    /// Problems found while scanning (before any grammar runs).
    pub lexical: Box<[LexicalIssue]>,
    pub node: Node,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Node {
    /// Only whitespace and comments.
    Empty,
    /// A statement outside the `ALTER SYSTEM` family (SELECT, SHOW BACKENDS, ...): skipped.
    Other,
    /// A statement of the family that parsed (possibly with recovered mistakes, see the D0 rules).
    Statement(Statement),
    /// A statement of the family that the grammar rejects (boxed: rare and large).
    Error(Box<SyntaxError>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentKind {
    /// `-- ...`
    Line,
    /// `/* ... */`
    Block,
    /// `# ...` (not a comment in Doris: D004)
    Hash,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentPlacement {
    /// Before the statement's first token.
    Leading,
    /// Between two tokens of the statement.
    Inner,
    /// After the statement's last token (before or after the `;`, on its line).
    Trailing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub span: Span,
    pub kind: CommentKind,
    pub placement: CommentPlacement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LexicalIssue {
    UnterminatedString { span: Span, #[serde(skip)] quote: QuoteKind },
    UnclosedComment { span: Span },
    HashComment { span: Span },
    FullwidthPunctuation { span: Span, ascii: char },
    NonAsciiWhitespace { span: Span },
    RawString { span: Span, #[serde(skip)] quote: QuoteKind },
}

impl LexicalIssue {
    pub fn span(&self) -> Span {
        match *self {
            LexicalIssue::UnterminatedString { span, .. }
            | LexicalIssue::UnclosedComment { span }
            | LexicalIssue::HashComment { span }
            | LexicalIssue::FullwidthPunctuation { span, .. }
            | LexicalIssue::NonAsciiWhitespace { span }
            | LexicalIssue::RawString { span, .. } => span,
        }
    }

    /// Issues that make Doris reject the statement (everything but a raw string, which older
    /// versions accept).
    pub fn is_fatal(&self) -> bool {
        !matches!(self, LexicalIssue::RawString { .. })
    }
}

/// Where the grammar gave up, and what it wanted there.
#[derive(Debug, Clone, Serialize)]
pub struct SyntaxError {
    /// The offending token (empty at the end of the statement).
    pub span: Span,
    /// What was found, as the user wrote it ("end of statement" at the end).
    pub found: String,
    /// What the grammar would have accepted, in words ("a quoted address like \"host:9050\"").
    pub expected: Vec<String>,
    /// The failure lies inside a `( ... )` property list (reported by D010, not D001).
    pub in_property_list: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    AddBackend,
    DropBackend,
    DroppBackend,
    DecommissionBackend,
    CancelDecommissionBackend,
    ModifyBackend,
    ModifyBackendHostname,
    ModifyFrontendHostname,
    AddFollower,
    DropFollower,
    AddObserver,
    DropObserver,
    AddBroker,
    DropBroker,
    DropAllBroker,
    RenameComputeGroup,
    SetLoadErrorsHub,
}

impl StatementKind {
    /// The snake_case name, as used by the corpus and the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::AddBackend => "add_backend",
            StatementKind::DropBackend => "drop_backend",
            StatementKind::DroppBackend => "dropp_backend",
            StatementKind::DecommissionBackend => "decommission_backend",
            StatementKind::CancelDecommissionBackend => "cancel_decommission_backend",
            StatementKind::ModifyBackend => "modify_backend",
            StatementKind::ModifyBackendHostname => "modify_backend_hostname",
            StatementKind::ModifyFrontendHostname => "modify_frontend_hostname",
            StatementKind::AddFollower => "add_follower",
            StatementKind::DropFollower => "drop_follower",
            StatementKind::AddObserver => "add_observer",
            StatementKind::DropObserver => "drop_observer",
            StatementKind::AddBroker => "add_broker",
            StatementKind::DropBroker => "drop_broker",
            StatementKind::DropAllBroker => "drop_all_broker",
            StatementKind::RenameComputeGroup => "rename_compute_group",
            StatementKind::SetLoadErrorsHub => "set_load_errors_hub",
        }
    }

    /// Statements whose address list names existing backends (by address or by numeric id).
    pub fn targets_existing_backends(self) -> bool {
        matches!(
            self,
            StatementKind::DropBackend
                | StatementKind::DroppBackend
                | StatementKind::DecommissionBackend
                | StatementKind::CancelDecommissionBackend
                | StatementKind::ModifyBackend
                | StatementKind::ModifyBackendHostname
        )
    }
}

/// A statement of the `ALTER SYSTEM` family.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub kind: StatementKind,
    pub span: Span,
    /// The statement's pieces in source order.
    pub parts: Box<[Part]>,
    /// Legacy forms the grammar accepted only to report them (D008).
    pub removed: Box<[RemovedSyntax]>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum Part {
    Keyword(Keyword),
    /// A broker name, a cluster name (`TO <cluster>`) or a compute group name.
    Name(Box<Operand>),
    /// One or more addresses (or backend ids). For `MODIFY ... HOSTNAME` there are two lists of
    /// one: before and after the `HOSTNAME` keyword.
    Addresses(Box<AddressList>),
    /// Boxed like the others, so that a part (mostly keywords) stays as small as a keyword.
    Properties(Box<PropertyList>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Keyword {
    pub span: Span,
    /// The keyword (`Kw::Dropp`, compares equal to `"DROPP"`); the source text keeps the user's
    /// case.
    pub word: Kw,
}

macro_rules! keywords {
    ($($kw:ident = $text:literal,)*) => {
        /// A keyword of the grammar: one byte in the tree, its upper-case text by [`Kw::as_str`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kw {
            $($kw,)*
            /// A keyword rule the lowering does not know (shown as `?`; never produced).
            Unknown,
        }

        impl Kw {
            /// Every keyword, sorted by its text.
            pub const ALL: &'static [Kw] = &[$(Kw::$kw,)*];

            /// The keyword in upper case (`"DROPP"`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Kw::$kw => $text,)*
                    Kw::Unknown => "?",
                }
            }
        }
    };
}

keywords! {
    Add = "ADD",
    All = "ALL",
    Alter = "ALTER",
    Backend = "BACKEND",
    Backends = "BACKENDS",
    Broker = "BROKER",
    Cancel = "CANCEL",
    Compute = "COMPUTE",
    Decommission = "DECOMMISSION",
    Drop = "DROP",
    Dropp = "DROPP",
    Errors = "ERRORS",
    Follower = "FOLLOWER",
    Free = "FREE",
    Frontend = "FRONTEND",
    Group = "GROUP",
    Hostname = "HOSTNAME",
    Hub = "HUB",
    Load = "LOAD",
    Modify = "MODIFY",
    Observer = "OBSERVER",
    Properties = "PROPERTIES",
    Rename = "RENAME",
    Set = "SET",
    System = "SYSTEM",
    To = "TO",
}

impl Kw {
    /// The keyword a word spells, in any case: the word folded into one integer, then one
    /// comparison per candidate of its length and first letter (the scanner classifies each
    /// word once; the parser then compares ids).
    pub fn of_word(word: &[u8]) -> Option<Kw> {
        if word.len() > 12 {
            return None;
        }
        // Candidates by length and first letter: rarely more than one.
        let candidates: &[Kw] = match (word.len(), word.first()? | 0x20) {
            (2, b't') => &[Kw::To],
            (3, b'a') => &[Kw::Add, Kw::All],
            (3, b'h') => &[Kw::Hub],
            (3, b's') => &[Kw::Set],
            (4, b'd') => &[Kw::Drop],
            (4, b'f') => &[Kw::Free],
            (4, b'l') => &[Kw::Load],
            (5, b'a') => &[Kw::Alter],
            (5, b'd') => &[Kw::Dropp],
            (5, b'g') => &[Kw::Group],
            (6, b'b') => &[Kw::Broker],
            (6, b'c') => &[Kw::Cancel],
            (6, b'e') => &[Kw::Errors],
            (6, b'm') => &[Kw::Modify],
            (6, b'r') => &[Kw::Rename],
            (6, b's') => &[Kw::System],
            (7, b'b') => &[Kw::Backend],
            (7, b'c') => &[Kw::Compute],
            (8, b'b') => &[Kw::Backends],
            (8, b'f') => &[Kw::Follower, Kw::Frontend],
            (8, b'h') => &[Kw::Hostname],
            (8, b'o') => &[Kw::Observer],
            (10, b'p') => &[Kw::Properties],
            (12, b'd') => &[Kw::Decommission],
            _ => return None,
        };
        let folded = fold_case(word);
        candidates.iter().copied().find(|&k| FOLDED[k as usize] == folded)
    }
}

/// A word of 1 to 12 bytes as one integer (its first and its last up to four bytes, which
/// overlap in a short word: the two cover it whole) with bit 5 of each byte set. Setting it
/// lower-cases a letter, and only letters land on `a..=z` with it set: a word of a keyword's
/// length folds to the keyword's integer exactly when it is the keyword in some case.
const fn fold_case(word: &[u8]) -> u128 {
    const CASE: u32 = 0x2020_2020;
    let n = word.len();
    let (head, tail) = if n >= 8 {
        let h = u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]);
        (h | ((CASE as u64) << 32 | CASE as u64), read4(word, n - 4) | CASE)
    } else if n >= 4 {
        ((read4(word, 0) | CASE) as u64, read4(word, n - 4) | CASE)
    } else {
        // One to three bytes, in the head alone: the first, the middle and the last (which cover
        // them all, without a loop).
        let h = [word[0], word[n / 2], word[n - 1]];
        ((h[0] | 0x20) as u64 | ((h[1] | 0x20) as u64) << 8 | ((h[2] | 0x20) as u64) << 16, 0)
    };
    (head as u128) | ((tail as u128) << 64)
}

const fn read4(word: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([word[at], word[at + 1], word[at + 2], word[at + 3]])
}

/// Every keyword's text, folded (indexed by `Kw as usize`).
const FOLDED: [u128; Kw::ALL.len()] = {
    let mut t = [0u128; Kw::ALL.len()];
    let mut i = 0;
    while i < Kw::ALL.len() {
        t[i] = fold_case(Kw::ALL[i].as_str().as_bytes());
        i += 1;
    }
    t
};

impl std::fmt::Display for Kw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::ops::Deref for Kw {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Kw {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Kw {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Kw> for str {
    fn eq(&self, other: &Kw) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Kw> for &str {
    fn eq(&self, other: &Kw) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for Kw {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AddressList {
    pub span: Span,
    pub items: Box<[Operand]>,
    /// The separators, one fewer than the items.
    pub commas: Box<[Span]>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PropertyList {
    /// From `(` to `)`.
    pub span: Span,
    pub open: Span,
    pub close: Span,
    pub items: Box<[Property]>,
    /// `commas[i]` follows `items[i]`; `None` where the comma is missing (D010).
    pub commas: Box<[Option<Span>]>,
    /// A comma after the last item (D010).
    pub trailing_comma: Option<Span>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Property {
    pub span: Span,
    pub key: Operand,
    pub assign: Assign,
    pub value: Operand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Assign {
    pub span: Span,
    pub kind: AssignKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignKind {
    /// `=`
    Eq,
    /// `==`
    EqEq,
    /// `:` (D009)
    Colon,
    /// `＝` (D005)
    FullwidthEq,
    /// `：` (D005, D009)
    FullwidthColon,
}

/// A literal or a word in operand position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Operand {
    pub span: Span,
    pub kind: OperandKind,
    /// The value, only when it is not a slice of the source (escapes, doubled quotes): almost
    /// every operand then costs no allocation. Read it with [`Operand::value`]. (A thin pointer,
    /// so that an operand stays 32 bytes.)
    #[allow(clippy::box_collection)]
    decoded: Option<Box<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OperandKind {
    /// `'...'`
    SingleQuoted,
    /// `"..."`
    DoubleQuoted,
    /// `R'...'` / `R"..."` (D012)
    RawSingle,
    RawDouble,
    /// `“...”` (D005)
    Typographic,
    /// `` `...` ``
    Backquoted,
    /// An unquoted identifier.
    Identifier,
    /// An unquoted identifier with dots (D011).
    DottedIdentifier,
    /// A number constant.
    Number,
    /// An address written without quotes (D007).
    BareAddress,
}

impl Operand {
    /// The operand of `kind` written at `span` of `src`, with its value decoded. Both parsers
    /// build operands here, so they agree on values by construction.
    pub fn new(src: &str, span: Span, kind: OperandKind) -> Operand {
        let inner = Operand::inner(src, span, kind).text(src);
        let decoded = match kind {
            OperandKind::SingleQuoted => literal::decode_if_needed(inner, '\''),
            OperandKind::DoubleQuoted => literal::decode_if_needed(inner, '"'),
            OperandKind::Backquoted if inner.contains("``") => Some(inner.replace("``", "`")),
            _ => None,
        };
        Operand { span, kind, decoded: decoded.map(Box::new) }
    }

    /// The operand of `kind` at `span` whose value is its text (between the quotes, if any), as
    /// the scanner found it: [`Operand::new`] without looking for escapes.
    pub fn verbatim(span: Span, kind: OperandKind) -> Operand {
        Operand { span, kind, decoded: None }
    }

    /// An operand with a given value (for fixes and tests that make one up).
    pub fn with_value(span: Span, kind: OperandKind, value: &str) -> Operand {
        Operand { span, kind, decoded: Some(Box::new(value.to_string())) }
    }

    /// The decoded value: escapes resolved for strings, the inner text of a back-quoted name,
    /// the text itself otherwise. `src` is the source the operand was parsed from.
    pub fn value<'s>(&'s self, src: &'s str) -> &'s str {
        match &self.decoded {
            Some(value) => value,
            None => Operand::inner(src, self.span, self.kind).text(src),
        }
    }

    /// The span of the value's text: inside the quotes for quoted kinds.
    fn inner(src: &str, span: Span, kind: OperandKind) -> Span {
        let (open, close) = match kind {
            OperandKind::SingleQuoted | OperandKind::DoubleQuoted | OperandKind::Backquoted => (1, 1),
            OperandKind::RawSingle | OperandKind::RawDouble => (2, 1),
            OperandKind::Typographic => {
                let text = span.text(src);
                let open = text.chars().next().map_or(0, char::len_utf8);
                let close = text.chars().next_back().map_or(0, char::len_utf8);
                (open, close)
            }
            OperandKind::Identifier
            | OperandKind::DottedIdentifier
            | OperandKind::Number
            | OperandKind::BareAddress => (0, 0),
        };
        if span.len() < open + close {
            return Span::empty(span.end);
        }
        Span::new(span.start + open, span.end - close)
    }
}

impl OperandKind {
    pub fn is_string(self) -> bool {
        matches!(
            self,
            OperandKind::SingleQuoted
                | OperandKind::DoubleQuoted
                | OperandKind::RawSingle
                | OperandKind::RawDouble
                | OperandKind::Typographic
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RemovedSyntax {
    pub span: Span,
    pub what: RemovedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// `ADD FREE BACKEND`
    Free,
    /// `ADD BACKENDS`
    Backends,
    /// `ADD BACKEND TO <cluster>`
    ToCluster,
    /// `CANCEL ALTER SYSTEM DECOMMISSION`
    CancelAlterSystem,
}

impl Statement {
    pub fn keywords(&self) -> impl Iterator<Item = &Keyword> {
        self.parts.iter().filter_map(|p| match p {
            Part::Keyword(k) => Some(k),
            _ => None,
        })
    }

    pub fn keyword(&self, word: &str) -> Option<&Keyword> {
        self.keywords().find(|k| k.word == word)
    }

    /// Like [`Statement::keyword`], by id.
    pub fn kw(&self, word: Kw) -> Option<&Keyword> {
        self.keywords().find(|k| k.word == word)
    }

    /// The target address list (the first one; for `MODIFY ... HOSTNAME` the old address).
    pub fn addresses(&self) -> Option<&AddressList> {
        self.parts.iter().find_map(|p| match p {
            Part::Addresses(a) => Some(&**a),
            _ => None,
        })
    }

    /// The new host name of `MODIFY FRONTEND|BACKEND ... HOSTNAME <lit>`.
    pub fn new_hostname(&self) -> Option<&Operand> {
        let mut lists = self.parts.iter().filter_map(|p| match p {
            Part::Addresses(a) => Some(a),
            _ => None,
        });
        lists.next();
        lists.next().and_then(|a| a.items.first())
    }

    /// The `PROPERTIES (...)` or `SET (...)` list.
    pub fn properties(&self) -> Option<&PropertyList> {
        self.parts.iter().find_map(|p| match p {
            Part::Properties(l) => Some(&**l),
            _ => None,
        })
    }

    /// Names in order (broker name; old and new compute group names).
    pub fn names(&self) -> impl Iterator<Item = &Operand> {
        self.parts.iter().filter_map(|p| match p {
            Part::Name(n) => Some(&**n),
            _ => None,
        })
    }
}

impl Script {
    pub fn statements(&self) -> impl Iterator<Item = (&Segment, &Statement)> {
        self.segments.iter().filter_map(|s| match &s.node {
            Node::Statement(st) => Some((s, st)),
            _ => None,
        })
    }
}
