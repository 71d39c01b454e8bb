//! How a command fails: every problem on standard error, one
//! `path: message` per line, then exit status 1 (see `commands::main`).

use std::io::{self, Write};

use brief_card::format::{self, Problem};

/// What went wrong, already said on standard error.
pub struct Failed;

/// Prints every problem, one `path: message` per line, on standard error.
pub fn report(problems: Vec<Problem>) -> Failed {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", format::describe(&problems));
    Failed
}

/// Prints `message` (a file that cannot be read or written, …) on standard error.
pub fn fail(message: String) -> Failed {
    let _ = writeln!(io::stderr().lock(), "brief-card: {message}");
    Failed
}
