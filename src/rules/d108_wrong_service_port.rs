use crate::diagnostic::{Edit, Fix, Severity};
use crate::options::LintOptions;
use crate::rules::address_checks::{self, requote, Role, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct WrongServicePort;

static META: RuleMeta = RuleMeta {
    code: "D108",
    name: "wrong-service-port",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::Unsafe,
    summary: "The port of another Doris service where the statement needs a specific one.",
    explanation: r#"
**What it does.** Flags a port that is the default (or configured) port of another Doris
service: every BACKEND address needs the BE's `heartbeat_service_port` (9050), FOLLOWER /
OBSERVER / MODIFY FRONTEND the FE's `edit_log_port` (9010), BROKER the `broker_ipc_port` (8000).
The usual slips are the BE's `be_port` 9060, `webserver_port` 8040, `brpc_port` 8060 and the
FE's `query_port` 9030, `http_port` 8030, `rpc_port` 9020.

**Why.** Doris accepts any port, so ADD BACKEND with 9060 succeeds, but the heartbeats go to the
wrong service and the backend never becomes alive; a DROPP / DECOMMISSION with the wrong port
finds no backend. The expected ports come from the `ports` option, so clusters that use other
ports can say so.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9060";
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```

**Fix (unsafe).** Replaces the port with the expected one.
"#,
};

/// (service key, port, English, Chinese).
fn known_ports(options: &LintOptions) -> Vec<(&'static str, u16, &'static str, &'static str)> {
    let mut v = vec![
        ("heartbeat", 9050, "the BE's heartbeat_service_port", "BE 的 heartbeat_service_port"),
        ("be_port", 9060, "the BE's be_port", "BE 的 be_port"),
        ("webserver", 8040, "the BE's webserver_port (HTTP)", "BE 的 webserver_port（HTTP）"),
        ("brpc", 8060, "the BE's brpc_port", "BE 的 brpc_port"),
        ("http", 8030, "the FE's http_port", "FE 的 http_port"),
        ("https", 8050, "the FE's https_port", "FE 的 https_port"),
        ("rpc", 9020, "the FE's rpc_port", "FE 的 rpc_port"),
        ("query", 9030, "the FE's query_port (MySQL protocol)", "FE 的 query_port（MySQL 协议端口）"),
        ("edit_log", 9010, "the FE's edit_log_port", "FE 的 edit_log_port"),
        ("broker", 8000, "the broker's broker_ipc_port", "Broker 的 broker_ipc_port"),
    ];
    // A service whose port is configured differently is known by its configured port only.
    let p = options.ports;
    for (key, port) in [("heartbeat", p.heartbeat), ("edit_log", p.edit_log), ("broker", p.broker)] {
        if let Some(e) = v.iter_mut().find(|e| e.0 == key) {
            e.1 = port;
        }
    }
    v
}

fn service_of(role: Role) -> &'static str {
    match role {
        Role::Frontend => "edit_log",
        Role::Broker => "broker",
        _ => "heartbeat",
    }
}

impl Rule for WrongServicePort {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let known = known_ports(cx.options);
        for lit in cx.literals() {
            let Verdict::Valid(hp) = &lit.verdict else { continue };
            let Some(expected) = lit.role.expected_port(cx.options) else { continue };
            let Ok(port) = u16::try_from(hp.port) else { continue };
            if port == expected {
                continue;
            }
            let wanted = service_of(lit.role);
            let Some(&(_, _, svc_en, svc_zh)) = known.iter().find(|e| e.1 == port && e.0 != wanted) else { continue };
            let (_, _, want_en, want_zh) = *known.iter().find(|e| e.0 == wanted).unwrap_or(&known[0]);
            let default = match wanted {
                "edit_log" => 9010,
                "broker" => 8000,
                _ => 9050,
            };
            // Around the expected port in the message (no string of their own to build).
            let (by_en, by_zh) = if expected == default { (" by default", "默认 ") } else { (" in this cluster", "本集群为 ") };
            let kind = lit.statement.kind;
            let label = address_checks::statement_label(kind);
            let (then_en, then_zh) = match (lit.role, kind) {
                (Role::NewBackend, _) => (
                    "Doris accepts it, but its heartbeats go to the wrong service and the backend never becomes alive",
                    "Doris 会接受它，但心跳发往了错误的服务，该 backend 永远不会变为 alive",
                ),
                (Role::ExistingBackend | Role::BackendAddress, _) => (
                    "Doris looks backends up by host and heartbeat port, so this address matches no backend",
                    "Doris 按主机和心跳端口查找 backend，这个地址匹配不到任何 backend",
                ),
                (Role::Frontend, StatementKind::AddFollower | StatementKind::AddObserver) => (
                    "Doris accepts it, but the new frontend can never join through that port",
                    "Doris 会接受它，但新的 FE 无法通过这个端口加入",
                ),
                (Role::Frontend, _) => (
                    "Doris looks frontends up by host and edit log port, so this address matches no frontend",
                    "Doris 按主机和 edit log 端口查找 FE，这个地址匹配不到任何 FE",
                ),
                _ => (
                    "Doris accepts it, but cannot reach the broker on that port",
                    "Doris 会接受它，但无法通过这个端口访问 broker",
                ),
            };
            let op = lit.operand;
            let value = lit.value();
            let fixed = if hp.bracketed { cat!("[", hp.host, "]:", expected) } else { cat!(hp.host, ":", expected) };
            let fixed = requote(op, &fixed);
            let span = match value.rfind(':') {
                Some(i) if !lit.has_whitespace() => address_checks::sub_span(cx.source, op, i + 1, value.len()),
                _ => op.span,
            };
            let d = cx
                .diagnostic(
                    span,
                    t!(cx, 
                        cat!(port, " is ", svc_en, "; ", label, " needs ", want_en, ", ", expected, by_en, ": ", then_en),
                        cat!(port, " 是", svc_zh, "；", label, " 需要", want_zh, "（", by_zh, expected, "）：", then_zh),
                    ),
                )
                .with_help(t!(cx, 
                    cat!("write ", fixed, " (if this cluster really uses ", port, ", set the port in the `ports` option)"),
                    cat!("请写成 ", fixed, "（如果集群确实使用 ", port, "，请在 `ports` 选项中配置）"),
                ))
                .with_fix(Fix::unsafe_(
                    t!(cx, cat!("Use port ", expected), cat!("改用端口 ", expected)),
                    vec![Edit::replace(op.span, fixed)],
                ));
            cx.push(d);
        }
    }
}
