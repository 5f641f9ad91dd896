use crate::diagnostic::Severity;
use crate::rules::tags::{is_endpoint_type, reads_backend_properties, tag_type};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::StatementKind;
use crate::versions::{missing_in, Feature, Version};

pub struct UnsupportedByVersion;

static META: RuleMeta = RuleMeta {
    code: "D211",
    name: "unsupported-by-version",
    default_severity: Some(Severity::Warning),
    fix: FixAvailability::None,
    summary: "A feature newer than the configured `dorisVersion`.",
    explanation: r#"
**What it does.** Only when the option `dorisVersion` is set (e.g. `"2.1"`, `"3.0.4"`): reports
features that the version does not have yet:

| feature | since |
|---|---|
| `tag.public_endpoint` / `tag.private_endpoint` | 3.1 |
| `tag.compute_group_name` | 3.0 |
| `ALTER SYSTEM RENAME COMPUTE GROUP` | 3.0 |
| an IP address as the new name of `MODIFY FRONTEND/BACKEND ... HOSTNAME` | 2.1 |

Without `dorisVersion` (or with one that cannot be read) the newest version is assumed and the
rule stays quiet.

**Why.** An older frontend either rejects the statement (a syntax error for RENAME COMPUTE GROUP)
or accepts a tag it does not understand, so the backend does not get the endpoint or compute
group the user wanted.

**Example.** With `dorisVersion = "3.0"`:
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050" PROPERTIES ("tag.public_endpoint" = "11.10.20.12:8010");
```

**Fix.** None: upgrade Doris, or leave the feature out.
"#,
};

fn is_ip(s: &str) -> bool {
    let s = s.trim();
    if s.contains(':') {
        return true; // IPv6 (a host name never contains ':')
    }
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

impl UnsupportedByVersion {
    fn report(cx: &mut Context<'_, '_>, span: Span, what_en: &str, what_zh: &str, since: Version) {
        let configured = cx.options.doris_version.as_deref().unwrap_or("").trim().to_string();
        let d = cx
            .diagnostic(
                span,
                t!(cx, 
                    format!("{what_en} needs Doris {since} or newer, but the option `dorisVersion` is `{configured}`"),
                    format!("{what_zh}需要 Doris {since} 或更新版本，但选项 `dorisVersion` 为 `{configured}`"),
                ),
            )
            .with_help(t!(cx, 
                format!("upgrade to Doris {since}, or leave this out (set `dorisVersion` if the cluster is newer)"),
                format!("请升级到 Doris {since}，或去掉这部分（如果集群更新，请修改 `dorisVersion`）"),
            ));
        cx.push(d);
    }
}

impl Rule for UnsupportedByVersion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let version = cx.options.doris_version.clone();
        let version = version.as_deref();
        let (Some(_), Some(_)) = (version, version.and_then(Version::parse)) else { return };
        for (_, st) in cx.statements() {
            if let Some(list) = st.properties().filter(|_| reads_backend_properties(st.kind)) {
                for p in &list.items {
                    let Some(ty) = tag_type(cx.source, &p.key) else { continue };
                    let feature = if is_endpoint_type(ty) {
                        Feature::EndpointTags
                    } else if ty == "compute_group_name" {
                        Feature::ComputeGroupNameTag
                    } else {
                        continue;
                    };
                    if let Some(since) = missing_in(version, feature) {
                        let text = cx.text(p.key.span).to_string();
                        Self::report(cx, p.key.span, &format!("the tag {text}"), &format!("标签 {text} "), since);
                    }
                }
            }
            match st.kind {
                StatementKind::RenameComputeGroup => {
                    if let Some(since) = missing_in(version, Feature::RenameComputeGroup) {
                        let span = st.keyword("RENAME").map_or(st.span, |k| k.span);
                        let span = st.keyword("GROUP").map_or(span, |g| span.cover(g.span));
                        Self::report(cx, span, "RENAME COMPUTE GROUP", "RENAME COMPUTE GROUP ", since);
                    }
                }
                StatementKind::ModifyBackendHostname | StatementKind::ModifyFrontendHostname => {
                    let Some(new) = st.new_hostname() else { continue };
                    if !is_ip(new.value(cx.source)) {
                        continue;
                    }
                    if let Some(since) = missing_in(version, Feature::IpAsHostname) {
                        let text = cx.text(new.span).to_string();
                        Self::report(
                            cx,
                            new.span,
                            &format!("an IP address ({text}) as the new HOSTNAME"),
                            &format!("用 IP 地址（{text}）作为新的 HOSTNAME "),
                            since,
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_ip;

    #[test]
    fn ips() {
        assert!(is_ip("10.0.0.1"));
        assert!(is_ip("fe80::1"));
        assert!(!is_ip("fe1.example.com"));
        assert!(!is_ip("10.0.0"));
        assert!(!is_ip("be-1"));
    }
}
