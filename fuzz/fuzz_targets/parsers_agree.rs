//! Differential: the hand-written fast path and the pest grammar build identical scripts
//! (`doris_lint::invariants::check_parsers_agree`).
#![no_main]
use doris_lint::invariants::{check_parsers_agree, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_parsers_agree(&text_of(data));
});
