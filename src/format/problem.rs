//! What is wrong with an input: a JSON path and a message, for every problem
//! found, never just the first.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One thing wrong with the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Problem {
    /// Where: a JSON path such as `related[2].url` (`""` for the whole input,
    /// `[3].title` in a feed, `options.theme` in the options).
    pub path: String,
    /// What, e.g. `scheme "javascript" is not allowed`.
    pub message: String,
}

/// At most this many problems are listed; the rest are counted in a last line.
pub const MAX_PROBLEMS: usize = 50;

impl Problem {
    /// A problem at `path` (`""` for the whole input).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { path: path.into(), message: message.into() }
    }

    /// `related[2].url: scheme "javascript" is not allowed`
    pub fn line(&self) -> String {
        self.to_string()
    }
}

/// `related[2].url: scheme "javascript" is not allowed`, or the message alone
/// for a problem about the whole input.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Problem {}

/// All problems, one per line: the text of errors thrown to JS and printed by the CLI.
pub fn describe(problems: &[Problem]) -> String {
    problems.iter().map(Problem::to_string).collect::<Vec<_>>().join("\n")
}
