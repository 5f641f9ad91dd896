//! `parse`: never panics; segments tile the input; every span inside it on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = doris_lint_fuzz::text_of(data);
    doris_lint_fuzz::check_parse(&src);
});
