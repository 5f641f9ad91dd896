//! Differential: the hand-written fast path and the pest grammar build identical scripts.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = doris_lint_fuzz::text_of(data);
    doris_lint_fuzz::check_parsers_agree(&src);
});
