//! schema.org JSON-LD as input: what news sites and think tanks already
//! publish about every article, for search engines, read as a brief.
//!
//! This is a mapping, not a second format: a JSON-LD document becomes the
//! format's own [`Input`], which the ordinary validator then checks, so the
//! URL policy, the limits and the words of every problem are the same. What
//! the mapping adds is its record of sources (`Sources`): for each value it wrote in the brief,
//! the JSON-LD path it came from, so that problems are reported in the
//! document the host wrote (`@graph[1].citation[0].url`), never in a brief
//! the host has not seen. It sits on `format/`, whose types it writes, and
//! under `validate/`: [`crate::validate::json_ld`] puts the three steps
//! together.
//!
//! - **Detection** ([`is_json_ld`]): an `@context` naming schema.org (http
//!   or https, a string, an array, or an object's `@vocab`). A brief in our
//!   format has no `@context`, so it is never misread.
//! - **The article**: a `WebPage`'s `mainEntity`; else the one article no
//!   other node refers to; else the first article. **A feed**: several
//!   top-level articles no node refers to, or an `ItemList` of articles.
//! - **References** by `@id` are resolved within the document; a reference
//!   back into a node being read is a cycle and refused with a problem.
//!   Unknown types and properties are ignored.
//! - **Bounds**: the walk stops at [`MAX_GRAPH_NODES`] objects and arrays
//!   and at [`MAX_DEPTH`] levels; lists at the brief's own limits.
//!
//! The mapping, field by field, is docs/jsonld-mapping.md.
//!
//! [`MAX_GRAPH_NODES`]: crate::format::limits::MAX_GRAPH_NODES
//! [`MAX_DEPTH`]: crate::format::limits::MAX_DEPTH

mod date;
mod graph;
#[cfg(not(target_arch = "wasm32"))]
mod html;
mod input;
mod map;
mod references;
mod sources;

#[cfg(not(target_arch = "wasm32"))]
pub use html::{decode_page, scripts_in_html, SavedPage};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use input::json_in_script;
pub(crate) use input::PAGE_DESCRIPTION;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub(crate) use input::SCRIPT_WRAPPERS;
pub use input::{PageFacts, Script};
pub(crate) use sources::Sources;

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::format::limits::{MAX_FEED, MAX_INPUT_BYTES};
use crate::format::patterns;
use crate::format::{Brief, Checked, Input, Problem, Problems};
use graph::{At, Graph};
use map::Mapper;

/// The schema.org types read as an article (a brief).
pub(crate) const ARTICLE_TYPES: [&str; 19] = [
    "NewsArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "Report",
    "Article",
    "BlogPosting",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "TechArticle",
    "SatiricalArticle",
    "AdvertiserContentArticle",
    "MedicalScholarlyArticle",
    "APIReference",
    "SocialMediaPosting",
    "DiscussionForumPosting",
];

/// Whether `node` is a web page, whose `mainEntity` is the article (or the
/// feed): a `WebPage` or one of its kinds, which schema.org names
/// `…Page` (`ItemPage`, `CollectionPage`, `MedicalWebPage`, `FAQPage`…).
fn is_page(node: &At) -> bool {
    graph::type_names(node.value).any(|t| t.ends_with("Page"))
}

/// What the mapping made of the JSON-LD.
#[derive(Debug)]
pub(crate) struct Mapped {
    /// The brief or feed, for the validator; `None` when there was nothing
    /// to validate (no article at all, a graph over the limits).
    pub input: Option<Checked<Input>>,
    /// Where each value of `input` came from, to rewrite the validator's problems.
    pub sources: Sources,
    /// What the mapping itself found wrong, with JSON-LD paths.
    pub problems: Problems,
}

impl Mapped {
    fn failed(problems: Vec<Problem>) -> Mapped {
        Mapped { input: None, sources: Sources::default(), problems: problems.into_iter().collect() }
    }
}

/// Whether `value` is schema.org JSON-LD: an object whose `@context` names
/// schema.org, or an array with such an object.
pub fn is_json_ld(value: &Value) -> bool {
    match value {
        // Some pages put the context on each node of the `@graph` instead.
        Value::Object(_) => value.get("@context").is_some_and(names_schema_org) || value.get("@graph").is_some_and(is_json_ld),
        Value::Array(items) => items.iter().any(|item| item.is_object() && is_json_ld(item)),
        _ => false,
    }
}

