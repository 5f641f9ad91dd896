//! The wasm face, run in Node by wasm-bindgen-test (`make test-wasm`). Native builds compile
//! this file to nothing.
#![cfg(target_arch = "wasm32")]

use doris_lint::options::LintOptions;
use doris_lint::format::FormatOptions;
use doris_lint::wasm::{fix_packed, format_js, format_utf8, lint_js, lint_packed, parse_js, rules_js, version_js};
use doris_lint::{js, rules::RULES};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A JSON result of the wasm face (pkg/api.js hands it to `JSON.parse`).
fn value(text: String) -> Value {
    serde_json::from_str(&text).expect("JSON text")
}

/// `fixPacked`'s result read back the way pkg/api.js reads it, as one JSON value.
fn fixed(packed: Vec<u8>) -> Value {
    let (remaining, tail) = js::packed_to_json(&packed);
    let mut out: Value = serde_json::from_str(&tail).expect("JSON text after the diagnostics");
    out["remaining"] = remaining;
    out
}

fn js(v: &Value) -> JsValue {
    js_sys::JSON::parse(&v.to_string()).expect("valid JSON")
}

/// The message of the JS `Error` an API call threw.
fn thrown<T>(r: Result<T, wasm_bindgen::JsError>) -> String {
    let err: JsValue = r.err().expect("an Error").into();
    let err: js_sys::Error = err.dyn_into().expect("a JS Error object");
    err.message().into()
}

#[wasm_bindgen_test]
fn lint_gives_the_js_shape_with_utf16_positions() {
    // Chinese comment, emoji and CRLF before the flagged address.
    let src = "-- 扩容 😀\r\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\r\n";
    let out = value(lint_js(src.into(), JsValue::UNDEFINED).unwrap());
    let d = &out[0];
    assert_eq!(d["code"], "D007");
    assert_eq!(d["severity"], "error");
    let js_src: js_sys::JsString = src.into();
    let (from, to) = (d["from"].as_u64().unwrap() as u32, d["to"].as_u64().unwrap() as u32);
    assert_eq!(String::from(js_src.slice(from, to)), "10.0.0.1:9050");
    assert_eq!(d["start"], json!({ "line": 2, "column": 26 }));
    assert_eq!(d["end"], json!({ "line": 2, "column": 39 }));
    assert_eq!(d["fix"]["applicability"], "safe");
    assert_eq!(d["fix"]["edits"][0], json!({ "from": from, "to": from, "insert": "\"" }));
    // Exactly the shape the native side serializes.
    let native = js::diagnostics(src, &doris_lint::lint(src, &LintOptions::default()));
    assert_eq!(out, serde_json::to_value(native).unwrap());
}

#[wasm_bindgen_test]
fn lint_packed_gives_the_native_diagnostics_and_keeps_options_when_told() {
    let src = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\n-- 注释 😀\nALTER SYSTEM ADD BACKEND 'h:9060';";
    let packed = |options: JsValue, same: bool| lint_packed(src.as_bytes().to_vec(), options, same).map(|p| js::packed_to_json(&p).0);
    let native = |options: Value| {
        let options: LintOptions = serde_json::from_value(options).unwrap();
        serde_json::to_value(js::diagnostics(src, &doris_lint::lint(src, &options))).unwrap()
    };
    let zh = json!({ "locale": "zh-CN", "rules": { "D108": "error" } });
    assert_eq!(packed(JsValue::UNDEFINED, false).unwrap(), native(json!({})));
    assert_eq!(packed(js(&zh), false).unwrap(), native(zh.clone()));
    // Told the options are the same: the previous call's, whatever is passed.
    assert_eq!(packed(JsValue::UNDEFINED, true).unwrap(), native(zh.clone()));
    assert_eq!(packed(5.into(), true).unwrap(), native(zh));
    // Not told: read again, errors included; after an error nothing is kept.
    assert_eq!(packed(JsValue::NULL, false).unwrap(), native(json!({})));
    assert!(thrown(packed(js(&json!({ "locale": "fr" })), false)).contains("`locale`"));
    assert_eq!(packed(JsValue::UNDEFINED, true).unwrap(), native(json!({})));
    assert_eq!(thrown(lint_packed(vec![0xff, b'a'], JsValue::UNDEFINED, false)), "doris-lint: `source` is not valid UTF-8");
}

