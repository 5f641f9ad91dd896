use crate::address;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::address_checks::{self, requote, Role, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct MissingPort;

static META: RuleMeta = RuleMeta {
    code: "D102",
    name: "missing-port",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Unsafe,
    summary: "An address without `:port` where Doris needs host:port.",
    explanation: r#"
**What it does.** Finds address literals without a `:` in ADD BACKEND, FOLLOWER / OBSERVER,
BROKER and the old side of MODIFY ... HOSTNAME.

**Why.** Doris takes a BACKEND literal without `:` as a numeric backend id. ADD BACKEND never
uses ids, so `ADD BACKEND "myhost"` is accepted and **silently adds nothing**. FOLLOWER,
OBSERVER and BROKER addresses are always split into host and port, so a missing port fails with
`invalid host port: myhost`.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1";       -- adds nothing
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```

**Fix (unsafe).** Appends the port the statement expects: the BE's `heartbeat_service_port`
(9050), the FE's `edit_log_port` (9010) or the broker's `broker_ipc_port` (8000), or the ports
configured in the `ports` option. Unsafe because your cluster may use another port.
"#,
};

impl Rule for MissingPort {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            // A match, not `!=`: comparing with a `Verdict` ran the derived `PartialEq` on every literal.
            if !matches!(lit.verdict, Verdict::MissingPort) {
                continue;
            }
            let op = lit.operand;
            let text = cx.text(op.span);
            let Some(port) = lit.role.expected_port(cx.options) else { continue };
            let label = address_checks::statement_label(lit.statement.kind);
            let host = lit.stripped();
            let looks_like_id = address::parse_backend_id(host).is_some();
            let message = if lit.role == Role::NewBackend {
                if looks_like_id {
                    t!(
                        cx,
                        cat!("`", text, "` has no `:port`: Doris takes it as a backend id, and ADD BACKEND silently adds nothing (ADD BACKEND needs \"host:port\", not an id)"),
                        cat!("`", text, "` 没有 `:端口`：Doris 把它当作 backend id，ADD BACKEND 会静默地什么也不添加（ADD BACKEND 需要 \"host:port\"，不能用 id）"),
                    )
                } else {
                    t!(
                        cx,
                        cat!("`", text, "` has no `:port`: Doris takes a literal without `:` as a backend id, so ADD BACKEND silently adds nothing"),
                        cat!("`", text, "` 没有 `:端口`：Doris 把不含 `:` 的字面量当作 backend id，ADD BACKEND 会静默地什么也不添加"),
                    )
                }
            } else {
                t!(
                    cx,
                    cat!("`", text, "` has no `:port`: ", label, " needs \"host:port\" and Doris rejects it with `invalid host port: ", host, "`"),
                    cat!("`", text, "` 没有 `:端口`：", label, " 需要 \"host:port\"，Doris 会报错拒绝：`invalid host port: ", host, "`"),
                )
            };
            let port_name = lit.role.port_name();
            let mut d = cx.diagnostic(op.span, message);
            if looks_like_id || host.is_empty() {
                d = d.with_help(t!(cx, 
                    format!("write the node's address with its {port_name}, e.g. {}", address_checks::example(lit.role, cx.options)),
                    format!("请写出节点地址及其 {port_name}，例如 {}", address_checks::example(lit.role, cx.options)),
                ));
            } else {
                let fixed = requote(op, &cat!(host, ":", port));
                d = d
                    .with_help(t!(cx, 
                        cat!("add the ", port_name, ": ", fixed),
                        cat!("补上 ", port_name, "：", fixed),
                    ))
                    .with_fix(Fix::unsafe_(
                        t!(cx, cat!("Append the ", port_name, " ", port), cat!("追加 ", port_name, " ", port)),
                        vec![Edit::replace(op.span, fixed)],
                    ));
            }
            cx.push(d);
        }
    }
}
