use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::tags::doris_key;
use crate::rules::{Context, FixAvailability, FxHashMap, Rule, RuleMeta};
use crate::span::Span;

pub struct DuplicateProperty;

static META: RuleMeta = RuleMeta {
    code: "D205",
    name: "duplicate-property",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Unsafe,
    summary: "The same key twice in one property list.",
    explanation: r#"
**What it does.** Finds a key that appears more than once in one `PROPERTIES (...)` / `SET (...)`
list (keys compare exactly, as Doris compares them).

**Why.** Doris builds the property map with a builder that refuses repeats: the statement fails
with `Multiple entries with same key`.

**Example.**
```sql
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location" = "g1", "tag.location" = "g2");
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("tag.location" = "g2");
```

**Fix (unsafe).** Keeps the last occurrence and removes the earlier one with its comma. Which of
the two values was meant is a guess.
"#,
};

impl Rule for DuplicateProperty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        // Key → index of its last item in the current list (reused from list to list).
        let mut last = FxHashMap::default();
        for (_, list) in cx.property_lists() {
            if list.items.len() < 2 {
                continue;
            }
            last.clear();
            for (i, p) in list.items.iter().enumerate() {
                let key = doris_key(cx.source, &p.key);
                let Some(prev) = last.insert(key.clone(), i) else { continue };
                let earlier = &list.items[prev];
                // Remove the earlier item, its comma and the whitespace up to the next item.
                let end = list.items.get(prev + 1).map_or(earlier.span.end, |n| n.span.start);
                let remove = Span::new(earlier.span.start, end);
                let text = cx.text(p.key.span);
                let old = cx.text(earlier.span);
                let d = cx
                    .diagnostic(
                        p.key.span,
                        t!(cx, 
                            format!("the key {text} is given twice in this list: Doris rejects the statement (`Multiple entries with same key`)"),
                            format!("键 {text} 在此列表中出现了两次：Doris 会拒绝该语句（`Multiple entries with same key: {key}`）"),
                        ),
                    )
                    .with_help(t!(cx, format!("keep one of them; the earlier one is `{old}`"), format!("只保留其中一个；前一个是 `{old}`")))
                    .with_fix(Fix::unsafe_(
                        t!(cx, format!("Remove the earlier `{old}`"), format!("删除前一个 `{old}`")),
                        vec![Edit::delete(remove)],
                    ));
                cx.push(d);
            }
        }
    }
}
