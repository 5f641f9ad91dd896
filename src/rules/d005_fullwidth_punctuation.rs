use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::{AssignKind, LexicalIssue, Node};

pub struct FullwidthPunctuation;

static META: RuleMeta = RuleMeta {
    code: "D005",
    name: "fullwidth-punctuation",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Safe,
    summary: "Full-width `；，（）＝：` or typographic quotes `“ ” ‘ ’` where Doris needs ASCII.",
    explanation: r#"
**What it does.** Finds full-width punctuation and typographic quotes outside string literals,
typically pasted from zh-CN documents or word processors.

**Why.** Doris's lexer counts every non-ASCII character as a letter: `broker_name；` is read as one
identifier, so the statement either fails or silently names the wrong broker; `“be1:9050”` is not
a string.

**Example.**
```sql
ALTER SYSTEM DROP ALL BROKER broker_name；
ALTER SYSTEM ADD BACKEND “be1:9050”;
```

**Fix (safe).** The ASCII character (`;`, `,`, `(`, `)`, `=`, `:`, `"`, `'`).
"#,
};

impl Rule for FullwidthPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in cx.checked_segments() {
            if !seg.lexical.iter().any(|i| matches!(i, LexicalIssue::FullwidthPunctuation { .. })) {
                continue;
            }
            // A full-width colon between a key and its value is reported by D009 (with `=`).
            let colons: Vec<Span> = match &seg.node {
                Node::Statement(st) => st
                    .properties()
                    .map(|l| {
                        l.items
                            .iter()
                            .filter(|p| p.assign.kind == AssignKind::FullwidthColon)
                            .map(|p| p.assign.span)
                            .collect()
                    })
                    .unwrap_or_default(),
                _ => vec![],
            };
            for issue in &seg.lexical {
                let LexicalIssue::FullwidthPunctuation { span, ascii } = *issue else { continue };
                if colons.contains(&span) {
                    continue;
                }
                let text = cx.text(span);
                let first = text.chars().next().unwrap_or(' ');
                let is_string = text.chars().count() > 1;
                let (target, edits) = if is_string {
                    // A “typographic” string: replace both quotes, keep the content.
                    let last = text.chars().last().unwrap_or(' ');
                    let content = &text[first.len_utf8()..text.len() - last.len_utf8()];
                    let q = if first == '\u{2018}' || first == '\u{2019}' { '\'' } else { '"' };
                    let q = if content.contains(q) || content.contains('\\') {
                        if q == '"' { '\'' } else { '"' }
                    } else {
                        q
                    };
                    (
                        format!("{first}...{last}"),
                        vec![
                            Edit::replace(Span::new(span.start, span.start + first.len_utf8()), q.to_string()),
                            Edit::replace(Span::new(span.end - last.len_utf8(), span.end), q.to_string()),
                        ],
                    )
                } else {
                    (first.to_string(), vec![Edit::replace(span, ascii.to_string())])
                };
                let shown = if is_string { "\"".to_string() } else { ascii.to_string() };
                let (en, zh) = match (first, is_string) {
                    ('\u{FF1B}', _) => (
                        "full-width `；` does not end the statement: Doris reads it as part of the name before it".to_string(),
                        "全角 `；` 不会结束语句：Doris 会把它当作前面名字的一部分".to_string(),
                    ),
                    (_, true) => (
                        format!("typographic quotes `{target}` are not string quotes in Doris"),
                        format!("排版引号 `{target}` 在 Doris 中不是字符串引号"),
                    ),
                    _ => (
                        format!("full-width `{target}` is not SQL punctuation in Doris: write `{shown}`"),
                        format!("全角 `{target}` 在 Doris 中不是 SQL 标点：请写 `{shown}`"),
                    ),
                };
                let d = cx
                    .diagnostic(span, t!(cx, en, zh))
                    .with_help(t!(cx, format!("use the ASCII `{shown}`"), format!("请使用 ASCII 字符 `{shown}`")))
                    .with_fix(Fix::safe(
                        t!(cx, format!("Replace with `{shown}`"), format!("替换为 `{shown}`")),
                        edits,
                    ));
                cx.push(d);
            }
        }
    }
}
