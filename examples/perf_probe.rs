fn main() {
    sizes();
    let src = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let t = std::time::Instant::now();
    let segs = doris_lint::syntax::split::split(&src).len();
    let t_split = t.elapsed();
    let t = std::time::Instant::now();
    let s = doris_lint::parse(&src);
    let t_parse = t.elapsed();
    let t = std::time::Instant::now();
    let d = doris_lint::lint::lint_script(&src, &s, &Default::default());
    let t_lint = t.elapsed();
    println!("segments {segs} split {t_split:?} parse {t_parse:?} rules {t_lint:?} diags {}", d.len());
}

#[allow(dead_code)]
fn sizes() {
    use doris_lint::syntax::*;
    eprintln!("Segment {} Node {} Statement {} Part {} PropertyList {} AddressList {} Operand {} Property {} Diagnostic {}",
        std::mem::size_of::<Segment>(), std::mem::size_of::<Node>(), std::mem::size_of::<Statement>(), std::mem::size_of::<Part>(),
        std::mem::size_of::<PropertyList>(), std::mem::size_of::<AddressList>(), std::mem::size_of::<Operand>(), std::mem::size_of::<Property>(), std::mem::size_of::<doris_lint::Diagnostic>());
}
