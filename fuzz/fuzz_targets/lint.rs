//! `lint` under several option sets (picked by a hash of the input): never panics; every
//! diagnostic and fix edit span inside the input on char boundaries; line/column conversion
//! works (`doris_lint::invariants::check_lint`).
#![no_main]
use doris_lint::invariants::{check_lint, lint_options, pick, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = text_of(data);
    check_lint(&src, &lint_options(pick(&src)));
});
