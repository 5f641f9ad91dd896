use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::AssignKind;

pub struct ColonInProperty;

static META: RuleMeta = RuleMeta {
    code: "D009",
    name: "colon-in-property",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Safe,
    summary: "A property written `\"key\": \"value\"` instead of `\"key\" = \"value\"`.",
    explanation: r#"
**What it does.** Finds `:` between a property key and its value (a JSON habit).

**Why.** Doris's grammar needs `=` (or `==`): the statement is a syntax error.

**Example.**
```sql
ALTER SYSTEM MODIFY BACKEND "host1:9050" SET ("tag.location": "group_a");
ALTER SYSTEM MODIFY BACKEND "host1:9050" SET ("tag.location" = "group_a");
```

**Fix (safe).** Replaces the `:` with ` = `.
"#,
};

impl Rule for ColonInProperty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, list) in cx.property_lists() {
            for p in &list.items {
                if !matches!(p.assign.kind, AssignKind::Colon | AssignKind::FullwidthColon) {
                    continue;
                }
                let key = cx.text(p.key.span);
                let colon = cx.text(p.assign.span);
                let d = cx
                    .diagnostic(
                        p.assign.span,
                        t!(cx, 
                            cat!("`", colon, "` after ", key, ": Doris needs `=` between a property key and its value (syntax error)"),
                            cat!(key, " 后的 `", colon, "`：Doris 要求属性键和值之间用 `=`（语法错误）"),
                        ),
                    )
                    .with_help(t!(cx, "write `=`", "请写 `=`"))
                    .with_fix(Fix::safe(t!(cx, "Replace with `=`", "替换为 `=`"), vec![Edit::replace(p.assign.span, "=")]));
                cx.push(d);
            }
        }
    }
}
