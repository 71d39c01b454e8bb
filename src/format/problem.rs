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

/// Problems as they are found: the first [`MAX_PROBLEMS`] kept, the rest
/// only counted, and told as one last line ("… and 12 more problems").
#[derive(Debug, Default)]
pub struct Problems {
    kept: Vec<Problem>,
    more: usize,
}

impl Problems {
    /// Keeps `problem`, or counts it once [`MAX_PROBLEMS`] are kept.
    pub fn push(&mut self, problem: Problem) {
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(problem);
        } else {
            self.more += 1;
        }
    }

    /// Problems found elsewhere, after these: their own count of more too.
    pub fn append(&mut self, other: Problems) {
        self.kept.reserve(other.kept.len());
        other.kept.into_iter().for_each(|p| self.push(p));
        self.more += other.more;
    }

    /// The same problems told in other terms (a JSON-LD path for a brief's),
    /// by `retell`, which may drop some; the count of more stays.
    pub fn retold(self, retell: impl FnOnce(Vec<Problem>) -> Vec<Problem>) -> Problems {
        Problems { kept: retell(self.kept), more: self.more }
    }

    /// How many were found, kept or counted.
    pub(crate) fn len(&self) -> usize {
        self.kept.len() + self.more
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.more == 0
    }

    /// The kept problems, then the count of the rest if there were more.
    pub fn into_vec(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.kept.push(Problem::new("", format!("… and {} more problems", self.more)));
        }
        self.kept
    }
}

impl Extend<Problem> for Problems {
    fn extend<I: IntoIterator<Item = Problem>>(&mut self, problems: I) {
        problems.into_iter().for_each(|p| self.push(p));
    }
}

impl FromIterator<Problem> for Problems {
    fn from_iter<I: IntoIterator<Item = Problem>>(problems: I) -> Self {
        let mut all = Problems::default();
        all.extend(problems);
        all
    }
}

/// All problems, one per line: the text of errors thrown to JS and printed by the CLI.
pub fn describe(problems: &[Problem]) -> String {
    problems.iter().map(Problem::to_string).collect::<Vec<_>>().join("\n")
}
