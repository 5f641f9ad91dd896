//! The `doris-lint` command: a thin face over the library (see `cli/`).

mod cli;

/// mimalloc rather than the system's allocator (as Ruff's command does): a parse makes a few
/// small allocations per statement and frees them a chunk at a time, where glibc's `malloc` and
/// `free` cost ≈ 170 instructions each (docs/performance.md). The library itself leaves the
/// choice to its user; the benchmark uses this one, to measure the command.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
