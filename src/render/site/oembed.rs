//! oEmbed for one brief of the site: the answer a consumer (WordPress,
//! Ghost, a newsletter editor) gets for a pasted link, the embed page its
//! iframe shows, and the `<link>` by which the brief's page advertises it.

use serde_json::{json, Value};

use super::{height, with_slash};
use crate::render::page::{self, is_absolute_http};
use crate::render::{escape, html_writer};
use crate::validate::model::{Brief, Document};
use crate::validate::options::{LinkTarget, Options};

/// The width of the embedded card when the consumer sets no `maxwidth`: a
/// blog or newsletter column (the card itself is at most 45em wide).
pub const EMBED_WIDTH: u32 = 600;

/// How long a consumer may keep an oEmbed answer, in seconds (a day).
pub const CACHE_AGE: u32 = 86_400;

/// `<link rel="alternate" type="application/json+oembed">`: how WordPress,
/// Ghost and other consumers find the oEmbed of a pasted link.
pub(super) fn discovery_link(oembed_url: &str, title: &str) -> String {
    let mut out = String::from("<link rel=\"alternate\" type=\"application/json+oembed\"");
    html_writer::write_attr(&mut out, "href", oembed_url);
    html_writer::write_attr(&mut out, "title", title);
    out.push_str(">\n");
    out
}

/// The script of every embed page, at the site's root: it tells the page
/// that frames the card its height (WordPress's embed protocol, and a
/// plain message for any host), as the card's height changes.
pub(super) const EMBED_HEIGHT: &str = "embed-height.js";
pub(super) const EMBED_HEIGHT_JS: &str = include_str!("embed-height.js");

/// The card alone, for the oEmbed iframe: no page around it, no margins,
/// links opening outside the frame (the frame's sandbox lets them).
pub(super) fn embed_page(b: &Brief, page_url: &str, discovery: &str, options: &Options) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!doctype html>\n<html");
    html_writer::write_attr(&mut out, "lang", &b.lang);
    html_writer::write_attr(&mut out, "dir", b.dir.as_str());
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // The page is the one to index; the embed is a part of other pages.
    out.push_str("<meta name=\"robots\" content=\"noindex\">\n<title>");
    escape::text(&mut out, &b.title);
    out.push_str("</title>\n<link rel=\"canonical\"");
    html_writer::write_attr(&mut out, "href", page_url);
    out.push_str(">\n");
    out.push_str(discovery);
    out.push_str("<style>html,body{margin:0;padding:0;background:transparent}brief-card{display:block}</style>\n</head>\n<body>\n");
    // The frame is a document of its own: its content belongs in a landmark
    // for a screen reader to find it (a host's landmarks stop at the frame).
    out.push_str("<main>\n");
    // A document of its own, whose heading is the card's title (as on the brief's page).
    let options = Options { link_target: LinkTarget::Blank, heading_level: 1, ..options.clone() };
    page::card_element(&mut out, &Document::One(b.clone()), &options);
    // The height's script is a classic one: WordPress frames other sites'
    // embeds with `sandbox="allow-scripts"` alone, an opaque origin that
    // loads a module only from a host that sends CORS headers.
    out.push_str("\n</main>\n<script type=\"module\" src=\"../brief-card.js\"></script>\n<script defer src=\"../");
    out.push_str(EMBED_HEIGHT);
    out.push_str("\"></script>\n</body>\n</html>\n");
    out
}

/// What an oEmbed consumer asked for (the `url`, `maxwidth` and
/// `maxheight` of its request) and who answers.
#[derive(Debug, Clone)]
pub struct Embed<'a> {
    /// The brief's page, as `brief-card site` publishes it (`BASE/NAME/`).
    pub page_url: &'a str,
    /// oEmbed's `provider_name`.
    pub provider_name: &'a str,
    /// oEmbed's `provider_url`.
    pub provider_url: &'a str,
    /// The widest the embed may be.
    pub maxwidth: Option<u32>,
    /// The tallest the embed may be (the card then scrolls inside its frame).
    pub maxheight: Option<u32>,
}

/// The embed page of the brief whose page is `page_url`: `embed.html` in
/// the page's folder (`…/NAME/`, `…/NAME/index.html` or `…/NAME`).
pub fn embed_url(page_url: &str) -> String {
    let page = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let folder = page.strip_suffix("index.html").unwrap_or(page);
    format!("{}embed.html", with_slash(folder))
}

