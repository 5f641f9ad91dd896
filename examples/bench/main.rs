//! `make bench`: throughput, scaling, pathological inputs and peak memory of the native library.
//! Prints a table; the wasm figures come from `bench/wasm.mjs` on the files this writes.
//!
//! Usage: `bench [--quick]`, `bench --write-inputs DIR` (only writes the generated scripts,
//! `1kb.sql` ... `10mb.sql`, for `bench/wasm.mjs`), or `bench --peak-rss FILE` (used internally:
//! lints and formats FILE and prints the peak resident set size in bytes).

mod gen;

use std::time::{Duration, Instant};

use doris_lint::LintOptions;

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
        let src = std::fs::read_to_string(&args[i + 1]).expect("readable input");
        for (_, op) in operations() {
            std::hint::black_box(op(&src));
        }
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
    println!();
    println!("|---|{}", "---:|".repeat(ops.len()));
    // MB/s per operation and script, for bench/wasm.mjs's ratios.
    let mut rates = serde_json::Map::new();
    let mut per_op_1mb = vec![Duration::ZERO; ops.len()];
    let mut per_op_10mb = vec![Duration::ZERO; ops.len()];
    for (label, size) in SIZES {
        let (src, _) = input(&out_dir, label, *size);
        print!("| {label} |");
        for (i, (_, op)) in ops.iter().enumerate() {
            let d = median(&src, op.as_ref(), budget);
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
        println!();
    }
    std::fs::write(out_dir.join("native.json"), serde_json::Value::Object(rates).to_string()).expect("write native.json");
    println!("\n## Scaling (time for 10 MB / time for 1 MB; linear is about 10)\n");
    for (i, (name, _)) in ops.iter().enumerate() {
        println!("- {name}: {:.1}×", per_op_10mb[i].as_secs_f64() / per_op_1mb[i].as_secs_f64());
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
    let exe = std::env::current_exe().expect("own path");
    let output = std::process::Command::new(exe).arg("--peak-rss").arg(&ten).output().expect("child run");
    let peak: u64 = String::from_utf8_lossy(&output.stdout).trim().parse().unwrap_or(0);
    let input = std::fs::metadata(&ten).map_or(1, |m| m.len());
    println!(
        "\n## Peak memory\n\n- 10 MB script, every operation in one process: peak RSS {:.1} MB = {:.1}× the input",
        peak as f64 / (1 << 20) as f64,
        peak as f64 / input as f64
    );
}
