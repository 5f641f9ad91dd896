use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::tags::{classify, doris_key, quote_like, KeyClass};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::{OperandKind, StatementKind};

pub struct IgnoredTagKey;

static META: RuleMeta = RuleMeta {
    code: "D202",
    name: "ignored-tag-key",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Sometimes,
    summary: "A key that was meant as a tag but that Doris silently skips (`Tag.location`, `tag.a.b`, back-quoted).",
    explanation: r#"
**What it does.** Finds keys of ADD / MODIFY BACKEND that clearly mean a tag but that Doris does
not read as one: `tag.` in another case (`"Tag.location"`, `"TAG.location"`), two dots
(`"tag.a.b"`), nothing after the dot (`"tag."`), or a back-quoted key (`` `tag.location` ``: the
back-quotes stay part of the key).

**Why.** Doris reads a tag only from a key that starts with exactly `tag.` and has exactly one dot.
ADD BACKEND skips every other key **without any error** and puts the backend in the `default`
resource group, which the user did not mean; MODIFY BACKEND rejects the key with
`unknown properties setting for key (...)`.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("Tag.location" = "group_a");
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.location" = "group_a");
```

**Fix (safe, when the intended key is clear).** Rewrites the key as a quoted
`"tag.<type>"` in lower case (`"tag.location"`; a single-quoted key stays single-quoted). No fix for `tag.a.b`: which part was meant
cannot be known.
"#,
};

impl Rule for IgnoredTagKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (st, items) in cx.backend_properties() {
            for p in items {
                let KeyClass::IgnoredTag { fixed } = classify(cx.source, &p.key, st.kind) else { continue };
                let text = cx.text(p.key.span);
                let v = p.key.value(cx.source);
                let why = if p.key.kind == OperandKind::Backquoted {
                    t!(cx, "a back-quoted key keeps its back-quotes, so it does not start with `tag.`", "反引号键会保留反引号，因此不以 `tag.` 开头")
                } else if !v.starts_with("tag.") {
                    t!(cx, "the prefix must be exactly `tag.` in lower case", "前缀必须是小写的 `tag.`")
                } else if v.len() == 4 {
                    t!(cx, "there is no tag type after `tag.`", "`tag.` 后面没有标签类型")
                } else {
                    t!(cx, "a tag key has exactly one dot (`tag.<type>`)", "标签键只能有一个点（`tag.<类型>`）")
                };
                let msg = if st.kind == StatementKind::ModifyBackend {
                    let key = doris_key(cx.source, &p.key);
                    t!(cx, 
                        format!("Doris does not read {text} as a tag and rejects it as an unknown property (`unknown properties setting for key ({key})`): {why}"),
                        format!("Doris 不会把 {text} 当作标签，而是将其作为未知属性拒绝（`unknown properties setting for key ({key})`）：{why}"),
                    )
                } else {
                    t!(cx, 
                        format!("Doris does not read {text} as a tag and silently ignores it: {why}"),
                        format!("Doris 不会把 {text} 当作标签，而是静默忽略它：{why}"),
                    )
                };
                let mut d = cx.diagnostic(p.key.span, msg);
                match &fixed {
                    Some(f) => {
                        let new = quote_like(&p.key, f);
                        d = d.with_help(t!(cx, format!("write {new}"), format!("请写成 {new}")));
                        d = d.with_fix(Fix::safe(
                            t!(cx, format!("Replace the key with {new}"), format!("将键替换为 {new}")),
                            vec![Edit::replace(p.key.span, new)],
                        ));
                    }
                    None => {
                        d = d.with_help(t!(cx, 
                            "write the tag as `\"tag.<type>\"` with one lower-case type, e.g. \"tag.location\"",
                            "标签请写成 `\"tag.<类型>\"`，类型为一个小写名称，例如 \"tag.location\"",
                        ));
                    }
                }
                cx.push(d);
            }
        }
    }
}
