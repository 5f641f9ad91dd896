//! Shared helpers of the property and tag rules (D2): how Doris reads a property key
//! (doris-language.md §4) and hand-written matchers for the tag regexes (no regex crate: the
//! wasm size budget).

use std::borrow::Cow;

use crate::syntax::{Operand, OperandKind, StatementKind};

/// The key text Doris sees: the decoded string for literals; a back-quoted key keeps its
/// back-quotes (§2, unverified) so it never starts with `tag.`.
pub fn doris_key<'a>(src: &'a str, key: &'a Operand) -> Cow<'a, str> {
    if key.kind == OperandKind::Backquoted {
        format!("`{}`", key.value(src)).into()
    } else {
        Cow::Borrowed(key.value(src))
    }
}

/// How Doris treats one property key of ADD / MODIFY BACKEND.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyClass<'a> {
    /// `tag.<type>`: read as a tag (the type may still be malformed, D203).
    Tag { ty: &'a str },
    /// Meant as a tag but silently skipped (D202): wrong case of `tag.`, two dots, back-quoted,
    /// or nothing after the dot. `fixed` is the key Doris would read, when there is one.
    IgnoredTag { fixed: Option<String> },
    /// `disable_query` / `disable_load` (MODIFY only).
    Flag,
    /// Anything else (D201).
    Other,
}

/// The type of a tag key Doris reads (`tag.location` → `location`): exactly when [`classify`]
/// says `KeyClass::Tag`, for the rules that ask only that (cheaper than the whole class).
pub fn tag_type<'a>(src: &'a str, key: &'a Operand) -> Option<&'a str> {
    let ty = key.value(src).strip_prefix("tag.")?;
    (key.kind != OperandKind::Backquoted && !ty.is_empty() && !ty.bytes().any(|b| b == b'.')).then_some(ty)
}

/// Classifies `key` for statement kind `kind`.
pub fn classify<'a>(src: &'a str, key: &'a Operand, kind: StatementKind) -> KeyClass<'a> {
    if let Some(ty) = tag_type(src, key) {
        return KeyClass::Tag { ty };
    }
    let v = key.value(src);
    // When the first four bytes match `tag.`, they are ASCII, and `v[4..]` starts a character.
    if has_tag_prefix(v.as_bytes()) {
        let rest = &v[4..];
        let dotted = rest.bytes().any(|b| b == b'.');
        let lower = rest.to_ascii_lowercase();
        let fixed = (!dotted && is_valid_tag_type(&lower)).then(|| format!("tag.{lower}"));
        return KeyClass::IgnoredTag { fixed };
    }
    if kind == StatementKind::ModifyBackend && key.kind != OperandKind::Backquoted && (v == "disable_query" || v == "disable_load") {
        return KeyClass::Flag;
    }
    KeyClass::Other
}

/// Whether `key` starts with `tag.` in any case, compared as one word (the rules ask this of
/// every key, several times): or-ing 0x20 into the first three bytes lowers `T`, `A` and `G`
/// and maps no other byte onto `t`, `a` or `g`; the dot is compared as it is.
fn has_tag_prefix(key: &[u8]) -> bool {
    let word = |p: &[u8; 4]| u32::from_le_bytes(*p);
    key.first_chunk::<4>().is_some_and(|p| word(p) | 0x0020_2020 == word(b"tag."))
}

/// Whether these rules read the property list of statements of `kind`: ADD BACKEND
/// `PROPERTIES` and MODIFY BACKEND `SET` (see [`crate::rules::Context::backend_properties`]).
pub fn reads_backend_properties(kind: StatementKind) -> bool {
    matches!(kind, StatementKind::AddBackend | StatementKind::ModifyBackend)
}

/// `^[a-z][a-z0-9_]{0,32}$`
pub fn is_valid_tag_type(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 33
        && b[0].is_ascii_lowercase()
        && b[1..].iter().all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
}

/// What breaks a tag value (`^[a-zA-Z][a-zA-Z0-9_]{0,32}$` after removing ASCII spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    Empty,
    /// The first character is not a letter.
    BadStart(char),
    /// A character other than a letter, digit or `_`.
    BadChar(char),
    /// Longer than 33 characters (the count is given).
    TooLong(usize),
}

/// Removes ASCII spaces like Doris (`replaceAll(" ", "")`).
pub fn strip_spaces(s: &str) -> Cow<'_, str> {
    if s.contains(' ') {
        s.replace(' ', "").into()
    } else {
        s.into()
    }
}

/// `None` when the value (spaces already removed) is valid.
pub fn tag_value_problem(s: &str) -> Option<ValueProblem> {
    let first = match s.chars().next() {
        None => return Some(ValueProblem::Empty),
        Some(c) => c,
    };
    if !first.is_ascii_alphabetic() {
        return Some(ValueProblem::BadStart(first));
    }
    let bad = s.bytes().position(|b| !(b.is_ascii_alphanumeric() || b == b'_'));
    // Every byte before it is ASCII, so it starts a character.
    if let Some(c) = bad.and_then(|i| s[i..].chars().next()) {
        return Some(ValueProblem::BadChar(c));
    }
    // Only ASCII from here on: one byte per character.
    (s.len() > 33).then_some(ValueProblem::TooLong(s.len()))
}

/// Tag types whose value is a `host:port`, not checked against the value regex.
pub fn is_endpoint_type(ty: &str) -> bool {
    ty == "public_endpoint" || ty == "private_endpoint"
}

/// Re-quotes `text` in the quote style of `like` (double quotes unless `like` is single-quoted).
pub fn quote_like(like: &Operand, text: &str) -> String {
    if like.kind == OperandKind::SingleQuoted {
        cat!("'", text, "'")
    } else {
        cat!("\"", text, "\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_prefix_in_any_case() {
        for at in 0..4 {
            for b in 0..=255u8 {
                let mut key = *b"tag.x";
                key[at] = b;
                assert_eq!(has_tag_prefix(&key), key[..4].eq_ignore_ascii_case(b"tag."), "{key:?}");
            }
        }
        assert!(!has_tag_prefix(b"tag"));
    }

    #[test]
    fn tag_type_matcher() {
        assert!(is_valid_tag_type("location"));
        assert!(is_valid_tag_type("a"));
        assert!(is_valid_tag_type("compute_group_name"));
        assert!(is_valid_tag_type(&"a".repeat(33)));
        assert!(!is_valid_tag_type(&"a".repeat(34)));
        assert!(!is_valid_tag_type(""));
        assert!(!is_valid_tag_type("Location"));
        assert!(!is_valid_tag_type("1a"));
        assert!(!is_valid_tag_type("_a"));
        assert!(!is_valid_tag_type("a-b"));
        assert!(!is_valid_tag_type("位置"));
    }

    #[test]
    fn tag_value_matcher() {
        assert_eq!(tag_value_problem("group_a"), None);
        assert_eq!(tag_value_problem("Zone1"), None);
        assert_eq!(tag_value_problem(&"a".repeat(33)), None);
        assert_eq!(tag_value_problem(&"a".repeat(34)), Some(ValueProblem::TooLong(34)));
        assert_eq!(tag_value_problem(""), Some(ValueProblem::Empty));
        assert_eq!(tag_value_problem("1a"), Some(ValueProblem::BadStart('1')));
        assert_eq!(tag_value_problem("_a"), Some(ValueProblem::BadStart('_')));
        assert_eq!(tag_value_problem("group-a"), Some(ValueProblem::BadChar('-')));
        assert_eq!(tag_value_problem("组a"), Some(ValueProblem::BadStart('组')));
        assert_eq!(strip_spaces(" group a "), "groupa");
    }
}
