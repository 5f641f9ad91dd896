use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::address_checks::{self, requote_into, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct SeveralAddressesInOneLiteral;

static META: RuleMeta = RuleMeta {
    code: "D101",
    name: "several-addresses-in-one-literal",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Safe,
    summary: "Several addresses (or ids) inside one string literal.",
    explanation: r#"
**What it does.** Finds a single string literal that holds several `host:port` addresses (or
backend ids) separated by commas, semicolons or spaces.

**Why.** Each literal must hold exactly one address. Doris splits a literal at every `:`, so
`"h1:9050,h2:9050"` gives three parts and the statement fails with `invalid host port: ...`.
The official ADD BACKEND page shows exactly this form in its first example.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "192.168.0.1:9050,192.168.0.2:9050";   -- rejected
ALTER SYSTEM ADD BACKEND "192.168.0.1:9050", "192.168.0.2:9050"; -- two backends
```

**Fix (safe).** Writes one literal per address, with the same quotes.
"#,
};

impl Rule for SeveralAddressesInOneLiteral {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            let Verdict::Several(pieces) = &lit.verdict else { continue };
            let op = lit.operand;
            let text = cx.text(op.span);
            let value = lit.value();
            let mut fixed = String::with_capacity(value.len() + 4 * pieces.len());
            for (i, &(a, b)) in pieces.iter().enumerate() {
                if i > 0 {
                    fixed.push_str(", ");
                }
                requote_into(&mut fixed, op, &value[a..b]);
            }
            let outcome = address_checks::doris_outcome(value, lit.role, lit.statement.kind, cx);
            let n = pieces.len();
            let d = cx
                .diagnostic(
                    op.span,
                    t!(cx, 
                        cat!("`", text, "` holds ", n, " entries in one string literal: ", outcome),
                        cat!("`", text, "` 在一个字符串字面量里写了 ", n, " 个条目：", outcome),
                    ),
                )
                .with_help(t!(cx, 
                    cat!("write one literal per address or id, separated by commas: ", fixed),
                    cat!("每个地址或 id 单独写一个字面量，用逗号分隔：", fixed),
                ))
                .with_fix(Fix::safe(t!(cx, "Split into one literal per address or id", "拆成每个地址或 id 一个字面量"), vec![Edit::replace(op.span, fixed)]));
            cx.push(d);
        }
    }
}
