use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::{OperandKind, Part};

pub struct UnquotedAddress;

static META: RuleMeta = RuleMeta {
    code: "D007",
    name: "unquoted-address",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Safe,
    summary: "An address or backend id written without quotes.",
    explanation: r#"
**What it does.** Finds addresses and backend ids that are not string literals.

**Why.** Doris's grammar only takes string literals there: `ADD BACKEND 10.0.0.1:9050` is a syntax
error.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND 10.0.0.1:9050;
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```

**Fix (safe).** Wraps each one in double quotes.
"#,
};

impl Rule for UnquotedAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, st) in cx.statements() {
            for part in &st.parts {
                let Part::Addresses(list) = part else { continue };
                for item in list.items.iter().filter(|i| i.kind == OperandKind::BareAddress) {
                    let text = cx.text(item.span);
                    let d = cx
                        .diagnostic(
                            item.span,
                            t!(cx, 
                                format!("`{text}` must be a quoted string: Doris rejects an unquoted address with a syntax error"),
                                format!("`{text}` 必须用引号括起来：Doris 会以语法错误拒绝未加引号的地址"),
                            ),
                        )
                        .with_help(t!(cx, format!("write \"{text}\""), format!("请写成 \"{text}\"")))
                        .with_fix(Fix::safe(
                            t!(cx, "Quote the address", "给地址加上引号"),
                            vec![Edit::insert(item.span.start, "\""), Edit::insert(item.span.end, "\"")],
                        ));
                    cx.push(d);
                }
            }
        }
    }
}
