//! Grammar tests: every statement kind of the family and every lexical rule of
//! doris-language.md §1, checked on the typed AST.

use doris_lint::syntax::{parse, AssignKind, Node, OperandKind, Part, Statement, StatementKind};

/// A statement with the source it was parsed from (operand values are read from it).
struct Parsed {
    st: Statement,
    src: String,
}

impl std::ops::Deref for Parsed {
    type Target = Statement;

    fn deref(&self) -> &Statement {
        &self.st
    }
}

/// Parses a one-statement script and returns its statement (panics with the error otherwise).
fn statement(src: &str) -> Parsed {
    Parsed { st: statement_only(src), src: src.to_string() }
}

fn statement_only(src: &str) -> Statement {
    let script = parse(src);
    let mut found = script.segments.into_iter().filter_map(|s| match s.node {
        Node::Statement(st) => Some(st),
        Node::Error(e) => panic!("{src:?} did not parse: {e:?}"),
        _ => None,
    });
    let st = found.next().unwrap_or_else(|| panic!("no statement in {src:?}"));
    assert!(found.next().is_none(), "more than one statement in {src:?}");
    st
}

fn addresses(st: &Parsed) -> Vec<String> {
    st.addresses().map(|a| a.items.iter().map(|i| i.value(&st.src).to_string()).collect()).unwrap_or_default()
}

fn properties(st: &Parsed) -> Vec<(String, String)> {
    st.properties()
        .map(|l| l.items.iter().map(|p| (p.key.value(&st.src).to_string(), p.value.value(&st.src).to_string())).collect())
        .unwrap_or_default()
}

fn keywords(st: &Statement) -> Vec<&'static str> {
    st.keywords().map(|k| k.word.as_str()).collect()
}

fn is_error(src: &str) -> bool {
    parse(src).segments.iter().any(|s| matches!(s.node, Node::Error(_)))
}

