use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::lexer::QuoteKind;
use crate::syntax::LexicalIssue;

pub struct UnterminatedString;

static META: RuleMeta = RuleMeta {
    code: "D002",
    name: "unterminated-string",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Unsafe,
    summary: "A string literal whose closing quote is missing.",
    explanation: r#"
**What it does.** Finds a `'` or `"` that is never closed. Inside `ALTER SYSTEM` statements, where
no literal spans lines, doris-lint reads a literal to the end of its line only (and leaves a `;`
at the end of that line to the statement), so that the statements after it are still checked.

**Why.** Doris's lexer fails on it; in a script, the literal swallows everything up to the next
matching quote, which may be several statements later. This is common in text copied from docs
and chat messages.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "be1:9050;
```

**Fix (unsafe).** Closes the quote at the end of the statement's line (before a final `;`). A
stray quote with nothing after it (`DROP ALL BROKER b";`) is removed instead.
"#,
};

fn closing_quote(quote: QuoteKind) -> char {
    match quote {
        QuoteKind::Single | QuoteKind::RawSingle => '\'',
        _ => '"',
    }
}

impl Rule for UnterminatedString {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in cx.checked_segments() {
            for issue in &seg.lexical {
                let LexicalIssue::UnterminatedString { span, quote } = *issue else { continue };
                let q = closing_quote(quote);
                let text = cx.text(span);
                // Close before a final `;` that the literal swallowed, else at the line end.
                let trimmed = text.trim_end();
                let at = match trimmed.strip_suffix(';') {
                    Some(rest) if rest.len() > 1 => span.start + rest.trim_end().len(),
                    _ => span.start + trimmed.len(),
                };
                let content = text[1..].trim_end().trim_end_matches(';').trim();
                let opening = Span::new(span.start, span.start + text.chars().next().map_or(1, char::len_utf8));
                let d = cx
                    .diagnostic(
                        opening,
                        t!(cx, 
                            format!("this string is never closed: `{q}` is missing"),
                            format!("字符串没有结束：缺少 `{q}`"),
                        ),
                    )
                    .with_help(t!(cx, 
                        format!("Doris rejects the statement; add the closing `{q}`"),
                        format!("Doris 会拒绝此语句；请补上结尾的 `{q}`"),
                    ))
                    .with_fix(if content.is_empty() {
                        Fix::unsafe_(t!(cx, "Remove the stray quote", "删除多余的引号"), vec![Edit::delete(opening)])
                    } else {
                        Fix::unsafe_(
                            t!(cx, format!("Close the string with `{q}`"), format!("用 `{q}` 结束字符串")),
                            vec![Edit::insert(at, q.to_string())],
                        )
                    });
                cx.push(d);
            }
        }
    }
}
