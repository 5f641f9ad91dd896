use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::LexicalIssue;

pub struct HashComment;

static META: RuleMeta = RuleMeta {
    code: "D004",
    name: "hash-comment",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Safe,
    summary: "`#` used as a comment: Doris does not know `#` comments.",
    explanation: r#"
**What it does.** Finds `#` where a comment was meant (a MySQL habit).

**Why.** In Doris `#` is not a comment but an unrecognized character: the statement fails with a
syntax error.

**Example.**
```sql
# add the new BE
ALTER SYSTEM ADD BACKEND "be1:9050";
```

**Fix (safe).** Replaces `#` with `--` (Doris needs no space after `--`).
"#,
};

impl Rule for HashComment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in cx.checked_segments() {
            for issue in &seg.lexical {
                let LexicalIssue::HashComment { span } = *issue else { continue };
                let hash = Span::new(span.start, span.start + 1);
                let d = cx
                    .diagnostic(
                        hash,
                        t!(cx, 
                            "`#` is not a comment in Doris: the statement fails with a syntax error",
                            "`#` 在 Doris 中不是注释：语句会因语法错误而失败",
                        ),
                    )
                    .with_help(t!(cx, "write `--` to start a comment", "请用 `--` 开始注释"))
                    .with_fix(Fix::safe(t!(cx, "Replace `#` with `--`", "将 `#` 替换为 `--`"), vec![Edit::replace(hash, "--")]));
                cx.push(d);
            }
        }
    }
}
