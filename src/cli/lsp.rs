//! `treaty lsp`: run the language server on standard input and output.
//! See `docs/editors.md` for editor setup.

use clap::Args;

use super::{files, EXIT_FAILURE};

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for clients that pass it; standard input and output are always used.
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: &LspArgs) -> u8 {
    match crate::lsp::run_stdio() {
        Ok(code) => u8::try_from(code).unwrap_or(EXIT_FAILURE),
        Err(error) => {
            eprintln!(
                "error: the language server stopped: {}",
                files::describe(&error)
            );
            EXIT_FAILURE
        }
    }
}
