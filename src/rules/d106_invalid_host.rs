use crate::address::{self, HostProblem};
use crate::diagnostic::Severity;
use crate::rules::address_checks::{self, Role, Verdict};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct InvalidHost;

static META: RuleMeta = RuleMeta {
    code: "D106",
    name: "invalid-host",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::None,
    summary: "A host that is not an IPv4 address, a bracketed IPv6 address or a valid DNS name.",
    explanation: r#"
**What it does.** Checks the host of every address that ADD BACKEND / FOLLOWER / OBSERVER /
BROKER adds, and the new host name of MODIFY ... HOSTNAME (removing a node by the name it was
added with is not reported): an IPv4 dotted quad (four octets 0..255), an IPv6 address in brackets, or
an RFC 1123 DNS name (labels of letters, digits and `-`, 1–63 characters, not starting or ending
with `-`, at most 253 characters in all).

**Why.** Current Doris does not check the host at all: `355.0.0.1`, `my_host!` and typos are
accepted, and the mistake shows up only when heartbeats to the node fail. (Versions around 2.0
resolved the name and failed with `Unknown host`.)

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.256:9050";
ALTER SYSTEM ADD BACKEND "10.0.0.25:9050";
```
"#,
};

fn describe(host: &str, p: &HostProblem) -> (String, String) {
    match p {
        HostProblem::Ipv4PartCount { parts } => (
            format!("`{host}` looks like an IPv4 address but has {parts} parts instead of 4"),
            format!("`{host}` 看起来像 IPv4 地址，但有 {parts} 段而不是 4 段"),
        ),
        HostProblem::Ipv4Octet { octet } => (
            format!("`{host}` is not a valid IPv4 address: `{octet}` is not a number 0..255"),
            format!("`{host}` 不是合法的 IPv4 地址：`{octet}` 不是 0..255 的数"),
        ),
        HostProblem::BadIpv6 => (
            format!("`{host}` in brackets is not a valid IPv6 address"),
            format!("方括号中的 `{host}` 不是合法的 IPv6 地址"),
        ),
        HostProblem::Ipv6WithoutBrackets => (
            format!("`{host}` is an IPv6 address; a host name cannot contain `:`"),
            format!("`{host}` 是 IPv6 地址；主机名不能包含 `:`"),
        ),
        HostProblem::BadChar { ch } => (
            format!("`{host}` is not a valid host name: `{ch}` is not allowed (only letters, digits, `-` and `.`)"),
            format!("`{host}` 不是合法的主机名：不允许出现 `{ch}`（只能用字母、数字、`-` 和 `.`）"),
        ),
        HostProblem::LabelTooLong { label } => (
            format!("`{host}` is not a valid host name: the part `{label}` is longer than 63 characters"),
            format!("`{host}` 不是合法的主机名：`{label}` 这一段超过 63 个字符"),
        ),
        HostProblem::EmptyLabel => (
            format!("`{host}` is not a valid host name: it has an empty part between dots"),
            format!("`{host}` 不是合法的主机名：点号之间有空段"),
        ),
        HostProblem::HyphenEdge { label } => (
            format!("`{host}` is not a valid host name: the part `{label}` starts or ends with `-`"),
            format!("`{host}` 不是合法的主机名：`{label}` 这一段以 `-` 开头或结尾"),
        ),
        HostProblem::TooLong { len } => (
            format!("`{host}` is not a valid host name: it has {len} characters (at most 253)"),
            format!("`{host}` 不是合法的主机名：长度为 {len}（最多 253）"),
        ),
    }
}

impl Rule for InvalidHost {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for lit in cx.literals() {
            let (host, bracketed): (&str, bool) = match &lit.verdict {
                Verdict::Valid(hp) if address_checks::adds(lit.statement.kind) => (&hp.host, hp.bracketed),
                Verdict::Hostname(h) if !h.is_empty() => (h, false),
                _ => continue,
            };
            let Err(problem) = address::classify_host(host, bracketed) else { continue };
            let op = lit.operand;
            let (what_en, what_zh) = describe(host, &problem);
            let (then_en, then_zh) = if lit.role == Role::NewHostname {
                (
                    "Doris stores the new host name without checking it, and the node becomes unreachable",
                    "Doris 不做检查就会存下这个新主机名，节点随即无法访问",
                )
            } else {
                (
                    "Doris accepts it without checking, and heartbeats to the node will fail",
                    "Doris 不做检查就会接受它，之后对该节点的心跳会失败",
                )
            };
            let value = lit.value();
            let span = match value.find(host) {
                Some(i) if !lit.has_whitespace() => address_checks::sub_span(cx.source, op, i, i + host.len()),
                _ => op.span,
            };
            let d = cx
                .diagnostic(span, t!(cx, format!("{what_en}: {then_en}"), format!("{what_zh}：{then_zh}")))
                .with_help(t!(cx, 
                    "use the node's IP address (four numbers 0..255, IPv6 in brackets) or its resolvable host name",
                    "请使用节点的 IP 地址（四个 0..255 的数字；IPv6 写在方括号里）或可解析的主机名",
                ));
            cx.push(d);
        }
    }
}