/// A context that names schema.org: `"https://schema.org"` (or http, or
/// scheme-relative, or with no scheme at all as some templates write it,
/// with or without `www.` or a path), in an array, or as an object's
/// `@vocab`.
fn names_schema_org(context: &Value) -> bool {
    match context {
        Value::String(iri) => {
            let iri = iri.trim().to_ascii_lowercase();
            let rest = ["https://", "http://", "//"].iter().find_map(|scheme| iri.strip_prefix(scheme)).unwrap_or(&iri);
            let host = rest.strip_prefix("www.").unwrap_or(rest);
            host == "schema.org" || host.starts_with("schema.org/")
        }
        Value::Array(items) => items.iter().any(names_schema_org),
        Value::Object(_) => context.get("@vocab").is_some_and(names_schema_org),
        _ => false,
    }
}

/// The default language a document's `@context` gives its text
/// (`["https://schema.org", {"@language": "fr"}]`), when it is a language
/// code: the document's (an object), or its items' when they all say one.
fn context_language(document: &Value) -> Option<String> {
    fn of(node: &Value) -> Option<&str> {
        match node.get("@context")? {
            Value::Array(parts) => parts.iter().find_map(|p| p.get("@language")?.as_str()),
            context => context.get("@language")?.as_str(),
        }
    }
    match document {
        Value::Array(items) => {
            let first = of(items.first()?)?;
            items.iter().all(|item| of(item) == Some(first)).then_some(first)
        }
        document => of(document),
    }
    .and_then(language_code)
}

/// `value` as a language tag (`en_US` read as `en-US`) whose language is a
/// code of two or three letters: a name such as `"English"` (a tag's shape,
/// but no language's code) is `None`, as `lang="English"` would name no
/// language to a browser or a screen reader, and set no direction.
pub(crate) fn language_code(value: &str) -> Option<String> {
    patterns::language_tag(value).filter(|tag| (2..=3).contains(&patterns::primary(tag).len()))
}

/// Reads these documents as one graph (those whose `@context` does not
/// name schema.org are left out) and maps its article, or its feed, to the
/// brief format. `page_description` is the summary of an article that is
/// the page's one, when its JSON-LD gives none (see [`PageFacts`]); a feed's
/// articles are the page's teasers, which it does not describe.
pub(crate) fn read(scripts: &[Script], page_description: Option<&str>) -> Mapped {
    // The scripts an article is looked for in, and those behind them (see
    // `Script::for_references`), of which one too large to read is left out.
    let (mut roots, mut behind): (Vec<graph::Root>, Vec<graph::Root>) = (Vec::new(), Vec::new());
    for s in scripts.iter().filter(|s| is_json_ld(&s.value)) {
        if !s.for_references {
            roots.push((&s.value, s.path.clone()));
        } else if !graph::too_large(&s.value) {
            behind.push((&s.value, s.path.clone()));
        }
    }
    if roots.is_empty() {
        return Mapped::failed(vec![Problem::new("", "no schema.org JSON-LD: no @context names https://schema.org")]);
    }
    // A script too large to read beside others (a shop's list of products
    // beside the article) is left out, as a script that is not JSON is; the
    // limit still holds for what is read, and for a document alone the
    // graph's walk says where it ran past it.
    if roots.len() > 1 {
        let fitting: Vec<graph::Root> = roots.iter().filter(|(value, _)| !graph::too_large(value)).cloned().collect();
        if !fitting.is_empty() {
            roots = fitting;
        }
    }
    let graph = match Graph::build(&roots, &behind) {
        Ok(graph) => graph,
        Err(problems) => return Mapped::failed(problems),
    };
    let described = page_description.map(|text| Value::String(text.to_owned()));
    let mut m = Mapper::new(&graph);
    // Of one document only: a page's scripts each have their own context,
    // and one of them (a site's Organization in German) says nothing of the
    // language of an article in another.
    m.context_language = match roots.as_slice() {
        [(document, _)] => context_language(document),
        _ => None,
    };
    let input = match choose(&graph) {
        None => {
            let names = ARTICLE_TYPES.get(..6).unwrap_or_default().join(", ");
            m.report("", format!("no article: expected a node of type {names} (or another kind of Article), alone, in an array, in @graph or in an ItemList"));
            None
        }
        Some(Choice::One(article)) => {
            m.page_description = described.as_ref().map(|value| At { value, path: PAGE_DESCRIPTION.to_owned() });
            Some(Input::One(Box::new(m.brief(&article, ""))))
        }
        Some(Choice::Feed { path, items }) if items.len() > MAX_FEED => {
            m.report(&path, format!("a feed has at most {MAX_FEED} articles (has {})", items.len()));
            None
        }
        Some(Choice::Feed { items, .. }) => {
            let briefs: Vec<Checked<Box<Brief>>> =
                items.iter().enumerate().map(|(i, a)| Checked::Valid(Box::new(m.brief(a, &format!("[{i}]"))))).collect();
            Some(Input::Feed(briefs))
        }
    };
    if let Some(path) = graph.ran_out_at() {
        m.report(
            &path,
            format!("the document names its nodes by @id so often that they add up to more than {MAX_INPUT_BYTES} bytes, the largest brief (each reference counts its node again)"),
        );
    }
    Mapped { input: input.map(Checked::Valid), sources: m.sources, problems: m.problems }
}

