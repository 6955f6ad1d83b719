//! The timeline browser: a full-screen terminal UI over a corpus (The Elm Architecture).

use std::process::ExitCode;

use crate::cli::BrowseArgs;

/// Opens the browser on the corpus the arguments name.
pub fn run(_args: &BrowseArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the timeline browser is not built yet; use `dateline export`")
}
