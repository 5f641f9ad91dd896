//! The WebAssembly face of the library (compiled only for `wasm32`): the functions of the npm
//! package `doris-lint`, in JavaScript naming style. A thin layer: it checks the arguments,
//! converts options from plain JS objects (the config file's camelCase names) and results into
//! the shapes of [`crate::js`] (UTF-16 offsets, 1-based line/column).
//!
//! Nothing here may trap: bad arguments become JS `Error`s with a message that names the
//! argument or the option, and `console_error_panic_hook` makes any bug readable.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::js;
use crate::js_options::{self, OptValue};
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

/// A plain JS value as an [`OptValue`]: strings, numbers, booleans, null, arrays and plain
/// objects. Object properties whose value is `undefined` are left out, as JSON.stringify does.
fn to_opt(v: &JsValue, path: &str, depth: usize) -> Result<OptValue, JsError> {
    let at = || if path.is_empty() { "options".to_string() } else { format!("option `{path}`") };
    if depth > MAX_DEPTH {
        return Err(error(format_args!("{} is nested too deeply", at())));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(OptValue::Null);
    }
    if let Some(s) = v.as_string() {
        return Ok(OptValue::Str(s));
    }
    if let Some(b) = v.as_bool() {
        return Ok(OptValue::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
            OptValue::Int(n as i64)
        } else {
            // As JavaScript writes it: no float formatting in the wasm.
            OptValue::OtherNumber(js_sys::Number::from(n).to_string(10).map(String::from).unwrap_or_default())
        });
    }
    if js_sys::Array::is_array(v) {
        let array: &js_sys::Array = v.unchecked_ref();
        let mut out = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            out.push(to_opt(&item, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(OptValue::Array(out));
    }
    if v.is_object() && !v.is_function() {
        let mut out = Vec::new();
        for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            let value = entry.get(1);
            if value.is_undefined() {
                continue;
            }
            let sub = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            let value = to_opt(&value, &sub, depth + 1)?;
            out.push((key, value));
        }
        return Ok(OptValue::Object(out));
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
    let value = to_opt(options, "", 0)?;
    js_options::from_value(&value).map_err(error)
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
