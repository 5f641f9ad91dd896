//! The hand-written TypeScript types of the npm package (`pkg/index.d.ts`) must match the Rust
//! side: option names, rule codes and names, the keys of every result shape (with `?` exactly on
//! the keys that may be absent) and every string enum. When this fails, update `pkg/index.d.ts`.

use std::collections::BTreeSet;

use doris_lint::diagnostic::{Applicability, Severity};
use doris_lint::format::options::{CommaStyle, KeywordCase, PropertiesLayout, QuoteStyle, SemicolonStyle};
use doris_lint::format::FormatOptions;
use doris_lint::js::{self, JsFixResult, JsDiagnostic, JsEdit, JsFix, JsOperand, JsProperty, JsRule, JsStatement, JsSyntaxError};
use doris_lint::line_index::LineCol;
use doris_lint::options::{LintOptions, Locale, Mode, Ports, RuleLevel};
use doris_lint::rules::{FixAvailability, RULES};
use doris_lint::syntax::{OperandKind, StatementKind};
use serde::Serialize;
use serde_json::Value;

fn dts() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg/index.d.ts");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The body of `export interface NAME { ... }`, comments removed.
fn interface_body(src: &str, name: &str) -> String {
    // `export interface NAME {` or `export interface NAME extends OTHER {`.
    let head = format!("export interface {name} ");
    let at = src
        .match_indices(&head)
        .map(|(i, _)| i + head.len())
        .find(|&i| src[i..].starts_with('{') || src[i..].starts_with("extends "))
        .unwrap_or_else(|| panic!("pkg/index.d.ts has no `export interface {name}`"));
    let start = at + src[at..].find('{').expect("`{` after the interface name") + 1;
    let mut depth = 1;
    let mut end = start;
    for (i, c) in src[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    end = start + i;
                    break;
                }
            }
            _ => {}
        }
    }
    strip_comments(&src[start..end])
}

