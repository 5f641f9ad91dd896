//! The properties the fuzz targets check: the same file the property tests use.

#[path = "../../tests/support/invariants.rs"]
mod invariants;

pub use invariants::*;
