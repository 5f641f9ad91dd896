//! The formatter's options. The same camelCase names are used by the `[format]` table of
//! `doris-lint.toml`, the CLI flags and the JavaScript API.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeywordCase {
    #[default]
    Upper,
    Lower,
    /// Keep the case the user wrote.
    Preserve,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStyle {
    /// `"..."` unless that would need an escape.
    #[default]
    Double,
    /// `'...'` unless that would need an escape.
    Single,
    Preserve,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommaStyle {
    /// `"a",` at the end of the line.
    #[default]
    Trailing,
    /// `, "b"` at the start of the next line.
    Leading,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PropertiesLayout {
    /// One line when the statement fits, one property per line otherwise.
    #[default]
    Auto,
    /// Always one property per line (the statement is then laid out broken).
    Expanded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SemicolonStyle {
    /// Every formatted statement ends with `;` (added to the last one when missing).
    #[default]
    Always,
    /// Keep the `;` where it is and do not add one.
    Preserve,
}

/// One level of indentation: a number of spaces, or a tab. Written as a number (`4`) or the
/// string `"tab"` in the config file and in JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indent {
    Spaces(u8),
    Tab,
}

impl Default for Indent {
    fn default() -> Indent {
        Indent::Spaces(4)
    }
}

/// The largest number of spaces accepted for `indent`.
pub const MAX_INDENT: u64 = 16;

impl Indent {
    /// The text of one level.
    pub fn unit(self) -> String {
        match self {
            Indent::Spaces(n) => " ".repeat(n as usize),
            Indent::Tab => "\t".to_string(),
        }
    }

    /// The columns one level counts for in the line width (a tab counts as 4).
    pub fn width(self) -> usize {
        match self {
            Indent::Spaces(n) => n as usize,
            Indent::Tab => 4,
        }
    }
}

impl std::str::FromStr for Indent {
    type Err = String;

    /// `"tab"` or a number of spaces (`0` to `16`).
    fn from_str(s: &str) -> Result<Indent, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("tab") {
            return Ok(Indent::Tab);
        }
        match s.parse::<u64>() {
            Ok(n) if n <= MAX_INDENT => Ok(Indent::Spaces(n as u8)),
            _ => Err(format!("invalid indent `{s}`: expected a number of spaces (0 to {MAX_INDENT}) or \"tab\"")),
        }
    }
}

impl std::fmt::Display for Indent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Indent::Spaces(n) => write!(f, "{n}"),
            Indent::Tab => f.write_str("tab"),
        }
    }
}

impl Serialize for Indent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Indent::Spaces(n) => s.serialize_u8(*n),
            Indent::Tab => s.serialize_str("tab"),
        }
    }
}

impl<'de> Deserialize<'de> for Indent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Indent, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Indent;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "a number of spaces (0 to {MAX_INDENT}) or \"tab\"")
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Indent, E> {
                if n <= MAX_INDENT {
                    Ok(Indent::Spaces(n as u8))
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
                }
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Indent, E> {
                if n < 0 {
                    return Err(E::invalid_value(serde::de::Unexpected::Signed(n), &self));
                }
                self.visit_u64(n as u64)
            }

            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Indent, E> {
                // JavaScript numbers arrive as floats.
                if n.fract() == 0.0 && n >= 0.0 && n <= MAX_INDENT as f64 {
                    Ok(Indent::Spaces(n as u8))
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Float(n), &self))
                }
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Indent, E> {
                if s == "tab" {
                    Ok(Indent::Tab)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(s), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Everything the formatter can be told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct FormatOptions {
    pub keyword_case: KeywordCase,
    pub quote_style: QuoteStyle,
    pub indent: Indent,
    pub line_width: usize,
    pub comma_style: CommaStyle,
    pub properties_layout: PropertiesLayout,
    pub semicolon: SemicolonStyle,
}

impl Default for FormatOptions {
    fn default() -> FormatOptions {
        FormatOptions {
            keyword_case: KeywordCase::Upper,
            quote_style: QuoteStyle::Double,
            indent: Indent::default(),
            line_width: 80,
            comma_style: CommaStyle::Trailing,
            properties_layout: PropertiesLayout::Auto,
            semicolon: SemicolonStyle::Always,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_names_and_defaults() {
        let o: FormatOptions = serde_json::from_str(r#"{"indent": "tab", "lineWidth": 100, "keywordCase": "lower"}"#).unwrap();
        assert_eq!(o.indent, Indent::Tab);
        assert_eq!(o.line_width, 100);
        assert_eq!(o.keyword_case, KeywordCase::Lower);
        assert_eq!(o.quote_style, QuoteStyle::Double);
        let o: FormatOptions = serde_json::from_str(r#"{"indent": 2}"#).unwrap();
        assert_eq!(o.indent, Indent::Spaces(2));
        assert!(serde_json::from_str::<FormatOptions>(r#"{"indent": "tabs"}"#).is_err());
        assert!(serde_json::from_str::<FormatOptions>(r#"{"indent": 99}"#).is_err());
        assert!(serde_json::from_str::<FormatOptions>(r#"{"bogus": 1}"#).is_err());
        let back = serde_json::to_value(FormatOptions { indent: Indent::Tab, ..Default::default() }).unwrap();
        assert_eq!(back["indent"], "tab");
        assert_eq!(back["propertiesLayout"], "auto");
        let o: FormatOptions = serde_json::from_value(back).unwrap();
        assert_eq!(o.indent, Indent::Tab);
    }

    #[cfg(feature = "cli")]
    #[test]
    fn toml_format_table() {
        let o: FormatOptions = toml::from_str("indent = \"tab\"\nlineWidth = 100\ncommaStyle = \"leading\"").unwrap();
        assert_eq!((o.indent, o.line_width, o.comma_style), (Indent::Tab, 100, CommaStyle::Leading));
        let o: FormatOptions = toml::from_str("indent = 2").unwrap();
        assert_eq!(o.indent, Indent::Spaces(2));
        assert!(toml::from_str::<FormatOptions>("indent = \"two\"").is_err());
    }

    #[test]
    fn indent_from_str() {
        assert_eq!("tab".parse::<Indent>(), Ok(Indent::Tab));
        assert_eq!("2".parse::<Indent>(), Ok(Indent::Spaces(2)));
        assert!("-1".parse::<Indent>().is_err());
    }
}
