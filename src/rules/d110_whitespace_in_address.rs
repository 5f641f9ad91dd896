use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::address_checks::{requote, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct WhitespaceInAddress;

static META: RuleMeta = RuleMeta {
    code: "D110",
    name: "whitespace-in-address",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::Safe,
    summary: "Spaces, tabs or line breaks inside an address literal.",
    explanation: r#"
**What it does.** Finds whitespace inside an address that Doris otherwise accepts.

**Why.** Doris deletes all whitespace from an address before reading it, so
`" 10.0.0.1 : 9050 "` works, but the text in the script is then not the address Doris stores
and shows in `SHOW BACKENDS`: searching scripts for the address, or comparing them with tools,
fails. Often it is also a sign of a line pasted together from several pieces.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND " 10.0.0.1 : 9050 ";
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```

**Fix (safe).** Removes the whitespace: Doris reads the literal the same way afterwards.
"#,
};

impl Rule for WhitespaceInAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            if !lit.has_whitespace() || !matches!(lit.verdict, Verdict::Valid(_)) {
                continue;
            }
            let op = lit.operand;
            let text = cx.text(op.span);
            let fixed = requote(op, lit.stripped());
            let d = cx
                .diagnostic(
                    op.span,
                    t!(cx, 
                        cat!("`", text, "` contains whitespace: Doris silently removes it and reads ", fixed),
                        cat!("`", text, "` 中含有空白字符：Doris 会静默删除它们，实际读取为 ", fixed),
                    ),
                )
                .with_help(t!(cx, cat!("write ", fixed), cat!("请写成 ", fixed)))
                .with_fix(Fix::safe(t!(cx, "Remove the whitespace", "删除空白字符"), vec![Edit::replace(op.span, fixed)]));
            cx.push(d);
        }
    }
}