#[wasm_bindgen_test]
fn absent_keys_are_absent_not_null() {
    let out = value(lint_js("ALTER SYSTEM ADD BACKEND 'a:9050' PROPERTIES ();".into(), JsValue::NULL).unwrap());
    assert!(!out.as_array().unwrap().is_empty());
    for d in out.as_array().unwrap() {
        for (k, v) in d.as_object().unwrap() {
            assert!(!v.is_null(), "{k} is null in {d}");
        }
    }
}

#[wasm_bindgen_test]
fn options_are_plain_objects_with_the_config_names() {
    let src = "ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;";
    let all = json!({
        "mode": "decoupled", "dorisVersion": "3.0", "enableMultiTags": true,
        "ports": { "heartbeat": 9050, "editLog": 9010, "broker": 8000 },
        "existingBackends": ["10.0.0.1:9050", "10001"],
        "rules": { "D007": "warning" }, "locale": "zh-CN",
    });
    let out = value(lint_js(src.into(), js(&all)).unwrap());
    let d = out.as_array().unwrap().iter().find(|d| d["code"] == "D007").expect("D007");
    assert_eq!(d["severity"], "warning");
    let off = value(lint_js(src.into(), js(&json!({ "rules": { "unquoted-address": "off" } }))).unwrap());
    assert!(off.as_array().unwrap().iter().all(|d| d["code"] != "D007"));
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error_naming_the_option() {
    let src: JsValue = "ALTER SYSTEM ADD BACKEND 'a:9050';".into();
    let cases = [
        (json!({ "colour": "red" }), "`colour`"),
        (json!({ "ports": { "heartbeat": "9050" } }), "`ports.heartbeat`"),
        (json!({ "ports": { "heartbeet": 9050 } }), "`ports.heartbeet`"),
        (json!({ "ports": { "heartbeat": 70000 } }), "`ports.heartbeat`"),
        (json!({ "mode": "cloud" }), "`mode`"),
        (json!({ "rules": { "D001": "loud" } }), "`rules.D001`"),
        (json!({ "existingBackends": ["a:1", 7] }), "`existingBackends[1]`"),
        (json!({ "dorisVersion": 3.1 }), "`dorisVersion`"),
        (json!({ "locale": "fr" }), "`locale`"),
        // What the config file's [lint] table rejects beyond types.
        (json!({ "rules": { "D0O7": "off" } }), "`rules.D0O7`"),
        (json!({ "dorisVersion": "three" }), "`dorisVersion`"),
        (json!({ "ports": { "broker": 0 } }), "`ports.broker`"),
        (json!({ "ports": [9050, 9010, 8000] }), "`ports`"),
    ];
    for (options, name) in cases {
        let message = thrown(lint_js(src.clone(), js(&options)));
        assert!(message.starts_with("doris-lint: invalid option"), "{options}: {message}");
        assert!(message.contains(name), "{options}: {message}");
    }
    assert!(thrown(lint_js(src.clone(), 5.into())).contains("`options` must be an object, got number"));
    assert!(thrown(lint_js(src.clone(), js_sys::Array::new().into())).contains("got an array"));
    // A cycle is an error, not a stack overflow.
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"rules".into(), &cyclic).unwrap();
    assert!(thrown(lint_js(src, cyclic.into())).contains("nested too deeply"));
}

#[wasm_bindgen_test]
fn a_source_that_is_not_a_string_throws() {
    let cases: [(JsValue, &str); 5] = [
        (JsValue::NULL, "null"),
        (JsValue::UNDEFINED, "undefined"),
        (42.into(), "number"),
        (js_sys::Object::new().into(), "object"),
        (js_sys::Array::new().into(), "an array"),
    ];
    for (source, what) in cases {
        let message = thrown(lint_js(source.clone(), JsValue::UNDEFINED));
        assert_eq!(message, format!("doris-lint: `source` must be a string, got {what}"));
        assert_eq!(thrown(parse_js(source)), message);
    }
}

