//! The `.sql` files under a folder, for the tests that run over every fixture.

use std::path::{Path, PathBuf};

/// Every `.sql` file under `dir`, recursively, added to `out`.
pub fn sql_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            sql_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "sql") {
            out.push(p);
        }
    }
}
