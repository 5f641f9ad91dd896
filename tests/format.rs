//! Formatter tests: snapshot fixtures for every statement kind and option, comment placement,
//! the three invariants (idempotent, meaning kept, nothing lost) on fixtures, on the real-statement
//! corpus and on generated statements (proptest), and scaling.

use doris_lint::format::{CommaStyle, FormatOptions, Indent, KeywordCase, PropertiesLayout, QuoteStyle, SemicolonStyle};
use doris_lint::syntax::{parse, Node};
use doris_lint::format;

// ---------------------------------------------------------------------------------------------
// Invariants: `doris_lint::invariants::check_format` (shared with the fuzz targets and the
// robustness property tests): idempotent, meaning and lint codes kept, every copied statement
// verbatim, every comment in order. It panics with the input and output when one fails.

use doris_lint::invariants::{check_format, format_option_sets};

/// The proptest case count: `default`, or `PROPTEST_CASES` from the environment for longer runs.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/// The fixtures, sorted by name: (stem, text).
fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn fixtures_default_options() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 6);
    for (name, src) in fixtures {
        let out = check_format(&src, &FormatOptions::default());
        insta::assert_snapshot!(format!("fixture_{name}"), out, &src);
    }
}

#[test]
fn fixture_for_every_option() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format/options.sql")).unwrap();
    for (name, options) in format_option_sets() {
        let out = check_format(&src, &options);
        insta::assert_snapshot!(format!("options_{name}"), out);
    }
}

