use crate::diagnostic::{Edit, Fix};
use crate::format::{options_for, statement_formatting, FormatOptions};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};

pub struct Unformatted;

static META: RuleMeta = RuleMeta {
    code: "D902",
    name: "unformatted",
    default_severity: None,
    fix: FixAvailability::Safe,
    summary: "The statement differs from the formatter's output (for `check` in CI).",
    explanation: r#"
**What it does.** Formats each statement of the `ALTER SYSTEM` family with the default
formatter options and reports the ones whose text differs. Off by default: turn it on to make
`doris-lint check` enforce the canonical style in CI (or run `doris-lint format --check`).

**Why.** One layout for every statement keeps reviews and diffs of cluster scripts readable.

**Example.**
```sql
alter system add backend '10.0.0.1:9050';
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050";
```

**Fix.** Safe: the statement (with its comments) is replaced by the formatter's output, which
never changes a literal's content, a name or the statement's meaning. Statements that do not
parse cleanly are never reported: the formatter copies them as they are.
"#,
};

impl Rule for Unformatted {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// The formatter's options depend on the whole script (its quote style).
    fn needs_whole_script(&self, _options: &crate::options::LintOptions) -> bool {
        true
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        let defaults = FormatOptions::default();
        let options = options_for(cx.script, &defaults);
        for (seg, st) in cx.statements() {
            let Some((span, formatted)) = statement_formatting(cx.source, seg, &options) else { continue };
            if cx.text(span) == formatted {
                continue;
            }
            let d = cx
                .diagnostic(
                    st.span,
                    t!(cx, 
                        "this statement is not formatted like `doris-lint format` would write it",
                        "该语句的格式与 `doris-lint format` 的输出不一致",
                    ),
                )
                .with_help(t!(cx, "run `doris-lint format`", "请运行 `doris-lint format`"))
                .with_fix(Fix::safe(t!(cx, "Format the statement", "格式化该语句"), vec![Edit::replace(span, formatted)]));
            cx.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::options::{LintOptions, RuleLevel};

    fn run(src: &str) -> Vec<crate::Diagnostic> {
        let mut options = LintOptions::default();
        options.rules.insert("D902".into(), RuleLevel::Info);
        crate::lint(src, &options).into_iter().filter(|d| d.code == "D902").collect()
    }

    #[test]
    fn off_by_default() {
        assert!(crate::lint("alter system add backend 'a:9050'", &Default::default()).iter().all(|d| d.code != "D902"));
    }

    #[test]
    fn reports_and_fixes_unformatted_statements() {
        let src = "alter system add backend 'a:9050';\nALTER SYSTEM ADD BACKEND \"b:9050\";\n";
        let d = run(src);
        assert_eq!(d.len(), 1);
        let fix = d[0].fix.as_ref().unwrap();
        let edits: Vec<&crate::Edit> = fix.edits.iter().collect();
        let fixed = crate::diagnostic::apply_edits(src, &edits);
        assert_eq!(fixed, "ALTER SYSTEM ADD BACKEND \"a:9050\";\nALTER SYSTEM ADD BACKEND \"b:9050\";\n");
        assert!(run(&fixed).is_empty());
    }

    #[test]
    fn ignores_statements_it_does_not_format() {
        assert!(run("alter system add backend 10.0.0.1:9050; select  1;").is_empty());
    }
}
