use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Role, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct MixedIdsAndAddresses;

static META: RuleMeta = RuleMeta {
    code: "D112",
    name: "mixed-ids-and-addresses",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::None,
    summary: "One DROPP / DECOMMISSION / MODIFY / CANCEL list mixing backend ids and addresses.",
    explanation: r#"
**What it does.** Flags a backend list that names some backends by id (`"10002"`) and others by
address (`"10.0.0.1:9050"`).

**Why.** Doris sorts the literals into an id list and an address list and handles the two
separately; how a statement treats a mix differs between statements and versions (some look at
only one of the two lists), so a mixed list may touch fewer backends than written. It is also
easy to mistake which backend an id names. Write one statement per form.

**Example.**
```sql
ALTER SYSTEM DECOMMISSION BACKEND "10002", "10.0.0.2:9050";
ALTER SYSTEM DECOMMISSION BACKEND "10002", "10003";
```
"#,
};

impl Rule for MixedIdsAndAddresses {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (st, lits) in cx.literals_by_statement() {
            let mut lits =
                lits.iter().filter(|l| l.role == Role::ExistingBackend && matches!(l.verdict, Verdict::Id(_) | Verdict::Valid(_)));
            // An id has no `:` and an address has one: the verdict tells them apart.
            let id = lits.clone().find(|l| matches!(l.verdict, Verdict::Id(_)));
            let addr = lits.find(|l| matches!(l.verdict, Verdict::Valid(_)));
            let (Some(id), Some(addr)) = (id, addr) else { continue };
            let Some(list) = st.addresses() else { continue };
            let id_text = cx.text(id.operand.span);
            let addr_text = cx.text(addr.operand.span);
            let label = address_checks::statement_label(st.kind);
            let d = cx
                .diagnostic(
                    list.span,
                    t!(cx, 
                        format!("this {label} list mixes backend ids ({id_text}) and addresses ({addr_text}): Doris handles ids and addresses as two separate lists, and a mixed list may not act on every backend written"),
                        format!("这条 {label} 的列表混用了 backend id（{id_text}）和地址（{addr_text}）：Doris 把 id 和地址分成两个列表分别处理，混用时可能不会作用于写出的每个 backend"),
                    ),
                )
                .with_help(t!(cx, 
                    format!("write two {label} statements: one with the ids, one with the addresses"),
                    format!("请拆成两条 {label}：一条只写 id，一条只写地址"),
                ));
            cx.push(d);
        }
    }
}