#[test]
fn every_fixture_keeps_the_invariants_under_every_option() {
    for (_, src) in fixtures() {
        for (_, options) in format_option_sets() {
            check_format(&src, &options);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Focused cases

fn f(src: &str) -> String {
    format(src, &FormatOptions::default())
}

#[test]
fn the_product_examples_are_fixed_points() {
    let canonical = "ALTER SYSTEM ADD BACKEND \"192.168.0.1:9050\", \"192.168.0.2:9050\";\n\n\
ALTER SYSTEM ADD BACKEND \"doris-be01:9050\" PROPERTIES (\"tag.location\" = \"groupb\");\n\n\
ALTER SYSTEM ADD BACKEND\n    \"10.0.0.1:9050\",\n    \"10.0.0.2:9050\",\n    \"10.0.0.3:9050\"\nPROPERTIES (\n    \"tag.public_endpoint\" = \"11.10.20.12:8010\",\n    \"tag.private_endpoint\" = \"10.10.10.9:8020\"\n);\n";
    assert_eq!(f(canonical), canonical);
    let family = "ALTER SYSTEM DECOMMISSION BACKEND \"10.0.0.1:9050\", \"10.0.0.2:9050\";\n\
CANCEL DECOMMISSION BACKEND \"10.0.0.1:9050\";\n\
ALTER SYSTEM MODIFY FRONTEND \"10.0.0.9:9010\" HOSTNAME \"fe-1.example.com\";\n\
ALTER SYSTEM ADD FOLLOWER \"10.0.0.9:9010\";\n\
ALTER SYSTEM ADD BROKER hdfs_broker \"10.0.0.5:8000\", \"10.0.0.6:8000\";\n\
ALTER SYSTEM DROP ALL BROKER hdfs_broker;\n";
    assert_eq!(f(family), family);
}

#[test]
fn dropp_stays_dropp() {
    assert_eq!(f("alter system dropp backend 'h:9050'"), "ALTER SYSTEM DROPP BACKEND \"h:9050\";\n");
}

#[test]
fn double_equals_becomes_equals() {
    assert_eq!(
        f("alter system add backend 'h:9050' properties ('a'=='b')"),
        "ALTER SYSTEM ADD BACKEND \"h:9050\" PROPERTIES (\"a\" = \"b\");\n"
    );
}

#[test]
fn comment_between_add_and_backend() {
    assert_eq!(
        f("alter system add -- why\nbackend 'h:9050';"),
        "ALTER SYSTEM ADD -- why\nBACKEND \"h:9050\";\n"
    );
    assert_eq!(f("alter system add /* x */ backend 'h:9050';"), "ALTER SYSTEM ADD /* x */ BACKEND \"h:9050\";\n");
}

#[test]
fn comment_after_the_last_address() {
    assert_eq!(
        f("alter system add backend 'a:9050', 'b:9050' -- last\n;"),
        "ALTER SYSTEM ADD BACKEND\n    \"a:9050\",\n    \"b:9050\" -- last\n;\n"
    );
    assert_eq!(f("alter system add backend 'a:9050' /* last */;"), "ALTER SYSTEM ADD BACKEND \"a:9050\" /* last */;\n");
}

#[test]
fn comments_inside_properties() {
    assert_eq!(
        f("alter system add backend 'a:9050' properties ('k' = 'v', -- one\n 'k2' = 'v2')"),
        "ALTER SYSTEM ADD BACKEND \"a:9050\"\nPROPERTIES (\n    \"k\" = \"v\", -- one\n    \"k2\" = \"v2\"\n);\n"
    );
    assert_eq!(
        f("alter system add backend 'a:9050' properties ('k' = 'v'\n-- before close\n)"),
        "ALTER SYSTEM ADD BACKEND \"a:9050\" PROPERTIES (\"k\" = \"v\"\n    -- before close\n);\n"
    );
}

#[test]
fn comment_after_the_semicolon_and_at_end_of_file() {
    assert_eq!(f("alter system add follower 'a:9010'; -- done\n-- eof"), "ALTER SYSTEM ADD FOLLOWER \"a:9010\"; -- done\n-- eof\n");
    // The added `;` goes before a trailing comment, never into it.
    assert_eq!(f("alter system add follower 'a:9010' -- done"), "ALTER SYSTEM ADD FOLLOWER \"a:9010\"; -- done\n");
}

#[test]
fn trailing_comment_does_not_count_in_the_width() {
    let src = "ALTER SYSTEM ADD BACKEND \"192.168.0.1:9050\", \"192.168.0.2:9050\"; -- a long comment that goes past the line width";
    assert_eq!(f(src), format!("{src}\n"));
}

#[test]
fn nested_block_comment() {
    assert_eq!(
        f("/* a /* b */ c */ alter system drop follower 'a:9010' /* d /* e */ */;"),
        "/* a /* b */ c */ ALTER SYSTEM DROP FOLLOWER \"a:9010\" /* d /* e */ */;\n"
    );
}

#[test]
fn blank_lines_between_statements_are_kept_at_most_one() {
    assert_eq!(
        f("\n\n  alter system add follower 'a:9010';\n\n\n\nalter system add follower 'b:9010';\nalter system add follower 'c:9010';"),
        "ALTER SYSTEM ADD FOLLOWER \"a:9010\";\n\nALTER SYSTEM ADD FOLLOWER \"b:9010\";\nALTER SYSTEM ADD FOLLOWER \"c:9010\";\n"
    );
}

#[test]
fn output_ends_with_one_newline() {
    assert_eq!(f("select 1;\n\n\n"), "select 1;\n");
    assert_eq!(f(""), "");
    assert_eq!(f("-- only a comment"), "-- only a comment\n");
}

#[test]
fn other_and_broken_statements_are_copied_byte_for_byte() {
    for s in [
        "select  *  from t;",
        "alter system add backend 10.0.0.1:9050;",
        "alter system add backend \"h:9050\" properties (\"a\" = \"1\",);",
        "alter system add backend \"h:9050\" properties (\"a\" = \"1\" \"b\" = \"2\");",
        "alter system add backend R'h:9050';",
        "alter\u{00A0}system add backend 'h:9050';",
        "alter system add free backend 'h:9050';",
        "ALTER SYSTEM ADD BACKEND 'h:9050' # hash\n;",
    ] {
        assert_eq!(f(s), format!("{s}\n"), "{s}");
    }
    // An unterminated string at the end of the file: nothing appended to it.
    let s = "alter system add backend \"h:9050";
    assert_eq!(f(s), s);
}

#[test]
fn crlf_and_non_ascii_never_panic() {
    let src = "-- 中文注释 😀\r\nalter system add backend '主机:9050',\r\n  '10.0.0.2:9050' -- 尾注释\r\n;\r\n";
    check_format(src, &FormatOptions::default());
}

// ---------------------------------------------------------------------------------------------
// Scaling (no timing assertion: a quadratic path would make these take minutes)

#[test]
fn ten_thousand_addresses() {
    let addrs: Vec<String> = (0..10_000).map(|i| format!("'10.0.{}.{}:9050'", i / 256, i % 256)).collect();
    let src = format!("alter system add backend {};", addrs.join(", "));
    let out = f(&src);
    assert_eq!(out.lines().count(), 10_001);
    assert_eq!(f(&out), out);
}

#[test]
fn many_statements() {
    let src = "alter system add backend 'h:9050' properties ('tag.location' = 'g');\n".repeat(20_000);
    let out = f(&src);
    assert_eq!(out.lines().count(), 20_000);
}

// ---------------------------------------------------------------------------------------------
// The real-statement corpus

fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/real-statements.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("the corpus folder is missing: cannot read {path} ({e}); the formatter's corpus test needs ../shared/corpus next to the crate")
    });
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("bad corpus line {l}: {e}"));
            v["sql"].as_str().unwrap_or_else(|| panic!("corpus line without sql: {l}")).to_string()
        })
        .collect()
}

