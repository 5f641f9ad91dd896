use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::{Part, RemovedKind, Statement};

pub struct RemovedSyntax;

static META: RuleMeta = RuleMeta {
    code: "D008",
    name: "removed-syntax",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Unsafe,
    summary: "A form old manuals show that current Doris no longer parses.",
    explanation: r#"
**What it does.** Finds `ADD FREE BACKEND`, `ADD BACKEND TO <cluster>` (both removed with the
cluster concept in Doris 2.0), `ADD BACKENDS` (plural) and `CANCEL ALTER SYSTEM DECOMMISSION`
(only in the 2017 grammar).

**Why.** Current Doris rejects them with a syntax error; they survive in old blog posts and
versioned docs.

**Example.**
```sql
ALTER SYSTEM ADD FREE BACKEND "be1:9050";
ALTER SYSTEM ADD BACKEND "be1:9050";
```

**Fix (unsafe).** Rewrites to the current form (drops `FREE`, `TO <cluster>` and `ALTER SYSTEM`,
`BACKENDS` becomes `BACKEND`). Unsafe because a backend added without a cluster lands in the
default resource group.
"#,
};

/// Start of the first part after `end` (to delete a removed piece with the space after it).
fn next_part_start(st: &Statement, end: usize) -> usize {
    st.parts
        .iter()
        .map(|p| match p {
            Part::Keyword(k) => k.span.start,
            Part::Name(o) => o.span.start,
            Part::Addresses(a) => a.span.start,
            Part::Properties(l) => l.span.start,
        })
        .find(|&s| s >= end)
        .unwrap_or(end)
}

impl Rule for RemovedSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, st) in cx.statements() {
            for r in &st.removed {
                let text = cx.text(r.span);
                let cut = Span::new(r.span.start, next_part_start(st, r.span.end));
                let (en, zh, edit) = match r.what {
                    RemovedKind::Free => (
                        "`ADD FREE BACKEND` was removed in Doris 2.0 and is now a syntax error".to_string(),
                        "`ADD FREE BACKEND` 已在 Doris 2.0 中移除，现在是语法错误".to_string(),
                        Edit::delete(cut),
                    ),
                    RemovedKind::Backends => (
                        format!("`{text}` (plural) is not Doris syntax: write `BACKEND`"),
                        format!("`{text}`（复数）不是 Doris 语法：请写 `BACKEND`"),
                        Edit::replace(r.span, "BACKEND"),
                    ),
                    RemovedKind::ToCluster => (
                        format!("`{text}` was removed with the cluster concept in Doris 2.0 and is now a syntax error"),
                        format!("`{text}` 已随集群概念在 Doris 2.0 中移除，现在是语法错误"),
                        Edit::delete(cut),
                    ),
                    RemovedKind::CancelAlterSystem => (
                        "`CANCEL ALTER SYSTEM DECOMMISSION` is the 2017 form; Doris now only parses `CANCEL DECOMMISSION BACKEND`".to_string(),
                        "`CANCEL ALTER SYSTEM DECOMMISSION` 是 2017 年的写法；现在 Doris 只接受 `CANCEL DECOMMISSION BACKEND`".to_string(),
                        Edit::delete(cut),
                    ),
                };
                let d = cx
                    .diagnostic(r.span, t!(cx, en, zh))
                    .with_help(t!(cx, "use the current form of the statement", "请使用该语句的当前写法"))
                    .with_fix(Fix::unsafe_(t!(cx, "Rewrite to the current form", "改写为当前写法"), vec![edit]));
                cx.push(d);
            }
        }
    }
}
