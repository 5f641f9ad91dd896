//! Explains why the grammar rejects a statement: the position where parsing failed and the
//! rules pest would have accepted there, exactly as pest reports them.
//!
//! The hand-written parser (`syntax/fast.rs`) builds the tree of every statement the grammar
//! accepts; what it gives up on is rejected, and this module says why. It runs the grammar
//! (compiled from `grammar/doris.pest` by `build.rs` into the tables below) with pest's
//! semantics: ordered choice, implicit whitespace between the parts of non-atomic rules, and
//! pest's bookkeeping of attempts (`ParserState::rule` and `track`: the furthest position a
//! rule was tried at, and which rules failed there, a rule standing for its children unless
//! exactly one of them was tried). It builds no tree, which makes it a few hundred lines
//! instead of pest's generated parser. `tests/parsers_agree.rs` checks that it reports what
//! pest itself reports, on every fixture, the corpus and thousands of near misses.

/// A grammar rule: its name, kind and body.
struct RuleDef {
    name: &'static str,
    ty: Ty,
    expr: u16,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ty {
    Normal,
    Silent,
    Atomic,
    CompoundAtomic,
    /// `!{ ... }` (none in the grammar today; build.rs emits what pest_meta gives).
    #[allow(dead_code)]
    NonAtomic,
}

/// An expression of pest's optimised grammar (operands are indices into `EXPRS` or `RULES`).
enum Expr {
    Str(&'static str),
    Insensitive(&'static str),
    /// Inclusive.
    Range(char, char),
    AsciiAlphanumeric,
    Any,
    StartOfInput,
    EndOfInput,
    Rule(u16),
    /// `&e` (true) or `!e` (false).
    Lookahead(bool, u16),
    Seq(u16, u16),
    Choice(u16, u16),
    Opt(u16),
    Rep(u16),
    SkipUntil(&'static [&'static str]),
}

include!(concat!(env!("OUT_DIR"), "/grammar_tables.rs"));

#[derive(Clone, Copy, PartialEq, Eq)]
enum Atomicity {
    Atomic,
    CompoundAtomic,
    NonAtomic,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lookahead {
    None,
    Positive,
    Negative,
}

/// Where `text` (one statement, comments blanked) fails to parse and the names of the rules
/// expected there, in pest's order (its `Rule` enum's) without repeats; `None` when the grammar
/// accepts it.
pub fn explain(text: &str) -> Option<(usize, Vec<&'static str>)> {
    let mut vm = Vm {
        text,
        pos: 0,
        atomicity: Atomicity::NonAtomic,
        lookahead: Lookahead::None,
        attempt_pos: 0,
        pos_attempts: Vec::new(),
        neg_attempts: Vec::new(),
    };
    if vm.rule(STATEMENT) {
        return None;
    }
    let mut rules = vm.pos_attempts;
    rules.sort_unstable();
    rules.dedup();
    Some((vm.attempt_pos, rules.into_iter().map(|r| RULES[r as usize].name).collect()))
}

struct Vm<'t> {
    text: &'t str,
    pos: usize,
    atomicity: Atomicity,
    lookahead: Lookahead,
    attempt_pos: usize,
    pos_attempts: Vec<u16>,
    neg_attempts: Vec<u16>,
}

impl Vm<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    /// A grammar rule, as pest_derive generates it for its kind.
    fn rule(&mut self, r: u16) -> bool {
        let def = &RULES[r as usize];
        match def.ty {
            Ty::Silent if Some(r) == WHITESPACE => self.atomic(Atomicity::Atomic, |vm| vm.expr(def.expr)),
            Ty::Silent => self.expr(def.expr),
            Ty::Normal => self.tracked(r, |vm| vm.expr(def.expr)),
            Ty::Atomic => self.tracked(r, |vm| vm.atomic(Atomicity::Atomic, |vm| vm.expr(def.expr))),
            Ty::CompoundAtomic => {
                self.atomic(Atomicity::CompoundAtomic, |vm| vm.tracked(r, |vm| vm.expr(def.expr)))
            }
            Ty::NonAtomic => self.atomic(Atomicity::NonAtomic, |vm| vm.tracked(r, |vm| vm.expr(def.expr))),
        }
    }

    /// `ParserState::rule`: runs `body` and records the attempt.
    fn tracked(&mut self, r: u16, body: impl FnOnce(&mut Self) -> bool) -> bool {
        let start = self.pos;
        let (pos_index, neg_index) = if start == self.attempt_pos {
            (self.pos_attempts.len(), self.neg_attempts.len())
        } else {
            (0, 0)
        };
        let before = self.attempts_at(start);
        let matched = body(self);
        if matched == (self.lookahead == Lookahead::Negative) {
            self.track(r, start, pos_index, neg_index, before);
        }
        matched
    }

