//! `fix`, safe or unsafe, under several lint option sets (picked by a hash of the input):
//! never panics; converges within its round limit; no more errors than the input; a second
//! run changes nothing (`doris_lint::invariants::check_fix`).
#![no_main]
use doris_lint::invariants::{check_fix, lint_options, pick, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = text_of(data);
    let p = pick(&src);
    check_fix(&src, &lint_options(p), p / 4 % 2 == 1);
});
