//! What the JSON-LD reader is given: the documents to read ([`Script`]:
//! a whole input, or a page's `<script type="application/ld+json">`
//! elements, taken out of their wrappers) and what a page says of itself
//! beside them ([`PageFacts`]).

use serde_json::Value;

use super::references;

/// One JSON-LD document to read, and where its paths start: `""` for an
/// input that is the document, `script#id` (or `script[2]`) for one of a
/// page's `<script type="application/ld+json">` elements.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    /// The prefix of the paths of its problems.
    pub path: String,
    /// The parsed JSON.
    pub value: Value,
    /// Read only for the nodes the other scripts refer to (see [`Script::for_references`]).
    pub(super) for_references: bool,
}

impl Script {
    /// A whole input that is JSON-LD: its paths start at its root.
    pub fn document(value: Value) -> Script {
        Script::new(String::new(), value)
    }

    /// The `index`th (from 0) `<script type="application/ld+json">` of a
    /// page, named by its `id` attribute when it has one.
    pub fn in_page(id: Option<&str>, index: usize, value: Value) -> Script {
        Script::new(Script::name(id, index), value)
    }

    /// The script, its strings read as the text they stand for
    /// (`What&#8217;s` is `What’s`: see [`references`]).
    fn new(path: String, mut value: Value) -> Script {
        references::decode_strings(&mut value);
        Script { path, value, for_references: false }
    }

    /// This script read only for the nodes the others refer to by `@id`: no
    /// article is looked for in it, and what it defines serves where they
    /// define nothing. `<brief-card jsonld="#id">` reads the named script's
    /// article so, with the page's other scripts behind it (a publisher
    /// defined once in a script of the site's own).
    pub fn for_references(self) -> Script {
        Script { for_references: true, ..self }
    }

    /// How the `index`th script of a page is named in a problem's path:
    /// `script#id` by its `id` attribute, else `script[2]`.
    pub fn name(id: Option<&str>, index: usize) -> String {
        match id.filter(|id| !id.is_empty()) {
            Some(id) => format!("script#{id}"),
            None => format!("script[{index}]"),
        }
    }
}

/// What older templates wrap a script's content in (what opens it, what
/// closes it): an HTML comment, a CDATA section, bare or commented out.
/// (For a saved page's scripts natively, the live page's in the browser.)
#[cfg(any(not(target_arch = "wasm32"), feature = "web"))]
pub(crate) const SCRIPT_WRAPPERS: [(&str, &str); 4] =
    [("<!--", "-->"), ("/*<![CDATA[*/", "/*]]>*/"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")];

/// The JSON of a `<script type="application/ld+json">`'s text: the text
/// without the wrapper older templates put around a script's content for
/// XHTML's sake, an HTML comment (`<!-- … -->`) or a CDATA section, bare or
/// commented out (`/*<![CDATA[*/ … /*]]>*/`, `//<![CDATA[ … //]]>`). The
/// JSON inside is what the page means, and a browser hands the script's
/// text over with the wrapper.
/// (Native: in the browser, web/input.rs takes the wrapper off the JS string.)
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn json_in_script(text: &str) -> &str {
    // Trimmed as JavaScript's `trim` does in the browser, which takes a byte
    // order mark (U+FEFF, which Rust's `trim` keeps) with the white space:
    // a BOM before the wrapper hid it, and the page's JSON with it.
    fn trim(s: &str) -> &str {
        s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
    }
    let mut json = trim(text);
    // A comment around a CDATA section, or the other way round.
    while let Some(inside) = SCRIPT_WRAPPERS.iter().find_map(|(open, close)| json.strip_prefix(open)?.strip_suffix(close)) {
        json = trim(inside);
    }
    json
}

/// What a page says of itself beside its JSON-LD, for an article there
/// that leaves it out.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageFacts {
    /// The page's language (`<html lang>`, the element's `lang`): an
    /// article's without `inLanguage` (publishers often leave it out).
    pub lang: Option<String>,
    /// The page's description (`<meta name="description">`, else
    /// `og:description`): the summary of the page's one article when no
    /// JSON-LD describes it (The Guardian's pages have none). Its problems
    /// are at `meta[name=description]`.
    pub description: Option<String>,
    /// The page's own address, which a saved page's relative URLs are
    /// relative to, where the saved file records it (where the browser that
    /// saved it says it came from, with its `<base href>`; else an absolute
    /// `<base href>`). Read from saved pages only: on a live page the
    /// browser resolves them. Unchecked here; the caller puts it through
    /// the URL policy.
    pub address: Option<String>,
}

/// The path of a problem with the page's description.
pub(crate) const PAGE_DESCRIPTION: &str = "meta[name=description]";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_scripts_json_is_read_inside_a_comment_or_cdata_wrapper() {
        let json = r#"{"@context": "https://schema.org"}"#;
        for wrapped in [
            format!("\n  {json}  \n"),
            format!("<!--\n{json}\n-->"),
            format!("/*<![CDATA[*/ {json} /*]]>*/"),
            format!("//<![CDATA[\n{json}\n//]]>"),
            format!("<![CDATA[{json}]]>"),
            format!("<!-- //<![CDATA[\n{json}\n//]]> -->"),
        ] {
            assert_eq!(json_in_script(&wrapped), json, "{wrapped}");
        }
        // Only a whole wrapper is taken off.
        for other in ["<!-- {}", "{} -->", "<!--{}--> {}", "/*<![CDATA[*/ {}"] {
            assert_eq!(json_in_script(other), other);
        }
    }

    #[test]
    fn scripts_are_named_by_id_else_by_index() {
        assert_eq!(Script::in_page(Some("ld"), 3, json!({})).path, "script#ld");
        assert_eq!(Script::in_page(Some(""), 3, json!({})).path, "script[3]");
        assert_eq!(Script::in_page(None, 0, json!({})).path, "script[0]");
    }
}
