//! What the address rules (D101–D115, D208) share: which literal of which statement is an
//! address, a backend id or a host name, and the one verdict that explains each literal, so that
//! one problem is reported once (D107 before D101, D101 before D102–D105, and the warnings only
//! for literals Doris accepts).

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use crate::address::{self, AddressError, HostPort, Placeholder};
use crate::options::LintOptions;
use crate::syntax::{Operand, OperandKind, Part, Segment, Statement, StatementKind};

/// What a literal stands for in its statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// ADD BACKEND: an address (a literal without `:` is taken as an id and adds nothing).
    NewBackend,
    /// DROP / DROPP / DECOMMISSION / MODIFY / CANCEL DECOMMISSION BACKEND: an address or an id.
    ExistingBackend,
    /// The old side of MODIFY BACKEND ... HOSTNAME: an address only.
    BackendAddress,
    /// FOLLOWER / OBSERVER and the old side of MODIFY FRONTEND ... HOSTNAME.
    Frontend,
    /// ADD / DROP BROKER addresses.
    Broker,
    /// The new side of MODIFY ... HOSTNAME: a bare host name.
    NewHostname,
}

impl Role {
    /// The port this role expects under `options`.
    pub fn expected_port(self, options: &LintOptions) -> Option<u16> {
        match self {
            Role::NewBackend | Role::ExistingBackend | Role::BackendAddress => Some(options.ports.heartbeat),
            Role::Frontend => Some(options.ports.edit_log),
            Role::Broker => Some(options.ports.broker),
            Role::NewHostname => None,
        }
    }

    /// The name of the expected port's config key.
    pub fn port_name(self) -> &'static str {
        match self {
            Role::Frontend => "edit_log_port",
            Role::Broker => "broker_ipc_port",
            _ => "heartbeat_service_port",
        }
    }
}

/// The role of the literals of address list number `index` (0 or 1) of a statement.
pub fn role_of(kind: StatementKind, index: usize) -> Option<Role> {
    use StatementKind as K;
    Some(match (kind, index) {
        (K::AddBackend, 0) => Role::NewBackend,
        (K::DropBackend | K::DroppBackend | K::DecommissionBackend | K::CancelDecommissionBackend | K::ModifyBackend, 0) => {
            Role::ExistingBackend
        }
        (K::ModifyBackendHostname, 0) => Role::BackendAddress,
        (K::ModifyFrontendHostname, 0) | (K::AddFollower | K::DropFollower | K::AddObserver | K::DropObserver, 0) => {
            Role::Frontend
        }
        (K::AddBroker | K::DropBroker, 0) => Role::Broker,
        (K::ModifyBackendHostname | K::ModifyFrontendHostname, 1) => Role::NewHostname,
        _ => return None,
    })
}

/// The statement as the user would name it: `ADD BACKEND`, `CANCEL DECOMMISSION BACKEND`.
pub fn statement_label(kind: StatementKind) -> &'static str {
    use StatementKind as K;
    match kind {
        K::AddBackend => "ADD BACKEND",
        K::DropBackend => "DROP BACKEND",
        K::DroppBackend => "DROPP BACKEND",
        K::DecommissionBackend => "DECOMMISSION BACKEND",
        K::CancelDecommissionBackend => "CANCEL DECOMMISSION BACKEND",
        K::ModifyBackend => "MODIFY BACKEND",
        K::ModifyBackendHostname => "MODIFY BACKEND ... HOSTNAME",
        K::ModifyFrontendHostname => "MODIFY FRONTEND ... HOSTNAME",
        K::AddFollower => "ADD FOLLOWER",
        K::DropFollower => "DROP FOLLOWER",
        K::AddObserver => "ADD OBSERVER",
        K::DropObserver => "DROP OBSERVER",
        K::AddBroker => "ADD BROKER",
        K::DropBroker => "DROP BROKER",
        K::DropAllBroker => "DROP ALL BROKER",
        K::RenameComputeGroup => "RENAME COMPUTE GROUP",
        K::SetLoadErrorsHub => "SET LOAD ERRORS HUB",
    }
}

