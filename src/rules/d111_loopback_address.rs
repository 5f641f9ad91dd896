use crate::address;
use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind as K;

pub struct LoopbackAddress;

static META: RuleMeta = RuleMeta {
    code: "D111",
    name: "loopback-address",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::None,
    summary: "A loopback address (127.x.x.x, localhost, [::1]) for a new BE or FE.",
    explanation: r#"
**What it does.** Flags `127.0.0.0/8`, `localhost` and `[::1]` in ADD BACKEND, ADD FOLLOWER and
ADD OBSERVER.

**Why.** Every node of the cluster reads a loopback address as itself: the FE sends heartbeats to
its own machine, and other FEs and BEs cannot reach the node. It only works when every FE and BE
runs on one machine (a test or a single-node setup). Doris also treats `localhost` and
`127.0.0.1` as different backends.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "127.0.0.1:9050";
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```
"#,
};

impl Rule for LoopbackAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            if !matches!(lit.statement.kind, K::AddBackend | K::AddFollower | K::AddObserver) {
                continue;
            }
            let Verdict::Valid(hp) = &lit.verdict else { continue };
            if !address::is_loopback(&hp.host) {
                continue;
            }
            let op = lit.operand;
            let host = &hp.host;
            let label = address_checks::statement_label(lit.statement.kind);
            let d = cx
                .diagnostic(
                    op.span,
                    t!(cx, 
                        format!("`{host}` is a loopback address: Doris accepts this {label}, but every node reads it as itself, so it only works when all FEs and BEs run on this one machine"),
                        format!("`{host}` 是回环地址：Doris 会接受这条 {label}，但每个节点都会把它理解为自己，只有当所有 FE 和 BE 都在同一台机器上时才能工作"),
                    ),
                )
                .with_help(t!(cx, 
                    "use the node's LAN IP address or host name, as the other nodes see it",
                    "请使用其他节点能访问到的该节点的局域网 IP 或主机名",
                ));
            cx.push(d);
        }
    }
}