fn strip_comments(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The top-level keys of an interface: `(name, optional)`.
fn interface_keys(src: &str, name: &str) -> BTreeSet<(String, bool)> {
    let body = interface_body(src, name);
    let mut keys = BTreeSet::new();
    let mut depth = 0;
    for line in body.lines() {
        let t = line.trim();
        if depth == 0 {
            if let Some((key, _)) = t.split_once(':') {
                let key = key.trim();
                if !key.is_empty() && !key.starts_with('[') && key.chars().all(|c| c.is_alphanumeric() || c == '?') {
                    let optional = key.ends_with('?');
                    keys.insert((key.trim_end_matches('?').to_string(), optional));
                }
            }
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
    }
    keys
}

/// The string literals of `export type NAME = "a" | "b";`.
fn union(src: &str, name: &str) -> Vec<String> {
    let head = format!("export type {name} =");
    let start = src.find(&head).unwrap_or_else(|| panic!("pkg/index.d.ts has no `{head}`")) + head.len();
    let end = start + src[start..].find(';').expect("`;` after the type");
    src[start..end]
        .split('|')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The keys serde writes for `value`, all marked as present.
fn serialized_keys<T: Serialize>(value: &T) -> BTreeSet<String> {
    match serde_json::to_value(value).unwrap() {
        Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

/// Interface keys must be exactly the keys serde writes for `full` (every optional part
/// present), and the optional ones exactly those missing from `minimal`.
fn assert_shape<T: Serialize>(src: &str, name: &str, full: &T, minimal: &T) {
    let declared = interface_keys(src, name);
    let all = serialized_keys(full);
    let always = serialized_keys(minimal);
    let expected: BTreeSet<(String, bool)> = all.iter().map(|k| (k.clone(), !always.contains(k))).collect();
    assert_eq!(
        declared, expected,
        "interface {name} in pkg/index.d.ts drifted from the Rust side: (key, optional) pairs differ"
    );
}

fn as_str<T: Serialize>(v: T) -> String {
    serde_json::to_value(v).unwrap().as_str().unwrap().to_string()
}

#[test]
fn option_names_match() {
    let src = dts();
    let declared: BTreeSet<String> = interface_keys(&src, "LintOptions").into_iter().map(|(k, _)| k).collect();
    assert_eq!(declared, serialized_keys(&LintOptions::default()), "LintOptions in pkg/index.d.ts drifted");
    assert!(interface_keys(&src, "LintOptions").iter().all(|(_, optional)| *optional), "every option is optional");
    let ports: BTreeSet<String> = interface_keys(&src, "Ports").into_iter().map(|(k, _)| k).collect();
    assert_eq!(ports, serialized_keys(&Ports::default()), "Ports in pkg/index.d.ts drifted");
    let format = interface_keys(&src, "FormatOptions");
    let names: BTreeSet<String> = format.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(names, serialized_keys(&FormatOptions::default()), "FormatOptions in pkg/index.d.ts drifted");
    assert!(format.iter().all(|(_, optional)| *optional), "every format option is optional");
}

#[test]
fn rule_codes_and_names_match() {
    let src = dts();
    let codes: Vec<&str> = RULES.iter().map(|r| r.meta().code).collect();
    let names: Vec<&str> = RULES.iter().map(|r| r.meta().name).collect();
    assert_eq!(union(&src, "RuleCode"), codes, "type RuleCode in pkg/index.d.ts drifted from RULES: list every code of `doris-lint rules` there");
    assert_eq!(union(&src, "RuleName"), names, "type RuleName in pkg/index.d.ts drifted from RULES: list every name of `doris-lint rules` there");
}

/// Every variant of an enum, each named once: the `match` stops compiling when a variant is
/// added, so the lists below cannot fall behind the Rust enums.
macro_rules! variants {
    ($ty:ident: $($v:ident),+ $(,)?) => {{
        let all = vec![$($ty::$v),+];
        all.iter().for_each(|x| match x {
            $($ty::$v)|+ => {}
        });
        all
    }};
}

#[test]
fn string_enums_match() {
    let src = dts();
    let check = |name: &str, values: Vec<String>| {
        assert_eq!(union(&src, name), values, "type {name} in pkg/index.d.ts drifted from the Rust enum");
    };
    check("Severity", variants!(Severity: Error, Warning, Info).into_iter().map(as_str).collect());
    check("Mode", variants!(Mode: Auto, Integrated, Decoupled).into_iter().map(as_str).collect());
    check("Locale", variants!(Locale: En, ZhCn).into_iter().map(as_str).collect());
    check("RuleLevel", variants!(RuleLevel: Off, Info, Warning, Error).into_iter().map(as_str).collect());
    check("Applicability", variants!(Applicability: Safe, Unsafe).into_iter().map(as_str).collect());
    check("FixAvailability", variants!(FixAvailability: None, Safe, Unsafe, Sometimes).into_iter().map(as_str).collect());
    let operand_kinds = variants!(OperandKind:
        SingleQuoted, DoubleQuoted, RawSingle, RawDouble, Typographic, Backquoted, Identifier,
        DottedIdentifier, Number, BareAddress,
    );
    check("OperandKind", operand_kinds.into_iter().map(js::operand_kind_name).collect());
    let statement_kinds = variants!(StatementKind:
        AddBackend, DropBackend, DroppBackend, DecommissionBackend, CancelDecommissionBackend,
        ModifyBackend, ModifyBackendHostname, ModifyFrontendHostname, AddFollower, DropFollower,
        AddObserver, DropObserver, AddBroker, DropBroker, DropAllBroker, RenameComputeGroup,
        SetLoadErrorsHub,
    );
    check("StatementKind", statement_kinds.into_iter().map(|k| k.as_str().to_string()).collect());
    check("KeywordCase", variants!(KeywordCase: Upper, Lower, Preserve).into_iter().map(as_str).collect());
    check("QuoteStyle", variants!(QuoteStyle: Double, Single, Preserve).into_iter().map(as_str).collect());
    check("CommaStyle", variants!(CommaStyle: Trailing, Leading).into_iter().map(as_str).collect());
    check("PropertiesLayout", variants!(PropertiesLayout: Auto, Expanded).into_iter().map(as_str).collect());
    check("SemicolonStyle", variants!(SemicolonStyle: Always, Preserve).into_iter().map(as_str).collect());
}

#[test]
fn result_shapes_match() {
    let src = dts();
    let at = LineCol { line: 1, column: 1 };
    let edit = JsEdit { from: 0, to: 1, insert: "x".into() };
    let fix = JsFix { message: "m".into(), applicability: Applicability::Safe, edits: vec![edit.clone()] };
    let full = JsDiagnostic {
        code: "D001",
        rule: "syntax-error",
        severity: Severity::Error,
        message: "m".into(),
        help: Some("h".into()),
        from: 0,
        to: 1,
        start: at,
        end: at,
        fix: Some(fix.clone()),
    };
    let minimal = JsDiagnostic { help: None, fix: None, ..full.clone() };
    assert_shape(&src, "Diagnostic", &full, &minimal);
    assert_shape(&src, "Fix", &fix, &fix);
    assert_shape(&src, "Edit", &edit, &edit);
    assert_shape(&src, "Position", &at, &at);

    let operand = JsOperand { value: "v".into(), text: "'v'".into(), quote: OperandKind::SingleQuoted, from: 0, to: 3 };
    let property = JsProperty { key: operand.clone(), value: operand.clone(), from: 0, to: 3 };
    let error = JsSyntaxError { found: "f".into(), expected: vec!["e".into()], from: 0, to: 0 };
    let statements = js::statements(
        "ALTER SYSTEM MODIFY FRONTEND 'a:1' HOSTNAME 'b'; ALTER SYSTEM ADD;",
        &doris_lint::parse("ALTER SYSTEM MODIFY FRONTEND 'a:1' HOSTNAME 'b'; ALTER SYSTEM ADD;"),
    );
    let mut full_statement: JsStatement = statements[0].clone();
    full_statement.error = Some(error.clone());
    assert!(full_statement.hostname.is_some());
    let minimal_statement = JsStatement { hostname: None, error: None, ..full_statement.clone() };
    assert_shape(&src, "ParsedStatement", &full_statement, &minimal_statement);
    assert_shape(&src, "ParsedOperand", &operand, &operand);
    assert_shape(&src, "ParsedProperty", &property, &property);
    assert_shape(&src, "ParsedSyntaxError", &error, &error);

    let rule: JsRule = js::rules().remove(0);
    assert_shape(&src, "RuleInfo", &rule, &rule);

    let result = doris_lint::fix::fix("ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;", &LintOptions::default(), false);
    assert!(!result.applied.is_empty());
    let js_result = JsFixResult::new(&result);
    assert_shape(&src, "FixResult", &js_result, &js_result);
    assert_shape(&src, "AppliedFix", &result.applied[0], &result.applied[0]);
    // FixOptions: the lint options plus `unsafeFixes`.
    assert!(src.contains("export interface FixOptions extends LintOptions {"));
    let own: BTreeSet<(String, bool)> = interface_keys(&src, "FixOptions");
    assert_eq!(own, [("unsafeFixes".to_string(), true)].into_iter().collect());
}

#[test]
fn the_parser_of_this_test_sees_optional_keys() {
    // Guards the test itself: a `?` key and a nested object are read as they should be.
    let src = "export interface X {\n  a: number;\n  /** doc: with a colon */\n  b?: { c: string };\n  d?: string;\n}\n";
    let keys = interface_keys(src, "X");
    let expected: BTreeSet<(String, bool)> =
        [("a".to_string(), false), ("b".to_string(), true), ("d".to_string(), true)].into_iter().collect();
    assert_eq!(keys, expected);
    assert_eq!(union("export type T =\n  | \"x\"\n  | \"y\";", "T"), ["x", "y"]);
}
