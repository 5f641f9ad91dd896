//! Options from JavaScript: a plain-data tree ([`OptValue`], built from a JS object by the wasm
//! layer) and a serde `Deserializer` over it, so `LintOptions` (and any other options type) reads
//! it with its own rules (camelCase, `deny_unknown_fields`, defaults). Errors name the option by
//! its path (`ports.heartbeat`, `existingBackends[1]`).
//!
//! Why not serde_json or serde-wasm-bindgen: serde-wasm-bindgen reads only the fields a struct
//! knows, so unknown options would pass silently; serde_json's `Value` (with float formatting and
//! path finding on top) cost the package about 15 KB gzipped. Nothing here has a float: JS
//! numbers are integers or are reported as they were written in JS.

use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};

use crate::format::FormatOptions;
use crate::options::LintOptions;

/// A plain JS value.
#[derive(Debug, Clone, PartialEq)]
pub enum OptValue {
    /// `null` (and `undefined` in an array).
    Null,
    Bool(bool),
    /// A number with no fractional part, in the safe-integer range.
    Int(i64),
    /// Any other number, as JavaScript writes it (`"3.5"`, `"NaN"`); never a valid option.
    OtherNumber(String),
    Str(String),
    Array(Vec<OptValue>),
    /// Own enumerable properties in order; properties whose value is `undefined` are left out.
    Object(Vec<(String, OptValue)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// An invalid option: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    path: Vec<Segment>,
    message: String,
}

impl OptionsError {
    fn at(mut self, segment: Segment) -> OptionsError {
        self.path.insert(0, segment);
        self
    }

