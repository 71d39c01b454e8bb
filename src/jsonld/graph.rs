//! The nodes of a JSON-LD document: the top-level ones (alone, in an array,
//! in `@graph`, across several scripts), every node definition by its
//! `@id`, and which `@id`s other nodes refer to. Built in one bounded walk.
//!
//! References are the one way a small document can stand for a large brief:
//! a node of 40 KB named by `@id` a hundred times in each of a hundred
//! articles would be copied 10,000 times. So what resolving references hands
//! out is counted ([`Graph::resolve`]) and held to [`MAX_INPUT_BYTES`], the
//! largest brief a host may write out in full.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::sources::{index, key};
use crate::format::limits::{MAX_DEPTH, MAX_GRAPH_NODES, MAX_INPUT_BYTES};
use crate::format::{Found, Problem};

/// A value of the document and its JSON-LD path (`@graph[1].citation[0]`).
#[derive(Debug, Clone)]
pub(super) struct At<'a> {
    pub value: &'a Value,
    pub path: String,
}

impl<'a> At<'a> {
    /// The member `name` of this object, if it has one that is not `null`
    /// or a blank string: publishers' templates write `""` for what they do
    /// not have (`"dateModified": ""`, `"image": ""`), which says as little.
    pub(super) fn get(&self, name: &str) -> Option<At<'a>> {
        let value = self.value.get(name).filter(|v| !is_blank(v))?;
        Some(At { value, path: key(&self.path, name) })
    }

    /// The first of these members that is present.
    pub(super) fn first_of(&self, names: &[&str]) -> Option<At<'a>> {
        names.iter().find_map(|n| self.get(n))
    }

    /// Each value of a property, which JSON-LD writes as one value or as an
    /// array of them (`null` and blank items are no value), or as a list
    /// object: `{"@list": […]}` (ordered, as scholarly metadata writes its
    /// authors) or `{"@set": […]}`, whose items are read as an array's.
    pub(super) fn values(&self) -> Vec<At<'a>> {
        for keyword in ["@list", "@set"] {
            if let Some(items) = self.value.get(keyword) {
                // (An empty one, `{"@list": null}`, holds no value, as `null` is none.)
                return if is_blank(items) { Vec::new() } else { At { value: items, path: key(&self.path, keyword) }.values() };
            }
        }
        match self.value {
            Value::Array(items) => {
                items.iter().enumerate().filter(|(_, v)| !is_blank(v)).map(|(i, value)| At { value, path: index(&self.path, i) }).collect()
            }
            _ => vec![self.clone()],
        }
    }

    /// The first value of a property that allows one (`headline`), or the
    /// only one.
    pub(super) fn one(&self) -> Option<At<'a>> {
        self.values().into_iter().next()
    }

    /// The node's `@id`, when it has one.
    pub(super) fn id(&self) -> Option<&'a str> {
        self.value.get("@id").and_then(Value::as_str)
    }

    /// Whether the node has one of `types` (names in the schema.org
    /// vocabulary, matched with or without a `schema:` or full IRI prefix).
    pub(super) fn is_a(&self, types: &[&str]) -> bool {
        type_names(self.value).any(|t| types.contains(&t))
    }
}

/// `null` or a blank string: no value (templates write `""` for what they
/// lack, and CMSes a lone zero-width space). Blank as the card counts it
/// ([`crate::format::is_blank`]), so that a value that would show nothing is
/// left out here rather than refused by the validator as empty.
pub(super) fn is_blank(value: &Value) -> bool {
    value.is_null() || value.as_str().is_some_and(crate::format::is_blank)
}

/// The node's `@type`s, without a schema.org prefix.
pub(super) fn type_names(node: &Value) -> impl Iterator<Item = &str> {
    let names: Vec<&str> = match node.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    names.into_iter().map(|t| {
        let t = t.trim();
        ["https://schema.org/", "http://schema.org/", "https://www.schema.org/", "http://www.schema.org/", "schema:"]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .unwrap_or(t)
    })
}

/// The kind of a JSON value, as problems name it.
pub(super) fn found(value: &Value) -> Found {
    match value {
        Value::Bool(_) => Found::Boolean,
        Value::Number(_) => Found::Number,
        Value::String(_) => Found::String,
        Value::Array(_) => Found::Array,
        Value::Object(_) => Found::Object,
        Value::Null => Found::Other,
    }
}

/// The bytes of text (strings, keys included) in `value`.
fn text_bytes(value: &Value) -> usize {
    match value {
        Value::String(s) => s.len(),
        Value::Array(items) => items.iter().map(text_bytes).sum(),
        Value::Object(members) => members.iter().map(|(k, v)| k.len() + text_bytes(v)).sum(),
        _ => 0,
    }
}

/// How full a definition is, to pick one of several of one `@id`: one
/// with a title (`headline` or `name`) first, then the one with the most members.
fn fullness(node: &Value) -> (bool, usize) {
    let titled = node.get("headline").or_else(|| node.get("name")).is_some();
    (titled, node.as_object().map_or(0, Map::len))
}

