use crate::diagnostic::{Edit, Fix, Severity};
use crate::options::Mode;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct DropBackendRefused;

static META: RuleMeta = RuleMeta {
    code: "D301",
    name: "drop-backend-refused",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Unsafe,
    summary: "`DROP BACKEND` (single P): Doris refuses it; use DECOMMISSION (or DROPP).",
    explanation: r#"
**What it does.** Finds `ALTER SYSTEM DROP BACKEND ...` (one `P`).

**Why.** The statement parses, but an integrated-mode frontend refuses it: `It is highly NOT
RECOMMENDED to use DROP BACKEND stmt.It is not safe to directly drop a backend. All data on this
backend will be discarded permanently. If you insist, use DROPP instead of DROP`. There are two
real ways to remove a backend:

- `DECOMMISSION BACKEND` migrates the backend's replicas to the other backends first and then
  removes it: safe, and the normal choice;
- `DROPP BACKEND` removes it at once and **discards its data** (replicas with no other copy are
  lost).

In `mode = "decoupled"` the rule stays quiet (a decoupled cluster keeps the data in shared
storage and does not refuse DROP BACKEND).

**Example.**
```sql
ALTER SYSTEM DROP BACKEND "10.0.0.5:9050";
ALTER SYSTEM DECOMMISSION BACKEND "10.0.0.5:9050";
```

**Fix (unsafe).** Replaces `DROP` with `DECOMMISSION` (in the case the keyword was written in).
It changes what happens (a slow, safe migration instead of a drop), so it is offered, not applied.
"#,
};

/// `word` in the letter case of `like` (all lower, all upper, or capitalised).
pub(crate) fn same_case(like: &str, word: &str) -> String {
    if like.chars().all(|c| !c.is_ascii_uppercase()) {
        word.to_ascii_lowercase()
    } else if like.chars().all(|c| !c.is_ascii_lowercase()) {
        word.to_ascii_uppercase()
    } else {
        let lower = word.to_ascii_lowercase();
        let mut cs = lower.chars();
        cs.next().map(|f| f.to_ascii_uppercase().to_string() + cs.as_str()).unwrap_or_default()
    }
}

impl Rule for DropBackendRefused {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        if cx.options.mode == Mode::Decoupled {
            return;
        }
        suggest_decommission(
            cx,
            StatementKind::DropBackend,
            "DROP",
            (
                "Doris refuses DROP BACKEND: \"It is highly NOT RECOMMENDED to use DROP BACKEND stmt.It is not safe to directly drop a backend. All data on this backend will be discarded permanently. If you insist, use DROPP instead of DROP\"",
                "Doris 会拒绝 DROP BACKEND：\"It is highly NOT RECOMMENDED to use DROP BACKEND stmt.It is not safe to directly drop a backend. All data on this backend will be discarded permanently. If you insist, use DROPP instead of DROP\"",
            ),
            (
                "use DECOMMISSION BACKEND: it migrates the backend's data to the other backends and then removes it (safe); DROPP BACKEND removes it at once and discards its data",
                "请使用 DECOMMISSION BACKEND：它先把该 backend 的数据迁移到其他 backend 再下线（安全）；DROPP BACKEND 会立即删除并丢弃其数据",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::same_case;

    #[test]
    fn keeps_case() {
        assert_eq!(same_case("DROP", "DECOMMISSION"), "DECOMMISSION");
        assert_eq!(same_case("drop", "DECOMMISSION"), "decommission");
        assert_eq!(same_case("Drop", "DECOMMISSION"), "Decommission");
        assert_eq!(same_case("dROPP", "DECOMMISSION"), "Decommission");
    }
}

/// Reports every `verb BACKEND` statement of `kind` with `message`/`help` and the unsafe fix
/// that turns the verb into `DECOMMISSION` (in the user's case). Shared by D301 and D302.
pub(crate) fn suggest_decommission(
    cx: &mut Context<'_, '_>,
    kind: StatementKind,
    verb: &str,
    message: (&'static str, &'static str),
    help: (&'static str, &'static str),
) {
    for (_, st) in cx.statements() {
        if st.kind != kind {
            continue;
        }
        let Some(kw) = st.keyword(verb) else { continue };
        let text = cx.text(kw.span);
        let new = same_case(text, "DECOMMISSION");
        let span = st.keyword("BACKEND").map_or(kw.span, |b| kw.span.cover(b.span));
        let d = cx
            .diagnostic(span, t!(cx, message.0, message.1))
            .with_help(t!(cx, help.0, help.1))
            .with_fix(Fix::unsafe_(
                t!(cx, cat!("Replace `", text, "` with `", new, "`"), cat!("将 `", text, "` 替换为 `", new, "`")),
                vec![Edit::replace(kw.span, new)],
            ));
        cx.push(d);
    }
}
