//! Any bytes into the loader; see `check_load` in fuzz/oracle.rs for what is checked.
#![no_main]

include!("../oracle.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check_load(data));
