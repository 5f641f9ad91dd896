use crate::address::{self, AddressError};
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::address_checks::{self, requote, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct MalformedAddress;

static META: RuleMeta = RuleMeta {
    code: "D105",
    name: "malformed-address",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Sometimes,
    summary: "An address Doris cannot split into host and port.",
    explanation: r#"
**What it does.** Finds addresses that do not split into exactly one host and one port the way
Doris splits them: more than one `:` without brackets (an unbracketed IPv6 address), a trailing
`:` with no port, `[v6]` without `:port`, unbalanced brackets.

**Why.** Doris splits `[v6]:port` at `]:` and everything else at every `:` (Java's `split`, which
also drops a trailing empty part, so `host:` is one part). Anything but two parts fails with
`invalid host port: <text>`.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "2001:db8::10:19050";
ALTER SYSTEM ADD BACKEND "[2001:db8::10]:19050";
```

**Fix (safe, sometimes).** For an unbracketed IPv6 address whose last group is clearly the port
(the rest is a complete IPv6 address, and the whole text is not one), puts the address in
brackets. Otherwise no fix: the intended address cannot be known.
"#,
};

impl Rule for MalformedAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            let Verdict::Malformed(err) = &lit.verdict else { continue };
            let op = lit.operand;
            let text = cx.text(op.span);
            let m = err.doris_message();
            let t = lit.stripped();
            let v6 = address::split_unbracketed_ipv6(t);
            let (why_en, why_zh) = if let AddressError::Empty = err {
                ("it is empty".to_string(), "它是空的".to_string())
            } else if let Some((a, p)) = v6 {
                (
                    format!("an IPv6 address must be written in brackets, `[{a}]:{p}`"),
                    format!("IPv6 地址必须写在方括号里，即 `[{a}]:{p}`"),
                )
            } else if t.starts_with('[') && !t.contains(']') {
                ("the `[` is never closed".to_string(), "`[` 没有闭合".to_string())
            } else if t.starts_with('[') && t.ends_with(']') {
                ("the bracketed address has no `:port` after the `]`".to_string(), "方括号地址的 `]` 后面没有 `:端口`".to_string())
            } else if t.ends_with(':') {
                ("it ends with `:` but has no port".to_string(), "它以 `:` 结尾但没有端口".to_string())
            } else if !t.starts_with('[') && address::is_ipv6(t) {
                (
                    "it looks like an IPv6 address without a port; write it as `[address]:port`".to_string(),
                    "它看起来是没有端口的 IPv6 地址；请写成 `[地址]:端口`".to_string(),
                )
            } else {
                let n = t.matches(':').count();
                (format!("it has {n} `:` but an address has exactly one (host:port)"), format!("它包含 {n} 个 `:`，而地址只能有一个（host:port）"))
            };
            let mut d = cx.diagnostic(
                op.span,
                t!(cx, 
                    format!("`{text}` is not a valid host:port: {why_en}; Doris rejects it with `{m}`"),
                    format!("`{text}` 不是合法的 host:port：{why_zh}；Doris 会报错拒绝：`{m}`"),
                ),
            );
            if let Some((a, p)) = v6 {
                let fixed = requote(op, &format!("[{a}]:{p}"));
                d = d
                    .with_help(t!(cx, format!("write {fixed}"), format!("请写成 {fixed}")))
                    .with_fix(Fix::safe(t!(cx, "Put the IPv6 address in brackets", "给 IPv6 地址加上方括号"), vec![Edit::replace(op.span, fixed)]));
            } else {
                d = d.with_help(t!(cx, 
                    format!("write one host and one port, e.g. {} (IPv6: \"[fe80::1]:{}\")", address_checks::example(lit.role, cx.options), lit.role.expected_port(cx.options).unwrap_or(9050)),
                    format!("请写成一个主机加一个端口，例如 {}（IPv6：\"[fe80::1]:{}\"）", address_checks::example(lit.role, cx.options), lit.role.expected_port(cx.options).unwrap_or(9050)),
                ));
            }
            cx.push(d);
        }
    }
}
