use crate::diagnostic::Severity;
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::StatementKind;

pub struct MissingBrokerName;

static META: RuleMeta = RuleMeta {
    code: "D304",
    name: "missing-broker-name",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::None,
    summary: "`ADD BROKER` / `DROP BROKER` whose first item is an address: the broker name was left out.",
    explanation: r#"
**What it does.** Finds `ADD BROKER` / `DROP BROKER` statements that start the list with an
address instead of the broker's name.

**Why.** The syntax is `ADD BROKER <name> "host:port"[, "host:port" ...]`: a name (identifier or
string) followed directly, without a comma, by the addresses. Without the name,

- `ADD BROKER "h1:8000", "h2:8000"` is a syntax error (the first address is taken as the name,
  then the comma is unexpected);
- `ADD BROKER "h1:8000" "h2:8000"` is accepted, but creates a broker **named** `h1:8000` with the
  single address `h2:8000`: the first process is never registered.

**Example.**
```sql
ALTER SYSTEM ADD BROKER "h1:8000", "h2:8000";
ALTER SYSTEM ADD BROKER hdfs_broker "h1:8000", "h2:8000";
```

**Fix.** None: only the user knows the broker's name (see `SHOW BROKER`).
"#,
};

fn looks_like_address(s: &str) -> bool {
    let s = s.trim();
    match s.rsplit_once(':') {
        Some((host, port)) => !host.is_empty() && !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()),
        None => false,
    }
}

impl Rule for MissingBrokerName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for (_, st) in cx.statements() {
            if !matches!(st.kind, StatementKind::AddBroker | StatementKind::DropBroker) {
                continue;
            }
            let verb = if st.kind == StatementKind::AddBroker { "ADD" } else { "DROP" };
            let first_name = st.names().next();
            let d = match first_name {
                None => {
                    let Some(list) = st.addresses() else { continue };
                    let Some(first) = list.items.first() else { continue };
                    let text = cx.text(first.span);
                    let (then_en, then_zh) = if list.items.len() > 1 {
                        ("then fails on the comma", "然后在逗号处报语法错误")
                    } else {
                        ("then finds no address after it", "然后因其后没有地址而报语法错误")
                    };
                    cx.diagnostic(
                        first.span,
                        t!(cx, 
                            format!("{verb} BROKER needs the broker's name before the addresses, but the list starts with the address {text}: Doris reads {text} as the name and {then_en} (syntax error)"),
                            format!("{verb} BROKER 需要在地址前写 broker 名称，但列表以地址 {text} 开头：Doris 会把 {text} 当作名称，{then_zh}"),
                        ),
                    )
                }
                Some(name) if name.kind.is_string() && looks_like_address(name.value(cx.source)) => {
                    let text = cx.text(name.span);
                    let msg = if verb == "ADD" {
                        t!(cx, 
                            format!("{text} is taken as the broker's name, not as an address: Doris registers a broker named {text} with only the addresses after it, so {text} itself is never registered"),
                            format!("{text} 会被当作 broker 名称而不是地址：Doris 会注册一个名为 {text} 的 broker，只包含其后的地址，{text} 本身不会被注册"),
                        )
                    } else {
                        t!(cx, 
                            format!("{text} is taken as the broker's name, not as an address: Doris looks for a broker named {text} (and fails when there is none) instead of dropping this address"),
                            format!("{text} 会被当作 broker 名称而不是地址：Doris 会查找名为 {text} 的 broker（不存在时报错），而不是删除这个地址"),
                        )
                    };
                    cx.diagnostic(name.span, msg)
                }
                Some(_) => continue,
            };
            let d = d.with_help(t!(cx, 
                format!("write the name first: ALTER SYSTEM {verb} BROKER broker_name \"host1:8000\", \"host2:8000\" (SHOW BROKER lists the names)"),
                format!("请先写名称：ALTER SYSTEM {verb} BROKER broker_name \"host1:8000\", \"host2:8000\"（SHOW BROKER 可查看名称）"),
            ));
            cx.push(d);
        }
    }
}
