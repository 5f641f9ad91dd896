use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::address_checks::{loose_key, LooseKey, Role, Verdict};
use crate::rules::{Context, FixAvailability, FxHashMap, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::StatementKind as K;

pub struct DuplicateAddress;

static META: RuleMeta = RuleMeta {
    code: "D109",
    name: "duplicate-address",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Sometimes,
    summary: "The same address twice in one ADD BACKEND, or added twice in one script.",
    explanation: r#"
**What it does.** Compares addresses after Doris's normalisation (whitespace removed, port read
as a number, `[::1]` brackets removed; host names case-insensitively) and finds:
- the same address twice in one `ADD BACKEND`: Doris does not notice and **adds two backends with
  the same host:port**;
- a backend added twice in one script: the second `ADD BACKEND` fails with
  `Same backend already exists[host:port]`; the same for a frontend added twice (FOLLOWER or
  OBSERVER). The script is read in order: an address that was removed in between (DROPP /
  DECOMMISSION BACKEND, DROP FOLLOWER / OBSERVER) may be added again.

Doris compares host strings exactly, so `BE1:9050` after `be1:9050` is not rejected: it adds a
second backend for the same machine. The message says when the match is only by case.

**Example.**
```sql
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050", "10.0.0.1:9050";
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```

**Fix.** Safe within one statement: removes the repeat (with its comma). Across statements there
is no fix: which of the two is wrong cannot be known.
"#,
};

/// The addresses added so far (and not removed since), with the span of the literal that
/// added each and its line, carried from chunk to chunk.
#[derive(Default)]
pub(crate) struct State<'s> {
    /// Each backend added and not removed since: where (span and line), and the start of the
    /// ADD BACKEND that added it (a repeat within that statement reads differently).
    backends: FxHashMap<LooseKey<'s>, (Span, usize, usize)>,
    frontends: FxHashMap<LooseKey<'s>, (Span, usize)>,
    lines: Lines,
}

/// The 1-based line of each address added, counted as they come: they come in order, so the
/// count moves forward only and reads the source once in all (no index of every line start,
/// and no search when a repeat is reported).
#[derive(Default)]
struct Lines {
    offset: usize,
    /// The line of `offset`.
    line: usize,
}

impl Lines {
    fn line_of(&mut self, source: &str, offset: usize) -> usize {
        // Counted eight bytes at a time: this reads most of the script.
        let newlines = |a: usize, b: usize| crate::bytes::count(&source.as_bytes()[a..b], b'\n');
        let line = self.line.max(1);
        self.line = if offset >= self.offset { line + newlines(self.offset, offset) } else { line - newlines(offset, self.offset) };
        self.offset = offset;
        self.line
    }
}

