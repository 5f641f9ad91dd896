use crate::diagnostic::Severity;
use crate::rules::{levenshtein, Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::Node;

pub struct SyntaxError;

static META: RuleMeta = RuleMeta {
    code: "D001",
    name: "syntax-error",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "A statement of the `ALTER SYSTEM` family that Doris's grammar rejects.",
    explanation: r#"
**What it does.** Parses every `ALTER SYSTEM ...` and `CANCEL DECOMMISSION BACKEND ...` statement
with Doris's grammar and points at the first token the grammar cannot accept, saying what it
expected there. It stays quiet when a more specific D0 rule (an unterminated string, a `#`
comment, full-width punctuation, a malformed property list, ...) already explains the failure.

**Why.** Doris answers such a statement with a bare `Syntax error` (or a Java exception), often
in a script that goes on running after it.

**Example.**
```sql
ALTER SYSTEM MODIFY FRONT "10.0.0.9:9010" HOSTNAME "fe-1";   -- FRONT is not a keyword
ALTER SYSTEM MODIFY FRONTEND "10.0.0.9:9010" HOSTNAME "fe-1"; -- ok
```

**Fix.** None: the message says what to write.
"#,
};

/// The keyword the user probably meant, when `found` is one letter or so away from one.
fn did_you_mean<'a>(found: &str, expected: &'a [String]) -> Option<&'a str> {
    let word = found.trim_matches('`').to_ascii_uppercase();
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    expected
        .iter()
        .filter_map(|e| e.strip_prefix('`').and_then(|e| e.strip_suffix('`')))
        .filter(|kw| kw.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|kw| (levenshtein(&word, kw), kw))
        .filter(|&(d, kw)| d <= 2 || (kw.starts_with(&word) && word.len() >= 3))
        .min_by_key(|&(d, _)| d)
        .map(|(_, kw)| kw)
}

fn join(items: &[String], or: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

impl Rule for SyntaxError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in cx.checked_segments() {
            let Node::Error(err) = &seg.node else { continue };
            if err.in_property_list || seg.lexical.iter().any(|i| i.is_fatal()) {
                continue;
            }
            let found_zh = if err.span.is_empty() { "语句结尾".to_string() } else { err.found.clone() };
            let message = if err.expected.is_empty() {
                t!(cx, 
                    format!("Doris cannot parse this statement: unexpected {}", err.found),
                    format!("Doris 无法解析此语句：意外的 {found_zh}"),
                )
            } else {
                t!(cx, 
                    format!("expected {}, found {}", join(&err.expected, "or"), err.found),
                    format!("此处应为 {}，实际为 {found_zh}", join(&err.expected, "或")),
                )
            };
            let mut d = cx.diagnostic(err.span, message);
            if let Some(kw) = did_you_mean(&err.found, &err.expected) {
                d = d.with_help(t!(cx, format!("did you mean `{kw}`?"), format!("是否应为 `{kw}`？")));
            } else {
                d = d.with_help(t!(cx, 
                    "Doris rejects the whole statement with a syntax error",
                    "Doris 会以语法错误拒绝整条语句",
                ));
            }
            cx.push(d);
        }
    }
}
