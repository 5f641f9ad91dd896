use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::Node;

pub struct UnsupportedStatement;

static META: RuleMeta = RuleMeta {
    code: "D903",
    name: "unsupported-statement",
    default_severity: None,
    fix: FixAvailability::None,
    summary: "A statement outside the `ALTER SYSTEM` family: doris-lint skips it (off by default).",
    explanation: r#"
**What it does.** Reports each statement that is not part of the `ALTER SYSTEM` family (nor
`CANCEL DECOMMISSION BACKEND`): `SELECT`, `SHOW BACKENDS`, `CREATE TABLE`, ... doris-lint never
checks those, and never reports them as errors.

**Why.** Off by default. Turn it on (`[lint.rules] D903 = "info"`) to see which statements of a
script were not checked at all, e.g. to make sure a migration script holds only cluster
commands.

**Example.**
```sql
SHOW BACKENDS;                                   -- D903: skipped
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";        -- checked
```

**Fix.** None.
"#,
};

/// At most this many characters of the statement are quoted.
const QUOTE_CHARS: usize = 40;

impl Rule for UnsupportedStatement {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in &cx.script.segments {
            if !matches!(seg.node, Node::Other) || seg.body.is_empty() {
                continue;
            }
            let text = cx.text(seg.body);
            let first_line = text.lines().next().unwrap_or("").trim_end();
            let mut quoted: String = first_line.chars().take(QUOTE_CHARS).collect();
            if quoted.len() < text.len() {
                quoted.push('…');
            }
            let d = cx
                .diagnostic(
                    seg.body,
                    t!(cx, 
                        format!("`{quoted}` is not an ALTER SYSTEM statement: doris-lint skips it and checks nothing in it"),
                        format!("`{quoted}` 不是 ALTER SYSTEM 语句：doris-lint 跳过它，不做任何检查"),
                    ),
                )
                .with_help(t!(cx, 
                    "nothing to change; this rule only lists the statements that were not checked",
                    "无需修改；本规则只列出未被检查的语句",
                ));
            cx.push(d);
        }
    }
}
