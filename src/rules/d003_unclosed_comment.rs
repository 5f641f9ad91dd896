use crate::diagnostic::Severity;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::LexicalIssue;

pub struct UnclosedComment;

static META: RuleMeta = RuleMeta {
    code: "D003",
    name: "unclosed-comment",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "A `/*` block comment without its `*/`.",
    explanation: r#"
**What it does.** Finds a block comment that is never closed. Block comments **nest** in Doris:
`/* a /* b */ c */` is one comment, so every `/*` inside a comment needs its own `*/`.

**Why.** Doris rejects the statement; everything after the `/*` is comment to the lexer.

**Example.**
```sql
/* disabled: /* old */
ALTER SYSTEM ADD BACKEND "be1:9050";
```

**Fix.** None: only you know where the comment should end.
"#,
};

impl Rule for UnclosedComment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in &cx.script.segments {
            // Checked in every segment: an unclosed comment swallows the rest of the script.
            for issue in &seg.lexical {
                let LexicalIssue::UnclosedComment { span } = *issue else { continue };
                let open = Span::new(span.start, span.start + 2);
                let nested = cx.text(span)[2..].matches("/*").count();
                let (en, zh) = if nested > 0 {
                    (
                        format!("this `/*` comment is never closed: block comments nest in Doris, and {nested} more `/*` inside it also need their `*/`"),
                        format!("`/*` 注释没有结束：Doris 的块注释可以嵌套，其中另外 {nested} 个 `/*` 也各需要一个 `*/`"),
                    )
                } else {
                    ("this `/*` comment is never closed".to_string(), "`/*` 注释没有结束".to_string())
                };
                let d = cx.diagnostic(open, t!(cx, en, zh)).with_help(t!(cx, 
                    "add `*/` where the comment should end; Doris reads everything after `/*` as comment",
                    "在注释应结束处加上 `*/`；Doris 会把 `/*` 之后的所有内容当作注释",
                ));
                cx.push(d);
            }
        }
    }
}
