//! A faithful model of how Doris validates an address literal (doris-language.md §3), plus the
//! host classification (D106), loopback detection (D111) and placeholder detection (D107) that
//! the address rules share. Pure functions, no allocation beyond the returned values, no regexes.
//!
//! The Doris procedure (`SystemInfoService.validateHostAndPort` / `NetUtils`):
//! 1. a literal without `:` is a backend id ([`is_backend_id`] models `Long.parseLong`);
//! 2. every ASCII whitespace character (Java's `\s`) is deleted; an empty result fails;
//! 3. `[v6]:port` is split at `]:` (after dropping the `[`), anything else at every `:`, with
//!    Java's `String.split` dropping trailing empty parts; anything but two parts fails;
//! 4. the port is parsed with `Integer.valueOf` (raw `NumberFormatException`);
//! 5. an empty host fails with `Host is null`;
//! 6. a port outside 1..65535 fails with `Port is out of range: N`.

use std::borrow::Cow;

/// A successfully validated address, as Doris stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort<'a> {
    /// The host exactly as Doris keeps it (whitespace removed; without the IPv6 brackets).
    /// Borrowed from the literal unless whitespace had to be removed.
    pub host: Cow<'a, str>,
    pub port: i32,
    /// The host was written in `[...]`.
    pub bracketed: bool,
}

impl HostPort<'_> {
    /// The same address, holding its host.
    pub fn into_owned(self) -> HostPort<'static> {
        HostPort { host: Cow::Owned(self.host.into_owned()), port: self.port, bracketed: self.bracketed }
    }

    /// `host:port` as Doris prints it in its messages.
    pub fn display(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    /// The address written in canonical form (`[v6]:port` for bracketed hosts).
    pub fn canonical(&self) -> String {
        if self.bracketed {
            format!("[{}]:{}", self.host, self.port)
        } else {
            self.display()
        }
    }
}

/// Why Doris rejects an address (literal with a `:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressError {
    /// Nothing left after whitespace deletion: `Invalid host port: `.
    Empty,
    /// The split gave `parts` parts instead of two: `invalid host port: <text>`.
    WrongPartCount { parts: usize, text: String },
    /// The port is not a Java `int`: `NumberFormatException: For input string: "<port>"`.
    PortNotInt { port: String },
    /// `Host is null`.
    HostNull,
    /// `Port is out of range: N`.
    PortOutOfRange { port: i32 },
}

impl AddressError {
    /// The error text Doris reports.
    pub fn doris_message(&self) -> String {
        // Texts joined by `concat` (one allocation of the right size), not `format!`: the
        // messages of D101, D103, D105 and D107 quote it, and `core::fmt` cost more than the rest
        // of the message.
        match self {
            AddressError::Empty => "Invalid host port: ".to_string(),
            AddressError::WrongPartCount { text, .. } => ["invalid host port: ", text].concat(),
            AddressError::PortNotInt { port } => ["java.lang.NumberFormatException: For input string: \"", port, "\""].concat(),
            AddressError::HostNull => "Host is null".to_string(),
            AddressError::PortOutOfRange { port } => {
                format!("Encounter unknown exception: Port is out of range: {port}")
            }
        }
    }
}

/// Java's `\s`: space, `\t`, `\n`, `\x0B`, `\f`, `\r`.
pub fn is_java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// The literal after Doris's whitespace deletion.
pub fn strip_whitespace(s: &str) -> String {
    stripped(s).into_owned()
}

/// The literal after Doris's whitespace deletion, borrowed when it has no whitespace (the usual
/// case: no allocation).
pub fn stripped(s: &str) -> Cow<'_, str> {
    if has_whitespace(s) {
        Cow::Owned(strip(s))
    } else {
        Cow::Borrowed(s)
    }
}

fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if is_java_space_byte(b) {
            out.push_str(&s[start..i]);
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
    out
}

/// Whether the literal contains whitespace that Doris deletes.
pub fn has_whitespace(s: &str) -> bool {
    // Java's `\s` is ASCII only, so bytes will do.
    s.bytes().any(is_java_space_byte)
}

fn is_java_space_byte(b: u8) -> bool {
    b <= b' ' && matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Java's `String.split(sep)` cut to what Doris needs: the two parts when there are exactly two
/// once trailing empty parts are dropped, else the number of parts (an input of only separators
/// gives none; Java returns the input itself when the separator does not occur).
pub fn java_split_pair<'s>(s: &'s str, sep: &str) -> Result<(&'s str, &'s str), usize> {
    let (bytes, sep) = (s.as_bytes(), sep.as_bytes());
    let next_sep = |mut from: usize| {
        while let Some(i) = bytes[from..].iter().position(|&b| b == sep[0]) {
            if bytes[from + i..].starts_with(sep) {
                return Some(from + i);
            }
            from += i + 1;
        }
        None
    };
    let (mut first, mut second) = ("", "");
    let (mut count, mut kept, mut start) = (0, 0, 0);
    loop {
        let end = next_sep(start);
        let piece = &s[start..end.unwrap_or(s.len())];
        match count {
            0 => first = piece,
            1 => second = piece,
            _ => {}
        }
        count += 1;
        if !piece.is_empty() {
            kept = count;
        }
        match end {
            Some(end) => start = end + sep.len(),
            None => break,
        }
    }
    match (kept, count) {
        (2, _) => Ok((first, second)),
        (0, 1) => Err(1),
        (kept, _) => Err(kept),
    }
}

