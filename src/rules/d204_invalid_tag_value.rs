use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::tags::{is_endpoint_type, quote_like, strip_spaces, tag_type, tag_value_problem, ValueProblem};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct InvalidTagValue;

static META: RuleMeta = RuleMeta {
    code: "D204",
    name: "invalid-tag-value",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Unsafe,
    summary: "A tag value that does not match `^[a-zA-Z][a-zA-Z0-9_]{0,32}$` (after removing spaces).",
    explanation: r#"
**What it does.** Checks the value of every `tag.<type>` property of ADD / MODIFY BACKEND, except
the endpoint tags (`tag.public_endpoint`, `tag.private_endpoint`), whose values are `host:port`.

**Why.** Doris removes ASCII spaces from the value, then requires a letter followed by at most 32
letters, digits or `_`; anything else is rejected with `Invalid tag value format: <value>`. So
`group-a`, `zone.1`, `1st` or `_a` all fail. The message says which character or length breaks
it.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.location" = "group-a");
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.location" = "group_a");
```

**Fix (unsafe).** When replacing `-` and `.` with `_` makes the value valid, offers that value.
It renames the resource group, so make sure other backends and users' resource tags use the
same name.
"#,
};

impl Rule for InvalidTagValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, items) in cx.backend_properties() {
            for p in items {
                let Some(ty) = tag_type(cx.source, &p.key) else { continue };
                if is_endpoint_type(ty) {
                    continue;
                }
                let value = strip_spaces(p.value.value(cx.source));
                let Some(problem) = tag_value_problem(&value) else { continue };
                let text = cx.text(p.value.span);
                let why = match problem {
                    ValueProblem::Empty => t!(cx, "it is empty", "值为空"),
                    ValueProblem::BadStart(c) => t!(cx, cat!("it must start with a letter, not `", c, "`"), cat!("必须以字母开头，而不是 `", c, "`")),
                    ValueProblem::BadChar(c) => t!(cx, 
                        cat!("`", c, "` is not allowed (only letters, digits and `_`)"),
                        cat!("不允许 `", c, "`（只能用字母、数字和 `_`）"),
                    ),
                    ValueProblem::TooLong(n) => t!(cx, cat!("it has ", n, " characters, at most 33 are allowed"), cat!("它有 ", n, " 个字符，最多允许 33 个")),
                };
                let candidate: String = value.chars().map(|c| if c == '-' || c == '.' { '_' } else { c }).collect();
                let fixable = candidate != value && tag_value_problem(&candidate).is_none();
                let mut d = cx.diagnostic(
                    p.value.span,
                    t!(cx, 
                        cat!("Doris rejects the tag value ", text, " (`Invalid tag value format: ", value, "`): ", why),
                        cat!("Doris 会拒绝标签值 ", text, "（`Invalid tag value format: ", value, "`）：", why),
                    ),
                );
                if fixable {
                    let new = quote_like(&p.value, &candidate);
                    d = d
                        .with_help(t!(cx, cat!("write ", new), cat!("请写成 ", new)))
                        .with_fix(Fix::unsafe_(
                            t!(cx, cat!("Replace the value with ", new), cat!("将值替换为 ", new)),
                            vec![Edit::replace(p.value.span, new)],
                        ));
                } else {
                    d = d.with_help(t!(cx, 
                        "a tag value matches `^[a-zA-Z][a-zA-Z0-9_]{0,32}$`, e.g. \"group_a\"",
                        "标签值须匹配 `^[a-zA-Z][a-zA-Z0-9_]{0,32}$`，例如 \"group_a\"",
                    ));
                }
                cx.push(d);
            }
        }
    }
}
