use std::borrow::Cow;

use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Role, Verdict};
use crate::rules::{Context, FixAvailability, FxHashSet, Rule, RuleMeta};
use crate::syntax::StatementKind as K;

pub struct BackendAlreadyExists;

static META: RuleMeta = RuleMeta {
    code: "D114",
    name: "backend-already-exists",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "ADD BACKEND of a backend the cluster already has (needs `existingBackends`).",
    explanation: r#"
**What it does.** Only when you supply the cluster's current backends (the `existingBackends`
option, e.g. pasted from `SHOW BACKENDS`): flags ADD BACKEND of an address that is already one
of them. The comparison is Doris's: the exact host string and the port (`localhost` and
`127.0.0.1` are different; so are `BE1` and `be1`). A backend removed earlier in the script
(DROPP / DECOMMISSION) may be added again.

**Why.** Doris checks every address first and fails the whole statement with
`Same backend already exists[host:port]`: none of the other backends in the statement is added.

**Example.** With `existingBackends = ["10.0.0.1:9050"]`:
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050", "10.0.0.2:9050";
```
"#,
};

/// The backends of the cluster (the `existingBackends` option) as the script leaves them so
/// far; `None` until the first chunk.
#[derive(Default)]
pub(crate) struct State<'s> {
    existing: Option<FxHashSet<(Cow<'s, str>, i32)>>,
}

impl Rule for BackendAlreadyExists {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let mut existing = match cx.carry().d114.take().existing {
            Some(set) => set,
            None => {
                let Some((list, _)) = address_checks::existing_backends(cx.options) else { return };
                list.into_iter().map(|e| (e.host, e.port)).collect()
            }
        };
        for lit in cx.literals() {
            let Verdict::Valid(hp) = &lit.verdict else { continue };
            match (lit.statement.kind, lit.role) {
                (K::DroppBackend | K::DecommissionBackend, Role::ExistingBackend) => {
                    // A key of the set's own lifetime (`remove` takes no shorter one).
                    existing.remove(&(crate::rules::in_source(cx.source, &hp.host), hp.port));
                }
                (K::AddBackend, Role::NewBackend) if existing.contains(&(Cow::Borrowed(&*hp.host), hp.port)) => {
                    let op = lit.operand;
                    let text = cx.text(op.span);
                    let shown = hp.display();
                    let d = cx
                        .diagnostic(
                            op.span,
                            t!(cx, 
                                format!("`{text}` is already a backend of this cluster: Doris fails the whole statement with `Same backend already exists[{shown}]` and adds none of its backends"),
                                format!("`{text}` 已经是本集群的 backend：Doris 会让整条语句失败（`Same backend already exists[{shown}]`），其中的 backend 一个也不会添加"),
                            ),
                        )
                        .with_help(t!(cx, 
                            "remove it from the statement (check SHOW BACKENDS), or DROPP / DECOMMISSION it first",
                            "请从语句中去掉它（先查看 SHOW BACKENDS），或先 DROPP / DECOMMISSION 它",
                        ));
                    cx.push(d);
                }
                _ => {}
            }
        }
        cx.carry().d114.set(State { existing: Some(existing) });
    }
}
