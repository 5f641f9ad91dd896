use crate::diagnostic::Severity;
use crate::options::Mode;
use crate::rules::tags::tag_type;
use crate::rules::{Context, FixAvailability, FxHashSet, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct MultipleTags;

static META: RuleMeta = RuleMeta {
    code: "D206",
    name: "multiple-tags",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::None,
    summary: "More than one tag on a backend, which needs `enable_multi_tags = true` in fe.conf.",
    explanation: r#"
**What it does.** Counts the tags an ADD BACKEND or MODIFY BACKEND statement gives one backend.
For ADD BACKEND without `tag.location` it counts the `tag.location = default` that Doris adds.
The endpoint tags (`tag.public_endpoint`, `tag.private_endpoint`) count too: Doris keeps them in
the same tag map.

**Why.** Unless the frontends run with `enable_multi_tags = true` in `fe.conf`, Doris rejects a
second tag with `Not support multi tags for Backend now. You can set 'enable_multi_tags=true' in
fe.conf to enable this feature.` The option's default differs between versions, so the rule is a
warning by default; set the option `enableMultiTags` to say what your cluster does: `true`
silences the rule, `false` makes it an error. In `mode = "decoupled"` the rule stays quiet:
backends of a decoupled (cloud) cluster carry several tags by design.

**Example.**
```sql
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location" = "g1", "tag.compute" = "c1");
```

**Fix.** None: either enable multi tags in `fe.conf` or keep one tag.
"#,
};

impl Rule for MultipleTags {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let enabled = cx.options.enable_multi_tags;
        if enabled == Some(true) || cx.options.mode == Mode::Decoupled {
            return;
        }
        // Without a property list there is at most the implicit location tag.
        // Reused from statement to statement.
        let (mut types, mut seen, mut spans): (Vec<&str>, FxHashSet<&str>, Vec<_>) = Default::default();
        for (st, items) in cx.backend_properties() {
            types.clear();
            seen.clear();
            spans.clear();
            for p in items {
                if let Some(ty) = tag_type(cx.source, &p.key) {
                    if seen.insert(ty) {
                        types.push(ty);
                        spans.push(p.key.span);
                    }
                }
            }
            let implicit = st.kind == StatementKind::AddBackend && !seen.contains("location");
            let count = types.len() + usize::from(implicit);
            if count <= 1 {
                continue;
            }
            // Point at the first tag beyond the first one (the first given tag when the implicit
            // location is the first).
            let at = if implicit { spans[0] } else { spans[1] };
            let mut list: Vec<String> = types.iter().take(5).map(|t| format!("tag.{t}")).collect();
            if types.len() > 5 {
                list.push("...".to_string());
            }
            let list_zh = list.clone();
            if implicit {
                list.push("tag.location (implicit `default`)".to_string());
            }
            let list_zh = if implicit {
                let mut l = list_zh;
                l.push("tag.location（隐式的 `default`）".to_string());
                l
            } else {
                list_zh
            };
            let mut d = cx
                .diagnostic(
                    at,
                    t!(cx, 
                        format!(
                            "this backend would get {count} tags ({}): unless fe.conf sets `enable_multi_tags = true`, Doris rejects it with `Not support multi tags for Backend now. You can set 'enable_multi_tags=true' in fe.conf to enable this feature.`",
                            list.join(", ")
                        ),
                        format!(
                            "该 backend 将有 {count} 个标签（{}）：除非 fe.conf 设置了 `enable_multi_tags = true`，否则 Doris 会拒绝：`Not support multi tags for Backend now. You can set 'enable_multi_tags=true' in fe.conf to enable this feature.`",
                            list_zh.join("、")
                        ),
                    ),
                )
                .with_help(t!(cx, 
                    "keep a single tag, or enable multi tags in fe.conf and set the option `enableMultiTags = true`",
                    "只保留一个标签，或在 fe.conf 中启用多标签并设置选项 `enableMultiTags = true`",
                ));
            if enabled == Some(false) && !cx.severity_configured() {
                d.severity = Severity::Error;
            }
            cx.push(d);
        }
    }
}