#[wasm_bindgen_test]
fn lone_surrogates_do_not_trap_and_keep_offsets() {
    // "\uD800 " then an unquoted address: U+D800 alone is one UTF-16 unit in JS.
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let src = js_sys::JsString::from("-- ").concat(&lone).concat(&"\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;".into());
    let out = value(lint_js(src.clone().into(), JsValue::UNDEFINED).unwrap());
    let d = out.as_array().unwrap().iter().find(|d| d["code"] == "D007").expect("D007");
    let (from, to) = (d["from"].as_u64().unwrap() as u32, d["to"].as_u64().unwrap() as u32);
    assert_eq!(String::from(src.slice(from, to)), "10.0.0.1:9050");
    let statements = value(parse_js(src.into()).unwrap());
    assert_eq!(statements[0]["kind"], "add_backend");
}

#[wasm_bindgen_test]
fn parse_lists_statements_with_utf16_spans() {
    let src = "SHOW BACKENDS;\n/* 新节点 🚀 */ ALTER SYSTEM ADD BACKEND \"h:9050\" PROPERTIES (\"tag.location\" = \"g1\");\nALTER SYSTEM ADD;";
    let out = value(parse_js(src.into()).unwrap());
    let kinds: Vec<&str> = out.as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["other", "add_backend", "syntax_error"]);
    let st = &out[1];
    let js_src: js_sys::JsString = src.into();
    let slice = |v: &Value| String::from(js_src.slice(v["from"].as_u64().unwrap() as u32, v["to"].as_u64().unwrap() as u32));
    assert_eq!(slice(st), st["text"].as_str().unwrap());
    assert_eq!(slice(&st["addresses"][0]), "\"h:9050\"");
    assert_eq!(st["addresses"][0]["value"], "h:9050");
    assert_eq!(st["properties"][0]["key"]["value"], "tag.location");
    assert_eq!(slice(&st["properties"][0]["value"]), "\"g1\"");
    assert_eq!(out[2]["error"]["found"], "end of statement");
}

