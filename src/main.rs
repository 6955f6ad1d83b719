//! The `dateline` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    dateline::cli::run(dateline::cli::Cli::parse())
}