#[test]
fn corpus_statements_keep_the_invariants() {
    let statements = corpus();
    assert!(!statements.is_empty(), "the corpus is empty");
    for (_, options) in format_option_sets() {
        for sql in &statements {
            check_format(sql, &options);
        }
    }
    eprintln!("corpus: {} statements x {} option sets", statements.len(), format_option_sets().len());
}

#[test]
fn corpus_as_one_script_keeps_the_invariants() {
    let mut script = String::new();
    for sql in corpus() {
        script.push_str(&sql);
        if !sql.trim_end().ends_with(';') {
            script.push_str("\n;");
        }
        script.push('\n');
    }
    for (_, options) in format_option_sets() {
        check_format(&script, &options);
    }
}

// ---------------------------------------------------------------------------------------------
// Property tests: generated statements of the family with comments and whitespace between tokens

mod generated {
    use super::*;
    use proptest::prelude::*;

    /// Cases per property; the whole file stays well under a minute in debug builds.
    pub const CASES: u32 = 192;

    fn case(word: &str, mode: u8) -> String {
        match mode % 3 {
            0 => word.to_ascii_uppercase(),
            1 => word.to_ascii_lowercase(),
            _ => word.char_indices().map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
        }
    }

    fn quoted(content: &str, single: bool) -> String {
        if single {
            format!("'{}'", content.replace('\'', "''"))
        } else {
            format!("\"{}\"", content.replace('"', "\"\""))
        }
    }