/// The decimal value of a digit as Java's `Character.digit(c, 10)` sees it (ASCII and the
/// full-width digits that pasted text carries).
fn java_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// Java's `Long.parseLong` / `Integer.parseInt` on decimal text: an optional sign, then at least
/// one digit, within `min..=max`.
fn java_parse(s: &str, min: i64, max: i64) -> Option<i64> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if digits.is_empty() {
        return None;
    }
    // The magnitude, which may reach `|i64::MIN|`.
    let limit = if neg { min.unsigned_abs() } else { max.unsigned_abs() };
    let mut v: u64 = 0;
    for c in digits.chars() {
        v = v.checked_mul(10)?.checked_add(java_digit(c)?.into())?;
        if v > limit {
            return None;
        }
    }
    Some(if neg { (v as i64).wrapping_neg() } else { v as i64 })
}

/// `Integer.valueOf`.
pub fn parse_java_int(s: &str) -> Option<i32> {
    // The usual port: at most 9 ASCII digits, which always fit (no sign, no full-width digits),
    // read in one pass that gives up at the first other byte.
    if (1..=9).contains(&s.len()) {
        let digits = s.bytes().try_fold(0, |v, b| {
            let d = b.wrapping_sub(b'0');
            (d <= 9).then(|| v * 10 + i32::from(d))
        });
        if digits.is_some() {
            return digits;
        }
    }
    java_parse(s, i32::MIN.into(), i32::MAX.into()).and_then(|v| i32::try_from(v).ok())
}

/// `Long.parseLong`: whether a literal without `:` is accepted as a backend id.
pub fn parse_backend_id(s: &str) -> Option<i64> {
    java_parse(s, i64::MIN, i64::MAX)
}

/// Whether Doris takes the literal as a backend id rather than an address (no `:`).
pub fn is_id_form(s: &str) -> bool {
    !s.bytes().any(|b| b == b':')
}

/// Validates an address literal (one that contains `:`) exactly as Doris does.
pub fn validate(literal: &str) -> Result<HostPort<'_>, AddressError> {
    Literal::new(literal).validate()
}

/// [`validate`] on the literal after whitespace deletion.
/// `colon`: where the only `:` of `text` is, when the caller knows that it has exactly one.
fn validate_stripped(text: Cow<'_, str>, colon: Option<usize>) -> Result<HostPort<'_>, AddressError> {
    if text.is_empty() {
        return Err(AddressError::Empty);
    }
    let (pair, bracketed) = match (text.strip_prefix('['), colon) {
        (Some(rest), _) => (java_split_pair(rest, "]:"), true),
        // Java's split of a text with one `:` and something after it: the two sides.
        (None, Some(i)) if i + 1 < text.len() => (Ok((&text[..i], &text[i + 1..])), false),
        (None, _) => (java_split_pair(&text, ":"), false),
    };
    let (host, port_text) = match pair {
        Ok(pair) => pair,
        Err(parts) => return Err(AddressError::WrongPartCount { parts, text: text.into_owned() }),
    };
    let port = parse_java_int(port_text).ok_or_else(|| AddressError::PortNotInt { port: port_text.to_string() })?;
    if host.is_empty() {
        return Err(AddressError::HostNull);
    }
    if !(1..=65535).contains(&port) {
        return Err(AddressError::PortOutOfRange { port });
    }
    // The host is the first part of `text` (after the `[`): borrow it from the literal when no
    // whitespace was removed.
    let start = usize::from(bracketed);
    let range = start..start + host.len();
    let host = match text {
        Cow::Borrowed(t) => Cow::Borrowed(&t[range]),
        Cow::Owned(t) => Cow::Owned(t[range].to_string()),
    };
    Ok(HostPort { host, port, bracketed })
}

/// What kind of host a validated host string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    Ipv4,
    Ipv6,
    DnsName,
}

/// Why a host is not a usable IPv4 address, IPv6 address or DNS name (D106).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostProblem {
    /// All-numeric dotted text with the wrong number of parts (`10.0.0`, `10.0.0.1.5`).
    Ipv4PartCount { parts: usize },
    /// An IPv4 octet above 255 (or with too many digits).
    Ipv4Octet { octet: String },
    /// Text in brackets that is not an IPv6 address.
    BadIpv6,
    /// Colons without brackets (only reachable for the new HOSTNAME, which is not split).
    Ipv6WithoutBrackets,
    /// A character outside `[A-Za-z0-9-.]`.
    BadChar { ch: char },
    /// A label longer than 63 characters.
    LabelTooLong { label: String },
    /// An empty label (`a..b`, leading dot).
    EmptyLabel,
    /// A label starting or ending with `-`.
    HyphenEdge { label: String },
    /// More than 253 characters.
    TooLong { len: usize },
}

/// Parses a dotted quad; `None` when the text is not all digits and dots.
fn check_ipv4(host: &str) -> Option<Result<(), HostProblem>> {
    // One pass over the parts, given up at the first byte that is not a digit or a dot.
    let bytes = host.as_bytes();
    let (mut count, mut empty, mut bad_octet, mut digits) = (0, false, None, false);
    let (mut start, mut value) = (0, 0u32);
    for i in 0..=bytes.len() {
        // A dot after the end closes the last part.
        match bytes.get(i).copied().unwrap_or(b'.') {
            b @ b'0'..=b'9' => {
                value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
                digits = true;
                continue;
            }
            b'.' => {}
            _ => return None,
        }
        count += 1;
        empty |= start == i;
        if bad_octet.is_none() && (i - start > 3 || value > 255) {
            bad_octet = Some(&host[start..i]);
        }
        (start, value) = (i + 1, 0);
    }
    if !digits {
        return None;
    }
    if count != 4 || empty {
        return Some(Err(HostProblem::Ipv4PartCount { parts: count }));
    }
    match bad_octet {
        Some(octet) => Some(Err(HostProblem::Ipv4Octet { octet: octet.to_string() })),
        None => Some(Ok(())),
    }
}

