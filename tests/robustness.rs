//! Property tests of robustness (issue 8): on generated statement-like input, and on
//! pathological families (deep nesting, long runs of `;`, quotes, backslashes, comment markers),
//! nothing panics and every property of `doris_lint::invariants` holds for the splitter, the
//! parser, lint, format and fix — the same checks the cargo-fuzz targets run. Time is not
//! measured here (the fuzz targets run under libFuzzer's `-timeout`), but the pathological
//! families are large enough that a quadratic path would make this test crawl.

use doris_lint::invariants::*;
use proptest::prelude::*;

/// `n` cases, times `ROBUSTNESS_SCALE` (default 1) for a longer soak:
/// `ROBUSTNESS_SCALE=100 cargo test --release --test robustness`.
fn scaled(n: u32) -> u32 {
    n * std::env::var("ROBUSTNESS_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

/// Keywords of the grammar and words that sit near them in real scripts.
const KEYWORDS: &[&str] = &[
    "ALTER", "SYSTEM", "ADD", "DROP", "DROPP", "BACKEND", "BACKENDS", "FRONTEND", "FOLLOWER", "OBSERVER", "BROKER",
    "ALL", "DECOMMISSION", "CANCEL", "MODIFY", "SET", "PROPERTIES", "HOSTNAME", "RENAME", "COMPUTE", "GROUP", "LOAD",
    "ERRORS", "HUB", "FREE", "TO", "SELECT", "SHOW", "TABLE", "hdfs_broker", "cg1", "3号机器",
];

/// Literals and operands: addresses good and bad, ids, keys and values, raw and typographic.
const OPERANDS: &[&str] = &[
    "\"10.0.0.1:9050\"", "'10.0.0.2:9050'", "\"h:9050\"", "\"fe-1.example.com\"", "\"[::1]:9050\"",
    "\"[fe80::1%eth0]:9050\"", "\"a:9050,b:9050\"", "\"127.0.0.1:9050\"", "\"10.0.0.1\"", "\":9050\"", "\"h:\"",
    "\"h:99999\"", "\"h:-1\"", "\"${BE_HOST}:9050\"", "\" h : 9050 \"", "\"10001\"", "10001", "-1",
    "10.0.0.1:9050", "h:9050", "\"tag.location\"", "'tag.compute_group_name'", "\"tag.public_endpoint\"",
    "\"disable_query\"", "\"true\"", "\"zone_b\"", "tag.location", "R'raw'", "r\"raw\"", "“10.0.0.3:9050”",
    "‘x’", "`name`", "`na``me`", "'it''s'", "\"a\\\"b\"", "\"\"", "''", "\"中文:9050\"", "\"😀:9050\"",
];

const PUNCT: &[&str] = &[
    ",", "(", ")", "=", "==", ":", ".", ";", ";", "；", "，", "（", "）", "＝", "：", "“", "”", "‘", "’", "'", "\"",
    "`", "\\", "\\\\", "[", "]", "$", "+", "-", "*", "/",
];

/// Whitespace, comments and the Unicode oddities users paste.
const TRIVIA: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\r\n", "\t", "\n\n", "\u{a0}", "\u{3000}", "\u{200b}", "\u{feff}", "\u{2028}",
    "-- c\n", "--x\n", "-- 中文😀\n", "/* c */", "/* a /* nested */ b */", "/*", "*/", "# hash\n", "#", "--",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYWORDS).prop_flat_map(|k| {
            // Upper, lower or mixed case.
            prop_oneof![
                Just(k.to_string()),
                Just(k.to_lowercase()),
                Just(k.chars().enumerate().map(|(i, c)| if i % 2 == 0 { c.to_ascii_lowercase() } else { c }).collect()),
            ]
        }),
        3 => prop::sample::select(OPERANDS).prop_map(str::to_string),
        3 => prop::sample::select(PUNCT).prop_map(str::to_string),
        4 => prop::sample::select(TRIVIA).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// Statement-like token soup: often starting like a statement of the family, pieces joined by
/// spaces or glued together.
fn soup() -> impl Strategy<Value = String> {
    let head = prop::sample::select(&[
        "",
        "ALTER SYSTEM ",
        "alter system ",
        "ALTER SYSTEM ADD BACKEND ",
        "ALTER SYSTEM MODIFY BACKEND ",
        "ALTER SYSTEM ADD BROKER b ",
        "CANCEL DECOMMISSION BACKEND ",
        "ALTER SYSTEM MODIFY FRONTEND ",
        "ALTER SYSTEM DROP ALL BROKER ",
        "ALTER SYSTEM RENAME COMPUTE GROUP ",
    ][..]);
    let body = prop::collection::vec((piece(), prop::bool::weighted(0.7)), 0..40).prop_map(|pieces| {
        let mut s = String::new();
        for (p, spaced) in pieces {
            s.push_str(&p);
            if spaced {
                s.push(' ');
            }
        }
        s
    });
    (head, body).prop_map(|(h, b)| format!("{h}{b}"))
}

/// Several soup statements, separated by `;` and newlines, as a script.
fn script() -> impl Strategy<Value = String> {
    prop::collection::vec((soup(), prop::sample::select(&[";\n", ";", "\n", "; -- t\n", ";;", ""][..])), 1..6)
        .prop_map(|stmts| stmts.into_iter().map(|(s, sep)| format!("{s}{sep}")).collect())
}

/// A well-formed statement of the family (the fast path and the rules get real work).
fn statement() -> impl Strategy<Value = String> {
    let addr = prop::sample::select(&["\"10.0.0.1:9050\"", "'h:9050'", "\"[::1]:9050\"", "\"h\"", "\"10001\"", "10002"][..]);
    let addrs = prop::collection::vec(addr, 1..5).prop_map(|a| a.join(", "));
    let prop_item = prop::sample::select(
        &["\"tag.location\" = \"z\"", "'disable_query' = 'true'", "\"tag.public_endpoint\" = \"1.2.3.4:80\"", "\"k\" : \"v\""][..],
    );
    let props = prop::collection::vec(prop_item, 0..4)
        .prop_map(|p| if p.is_empty() { String::new() } else { format!(" PROPERTIES ({})", p.join(", ")) });
    let verb = prop::sample::select(
        &["ADD BACKEND", "DROP BACKEND", "DROPP BACKEND", "DECOMMISSION BACKEND", "ADD FOLLOWER", "ADD OBSERVER", "DROP OBSERVER"][..],
    );
    (verb, addrs, props).prop_map(|(v, a, p)| format!("ALTER SYSTEM {v} {a}{p};"))
}

/// A string with random edits: a good statement with characters inserted, deleted or replaced.
fn mutated() -> impl Strategy<Value = String> {
    (statement(), prop::collection::vec((any::<prop::sample::Index>(), piece(), 0..3u8), 1..6)).prop_map(|(s, edits)| {
        let mut chars: Vec<char> = s.chars().collect();
        for (at, p, op) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 => {
                    chars.splice(i..i, p.chars());
                }
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ if i < chars.len() => {
                    chars.splice(i..i + 1, p.chars());
                }
                _ => {}
            }
        }
        chars.into_iter().collect()
    })
}

