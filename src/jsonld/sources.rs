//! Where each value of the mapped brief came from in the JSON-LD, so that
//! the validator's problems (`related[0].url`) can be told in the terms of
//! the document the host wrote (`@graph[1].citation[0].url`).

use std::collections::HashMap;

use crate::format::Problem;

/// For each place the mapping wrote in the brief (a brief path such as
/// `quotes[1].author`), the JSON-LD path of the value written there.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sources {
    entries: HashMap<String, Origin>,
}

#[derive(Debug, Clone)]
enum Origin {
    /// The value came from this JSON-LD path.
    At(String),
    /// The mapping already reported what is wrong here, in JSON-LD terms;
    /// the validator's problem at this place would say it twice.
    Reported,
}

impl Sources {
    /// The value at `brief` came from `ld`.
    pub(super) fn record(&mut self, brief: String, ld: &str) {
        self.entries.insert(brief, Origin::At(ld.to_owned()));
    }

    /// The mapping reported the problem with the value at `brief` itself.
    pub(super) fn reported(&mut self, brief: String) {
        self.entries.insert(brief, Origin::Reported);
    }

    /// The JSON-LD path recorded for the brief path `brief`.
    pub(super) fn path_of(&self, brief: &str) -> Option<&str> {
        match self.entries.get(brief)? {
            Origin::At(ld) => Some(ld),
            Origin::Reported => None,
        }
    }

    /// `problems` (the validator's, about the mapped brief) with their paths
    /// into the JSON-LD. A problem is placed by the longest recorded brief
    /// path it lies under, the rest of its path kept; problems that then say
    /// the same thing twice (a node referenced from two places through
    /// `@id`) are listed once.
    pub(crate) fn rewrite(&self, problems: Vec<Problem>) -> Vec<Problem> {
        let mut out: Vec<Problem> = Vec::with_capacity(problems.len());
        for p in problems {
            let place = self.place(&p.path);
            let path = match place {
                Some((Origin::Reported, _)) => continue,
                Some((Origin::At(ld), rest)) => join(ld, rest),
                None => p.path,
            };
            let p = Problem::new(path, p.message);
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }

    /// The origin recorded for `path` or for the nearest place above it
    /// (`related[0]`, then `related`), and the rest of `path` below that place.
    fn place<'p>(&self, path: &'p str) -> Option<(&Origin, &'p str)> {
        let mut prefix = path;
        while !prefix.is_empty() {
            if let Some(origin) = self.entries.get(prefix) {
                return Some((origin, path.get(prefix.len()..).unwrap_or_default()));
            }
            prefix = prefix.get(..prefix.rfind(['.', '[']).unwrap_or(0)).unwrap_or_default();
        }
        None
    }
}

/// A JSON-LD path and the rest of a brief path after it.
fn join(ld: &str, rest: &str) -> String {
    match (ld.is_empty(), rest.strip_prefix('.')) {
        (true, Some(key)) => key.to_owned(),
        _ => format!("{ld}{rest}"),
    }
}

/// `parent.key`, or `key` at the root.
pub(super) fn key(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// `parent[i]`.
pub(super) fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_move_to_the_longest_recorded_place_and_are_listed_once() {
        let mut s = Sources::default();
        s.record("related[0]".into(), "@graph[3]");
        s.record("related[0].url".into(), "@graph[3].@id");
        s.record("related[1]".into(), "@graph[3]");
        s.record("quotes[0]".into(), "hasPart[0]");
        s.reported("title".into());
        let p = |path: &str, m: &str| Problem::new(path, m);
        let problems = vec![
            p("title", "is required"),
            p("related[0].url", "bad"),
            p("related[0].title", "is required"),
            p("related[1].title", "is required"),
            p("quotes[0].text", "too long"),
            p("quotesx", "other"),
            p("", "… and 3 more problems"),
        ];
        let lines: Vec<String> = s.rewrite(problems).iter().map(Problem::to_string).collect();
        assert_eq!(
            lines,
            ["@graph[3].@id: bad", "@graph[3].title: is required", "hasPart[0].text: too long", "quotesx: other", "… and 3 more problems"]
        );
    }

    #[test]
    fn paths_join_at_the_root() {
        assert_eq!((join("", ".name"), join("", "[0]"), join("a", ".b")), ("name".into(), "[0]".into(), "a.b".into()));
        assert_eq!(
            (key("", "@graph"), key("script#x", "headline"), index("@graph", 2)),
            ("@graph".into(), "script#x.headline".into(), "@graph[2]".into())
        );
    }
}