/// The one verdict for a literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict<'a> {
    /// D107.
    Placeholder(Placeholder),
    /// D101: byte ranges of the pieces in the decoded value.
    Several(Vec<(usize, usize)>),
    /// A valid backend id (ExistingBackend).
    Id(i64),
    /// D113: no `:` and not a number where an id is read.
    NotAnId,
    /// D102: no `:` where an address is needed.
    MissingPort,
    /// D105: Doris's split gave the wrong number of parts.
    Malformed(AddressError),
    /// D103.
    BadPort(AddressError),
    /// D104.
    EmptyHost,
    /// Doris accepts it.
    Valid(HostPort<'a>),
    /// The new HOSTNAME of MODIFY ... HOSTNAME (a host name, never split; whitespace removed).
    Hostname(Cow<'a, str>),
}

/// Decides what a literal is, the way Doris reads it in `role`. `stripped`: the literal without
/// its whitespace, when it has some.
fn analyze<'a>(literal: &address::Literal<'a>, value: &'a str, stripped: Option<&str>, role: Role) -> Verdict<'a> {
    // Doris deletes whitespace before reading the literal: one with some is read as it is without
    // it, stripped once by the caller (the placeholder check and the validation each stripped it
    // anew, and so did the rules).
    let stripped_literal = stripped.map(address::Literal::new);
    if let Some(p) = stripped_literal.as_ref().unwrap_or(literal).placeholder() {
        return Verdict::Placeholder(p);
    }
    if role == Role::NewHostname {
        return Verdict::Hostname(stripped.map_or(Cow::Borrowed(value), |s| Cow::Owned(s.to_owned())));
    }
    if let Some(pieces) = literal.split_several(role == Role::ExistingBackend) {
        return Verdict::Several(pieces);
    }
    if literal.is_id_form() {
        return match role {
            Role::ExistingBackend => match address::parse_backend_id(value) {
                Some(id) => Verdict::Id(id),
                None => Verdict::NotAnId,
            },
            _ => Verdict::MissingPort,
        };
    }
    let checked = match &stripped_literal {
        Some(l) => l.validate().map(HostPort::into_owned),
        None => literal.validate(),
    };
    match checked {
        Ok(hp) => Verdict::Valid(hp),
        Err(e @ (AddressError::Empty | AddressError::WrongPartCount { .. })) => Verdict::Malformed(e),
        Err(AddressError::HostNull) => Verdict::EmptyHost,
        Err(e) => Verdict::BadPort(e),
    }
}

/// One address-position literal of the script.
pub struct Lit<'a> {
    pub statement: &'a Statement,
    /// Position in its list.
    pub index: u32,
    pub role: Role,
    pub operand: &'a Operand,
    /// The operand's decoded value.
    value: &'a str,
    /// The value without the whitespace Doris deletes, when it has some.
    stripped: Option<String>,
    pub verdict: Verdict<'a>,
}

impl<'a> Lit<'a> {
    /// The decoded value of the literal.
    pub fn value(&self) -> &'a str {
        self.value
    }

    /// Whether the value has whitespace that Doris deletes (known from the analysis: no rule
    /// reads the value again to find out).
    pub fn has_whitespace(&self) -> bool {
        self.stripped.is_some()
    }

    /// The value as Doris reads it, without whitespace (stripped once, by the analysis).
    pub fn stripped(&self) -> &str {
        self.stripped.as_deref().unwrap_or(self.value)
    }
}

/// Every address-position literal of one statement, in order, appended to `out`.
fn statement_literals<'a>(src: &'a str, st: &'a Statement, out: &mut Vec<Lit<'a>>) {
    let lists = st.parts.iter().filter_map(|p| match p {
        Part::Addresses(a) => Some(a),
        _ => None,
    });
    for (list, a) in lists.enumerate() {
        let Some(role) = role_of(st.kind, list) else { continue };
        for (index, op) in a.items.iter().enumerate() {
            if op.span.is_empty() || !(op.kind.is_string() || op.kind == OperandKind::BareAddress) {
                continue;
            }
            let value = op.value(src);
            let literal = address::Literal::new(value);
            let stripped = literal.has_whitespace().then(|| address::strip_whitespace(value));
            let verdict = analyze(&literal, value, stripped.as_deref(), role);
            out.push(Lit { statement: st, index: index as u32, role, operand: op, value, stripped, verdict });
        }
    }
}

