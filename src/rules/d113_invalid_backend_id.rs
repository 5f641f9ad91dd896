use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct InvalidBackendId;

static META: RuleMeta = RuleMeta {
    code: "D113",
    name: "invalid-backend-id",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "A literal without `:` that is not a number where Doris reads a backend id.",
    explanation: r#"
**What it does.** In DROP / DROPP / DECOMMISSION / MODIFY BACKEND and CANCEL DECOMMISSION, finds
literals without `:` that are not a decimal integer.

**Why.** Doris reads a literal without `:` as a numeric backend id (`Long.parseLong`), so a host
name whose port was forgotten fails with a raw
`java.lang.NumberFormatException: For input string: "myhost"`.

**Example.**
```sql
ALTER SYSTEM DECOMMISSION BACKEND "be1";
ALTER SYSTEM DECOMMISSION BACKEND "be1:9050";
ALTER SYSTEM DECOMMISSION BACKEND "10002";
```
"#,
};

impl Rule for InvalidBackendId {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            // A match, not `!=`: comparing with a `Verdict` ran the derived `PartialEq` on every literal.
            if !matches!(lit.verdict, Verdict::NotAnId) {
                continue;
            }
            let op = lit.operand;
            let text = cx.text(op.span);
            let v = lit.value();
            let label = address_checks::statement_label(lit.statement.kind);
            let port = cx.options.ports.heartbeat;
            let trimmed = crate::address::strip_whitespace(v);
            let help = if crate::address::parse_backend_id(&trimmed).is_some() {
                t!(cx, 
                    format!("remove the whitespace: \"{trimmed}\" (Doris does not strip it from ids)"),
                    format!("删除空白字符：\"{trimmed}\"（Doris 不会去掉 id 中的空白）"),
                )
            } else {
                t!(cx, 
                    format!("write the backend's address with its heartbeat port (e.g. \"{trimmed}:{port}\") or its numeric id from SHOW BACKENDS (column BackendId)"),
                    format!("请写出 backend 的地址及心跳端口（例如 \"{trimmed}:{port}\"），或 SHOW BACKENDS 中的数字 id（BackendId 列）"),
                )
            };
            let d = cx
                .diagnostic(
                    op.span,
                    t!(cx, 
                        format!("`{text}` has no `:`, so {label} reads it as a numeric backend id, and Doris fails with `java.lang.NumberFormatException: For input string: \"{v}\"`"),
                        format!("`{text}` 不含 `:`，{label} 会把它当作数字 backend id，Doris 会报错：`java.lang.NumberFormatException: For input string: \"{v}\"`"),
                    ),
                )
                .with_help(help);

            cx.push(d);
        }
    }
}
