use crate::diagnostic::Severity;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct DropFrontend;

static META: RuleMeta = RuleMeta {
    code: "D303",
    name: "drop-frontend",
    default_severity: Some(Severity::Info),
    fix: FixAvailability::None,
    summary: "`DROP FOLLOWER`: removing a follower can cost the frontends their quorum.",
    explanation: r#"
**What it does.** Points at every `ALTER SYSTEM DROP FOLLOWER ...`.

**Why.** Followers elect the master frontend and need a majority of them alive to write
metadata. Dropping a follower from a small group (for example one of three while another one is
down) can leave the cluster without a quorum: no DDL, no loads, no master. Check
`SHOW FRONTENDS` first (how many followers are `Alive`), keep an odd number of followers, and
never drop the current master (`IsMaster = true`).

**Example.**
```sql
ALTER SYSTEM DROP FOLLOWER "10.0.0.3:9010";
```

**Fix.** None.
"#,
};

impl Rule for DropFrontend {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, st) in cx.statements() {
            if st.kind != StatementKind::DropFollower {
                continue;
            }
            let span = match (st.keyword("DROP"), st.keyword("FOLLOWER")) {
                (Some(a), Some(b)) => a.span.cover(b.span),
                _ => st.span,
            };
            let d = cx
                .diagnostic(
                    span,
                    t!(cx, 
                        "dropping a follower can cost the frontends their quorum: with too few live followers no master can be elected and metadata can no longer be written",
                        "删除 follower 可能导致 FE 失去多数派：存活的 follower 太少时无法选出 master，元数据也无法写入",
                    ),
                )
                .with_help(t!(cx, 
                    "run SHOW FRONTENDS first: make sure enough other followers are Alive and that this one is not the master (IsMaster)",
                    "请先执行 SHOW FRONTENDS：确认其他存活（Alive）的 follower 足够，并且要删除的不是 master（IsMaster）",
                ));
            cx.push(d);
        }
    }
}