/// Every address-position literal of the script, in order; `capacity`: a guess at how many.
pub fn literals<'a>(src: &'a str, statements: impl Iterator<Item = (&'a Segment, &'a Statement)>, capacity: usize) -> Vec<Lit<'a>> {
    let mut out = Vec::with_capacity(capacity);
    for (_, st) in statements {
        statement_literals(src, st, &mut out);
    }
    out
}

/// Writes `value` as a literal of the same kind as `like` (same quote character; a bare
/// address stays bare), escaping as Doris's lexer needs.
pub fn requote(like: &Operand, value: &str) -> String {
    let mut s = String::with_capacity(value.len() + 2);
    requote_into(&mut s, like, value);
    s
}

/// [`requote`], appended to `out`.
pub fn requote_into(out: &mut String, like: &Operand, value: &str) {
    let q = match like.kind {
        OperandKind::BareAddress => return out.push_str(value),
        OperandKind::SingleQuoted => '\'',
        _ => '"',
    };
    out.reserve(value.len() + 2);
    out.push(q);
    // Copied a run at a time between the bytes to escape (both ASCII: the cuts fall on
    // character boundaries), not a character at a time.
    let mut rest = value;
    while let Some(at) = rest.bytes().position(|b| b == q as u8 || b == b'\\') {
        out.push_str(&rest[..at]);
        out.push('\\');
        out.push_str(&rest[at..at + 1]);
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push(q);
}

/// What Doris does with `value` in `role`, for messages (in the locale of the run).
pub fn doris_outcome(value: &str, role: Role, kind: StatementKind, cx: &crate::rules::Context<'_, '_>) -> Cow<'static, str> {
    if role == Role::NewHostname {
        return t!(cx, "Doris stores it as the new host name and the node becomes unreachable", "Doris 会把它存为新的主机名，节点随即无法访问");
    }
    if address::is_id_form(value) {
        match role {
            Role::NewBackend => {
                return t!(
                    cx,
                    "Doris takes a literal without `:` as a backend id and ADD BACKEND silently adds nothing",
                    "Doris 把不含 `:` 的字面量当作 backend id，ADD BACKEND 会静默地什么也不添加",
                )
            }
            Role::ExistingBackend => {
                if address::parse_backend_id(value).is_none() {
                    let m = cat!("java.lang.NumberFormatException: For input string: \"", value, "\"");
                    return t!(cx, cat!("Doris rejects it with `", m, "`"), cat!("Doris 会报错拒绝：`", m, "`"));
                }
                return t!(cx, "Doris looks for a backend with that id", "Doris 会查找该 id 的 backend");
            }
            _ => {}
        }
    }
    match address::validate(value) {
        Err(e) => {
            let m = e.doris_message();
            t!(cx, cat!("Doris rejects it with `", m, "`"), cat!("Doris 会报错拒绝：`", m, "`"))
        }
        Ok(hp) if adds(kind) => t!(
            cx,
            cat!("Doris accepts it as host `", hp.host, "`, which no machine answers to"),
            cat!("Doris 会接受它并把 `", hp.host, "` 当作主机，但没有机器会响应"),
        ),
        Ok(hp) => t!(
            cx,
            cat!("Doris looks for a node with host `", hp.host, "` and finds none"),
            cat!("Doris 会查找主机为 `", hp.host, "` 的节点，但找不到"),
        ),
    }
}

/// The key Doris's duplicate check would use if it were case-insensitive: the host without
/// regard to ASCII case (brackets already removed by the split; IPv6 addresses by value) and
/// the numeric port. Holds the host as `hp` does (a borrow unless whitespace was removed). Its
/// hash is computed once, when the key is made, so that looking it up in several maps reads the
/// host once.
#[derive(Debug, Clone)]
pub struct LooseKey<'a> {
    host: Cow<'a, str>,
    port: i32,
    hash: u64,
}