/// Whether `s` is a valid IPv6 address (RFC 4291 text form, optional embedded IPv4 at the end,
/// optional `%zone`).
pub fn is_ipv6(s: &str) -> bool {
    let s = match s.split_once('%') {
        Some((a, zone)) if !zone.is_empty() && zone.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-') => a,
        Some(_) => return false,
        None => s,
    };
    if s.is_empty() {
        return false;
    }
    // At most one `::`, and no `:::`.
    let b = s.as_bytes();
    let double = b.windows(2).position(|w| w == b"::");
    let compressed = double.is_some();
    let (head, tail) = match double {
        Some(i) if b.get(i + 2) == Some(&b':') || b[i + 2..].windows(2).any(|w| w == b"::") => return false,
        Some(i) => (&s[..i], &s[i + 2..]),
        None => (s, ""),
    };
    if !compressed && head.is_empty() {
        return false;
    }
    let head = head.split(':').filter(|_| !head.is_empty());
    let mut sides = head.chain(tail.split(':').filter(|_| !tail.is_empty())).peekable();
    let mut groups = 0usize;
    while let Some(g) = sides.next() {
        if sides.peek().is_none() && g.contains('.') {
            // An embedded IPv4 address counts as two groups.
            if check_ipv4(g) != Some(Ok(())) {
                return false;
            }
            groups += 2;
            continue;
        }
        if g.is_empty() || g.len() > 4 || !g.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        }
        groups += 1;
    }
    if compressed {
        groups < 8
    } else {
        groups == 8
    }
}

/// Classifies a host as Doris stored it. `bracketed` says whether it was written in `[...]`.
pub fn classify_host(host: &str, bracketed: bool) -> Result<HostKind, HostProblem> {
    if bracketed {
        return if is_ipv6(host) { Ok(HostKind::Ipv6) } else { Err(HostProblem::BadIpv6) };
    }
    match plain_host(host.as_bytes()) {
        Some(kind) => Ok(kind),
        None => classify_unbracketed(host),
    }
}

/// [`classify_host`] of an unbracketed host, every check in turn.
fn classify_unbracketed(host: &str) -> Result<HostKind, HostProblem> {
    if host.contains(':') {
        return if is_ipv6(host) { Err(HostProblem::Ipv6WithoutBrackets) } else { Err(HostProblem::BadChar { ch: ':' }) };
    }
    if let Some(r) = check_ipv4(host) {
        return r.map(|()| HostKind::Ipv4);
    }
    if host.len() > 253 {
        return Err(HostProblem::TooLong { len: host.len() });
    }
    // One pass for what used to be two: the first character outside `[A-Za-z0-9-.]` anywhere
    // wins; otherwise the first label (a single trailing dot, the fully qualified form, does not
    // end one) that is empty, longer than 63 characters or starts or ends with `-`.
    let bytes = host.as_bytes();
    let name_len = if bytes.last() == Some(&b'.') { bytes.len() - 1 } else { bytes.len() };
    let (mut label_problem, mut start) = (None, 0);
    for i in 0..=name_len {
        let b = if i < name_len { bytes[i] } else { b'.' };
        if b.is_ascii_alphanumeric() || b == b'-' {
            continue;
        }
        if b != b'.' {
            // Every byte before it is ASCII, so it starts a character.
            let ch = host[i..].chars().next().unwrap_or('.');
            return Err(HostProblem::BadChar { ch });
        }
        let label = &bytes[start..i];
        if label_problem.is_none() && (label.len() > 63 || label.first().is_none_or(|&c| c == b'-') || label.last() == Some(&b'-')) {
            label_problem = Some(start..i);
        }
        start = i + 1;
    }
    if let Some(range) = label_problem {
        let label = &host[range];
        return Err(if label.is_empty() {
            HostProblem::EmptyLabel
        } else if label.len() > 63 {
            HostProblem::LabelTooLong { label: label.to_string() }
        } else {
            HostProblem::HyphenEdge { label: label.to_string() }
        });
    }
    Ok(HostKind::DnsName)
}

/// The usual unbracketed host, for [`classify_host`] (D106 asks of every address added): a dotted
/// quad of octets 0..255, or a name of letters, digits, `-` and dots whose labels are 1 to 63
/// bytes long and neither start nor end with `-` (one trailing dot allowed), with a letter or `-`
/// somewhere (all digits and dots is an IPv4 attempt). `None` for anything else: the full checks
/// then say what is wrong (or find it fine after all).
fn plain_host(host: &[u8]) -> Option<HostKind> {
    if host.len() > 253 {
        return None;
    }
    let name = host.strip_suffix(b".").unwrap_or(host);
    let label_ok = |label: &[u8]| label.len() <= 63 && label.first().is_some_and(|&c| c != b'-') && label.last() != Some(&b'-');
    // One table lookup a byte gathers what the name is made of; only a dot makes more work (its
    // label is checked). The octets are read afterwards, and only for a host without letters:
    // reading them on the way cost a multiplication a byte on every name.
    let (mut kinds, mut start, mut dots) = (0, 0, 0);
    for (i, &b) in name.iter().enumerate() {
        let kind = HOST_BYTE[usize::from(b)];
        kinds |= kind;
        if kind == HOST_DOT {
            if !label_ok(&name[start..i]) {
                return None;
            }
            (start, dots) = (i + 1, dots + 1);
        }
    }
    if kinds & HOST_OTHER != 0 || !label_ok(&name[start..]) {
        return None;
    }
    if kinds & HOST_NAME != 0 {
        return Some(HostKind::DnsName);
    }
    // Digits and dots, every label of one to 63 digits. `check_ipv4` keeps a trailing dot as a
    // fifth, empty part.
    let octet = |label: &[u8]| label.len() <= 3 && label.iter().fold(0, |v, &d| v * 10 + u32::from(d - b'0')) <= 255;
    (dots == 3 && name.len() == host.len() && name.split(|&b| b == b'.').all(octet)).then_some(HostKind::Ipv4)
}