/// Pathological families: one unit repeated thousands of times, optionally inside a statement.
fn pathological() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(
        &[
            ";", "(", ")", "((", "/*", "*/", "'", "\"", "`", "\\", "\\'", "\\\"", "''", "\"\"", "--", "#", "R'", "“", "”",
            "\n", "\r", "\u{a0}", "；", "，", "\"a:1\",", "'a:1' ", "x", "1", "= ", ": ", "ALTER SYSTEM ", "/*;*/",
            "'\n", "\"\\\n", "(\"k\"=\"v\",", "ALTER SYSTEM ADD BACKEND \"h:1\";\n",
        ][..],
    );
    let prefix = prop::sample::select(&["", "ALTER SYSTEM ADD BACKEND ", "ALTER SYSTEM MODIFY BACKEND \"h:1\" SET ", "SELECT "][..]);
    (prefix, unit, 500..8_000usize).prop_map(|(p, u, n)| format!("{p}{}", u.repeat(n)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: scaled(400), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn scripts_of_token_soup(src in script()) {
        check_all(&src);
    }

    #[test]
    fn mutated_statements(src in mutated()) {
        check_all(&src);
    }

    #[test]
    fn well_formed_statements(src in prop::collection::vec(statement(), 1..4).prop_map(|v| v.join("\n"))) {
        check_all(&src);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: scaled(150), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(src in "\\PC{0,200}") {
        check_all(&src);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: scaled(64), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn pathological_families(src in pathological()) {
        check_all(&src);
    }
}

/// Every fixture file under every option set (lint, fix: the four of `lint_options`; format:
/// every set of `format_option_sets`).
#[test]
fn fixtures_under_every_option_set() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "sql") {
                files.push(p);
            }
        }
    }
    assert!(!files.is_empty());
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        check_split(&src);
        check_parse(&src);
        for pick in 0..4 {
            check_lint(&src, &lint_options(pick));
            check_fix(&src, &lint_options(pick), pick % 2 == 1);
        }
        for (_, options) in format_option_sets() {
            check_format(&src, &options);
        }
    }
}
