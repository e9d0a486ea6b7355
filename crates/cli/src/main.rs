mod args;
mod bank;
mod columns;
mod documents;
mod import;
mod interest;
mod invoice;
mod render;
mod reports;
mod run;
mod shared;
mod table;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let format = cli.format;
    match run::run(cli) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            render::error(&error, format);
            ExitCode::FAILURE
        }
    }
}
