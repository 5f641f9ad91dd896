//! Markdown and MDX inputs: a file whose name ends in `.md` / `.mdx` (or standard input named so
//! with `--stdin-filename`) is linted, fixed and formatted block by block through
//! [`doris_lint::markdown`]; every other input is SQL. Diagnostics are in the document's bytes,
//! so every output format points at the right line of the `.md` file.

use doris_lint::diagnostic::Diagnostic;
use doris_lint::markdown::{lint_markdown, MarkdownLint};
use doris_lint::options::LintOptions;

use super::Input;

/// `Some(mdx)` when `name` is a Markdown (`false`) or MDX (`true`) file.
pub fn kind(name: &str) -> Option<bool> {
    let ext = name.rsplit_once('.')?.1;
    if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") {
        Some(false)
    } else if ext.eq_ignore_ascii_case("mdx") {
        Some(true)
    } else {
        None
    }
}

/// What the Markdown inputs of one run held.
#[derive(Default)]
pub struct Stats {
    pub files: usize,
    pub blocks_linted: usize,
    pub skipped_synopsis: usize,
    pub skipped_ignored: usize,
    pub synopsis_statements: usize,
}

impl Stats {
    fn add(&mut self, r: &MarkdownLint) {
        self.files += 1;
        self.blocks_linted += r.blocks_linted;
        self.skipped_synopsis += r.skipped_synopsis;
        self.skipped_ignored += r.skipped_ignored;
        self.synopsis_statements += r.synopsis_statements;
    }

    /// One line for the end of the run, when there were Markdown inputs.
    pub fn summary(&self) -> Option<String> {
        if self.files == 0 {
            return None;
        }
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "Markdown: {} linted in {}; {} skipped as syntax synopsis, {} skipped by doris-lint: ignore",
            plural(self.blocks_linted, "SQL block"),
            plural(self.files, "file"),
            self.skipped_synopsis,
            self.skipped_ignored,
        );
        if self.synopsis_statements > 0 {
            s.push_str(&format!("; {} inside linted blocks", plural(self.synopsis_statements, "synopsis statement")));
        }
        s.push('.');
        Some(s)
    }
}

/// Lints one input, Markdown or SQL.
pub fn lint_input(input: &Input, options: &LintOptions, stats: &mut Stats) -> Vec<Diagnostic> {
    match kind(&input.name) {
        Some(mdx) => {
            let r = lint_markdown(&input.text, mdx, options);
            stats.add(&r);
            r.diagnostics
        }
        None => doris_lint::lint(&input.text, options),
    }
}