/// The oEmbed 1.0 answer (type `rich`) for `b`: an `<iframe>` of its
/// embed page, then a `<blockquote>` linking to its page, which is what a
/// consumer that strips frames keeps (DOMPurify's defaults do, and keep
/// `style`, so it is never hidden: the link would go with the frame). Where
/// both stay, it reads as the embed's source line: small, without a
/// blockquote's indent. The brief's image is the thumbnail when its
/// size is given and it fits `maxwidth` and `maxheight` (oEmbed wants
/// `thumbnail_url`, `_width` and `_height` together, and a thumbnail within
/// the consumer's bounds; the image cannot be scaled here).
pub fn oembed(b: &Brief, request: &Embed) -> Value {
    let width = request.maxwidth.map_or(EMBED_WIDTH, |max| max.min(EMBED_WIDTH));
    let estimate = height::estimate(b, width);
    let height = request.maxheight.map_or(estimate, |max| max.min(estimate));
    let names = byline(b);
    let separator = crate::view::words::list_separator(&b.lang);
    let author = (!names.is_empty()).then(|| names.join(separator));
    let author_url = b
        .authors
        .first()
        .and_then(|a| a.url.as_deref())
        .or(b.publisher.as_ref().and_then(|p| p.url.as_deref()))
        .filter(|u| is_absolute_http(u));
    let fits = |size: u32, max: Option<u32>| max.is_none_or(|max| size <= max);
    let thumbnail = b
        .image
        .as_ref()
        .filter(|i| is_absolute_http(&i.src))
        .and_then(|i| Some((i.src.as_str(), i.width?, i.height?)))
        .filter(|&(_, w, h)| fits(w, request.maxwidth) && fits(h, request.maxheight));
    let mut html = String::new();
    html.push_str("<iframe");
    for (name, value) in [
        ("src", embed_url(request.page_url).as_str()),
        ("width", &width.to_string()),
        ("height", &height.to_string()),
        ("title", &b.title),
        ("loading", "lazy"),
        // The card's module needs scripts, and the site's own origin (it
        // fetches the wasm); links open in a new, unsandboxed tab.
        ("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"),
        ("style", "border:0;max-width:100%"),
    ] {
        html_writer::write_attr(&mut html, name, value);
    }
    html.push_str("></iframe><blockquote");
    html_writer::write_attr(&mut html, "style", "margin:.5em 0 0;padding:0;border:0;font-size:.875em");
    html_writer::write_attr(&mut html, "cite", request.page_url);
    html_writer::write_attr(&mut html, "lang", &b.lang);
    html_writer::write_attr(&mut html, "dir", b.dir.as_str());
    html.push_str("><p><a");
    html_writer::write_attr(&mut html, "href", request.page_url);
    html.push('>');
    escape::text(&mut html, &b.title);
    html.push_str("</a></p>");
    if !names.is_empty() {
        // Each name isolated, as in the card's byline: an Arabic name beside
        // a Latin one would otherwise pull the comma and the other name into
        // its own direction.
        html.push_str("<p>— ");
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                html.push_str(separator);
            }
            html.push_str("<bdi>");
            escape::text(&mut html, name);
            html.push_str("</bdi>");
        }
        html.push_str("</p>");
    }
    html.push_str("</blockquote>");
    page::without_nulls(json!({
        "version": "1.0",
        "type": "rich",
        "title": b.title,
        "author_name": author,
        "author_url": author.as_ref().and(author_url),
        "provider_name": request.provider_name,
        "provider_url": request.provider_url,
        "cache_age": CACHE_AGE,
        "thumbnail_url": thumbnail.map(|t| t.0),
        "thumbnail_width": thumbnail.map(|t| t.1),
        "thumbnail_height": thumbnail.map(|t| t.2),
        "html": html,
        "width": width,
        "height": height,
    }))
}

/// Who the byline names: the authors, else the publisher (joined as the
/// card joins them, an Arabic comma in Arabic and Persian).
fn byline(b: &Brief) -> Vec<&str> {
    match &b.publisher {
        Some(p) if b.authors.is_empty() => vec![p.name.as_str()],
        _ => b.authors.iter().map(|a| a.name.as_str()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_urls_sit_beside_the_page() {
        assert_eq!(embed_url("https://e.org/b/x/"), "https://e.org/b/x/embed.html");
        assert_eq!(embed_url("https://e.org/b/x/index.html"), "https://e.org/b/x/embed.html");
        assert_eq!(embed_url("https://e.org/b/x"), "https://e.org/b/x/embed.html");
        assert_eq!(embed_url("https://e.org/b/x/?utm=1#top"), "https://e.org/b/x/embed.html");
    }
}
