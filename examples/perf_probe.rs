//! A profiling aid: `perf_probe FILE [lint|format|fix|parse] [TIMES]` runs one operation on FILE
//! (once, or TIMES times: short scripts, as an editor calls it) for `valgrind --tool=callgrind`
//! or `perf`, and prints how long a run took (the median of the TIMES runs).
/// The command's allocator (src/main.rs).
#[global_allocator]
static GLOBAL: doris_lint::allocator::Mimalloc = doris_lint::allocator::Mimalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: perf_probe FILE [lint|format|fix|parse]");
    let what = std::env::args().nth(2).unwrap_or_else(|| "lint".into());
    let src = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let times: u32 = std::env::args().nth(3).map_or(1, |n| n.parse().expect("TIMES is a count"));
    // TIMES = 1: one run, timed. More: a first run, then the median of TIMES runs (as the
    // benchmark measures: memory and caches as a process that lints again has them).
    if times > 1 {
        run(&what, &src);
    }
    let mut n = 0;
    let mut took = Vec::new();
    for _ in 0..times {
        let t = std::time::Instant::now();
        n = run(&what, &src);
        took.push(t.elapsed());
    }
    took.sort();
    let d = took[took.len() / 2];
    println!("{what}: {n} in {d:?} = {:.1} MB/s", src.len() as f64 / (1 << 20) as f64 / d.as_secs_f64());
}

fn run(what: &str, src: &str) -> usize {
    match what {
        "parse" => doris_lint::parse(src).segments.len(),
        "lint" => doris_lint::lint(src, &Default::default()).len(),
        "format" => doris_lint::format(src, &Default::default()).len(),
        "fix" => doris_lint::fix(src, &Default::default(), false).output.len(),
        other => panic!("unknown operation {other}"),
    }
}
