use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct EmptyHost;

static META: RuleMeta = RuleMeta {
    code: "D104",
    name: "empty-host",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "An address with nothing before the `:` (`\":9050\"`).",
    explanation: r#"
**What it does.** Finds addresses whose host is empty, such as `":9050"` — typically a shell
variable that expanded to nothing (`"$BE_HOST:9050"`).

**Why.** Doris rejects the statement with `Host is null`.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND ":9050";
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```
"#,
};

impl Rule for EmptyHost {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            // A match, not `!=`: comparing with a `Verdict` ran the derived `PartialEq` on every literal.
            if !matches!(lit.verdict, Verdict::EmptyHost) {
                continue;
            }
            let op = lit.operand;
            let text = cx.text(op.span);
            let d = cx
                .diagnostic(
                    op.span,
                    t!(cx, 
                        format!("`{text}` has no host before the `:`: Doris rejects it with `Host is null`"),
                        format!("`{text}` 在 `:` 前没有主机：Doris 会报错拒绝：`Host is null`"),
                    ),
                )
                .with_help(t!(cx, 
                    format!("write the node's IP or host name before the port, e.g. {} (a shell variable that expanded to nothing leaves this behind)", address_checks::example(lit.role, cx.options)),
                    format!("请在端口前写上节点的 IP 或主机名，例如 {}（shell 变量展开为空时常会留下这种写法）", address_checks::example(lit.role, cx.options)),
                ));
            cx.push(d);
        }
    }
}
