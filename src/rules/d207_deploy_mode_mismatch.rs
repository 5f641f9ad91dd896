use crate::diagnostic::Severity;
use crate::options::Mode;
use crate::rules::tags::tag_type;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct DeployModeMismatch;

static META: RuleMeta = RuleMeta {
    code: "D207",
    name: "deploy-mode-mismatch",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::None,
    summary: "A tag of the other deployment mode: `tag.compute_group_name` in integrated mode, `tag.location` in decoupled mode.",
    explanation: r#"
**What it does.** Only with the option `mode` set: in `"integrated"` mode (storage and compute
together) it flags `tag.compute_group_name`; in `"decoupled"` mode (storage and compute apart,
"cloud") it flags `tag.location`. In `"auto"` (the default) it stays quiet.

**Why.** `tag.location` chooses a resource group of an integrated cluster; `tag.compute_group_name`
chooses the compute group of a decoupled cluster. Doris accepts either tag in either mode (any tag
type is valid), but the one from the other mode has no effect there: the backend does not end up
where the user wanted.

**Example.** With `mode = "integrated"`:
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.compute_group_name" = "cg1");
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.location" = "cg1");
```

**Fix.** None: which group the backend belongs to is for the user to decide.
"#,
};

impl Rule for DeployModeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let (wrong, right, mode_en, mode_zh) = match cx.options.mode {
            Mode::Auto => return,
            Mode::Integrated => ("compute_group_name", "location", "integrated", "存算一体"),
            Mode::Decoupled => ("location", "compute_group_name", "decoupled", "存算分离"),
        };
        for (_, items) in cx.backend_properties() {
            for p in items {
                if tag_type(cx.source, &p.key) != Some(wrong) {
                    continue;
                }
                let text = cx.text(p.key.span);
                let d = cx
                    .diagnostic(
                        p.key.span,
                        t!(cx, 
                            format!("{text} belongs to the other deployment mode: this cluster is configured as {mode_en} storage and compute (option `mode`), where backends are grouped by `tag.{right}`; Doris accepts the tag but it has no effect here"),
                            format!("{text} 属于另一种部署模式：该集群配置为{mode_zh}（选项 `mode`），backend 按 `tag.{right}` 分组；Doris 会接受这个标签，但在这里不起作用"),
                        ),
                    )
                    .with_help(t!(cx, 
                        format!("use \"tag.{right}\", or set the option `mode` to match the cluster"),
                        format!("请使用 \"tag.{right}\"，或将选项 `mode` 设置为与集群一致"),
                    ));
                cx.push(d);
            }
        }
    }
}