    /// `ports.heartbeat`, `existingBackends[1]`; empty for the options object itself.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for s in &self.path {
            match s {
                Segment::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        if path.is_empty() {
            write!(f, "invalid options: {}", self.message)
        } else {
            write!(f, "invalid option `{path}`: {}", self.message)
        }
    }
}

impl std::error::Error for OptionsError {}

/// Serde's wording for an unexpected value, without its float formatting.
fn unexpected(u: &Unexpected<'_>) -> String {
    match u {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Float(_) => "a number".into(),
        Unexpected::Char(c) => format!("character `{c}`"),
        Unexpected::Str(s) => format!("string {s:?}"),
        Unexpected::Unit => "null".into(),
        Unexpected::Seq => "an array".into(),
        Unexpected::Map => "an object".into(),
        Unexpected::Other(other) => (*other).to_string(),
        _ => "an unexpected value".into(),
    }
}

impl de::Error for OptionsError {
    fn custom<T: fmt::Display>(msg: T) -> OptionsError {
        OptionsError { path: Vec::new(), message: msg.to_string() }
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> OptionsError {
        de::Error::custom(format_args!("invalid type: {}, expected {}", unexpected(&unexp), exp))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> OptionsError {
        de::Error::custom(format_args!("invalid value: {}, expected {}", unexpected(&unexp), exp))
    }
}

impl OptValue {
    /// The error for a value of the wrong type, in serde's words.
    fn wrong_type<T>(&self, expected: &dyn de::Expected) -> Result<T, OptionsError> {
        match self {
            OptValue::OtherNumber(n) => {
                Err(de::Error::custom(format_args!("invalid type: number {n}, expected {expected}")))
            }
            other => Err(de::Error::invalid_type(other.unexpected(), expected)),
        }
    }

    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            OptValue::Null => Unexpected::Unit,
            OptValue::Bool(b) => Unexpected::Bool(*b),
            OptValue::Int(i) if *i >= 0 => Unexpected::Unsigned(*i as u64),
            OptValue::Int(i) => Unexpected::Signed(*i),
            OptValue::OtherNumber(_) => Unexpected::Other("a number with a fraction"),
            OptValue::Str(s) => Unexpected::Str(s),
            OptValue::Array(_) => Unexpected::Seq,
            OptValue::Object(_) => Unexpected::Map,
        }
    }
}

/// Reads `T` from `value` (the whole options object).
pub fn from_value<'a, T: serde::Deserialize<'a>>(value: &'a OptValue) -> Result<T, OptionsError> {
    T::deserialize(value)
}

/// The options of `lint()`, checked as the config file's `[lint]` table is: types by serde, then
/// what types cannot say (known rule codes and names, version syntax, non-zero ports).
pub fn lint_options(value: &OptValue) -> Result<LintOptions, OptionsError> {
    let o: LintOptions = from_value(value)?;
    o.validate().map_err(|e| OptionsError { path: vec![Segment::Key(e.key)], message: e.message })?;
    Ok(o)
}

/// The options of `fix()`: those of `lint()` and `unsafeFixes` (apply unsafe fixes too).
pub fn fix_options(value: &OptValue) -> Result<(LintOptions, bool), OptionsError> {
    let mut unsafe_fixes = false;
    if let OptValue::Object(entries) = value {
        if let Some(i) = entries.iter().position(|(k, _)| k == "unsafeFixes") {
            let mut rest = entries.clone();
            let (key, flag) = rest.remove(i);
            unsafe_fixes = bool::deserialize(&flag).map_err(|e| e.at(Segment::Key(key)))?;
            return Ok((lint_options(&OptValue::Object(rest))?, unsafe_fixes));
        }
    }
    Ok((lint_options(value)?, unsafe_fixes))
}

/// The options of `format()` (the config file's `[format]` table).
pub fn format_options(value: &OptValue) -> Result<FormatOptions, OptionsError> {
    from_value(value)
}

impl<'de, 'a> Deserializer<'de> for &'a OptValue {
    type Error = OptionsError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        match self {
            OptValue::Null => visitor.visit_unit(),
            OptValue::Bool(b) => visitor.visit_bool(*b),
            OptValue::Int(i) if *i >= 0 => visitor.visit_u64(*i as u64),
            OptValue::Int(i) => visitor.visit_i64(*i),
            OptValue::OtherNumber(_) => self.wrong_type(&visitor),
            OptValue::Str(s) => visitor.visit_str(s),
            OptValue::Array(items) => visitor.visit_seq(Seq { items: items.iter().enumerate() }),
            OptValue::Object(entries) => visitor.visit_map(Map { entries: entries.iter(), current: None }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        match self {
            OptValue::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, OptionsError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, OptionsError> {
        match self {
            OptValue::Str(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            other => other.wrong_type(&visitor),
        }
    }

    // What a type asks for is all it gets: a struct visitor never sees an array (serde's derived
    // visitors would take one as the fields in order) and its sequence code is never compiled.
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        match self {
            OptValue::Bool(b) => visitor.visit_bool(*b),
            other => other.wrong_type(&visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        match self {
            OptValue::Str(s) => visitor.visit_str(s),
            other => other.wrong_type(&visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        match self {
            OptValue::Array(items) => visitor.visit_seq(Seq { items: items.iter().enumerate() }),
            other => other.wrong_type(&visitor),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptionsError> {
        match self {
            OptValue::Object(entries) => visitor.visit_map(Map { entries: entries.iter(), current: None }),
            other => other.wrong_type(&visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, OptionsError> {
        self.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct tuple tuple_struct ignored_any
    }
}

struct Seq<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, OptValue>>,
}

impl<'de, 'a> SeqAccess<'de> for Seq<'a> {
    type Error = OptionsError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, OptionsError> {
        match self.items.next() {
            None => Ok(None),
            Some((i, item)) => seed.deserialize(item).map(Some).map_err(|e| e.at(Segment::Index(i))),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'a> {
    entries: std::slice::Iter<'a, (String, OptValue)>,
    current: Option<&'a (String, OptValue)>,
}

impl<'de, 'a> MapAccess<'de> for Map<'a> {
    type Error = OptionsError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, OptionsError> {
        let Some(entry) = self.entries.next() else { return Ok(None) };
        self.current = Some(entry);
        let key: de::value::StrDeserializer<'_, OptionsError> = entry.0.as_str().into_deserializer();
        seed.deserialize(key).map(Some).map_err(|e| e.at(Segment::Key(entry.0.clone())))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, OptionsError> {
        let Some((key, value)) = self.current.take() else {
            return Err(de::Error::custom("a value was read before its key"));
        };
        seed.deserialize(value).map_err(|e| e.at(Segment::Key(key.clone())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::options::{Indent, KeywordCase};
    use crate::options::{Locale, Mode, RuleLevel};

    /// Builds the tree the wasm layer builds from a JS object, from JSON.
    fn v(json: serde_json::Value) -> OptValue {
        use serde_json::Value;
        match json {
            Value::Null => OptValue::Null,
            Value::Bool(b) => OptValue::Bool(b),
            Value::Number(n) => n.as_i64().map_or_else(|| OptValue::OtherNumber(n.to_string()), OptValue::Int),
            Value::String(s) => OptValue::Str(s),
            Value::Array(a) => OptValue::Array(a.into_iter().map(v).collect()),
            Value::Object(o) => OptValue::Object(o.into_iter().map(|(k, x)| (k, v(x))).collect()),
        }
    }

    fn read_lint(json: serde_json::Value) -> Result<LintOptions, String> {
        lint_options(&v(json)).map_err(|e| e.to_string())
    }

    #[test]
    fn every_lint_option_reads_as_serde_json_reads_it() {
        let json = serde_json::json!({
            "mode": "decoupled", "dorisVersion": "3.0", "enableMultiTags": true,
            "ports": { "heartbeat": 9051, "editLog": 9011, "broker": 8001 },
            "existingBackends": ["10.0.0.1:9050", "10001"],
            "rules": { "D101": "off", "missing-port": "warning" }, "locale": "zh-CN",
        });
        let ours = read_lint(json.clone()).unwrap();
        let reference: LintOptions = serde_json::from_value(json).unwrap();
        assert_eq!(ours, reference);
        assert_eq!(ours.mode, Mode::Decoupled);
        assert_eq!(ours.locale, Locale::ZhCn);
        assert_eq!(ours.ports.edit_log, 9011);
        assert_eq!(ours.rules.get("missing-port"), Some(&RuleLevel::Warning));
        assert_eq!(read_lint(serde_json::json!({})).unwrap(), LintOptions::default());
        assert_eq!(read_lint(serde_json::json!({ "dorisVersion": null })).unwrap(), LintOptions::default());
    }

    #[test]
    fn errors_name_the_option() {
        let cases = [
            (serde_json::json!({ "colour": 1 }), "invalid option `colour`: unknown field `colour`, expected one of `mode`"),
            (serde_json::json!({ "ports": { "heartbeat": "9050" } }), "invalid option `ports.heartbeat`: invalid type: string \"9050\", expected u16"),
            (serde_json::json!({ "ports": { "heartbeat": 70000 } }), "invalid option `ports.heartbeat`: invalid value: integer `70000`, expected u16"),
            (serde_json::json!({ "ports": { "heartbeat": -1 } }), "invalid option `ports.heartbeat`: invalid value: integer `-1`, expected u16"),
            (serde_json::json!({ "ports": { "beat": 1 } }), "invalid option `ports.beat`: unknown field `beat`"),
            (serde_json::json!({ "ports": 9050 }), "invalid option `ports`: invalid type: integer `9050`, expected struct Ports"),
            (serde_json::json!({ "mode": "cloud" }), "invalid option `mode`: unknown variant `cloud`, expected one of `auto`, `integrated`, `decoupled`"),
            (serde_json::json!({ "mode": 1 }), "invalid option `mode`: invalid type: integer `1`"),
            (serde_json::json!({ "rules": { "D001": "loud" } }), "invalid option `rules.D001`: unknown variant `loud`"),
            (serde_json::json!({ "existingBackends": ["a:1", 7] }), "invalid option `existingBackends[1]`: invalid type: integer `7`, expected a string"),
            (serde_json::json!({ "existingBackends": "a:1" }), "invalid option `existingBackends`: invalid type: string \"a:1\", expected a sequence"),
            (serde_json::json!({ "dorisVersion": 3.1 }), "invalid option `dorisVersion`: invalid type: number 3.1, expected a string"),
            (serde_json::json!({ "enableMultiTags": "yes" }), "invalid option `enableMultiTags`: invalid type: string \"yes\", expected a boolean"),
            (serde_json::json!("x"), "invalid options: invalid type: string \"x\", expected struct LintOptions"),
            // A struct is an object, never its fields in order (serde's derive would take that).
            (serde_json::json!({ "ports": [9050, 9010, 8000] }), "invalid option `ports`: invalid type: an array, expected struct Ports"),
            // What the config file's [lint] table also rejects.
            (serde_json::json!({ "rules": { "D0O4": "off" } }), "invalid option `rules.D0O4`: no rule has the code or name `D0O4` (did you mean `D004`?)"),
            (serde_json::json!({ "dorisVersion": "three" }), "invalid option `dorisVersion`: `three` is not a version"),
            (serde_json::json!({ "ports": { "broker": 0 } }), "invalid option `ports.broker`: a port must be between 1 and 65535"),
        ];
        for (json, expected) in cases {
            let message = read_lint(json.clone()).expect_err(&json.to_string());
            assert!(message.starts_with(expected), "{json}: {message}");
        }
    }

    #[test]
    fn fix_options_are_the_lint_options_and_unsafe_fixes() {
        let read = |json: serde_json::Value| fix_options(&v(json)).map_err(|e| e.to_string());
        assert_eq!(read(serde_json::json!({})).unwrap(), (LintOptions::default(), false));
        let (lint, unsafe_fixes) = read(serde_json::json!({ "unsafeFixes": true, "locale": "zh-CN" })).unwrap();
        assert!(unsafe_fixes);
        assert_eq!(lint.locale, Locale::ZhCn);
        assert!(read(serde_json::json!({ "unsafeFixes": "yes" })).unwrap_err().starts_with("invalid option `unsafeFixes`: invalid type"));
        assert!(read(serde_json::json!({ "unsafeFixes": false, "colour": 1 })).unwrap_err().starts_with("invalid option `colour`: unknown field"));
        assert!(read(serde_json::json!({ "rules": { "D999": "off" } })).unwrap_err().starts_with("invalid option `rules.D999`"));
    }

    #[test]
    fn format_options_read_as_the_config_file_reads_them() {
        let json = serde_json::json!({
            "keywordCase": "lower", "quoteStyle": "single", "indent": "tab", "lineWidth": 100,
            "commaStyle": "leading", "propertiesLayout": "expanded", "semicolon": "preserve",
        });
        let ours = format_options(&v(json.clone())).unwrap();
        assert_eq!(ours, serde_json::from_value::<FormatOptions>(json).unwrap());
        assert_eq!((ours.keyword_case, ours.indent), (KeywordCase::Lower, Indent::Tab));
        assert_eq!(format_options(&v(serde_json::json!({ "indent": 2 }))).unwrap().indent, Indent::Spaces(2));
        for (json, expected) in [
            (serde_json::json!({ "lineWidht": 80 }), "invalid option `lineWidht`: unknown field `lineWidht`, expected one of `keywordCase`"),
            (serde_json::json!({ "indent": 1.5 }), "invalid option `indent`: invalid type: number 1.5"),
            (serde_json::json!({ "indent": "tabs" }), "invalid option `indent`: invalid value: string \"tabs\""),
            (serde_json::json!({ "lineWidth": "80" }), "invalid option `lineWidth`: invalid type: string \"80\""),
        ] {
            let message = format_options(&v(json.clone())).unwrap_err().to_string();
            assert!(message.starts_with(expected), "{json}: {message}");
        }
    }
}