enum Choice<'a> {
    One(At<'a>),
    /// Articles for a feed, and the path of what lists them (for a problem).
    Feed {
        path: String,
        items: Vec<At<'a>>,
    },
}

/// Which article (or articles) the document is about.
fn choose<'a>(g: &Graph<'a>) -> Option<Choice<'a>> {
    for page in g.top.iter().filter(|n| is_page(n)) {
        // The page's main entity: an article (the first, if it names
        // several things, an organisation say, too), else a list of them.
        let mains: Vec<At> = page.get("mainEntity").map(|m| m.values().iter().map(|v| g.resolve(v)).collect()).unwrap_or_default();
        if let Some(main) = mains.iter().find(|m| m.is_a(&ARTICLE_TYPES)) {
            return Some(Choice::One(g.fullest(main)));
        }
        if let Some(feed) = mains.iter().find_map(|m| item_list(g, m)) {
            return Some(feed);
        }
    }
    // Each article once, as its fullest definition (see `Graph::fullest`):
    // the nodes of one `@id` are one article.
    let mut ids = HashSet::new();
    let articles: Vec<At> =
        g.top.iter().filter(|n| n.is_a(&ARTICLE_TYPES) && n.id().is_none_or(|id| ids.insert(id))).map(|a| g.fullest(a)).collect();
    let mut unreferenced = stories(articles.iter().filter(|a| !g.is_referenced(a)));
    if unreferenced.len() > 1 {
        return Some(Choice::Feed { path: String::new(), items: unreferenced });
    }
    if let Some(one) = unreferenced.pop() {
        return Some(Choice::One(one));
    }
    if let Some(feed) = g.top.iter().find_map(|n| item_list(g, n)) {
        return Some(feed);
    }
    if let Some(first) = articles.into_iter().next() {
        return Some(Choice::One(first));
    }
    g.top.iter().filter(|n| is_page(n)).find_map(|page| page_of_articles(g, page))
}

/// A page made of articles and nothing that names them otherwise (a
/// `CollectionPage`, a section front, whose `hasPart` holds its stories):
/// a feed of them, in order.
fn page_of_articles<'a>(g: &Graph<'a>, page: &At<'a>) -> Option<Choice<'a>> {
    let parts = page.get("hasPart")?;
    let items: Vec<At> = parts.values().iter().map(|p| g.resolve(p)).filter(|p| p.is_a(&ARTICLE_TYPES)).collect();
    (!items.is_empty()).then_some(Choice::Feed { path: parts.path, items })
}

