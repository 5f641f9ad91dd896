use crate::diagnostic::Severity;
use crate::rules::tags::tag_type;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct MissingLocationTag;

static META: RuleMeta = RuleMeta {
    code: "D209",
    name: "missing-location-tag",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "MODIFY BACKEND sets a tag but no `tag.location`.",
    explanation: r#"
**What it does.** Finds `MODIFY BACKEND ... SET (...)` lists that give at least one tag but no
`tag.location`.

**Why.** MODIFY BACKEND replaces the backend's tags with the ones given, and a backend must always
keep a location tag: Doris rejects the statement with `Backend must have location type tag. Eg:
'tag.location' = 'xxx'.` Lists without any tag (only `disable_query` / `disable_load`) are fine.

**Example.**
```sql
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.compute" = "c1");
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location" = "default", "tag.compute" = "c1");
```

**Fix.** None: add the backend's current location (see `SHOW BACKENDS`, column `Tag`).
"#,
};

impl Rule for MissingLocationTag {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (st, list) in cx.property_lists() {
            if st.kind != StatementKind::ModifyBackend {
                continue;
            }
            let tags: Vec<&str> = list
                .items
                .iter()
                .filter_map(|p| tag_type(cx.source, &p.key))
                .collect();
            if tags.is_empty() || tags.contains(&"location") {
                continue;
            }
            let mut given = tags.iter().take(5).map(|t| format!("tag.{t}")).collect::<Vec<_>>().join(", ");
            if tags.len() > 5 {
                given.push_str(", ...");
            }
            let d = cx
                .diagnostic(
                    list.span,
                    t!(cx, 
                        format!("this SET list gives tags ({given}) but no `tag.location`: Doris rejects it with `Backend must have location type tag. Eg: 'tag.location' = 'xxx'.`"),
                        format!("该 SET 列表给出了标签（{given}）但没有 `tag.location`：Doris 会拒绝：`Backend must have location type tag. Eg: 'tag.location' = 'xxx'.`"),
                    ),
                )
                .with_help(t!(cx, 
                    "add the backend's location, e.g. `\"tag.location\" = \"default\"` (its current value is in the `Tag` column of SHOW BACKENDS)",
                    "请加上 backend 的位置，例如 `\"tag.location\" = \"default\"`（当前值见 SHOW BACKENDS 的 `Tag` 列）",
                ));
            cx.push(d);
        }
    }
}
