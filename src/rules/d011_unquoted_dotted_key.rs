use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::OperandKind;

pub struct UnquotedDottedKey;

static META: RuleMeta = RuleMeta {
    code: "D011",
    name: "unquoted-dotted-key",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Safe,
    summary: "A property key (or value) with a dot written without quotes: `tag.location = \"g1\"`.",
    explanation: r#"
**What it does.** Finds unquoted property keys and values that contain a `.`.

**Why.** An unquoted identifier can never contain `.` in Doris, so `tag.location = "g1"` is a
syntax error. Keys like `tag.location` must be written `"tag.location"`.

**Example.**
```sql
ALTER SYSTEM MODIFY BACKEND "be2:9050" SET ("tag.location" = "rg1", tag.workload_group = "wg1");
```

**Fix (safe).** Puts the key (or value) in double quotes.
"#,
};

impl Rule for UnquotedDottedKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, list) in cx.property_lists() {
            for p in &list.items {
                for (op, is_key) in [(&p.key, true), (&p.value, false)] {
                    if op.kind != OperandKind::DottedIdentifier {
                        continue;
                    }
                    let text = cx.text(op.span);
                    let (en, zh) = if is_key {
                        (
                            format!("the key `{text}` must be quoted: an unquoted name cannot contain `.` in Doris (syntax error)"),
                            format!("键 `{text}` 必须加引号：Doris 中未加引号的名字不能包含 `.`（语法错误）"),
                        )
                    } else {
                        (
                            format!("the value `{text}` must be quoted: an unquoted name cannot contain `.` in Doris (syntax error)"),
                            format!("值 `{text}` 必须加引号：Doris 中未加引号的名字不能包含 `.`（语法错误）"),
                        )
                    };
                    let d = cx
                        .diagnostic(op.span, t!(cx, en, zh))
                        .with_help(t!(cx, format!("write \"{text}\""), format!("请写成 \"{text}\"")))
                        .with_fix(Fix::safe(
                            t!(cx, "Quote it", "加上引号"),
                            vec![Edit::insert(op.span.start, "\""), Edit::insert(op.span.end, "\"")],
                        ));
                    cx.push(d);
                }
            }
        }
    }
}