    fn address() -> impl Strategy<Value = String> {
        (
            prop_oneof![
                Just("10.0.0.1".to_string()),
                Just("192.168.10.20".to_string()),
                Just("doris-be01.example.com".to_string()),
                Just("[::1]".to_string()),
                Just("it's".to_string()),
                Just("say \"hi\"".to_string()),
                Just("tab\\there".to_string()),
                Just("主机".to_string()),
                "[a-z][a-z0-9-]{0,12}",
            ],
            prop_oneof![Just(":9050"), Just(":9010"), Just(":8000"), Just("")],
            any::<bool>(),
        )
            .prop_map(|(host, port, single)| quoted(&format!("{host}{port}"), single))
    }

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z_][a-z0-9_]{0,10}",
            Just("`my broker`".to_string()),
            Just("'quoted_name'".to_string()),
            Just("\"dq_name\"".to_string()),
        ]
    }

    fn property() -> impl Strategy<Value = Vec<String>> {
        (
            prop_oneof![
                Just("tag.location".to_string()),
                Just("tag.compute_group_name".to_string()),
                Just("disable_query".to_string()),
                "[a-z_]{1,10}",
            ],
            any::<bool>(),
            prop_oneof![
                "[a-z_][a-z0-9_]{0,8}".prop_map(|v| (v, 0u8)),
                "[a-z0-9_.:]{0,12}".prop_map(|v| (v, 1u8)),
                "[0-9]{1,4}".prop_map(|v| (v, 2u8)),
            ],
            any::<bool>(),
            prop_oneof![Just("="), Just("==")],
        )
            .prop_map(|(key, key_single, (value, vkind), value_single, assign)| {
                let key = if key.contains('.') || key_single { quoted(&key, key_single) } else { key };
                let value = match vkind {
                    0 => value,
                    2 => value,
                    _ => quoted(&value, value_single),
                };
                vec![key, assign.to_string(), value]
            })
    }

    fn list<S: Strategy<Value = String>>(s: S, min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(s, min..=max).prop_map(|items| {
            let mut out = Vec::new();
            for (i, it) in items.into_iter().enumerate() {
                if i > 0 {
                    out.push(",".to_string());
                }
                out.push(it);
            }
            out
        })
    }

    fn properties(keyword: &'static str) -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(property(), 1..=4).prop_map(move |items| {
            let mut out = vec![keyword.to_string(), "(".to_string()];
            for (i, it) in items.into_iter().enumerate() {
                if i > 0 {
                    out.push(",".to_string());
                }
                out.extend(it);
            }
            out.push(")".to_string());
            out
        })
    }

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    /// The tokens of one statement (keywords in upper case; the case is applied later).
    fn statement() -> impl Strategy<Value = Vec<String>> {
        let one = || list(address(), 1, 1);
        let many = || list(address(), 1, 6);
        prop_oneof![
            (many(), prop::option::of(properties("PROPERTIES")))
                .prop_map(|(a, p)| [words("ALTER SYSTEM ADD BACKEND"), a, p.unwrap_or_default()].concat()),
            many().prop_map(|a| [words("ALTER SYSTEM DROP BACKEND"), a].concat()),
            many().prop_map(|a| [words("ALTER SYSTEM DROPP BACKEND"), a].concat()),
            many().prop_map(|a| [words("ALTER SYSTEM DECOMMISSION BACKEND"), a].concat()),
            many().prop_map(|a| [words("CANCEL DECOMMISSION BACKEND"), a].concat()),
            (many(), properties("SET")).prop_map(|(a, p)| [words("ALTER SYSTEM MODIFY BACKEND"), a, p].concat()),
            (one(), one()).prop_map(|(a, b)| [words("ALTER SYSTEM MODIFY BACKEND"), a, words("HOSTNAME"), b].concat()),
            (one(), one()).prop_map(|(a, b)| [words("ALTER SYSTEM MODIFY FRONTEND"), a, words("HOSTNAME"), b].concat()),
            (prop_oneof![Just("ADD"), Just("DROP")], prop_oneof![Just("FOLLOWER"), Just("OBSERVER")], one())
                .prop_map(|(op, what, a)| [words(&format!("ALTER SYSTEM {op} {what}")), a].concat()),
            (prop_oneof![Just("ADD"), Just("DROP")], name(), many())
                .prop_map(|(op, n, a)| [words(&format!("ALTER SYSTEM {op} BROKER")), vec![n], a].concat()),
            name().prop_map(|n| [words("ALTER SYSTEM DROP ALL BROKER"), vec![n]].concat()),
            prop::option::of(properties("PROPERTIES"))
                .prop_map(|p| [words("ALTER SYSTEM SET LOAD ERRORS HUB"), p.unwrap_or_default()].concat()),
            (name(), name())
                .prop_filter("RENAME COMPUTE GROUP takes identifiers", |(a, b)| !a.starts_with('\'') && !b.starts_with('\'') && !a.starts_with('"') && !b.starts_with('"'))
                .prop_map(|(a, b)| [words("ALTER SYSTEM RENAME COMPUTE GROUP"), vec![a, b]].concat()),
        ]
    }

    /// What goes between two tokens. `C` marks where a numbered comment goes.
    fn trivia() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            8 => Just(" "),
            2 => Just("  \t"),
            2 => Just("\n"),
            1 => Just("\n\n   "),
            1 => Just(""),
            1 => Just(" /*C*/ "),
            1 => Just("/*C*/"),
            1 => Just(" --C\n"),
            1 => Just("\n--C\n  "),
            1 => Just(" /* C /* nested */ */\n"),
            1 => Just("\n/* C\n multi-line */ "),
        ]
    }

    fn is_punct(t: &str) -> bool {
        matches!(t, "," | "(" | ")" | "=" | "==" | ";")
    }

    fn is_keyword(t: &str) -> bool {
        t.chars().all(|c| c.is_ascii_uppercase()) && !t.is_empty()
    }

    /// A script: statements (sometimes one outside the family), each with trivia between all
    /// tokens, an optional `;` and comments around.
    fn script() -> impl Strategy<Value = String> {
        let stmt = (
            prop_oneof![9 => statement(), 1 => Just(words("SELECT 1 FROM t"))],
            prop::collection::vec(trivia(), 64),
            any::<u8>(),
            any::<bool>(),
        );
        (prop::collection::vec(stmt, 1..=4), prop::collection::vec(trivia(), 8)).prop_map(|(stmts, between)| {
            let mut out = String::new();
            let mut n = 0;
            let comment = |t: &str, n: &mut usize| {
                *n += 1;
                t.replace('C', &format!("c{n}"))
            };
            for (i, (tokens, trivias, case_mode, semicolon)) in stmts.iter().enumerate() {
                out.push_str(&comment(between[i % between.len()], &mut n));
                let last = i + 1 == stmts.len();
                let mut tokens = tokens.clone();
                if *semicolon || !last {
                    tokens.push(";".to_string());
                }
                for (j, t) in tokens.iter().enumerate() {
                    if j > 0 {
                        let mut tv = trivias[j % trivias.len()];
                        if tv.is_empty() && !is_punct(t) && !is_punct(&tokens[j - 1]) {
                            tv = " ";
                        }
                        out.push_str(&comment(tv, &mut n));
                    }
                    if is_keyword(t) {
                        out.push_str(&case(t, *case_mode));
                    } else {
                        out.push_str(t);
                    }
                }
            }
            out.push_str(&comment(between[7], &mut n));
            out
        })
    }

    fn options() -> impl Strategy<Value = FormatOptions> {
        (
            prop_oneof![Just(KeywordCase::Upper), Just(KeywordCase::Lower), Just(KeywordCase::Preserve)],
            prop_oneof![Just(QuoteStyle::Double), Just(QuoteStyle::Single), Just(QuoteStyle::Preserve)],
            prop_oneof![Just(Indent::Spaces(4)), Just(Indent::Spaces(2)), Just(Indent::Tab)],
            prop_oneof![Just(80usize), Just(30), Just(120)],
            prop_oneof![Just(CommaStyle::Trailing), Just(CommaStyle::Leading)],
            prop_oneof![Just(PropertiesLayout::Auto), Just(PropertiesLayout::Expanded)],
            prop_oneof![Just(SemicolonStyle::Always), Just(SemicolonStyle::Preserve)],
        )
            .prop_map(|(keyword_case, quote_style, indent, line_width, comma_style, properties_layout, semicolon)| {
                FormatOptions { keyword_case, quote_style, indent, line_width, comma_style, properties_layout, semicolon }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(CASES), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn generated_scripts_keep_the_invariants_with_default_options(src in script()) {
            check_format(&src, &FormatOptions::default());
        }

        #[test]
        fn generated_scripts_keep_the_invariants_with_any_options(src in script(), options in options()) {
            check_format(&src, &options);
        }

        #[test]
        fn generated_scripts_are_mostly_formatted_not_copied(src in script()) {
            // The generator really produces clean statements of the family (not only statements
            // the formatter copies): every generated family statement parses.
            let script = parse(&src);
            for seg in &script.segments {
                if let Node::Error(e) = &seg.node {
                    prop_assert!(!seg.lexical.is_empty(), "generated statement does not parse: {:?}\n{}", e, src);
                }
            }
        }
    }

    #[test]
    fn report_case_count() {
        let generated = cases(CASES);
        let arbitrary = cases(super::arbitrary::CASES);
        eprintln!(
            "proptest: {generated} cases for each of 3 generated-script properties and {arbitrary} arbitrary-text cases ({} in all)",
            3 * generated + arbitrary
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary text: never a panic, and the invariants hold on whatever the input is.

mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    pub const CASES: u32 = 256;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "alter", "ALTER", "system", " ", "  ", "\n", "\r\n", "\t", "add", "backend", "drop", "dropp", "broker", "all",
            "modify", "set", "hostname", "frontend", "follower", "observer", "properties", "cancel", "decommission",
            "load", "errors", "hub", "rename", "compute", "group", "'h:9050'", "\"h:9050\"", "'", "\"", "`b`", "`",
            ",", "(", ")", "=", "==", ":", ";", "；", "，", "“x”", "R'x'", "--c\n", "-- c", "/*c*/", "/*", "*/", "#h\n",
            "\u{00A0}", "\u{3000}", "中", "😀", "\\", "10.0.0.1:9050", "tag.location", "'k'", "1", "select",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(CASES), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_text_keeps_the_invariants(
            prefix in prop::sample::select(vec!["", "alter system ", "ALTER SYSTEM ADD BACKEND ", "alter system add backend 'a:1' properties (", "cancel decommission backend "]),
            pieces in prop::collection::vec(piece(), 0..40),
        ) {
            let src: String = format!("{prefix}{}", pieces.concat());
            check_format(&src, &FormatOptions::default());
        }
    }
}