#[test]
fn every_statement_kind() {
    use StatementKind::*;
    let cases: &[(&str, StatementKind, &[&str])] = &[
        (r#"ALTER SYSTEM ADD BACKEND "h1:9050", 'h2:9050'"#, AddBackend, &["h1:9050", "h2:9050"]),
        (r#"ALTER SYSTEM DROP BACKEND "h1:9050""#, DropBackend, &["h1:9050"]),
        (r#"ALTER SYSTEM DROPP BACKEND "h1:9050", "10002""#, DroppBackend, &["h1:9050", "10002"]),
        (r#"ALTER SYSTEM DECOMMISSION BACKEND "h1:9050""#, DecommissionBackend, &["h1:9050"]),
        (r#"CANCEL DECOMMISSION BACKEND "10005""#, CancelDecommissionBackend, &["10005"]),
        (r#"ALTER SYSTEM MODIFY BACKEND "h1:9050" SET ("disable_query" = "true")"#, ModifyBackend, &["h1:9050"]),
        (r#"ALTER SYSTEM MODIFY BACKEND "h1:9050" HOSTNAME "be1""#, ModifyBackendHostname, &["h1:9050"]),
        (r#"ALTER SYSTEM MODIFY FRONTEND "h1:9010" HOSTNAME "fe1""#, ModifyFrontendHostname, &["h1:9010"]),
        (r#"ALTER SYSTEM ADD FOLLOWER "h1:9010""#, AddFollower, &["h1:9010"]),
        (r#"ALTER SYSTEM DROP FOLLOWER "h1:9010""#, DropFollower, &["h1:9010"]),
        (r#"ALTER SYSTEM ADD OBSERVER "h1:9010""#, AddObserver, &["h1:9010"]),
        (r#"ALTER SYSTEM DROP OBSERVER "h1:9010""#, DropObserver, &["h1:9010"]),
        (r#"ALTER SYSTEM ADD BROKER hdfs "h1:8000", "h2:8000""#, AddBroker, &["h1:8000", "h2:8000"]),
        (r#"ALTER SYSTEM DROP BROKER "my broker" "h1:8000""#, DropBroker, &["h1:8000"]),
        ("ALTER SYSTEM DROP ALL BROKER hdfs", DropAllBroker, &[]),
        ("ALTER SYSTEM RENAME COMPUTE GROUP g1 g2", RenameComputeGroup, &[]),
        (r#"ALTER SYSTEM SET LOAD ERRORS HUB PROPERTIES ("type" = "null")"#, SetLoadErrorsHub, &[]),
        ("ALTER SYSTEM SET LOAD ERRORS HUB", SetLoadErrorsHub, &[]),
    ];
    for (src, kind, addrs) in cases {
        let st = statement(src);
        assert_eq!(st.kind, *kind, "{src}");
        assert_eq!(addresses(&st), *addrs, "{src}");
        assert!(st.removed.is_empty(), "{src}");
    }
}

#[test]
fn names_hostnames_and_properties() {
    let st = statement(r#"ALTER SYSTEM DROP BROKER "my broker" "h1:8000""#);
    assert_eq!(st.names().map(|n| n.value(&st.src)).collect::<Vec<_>>(), ["my broker"]);
    let st = statement("ALTER SYSTEM RENAME COMPUTE GROUP `old``name` new_name");
    assert_eq!(st.names().map(|n| n.value(&st.src)).collect::<Vec<_>>(), ["old`name", "new_name"]);
    let st = statement(r#"ALTER SYSTEM MODIFY FRONTEND "h1:9010" HOSTNAME 'fe1.example.com'"#);
    assert_eq!(st.new_hostname().map(|h| h.value(&st.src)), Some("fe1.example.com"));
    let st = statement(
        r#"ALTER SYSTEM ADD BACKEND "h:9050" PROPERTIES ('tag.location' == 'g1', "tag.x" = v, `k` = 12, k2 = -1.5)"#,
    );
    assert_eq!(
        properties(&st),
        [("tag.location", "g1"), ("tag.x", "v"), ("k", "12"), ("k2", "-1.5")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    let list = st.properties().unwrap();
    assert_eq!(list.items[0].assign.kind, AssignKind::EqEq);
    assert_eq!(list.items[2].key.kind, OperandKind::Backquoted);
    assert_eq!(list.items[2].value.kind, OperandKind::Number);
    assert_eq!(list.commas.iter().filter(|c| c.is_some()).count(), 3);
}

#[test]
fn keywords_are_case_insensitive_and_keep_their_text() {
    let src = "Alter sYsTeM dropp Backend 'h:9050'";
    let st = statement(src);
    assert_eq!(keywords(&st), ["ALTER", "SYSTEM", "DROPP", "BACKEND"]);
    let k = st.keyword("DROPP").unwrap();
    assert_eq!(k.span.text(src), "dropp");
}

#[test]
fn string_literals_decode_like_doris() {
    let st = statement(r#"ALTER SYSTEM ADD BACKEND 'it''s', "a\"b", "x\ny", 'p\_q', "t\Zu""#);
    assert_eq!(addresses(&st), ["it's", "a\"b", "x\ny", "p\\_q", "t\u{1A}u"]);
    let st = statement(r#"ALTER SYSTEM ADD BACKEND R'a\b', R"c""#);
    assert_eq!(addresses(&st), ["a\\b", "c"]);
    assert_eq!(st.addresses().unwrap().items[0].kind, OperandKind::RawSingle);
}

#[test]
fn double_quotes_are_always_strings_and_literals_delimit_tokens() {
    let st = statement("Alter SYSTEM MODIFY FRONTEND'<fe_ip>:<edit_log_port>'HOSTNAME'<fe_hostname>'");
    assert_eq!(st.kind, StatementKind::ModifyFrontendHostname);
    assert_eq!(addresses(&st), ["<fe_ip>:<edit_log_port>"]);
}

#[test]
fn comments_anywhere_and_nested() {
    let src = "ALTER /* a /* nested */ b */ SYSTEM --no space needed\n ADD -- x\n BACKEND \"h:9050\" /* after */";
    let st = statement(src);
    assert_eq!(st.kind, StatementKind::AddBackend);
    let seg = &parse(src).segments[0];
    assert_eq!(seg.comments.len(), 4);
}

#[test]
fn semicolons_optional_and_repeated() {
    let script = parse("ALTER SYSTEM ADD BACKEND 'a:1';; ;ALTER SYSTEM ADD BACKEND 'b:1'");
    let kinds: Vec<_> = script.statements().map(|(_, s)| s.kind).collect();
    assert_eq!(kinds, [StatementKind::AddBackend, StatementKind::AddBackend]);
}

#[test]
fn identifiers_take_non_ascii_letters_and_digits_first() {
    let st = statement("ALTER SYSTEM DROP ALL BROKER 3号broker$x");
    assert_eq!(st.names().next().unwrap().value(&st.src), "3号broker$x");
}

#[test]
fn what_doris_rejects() {
    for src in [
        "ALTER SYSTEM ADD BACKEND",
        "ALTER SYSTEM ADD FOLLOWER 'a:1', 'b:1'",
        "ALTER SYSTEM MODIFY BACKEND 'a:1' HOSTNAME 'b', 'c'",
        "ALTER SYSTEM DROP ALL BROKER broker_name.",
        "ALTER SYSTEM MODIFY FRONT 'a:1' HOSTNAME 'b'",
        "ALTER SYSTEM ADD BACKEND 'a:1' PROPERTIES",
        "ALTER SYSTEM MODIFY BACKEND 'a:1' PROPERTIES ('k' = 'v')",
        "ALTER SYSTEM RENAME COMPUTE GROUP 'a' 'b'",
        "ALTER SYSTEM SET GLOBAL LOAD_ERROR_URL = 'x'",
    ] {
        assert!(is_error(src), "{src:?} should not parse");
    }
}

#[test]
fn recovered_mistakes_are_marked() {
    let st = statement("ALTER SYSTEM ADD BACKENDS 10.0.0.1:9050 PROPERTIES (tag.location: g1,)");
    assert_eq!(st.removed.len(), 1);
    let item = &st.addresses().unwrap().items[0];
    assert_eq!((item.kind, item.value(&st.src)), (OperandKind::BareAddress, "10.0.0.1:9050"));
    let list = st.properties().unwrap();
    assert_eq!(list.items[0].key.kind, OperandKind::DottedIdentifier);
    assert_eq!(list.items[0].assign.kind, AssignKind::Colon);
    assert!(list.trailing_comma.is_some());
    let st = statement("ALTER SYSTEM ADD BACKEND “h:9050” PROPERTIES （'a' ＝ 'b' 'c' = 'd'）");
    assert_eq!(addresses(&st), ["h:9050"]);
    assert_eq!(&st.properties().unwrap().commas[..], [None]);
}

#[test]
fn unicode_spaces_and_fullwidth_punctuation_are_lexical_issues() {
    let script = parse("ALTER\u{a0}SYSTEM ADD BACKEND 'h:9050'，'h2:9050'；");
    let seg = &script.segments[0];
    assert_eq!(seg.lexical.len(), 3);
    assert!(matches!(seg.node, Node::Statement(_)));
}

#[test]
fn hash_is_not_a_comment_but_is_scanned_as_one_to_recover() {
    let script = parse("ALTER SYSTEM ADD BACKEND 'a:1' # note\n;");
    assert!(matches!(script.segments[0].lexical[..], [doris_lint::syntax::LexicalIssue::HashComment { .. }]));
}

#[test]
fn other_statements_are_not_parsed() {
    let script = parse("SELECT 1; SHOW BACKENDS; ALTER TABLE t ADD COLUMN c INT; CREATE TABLE x (a INT)");
    assert!(script.segments.iter().all(|s| matches!(s.node, Node::Other)));
}

#[test]
fn spans_point_into_the_source() {
    let src = "-- 中文 😀\r\nALTER SYSTEM ADD BACKEND \"h:9050\" PROPERTIES (\"tag.location\" = \"g1\");";
    let st = statement(src);
    let a = &st.addresses().unwrap().items[0];
    assert_eq!(a.span.text(src), "\"h:9050\"");
    let p = &st.properties().unwrap().items[0];
    assert_eq!(p.key.span.text(src), "\"tag.location\"");
    assert_eq!(p.span.text(src), "\"tag.location\" = \"g1\"");
    assert!(st.parts.iter().all(|p| !matches!(p, Part::Name(_))));
    assert_eq!(st.span.text(src), &src[src.find("ALTER").unwrap()..src.len() - 1]);
}
