//! cargo-fuzz target: arbitrary bytes (as UTF-8, else skipped) through
//! parsing, validation and every static output. The body is shared with the
//! stable-Rust smoke fuzzer, tests/fuzz_smoke.rs.
//!   cargo +nightly fuzz run parse_render fuzz/corpus/parse_render www/briefs -- -dict=fuzz/brief.dict -max_total_time=300
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_body.rs"]
mod fuzz_body;

fuzz_target!(|data: &[u8]| {
    fuzz_body::run(data);
});
