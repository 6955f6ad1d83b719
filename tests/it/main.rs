//! The integration tests, built as one binary (like ripgrep's `tests/tests.rs`): one link instead
//! of one per file, and the word lists loaded once (`common::lexicon`). Run one file's tests with
//! `cargo test --test it quotes_rules::`.

mod common;

mod actors_corpus;
mod actors_kinds;
mod actors_rules;
mod actors_seed;
mod cli_export;
mod cli_robust;
mod cli_shards;
mod export_formats;
mod export_schema;
mod fuzz_smoke;
mod happenings;
mod ingest;
mod ingest_formats;
mod ingest_robust;
mod msrv;
mod quotes_rules;
mod quotes_scale;
mod quotes_seed;
mod quotes_speakers;
mod temporal_seed;
mod temporal_sentences;
mod temporal_table;
mod topics_rules;
mod topics_seed;
mod tui_features;
mod tui_keymap;
mod tui_keys;
mod tui_search;
mod tui_seed;
mod tui_snapshots;
mod tui_textsearch;
