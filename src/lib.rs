//! dateline: a chronological timeline of events, actors, topics and quotes from a folder of news articles.
//!
//! `ingest` reads articles from files and folders, `extract` is the pure pipeline over one
//! document, `corpus` assembles documents, `export` is the JSON contract, `tui` is the terminal
//! browser and `cli` the command line over all of them.

pub mod assets;
pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod fasthash;
pub mod fsutil;
pub mod ids;
pub mod ingest;
pub mod keytable;
pub mod model;
pub mod shard;
pub mod text;
pub mod tui;
