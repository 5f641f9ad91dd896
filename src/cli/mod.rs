//! Command-line interface: argument parsing, file handling and exit codes. All the work is done
//! by the library; this module only reads files, prints and chooses the exit code.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use doris_lint::diagnostic::{Diagnostic, Severity};
use doris_lint::fix::FixResult;
use doris_lint::lint::LintReport;
use doris_lint::options::{is_version, LintOptions, Locale, Mode};
use doris_lint::rules::{self, RULES};

mod config;
mod format;
mod github;
mod human;
mod json;
mod markdown;
mod sarif;

use config::Config;

/// Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.
pub const EXIT_OK: i32 = 0;
pub const EXIT_PROBLEMS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// Where the rules are documented (SARIF `informationUri`).
pub const INFORMATION_URI: &str = match option_env!("CARGO_PKG_REPOSITORY") {
    Some(r) if !r.is_empty() => r,
    _ => "https://crates.io/crates/doris-lint",
};

#[derive(Parser)]
#[command(name = "doris-lint", version, about = "Linter and formatter for Apache Doris ALTER SYSTEM statements")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ModeArg {
    Auto,
    Integrated,
    Decoupled,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories (searched for *.sql); `-` or nothing reads standard input. Files
    /// named *.md, *.markdown or *.mdx are documents: the SQL of their ```sql blocks is linted.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    output_format: OutputFormat,
    /// The name to show for standard input (`x.md`, `x.mdx`: read it as a document).
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
    /// Apply safe fixes: files are rewritten in place; standard input is written fixed to
    /// standard output (the remaining diagnostics then go to standard error).
    #[arg(long)]
    fix: bool,
    /// Apply unsafe fixes too (implies --fix).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Use this config file instead of looking for doris-lint.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Run only these rules (comma-separated codes, names or code prefixes like D1).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    select: Vec<String>,
    /// Turn these rules off (comma-separated codes, names or code prefixes).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    ignore: Vec<String>,
    /// The cluster's current backends: a file with the output of SHOW BACKENDS or host:port lines.
    #[arg(long, value_name = "FILE")]
    existing_backends: Option<PathBuf>,
    #[arg(long, value_enum)]
    mode: Option<ModeArg>,
    /// The Doris version the statements are for, e.g. 2.1 or 3.0.
    #[arg(long, value_name = "VERSION")]
    doris_version: Option<String>,
    /// The cluster's enable_multi_tags (fe.conf); `--enable-multi-tags` alone means true.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    enable_multi_tags: Option<bool>,
    /// Message language: en or zh-CN.
    #[arg(long, value_name = "LOCALE")]
    locale: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Lint SQL files and the SQL blocks of Markdown documents (or `-` for standard input).
    Check(CheckArgs),
    /// Format SQL files and the SQL blocks of Markdown documents in place (or `-` for standard
    /// input, written to standard output).
    Format(format::FormatArgs),
    /// List every rule.
    Rules,
    /// Explain one rule (by code or name).
    Explain { code: String },
}

/// One input: a name to show, its path (`None` for standard input) and its text.
pub struct Input {
    pub name: String,
    pub path: Option<PathBuf>,
    pub text: String,
}

/// One input with what the linter found (after fixing, when fixes ran).
pub struct FileReport {
    pub input: Input,
    pub report: LintReport,
    /// For a Markdown document: what became of its SQL blocks.
    pub blocks: Option<markdown::Blocks>,
}

impl FileReport {
    fn new(input: Input, options: &LintOptions) -> FileReport {
        let (report, blocks) = markdown::lint(&input, options);
        FileReport { input, report, blocks }
    }
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Format(args) => format::run(&args),
        Command::Rules => print_rules(),
        Command::Explain { code } => match rules::find(&code) {
            Some(rule) if write_stdout(&rules::explain(rule.meta())) => EXIT_OK,
            Some(_) => EXIT_ERROR,
            None => {
                eprintln!("error: no rule `{code}`; `doris-lint rules` lists them all");
                EXIT_ERROR
            }
        },
    }
}

