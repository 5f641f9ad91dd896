//! `lint` under several option sets: never panics; every diagnostic and fix edit span inside
//! the input on char boundaries; line/column conversion works.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = doris_lint_fuzz::text_of(data);
    let options = doris_lint_fuzz::lint_options(doris_lint_fuzz::pick(&src));
    doris_lint_fuzz::check_lint(&src, &options);
});
