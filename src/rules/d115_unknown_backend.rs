use std::borrow::Cow;

use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Role, Verdict};
use crate::rules::{Context, FixAvailability, FxHashMap, FxHashSet, Rule, RuleMeta};
use crate::syntax::StatementKind as K;

pub struct UnknownBackend;

static META: RuleMeta = RuleMeta {
    code: "D115",
    name: "unknown-backend",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "DROPP / DECOMMISSION / MODIFY / CANCEL of a backend the cluster does not have (needs `existingBackends`).",
    explanation: r#"
**What it does.** Only when you supply the cluster's current backends (the `existingBackends`
option): flags an address or id in DROPP / DECOMMISSION / MODIFY BACKEND, MODIFY BACKEND ...
HOSTNAME and CANCEL DECOMMISSION that is not one of them (nor added earlier in the script).
Addresses compare exactly as Doris compares them (host string and port); ids are checked only
when the list holds ids, addresses only when it holds addresses.

**Why.** Doris fails the statement: `backend does not exists[host:port]` (DROPP, MODIFY) or
`Backend does not exist[host:port]` (DECOMMISSION, CANCEL DECOMMISSION). A wrong port or a host
name where the cluster knows the IP is the usual cause.

**Example.** With `existingBackends = ["10.0.0.1:9050"]`:
```sql
ALTER SYSTEM DECOMMISSION BACKEND "10.0.0.1:9060";
```
"#,
};

/// What the rule knows of the cluster: the `existingBackends` option and the backends the
/// script has added so far. `None` until the first chunk.
#[derive(Default)]
pub(crate) struct State<'s> {
    known: Option<Known<'s>>,
}

struct Known<'s> {
    know_addrs: bool,
    ids: FxHashSet<i64>,
    addrs: FxHashSet<(Cow<'s, str>, i32)>,
    /// Lower-cased host → the exact entry, to say when only the case differs.
    lower: FxHashMap<(String, i32), String>,
}

impl Rule for UnknownBackend {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let Known { know_addrs, ids, mut addrs, mut lower } = match cx.carry().d115.take().known {
            Some(known) => known,
            None => {
                let Some((list, ids)) = address_checks::existing_backends(cx.options) else { return };
                let mut known = Known {
                    know_addrs: !list.is_empty(),
                    ids: ids.into_iter().collect(),
                    addrs: FxHashSet::default(),
                    lower: FxHashMap::default(),
                };
                for e in list {
                    known.lower.insert((e.host.to_ascii_lowercase(), e.port), e.display());
                    known.addrs.insert((e.host, e.port));
                }
                known
            }
        };
        for lit in cx.literals() {
            let kind = lit.statement.kind;
            if kind == K::AddBackend {
                if let Verdict::Valid(hp) = &lit.verdict {
                    addrs.insert((crate::rules::in_source(cx.source, &hp.host), hp.port));
                    lower.insert((hp.host.to_ascii_lowercase(), hp.port), hp.display());
                }
                continue;
            }
            let checked = matches!(
                (kind, lit.role),
                (K::DroppBackend | K::DecommissionBackend | K::ModifyBackend | K::CancelDecommissionBackend, Role::ExistingBackend)
                    | (K::ModifyBackendHostname, Role::BackendAddress)
            );
            if !checked {
                continue;
            }
            let op = lit.operand;
            let text = cx.text(op.span);
            let label = address_checks::statement_label(kind);
            let (what, case_en, case_zh) = match &lit.verdict {
                Verdict::Valid(hp) if know_addrs => {
                    if addrs.contains(&(Cow::Borrowed(&*hp.host), hp.port)) {
                        continue;
                    }
                    let near = lower.get(&(hp.host.to_ascii_lowercase(), hp.port));
                    let (ce, cz) = match near {
                        Some(e) => (
                            format!(" (the cluster has `{e}`: Doris compares host names case-sensitively)"),
                            format!("（集群中有 `{e}`：Doris 区分大小写比较主机名）"),
                        ),
                        None => (String::new(), String::new()),
                    };
                    (hp.display(), ce, cz)
                }
                Verdict::Id(id) if !ids.is_empty() => {
                    if ids.contains(id) {
                        continue;
                    }
                    (id.to_string(), String::new(), String::new())
                }
                _ => continue,
            };
            let err = match kind {
                K::DecommissionBackend | K::CancelDecommissionBackend => format!("Backend does not exist[{what}]"),
                _ => format!("backend does not exists[{what}]"),
            };
            let d = cx
                .diagnostic(
                    op.span,
                    t!(cx, 
                        format!("`{text}` is not a backend of this cluster{case_en}: this {label} fails with `{err}`"),
                        format!("`{text}` 不是本集群的 backend{case_zh}：这条 {label} 会失败：`{err}`"),
                    ),
                )
                .with_help(t!(cx, 
                    "use the Host and HeartbeatPort (or the BackendId) exactly as SHOW BACKENDS shows them",
                    "请按 SHOW BACKENDS 显示的 Host 和 HeartbeatPort（或 BackendId）原样填写",
                ));
            cx.push(d);
        }
        cx.carry().d115.set(State { known: Some(Known { know_addrs, ids, addrs, lower }) });
    }
}
