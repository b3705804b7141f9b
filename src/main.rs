//! The `whowhom` command line: parses arguments and hands over to `whowhom::cli`.

// Extraction makes many small, short-lived allocations (a lower-cased word per token,
// phrases, references); mimalloc serves them faster than the system allocator
// (docs/performance.md). The library leaves the choice to its binaries.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    whowhom::cli::main()
}
