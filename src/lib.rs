//! doris-lint: a linter and formatter for the cluster-management SQL of Apache Doris
//! (`ALTER SYSTEM ADD BACKEND ...` and the rest of the `ALTER SYSTEM` family).
//!
//! The pipeline: [`syntax::parse`] cuts the source into statements (quote- and comment-aware,
//! never failing) and parses each into a typed AST (by hand, checked against the pest grammar,
//! which also explains the statements it rejects); [`lint`] runs the rules
//! of [`rules::RULES`] on it. Everything here is pure: no I/O, no global state, no panics.

pub mod address;
pub(crate) mod bytes;
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
pub mod allocator;
pub mod diagnostic;
pub mod fix;
pub mod format;
#[doc(hidden)]
pub mod invariants;
pub mod js;
pub mod js_options;
pub mod line_index;
pub mod lint;
pub mod markdown;
pub mod options;
pub mod rules;
pub mod show_backends;
pub mod sort;
pub mod span;
pub mod suppression;
pub mod syntax;
pub mod versions;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub use fix::{fix, AppliedFix, FixResult};
pub use format::{format, FormatOptions};
pub use lint::{lint, lint_report, LintReport};
pub use options::LintOptions;
pub use span::Span;
pub use syntax::parse;
