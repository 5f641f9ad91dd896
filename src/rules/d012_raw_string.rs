use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::literal::plain_content;
use crate::syntax::LexicalIssue;

pub struct RawString;

static META: RuleMeta = RuleMeta {
    code: "D012",
    name: "raw-string",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::Sometimes,
    summary: "A raw string `R'...'` / `R\"...\"`: accepted by older Doris lexers, rejected by the newest.",
    explanation: r#"
**What it does.** Finds raw string literals.

**Why.** Older Doris lexers accepted `R'...'` (no escapes); the newest one rejects it, so the
statement breaks on upgrade.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND R'10.0.0.1:9050';
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```

**Fix.** Safe when the content needs no escape in a plain literal: `"..."` (or `'...'` when the
content holds a `"`). Otherwise none.
"#,
};

impl Rule for RawString {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in cx.checked_segments() {
            for issue in &seg.lexical {
                let LexicalIssue::RawString { span, .. } = *issue else { continue };
                let text = cx.text(span);
                let mut d = cx
                    .diagnostic(
                        span,
                        t!(cx, 
                            format!("raw string {text} is rejected by current Doris versions (only older lexers accept `R'...'`)"),
                            format!("原始字符串 {text} 会被新版 Doris 拒绝（只有旧版词法分析器接受 `R'...'`）"),
                        ),
                    )
                    .with_help(t!(cx, "write a plain string literal", "请改用普通字符串字面量"));
                if text.len() >= 3 {
                    let content = &text[2..text.len() - 1];
                    let plain = plain_content(content, '"')
                        .map(|c| format!("\"{c}\""))
                        .or_else(|| plain_content(content, '\'').map(|c| format!("'{c}'")));
                    if let Some(plain) = plain {
                        d = d.with_fix(Fix::safe(
                            t!(cx, format!("Replace with {plain}"), format!("替换为 {plain}")),
                            vec![Edit::replace(span, plain)],
                        ));
                    }
                }
                cx.push(d);
            }
        }
    }
}