// The kinds of a host's bytes ([`HOST_BYTE`]), for [`plain_host`].
const HOST_DIGIT: u8 = 1;
/// A letter or `-`.
const HOST_NAME: u8 = 2;
const HOST_DOT: u8 = 4;
const HOST_OTHER: u8 = 8;

static HOST_BYTE: [u8; 256] = {
    let mut t = [HOST_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => HOST_DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' | b'-' => HOST_NAME,
            b'.' => HOST_DOT,
            _ => HOST_OTHER,
        };
        b += 1;
    }
    t
};

/// `127.0.0.0/8`, `localhost` (any case, optional trailing dot) and `::1` (any spelling).
pub fn is_loopback(host: &str) -> bool {
    let name = host.strip_suffix('.').unwrap_or(host).as_bytes();
    if let Some(prefix_len) = name.len().checked_sub(9) {
        let (prefix, last) = name.split_at(prefix_len);
        if last.eq_ignore_ascii_case(b"localhost") && (prefix.is_empty() || prefix.ends_with(b".")) {
            return true;
        }
    }
    if host.starts_with("127.") {
        return check_ipv4(host) == Some(Ok(()));
    }
    host.contains(':') && is_ipv6(host) && ipv6_is_loopback(host)
}

fn ipv6_is_loopback(s: &str) -> bool {
    // ::1 in any spelling: every group zero except a final 1.
    let mut groups = s.split(':').filter(|g| !g.is_empty());
    let Some(mut last) = groups.next() else { return false };
    for g in groups {
        if u16::from_str_radix(last, 16) != Ok(0) {
            return false;
        }
        last = g;
    }
    u16::from_str_radix(last, 16) == Ok(1)
}

/// What the address checks need to know about a literal's characters, found in one pass over
/// its bytes, so that each check looks at the literal again only in the rare cases.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    /// The [`CLASS`] bits of every byte, or-ed together.
    classes: u8,
    colons: usize,
    /// Where the last `:` is (meaningful when `colons > 0`).
    last_colon: usize,
    /// `...`
    dots: bool,
    shell_or_printf: Option<Placeholder>,
}

// The classes of a literal's bytes ([`CLASS`]): one table lookup per byte instead of a chain of
// comparisons (the scan runs on every address literal of the script).
const WHITESPACE: u8 = 1;
/// `,` or `;`.
const SEPARATOR: u8 = 2;
const ANGLE: u8 = 4;
const OPEN_BRACE: u8 = 8;
const CLOSE_BRACE: u8 = 16;
/// `x`, `X` or `*` (redacted hosts).
const X: u8 = 32;
const NON_ASCII: u8 = 64;
/// `:`, `.`, `$` and `%`: looked at one by one.
const SPECIAL: u8 = 128;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => WHITESPACE,
            b',' | b';' => SEPARATOR,
            b'<' | b'>' => ANGLE,
            b'{' => OPEN_BRACE,
            b'}' => CLOSE_BRACE,
            b'x' | b'X' | b'*' => X,
            b':' | b'.' | b'$' | b'%' => SPECIAL,
            0x80..=0xFF => NON_ASCII,
            _ => 0,
        };
        b += 1;
    }
    t
};

impl Scan {
    // Never inlined: inside the loop over a chunk's literals the compiler ran out of registers
    // and kept the classes on the stack, a load and a store for every byte.
    #[inline(never)]
    fn of(text: &str) -> Scan {
        let bytes = text.as_bytes();
        let mut scan = Scan::default();
        for (i, &b) in bytes.iter().enumerate() {
            let class = CLASS[usize::from(b)];
            scan.classes |= class;
            if class != SPECIAL {
                continue;
            }
            match b {
                b':' => (scan.colons, scan.last_colon) = (scan.colons + 1, i),
                b'.' => scan.dots |= bytes.get(i + 1) == Some(&b'.') && bytes.get(i + 2) == Some(&b'.'),
                _ if scan.shell_or_printf.is_none() => {
                    let next = bytes.get(i + 1).copied();
                    if b == b'$' && next.is_some_and(|n| n == b'{' || n == b'_' || n.is_ascii_alphabetic()) {
                        scan.shell_or_printf = Some(Placeholder::ShellVariable);
                    }
                    if b == b'%' && next.is_some_and(|n| matches!(n, b's' | b'd' | b'i' | b'(' | b'S')) {
                        scan.shell_or_printf = Some(Placeholder::PrintfFormat);
                    }
                }
                _ => {}
            }
        }
        scan
    }

    fn has(&self, class: u8) -> bool {
        self.classes & class != 0
    }
}

/// An address-position literal (its decoded value) read once, for the checks that Doris and
/// the address rules make on it.
#[derive(Debug, Clone, Copy)]
pub struct Literal<'a> {
    text: &'a str,
    scan: Scan,
}

