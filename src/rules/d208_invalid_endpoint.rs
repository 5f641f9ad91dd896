use crate::address::{self, AddressError};
use crate::diagnostic::Severity;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind as K;

pub struct InvalidEndpoint;

static META: RuleMeta = RuleMeta {
    code: "D208",
    name: "invalid-endpoint",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "A `tag.public_endpoint` / `tag.private_endpoint` value that is not a valid host:port.",
    explanation: r#"
**What it does.** Checks the values of the endpoint tags of ADD BACKEND and MODIFY BACKEND
(Doris 3.1+) with the same checks as backend addresses: a placeholder, no `:port`, a port that
is not a number in 1..65535, an empty host, more than one `:`, a host that is not an IP address
or a valid DNS name.

**Why.** Doris stores the endpoint as given and hands it to clients (stream load is redirected
to it); a value that is not a reachable host:port makes those clients fail, far from the
statement that caused it.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.public_endpoint" = "11.10.20.12");
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.public_endpoint" = "11.10.20.12:8040");
```
"#,
};

/// Why `value` is not a usable endpoint (en, zh), or `None`.
fn problem(value: &str) -> Option<(String, String)> {
    if let Some(_p) = address::placeholder(value) {
        return Some(("it is a placeholder, not a real address".into(), "它是占位符，不是真实地址".into()));
    }
    if address::is_id_form(value) {
        return Some(("it has no `:port`".into(), "它没有 `:端口`".into()));
    }
    match address::validate(value) {
        Err(AddressError::PortNotInt { port }) => {
            Some((format!("the port `{port}` is not a number"), format!("端口 `{port}` 不是数字")))
        }
        Err(AddressError::PortOutOfRange { port }) => {
            Some((format!("the port {port} is outside 1..65535"), format!("端口 {port} 不在 1..65535 范围内")))
        }
        Err(AddressError::HostNull) => Some(("the host before `:` is empty".into(), "`:` 前的主机为空".into())),
        Err(_) => Some((
            "it does not split into one host and one port (IPv6 must be written `[addr]:port`)".into(),
            "它无法拆成一个主机和一个端口（IPv6 需写成 `[地址]:端口`）".into(),
        )),
        Ok(hp) => match address::classify_host(&hp.host, hp.bracketed) {
            Ok(_) => None,
            Err(_) => Some((
                format!("the host `{}` is not an IP address or a valid DNS name", hp.host),
                format!("主机 `{}` 不是 IP 地址也不是合法的 DNS 名称", hp.host),
            )),
        },
    }
}

impl Rule for InvalidEndpoint {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (st, props) in cx.property_lists() {
            if !matches!(st.kind, K::AddBackend | K::ModifyBackend) {
                continue;
            }
            for p in &props.items {
                let key = p.key.value(cx.source);
                if key != "tag.public_endpoint" && key != "tag.private_endpoint" {
                    continue;
                }
                if p.value.span.is_empty() {
                    continue;
                }
                let Some((en, zh)) = problem(p.value.value(cx.source)) else { continue };
                let text = cx.text(p.value.span);
                let d = cx
                    .diagnostic(
                        p.value.span,
                        t!(cx, 
                            format!("`{text}` is not a valid host:port for `{key}`: {en}; Doris stores it as given, and clients sent to this endpoint (stream load redirects) cannot connect"),
                            format!("`{text}` 不是 `{key}` 可用的 host:port：{zh}；Doris 会原样保存，被重定向到该地址的客户端（如 stream load）将无法连接"),
                        ),
                    )
                    .with_help(t!(cx, 
                        "write the address clients should use, e.g. \"11.10.20.12:8040\" (the BE's webserver_port)",
                        "请写出客户端应使用的地址，例如 \"11.10.20.12:8040\"（BE 的 webserver_port）",
                    ));
                cx.push(d);
            }
        }
    }
}
