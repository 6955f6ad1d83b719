//! The `dateline` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

/// Extraction allocates many small short-lived strings and vectors per sentence on every worker
/// thread; mimalloc serves them from thread-local pages, which cuts export CPU time by a quarter.
/// Its defaults are kept: returning freed memory at once lowered the 100 MB export's peak from
/// about 330 to 280 MB but cost 5–10% of the time, and 330 MB is well inside the memory budget.
/// The benchmarks declare the same allocator. Without the `mimalloc` feature (on by default; it
/// needs a C compiler) the system allocator is used.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    dateline::cli::main()
}
