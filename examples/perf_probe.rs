//! A profiling aid: `perf_probe FILE [lint|format|fix|parse]` runs one operation once on FILE
//! (for `valgrind --tool=callgrind` or `perf`), and prints how long each stage took.
fn main() {
    let path = std::env::args().nth(1).expect("usage: perf_probe FILE [lint|format|fix|parse]");
    let what = std::env::args().nth(2).unwrap_or_else(|| "lint".into());
    let src = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let t = std::time::Instant::now();
    let n = match what.as_str() {
        "parse" => doris_lint::parse(&src).segments.len(),
        "lint" => doris_lint::lint(&src, &Default::default()).len(),
        "format" => doris_lint::format(&src, &Default::default()).len(),
        "fix" => doris_lint::fix(&src, &Default::default(), false).output.len(),
        other => panic!("unknown operation {other}"),
    };
    let d = t.elapsed();
    println!("{what}: {n} in {d:?} = {:.1} MB/s", src.len() as f64 / (1 << 20) as f64 / d.as_secs_f64());
}
