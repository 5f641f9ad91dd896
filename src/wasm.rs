//! The WebAssembly face of the library (compiled only for `wasm32`): the functions of the npm
//! package `doris-lint`, in JavaScript naming style. A thin layer: it checks the arguments,
//! converts options from plain JS objects (the config file's camelCase names) and results into
//! the shapes of [`crate::js`] (UTF-16 offsets, 1-based line/column).
//!
//! Nothing here may trap: bad arguments become JS `Error`s with a message that names the
//! argument or the option, and `console_error_panic_hook` makes any bug readable.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::js;
use crate::options::LintOptions;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A JS `Error` whose message starts with `doris-lint: `.
fn error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("doris-lint: {message}"))
}

/// What a JS value is, for messages (`null`, `undefined`, `number`, `an array`, ...).
fn describe(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "an array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_else(|| "an unknown value".into())
    }
}

/// The `source` argument. Lone surrogates arrive as U+FFFD (one UTF-16 unit each, so offsets
/// still match the caller's string).
fn source_arg(source: &JsValue) -> Result<String, JsError> {
    source
        .as_string()
        .ok_or_else(|| error(format_args!("`source` must be a string, got {}", describe(source))))
}

/// How deep options objects may nest (a cycle or an absurd nesting is an error, not a trap).
const MAX_DEPTH: usize = 16;

/// A plain JS value as JSON: strings, finite numbers, booleans, null, arrays and plain objects.
/// Object properties whose value is `undefined` are left out, as JSON.stringify does.
fn to_json(v: &JsValue, path: &str, depth: usize) -> Result<Value, JsError> {
    let at = || if path.is_empty() { "options".to_string() } else { format!("option `{path}`") };
    if depth > MAX_DEPTH {
        return Err(error(format_args!("{} is nested too deeply", at())));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        let number = if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
            Some(if n < 0.0 { Number::from(n as i64) } else { Number::from(n as u64) })
        } else {
            Number::from_f64(n)
        };
        return number
            .map(Value::Number)
            .ok_or_else(|| error(format_args!("{} must not be {n}", at())));
    }
    if js_sys::Array::is_array(v) {
        let array: &js_sys::Array = v.unchecked_ref();
        let mut out = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            out.push(to_json(&item, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    if v.is_object() && !v.is_function() {
        let mut out = Map::new();
        for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            let value = entry.get(1);
            if value.is_undefined() {
                continue;
            }
            let sub = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            out.insert(key, to_json(&value, &sub, depth + 1)?);
        }
        return Ok(Value::Object(out));
    }
    Err(error(format_args!("{} has an unsupported type ({})", at(), describe(v))))
}

/// Options from a plain JS object (`undefined` or `null`: the defaults). An unknown option or a
/// value of the wrong type is an error that names the option.
fn options_arg<T: DeserializeOwned + Default>(options: &JsValue) -> Result<T, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(T::default());
    }
    if !options.is_object() || options.is_function() || js_sys::Array::is_array(options) {
        return Err(error(format_args!("`options` must be an object, got {}", describe(options))));
    }
    let json = to_json(options, "", 0)?;
    serde_json::from_value::<T>(json.clone()).map_err(|e| {
        let parse = |v: Value| serde_json::from_value::<T>(v).err();
        let (path, e) = culprit(&json, &parse).unwrap_or((String::new(), e));
        if path.is_empty() {
            error(format_args!("invalid options: {e}"))
        } else {
            error(format_args!("invalid option `{path}`: {e}"))
        }
    })
}

/// The path of the smallest part of `options` that alone makes `parse` fail, and its error.
/// Every option has a default, so an object holding only the culprit fails just like the whole.
/// (Only on the error path; it keeps the wasm small compared with tracking paths while
/// deserializing.)
fn culprit(
    options: &Value,
    parse: &dyn Fn(Value) -> Option<serde_json::Error>,
) -> Option<(String, serde_json::Error)> {
    fn walk(
        value: &Value,
        path: &mut Vec<String>,
        wrap: &dyn Fn(Value) -> Value,
        parse: &dyn Fn(Value) -> Option<serde_json::Error>,
    ) -> Option<(String, serde_json::Error)> {
        let children: Vec<(String, Value, bool)> = match value {
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v.clone(), true)).collect(),
            Value::Array(items) => {
                items.iter().enumerate().map(|(i, v)| (i.to_string(), v.clone(), false)).collect()
            }
            _ => Vec::new(),
        };
        for (key, child, is_key) in children {
            let k = key.clone();
            let single = move |v: Value| {
                if is_key {
                    let mut m = Map::new();
                    m.insert(k.clone(), v);
                    Value::Object(m)
                } else {
                    Value::Array(vec![v])
                }
            };
            let wrapped = |v: Value| wrap(single(v));
            if let Some(err) = parse(wrapped(child.clone())) {
                path.push(if is_key { key } else { format!("[{key}]") });
                let deeper = walk(&child, path, &wrapped, parse);
                return Some(deeper.unwrap_or_else(|| {
                    let text = path.iter().fold(String::new(), |mut acc, p| {
                        if !acc.is_empty() && !p.starts_with('[') {
                            acc.push('.');
                        }
                        acc.push_str(p);
                        acc
                    });
                    (text, err)
                }));
            }
        }
        None
    }
    walk(options, &mut Vec::new(), &|v| v, parse)
}

/// Any result as a plain JS value (objects, not Maps; numbers, not BigInts).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format_args!("internal error converting a result: {e}")))
}

/// `lint(source, options?)`: every diagnostic, sorted by position.
#[wasm_bindgen(js_name = lint, skip_typescript)]
pub fn lint_js(source: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let source = source_arg(&source)?;
    let options: LintOptions = options_arg(&options)?;
    to_js(&js::diagnostics(&source, &crate::lint(&source, &options)))
}

/// `parse(source)`: the statements, for a "parsed statements" view.
#[wasm_bindgen(js_name = parse, skip_typescript)]
pub fn parse_js(source: JsValue) -> Result<JsValue, JsError> {
    let source = source_arg(&source)?;
    to_js(&js::statements(&source, &crate::parse(&source)))
}

/// `rules()`: every rule's metadata, in code order.
#[wasm_bindgen(js_name = rules, skip_typescript)]
pub fn rules_js() -> Result<JsValue, JsError> {
    to_js(&js::rules())
}

/// `version()`: the crate's version.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version_js() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `parseBackends(text)`: what a user pasted from `SHOW BACKENDS` (table, `mysql -B`, `\G` or a
/// plain list) as the `existingBackends` option: `"host:port"` strings and backend ids.
#[wasm_bindgen(js_name = parseBackends, skip_typescript)]
pub fn parse_backends_js(text: JsValue) -> Result<JsValue, JsError> {
    let text = text
        .as_string()
        .ok_or_else(|| error(format_args!("`text` must be a string, got {}", describe(&text))))?;
    let backends = crate::show_backends::parse_backends(&text).map_err(error)?;
    to_js(&backends)
}
