use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::tags::{classify, quote_like, KeyClass};
use crate::rules::{levenshtein, Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct InvalidBoolean;

static META: RuleMeta = RuleMeta {
    code: "D210",
    name: "invalid-boolean",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::Unsafe,
    summary: "A `disable_query` / `disable_load` value other than `true` / `false`: Doris reads it as false.",
    explanation: r#"
**What it does.** Checks the values of `disable_query` and `disable_load` in
`MODIFY BACKEND ... SET (...)`.

**Why.** Doris reads them with Java's `Boolean.parseBoolean`: only `true` (any case) means true;
every other value (`yes`, `1`, `on`, the typo `ture`) is silently **false**, so the backend keeps
serving queries or loads although the statement seemed to disable them.

**Example.**
```sql
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("disable_query" = "yes");
ALTER SYSTEM MODIFY BACKEND "10.0.0.1:9050" SET ("disable_query" = "true");
```

**Fix (unsafe).** `"true"` when the value looks like a yes (`yes`, `y`, `1`, `on`, `enable`, or a
misspelt `true` such as `ture`); `"false"` when it looks like a no or a misspelt `false`
(`no`, `0`, `off`, `fasle`) — that does not change what Doris does, it only says it.
"#,
};

/// `Some(true)` / `Some(false)` when `v` (not `true`/`false`) most probably meant that.
pub(crate) fn intended(v: &str) -> Option<bool> {
    let l = v.trim().to_ascii_lowercase();
    match l.as_str() {
        "yes" | "y" | "1" | "on" | "enable" | "enabled" | "t" => return Some(true),
        "no" | "n" | "0" | "off" | "disable" | "disabled" | "f" => return Some(false),
        _ => {}
    }
    if l.len() > 8 {
        return None;
    }
    let same_letters = |w: &str| {
        let mut a: Vec<char> = l.chars().collect();
        let mut b: Vec<char> = w.chars().collect();
        crate::sort::sort_by(&mut a, char::cmp);
        crate::sort::sort_by(&mut b, char::cmp);
        a == b
    };
    if same_letters("true") || (l.len() >= 3 && levenshtein(&l, "true") <= 1) {
        return Some(true);
    }
    if same_letters("false") || (l.len() >= 4 && levenshtein(&l, "false") <= 1) {
        return Some(false);
    }
    None
}

impl Rule for InvalidBoolean {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (st, list) in cx.property_lists() {
            if st.kind != StatementKind::ModifyBackend {
                continue;
            }
            for p in &list.items {
                if classify(cx.source, &p.key, st.kind) != KeyClass::Flag {
                    continue;
                }
                let v = p.value.value(cx.source);
                if v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false") {
                    continue;
                }
                let key = p.key.value(cx.source);
                let text = cx.text(p.value.span);
                let mut d = cx
                    .diagnostic(
                        p.value.span,
                        t!(cx, 
                            format!("{text} is not a boolean: Doris reads `{key}` as false for any value but `true`, so this does not disable anything"),
                            format!("{text} 不是布尔值：除 `true` 外的任何值 Doris 都会把 `{key}` 当作 false，因此这条语句不会禁用任何东西"),
                        ),
                    )
                    .with_help(t!(cx, format!("write \"true\" to set `{key}`, \"false\" to clear it"), format!("设置 `{key}` 请写 \"true\"，取消请写 \"false\"")));
                if let Some(b) = intended(v) {
                    let new = quote_like(&p.value, if b { "true" } else { "false" });
                    d = d.with_fix(Fix::unsafe_(
                        t!(cx, format!("Replace the value with {new}"), format!("将值替换为 {new}")),
                        vec![Edit::replace(p.value.span, new)],
                    ));
                }
                cx.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::intended;

    #[test]
    fn guesses() {
        for t in ["yes", "Y", "1", "on", "ture", "tru", "treu", "rtue", "TRUEE"] {
            assert_eq!(intended(t), Some(true), "{t}");
        }
        for f in ["no", "0", "off", "fasle", "flase", "fals", "FALES"] {
            assert_eq!(intended(f), Some(false), "{f}");
        }
        for x in ["maybe", "", "2", "group_a"] {
            assert_eq!(intended(x), None, "{x}");
        }
    }
}
