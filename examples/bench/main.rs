//! `make bench`: throughput, scaling, pathological inputs and peak memory of the native library.
//! Prints a table; the wasm figures come from `bench/wasm.mjs` on the files this writes.
//!
//! Usage: `bench [--quick]`, `bench --write-inputs DIR` (only writes the generated scripts,
//! `1kb.sql` ... `10mb.sql`, for `bench/wasm.mjs`), or `bench --peak-rss OPERATION FILE` (used
//! internally: runs one operation on FILE and prints the peak resident set size in bytes).

mod gen;

use std::time::{Duration, Instant};

use doris_lint::LintOptions;

/// The command's allocator (src/main.rs), so that the figures are the command's.
#[global_allocator]
static GLOBAL: doris_lint::allocator::Mimalloc = doris_lint::allocator::Mimalloc;

const SIZES: &[(&str, usize)] = &[("1 KB", 1 << 10), ("100 KB", 100 << 10), ("1 MB", 1 << 20), ("10 MB", 10 << 20)];

/// The generated script of size `label` (`"1 KB"`) and the file it is written to in `dir`.
fn input(dir: &std::path::Path, label: &str, size: usize) -> (String, std::path::PathBuf) {
    let src = gen::script(size, 42);
    let file = dir.join(format!("{}.sql", label.replace(' ', "").to_lowercase()));
    std::fs::write(&file, &src).expect("write generated script");
    (src, file)
}

/// The operations measured, by name.
fn operations() -> Vec<(&'static str, Box<dyn Fn(&str) -> usize>)> {
    let lint_options = LintOptions::default();
    let fix_options = LintOptions::default();
    let format_options = doris_lint::FormatOptions::default();
    vec![
        ("lint", Box::new(move |s: &str| doris_lint::lint(s, &lint_options).len())),
        ("format", Box::new(move |s: &str| doris_lint::format(s, &format_options).len())),
        ("fix", Box::new(move |s: &str| doris_lint::fix(s, &fix_options, false).output.len())),
    ]
}