fn print_rules() -> i32 {
    let mut text = format!("{:<6} {:<34} {:<8} {:<9} summary\n", "code", "name", "default", "fix");
    for r in RULES {
        let m = r.meta();
        let sev = m.default_severity.map_or("off", Severity::as_str);
        let fix = format!("{:?}", m.fix).to_lowercase();
        text.push_str(&format!("{:<6} {:<34} {:<8} {:<9} {}\n", m.code, m.name, sev, fix, m.summary));
    }
    if write_stdout(&text) {
        EXIT_OK
    } else {
        EXIT_ERROR
    }
}

/// Writes to standard output. A reader that went away (`doris-lint check big.sql | head -1`)
/// is not an error worth a word, and never a panic as `print!` would make it; other write
/// errors (a full disk) are reported on standard error and make this return `false`.
pub fn write_stdout(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            false
        }
    }
}

/// Reads every input; errors are printed and counted, the rest is returned.
pub fn read_inputs(paths: &[PathBuf], stdin_name: &str) -> (Vec<Input>, bool) {
    let mut inputs = Vec::new();
    let mut failed = false;
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => match decode(stdin_name, bytes) {
                Ok(text) => inputs.push(Input { name: stdin_name.to_string(), path: None, text }),
                Err(msg) => {
                    eprintln!("error: {msg}");
                    failed = true;
                }
            },
            Err(e) => {
                eprintln!("error: {stdin_name}: cannot read standard input: {e}");
                failed = true;
            }
        }
    }
    for path in paths.iter().filter(|p| p.as_os_str() != "-") {
        let mut files = Vec::new();
        let mut documents = 0;
        if let Err(e) = collect(path, &mut files, &mut documents) {
            eprintln!("error: {}: {e}", path.display());
            failed = true;
            continue;
        }
        if documents > 0 {
            let s = if documents == 1 { "" } else { "s" };
            let shown = path.display().to_string();
            let dir = match shown.trim_end_matches('/') {
                "" => shown.as_str(),
                trimmed => trimmed,
            };
            eprintln!(
                "note: {dir}: {documents} Markdown file{s} not read; directories are searched for *.sql only, name documents to include them (e.g. {dir}/**/*.md)"
            );
        }
        for file in files {
            let name = file.display().to_string();
            match std::fs::read(&file) {
                Ok(bytes) => match decode(&name, bytes) {
                    Ok(text) => inputs.push(Input { name, path: Some(file.clone()), text }),
                    Err(msg) => {
                        eprintln!("error: {msg}");
                        failed = true;
                    }
                },
                Err(e) => {
                    eprintln!("error: {name}: {}", io_reason(&e));
                    failed = true;
                }
            }
        }
    }
    (inputs, failed)
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
}

/// A file, or the `*.sql` files under a directory (sorted, so output is stable). Inside a
/// directory, symbolic links to directories are not followed (a link to a parent made the walk
/// report the same files again and again); links to files are. Markdown documents met in a
/// directory are not read, only counted in `documents` (see docs/markdown.md, "Which files").
fn collect(path: &Path, out: &mut Vec<PathBuf>, documents: &mut usize) -> std::io::Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| std::io::Error::new(e.kind(), io_reason(&e)))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        let link = std::fs::symlink_metadata(&entry).is_ok_and(|m| m.file_type().is_symlink());
        if entry.is_dir() {
            if link {
                continue;
            }
            collect(&entry, out, documents)?;
        } else if entry.extension().is_some_and(|e| e.eq_ignore_ascii_case("sql")) {
            out.push(entry);
        } else if markdown::kind(&entry.to_string_lossy()).is_some() {
            *documents += 1;
        }
    }
    Ok(())
}

fn decode(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(at).copied().unwrap_or(0);
        format!("{name}: not valid UTF-8 (byte 0x{byte:02x} at offset {at}); doris-lint reads UTF-8 text only")
    })
}

/// Whether `diagnostics` should fail the run (errors and warnings do, info does not).
fn fails(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity >= Severity::Warning)
}

