//! The hand-written fast path (`syntax/fast.rs`) must build exactly what the pest grammar builds,
//! and `syntax/explain.rs` must explain a rejected statement exactly as pest does (the same
//! position and expectations). Checked on every fixture, on the real-statement corpus, and on
//! generated statements: both well-formed ones and token soup full of near misses.

use std::path::Path;

use doris_lint::syntax::{parse, parse_reference};
use proptest::prelude::*;

fn assert_agree(src: &str) {
    let fast = serde_json::to_value(parse(src)).unwrap();
    let reference = serde_json::to_value(parse_reference(src)).unwrap();
    assert!(fast == reference, "parsers disagree on {src:?}\nfast:      {fast}\nreference: {reference}");
}

#[path = "support/sql_files.rs"]
mod sql_files;
use sql_files::sql_files;

#[test]
fn fixtures_agree() {
    let mut files = Vec::new();
    sql_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"), &mut files);
    sql_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"), &mut files);
    assert!(files.len() > 10);
    for f in files {
        assert_agree(&std::fs::read_to_string(&f).unwrap());
    }
}

/// Literals that span lines: the splitter ends a family statement's strings at their line (and
/// reports them unterminated), the grammar reads them across lines, with the comments the
/// splitter found blanked (both found by the fuzzer).
#[test]
fn literals_across_lines_agree() {
    for src in [
        "alter system dropp backend '10.0.0.5:9050', '10.0.0.\n6:9050';",
        "ALTER SYSTEM ADD BACKEND \"h1\n:9050\";\nALTER SYSTEM ADD BACKEND 'a';",
        "ALTER SYSTEM ADD BACKEND \"h:9050\" PROPERTIES (\"tag.location\" = \"g\n1\")",
        "ALTER SYSTEM MODIFY BACKEND 'h:9050' SET ('k' = 'v\n', 'k2' = 'v2'",
        "ALTER SYSTEM ADD BACKEND \"x\n-- not a comment\n:9050\" /* c */;",
        // The splitter sees a comment on the second line, whose quote the grammar never sees.
        "ALTER SYSTEM MODIFY BACKEND \"h:90\n50 # note \"x\n\" SET (\"k\" = \"v\");",
    ] {
        assert_agree(src);
    }
}

#[test]
fn corpus_agrees() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real-statements.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the real-statement corpus is missing: cannot read {} ({e})", path.display()));
    for line in text.lines().filter(|l| !l.is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_agree(row["sql"].as_str().unwrap());
    }
}

fn case(word: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![Just(word.to_string()), Just(word.to_lowercase()), Just(word[..1].to_string() + &word[1..].to_lowercase())]
}

fn literal() -> impl Strategy<Value = String> {
    let content = prop_oneof![
        Just("10.0.0.1:9050".to_string()),
        Just("h1:9050,h2:9050".to_string()),
        Just("[fe80::1]:9050".to_string()),
        Just("10003".to_string()),
        Just("tag.location".to_string()),
        Just("it''s".to_string()),
        Just("a\\\"b".to_string()),
        Just("中文".to_string()),
        "[a-z0-9.:_-]{0,12}",
    ];
    (content, 0..6usize).prop_map(|(c, q)| match q {
        0 => format!("\"{}\"", c.replace('\'', "")),
        1 => format!("'{}'", c.replace('"', "")),
        2 => format!("R'{}'", c.replace(['\'', '\\'], "")),
        3 => format!("“{}”", c.replace(['“', '”'], "")),
        4 => format!("`{}`", c.replace('`', "")),
        _ => c.replace(['"', '\'', '\\'], ""),
    })
}

