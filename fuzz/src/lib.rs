//! The fuzz targets of dateline: the bodies are in `targets.rs`, shared with the test suite.

pub mod targets;