/// The value of an IPv6 host (only they have `:`).
fn ipv6_value(host: &str) -> Option<u128> {
    let v6 = if host.contains(':') { host.parse::<std::net::Ipv6Addr>().ok() } else { None };
    v6.map(u128::from)
}

pub fn loose_key<'a>(hp: &HostPort<'a>) -> LooseKey<'a> {
    use crate::rules::fx_add;
    // IPv6 hosts compare by value (`[::1]` and `[0::1]` are one address). Only a bracketed host
    // can have a `:` (Doris splits any other literal at its first `:`), so no other is searched.
    let v6 = if hp.bracketed { ipv6_value(&hp.host) } else { None };
    debug_assert!(hp.bracketed || !hp.host.contains(':'));
    let hash = match v6 {
        Some(v6) => fx_add(fx_add(0, v6 as u64), (v6 >> 64) as u64),
        // Consistent with `eq_ignore_ascii_case`: the lower-case bytes, eight to a word (one
        // multiplication per word, not per byte), as `FxHasher::write` reads them.
        None => hp.host.as_bytes().chunks(8).fold(0, |hash, chunk| fx_add(hash, lower_word(crate::bytes::padded_word(chunk)))),
    };
    LooseKey { host: hp.host.clone(), port: hp.port, hash: fx_add(hash, hp.port as u64) }
}

/// The eight bytes of `word` with `to_ascii_lowercase` applied to each, at once: a byte is an
/// upper-case letter when it is ASCII (high bit clear) and its low seven bits are at least `A`
/// and at most `Z`, which two additions find for every byte without carrying into the next.
fn lower_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = word & (ONES * 0x7f);
    let from_a = low7 + ONES * u64::from(0x80 - b'A');
    let after_z = low7 + ONES * u64::from(0x7f - b'Z');
    let upper = from_a & !after_z & !word & (ONES * 0x80);
    // 0x80 >> 2 is the case bit, 0x20.
    word | upper >> 2
}

impl LooseKey<'_> {
    /// The host exactly as written (after Doris's normalisation).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The same key, holding its host through `keep` (to outlive what it borrowed).
    pub fn rehost<'b>(&self, keep: impl FnOnce(&str) -> Cow<'b, str>) -> LooseKey<'b> {
        LooseKey { host: keep(&self.host), port: self.port, hash: self.hash }
    }
}

impl PartialEq for LooseKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.host, &other.host);
        // Hosts equal but for case are both IPv6 addresses of one value or both names.
        self.hash == other.hash
            && self.port == other.port
            && (a.eq_ignore_ascii_case(b) || ipv6_value(a).is_some_and(|v6| ipv6_value(b) == Some(v6)))
    }
}

impl Eq for LooseKey<'_> {}

impl Hash for LooseKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// The source span of bytes `start..end` of `op`'s decoded value, when the literal's source text
/// is its value verbatim (no escapes); otherwise the whole literal.
pub fn sub_span(source: &str, op: &Operand, start: usize, end: usize) -> crate::span::Span {
    let text = op.span.text(source);
    let inner_start = match op.kind {
        OperandKind::BareAddress => 0,
        OperandKind::SingleQuoted | OperandKind::DoubleQuoted => 1,
        _ => return op.span,
    };
    let inner_end = text.len().saturating_sub(inner_start);
    let value = op.value(source);
    if inner_end < inner_start || text.get(inner_start..inner_end) != Some(value) || end > value.len() || start > end {
        return op.span;
    }
    crate::span::Span::new(op.span.start + inner_start + start, op.span.start + inner_start + end)
}

/// The example address for a role, for help texts.
pub fn example(role: Role, options: &LintOptions) -> String {
    match role.expected_port(options) {
        Some(p) => cat!("\"10.0.0.1:", p, "\""),
        None => "\"fe1.example.com\"".to_string(),
    }
}