fn sep() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(" ".to_string()),
        1 => Just("".to_string()),
        1 => Just("\n".to_string()),
        1 => Just(" /* c /* n */ */ ".to_string()),
        1 => Just(" -- c\n".to_string()),
        1 => Just("\u{a0}".to_string()),
        1 => Just(" # h\n".to_string()),
    ]
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "ALTER", "SYSTEM", "ADD", "DROP", "DROPP", "BACKEND", "BACKENDS", "FREE", "TO", "DECOMMISSION",
            "CANCEL", "MODIFY", "FRONTEND", "HOSTNAME", "FOLLOWER", "OBSERVER", "BROKER", "ALL", "SET",
            "LOAD", "ERRORS", "HUB", "PROPERTIES", "RENAME", "COMPUTE", "GROUP",
        ]).prop_flat_map(case),
        3 => literal(),
        3 => prop::sample::select(vec![",", "(", ")", "=", "==", ":", ".", "-", "+", "[", "]", "，", "（", "）", "＝", "：", "；", "1", "1.5", "-2", "x.y", "name", "$v"]).prop_map(String::from),
    ]
}

fn soup() -> impl Strategy<Value = String> {
    (prop::collection::vec((token(), sep()), 0..14), prop::bool::ANY).prop_map(|(toks, alter)| {
        let mut s = if alter { "ALTER SYSTEM ".to_string() } else { "CANCEL ".to_string() };
        for (t, sep) in toks {
            s.push_str(&t);
            s.push_str(&sep);
        }
        s
    })
}

fn list(item: BoxedStrategy<String>, max: usize) -> impl Strategy<Value = String> {
    (prop::collection::vec((item, sep()), 1..max), prop::bool::weighted(0.1)).prop_map(|(items, trailing)| {
        let mut s = String::new();
        for (i, (it, sep)) in items.iter().enumerate() {
            if i > 0 {
                s.push(',');
                s.push_str(sep);
            }
            s.push_str(it);
        }
        if trailing {
            s.push(',');
        }
        s
    })
}

fn property() -> impl Strategy<Value = String> {
    (literal(), prop::sample::select(vec![" = ", "=", "==", ": ", " == "]), literal()).prop_map(|(k, a, v)| format!("{k}{a}{v}"))
}

fn well_formed() -> impl Strategy<Value = String> {
    let addrs = || list(literal().boxed(), 5);
    let props = || list(property().boxed(), 4).prop_map(|p| format!("({p})"));
    prop_oneof![
        (addrs(), prop::option::of(props())).prop_map(|(a, p)| format!(
            "ALTER SYSTEM ADD BACKEND {a}{}",
            p.map(|p| format!(" PROPERTIES {p}")).unwrap_or_default()
        )),
        (prop::sample::select(vec!["DROP", "DROPP", "DECOMMISSION"]), addrs()).prop_map(|(v, a)| format!("alter system {v} backend {a}")),
        addrs().prop_map(|a| format!("CANCEL DECOMMISSION BACKEND {a}")),
        (addrs(), props()).prop_map(|(a, p)| format!("ALTER SYSTEM MODIFY BACKEND {a} SET {p}")),
        (literal(), literal(), prop::bool::ANY).prop_map(|(a, b, fe)| format!(
            "ALTER SYSTEM MODIFY {} {a} HOSTNAME {b}",
            if fe { "FRONTEND" } else { "BACKEND" }
        )),
        (prop::sample::select(vec!["ADD", "DROP"]), prop::sample::select(vec!["FOLLOWER", "OBSERVER"]), literal())
            .prop_map(|(v, r, a)| format!("ALTER SYSTEM {v} {r} {a}")),
        (prop::sample::select(vec!["ADD", "DROP"]), literal(), addrs()).prop_map(|(v, n, a)| format!("ALTER SYSTEM {v} BROKER {n} {a}")),
        literal().prop_map(|n| format!("ALTER SYSTEM DROP ALL BROKER {n}")),
        (literal(), literal()).prop_map(|(a, b)| format!("ALTER SYSTEM RENAME COMPUTE GROUP {a} {b}")),
        prop::option::of(props()).prop_map(|p| format!(
            "ALTER SYSTEM SET LOAD ERRORS HUB{}",
            p.map(|p| format!(" PROPERTIES {p}")).unwrap_or_default()
        )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn generated_statements_agree(stmts in prop::collection::vec(well_formed(), 1..4)) {
        assert_agree(&stmts.join(";\n"));
    }

    #[test]
    fn token_soup_agrees(src in soup()) {
        assert_agree(&src);
    }
}
