use crate::diagnostic::Severity;
use crate::rules::d301_drop_backend_refused::suggest_decommission;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct ForceDropBackend;

static META: RuleMeta = RuleMeta {
    code: "D302",
    name: "force-drop-backend",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::Unsafe,
    summary: "`DROPP BACKEND` discards the backend's data permanently.",
    explanation: r#"
**What it does.** Finds `ALTER SYSTEM DROPP BACKEND ...`.

**Why.** `DROPP` removes the backend at once: **all data on it is discarded permanently**, and
tablets whose only healthy replica lived there are lost. `DECOMMISSION BACKEND` first migrates the
replicas to the other backends, then removes the backend. DROPP is right for a dead machine or a
test cluster; elsewhere prefer DECOMMISSION.

**Example.**
```sql
ALTER SYSTEM DROPP BACKEND "10.0.0.5:9050";
ALTER SYSTEM DECOMMISSION BACKEND "10.0.0.5:9050";
```

**Fix (unsafe).** Replaces `DROPP` with `DECOMMISSION` (same letter case).
"#,
};

impl Rule for ForceDropBackend {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        suggest_decommission(
            cx,
            StatementKind::DroppBackend,
            "DROPP",
            (
                "DROPP BACKEND removes the backend at once and permanently discards all data on it; replicas without another healthy copy are lost",
                "DROPP BACKEND 会立即删除该 backend，并永久丢弃其上的全部数据；没有其他健康副本的数据将丢失",
            ),
            (
                "unless the machine is dead or the data does not matter, use DECOMMISSION BACKEND: it migrates the data to the other backends first",
                "除非机器已损坏或数据无所谓，请使用 DECOMMISSION BACKEND：它会先把数据迁移到其他 backend",
            ),
        );
    }
}
