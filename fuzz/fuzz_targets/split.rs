//! The splitter alone (no grammar, so many more executions per second than `parse`): never
//! panics; the segments tile the input; the tokens handed to the parser are in order inside
//! the body (`doris_lint::invariants::check_split`).
#![no_main]
use doris_lint::invariants::{check_split, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_split(&text_of(data));
});