impl<'a> Literal<'a> {
    pub fn new(text: &'a str) -> Literal<'a> {
        Literal { text, scan: Scan::of(text) }
    }

    /// Whether Doris takes the literal as a backend id rather than an address (no `:`).
    pub fn is_id_form(&self) -> bool {
        self.scan.colons == 0
    }

    /// Whether the literal contains whitespace that Doris deletes.
    pub fn has_whitespace(&self) -> bool {
        self.scan.has(WHITESPACE)
    }

    /// See [`validate`].
    pub fn validate(&self) -> Result<HostPort<'a>, AddressError> {
        if self.has_whitespace() {
            return validate_stripped(Cow::Owned(strip(self.text)), None);
        }
        // The usual address, `host:port` with one `:` (the scan knows where), a host and a port
        // of 1..65535, is valid as it stands: accepted here without the general split. Anything
        // else (brackets, an empty side, a bad port) takes the full path, which says why.
        let t = self.text;
        if self.scan.colons == 1 && !t.starts_with('[') {
            let (host, port) = (&t[..self.scan.last_colon], &t[self.scan.last_colon + 1..]);
            if let Some(port) = parse_java_int(port).filter(|p| (1..=65535).contains(p) && !host.is_empty()) {
                return Ok(HostPort { host: Cow::Borrowed(host), port, bracketed: false });
            }
        }
        validate_stripped(Cow::Borrowed(self.text), (self.scan.colons == 1).then_some(self.scan.last_colon))
    }

    /// See [`placeholder`].
    pub fn placeholder(&self) -> Option<Placeholder> {
        if self.has_whitespace() {
            let t = strip(self.text);
            return Literal::new(&t).placeholder();
        }
        let (t, scan) = (self.text, self.scan);
        if scan.has(ANGLE) {
            return Some(Placeholder::AngleBrackets);
        }
        if scan.shell_or_printf.is_some() {
            return scan.shell_or_printf;
        }
        if scan.has(OPEN_BRACE) && scan.has(CLOSE_BRACE) {
            return Some(Placeholder::Braces);
        }
        let non_ascii = scan.has(NON_ASCII);
        if scan.dots || (non_ascii && t.contains('…')) {
            return Some(Placeholder::Ellipsis);
        }
        if non_ascii && t.chars().any(is_cjk) {
            return Some(Placeholder::Description);
        }
        if scan.colons == 0 {
            let stem = t.trim_end_matches(|c: char| c.is_ascii_digit());
            // (No placeholder word is empty: an all-digit literal is an id.)
            if (scan.has(X) && all_x(t)) || (!stem.is_empty() && PLACEHOLDER_WORDS.iter().any(|w| w.eq_ignore_ascii_case(stem))) {
                return Some(Placeholder::Word);
            }
            return None;
        }
        // `t.rsplit_once(':')`, from the scan.
        let (host, port) = (&t[..scan.last_colon], &t[scan.last_colon + 1..]);
        if is_port_word(port) {
            return Some(Placeholder::PortWord);
        }
        if scan.has(X) && is_redacted_host(host.trim_start_matches('[').trim_end_matches(']')) {
            return Some(Placeholder::RedactedHost);
        }
        None
    }

    /// See [`split_several`].
    pub fn split_several(&self, ids: bool) -> Option<Vec<(usize, usize)>> {
        // The usual answer, from the scan (asked of every literal: small enough to inline):
        // without a separator, only whitespace can part several addresses, and each has a `:`.
        if !self.scan.has(SEPARATOR) && (!self.has_whitespace() || self.scan.colons < 2) {
            return None;
        }
        self.split_several_at_separators(ids)
    }

    // Kept apart (never inlined into the test above): otherwise the test is not inlined either.
    #[inline(never)]
    fn split_several_at_separators(&self, ids: bool) -> Option<Vec<(usize, usize)>> {
        let literal = self.text;
        if !self.scan.has(SEPARATOR) {
            // Each word has exactly one `:`, and there are at least two words.
            let words: Vec<(usize, usize)> = word_ranges(literal, is_java_space);
            if words.len() >= 2 && words.iter().all(|&(a, b)| literal[a..b].matches(':').count() == 1 && validate(&literal[a..b]).is_ok()) {
                return Some(words);
            }
            return None;
        }
        let pieces = word_ranges(literal, |c| c == ',' || c == ';');
        let trimmed: Vec<(usize, usize)> = pieces
            .into_iter()
            .filter_map(|(a, b)| {
                let s = &literal[a..b];
                let lead = s.len() - s.trim_start_matches(is_java_space).len();
                let t = s.trim_matches(is_java_space);
                (!t.is_empty()).then(|| (a + lead, a + lead + t.len()))
            })
            .collect();
        if trimmed.len() < 2 {
            return None;
        }
        let looks = |s: &str| s.contains(':') || (ids && parse_backend_id(s).is_some());
        trimmed.iter().all(|&(a, b)| looks(&literal[a..b])).then_some(trimmed)
    }
}

/// Why a literal looks like a documentation placeholder or an unexpanded template (D107).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// `<be_host>`
    AngleBrackets,
    /// `${HOST}`, `$HOST`
    ShellVariable,
    /// `{}`, `{host}`, `{{ host }}`
    Braces,
    /// `%s`, `%d`, `%(host)s`
    PrintfFormat,
    /// `id1, id2, ...`, `host…`
    Ellipsis,
    /// A description in Chinese/Japanese/Korean (`fe2的ip`)
    Description,
    /// A word that names the thing instead of being it (`host`, `ip`, `id1`, `xxx`)
    Word,
    /// A port written as a word (`host:port`, `be_host:heartbeat_service_port`)
    PortWord,
    /// A redacted host (`x.x.x.x`, `xxx.xxx.xxx.xxx`)
    RedactedHost,
}