/// Median wall time of `f(input)` over enough runs (at least 3, about `budget` in total).
fn median(input: &str, f: &dyn Fn(&str) -> usize, budget: Duration) -> Duration {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 3 || (started.elapsed() < budget && times.len() < 200) {
        let t = Instant::now();
        std::hint::black_box(f(std::hint::black_box(input)));
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / (1 << 20) as f64 / d.as_secs_f64()
}

fn peak_rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--peak-rss") {
        let (name, file) = (&args[i + 1], &args[i + 2]);
        let src = std::fs::read_to_string(file).expect("readable input");
        let ops = operations();
        let (_, op) = ops.iter().find(|(n, _)| n == name).expect("a known operation");
        std::hint::black_box(op(&src));
        println!("{}", peak_rss_bytes());
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--write-inputs") {
        let dir = std::path::Path::new(args.get(i + 1).expect("--write-inputs DIR"));
        std::fs::create_dir_all(dir).expect("output directory");
        for (label, size) in SIZES {
            input(dir, label, *size);
        }
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let budget = Duration::from_millis(if quick { 200 } else { 2000 });
    let out_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out_dir).expect("target/bench");

    println!("## Native throughput (median of repeated runs, MB/s; 1 MB = 2^20 bytes)\n");
    let ops = operations();
    print!("| script |");
    for (name, _) in &ops {
        print!(" {name} |");
    }
    println!(" lint + format |");
    println!("|---|{}", "---:|".repeat(ops.len() + 1));
    // MB/s per operation and script, for bench/wasm.mjs's ratios.
    let mut rates = serde_json::Map::new();
    let mut per_op_1mb = vec![Duration::ZERO; ops.len()];
    let mut per_op_10mb = vec![Duration::ZERO; ops.len()];
    let mut bars = Vec::new();
    for (label, size) in SIZES {
        let (src, _) = input(&out_dir, label, *size);
        print!("| {label} |");
        let mut times = Vec::new();
        for (i, (_, op)) in ops.iter().enumerate() {
            let d = median(&src, op.as_ref(), budget);
            times.push(d);
            if *label == "1 MB" {
                per_op_1mb[i] = d;
            }
            if *label == "10 MB" {
                per_op_10mb[i] = d;
            }
            let rate = mb_per_s(src.len(), d);
            let row = rates.entry(ops[i].0).or_insert_with(|| serde_json::json!({}));
            row[*label] = serde_json::json!(rate);
            print!(" {rate:.1} |");
        }
        // The bar's figure: the script linted, then formatted (each parses it).
        let both = mb_per_s(src.len(), times[0] + times[1]);
        rates.entry("lint + format").or_insert_with(|| serde_json::json!({}))[*label] = serde_json::json!(both);
        println!(" {both:.1} |");
        if *label == "10 MB" {
            bars.push(Bar::at_least("lint + format of 10 MB, native", both, 50.0, "MB/s"));
        }
    }
    std::fs::write(out_dir.join("native.json"), serde_json::Value::Object(rates).to_string()).expect("write native.json");
    println!("\n## Scaling (time for 10 MB / time for 1 MB; linear is about 10)\n");
    for (i, (name, _)) in ops.iter().enumerate() {
        let ratio = per_op_10mb[i].as_secs_f64() / per_op_1mb[i].as_secs_f64();
        println!("- {name}: {ratio:.1}×");
        bars.push(Bar::at_most(&format!("scaling of {name}, 10 MB / 1 MB"), ratio, 12.0, "×"));
    }

    println!("\n## Pathological inputs (ms, and ms per MB of input)\n");
    print!("| input | size |");
    for (name, _) in &ops {
        print!(" {name} |");
    }
    println!();
    println!("|---|---:|{}", "---:|".repeat(ops.len()));
    for (label, src) in gen::pathological() {
        print!("| {label} | {:.2} MB |", src.len() as f64 / (1 << 20) as f64);
        for (_, op) in &ops {
            let d = median(&src, op.as_ref(), budget / 4);
            let ms = d.as_secs_f64() * 1000.0;
            print!(" {ms:.1} ms ({:.1} ms/MB) |", ms / (src.len() as f64 / (1 << 20) as f64));
        }
        println!();
    }

    let ten = out_dir.join("10mb.sql");
    let input = std::fs::metadata(&ten).map_or(1, |m| m.len()) as f64;
    println!("\n## Peak memory (10 MB script, each operation alone in a fresh process; the input included)\n");
    let exe = std::env::current_exe().expect("own path");
    for (name, _) in &ops {
        let output = std::process::Command::new(&exe).arg("--peak-rss").arg(name).arg(&ten).output().expect("child run");
        let peak: u64 = String::from_utf8_lossy(&output.stdout).trim().parse().unwrap_or(0);
        let times = peak as f64 / input;
        println!("- {name}: peak RSS {:.1} MB = {times:.1}× the input", peak as f64 / (1 << 20) as f64);
        bars.push(Bar::at_most(&format!("peak RSS of {name}, 10 MB"), times, 10.0, "× the input"));
    }

    println!("\n## Native bars (product.md §5; the wasm bars follow from bench/wasm.mjs)\n");
    println!("| bar | measured | target | |");
    println!("|---|---:|---:|---|");
    for bar in &bars {
        println!("{bar}");
    }
}

/// One bar of product.md §5 and the figure measured for it.
struct Bar {
    what: String,
    measured: f64,
    target: f64,
    unit: &'static str,
    met: bool,
    at_least: bool,
}

impl Bar {
    fn at_least(what: &str, measured: f64, target: f64, unit: &'static str) -> Bar {
        Bar { what: what.into(), measured, target, unit, met: measured >= target, at_least: true }
    }

    fn at_most(what: &str, measured: f64, target: f64, unit: &'static str) -> Bar {
        Bar { what: what.into(), measured, target, unit, met: measured <= target, at_least: false }
    }
}

impl std::fmt::Display for Bar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let op = if self.at_least { "≥" } else { "≤" };
        let verdict = if self.met { "met" } else { "**missed**" };
        write!(f, "| {} | {:.1} {} | {op} {} | {verdict} |", self.what, self.measured, self.unit, self.target)
    }
}