impl Rule for DuplicateAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let State { mut backends, mut frontends, mut lines } = cx.carry().d109.take();
        // What the maps keep outlives the chunk: the host borrowed from the source, or copied.
        let source = cx.source;
        let keep = |key: &LooseKey| key.rehost(|host| crate::rules::in_source(source, host));
        for (st, lits) in cx.literals_by_statement() {
            // Only these statements add or remove what is compared.
            if !matches!(st.kind, K::AddBackend | K::DroppBackend | K::DecommissionBackend | K::AddFollower | K::AddObserver | K::DropFollower | K::DropObserver) {
                continue;
            }
            for lit in lits {
                let Verdict::Valid(hp) = &lit.verdict else { continue };
                let op = lit.operand;
                match (st.kind, lit.role) {
                    (K::AddBackend, Role::NewBackend) => {
                        let key = loose_key(hp);
                        let found = backends.get_key_value(&key);
                        if let Some((first, &(first_span, _, _))) = found.filter(|(_, &(.., added_by))| added_by == st.span.start) {
                            let text = cx.text(op.span);
                            let first_text = cx.text(first_span);
                            let (case_en, case_zh) = case_note(first.host(), &hp.host);
                            let list = st.addresses();
                            let prev_end = list
                                .and_then(|l| l.items.get((lit.index as usize).wrapping_sub(1)))
                                .map_or(op.span.start, |p| p.span.end);
                            let d = cx
                                .diagnostic(
                                    op.span,
                                    t!(cx,
                                        cat!("`", text, "` repeats ", first_text, " in the same ADD BACKEND", case_en, ": Doris does not notice and adds two backends with the same address"),
                                        cat!("`", text, "` 在同一条 ADD BACKEND 中重复了 ", first_text, case_zh, "：Doris 不会发现，会添加两个地址相同的 backend"),
                                    ),
                                )
                                .with_help(t!(cx, "list each backend once", "每个 backend 只写一次"))
                                .with_fix(Fix::safe(
                                    t!(cx, "Remove the repeated address", "删除重复的地址"),
                                    vec![Edit::delete(Span::new(prev_end, op.span.end))],
                                ));
                            cx.push(d);
                            continue;
                        }
                        if let Some((first, &(first_span, line, _))) = found {
                            let text = cx.text(op.span);
                            let first_text = cx.text(first_span);
                            let message = if first.host() == hp.host {
                                let (host, port) = (&hp.host, hp.port);
                                t!(
                                    cx,
                                    cat!("`", text, "` was already added at line ", line, ": this ADD BACKEND fails with `Same backend already exists[", host, ":", port, "]`"),
                                    cat!("`", text, "` 已在第 ", line, " 行添加过：这条 ADD BACKEND 会失败：`Same backend already exists[", host, ":", port, "]`"),
                                )
                            } else {
                                let (case_en, case_zh) = case_note(first.host(), &hp.host);
                                t!(
                                    cx,
                                    cat!("`", text, "` is ", first_text, " from line ", line, case_en, ": Doris compares host strings exactly, so it adds a second backend for the same machine"),
                                    cat!("`", text, "` 就是第 ", line, " 行的 ", first_text, case_zh, "：Doris 按字符串精确比较主机，会为同一台机器再添加一个 backend"),
                                )
                            };
                            let d = cx.diagnostic(op.span, message).with_help(t!(cx,
                                "remove one of the two ADD BACKEND statements, or remove the backend (DROPP / DECOMMISSION) in between",
                                "删除两条 ADD BACKEND 中的一条，或在两者之间先移除该 backend（DROPP / DECOMMISSION）",
                            ));
                            cx.push(d);
                            continue;
                        }
                        let line = lines.line_of(source, op.span.start);
                        backends.insert(keep(&key), (op.span, line, st.span.start));
                    }
                    (K::DroppBackend | K::DecommissionBackend, Role::ExistingBackend) => {
                        // A key of the source's lifetime: the map's own (`remove` takes no shorter one).
                        backends.remove(&keep(&loose_key(hp)));
                    }
                    (K::AddFollower | K::AddObserver, Role::Frontend) => {
                        let key = loose_key(hp);
                        if let Some((first, &(first_span, line))) = frontends.get_key_value(&key) {
                            let text = cx.text(op.span);
                            let first_text = cx.text(first_span);
                            let (case_en, case_zh) = case_note(first.host(), &hp.host);
                            let d = cx
                                .diagnostic(
                                    op.span,
                                    t!(cx,
                                        cat!("`", text, "` repeats the frontend ", first_text, " added at line ", line, case_en, ": Doris rejects adding a frontend that already exists (as FOLLOWER or OBSERVER)"),
                                        cat!("`", text, "` 重复了第 ", line, " 行已添加的 FE ", first_text, case_zh, "：Doris 会拒绝添加已存在的 FE（无论 FOLLOWER 还是 OBSERVER）"),
                                    ),
                                )
                                .with_help(t!(cx,
                                    "add each frontend once, as either FOLLOWER or OBSERVER",
                                    "每个 FE 只添加一次，FOLLOWER 或 OBSERVER 二选一",
                                ));
                            cx.push(d);
                            continue;
                        }
                        let line = lines.line_of(source, op.span.start);
                        frontends.insert(keep(&key), (op.span, line));
                    }
                    (K::DropFollower | K::DropObserver, Role::Frontend) => {
                        frontends.remove(&keep(&loose_key(hp)));
                    }
                    _ => {}
                }
            }
        }
        cx.carry().d109.set(State { backends, frontends, lines });
    }
}

/// What the message adds when the two hosts are not written alike.
fn case_note(a: &str, b: &str) -> (&'static str, &'static str) {
    if a == b {
        ("", "")
    } else if a.eq_ignore_ascii_case(b) {
        (" (the host names differ only in case, and name the same machine)", "（主机名仅大小写不同，指向同一台机器）")
    } else {
        (" (the same IPv6 address, written differently)", "（同一个 IPv6 地址的不同写法）")
    }
}