/// An object that only names a node (`{"@id": "…"}`): a reference.
pub(super) fn is_reference(members: &Map<String, Value>) -> bool {
    members.len() == 1 && members.get("@id").is_some_and(Value::is_string)
}

/// Nodes whose references to an article only link to it, and do not make
/// it a part of another (see [`Graph::is_referenced`]): a breadcrumb's
/// last item is the page's own article, a comment is `about` it.
const LINKS_ONLY: [&str; 2] = ["BreadcrumbList", "Comment"];

/// A document of the graph: its value and the path its problems start at.
pub(super) type Root<'a> = (&'a Value, String);

pub(super) struct Graph<'a> {
    /// The top-level nodes, in document order.
    pub top: Vec<At<'a>>,
    /// The fullest definition of each `@id` (see [`fullness`]; the first of those).
    ids: HashMap<&'a str, At<'a>>,
    /// Walking the documents behind the others (see [`Graph::build`]):
    /// what they define serves only where the others define nothing.
    walking_behind: bool,
    /// The `@id`s that an article or a list names other than by its own
    /// `@id` (an article naming itself as its `mainEntityOfPage` does not
    /// count), see [`Graph::is_referenced`].
    referenced: HashSet<&'a str>,
    /// How many objects and arrays the walk has met (bounded by [`MAX_GRAPH_NODES`]).
    count: usize,
    /// The bytes of text resolving references has handed out so far.
    handed_out: Cell<usize>,
    /// Where references first handed out more than [`MAX_INPUT_BYTES`].
    ran_out_at: RefCell<Option<String>>,
}

/// Whether `value` alone holds more than [`MAX_GRAPH_NODES`] objects and
/// arrays (counted until it does).
pub(super) fn too_large(value: &Value) -> bool {
    fn count(value: &Value, n: &mut usize) {
        if !value.is_array() && !value.is_object() {
            return;
        }
        *n += 1;
        let items = value.as_array().into_iter().flatten();
        let members = value.as_object().into_iter().flat_map(|m| m.values());
        for child in items.chain(members) {
            if *n > MAX_GRAPH_NODES {
                return;
            }
            count(child, n);
        }
    }
    let mut n = 0;
    count(value, &mut n);
    n > MAX_GRAPH_NODES
}