    fn attempts_at(&self, pos: usize) -> usize {
        if pos == self.attempt_pos {
            self.pos_attempts.len() + self.neg_attempts.len()
        } else {
            0
        }
    }

    /// `ParserState::track`.
    fn track(&mut self, r: u16, pos: usize, pos_index: usize, neg_index: usize, before: usize) {
        if self.atomicity == Atomicity::Atomic {
            return;
        }
        // The children's attempts stand for the rule when exactly one was made.
        let now = self.attempts_at(pos);
        if now > before && now - before == 1 {
            return;
        }
        if pos == self.attempt_pos {
            self.pos_attempts.truncate(pos_index);
            self.neg_attempts.truncate(neg_index);
        }
        if pos > self.attempt_pos {
            self.pos_attempts.clear();
            self.neg_attempts.clear();
            self.attempt_pos = pos;
        }
        if pos == self.attempt_pos {
            if self.lookahead == Lookahead::Negative {
                self.neg_attempts.push(r);
            } else {
                self.pos_attempts.push(r);
            }
        }
    }

    fn atomic(&mut self, atomicity: Atomicity, body: impl FnOnce(&mut Self) -> bool) -> bool {
        let outer = std::mem::replace(&mut self.atomicity, atomicity);
        let matched = body(self);
        self.atomicity = outer;
        matched
    }

    /// Implicit whitespace between the parts of a non-atomic rule.
    fn skip(&mut self) {
        if let (Atomicity::NonAtomic, Some(ws)) = (self.atomicity, WHITESPACE) {
            while self.rule(ws) {}
        }
    }

    /// Runs `body`; on failure the position is restored (pest's `sequence`).
    fn restoring(&mut self, body: impl FnOnce(&mut Self) -> bool) -> bool {
        let start = self.pos;
        let matched = body(self);
        if !matched {
            self.pos = start;
        }
        matched
    }

    fn advance_if(&mut self, len: Option<usize>) -> bool {
        match len {
            Some(n) => {
                self.pos += n;
                true
            }
            None => false,
        }
    }

    fn expr(&mut self, e: u16) -> bool {
        match EXPRS[e as usize] {
            Expr::Str(s) => {
                let len = self.rest().starts_with(s).then_some(s.len());
                self.advance_if(len)
            }
            Expr::Insensitive(s) => {
                let len = self.rest().get(..s.len()).filter(|t| t.eq_ignore_ascii_case(s)).map(|_| s.len());
                self.advance_if(len)
            }
            Expr::Range(lo, hi) => {
                let len = self.rest().chars().next().filter(|c| (lo..=hi).contains(c)).map(char::len_utf8);
                self.advance_if(len)
            }
            Expr::AsciiAlphanumeric => {
                let len = self.rest().chars().next().filter(char::is_ascii_alphanumeric).map(|_| 1);
                self.advance_if(len)
            }
            Expr::Any => {
                let len = self.rest().chars().next().map(char::len_utf8);
                self.advance_if(len)
            }
            Expr::StartOfInput => self.pos == 0,
            Expr::EndOfInput => self.pos == self.text.len(),
            Expr::Rule(r) => self.rule(r),
            Expr::Lookahead(positive, inner) => {
                let outer = self.lookahead;
                self.lookahead = match (positive, outer) {
                    (true, Lookahead::Negative) | (false, Lookahead::None | Lookahead::Positive) => Lookahead::Negative,
                    _ => Lookahead::Positive,
                };
                let start = self.pos;
                let matched = self.expr(inner);
                self.pos = start;
                self.lookahead = outer;
                matched == positive
            }
            Expr::Seq(a, b) => self.restoring(|vm| {
                vm.expr(a) && {
                    vm.skip();
                    vm.expr(b)
                }
            }),
            Expr::Choice(a, b) => self.expr(a) || self.expr(b),
            Expr::Opt(inner) => {
                self.expr(inner);
                true
            }
            Expr::Rep(inner) => {
                if self.expr(inner) {
                    while self.restoring(|vm| {
                        vm.skip();
                        vm.expr(inner)
                    }) {}
                }
                true
            }
            Expr::SkipUntil(strings) => {
                let rest = self.rest();
                let found = rest
                    .char_indices()
                    .map(|(i, _)| i)
                    .find(|&i| strings.iter().any(|s| rest[i..].starts_with(s)));
                self.pos += found.unwrap_or(rest.len());
                true
            }
        }
    }
}
