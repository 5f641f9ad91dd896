//! `doris-lint format [PATH...|-]`: formats files in place (atomically, and only when they
//! change), or checks / diffs them. Standard input is formatted to standard output. Markdown
//! documents have only the SQL of their ```sql blocks formatted. The options of each input are
//! its config file's `[format]` table with the flags on top.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::de::DeserializeOwned;

use doris_lint::format::{CommaStyle, FormatOptions, Indent, KeywordCase, PropertiesLayout, QuoteStyle, SemicolonStyle};

use super::config::{Config, Resolver};
use super::{markdown, read_inputs, write_atomically, write_stdout, Input, EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS};

#[derive(Args, Debug, Clone)]
pub struct FormatArgs {
    /// Files or directories (searched for *.sql); `-` or nothing reads standard input. Files
    /// named *.md, *.markdown or *.mdx are documents: only their ```sql blocks change.
    pub paths: Vec<PathBuf>,
    /// Change nothing; list the files that would change and exit with 1 if any.
    #[arg(long)]
    pub check: bool,
    /// Change nothing; print a unified diff of the changes and exit with 1 if any.
    #[arg(long)]
    pub diff: bool,
    /// The name to show for standard input (`x.md`, `x.mdx`: read it as a document).
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
    /// Use this config file instead of looking for doris-lint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub options: FormatFlags,
}

/// One flag per formatter option; each overrides the base options (config file) when given.
#[derive(Args, Debug, Clone, Default)]
pub struct FormatFlags {
    /// Maximum line width [default: 80].
    #[arg(long, value_name = "N")]
    pub line_width: Option<usize>,
    /// Indentation: a number of spaces or `tab` [default: 4].
    #[arg(long, value_name = "N|tab")]
    pub indent: Option<Indent>,
    /// Keyword case: upper, lower or preserve [default: upper].
    #[arg(long, value_name = "CASE", value_parser = parse_option::<KeywordCase>)]
    pub keyword_case: Option<KeywordCase>,
    /// Quotes of string literals: double, single or preserve [default: double].
    #[arg(long, value_name = "STYLE", value_parser = parse_option::<QuoteStyle>)]
    pub quote_style: Option<QuoteStyle>,
    /// Commas of broken lists: trailing or leading [default: trailing].
    #[arg(long, value_name = "STYLE", value_parser = parse_option::<CommaStyle>)]
    pub comma_style: Option<CommaStyle>,
    /// Property lists: auto or expanded (always one per line) [default: auto].
    #[arg(long, value_name = "LAYOUT", value_parser = parse_option::<PropertiesLayout>)]
    pub properties_layout: Option<PropertiesLayout>,
    /// Semicolons: always or preserve [default: always].
    #[arg(long, value_name = "STYLE", value_parser = parse_option::<SemicolonStyle>)]
    pub semicolon: Option<SemicolonStyle>,
}

/// Parses an option value by its serde (config file) name, so flags and config agree.
fn parse_option<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| e.to_string())
}

impl FormatFlags {
    /// `base` (defaults or the config file's `[format]`) with the given flags on top.
    pub fn apply(&self, mut base: FormatOptions) -> FormatOptions {
        if let Some(v) = self.line_width {
            base.line_width = v;
        }
        if let Some(v) = self.indent {
            base.indent = v;
        }
        if let Some(v) = self.keyword_case {
            base.keyword_case = v;
        }
        if let Some(v) = self.quote_style {
            base.quote_style = v;
        }
        if let Some(v) = self.comma_style {
            base.comma_style = v;
        }
        if let Some(v) = self.properties_layout {
            base.properties_layout = v;
        }
        if let Some(v) = self.semicolon {
            base.semicolon = v;
        }
        base
    }
}

/// Runs the command: each input's `[format]` options (defaults without a config file),
/// overridden by the flags.
pub fn run(args: &FormatArgs) -> i32 {
    let mut resolver = match Resolver::new(args.config.as_deref(), |c: Config| Ok(args.options.apply(c.format_options()?))) {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("error: {msg}");
            return EXIT_ERROR;
        }
    };
    let reads_stdin = args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = args.paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let mut failed = false;
    let mut changed = 0usize;
    let mut unchanged = 0usize;
    // Everything for standard output, written at the end: a failed write (a full disk) is an
    // error, never a silent loss of the formatted text.
    let mut out: Vec<u8> = Vec::new();

    if reads_stdin {
        let (inputs, err) = read_inputs(&[], &args.stdin_filename);
        failed |= err;
        for input in inputs {
            let options = match resolver.for_input(None) {
                Ok(o) => o,
                Err(msg) => {
                    eprintln!("error: {msg}");
                    return EXIT_ERROR;
                }
            };
            let formatted = markdown::format(&input, &options);
            let differs = formatted != input.text;
            if args.check || args.diff {
                if differs {
                    changed += 1;
                    report(&mut out, args, &input, &formatted);
                }
            } else {
                out.extend_from_slice(formatted.as_bytes());
            }
        }
    }

    if !files.is_empty() {
        let (inputs, err) = read_inputs(&files, &args.stdin_filename);
        failed |= err;
        for input in inputs {
            let options = match resolver.for_input(input.path.as_deref()) {
                Ok(o) => o,
                Err(msg) => {
                    eprintln!("error: {msg}");
                    return EXIT_ERROR;
                }
            };
            let formatted = markdown::format(&input, &options);
            if formatted == input.text {
                unchanged += 1;
                continue;
            }
            changed += 1;
            if args.check || args.diff {
                report(&mut out, args, &input, &formatted);
                continue;
            }
            let path = input.path.as_deref().unwrap_or(Path::new(&input.name));
            if let Err(reason) = write_atomically(path, &formatted) {
                eprintln!("error: {}: cannot write the formatted file: {reason}", input.name);
                failed = true;
                changed -= 1;
            }
        }
        let verb = if args.check || args.diff { "would be reformatted" } else { "reformatted" };
        eprintln!("{changed} file{} {verb}, {unchanged} unchanged", if changed == 1 { "" } else { "s" });
    }
    failed |= !write_stdout(&String::from_utf8_lossy(&out));
    if failed {
        EXIT_ERROR
    } else if (args.check || args.diff) && changed > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

fn report(out: &mut impl Write, args: &FormatArgs, input: &Input, formatted: &str) {
    if args.diff {
        let diff = similar::TextDiff::from_lines(input.text.as_str(), formatted);
        let text = diff.unified_diff().context_radius(3).header(&input.name, &input.name).to_string();
        let _ = out.write_all(text.as_bytes());
    } else {
        let _ = writeln!(out, "would reformat: {}", input.name);
    }
}
