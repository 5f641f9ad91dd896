//! The typed syntax tree. Rules and the formatter see only these types, never pest's pairs.
//!
//! Every node carries its byte span in the whole source. A script is a list of segments that tile
//! the source exactly (no byte belongs to no segment), so nothing can be lost.

use serde::Serialize;

use crate::span::Span;
use crate::syntax::lexer::QuoteKind;

/// A whole script, cut into statements.
#[derive(Debug, Clone, Serialize)]
pub struct Script {
    pub segments: Vec<Segment>,
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
    pub comments: Vec<Comment>,
    /// Problems found while scanning (before any grammar runs).
    pub lexical: Vec<LexicalIssue>,
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
    /// A statement of the family that the grammar rejects.
    Error(SyntaxError),
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
    pub parts: Vec<Part>,
    /// Legacy forms the grammar accepted only to report them (D008).
    pub removed: Vec<RemovedSyntax>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum Part {
    Keyword(Keyword),
    /// A broker name, a cluster name (`TO <cluster>`) or a compute group name.
    Name(Operand),
    /// One or more addresses (or backend ids). For `MODIFY ... HOSTNAME` there are two lists of
    /// one: before and after the `HOSTNAME` keyword.
    Addresses(AddressList),
    /// Boxed: rare and large, so the other parts stay small.
    Properties(Box<PropertyList>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Keyword {
    pub span: Span,
    /// The keyword in upper case (`"DROPP"`); the source text keeps the user's case.
    pub word: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct AddressList {
    pub span: Span,
    pub items: Vec<Operand>,
    /// The separators, one fewer than the items.
    pub commas: Vec<Span>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PropertyList {
    /// From `(` to `)`.
    pub span: Span,
    pub open: Span,
    pub close: Span,
    pub items: Vec<Property>,
    /// `commas[i]` follows `items[i]`; `None` where the comma is missing (D010).
    pub commas: Vec<Option<Span>>,
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
    /// The decoded value: escapes resolved for strings, the inner text of a back-quoted name,
    /// the text itself otherwise.
    pub value: String,
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

    /// The target address list (the first one; for `MODIFY ... HOSTNAME` the old address).
    pub fn addresses(&self) -> Option<&AddressList> {
        self.parts.iter().find_map(|p| match p {
            Part::Addresses(a) => Some(a),
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
            Part::Name(n) => Some(n),
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
