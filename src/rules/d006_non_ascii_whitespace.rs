use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::syntax::LexicalIssue;

pub struct NonAsciiWhitespace;

static META: RuleMeta = RuleMeta {
    code: "D006",
    name: "non-ascii-whitespace",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Safe,
    summary: "A no-break space, ideographic space or other Unicode space outside a literal.",
    explanation: r#"
**What it does.** Finds Unicode spaces (U+00A0 no-break space, U+3000 ideographic space, U+2000–
U+200B, U+FEFF, ...) between tokens.

**Why.** Doris only knows space, tab, CR and LF as whitespace. Any other space counts as a letter:
`BACKEND` followed by a no-break space is one longer identifier, and the statement fails. These
characters are invisible and arrive with text copied from web pages and chat tools.

**Fix (safe).** One plain space for each such character.
"#,
};

fn describe(c: char) -> String {
    match c {
        '\u{00A0}' => "no-break space (U+00A0)".into(),
        '\u{3000}' => "ideographic space (U+3000)".into(),
        '\u{FEFF}' => "zero-width no-break space (U+FEFF)".into(),
        '\u{200B}' => "zero-width space (U+200B)".into(),
        c => format!("Unicode space (U+{:04X})", c as u32),
    }
}

impl Rule for NonAsciiWhitespace {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in cx.checked_segments() {
            for issue in &seg.lexical {
                let LexicalIssue::NonAsciiWhitespace { span } = *issue else { continue };
                let text = cx.text(span);
                let first = text.chars().next().unwrap_or(' ');
                let n = text.chars().count();
                let what = describe(first);
                let d = cx
                    .diagnostic(
                        span,
                        t!(cx, 
                            format!("{what} is not whitespace for Doris: it reads it as part of a name and the statement fails"),
                            format!("{what} 对 Doris 不是空白：它会被当作名字的一部分，语句会失败"),
                        ),
                    )
                    .with_help(t!(cx, "use a plain space", "请使用普通空格"))
                    .with_fix(Fix::safe(
                        t!(cx, "Replace with a plain space", "替换为普通空格"),
                        vec![Edit::replace(span, " ".repeat(n))],
                    ));
                cx.push(d);
            }
        }
    }
}