/// Whole-literal words (compared in lower case, trailing digits removed) that name what belongs
/// there instead of being it.
const PLACEHOLDER_WORDS: &[&str] = &[
    "ip", "ips", "host", "hosts", "hostname", "host_name", "id", "ids", "backend_id", "backendid",
    "backend_ids", "be_id", "beid", "be_ids", "be_host", "be_ip", "fe_host", "fe_ip", "be_hostname",
    "fe_hostname", "ip_address", "ipaddress", "host_ip", "hostip", "address", "addr", "host_port",
    "hostport", "ip_port", "ipport", "be_identifier", "backend", "node_ip", "node_host", "broker_host",
    "broker_ip", "follower_host", "observer_host", "your_host", "your_ip",
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn all_x(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b == b'x' || b == b'X' || b == b'*')
}

fn is_redacted_host(host: &str) -> bool {
    // x.x.x.x, xxx.xxx.xxx.xxx, 192.168.x.x, a lone xxx
    host.split('.').any(all_x)
        && host.split('.').all(|l| all_x(l) || (!l.is_empty() && l.bytes().all(|b| b.is_ascii_digit())))
}

fn is_port_word(port: &str) -> bool {
    if port.is_empty() || port.bytes().all(|b| b.is_ascii_digit() || b == b'+' || b == b'-') {
        return false;
    }
    port.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"port")) || all_x(port)
}

/// Whether the literal (its decoded value) looks like a placeholder, and why.
pub fn placeholder(literal: &str) -> Option<Placeholder> {
    Literal::new(literal).placeholder()
}

/// Splits a literal holding several addresses or ids (`"h1:9050,h2:9050"`, `"h1:9050; h2:9050"`,
/// `"10001,10002"`) into its pieces (byte ranges into `literal`); `None` when it holds one thing.
/// Each piece must look like an address (contains `:`) or, with `ids`, a decimal id.
pub fn split_several(literal: &str, ids: bool) -> Option<Vec<(usize, usize)>> {
    Literal::new(literal).split_several(ids)
}