impl<'a> Graph<'a> {
    /// The graph of these documents (each a value and the path it starts
    /// at), or the problem that stopped the walk (too large, too deep).
    /// `behind`: documents read only for the nodes the others refer to (see
    /// `Script::for_references`): none of theirs is a top-level node.
    pub(super) fn build(roots: &[Root<'a>], behind: &[Root<'a>]) -> Result<Graph<'a>, Vec<Problem>> {
        let mut g = Graph {
            top: Vec::new(),
            ids: HashMap::new(),
            walking_behind: false,
            referenced: HashSet::new(),
            count: 0,
            handed_out: Cell::new(0),
            ran_out_at: RefCell::new(None),
        };
        let mut problems = Vec::new();
        for (value, path) in roots {
            g.collect_top(value, path, &mut problems);
        }
        let articles_top = g.top.len();
        // Their top-level nodes are walked as such (a site's own node names
        // the article without making it a part of anything). What is wrong
        // in them is none of the article's business.
        for (value, path) in behind {
            g.collect_top(value, path, &mut Vec::new());
        }
        let top: HashSet<*const Value> = g.top.iter().map(|n| n.value as *const Value).collect();
        for (value, path) in roots {
            g.walk(value, path, 1, &top, None, true).map_err(|p| vec![p])?;
        }
        g.walking_behind = true;
        for (value, path) in behind {
            // One that runs past a limit is read as far as it went: its
            // problem is none of the article's.
            let _ = g.walk(value, path, 1, &top, None, true);
        }
        g.top.truncate(articles_top);
        if problems.is_empty() {
            Ok(g)
        } else {
            Err(problems)
        }
    }

    /// The top-level nodes of one document: itself, its array's items, or
    /// the members of its `@graph`.
    fn collect_top(&mut self, value: &'a Value, path: &str, problems: &mut Vec<Problem>) {
        match value {
            Value::Object(members) => match members.get("@graph") {
                None => self.top.push(At { value, path: path.to_owned() }),
                Some(graph) => {
                    // A document with a `@graph` and a type of its own is a node too.
                    if members.contains_key("@type") {
                        self.top.push(At { value, path: path.to_owned() });
                    }
                    let graph_path = key(path, "@graph");
                    match graph {
                        Value::Array(items) => {
                            let nodes = items.iter().enumerate().filter(|(_, v)| v.is_object());
                            self.top.extend(nodes.map(|(i, value)| At { value, path: index(&graph_path, i) }));
                        }
                        Value::Object(_) => self.top.push(At { value: graph, path: graph_path }),
                        other => {
                            problems.push(Problem::new(graph_path, format!("expected an array of nodes, found {}", found(other).name())))
                        }
                    }
                }
            },
            Value::Array(items) => {
                // An item with a context of another vocabulary is not schema.org's,
                // whatever the items beside it are (as a page's script of it is left out).
                let schema_org = |v: &Value| v.is_object() && v.get("@context").is_none_or(super::names_schema_org);
                for (i, item) in items.iter().enumerate().filter(|(_, v)| schema_org(v)) {
                    self.collect_top(item, &index(path, i), problems);
                }
            }
            other => problems.push(Problem::new(
                path,
                format!("expected a JSON-LD node (an object) or an array of them, found {}", found(other).name()),
            )),
        }
    }

    /// Indexes definitions and notes references, everywhere in `value`
    /// (`owner`: the `@id` of the top-level node it lies in; `links_only`:
    /// inside a node whose references only link, see [`LINKS_ONLY`], or in
    /// a top-level node that is neither an article nor a list).
    fn walk(
        &mut self,
        value: &'a Value,
        path: &str,
        depth: usize,
        top: &HashSet<*const Value>,
        mut owner: Option<&'a str>,
        mut links_only: bool,
    ) -> Result<(), Problem> {
        let members: Box<dyn Iterator<Item = (String, &'a Value)>> = match value {
            Value::Object(members) => {
                let is_top = top.contains(&(value as *const Value));
                if is_top {
                    // A video, an image, a person or the site that names the
                    // article (`isPartOf`, `about`…) makes it no part of
                    // anything: only an article (`hasPart`, `citation`) or a
                    // list does.
                    links_only = !type_names(value).any(|t| t == "ItemList" || super::ARTICLE_TYPES.contains(&t));
                }
                links_only = links_only || type_names(value).any(|t| LINKS_ONLY.contains(&t));
                if let Some(id) = value.get("@id").and_then(Value::as_str) {
                    if is_top {
                        owner = Some(id);
                    } else if owner != Some(id) && !links_only && !self.walking_behind {
                        // (What the scripts behind refer to does not change which article is shown.)
                        self.referenced.insert(id);
                    }
                    // Behind the others, a definition serves only where they
                    // have none with a name or headline (`{"@type": …, "@id": …}` is none).
                    let known = self.ids.get(id).map_or((false, 0), |def| fullness(def.value));
                    let defines = known < fullness(value) && !(self.walking_behind && known.0);
                    if defines && !is_reference(members) {
                        self.ids.insert(id, At { value, path: path.to_owned() });
                    }
                }
                Box::new(members.iter().map(|(k, v)| (key(path, k), v)))
            }
            Value::Array(items) => Box::new(items.iter().enumerate().map(|(i, v)| (index(path, i), v))),
            _ => return Ok(()),
        };
        self.count += 1;
        if self.count > MAX_GRAPH_NODES {
            return Err(Problem::new(path, format!("the JSON-LD has more than {MAX_GRAPH_NODES} objects and arrays here (the limit)")));
        }
        if depth > MAX_DEPTH {
            return Err(Problem::new(path, format!("nested too deeply (the limit is {MAX_DEPTH} levels)")));
        }
        for (child_path, child) in members {
            self.walk(child, &child_path, depth + 1, top, owner, links_only)?;
        }
        Ok(())
    }

    /// The node `at` stands for: the definition of the `@id` it names when
    /// the document has one elsewhere, else `at` itself.
    ///
    /// Each time a reference is resolved, its definition's text is counted;
    /// past [`MAX_INPUT_BYTES`] in all, references stay unresolved (standing
    /// for nodes the document does not define) and [`Graph::ran_out_at`]
    /// says where that began.
    pub(super) fn resolve(&self, at: &At<'a>) -> At<'a> {
        match at.id().and_then(|id| self.ids.get(id)) {
            Some(def) if !std::ptr::eq(def.value, at.value) => {
                // Counting reads the definition, at most once past the limit.
                let handed_out = match self.handed_out.get() {
                    so_far @ 0..=MAX_INPUT_BYTES => so_far.saturating_add(text_bytes(def.value)),
                    over => over,
                };
                self.handed_out.set(handed_out);
                if handed_out <= MAX_INPUT_BYTES {
                    return def.clone();
                }
                self.ran_out_at.borrow_mut().get_or_insert_with(|| at.path.clone());
                at.clone()
            }
            _ => at.clone(),
        }
    }

    /// The path of the reference at which resolving references had handed
    /// out more than [`MAX_INPUT_BYTES`], if it came to that.
    pub(super) fn ran_out_at(&self) -> Option<String> {
        self.ran_out_at.borrow().clone()
    }

    /// Whether an article or a list refers to this node (by its `@id`),
    /// other than from inside a breadcrumb or a comment ([`LINKS_ONLY`]).
    pub(super) fn is_referenced(&self, node: &At<'a>) -> bool {
        node.id().is_some_and(|id| self.referenced.contains(id))
    }

    /// The fullest definition of the node `node` is one definition of:
    /// JSON-LD's nodes of one `@id` are one node, and a page may define it
    /// twice (the article in one script, its paywall markup in another).
    pub(super) fn fullest(&self, node: &At<'a>) -> At<'a> {
        node.id().and_then(|id| self.ids.get(id)).unwrap_or(node).clone()
    }
}
