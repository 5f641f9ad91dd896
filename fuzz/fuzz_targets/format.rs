//! `format` under the formatter's option sets (picked by a hash of the input): never panics;
//! idempotent; every statement it does not lay out copied verbatim; comments, meaning and lint
//! codes kept (`doris_lint::invariants::check_format`).
#![no_main]
use doris_lint::invariants::{check_format, format_options, pick, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = text_of(data);
    check_format(&src, &format_options(pick(&src)));
});
