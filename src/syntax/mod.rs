//! The syntax layer: scanning, statement splitting, the pest grammar and the typed AST.

pub mod ast;
mod explain;
mod fast;
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod split;

pub use ast::*;
pub use parser::{parse, parse_each, parse_reference};
