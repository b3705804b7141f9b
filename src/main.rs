//! The `whowhom` command line: parses arguments and hands over to `whowhom::cli`.

fn main() -> std::process::ExitCode {
    whowhom::cli::main()
}
