//! The WebAssembly face of the library (compiled only for `wasm32`): the functions of the npm
//! package `doris-lint`, in JavaScript naming style. A thin layer: it checks the arguments,
//! converts options from plain JS objects (the config file's camelCase names) and results into
//! the shapes of [`crate::js`] (UTF-16 offsets, 1-based line/column).
//!
//! The exported functions are described in plain comments, not doc comments: wasm-bindgen
//! copies doc comments into the JS glue, which counts towards the package's size bar.
//!
//! Nothing here may trap: bad arguments become JS `Error`s with a message that names the
//! argument or the option, and `console_error_panic_hook` makes any bug readable.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::js;
use crate::js_options::{self, OptValue};

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
    let at = || if path.is_empty() { "`options`".to_string() } else { format!("option `{path}`") };
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
        // Plain objects only: a Map, a Date or a class instance would read as an empty object.
        let proto = js_sys::Object::get_prototype_of(v);
        if !proto.is_null() && !js_sys::Object::get_prototype_of(&proto).is_null() {
            return Err(error(format_args!("{} must be a plain object (not a Map, Date or class instance)", at())));
        }
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

/// The options object as an [`OptValue`] (`undefined` or `null`: an empty object, the defaults),
/// read by `read` (one of the readers of [`js_options`]). An unknown option or a value of the
/// wrong type is an error that names the option.
fn options_arg<T>(options: &JsValue, read: fn(&OptValue) -> Result<T, js_options::OptionsError>) -> Result<T, JsError> {
    let value = if options.is_undefined() || options.is_null() {
        OptValue::Object(Vec::new())
    } else if !options.is_object() || options.is_function() || js_sys::Array::is_array(options) {
        return Err(error(format_args!("`options` must be an object, got {}", describe(options))));
    } else {
        to_opt(options, "", 0)?
    };
    read(&value).map_err(error)
}

/// A result as JSON text, which `pkg/api.js` turns into plain JS values with `JSON.parse`: one
/// string crosses the boundary instead of a call per object and property, and the package needs
/// no serializer into JS objects.
fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsError> {
    // Cannot fail for these shapes (no maps with non-string keys); the error is not formatted,
    // which keeps serde_json's error messages out of the package.
    serde_json::to_string(value).map_err(|_| error("internal error: a result could not be written as JSON"))
}

/// `lint(source, options?)` as JSON text, through the same argument checks as the exported
/// functions; not exported (`pkg/api.js` calls [`lint_packed`]): the wasm API tests read the
/// options and the shapes through it.
pub fn lint_js(source: JsValue, options: JsValue) -> Result<String, JsError> {
    let source = source_arg(&source)?;
    let options = options_arg(&options, js_options::lint_options)?;
    to_json(&js::diagnostics(&source, &crate::lint(&source, &options)))
}

thread_local! {
    /// The options of the last `lintPacked` call, for the next call that says they are the same.
    static LINT_OPTIONS: std::cell::Cell<Option<crate::options::LintOptions>> = const { std::cell::Cell::new(None) };
}

// `lintPacked(utf8, options, sameOptions)`, what `pkg/api.js`'s `lint()` calls: `source` as
// UTF-8 bytes (`TextEncoder` writes them far faster than passing a string through the glue,
// which copies it a character at a time), the diagnostics packed by
// [`js::diagnostics_packed`]. With `same_options` the options of the
// previous call are used again without reading `options`: `api.js` says so only when the
// options are deep-equal to the ones that call accepted (reading a typical options object
// through the boundary costs more than linting a short script).
#[wasm_bindgen(js_name = lintPacked, skip_typescript)]
pub fn lint_packed(source: Vec<u8>, options: JsValue, same_options: bool) -> Result<Vec<u8>, JsError> {
    let source = utf8_source(source)?;
    let options = match LINT_OPTIONS.take() {
        Some(cached) if same_options => cached,
        _ => options_arg(&options, js_options::lint_options)?,
    };
    let packed = js::diagnostics_packed(&source, &crate::lint(&source, &options));
    LINT_OPTIONS.set(Some(options));
    Ok(packed)
}

/// `format(source, options?)`: the formatted text, through the same argument checks as the
/// exported functions; not exported (`pkg/api.js` calls [`format_utf8`]): the wasm API tests
/// read the options through it.
pub fn format_js(source: JsValue, options: JsValue) -> Result<String, JsError> {
    format_utf8(source_arg(&source)?.into_bytes(), options)
}

/// UTF-8 bytes from `api.js` (`TextEncoder`) as the source text.
fn utf8_source(bytes: Vec<u8>) -> Result<String, JsError> {
    String::from_utf8(bytes).map_err(|_| error("`source` is not valid UTF-8"))
}

// `formatUtf8(utf8, options?)`, what `pkg/api.js`'s `format()` calls: [`format_js`] with the
// source as UTF-8 bytes (the glue passes a string a character at a time: on a 10 MB script that
// was a sixth of the call; `TextEncoder` writes the bytes far faster).
#[wasm_bindgen(js_name = formatUtf8, skip_typescript)]
pub fn format_utf8(source: Vec<u8>, options: JsValue) -> Result<String, JsError> {
    let source = utf8_source(source)?;
    let options = options_arg(&options, js_options::format_options)?;
    Ok(crate::format::format(&source, &options))
}

// `fixPacked(utf8, options?)`, what `pkg/api.js`'s `fix()` calls: applies the safe fixes (and
// the unsafe ones with `unsafeFixes`) round after round; the fixed text, what was applied and
// what remains, packed by [`js::fix_result_packed`]. The source comes as UTF-8 bytes, as for
// `lintPacked`.
#[wasm_bindgen(js_name = fixPacked, skip_typescript)]
pub fn fix_packed(source: Vec<u8>, options: JsValue) -> Result<Vec<u8>, JsError> {
    let source = utf8_source(source)?;
    let (options, unsafe_fixes) = options_arg(&options, js_options::fix_options)?;
    let result = crate::fix::fix(&source, &options, unsafe_fixes);
    js::fix_result_packed(&result).map_err(|_| error("internal error: a result could not be written as JSON"))
}

// `parse(source)`: the statements, for a "parsed statements" view.
#[wasm_bindgen(js_name = parse, skip_typescript)]
pub fn parse_js(source: JsValue) -> Result<String, JsError> {
    let source = source_arg(&source)?;
    to_json(&js::statements(&source, &crate::parse(&source)))
}

// `rules()`: every rule's metadata, in code order.
#[wasm_bindgen(js_name = rules, skip_typescript)]
pub fn rules_js() -> Result<String, JsError> {
    to_json(&js::rules())
}

// `version()`: the crate's version.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version_js() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// `parseBackends(text)`: what a user pasted from `SHOW BACKENDS` (table, `mysql -B`, `\G` or a
// plain list) as the `existingBackends` option: `"host:port"` strings and backend ids.
#[wasm_bindgen(js_name = parseBackends, skip_typescript)]
pub fn parse_backends_js(text: JsValue) -> Result<String, JsError> {
    let text = text
        .as_string()
        .ok_or_else(|| error(format_args!("`text` must be a string, got {}", describe(&text))))?;
    let backends = crate::show_backends::parse_backends(&text).map_err(error)?;
    to_json(&backends)
}

/// The package's allocator: talc instead of std's dlmalloc (smaller; see docs/notes-wasm.md).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