/// The `existingBackends` option read the way Doris reads addresses: (addresses, ids). `None`
/// when the option is not set.
pub fn existing_backends(options: &LintOptions) -> Option<(Vec<HostPort<'_>>, Vec<i64>)> {
    let list = options.existing_backends.as_ref()?;
    let mut addrs = Vec::new();
    let mut ids = Vec::new();
    for e in list {
        let e = e.trim();
        if address::is_id_form(e) {
            if let Some(id) = address::parse_backend_id(e) {
                ids.push(id);
            }
        } else if let Ok(hp) = address::validate(e) {
            addrs.push(hp);
        }
    }
    Some((addrs, ids))
}

/// Statements that add a node (ADD BACKEND / FOLLOWER / OBSERVER / BROKER).
pub fn adds(kind: StatementKind) -> bool {
    matches!(kind, StatementKind::AddBackend | StatementKind::AddFollower | StatementKind::AddObserver | StatementKind::AddBroker)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::LintOptions;

    fn codes(sql: &str) -> Vec<&'static str> {
        crate::lint(sql, &LintOptions::default()).into_iter().map(|d| d.code).filter(|c| c.starts_with("D1") || *c == "D208").collect()
    }

    #[test]
    fn one_diagnostic_per_literal() {
        // D101 explains the literal: no D105 / D103 on it.
        assert_eq!(codes(r#"ALTER SYSTEM ADD BACKEND "192.168.0.1:9050,192.168.0.2:9050";"#), vec!["D101"]);
        // D107 takes precedence over D103, D106, D113, D102, D110.
        assert_eq!(codes(r#"ALTER SYSTEM ADD BACKEND "be_host:heartbeat_service_port";"#), vec!["D107"]);
        assert_eq!(codes(r#"ALTER SYSTEM ADD FOLLOWER "<fe_ip_address> : <fe_edit_log_port>";"#), vec!["D107"]);
        assert_eq!(codes(r#"ALTER SYSTEM MODIFY BACKEND "id1" SET ("disable_load" = "true");"#), vec!["D107"]);
        assert_eq!(codes(r#"ALTER SYSTEM ADD FOLLOWER "fe2的ip:9010";"#), vec!["D107"]);
        assert_eq!(codes(r#"ALTER SYSTEM ADD BACKEND "host";"#), vec!["D107"]);
        // Real-looking names with numeric ports are fine.
        assert!(codes(r#"ALTER SYSTEM ADD BACKEND "host:9850";"#).is_empty());
        assert!(codes(r#"ALTER SYSTEM ADD BACKEND "be1:9050", "be2:9050";"#).is_empty());
        // Warnings only when Doris accepts the literal.
        assert_eq!(codes(r#"ALTER SYSTEM ADD BACKEND " 10.0.0.1 : abc ";"#), vec!["D103"]);
    }

    #[test]
    fn roles() {
        use StatementKind as K;
        assert_eq!(role_of(K::AddBackend, 0), Some(Role::NewBackend));
        assert_eq!(role_of(K::CancelDecommissionBackend, 0), Some(Role::ExistingBackend));
        assert_eq!(role_of(K::ModifyBackendHostname, 0), Some(Role::BackendAddress));
        assert_eq!(role_of(K::ModifyBackendHostname, 1), Some(Role::NewHostname));
        assert_eq!(role_of(K::ModifyFrontendHostname, 0), Some(Role::Frontend));
        assert_eq!(role_of(K::DropAllBroker, 0), None);
        assert_eq!(role_of(K::RenameComputeGroup, 0), None);
    }

    #[test]
    fn broker_names_and_new_hostnames_are_not_addresses() {
        assert!(codes("ALTER SYSTEM ADD BROKER hdfs_broker \"10.0.0.5:8000\";").is_empty());
        assert!(codes("ALTER SYSTEM DROP ALL BROKER hdfs_broker;").is_empty());
        assert!(codes("ALTER SYSTEM MODIFY FRONTEND \"10.0.0.1:9010\" HOSTNAME \"fe1.example.com\";").is_empty());
    }

    #[test]
    fn frontend_added_twice() {
        let sql = "ALTER SYSTEM ADD FOLLOWER \"10.0.0.9:9010\";\nALTER SYSTEM ADD OBSERVER \"10.0.0.9:9010\";";
        assert_eq!(codes(sql), vec!["D109"]);
        let sql = "ALTER SYSTEM ADD FOLLOWER \"10.0.0.9:9010\";\nALTER SYSTEM DROP FOLLOWER \"10.0.0.9:9010\";\nALTER SYSTEM ADD OBSERVER \"10.0.0.9:9010\";";
        assert!(codes(sql).is_empty());
    }

    #[test]
    fn lower_word_lowers_each_byte() {
        for b in 0..=255u8 {
            for at in [0, 3, 7] {
                let word = 0x4142_5a5b_4061_7a7bu64 & !(0xff << (8 * at)) | u64::from(b) << (8 * at);
                let want = u64::from_le_bytes(word.to_le_bytes().map(|c| c.to_ascii_lowercase()));
                assert_eq!(lower_word(word), want, "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn requote_keeps_quotes_and_escapes() {
        let op = |kind, value: &str| Operand::with_value(crate::span::Span::new(0, 0), kind, value);
        assert_eq!(requote(&op(OperandKind::SingleQuoted, "a'b"), "a'b"), r"'a\'b'");
        assert_eq!(requote(&op(OperandKind::DoubleQuoted, "x"), "h:1"), "\"h:1\"");
        assert_eq!(requote(&op(OperandKind::BareAddress, "x"), "h:1"), "h:1");
        assert_eq!(requote(&op(OperandKind::RawDouble, "x"), r"a\b"), r#""a\\b""#);
        // Several escapes, at the ends, next to each other and to characters of several bytes.
        assert_eq!(requote(&op(OperandKind::DoubleQuoted, "x"), r#""é\"'中\"#), r#""\"é\\\"'中\\""#);
        assert_eq!(requote(&op(OperandKind::SingleQuoted, "x"), "''"), r"'\'\''");
        assert_eq!(requote(&op(OperandKind::SingleQuoted, "x"), ""), "''");
    }

    #[test]
    fn existing_backends_option() {
        let mut o = LintOptions::default();
        assert!(existing_backends(&o).is_none());
        o.existing_backends = Some(vec!["10.0.0.1:9050".into(), "10002".into(), "junk".into()]);
        let (a, i) = existing_backends(&o).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(i, vec![10002]);
    }

    #[test]
    fn configured_ports() {
        let mut o = LintOptions::default();
        o.ports.heartbeat = 19050;
        let c: Vec<_> = crate::lint("ALTER SYSTEM ADD BACKEND \"h1:9050\";", &o).into_iter().map(|d| d.code).collect();
        assert!(!c.contains(&"D108"), "{c:?}");
        let d = crate::lint("ALTER SYSTEM ADD BACKEND \"h1:9060\";", &o);
        let m = d.iter().find(|d| d.code == "D108").unwrap();
        assert!(m.message.contains("19050 in this cluster"), "{}", m.message);
        let d = crate::lint("ALTER SYSTEM ADD BACKEND \"h1\";", &o);
        let f = d.iter().find(|d| d.code == "D102").unwrap().fix.as_ref().unwrap();
        assert_eq!(f.edits[0].insert, "\"h1:19050\"");
    }

    #[test]
    fn fixes_combine_with_d007_on_bare_addresses() {
        let mut o = LintOptions::default();
        o.rules.insert("D108".into(), crate::options::RuleLevel::Error);
        for (src, want) in [
            ("ALTER SYSTEM ADD BACKEND 10.0.0.2:9060;", "ALTER SYSTEM ADD BACKEND \"10.0.0.2:9050\";"),
            ("ALTER SYSTEM ADD BACKEND 10.0.0.1;", "ALTER SYSTEM ADD BACKEND \"10.0.0.1:9050\";"),
            ("ALTER SYSTEM ADD BACKEND fe80::1:19050;", "ALTER SYSTEM ADD BACKEND \"[fe80::1]:19050\";"),
        ] {
            let diags = crate::lint(src, &o);
            let mut edits: Vec<&crate::Edit> = diags.iter().filter_map(|d| d.fix.as_ref()).flat_map(|f| f.edits.iter()).collect();
            edits.sort_by_key(|e| (e.span.start, e.span.end));
            assert_eq!(crate::diagnostic::apply_edits(src, &edits), want, "{diags:?}");
        }
    }
}
