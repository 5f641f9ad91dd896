//! The `doris-lint` command: a thin face over the library (see `cli/`).

mod cli;

fn main() {
    std::process::exit(cli::run());
}
