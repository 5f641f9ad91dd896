use crate::diagnostic::{Edit, Fix, Severity};
use crate::lint::effective_severity;
use crate::rules::{levenshtein, Context, FixAvailability, Rule, RuleMeta, RULES};
use crate::span::Span;
use crate::suppression::{SuppressedCode, Suppression, SuppressionScope};

pub struct UnusedSuppression;

static META: RuleMeta = RuleMeta {
    code: "D901",
    name: "unused-suppression",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::Unsafe,
    summary: "A suppression comment that suppressed nothing, or names no known rule.",
    explanation: r#"
**What it does.** Checks every `doris-lint: ignore ...` and `doris-lint: ignore-file ...`
comment after the other rules ran, and reports a code that silenced no diagnostic, a code or
name that is not a rule, a comment that lists no rule, and an `ignore` comment that stands where
no statement follows it.

**Why.** A stale suppression hides the next real problem of that kind in the statement, and a
misspelt code silences nothing while looking as if it did.

**Example.**
```sql
-- doris-lint: ignore D108 -- BE heartbeat port is remapped
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```
The address uses the heartbeat port, so D108 never fires here: the comment is unused.

**Fix.** Unsafe (the comment may matter under another configuration): remove the unused code
from the list, or the whole comment when nothing in it is used.
"#,
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn runs_after_suppression(&self) -> bool {
        true
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for s in cx.suppressions() {
            check_one(cx, s);
        }
    }
}

fn closest(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    RULES
        .iter()
        .flat_map(|r| [r.meta().code, r.meta().name])
        .map(|cand| (levenshtein(&lower, &cand.to_ascii_lowercase()), cand))
        .filter(|(d, cand)| *d <= 2.max(cand.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Why one listed code silenced nothing: (en, zh).
fn reason(cx: &Context<'_, '_>, c: &SuppressedCode, file: bool) -> (String, String) {
    let Some(code) = c.code else {
        let hint = closest(&c.text).map(|s| (format!("; did you mean `{s}`?"), format!("；是否想写 `{s}`？")));
        let (he, hz) = hint.unwrap_or_default();
        return (
            format!("`{}` is not a doris-lint rule code or name, so it suppresses nothing{he}", c.text),
            format!("`{}` 不是 doris-lint 的规则代码或名称，因此什么也没有抑制{hz}", c.text),
        );
    };
    let label = if c.text.eq_ignore_ascii_case(code) { format!("`{code}`") } else { format!("`{}` ({code})", c.text) };
    let label_zh = if c.text.eq_ignore_ascii_case(code) { format!("`{code}`") } else { format!("`{}`（{code}）", c.text) };
    let enabled = crate::rules::find(code).is_some_and(|r| effective_severity(r, cx.options).0.is_some());
    if !enabled {
        (
            format!("{label} is not enabled, so there is nothing to suppress"),
            format!("{label_zh} 未启用，没有可抑制的诊断"),
        )
    } else if file {
        (
            format!("{label} reports nothing in this file, so suppressing it does nothing"),
            format!("本文件中没有 {label_zh} 诊断，该抑制不起作用"),
        )
    } else {
        (
            format!("{label} reports nothing in this statement, so suppressing it does nothing"),
            format!("该语句中没有 {label_zh} 诊断，该抑制不起作用"),
        )
    }
}

/// The bytes to delete to remove the whole comment: its line when the comment stands alone on
/// it, otherwise the comment and the blanks before it.
fn comment_removal(source: &str, comment: Span) -> Span {
    let line_start = source[..comment.start].rfind('\n').map_or(0, |i| i + 1);
    let after = &source[comment.end..];
    let rest_of_line = after.find('\n').map_or(after.len(), |i| i);
    let alone_before = source[line_start..comment.start].trim().is_empty();
    let alone_after = after[..rest_of_line].trim().is_empty();
    if alone_before && alone_after {
        let end = comment.end + rest_of_line + usize::from(rest_of_line < after.len());
        return Span::new(line_start, end);
    }
    if alone_before {
        // `/* ... */ ALTER ...`: the comment and the blanks after it.
        let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
        return Span::new(comment.start, comment.end + blanks);
    }
    let before = &source[line_start..comment.start];
    let blanks = before.len() - before.trim_end().len();
    Span::new(comment.start - blanks, comment.end)
}

fn check_one(cx: &mut Context<'_, '_>, s: &Suppression) {
    let file = s.scope == SuppressionScope::File;
    let whole = |cx: &Context<'_, '_>, en: String, zh: String| {
        let fix = Fix::unsafe_(
            t!(cx, "remove the suppression comment", "删除该抑制注释"),
            vec![Edit::delete(comment_removal(cx.source, s.comment))],
        );
        cx.diagnostic(s.comment, t!(cx, en, zh)).with_fix(fix)
    };
    let quoted = cx.text(s.comment).trim().to_string();
    if !file && s.segment.is_none() {
        let d = whole(
            cx,
            format!("`{quoted}` is not next to a statement, so it suppresses nothing"),
            format!("`{quoted}` 不在任何语句旁边，因此什么也没有抑制"),
        )
        .with_help(t!(cx, 
            "put `-- doris-lint: ignore CODE` on the line right before the statement, or at the end of one of its lines; use `ignore-file` for the whole file",
            "把 `-- doris-lint: ignore CODE` 放在语句的上一行，或语句某一行的行尾；整个文件请用 `ignore-file`",
        ));
        cx.push(d);
        return;
    }
    if s.codes.is_empty() {
        let d = whole(
            cx,
            format!("`{quoted}` names no rule, so it suppresses nothing"),
            format!("`{quoted}` 没有列出任何规则，因此什么也没有抑制"),
        )
        .with_help(t!(cx, 
            "list the codes or names to suppress, comma-separated: `-- doris-lint: ignore D108, D111`",
            "列出要抑制的规则代码或名称，用逗号分隔：`-- doris-lint: ignore D108, D111`",
        ));
        cx.push(d);
        return;
    }
    let unused: Vec<usize> = (0..s.codes.len()).filter(|&i| s.codes[i].used == 0).collect();
    if unused.is_empty() {
        return;
    }
    if unused.len() == s.codes.len() {
        let reasons: Vec<(String, String)> = s.codes.iter().map(|c| reason(cx, c, file)).collect();
        let en = reasons.iter().map(|r| r.0.clone()).collect::<Vec<_>>().join("; ");
        let zh = reasons.iter().map(|r| r.1.clone()).collect::<Vec<_>>().join("；");
        let d = whole(cx, format!("unused suppression: {en}"), format!("无用的抑制注释：{zh}"));
        cx.push(d);
        return;
    }
    for &i in &unused {
        let c = &s.codes[i];
        let (en, zh) = reason(cx, c, file);
        // Remove the code with the separator that follows it (or, for the last, precedes it).
        let span = if let Some(next) = s.codes.get(i + 1) {
            Span::new(c.span.start, next.span.start)
        } else {
            Span::new(s.codes[i - 1].span.end, c.span.end)
        };
        let fix = Fix::unsafe_(
            t!(cx, format!("remove `{}` from the suppression", c.text), format!("从抑制注释中删除 `{}`", c.text)),
            vec![Edit::delete(span)],
        );
        let d = cx.diagnostic(c.span, t!(cx, format!("unused suppression: {en}"), format!("无用的抑制：{zh}"))).with_fix(fix);
        cx.push(d);
    }
}