/// The stories `articles` tell, in order, each as the fullest of its
/// descriptions. Two descriptions of one page (a site's SEO plugin and its
/// theme each write one) are one story: the same page (`url`s that differ
/// only in a fragment or a final `/`), or the same headline. A story is
/// known by every page and headline its descriptions give, and found by
/// them in a map, not by comparing each article with each story: a
/// document may list thousands of articles.
fn stories<'a, 'b>(articles: impl Iterator<Item = &'b At<'a>>) -> Vec<At<'a>>
where
    'a: 'b,
{
    let mut stories: Vec<At> = Vec::new();
    // What names a story (a page, a headline), and which story it names.
    let mut pages: HashMap<&str, usize> = HashMap::new();
    let mut headlines: HashMap<&str, usize> = HashMap::new();
    for a in articles {
        let (page, headline) = (story_page(a), story_headline(a));
        let known = [page.and_then(|p| pages.get(p)), headline.and_then(|h| headlines.get(h))].into_iter().flatten().min().copied();
        let i = match known.and_then(|i| stories.get_mut(i).map(|story| (i, story))) {
            Some((i, story)) => {
                if members(a) > members(story) {
                    *story = a.clone();
                }
                i
            }
            None => {
                stories.push(a.clone());
                stories.len() - 1
            }
        };
        if let Some(p) = page {
            pages.entry(p).or_insert(i);
        }
        if let Some(h) = headline {
            headlines.entry(h).or_insert(i);
        }
    }
    stories
}

/// The page an article describes, without a fragment or a final `/`.
fn story_page<'v>(n: &At<'v>) -> Option<&'v str> {
    page_address(n).map(|p| p.split('#').next().unwrap_or_default().trim_end_matches('/'))
}

fn story_headline<'v>(n: &At<'v>) -> Option<&'v str> {
    n.value.get("headline").and_then(Value::as_str).map(str::trim).filter(|h| !h.is_empty())
}

/// The page an article describes, as written: its `url`, else its
/// `mainEntityOfPage` (a URL, or a node's `@id` or `url`).
fn page_address<'a>(article: &At<'a>) -> Option<&'a str> {
    let page = article.value.get("url").or_else(|| article.value.get("mainEntityOfPage"))?;
    page.as_str().or_else(|| page.get("@id").or_else(|| page.get("url")).and_then(Value::as_str)).map(str::trim)
}

/// How many members a node has: of two descriptions, the fuller.
fn members(node: &At) -> usize {
    node.value.as_object().map_or(0, serde_json::Map::len)
}

/// An `ItemList` with articles among its items (each the item itself, or
/// a `ListItem`'s `item`, or a reference to one), as a feed in list order.
fn item_list<'a>(g: &Graph<'a>, list: &At<'a>) -> Option<Choice<'a>> {
    if !list.is_a(&["ItemList"]) {
        return None;
    }
    let elements = list.get("itemListElement")?;
    let items: Vec<At> = elements
        .values()
        .iter()
        .map(|e| g.resolve(e))
        .filter_map(|e| if e.is_a(&["ListItem"]) { e.get("item").map(|item| g.resolve(&item)) } else { Some(e) })
        .filter(|item| item.is_a(&ARTICLE_TYPES))
        .collect();
    (!items.is_empty()).then_some(Choice::Feed { path: elements.path, items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn detection_needs_a_schema_org_context() {
        for yes in [
            json!({"@context": "https://schema.org", "@type": "NewsArticle"}),
            json!({"@context": "http://schema.org/", "@graph": []}),
            json!({"@context": "HTTPS://WWW.SCHEMA.ORG"}),
            json!({"@context": ["https://schema.org", {"@language": "en"}]}),
            json!({"@context": {"@vocab": "https://schema.org/"}}),
            json!([{"title": "x"}, {"@context": "https://schema.org"}]),
            json!({"@context": "//schema.org"}),
            json!({"@context": "schema.org"}),
            json!({"@context": "www.schema.org/"}),
            json!({"@graph": [{"@context": "https://schema.org", "@type": "NewsArticle"}]}),
        ] {
            assert!(is_json_ld(&yes), "{yes}");
        }
        for no in [
            json!({"title": "A brief", "@type": "NewsArticle"}),
            json!({"@context": "https://schema.org.evil.example"}),
            json!({"@context": "https://example.org/schema.org"}),
            json!({"@context": "ftp://schema.org"}),
            json!({"@context": "not schema.org"}),
            json!({"@context": 1}),
            json!([{"title": "x"}]),
            json!("https://schema.org"),
            json!({"@graph": [{"title": "x"}]}),
        ] {
            assert!(!is_json_ld(&no), "{no}");
        }
    }
}
