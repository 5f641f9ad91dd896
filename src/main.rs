//! The `doris-lint` command: a thin face over the library (see `cli/`).

mod cli;

/// mimalloc rather than the system's allocator (see `doris_lint::allocator`).
#[global_allocator]
static GLOBAL: doris_lint::allocator::Mimalloc = doris_lint::allocator::Mimalloc;

fn main() {
    std::process::exit(cli::run());
}
