//! String literal values, decoded as Doris decodes them (doris-language.md §1).

/// Decodes the content of a quoted literal (without its quotes): `\n \t \r \b \0 \Z` are control
/// characters, `\_` and `\%` keep their backslash, any other `\x` is `x`, and a doubled quote
/// stands for one quote.
pub fn decode(content: &str, quote: char) -> String {
    if !content.contains(['\\', quote]) {
        return content.to_string();
    }
    let mut out = String::with_capacity(content.len());
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('0') => out.push('\0'),
                Some('Z') => out.push('\u{1A}'),
                Some(k @ ('_' | '%')) => {
                    out.push('\\');
                    out.push(k);
                }
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else if c == quote && chars.peek() == Some(&quote) {
            chars.next();
            out.push(quote);
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`decode`], but `None` when the value is `content` itself (no escape, no doubled quote).
pub fn decode_if_needed(content: &str, quote: char) -> Option<String> {
    // Quotes are ASCII: two byte searches (memchr), not a char-pattern search.
    let bytes = content.as_bytes();
    let q = u8::try_from(quote).unwrap_or(b'\\');
    (bytes.contains(&b'\\') || bytes.contains(&q)).then(|| decode(content, quote))
}

/// Encodes `value` as the content of a literal quoted with `quote`, if that needs no escape.
/// Used by fixes that write a new literal: `None` when the value cannot be written plainly.
pub fn plain_content(value: &str, quote: char) -> Option<&str> {
    if value.contains(quote) || value.contains('\\') || value.chars().any(|c| c.is_control()) {
        None
    } else {
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(decode(r"a\nb\tc\\d\'e", '\''), "a\nb\tc\\d'e");
        assert_eq!(decode(r"\_\%\Z\0\x", '"'), "\\_\\%\u{1A}\0x");
        assert_eq!(decode("it''s", '\''), "it's");
        assert_eq!(decode(r#"say ""hi"""#, '"'), "say \"hi\"");
        assert_eq!(decode("trailing\\", '"'), "trailing\\");
    }

    #[test]
    fn plain() {
        assert_eq!(plain_content("10.0.0.1:9050", '"'), Some("10.0.0.1:9050"));
        assert_eq!(plain_content("a\"b", '"'), None);
        assert_eq!(plain_content("a\"b", '\''), Some("a\"b"));
    }
}