#[wasm_bindgen_test]
fn rules_and_version() {
    let out = value(rules_js().unwrap());
    let rules = out.as_array().unwrap();
    assert_eq!(rules.len(), RULES.len());
    for (r, rule) in rules.iter().zip(RULES) {
        let m = rule.meta();
        assert_eq!(r["code"], m.code);
        assert_eq!(r["name"], m.name);
        assert_eq!(r["defaultSeverity"], m.default_severity.map_or("off", |s| s.as_str()));
        assert!(r["summary"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(r["explanation"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(["none", "safe", "unsafe", "sometimes"].contains(&r["fix"].as_str().unwrap()));
    }
    assert_eq!(version_js(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn format_gives_the_native_text_and_takes_the_config_names() {
    let src = "-- 扩容 😀\r\nalter system add backend '10.0.0.1:9050','10.0.0.2:9050' properties ('tag.location'='g1');\nSHOW BACKENDS;";
    let out = format_js(src.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(out, doris_lint::format::format(src, &FormatOptions::default()));
    assert!(out.contains("ALTER SYSTEM ADD BACKEND\n    \"10.0.0.1:9050\",\n    \"10.0.0.2:9050\"\nPROPERTIES"), "{out}");
    let options = json!({ "keywordCase": "lower", "quoteStyle": "single", "indent": "tab", "lineWidth": 20,
        "commaStyle": "leading", "propertiesLayout": "expanded", "semicolon": "preserve" });
    let native: FormatOptions = serde_json::from_value(options.clone()).unwrap();
    assert_eq!(format_js(src.into(), js(&options)).unwrap(), doris_lint::format::format(src, &native));
    assert_eq!(format_js(src.into(), js(&json!({ "indent": 2 }))).unwrap(),
        doris_lint::format::format(src, &serde_json::from_value(json!({ "indent": 2 })).unwrap()));
}

#[wasm_bindgen_test]
fn format_utf8_is_format_over_bytes() {
    let src = "-- 扩容 😀\r\nalter system add backend '10.0.0.1:9050','10.0.0.2:9050' properties ('tag.location'='g1');\nSHOW BACKENDS;";
    for options in [JsValue::UNDEFINED, js(&json!({ "keywordCase": "lower", "lineWidth": 20 }))] {
        assert_eq!(format_utf8(src.as_bytes().to_vec(), options.clone()).unwrap(), format_js(src.into(), options).unwrap());
    }
    assert_eq!(thrown(format_utf8(vec![0xff, b'a'], JsValue::UNDEFINED)), "doris-lint: `source` is not valid UTF-8");
    assert_eq!(thrown(format_utf8(Vec::new(), js(&json!({ "indent": -1 })))), thrown(format_js("".into(), js(&json!({ "indent": -1 })))));
}

#[wasm_bindgen_test]
fn format_rejects_bad_arguments_with_errors() {
    let src: JsValue = "ALTER SYSTEM ADD BACKEND 'a:1'".into();
    for (options, name) in [
        (json!({ "lineWidht": 80 }), "`lineWidht`"),
        (json!({ "indent": "tabs" }), "`indent`"),
        (json!({ "indent": 99 }), "`indent`"),
        (json!({ "indent": 2.5 }), "`indent`"),
        (json!({ "keywordCase": "title" }), "`keywordCase`"),
        (json!({ "lineWidth": "80" }), "`lineWidth`"),
    ] {
        let message = thrown(format_js(src.clone(), js(&options)));
        assert!(message.starts_with("doris-lint: invalid option") && message.contains(name), "{options}: {message}");
    }
    assert_eq!(thrown(format_js(JsValue::NULL, JsValue::UNDEFINED)), "doris-lint: `source` must be a string, got null");
}

#[wasm_bindgen_test]
fn fix_applies_safe_fixes_and_reports_in_the_js_shape() {
    let src = "-- 扩容 😀\r\nALTER SYSTEM ADD BACKEND 10.0.0.1:9050;\n# note\nALTER SYSTEM ADD BACKENDS \"a:9050\";";
    let out = fixed(fix_packed(src.as_bytes().to_vec(), JsValue::UNDEFINED).unwrap());
    let native = doris_lint::fix::fix(src, &LintOptions::default(), false);
    assert_eq!(out, serde_json::to_value(js::JsFixResult::new(&native)).unwrap());
    assert_eq!(out["output"], native.output.as_str());
    assert!(out["output"].as_str().unwrap().contains("ADD BACKEND \"10.0.0.1:9050\";\n-- note"), "{out}");
    let codes: Vec<&str> = out["applied"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"D007") && codes.contains(&"D004"), "{codes:?}");
    assert_eq!(out["converged"], true);
    // Unsafe fixes only when asked, with the lint options alongside.
    let remaining = |v: &Value| v["remaining"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(remaining(&out).contains(&"D008".to_string()));
    let unsafe_out = fixed(fix_packed(src.as_bytes().to_vec(), js(&json!({ "unsafeFixes": true, "locale": "zh-CN" }))).unwrap());
    let native = doris_lint::fix::fix(src, &serde_json::from_value(json!({ "locale": "zh-CN" })).unwrap(), true);
    assert_eq!(unsafe_out, serde_json::to_value(js::JsFixResult::new(&native)).unwrap());
    assert!(!remaining(&unsafe_out).contains(&"D008".to_string()));
    for (options, name) in [(json!({ "unsafeFixes": "yes" }), "`unsafeFixes`"), (json!({ "unsafe": true }), "`unsafe`"), (json!({ "ports": { "x": 1 } }), "`ports.x`")] {
        assert!(thrown(fix_packed(src.as_bytes().to_vec(), js(&options))).contains(name), "{options}");
    }
    assert_eq!(thrown(fix_packed(vec![b'a', 0xff], JsValue::UNDEFINED)), "doris-lint: `source` is not valid UTF-8");
}
