//! The `vanban` binary: parses arguments, runs a subcommand, maps the outcome to
//! an exit code. Everything else lives in the library and in `cli/`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run(cli::parse()) {
        Ok(code) => code,
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("vanban: {err:#}");
            ExitCode::from(2)
        }
    }
}
