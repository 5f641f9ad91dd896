use crate::address::Placeholder;
use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Role, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct PlaceholderAddress;

static META: RuleMeta = RuleMeta {
    code: "D107",
    name: "placeholder-address",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "A documentation placeholder or an unexpanded template instead of a real address.",
    explanation: r#"
**What it does.** Finds address, id and host-name literals that were copied from documentation
or a template without filling them in: `<be_host>`, `"host:port"`,
`"be_ip:heartbeat_service_port"`, `${HOST}`, `$HOST`, `%s`, `{}`, `xxx`, `x.x.x.x`, `"ip"`,
`"id1"`, `"ids1"`, a port written as a word, a description such as `"fe2的ip:9010"`.

**Why.** Doris has no idea it is a placeholder: most of them fail with a confusing raw error
(`NumberFormatException: For input string: "port"`), a literal without `:` in ADD BACKEND silently
adds nothing, and a few are accepted as a host name that does not exist. A real host name with a
numeric port (`"host1:9050"`, `"be1:9050"`) is not reported.

This rule takes precedence: when it fires, D101–D106 and D113 stay quiet on the same literal.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "be_host:heartbeat_service_port";
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```
"#,
};

fn reason(p: Placeholder) -> (&'static str, &'static str) {
    match p {
        Placeholder::AngleBrackets => ("a `<...>` placeholder", "`<...>` 占位符"),
        Placeholder::ShellVariable => ("a shell/template variable that was never expanded", "未展开的 shell/模板变量"),
        Placeholder::Braces => ("a `{...}` template that was never filled in", "未填充的 `{...}` 模板"),
        Placeholder::PrintfFormat => ("a printf-style `%s` that was never filled in", "未填充的 printf 风格 `%s`"),
        Placeholder::Ellipsis => ("an example with `...`", "带 `...` 的示例"),
        Placeholder::Description => ("a description of the address, not the address", "对地址的描述而不是地址本身"),
        Placeholder::Word => ("a word that names what belongs here", "一个说明此处应填什么的词"),
        Placeholder::PortWord => ("the port is a word, not a number", "端口是一个词而不是数字"),
        Placeholder::RedactedHost => ("a redacted host like `x.x.x.x`", "打码的主机，如 `x.x.x.x`"),
    }
}

impl Rule for PlaceholderAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            let Verdict::Placeholder(p) = lit.verdict else { continue };
            let op = lit.operand;
            let text = cx.text(op.span);
            let (r_en, r_zh) = reason(p);
            let outcome = address_checks::doris_outcome(lit.value(), lit.role, lit.statement.kind, cx);
            let (h_en, h_zh) = match lit.role {
                Role::ExistingBackend => (
                    format!("replace it with the backend's real address, e.g. {}, or its numeric id from SHOW BACKENDS (column BackendId)", address_checks::example(lit.role, cx.options)),
                    format!("请替换为 backend 的真实地址，例如 {}，或 SHOW BACKENDS 中的数字 id（BackendId 列）", address_checks::example(lit.role, cx.options)),
                ),
                Role::NewHostname => (
                    "replace it with the node's real host name".to_string(),
                    "请替换为节点真实的主机名".to_string(),
                ),
                _ => (
                    format!("replace it with the node's real host and {}, e.g. {}", lit.role.port_name(), address_checks::example(lit.role, cx.options)),
                    format!("请替换为节点真实的主机和 {}，例如 {}", lit.role.port_name(), address_checks::example(lit.role, cx.options)),
                ),
            };
            let d = cx
                .diagnostic(
                    op.span,
                    t!(cx, 
                        format!("`{text}` is a placeholder ({r_en}), not a real address: {outcome}"),
                        format!("`{text}` 是占位符（{r_zh}），不是真实地址：{outcome}"),
                    ),
                )
                .with_help(t!(cx, h_en, h_zh));
            cx.push(d);
        }
    }
}
