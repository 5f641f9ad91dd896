//! Markdown and MDX inputs: a file whose name ends in `.md`, `.markdown` or `.mdx` (any case), or
//! standard input named so with `--stdin-filename`, is linted, fixed and formatted block by block
//! through [`doris_lint::markdown`]; every other input is SQL. Diagnostics come back in the
//! document's bytes, so every output format points at the right line of the document.

use doris_lint::fix::FixResult;
use doris_lint::format::FormatOptions;
use doris_lint::lint::LintReport;
use doris_lint::markdown::{fix_markdown_result, format_markdown, lint_markdown};
use doris_lint::options::LintOptions;
use serde::Serialize;

use super::Input;

/// `Some(mdx)` when `name` is a Markdown (`false`) or MDX (`true`) document.
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

/// What became of the SQL blocks of one document (or, summed, of every document of a run).
/// Serialized with these names into the SARIF property bags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocks {
    /// Fenced `sql` blocks that were linted.
    pub sql_blocks_linted: usize,
    /// Blocks skipped because every statement in them is a syntax synopsis.
    pub skipped_synopsis: usize,
    /// Blocks skipped by a `doris-lint: ignore` comment.
    pub skipped_ignored: usize,
    /// Synopsis statements left out of blocks that were otherwise linted.
    pub synopsis_statements: usize,
}

impl Blocks {
    fn add(&mut self, other: &Blocks) {
        self.sql_blocks_linted += other.sql_blocks_linted;
        self.skipped_synopsis += other.skipped_synopsis;
        self.skipped_ignored += other.skipped_ignored;
        self.synopsis_statements += other.synopsis_statements;
    }
}

/// The Markdown documents of a run and their blocks, summed; `None` when there were none.
pub fn totals<'a>(per_file: impl IntoIterator<Item = Option<&'a Blocks>>) -> Option<(usize, Blocks)> {
    let mut files = 0;
    let mut sum = Blocks::default();
    for b in per_file.into_iter().flatten() {
        files += 1;
        sum.add(b);
    }
    (files > 0).then_some((files, sum))
}

/// The line that ends a run with Markdown inputs:
/// `Markdown: 4 SQL blocks linted in 1 file; 1 skipped as syntax synopsis, 0 skipped by doris-lint: ignore.`
pub fn summary(files: usize, b: &Blocks) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut s = format!(
        "Markdown: {} linted in {}; {} skipped as syntax synopsis, {} skipped by doris-lint: ignore",
        plural(b.sql_blocks_linted, "SQL block"),
        plural(files, "file"),
        b.skipped_synopsis,
        b.skipped_ignored,
    );
    if b.synopsis_statements > 0 {
        s.push_str(&format!("; {} left out of linted blocks", plural(b.synopsis_statements, "synopsis statement")));
    }
    s.push('.');
    s
}

/// Lints one input, Markdown (its SQL blocks, with their counts) or SQL.
pub fn lint(input: &Input, options: &LintOptions) -> (LintReport, Option<Blocks>) {
    let Some(mdx) = kind(&input.name) else { return (doris_lint::lint_report(&input.text, options), None) };
    let r = lint_markdown(&input.text, mdx, options);
    let blocks = Blocks {
        sql_blocks_linted: r.blocks_linted,
        skipped_synopsis: r.skipped_synopsis,
        skipped_ignored: r.skipped_ignored,
        synopsis_statements: r.synopsis_statements,
    };
    (LintReport { diagnostics: r.diagnostics, suppressed: r.suppressed, suppressions: r.suppressions }, Some(blocks))
}

/// Fixes one input: the fix engine on the whole SQL file, or on each linted block of a document.
pub fn fix(input: &Input, options: &LintOptions, unsafe_fixes: bool) -> FixResult {
    match kind(&input.name) {
        Some(mdx) => fix_markdown_result(&input.text, mdx, options, unsafe_fixes),
        None => doris_lint::fix(&input.text, options, unsafe_fixes),
    }
}

/// Formats one input: the whole SQL file, or only the SQL blocks of a document.
pub fn format(input: &Input, options: &FormatOptions) -> String {
    match kind(&input.name) {
        Some(mdx) => format_markdown(&input.text, mdx, options),
        None => doris_lint::format(&input.text, options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind("docs/a.md"), Some(false));
        assert_eq!(kind("A.MARKDOWN"), Some(false));
        assert_eq!(kind("x.Mdx"), Some(true));
        assert_eq!(kind("a.sql"), None);
        assert_eq!(kind("<stdin>"), None);
        assert_eq!(kind("md"), None);
        assert_eq!(kind("dir.md/a.sql"), None);
    }

    #[test]
    fn summary_words() {
        let b = Blocks { sql_blocks_linted: 1, skipped_synopsis: 2, skipped_ignored: 0, synopsis_statements: 0 };
        assert_eq!(summary(2, &b), "Markdown: 1 SQL block linted in 2 files; 2 skipped as syntax synopsis, 0 skipped by doris-lint: ignore.");
        let b = Blocks { synopsis_statements: 1, ..b };
        assert!(summary(1, &b).ends_with("; 1 synopsis statement left out of linted blocks."));
        assert_eq!(totals([None, Some(&b), Some(&b)]).map(|t| (t.0, t.1.skipped_synopsis)), Some((2, 4)));
        assert_eq!(totals([None]), None);
    }
}