/// The existing backends listed in a file (the output of `SHOW BACKENDS`, or host:port lines).
fn existing_backends_from(text: &str) -> Result<Vec<String>, String> {
    doris_lint::show_backends::parse_backends(text).map_err(|e| e.to_string())
}

/// The command-line overrides, applied on top of each config file's `[lint]`.
fn apply_flags(options: &mut LintOptions, args: &CheckArgs, backends: &Option<Vec<String>>) -> Result<(), String> {
    if let Some(mode) = args.mode {
        options.mode = match mode {
            ModeArg::Auto => Mode::Auto,
            ModeArg::Integrated => Mode::Integrated,
            ModeArg::Decoupled => Mode::Decoupled,
        };
    }
    if let Some(v) = &args.doris_version {
        if !is_version(v) {
            return Err(format!("--doris-version: `{v}` is not a version; write it like 2.1 or 3.0.4"));
        }
        options.doris_version = Some(v.clone());
    }
    if let Some(b) = args.enable_multi_tags {
        options.enable_multi_tags = Some(b);
    }
    if let Some(l) = &args.locale {
        options.locale = match l.to_ascii_lowercase().as_str() {
            "en" => Locale::En,
            "zh-cn" | "zh" => Locale::ZhCn,
            _ => return Err(format!("--locale: `{l}` is not a locale; use en or zh-CN")),
        };
    }
    if let Some(b) = backends {
        options.existing_backends = Some(b.clone());
    }
    options.apply_selection(&args.select, &args.ignore).map_err(|e| format!("--{}: {}", e.key, e.message))?;
    options.validate().map_err(|e| e.to_string())
}

/// Writes `text` over the file at `path` (which was read before) atomically: a temporary file
/// in the same directory, then a rename, so that on any error the original is left as it was.
/// A symbolic link is written through (its target changes, the link stays). The file must still
/// be there and be writable: a file that vanished since it was read is not created again, and
/// a read-only (or immutable) file is not replaced, which a rename alone would do. Keeps the
/// file's permissions. The error is a reason in words, for `error: <file>: ...`.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let gone = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "the file is gone (deleted or moved since it was read); not created again".to_string(),
        _ => io_reason(&e),
    };
    let path = std::fs::canonicalize(path).map_err(gone)?;
    let meta = std::fs::metadata(&path).map_err(gone)?;
    if !meta.is_file() {
        return Err("not a regular file; not replaced".into());
    }
    // Opening for writing (without truncating) is what the permissions, an immutable flag or a
    // read-only file system allow; root passes the permission check, so the mode is checked too.
    if meta.permissions().readonly() || std::fs::OpenOptions::new().write(true).open(&path).is_err() {
        return Err("the file is read-only; left unchanged".into());
    }
    let dir = path.parent().unwrap_or(Path::new("/"));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.doris-lint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, meta.permissions())?;
        std::fs::rename(&tmp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| format!("{} (left unchanged)", io_reason(&e)))
}

fn describe_fixes(name: &str, r: &FixResult) -> String {
    let mut counts: Vec<(&str, &str, usize)> = Vec::new();
    for a in &r.applied {
        match counts.iter_mut().find(|c| c.0 == a.code) {
            Some(c) => c.2 += 1,
            None => counts.push((a.code, a.rule, 1)),
        }
    }
    let list: Vec<String> = counts.iter().map(|(c, n, k)| format!("{c} {n} ×{k}")).collect();
    let n = r.applied.len();
    let mut s = format!("Fixed {n} problem{} in {name} ({})", if n == 1 { "" } else { "s" }, list.join(", "));
    if !r.converged {
        s.push_str(if r.rounds >= doris_lint::fix::MAX_ROUNDS {
            "; stopped at the round limit before every fix could apply, run again"
        } else {
            "; the fixes left would make things worse and were not applied"
        });
    }
    s
}