fn word_ranges(s: &str, sep: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if sep(c) {
            if let Some(st) = start.take() {
                out.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// For an unbracketed IPv6 address followed by a port (`fe80::1:9050`): the address and the
/// port, when the last group is clearly a port (a decimal 1..65535 that is not a hex group the
/// address needs, i.e. the rest is a valid IPv6 address and the last group has 5 digits or the
/// rest is complete without it).
pub fn split_unbracketed_ipv6(text: &str) -> Option<(&str, &str)> {
    let (addr, port) = text.rsplit_once(':')?;
    if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) || !is_ipv6(addr) || addr.ends_with(':') && !addr.ends_with("::") {
        return None;
    }
    let p: u32 = port.parse().ok()?;
    if !(1..=65535).contains(&p) {
        return None;
    }
    // If the whole text is itself a valid IPv6 address, the last group may belong to it:
    // only a 5-digit group (not a hex group) is clearly a port.
    if is_ipv6(text) && port.len() < 5 {
        return None;
    }
    Some((addr, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> HostPort<'_> {
        validate(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    #[test]
    fn validates_like_doris() {
        assert_eq!(ok("10.0.0.1:9050"), HostPort { host: "10.0.0.1".into(), port: 9050, bracketed: false });
        assert_eq!(ok(" 10.0.0.1 : 9050 ").display(), "10.0.0.1:9050");
        assert_eq!(ok("\t10.0.0.1:\n9050").port, 9050);
        assert_eq!(ok("h:+9050").port, 9050);
        assert_eq!(ok("h:09050").port, 9050);
        assert_eq!(ok("h:９０５０").port, 9050);
        assert_eq!(ok("[fe80::1]:9050"), HostPort { host: "fe80::1".into(), port: 9050, bracketed: true });
        assert_eq!(ok("[::1]:9050").canonical(), "[::1]:9050");
        // Host is not validated.
        assert_eq!(ok("355.0.0.1:9050").host, "355.0.0.1");
        assert_eq!(ok("abc]:9050").host, "abc]");
    }

    #[test]
    fn rejects_like_doris() {
        assert_eq!(validate("   "), Err(AddressError::Empty));
        assert!(matches!(validate("h1:9050,h2:9050"), Err(AddressError::WrongPartCount { parts: 3, .. })));
        assert!(matches!(validate("fe80::1:9050"), Err(AddressError::WrongPartCount { parts: 4, .. })));
        assert!(matches!(validate("host:"), Err(AddressError::WrongPartCount { parts: 1, .. })));
        assert!(matches!(validate("::"), Err(AddressError::WrongPartCount { parts: 0, .. })));
        assert!(matches!(validate("[fe80::1]"), Err(AddressError::WrongPartCount { parts: 1, .. })));
        assert!(matches!(validate("[fe80::1]:"), Err(AddressError::WrongPartCount { parts: 1, .. })));
        assert!(matches!(validate("[fe80::1:9050"), Err(AddressError::WrongPartCount { parts: 1, .. })));
        assert_eq!(validate(":9050"), Err(AddressError::HostNull));
        // The port is parsed before the host is checked.
        assert_eq!(validate(":abc"), Err(AddressError::PortNotInt { port: "abc".into() }));
        assert_eq!(validate("h:abc"), Err(AddressError::PortNotInt { port: "abc".into() }));
        assert_eq!(validate("h:2147483648"), Err(AddressError::PortNotInt { port: "2147483648".into() }));
        assert_eq!(validate("h:+"), Err(AddressError::PortNotInt { port: "+".into() }));
        assert_eq!(validate("h:2147483647"), Err(AddressError::PortOutOfRange { port: 2147483647 }));
        assert_eq!(validate("h:0"), Err(AddressError::PortOutOfRange { port: 0 }));
        assert_eq!(validate("h:-1"), Err(AddressError::PortOutOfRange { port: -1 }));
        assert_eq!(validate("h:65536"), Err(AddressError::PortOutOfRange { port: 65536 }));
        assert!(validate("h:65535").is_ok());
        assert!(validate("h:1").is_ok());
        assert_eq!(validate("h:-2147483648"), Err(AddressError::PortOutOfRange { port: i32::MIN }));
        assert_eq!(validate("h:-2147483649"), Err(AddressError::PortNotInt { port: "-2147483649".into() }));
    }

    #[test]
    fn doris_messages() {
        assert_eq!(validate("h:abc").unwrap_err().doris_message(), "java.lang.NumberFormatException: For input string: \"abc\"");
        assert_eq!(validate("a:b:c").unwrap_err().doris_message(), "invalid host port: a:b:c");
        assert_eq!(validate("h:0").unwrap_err().doris_message(), "Encounter unknown exception: Port is out of range: 0");
    }

    #[test]
    fn java_split_drops_trailing_empties() {
        let split = |s: &'static str| java_split_pair(s, ":");
        assert_eq!(split("a:"), Err(1));
        assert_eq!(split(":a"), Ok(("", "a")));
        assert_eq!(split("a:b::"), Ok(("a", "b")));
        assert_eq!(split("a::b"), Err(3));
        assert_eq!(split(":::"), Err(0));
        assert_eq!(split(""), Err(1));
        assert_eq!(split("a"), Err(1));
        assert_eq!(java_split_pair("fe80::1]:9050", "]:"), Ok(("fe80::1", "9050")));
        assert_eq!(java_split_pair("a]:]:", "]:"), Err(1));
    }

    #[test]
    fn backend_ids() {
        assert_eq!(parse_backend_id("10002"), Some(10002));
        assert_eq!(parse_backend_id("+10002"), Some(10002));
        assert_eq!(parse_backend_id("-1"), Some(-1));
        assert_eq!(parse_backend_id("9223372036854775807"), Some(i64::MAX));
        assert_eq!(parse_backend_id("9223372036854775808"), None);
        assert_eq!(parse_backend_id(""), None);
        assert_eq!(parse_backend_id(" 10002"), None);
        assert_eq!(parse_backend_id("myhost"), None);
        assert_eq!(parse_backend_id("10002L"), None);
        assert!(is_id_form("10002"));
        assert!(!is_id_form("h:1"));
    }

    #[test]
    fn hosts() {
        assert_eq!(classify_host("10.0.0.1", false), Ok(HostKind::Ipv4));
        assert_eq!(classify_host("355.0.0.1", false), Err(HostProblem::Ipv4Octet { octet: "355".into() }));
        assert_eq!(classify_host("10.0.0", false), Err(HostProblem::Ipv4PartCount { parts: 3 }));
        assert_eq!(classify_host("10.0.0.1.5", false), Err(HostProblem::Ipv4PartCount { parts: 5 }));
        assert_eq!(classify_host("10.0..1", false), Err(HostProblem::Ipv4PartCount { parts: 4 }));
        assert_eq!(classify_host("0010.0.0.1", false), Err(HostProblem::Ipv4Octet { octet: "0010".into() }));
        assert_eq!(classify_host("be-1", false), Ok(HostKind::DnsName));
        assert_eq!(classify_host("10", false), Err(HostProblem::Ipv4PartCount { parts: 1 }));
        assert_eq!(classify_host("be01", false), Ok(HostKind::DnsName));
        assert_eq!(classify_host("1be", false), Ok(HostKind::DnsName));
        assert_eq!(
            classify_host("doriscluster-sample-be-0.doriscluster-sample-be-internal.default.svc.cluster.local", false),
            Ok(HostKind::DnsName)
        );
        assert_eq!(classify_host("host.example.com.", false), Ok(HostKind::DnsName));
        assert_eq!(classify_host("my_host", false), Err(HostProblem::BadChar { ch: '_' }));
        assert_eq!(classify_host("my_host!", false), Err(HostProblem::BadChar { ch: '_' }));
        assert_eq!(classify_host("a..b", false), Err(HostProblem::EmptyLabel));
        assert_eq!(classify_host("-a.b", false), Err(HostProblem::HyphenEdge { label: "-a".into() }));
        assert_eq!(classify_host(&"a".repeat(64), false), Err(HostProblem::LabelTooLong { label: "a".repeat(64) }));
        let long = vec!["a".repeat(60); 5].join(".");
        assert!(matches!(classify_host(&long, false), Err(HostProblem::TooLong { .. })));
        assert_eq!(classify_host("机器", false), Err(HostProblem::BadChar { ch: '机' }));
        assert_eq!(classify_host("fe80::1", true), Ok(HostKind::Ipv6));
        assert_eq!(classify_host("fe80::1", false), Err(HostProblem::Ipv6WithoutBrackets));
        assert_eq!(classify_host("nothex::g", true), Err(HostProblem::BadIpv6));
        assert_eq!(classify_host("abc]", false), Err(HostProblem::BadChar { ch: ']' }));
    }

    #[test]
    fn plain_hosts_are_classified_as_in_full() {
        let long = vec!["a".repeat(60); 5].join(".");
        let label64 = "a".repeat(64);
        let hosts = [
            "10.0.0.1", "255.255.255.255", "256.0.0.1", "0010.0.0.1", "10.0.0", "10.0.0.1.", "10.0.0.1.5", "10..0.1", ".10.0.0.1",
            "99999999999.1.1.1", "be-1", "be-1.", "be-1..", "-a.b", "a-.b", "a..b", "1be", "host.example.com", "a.1", "1.a", "",
            ".", "-", "a_b", "fe80::1", "机器", &long, &label64, "x.x.x.x", "A-Z.0-9",
        ];
        for host in hosts {
            if let Some(kind) = plain_host(host.as_bytes()) {
                assert_eq!(classify_unbracketed(host), Ok(kind), "{host}");
            }
        }
        assert_eq!(plain_host(b"10.0.0.1"), Some(HostKind::Ipv4));
        assert_eq!(plain_host(b"be-1.doris.svc.cluster.local"), Some(HostKind::DnsName));
    }

    #[test]
    fn ipv6_forms() {
        for ok in ["::1", "::", "fe80::1", "2001:db8:0:0:0:0:2:1", "2001:db8::2:1", "::ffff:10.0.0.1", "fe80::1%eth0", "1::"] {
            assert!(is_ipv6(ok), "{ok}");
        }
        for bad in ["", ":", "1:2", "1:::2", "1::2::3", "2001:db8:0:0:0:0:2", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "::ffff:300.0.0.1", "fe80::1%"] {
            assert!(!is_ipv6(bad), "{bad}");
        }
    }

    #[test]
    fn loopback() {
        for l in ["127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "localhost.", "::1", "0:0:0:0:0:0:0:1"] {
            assert!(is_loopback(l), "{l}");
        }
        for n in ["128.0.0.1", "10.0.0.1", "localhost1", "fe80::1", "::", "be1"] {
            assert!(!is_loopback(n), "{n}");
        }
    }

    #[test]
    fn placeholders() {
        use Placeholder::*;
        let cases: &[(&str, Placeholder)] = &[
            ("<be_host>", AngleBrackets),
            ("<fe_ip>:<edit_log_port>", AngleBrackets),
            ("<fe_ip_address> : <fe_edit_log_port>", AngleBrackets),
            ("host:port", PortWord),
            ("be_ip:heartbeat_service_port", PortWord),
            ("be_host:heartbeat-service_port", PortWord),
            ("follower_host:edit_log_port", PortWord),
            ("host1:heartbeat_port", PortWord),
            ("broker_host1:broker_ipc_port1", PortWord),
            ("host:PORT", PortWord),
            ("10.0.0.1:xxxx", PortWord),
            ("${HOST}", ShellVariable),
            ("${FE-IP地址}:9050", ShellVariable),
            ("$HOST:9050", ShellVariable),
            ("%s", PrintfFormat),
            ("%s:%d", PrintfFormat),
            ("{}", Braces),
            ("{host}:{port}", Braces),
            ("xxx", Word),
            ("ip", Word),
            ("id1", Word),
            ("ids1", Word),
            ("IDS2", Word),
            ("be_id", Word),
            ("id3...", Ellipsis),
            ("fe2的ip:9010", Description),
            ("3号机器:9050", Description),
            ("x.x.x.x:9050", RedactedHost),
            ("xxx.xxx.xxx.xxx:9050", RedactedHost),
            ("192.168.x.x:9050", RedactedHost),
        ];
        for (s, want) in cases {
            assert_eq!(placeholder(s), Some(*want), "{s}");
        }
        for real in [
            "host:9850", "host_ip:9010", "host3:9050", "be1:9050", "doris-env:9050", "node-1:9050",
            "10.0.0.1:9050", "10002", "h:abc", "myhost", "be_ip:9050", "[::1]:9050", "h:+9050", "host1:9050, 1212:9050",
            "export:9050", "xhost:9050",
        ] {
            assert_eq!(placeholder(real), None, "{real}");
        }
    }

    #[test]
    fn several() {
        let s = "192.168.0.1:9050,192.168.0.2:9050";
        let p = split_several(s, false).unwrap();
        assert_eq!(p.iter().map(|&(a, b)| &s[a..b]).collect::<Vec<_>>(), vec!["192.168.0.1:9050", "192.168.0.2:9050"]);
        let s = "host1:9050, 1212:9050";
        let p = split_several(s, false).unwrap();
        assert_eq!(p.iter().map(|&(a, b)| &s[a..b]).collect::<Vec<_>>(), vec!["host1:9050", "1212:9050"]);
        let s = "h1:9050 h2:9050";
        assert_eq!(split_several(s, false).unwrap().len(), 2);
        assert_eq!(split_several("10001,10002", true).unwrap().len(), 2);
        assert_eq!(split_several("10001,10002", false), None);
        assert_eq!(split_several("h1:9050", false), None);
        assert_eq!(split_several("h1:9050,", false), None);
        assert_eq!(split_several("h1 : 9050", false), None);
        assert_eq!(split_several("a,b", false), None);
    }

    #[test]
    fn unbracketed_ipv6() {
        assert_eq!(split_unbracketed_ipv6("fe80::1:9050"), None); // fe80::1:9050 is itself an IPv6 address
        assert_eq!(split_unbracketed_ipv6("fe80::1:19050"), Some(("fe80::1", "19050")));
        assert_eq!(split_unbracketed_ipv6("2001:db8:0:0:0:0:2:1:9050"), Some(("2001:db8:0:0:0:0:2:1", "9050")));
        assert_eq!(split_unbracketed_ipv6("::1:9050"), None);
        assert_eq!(split_unbracketed_ipv6("a:b:c"), None);
        assert_eq!(split_unbracketed_ipv6("fe80::1:99999"), None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["", ":", "[", "]", "[]:", "[:]:1", "é:é", "::::", "[é]:1", "%", "$", "\u{0}", "a:\u{FF10}"] {
            let _ = validate(s);
            let _ = placeholder(s);
            let _ = split_several(s, true);
            let _ = split_unbracketed_ipv6(s);
            let _ = classify_host(s, true);
            let _ = classify_host(s, false);
            let _ = is_loopback(s);
        }
    }
}
