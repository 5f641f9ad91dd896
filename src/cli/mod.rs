//! Command-line interface: argument parsing, file handling and exit codes. All the work is done
//! by the library; this module only reads files, prints and chooses the exit code.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use doris_lint::diagnostic::{Diagnostic, Severity};
use doris_lint::options::LintOptions;
use doris_lint::rules::{self, RULES};

mod human;
mod json;
mod markdown;

/// Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.
pub const EXIT_OK: i32 = 0;
pub const EXIT_PROBLEMS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

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
}

#[derive(Subcommand)]
enum Command {
    /// Lint SQL files (or `-` for standard input).
    Check {
        /// Files or directories (searched for *.sql); `-` or nothing reads standard input.
        /// `.md` / `.mdx` files given by name are Markdown: their ```sql blocks are linted.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        output_format: OutputFormat,
        /// The name to show for standard input (`x.md` / `x.mdx`: read it as Markdown).
        #[arg(long, default_value = "<stdin>")]
        stdin_filename: String,
    },
    /// List every rule.
    Rules,
    /// Explain one rule (by code or name).
    Explain { code: String },
}

/// One input: a name to show and its text.
pub struct Input {
    pub name: String,
    pub text: String,
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
        Command::Check { paths, output_format, stdin_filename } => check(&paths, output_format, &stdin_filename),
        Command::Rules => {
            print_rules();
            EXIT_OK
        }
        Command::Explain { code } => match rules::find(&code) {
            Some(rule) => {
                print!("{}", rules::explain(rule.meta()));
                EXIT_OK
            }
            None => {
                eprintln!("error: no rule `{code}`; `doris-lint rules` lists them all");
                EXIT_ERROR
            }
        },
    }
}

fn print_rules() {
    println!("{:<6} {:<34} {:<8} {:<9} summary", "code", "name", "default", "fix");
    for r in RULES {
        let m = r.meta();
        let sev = m.default_severity.map_or("off", Severity::as_str);
        let fix = format!("{:?}", m.fix).to_lowercase();
        println!("{:<6} {:<34} {:<8} {:<9} {}", m.code, m.name, sev, fix, m.summary);
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
                Ok(text) => inputs.push(Input { name: stdin_name.to_string(), text }),
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
        if let Err(e) = collect(path, &mut files) {
            eprintln!("error: {}: {e}", path.display());
            failed = true;
            continue;
        }
        for file in files {
            let name = file.display().to_string();
            match std::fs::read(&file) {
                Ok(bytes) => match decode(&name, bytes) {
                    Ok(text) => inputs.push(Input { name, text }),
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
}

/// A file, or the `*.sql` files under a directory (sorted, so output is stable).
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| std::io::Error::new(e.kind(), io_reason(&e)))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if entry.extension().is_some_and(|e| e.eq_ignore_ascii_case("sql")) {
            out.push(entry);
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

fn check(paths: &[PathBuf], format: OutputFormat, stdin_name: &str) -> i32 {
    let (inputs, failed) = read_inputs(paths, stdin_name);
    let options = LintOptions::default();
    let mut md = markdown::Stats::default();
    let results: Vec<(Input, Vec<Diagnostic>)> = inputs
        .into_iter()
        .map(|input| {
            let diags = markdown::lint_input(&input, &options, &mut md);
            (input, diags)
        })
        .collect();
    let stdout = std::io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = stdout.lock();
    let text = match format {
        OutputFormat::Human => human::render(&results, color),
        OutputFormat::Json => json::render(&results),
    };
    let _ = out.write_all(text.as_bytes());
    if let Some(summary) = md.summary() {
        // Machine formats keep standard output parseable.
        match format {
            OutputFormat::Human => {
                let _ = writeln!(out, "{summary}");
            }
            _ => eprintln!("{summary}"),
        }
    }
    let _ = out.flush();
    if failed {
        EXIT_ERROR
    } else if results.iter().any(|(_, d)| fails(d)) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}
