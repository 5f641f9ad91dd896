//! `parse`: never panics; the segments tile the input; every span of every segment and
//! statement lies inside it on char boundaries (`doris_lint::invariants::check_parse`).
#![no_main]
use doris_lint::invariants::{check_parse, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_parse(&text_of(data));
});
