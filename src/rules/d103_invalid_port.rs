use crate::address::AddressError;
use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct InvalidPort;

static META: RuleMeta = RuleMeta {
    code: "D103",
    name: "invalid-port",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "A port that is not a decimal number, or outside 1..65535.",
    explanation: r#"
**What it does.** Checks the port of every address the way Doris parses it: as a Java `int`,
then within 1..65535.

**Why.** A port that is not a number (`host:abc`; spaces are removed first, so `host: 9050` is fine)
fails with a raw `java.lang.NumberFormatException: For input string: "abc"`; a number outside
1..65535 fails with `Port is out of range: N`. `+9050` and `09050` are read as 9050 and are not
reported. A port that is a placeholder word (`host:port`) is reported by D107 instead.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:90500";
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```
"#,
};

impl Rule for InvalidPort {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            let Verdict::BadPort(err) = &lit.verdict else { continue };
            let op = lit.operand;
            let text = cx.text(op.span);
            let m = err.doris_message();
            let (en, zh, port_text) = match err {
                AddressError::PortNotInt { port } if port.bytes().all(|b| b.is_ascii_digit() || b == b'+' || b == b'-') && !port.is_empty() && port.bytes().any(|b| b.is_ascii_digit()) => (
                    format!("the port `{port}` of `{text}` is too large for a Java int: Doris rejects it with `{m}`"),
                    format!("`{text}` 的端口 `{port}` 超出 Java int 范围：Doris 会报错拒绝：`{m}`"),
                    port.clone(),
                ),
                AddressError::PortNotInt { port } => (
                    format!("the port `{port}` of `{text}` is not a number: Doris rejects it with `{m}`"),
                    format!("`{text}` 的端口 `{port}` 不是数字：Doris 会报错拒绝：`{m}`"),
                    port.clone(),
                ),
                AddressError::PortOutOfRange { port } => (
                    format!("the port {port} of `{text}` is outside 1..65535: Doris rejects it with `{m}`"),
                    format!("`{text}` 的端口 {port} 不在 1..65535 范围内：Doris 会报错拒绝：`{m}`"),
                    port.to_string(),
                ),
                _ => continue,
            };
            let value = lit.value();
            let span = match value.rfind(':') {
                Some(i) if value[i + 1..].trim() == port_text => {
                    let start = i + 1 + (value[i + 1..].len() - value[i + 1..].trim_start().len());
                    address_checks::sub_span(cx.source, op, start, start + port_text.len())
                }
                _ => op.span,
            };
            let port_name = lit.role.port_name();
            let d = cx.diagnostic(span, t!(cx, en, zh)).with_help(t!(cx, 
                format!("write the node's {port_name} as a number, e.g. {}", address_checks::example(lit.role, cx.options)),
                format!("请把节点的 {port_name} 写成数字，例如 {}", address_checks::example(lit.role, cx.options)),
            ));
            cx.push(d);
        }
    }
}