fn check(args: &CheckArgs) -> i32 {
    let backends = match &args.existing_backends {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(text) => match existing_backends_from(&text) {
                Ok(list) => Some(list),
                Err(msg) => {
                    eprintln!("error: {}: {msg}", p.display());
                    return EXIT_ERROR;
                }
            },
            Err(e) => {
                eprintln!("error: {}: {}", p.display(), io_reason(&e));
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    // Each input's options: its config file's `[lint]` plus the flags.
    let resolver = config::Resolver::new(args.config.as_deref(), |config: Config| {
        let mut options = config.lint;
        apply_flags(&mut options, args, &backends)?;
        Ok(options)
    });
    let mut resolver = match resolver {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("error: {msg}");
            return EXIT_ERROR;
        }
    };
    let (inputs, mut failed) = read_inputs(&args.paths, &args.stdin_filename);
    let fixing = args.fix || args.unsafe_fixes;
    let mut stdin_fixed: Option<String> = None;
    let mut results = Vec::new();
    for mut input in inputs {
        let options = match resolver.for_input(input.path.as_deref()) {
            Ok(o) => o,
            Err(msg) => {
                eprintln!("error: {msg}");
                return EXIT_ERROR;
            }
        };
        if fixing {
            let r = markdown::fix(&input, &options, args.unsafe_fixes);
            match &input.path {
                None => stdin_fixed = Some(r.output.clone()),
                Some(path) if r.output != input.text => {
                    if let Err(reason) = write_atomically(path, &r.output) {
                        eprintln!("error: {}: cannot write the fixed file: {reason}", input.name);
                        failed = true;
                        results.push(FileReport::new(input, &options));
                        continue;
                    }
                }
                Some(_) => {}
            }
            if !r.applied.is_empty() {
                eprintln!("{}", describe_fixes(&input.name, &r));
            }
            input.text = r.output;
        }
        results.push(FileReport::new(input, &options));
    }
    let stdout = std::io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = match args.output_format {
        // "All checks passed" would be false when an input could not be read.
        OutputFormat::Human if failed && results.iter().all(|f| f.report.diagnostics.is_empty()) => String::new(),
        OutputFormat::Human => human::render(&results, color && stdin_fixed.is_none()),
        OutputFormat::Json => json::render(&results),
        OutputFormat::Sarif => sarif::render(&results),
        OutputFormat::Github => github::render(&results),
    };
    // The human output ends with the Markdown line; the machine-readable ones keep standard
    // output parseable, so it goes to standard error (SARIF also has it as properties).
    if args.output_format != OutputFormat::Human {
        if let Some((files, blocks)) = markdown::totals(results.iter().map(|f| f.blocks.as_ref())) {
            eprintln!("{}", markdown::summary(files, &blocks));
        }
    }
    if let Some(fixed) = &stdin_fixed {
        // Standard output carries the fixed text; the report goes to standard error.
        let written = write_stdout(fixed);
        let _ = std::io::stderr().write_all(text.as_bytes());
        if !written {
            return EXIT_ERROR;
        }
    } else if !write_stdout(&text) {
        return EXIT_ERROR;
    }
    if failed {
        EXIT_ERROR
    } else if results.iter().any(|f| fails(&f.report.diagnostics)) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doris_lint::fix::{AppliedFix, MAX_ROUNDS};
    use doris_lint::Applicability;

    #[test]
    fn describe_fixes_says_why_fixes_were_left() {
        let applied = AppliedFix { code: "D005", rule: "fullwidth", message: "m".into(), applicability: Applicability::Safe };
        let r = |rounds, converged| FixResult { output: String::new(), applied: vec![applied.clone()], remaining: vec![], rounds, converged };
        assert_eq!(describe_fixes("a.sql", &r(1, true)), "Fixed 1 problem in a.sql (D005 fullwidth ×1)");
        assert!(describe_fixes("a.sql", &r(MAX_ROUNDS, false)).ends_with("round limit before every fix could apply, run again"));
        assert!(describe_fixes("a.sql", &r(1, false)).ends_with("the fixes left would make things worse and were not applied"));
    }
}
