//! Support shared by the integration tests.

pub mod fixture;
// Each test binary uses a different part of the key helpers.
#[allow(dead_code)]
pub mod keys;
