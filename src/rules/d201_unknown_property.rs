use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::tags::{classify, doris_key, quote_like, KeyClass};
use crate::rules::{levenshtein, Context, FixAvailability, FxHashSet, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct UnknownProperty;

static META: RuleMeta = RuleMeta {
    code: "D201",
    name: "unknown-property",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::Unsafe,
    summary: "A property key that ADD BACKEND silently ignores or MODIFY BACKEND rejects.",
    explanation: r#"
**What it does.** Checks the keys of `ADD BACKEND ... PROPERTIES (...)` and
`MODIFY BACKEND ... SET (...)`.

**Why.** `ADD BACKEND` reads only keys that start with `tag.`: any other key (a typo such as
`"location"` or `"tag_location"`) is **silently ignored**, and the backend lands in the `default`
resource group. `MODIFY BACKEND` accepts only `tag.*`, `disable_query` and `disable_load` and
**rejects** anything else with `unknown properties setting for key (k1,k2)`. So the default
severity is *warning* for ADD BACKEND and *error* for MODIFY BACKEND (unless you configure the
rule's severity, which then applies to both). Keys that are a mis-written tag (`"Tag.location"`,
back-quoted `` `tag.location` ``) are reported by D202 instead; the free-form keys of
`SET LOAD ERRORS HUB` are not checked.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("location" = "group_a");   -- ignored
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.location" = "group_a");
```

**Fix (unsafe).** Replaces the key with the closest known key (`tag.location`,
`tag.compute_group_name`, `tag.public_endpoint`, `tag.private_endpoint`, and for MODIFY
`disable_query` / `disable_load`), keeping the key's quote style. It is a guess, so check it.
"#,
};

const ADD_KEYS: &[&str] = &["tag.location", "tag.compute_group_name", "tag.public_endpoint", "tag.private_endpoint"];
const MODIFY_KEYS: &[&str] = &[
    "tag.location",
    "tag.compute_group_name",
    "tag.public_endpoint",
    "tag.private_endpoint",
    "disable_query",
    "disable_load",
];

/// The known key the user most probably meant, if one is close enough.
pub(crate) fn suggest(key: &str, kind: StatementKind) -> Option<&'static str> {
    let known = if kind == StatementKind::ModifyBackend { MODIFY_KEYS } else { ADD_KEYS };
    let lower = key.trim().to_ascii_lowercase();
    if lower.is_empty() {
        return None;
    }
    let prefixed = format!("tag.{lower}");
    if let Some(k) = known.iter().find(|k| **k == lower || **k == prefixed) {
        return Some(k);
    }
    let mut best: Option<(usize, &'static str)> = None;
    for k in known {
        let d = levenshtein(&lower, k).min(levenshtein(&prefixed, k));
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    let (d, k) = best?;
    let limit = if k.len() > 14 { 3 } else { 2 };
    (d <= limit).then_some(k)
}

impl Rule for UnknownProperty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (st, items) in cx.backend_properties() {
            let modify = st.kind == StatementKind::ModifyBackend;
            let unknown: Vec<_> = items.iter().filter(|p| classify(cx.source, &p.key, st.kind) == KeyClass::Other).collect();
            if unknown.is_empty() {
                continue;
            }
            // Doris lists every key it did not consume, mis-written tags (D202) included.
            // (At most five are quoted, so a huge list does not make every message huge.)
            let rejected: Vec<_> = items
                .iter()
                .filter(|p| matches!(classify(cx.source, &p.key, st.kind), KeyClass::Other | KeyClass::IgnoredTag { .. }))
                .take(6)
                .map(|p| doris_key(cx.source, &p.key))
                .collect();
            let mut all_keys = rejected.iter().take(5).cloned().collect::<Vec<_>>().join(",");
            if rejected.len() > 5 {
                all_keys.push_str(",...");
            }
            let present: FxHashSet<&str> = items.iter().filter(|q| q.key.kind.is_string()).map(|q| q.key.value(cx.source)).collect();
            for p in unknown {
                let text = cx.text(p.key.span);
                let suggestion = suggest(p.key.value(cx.source), st.kind);
                let mut msg = if modify {
                    t!(cx, 
                        format!("Doris rejects the key {text}: MODIFY BACKEND accepts only `tag.*`, `disable_query` and `disable_load` (`unknown properties setting for key ({all_keys})`)"),
                        format!("Doris 会拒绝键 {text}：MODIFY BACKEND 只接受 `tag.*`、`disable_query` 和 `disable_load`（`unknown properties setting for key ({all_keys})`）"),
                    )
                } else {
                    t!(cx, 
                        format!("Doris silently ignores the key {text}: ADD BACKEND reads only keys starting with `tag.`"),
                        format!("Doris 会静默忽略键 {text}：ADD BACKEND 只读取以 `tag.` 开头的键"),
                    )
                };
                if let Some(s) = suggestion {
                    msg.to_mut().push_str(&t!(cx, format!("; did you mean `{s}`?"), format!("；是否想写 `{s}`？")));
                }
                let help = if modify {
                    t!(cx, "use a `tag.<type>` key, `disable_query` or `disable_load`", "请使用 `tag.<类型>` 键、`disable_query` 或 `disable_load`")
                } else {
                    t!(cx, 
                        "write the tag as `\"tag.location\" = \"...\"` (integrated mode) or `\"tag.compute_group_name\" = \"...\"` (decoupled mode)",
                        "标签请写成 `\"tag.location\" = \"...\"`（存算一体）或 `\"tag.compute_group_name\" = \"...\"`（存算分离）",
                    )
                };
                let mut d = cx.diagnostic(p.key.span, msg).with_help(help);
                if modify && !cx.severity_configured() {
                    d.severity = Severity::Error;
                }
                // No fix when the suggested key is already in the list (it would make a duplicate, D205).
                let taken = |s: &str| present.contains(s);
                if let Some(s) = suggestion.filter(|s| !taken(s)) {
                    let new = quote_like(&p.key, s);
                    d = d.with_fix(Fix::unsafe_(
                        t!(cx, format!("Replace the key with {new}"), format!("将键替换为 {new}")),
                        vec![Edit::replace(p.key.span, new)],
                    ));
                }
                cx.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let add = StatementKind::AddBackend;
        let modify = StatementKind::ModifyBackend;
        assert_eq!(suggest("location", add), Some("tag.location"));
        assert_eq!(suggest("compute_group_name", add), Some("tag.compute_group_name"));
        assert_eq!(suggest("tag_location", add), Some("tag.location"));
        assert_eq!(suggest("locaton", add), Some("tag.location"));
        assert_eq!(suggest("disable_querry", modify), Some("disable_query"));
        assert_eq!(suggest("DISABLE_LOAD", modify), Some("disable_load"));
        assert_eq!(suggest("disable_load", add), None);
        assert_eq!(suggest("storage_medium", add), None);
        assert_eq!(suggest("", add), None);
    }
}
