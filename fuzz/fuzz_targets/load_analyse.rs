//! Any bytes into the loader, then the analysis and the reports; see `check_load_analyse` in
//! fuzz/oracle.rs.
#![no_main]

include!("../oracle.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check_load_analyse(data));
