use crate::diagnostic::Severity;
use crate::rules::tags::{is_valid_tag_type, tag_type};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct InvalidTagType;

static META: RuleMeta = RuleMeta {
    code: "D203",
    name: "invalid-tag-type",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "A tag type (the part after `tag.`) that does not match `^[a-z][a-z0-9_]{0,32}$`.",
    explanation: r#"
**What it does.** Checks the type of every `tag.<type>` key of ADD / MODIFY BACKEND.

**Why.** Doris accepts any tag type that is a lower-case letter followed by at most 32 lower-case
letters, digits or `_`, and rejects anything else with `Invalid tag type format: <type>`.

**Example.**
```sql
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location" = "g1", "tag.Compute-1" = "c1");
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location" = "g1", "tag.compute_1" = "c1");
```

**Fix.** None: rename the type by hand.
"#,
};

impl Rule for InvalidTagType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, items) in cx.backend_properties() {
            for p in items {
                let Some(ty) = tag_type(cx.source, &p.key) else { continue };
                if is_valid_tag_type(ty) {
                    continue;
                }
                let text = cx.text(p.key.span);
                let first = ty.chars().next().unwrap_or(' ');
                let why = if ty.chars().count() > 33 {
                    t!(cx, format!("it has {} characters, at most 33 are allowed", ty.chars().count()), format!("它有 {} 个字符，最多允许 33 个", ty.chars().count()))
                } else if !first.is_ascii_lowercase() {
                    t!(cx, format!("it must start with a lower-case letter, not `{first}`"), format!("必须以小写字母开头，而不是 `{first}`"))
                } else {
                    let bad = ty.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')).unwrap_or(' ');
                    t!(cx, format!("`{bad}` is not allowed (only lower-case letters, digits and `_`)"), format!("不允许 `{bad}`（只能用小写字母、数字和 `_`）"))
                };
                let lower = ty.to_ascii_lowercase();
                let help = if lower != ty && is_valid_tag_type(&lower) {
                    t!(cx, format!("write the type in lower case: \"tag.{lower}\""), format!("类型请用小写：\"tag.{lower}\""))
                } else {
                    t!(cx, "a tag type matches `^[a-z][a-z0-9_]{0,32}$`, e.g. `location`", "标签类型须匹配 `^[a-z][a-z0-9_]{0,32}$`，例如 `location`")
                };
                let d = cx
                    .diagnostic(
                        p.key.span,
                        t!(cx, 
                            format!("Doris rejects the tag type `{ty}` in {text} (`Invalid tag type format: {ty}`): {why}"),
                            format!("Doris 会拒绝 {text} 中的标签类型 `{ty}`（`Invalid tag type format: {ty}`）：{why}"),
                        ),
                    )
                    .with_help(help);
                cx.push(d);
            }
        }
    }
}
