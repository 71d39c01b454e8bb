//! The site's home page: every brief, newest first.

use super::{Entry, Settings};
use crate::render::page::description;
use crate::render::{dates, escape, html_writer};

/// `<link rel="alternate">`s to the site's Atom feed and JSON Feed, by
/// which a feed reader finds them from any page of the site.
pub(super) fn feed_links(base: &str, title: &str) -> String {
    let mut out = String::new();
    for (ty, file) in [("application/atom+xml", "feed.xml"), ("application/feed+json", "feed.json")] {
        out.push_str("<link rel=\"alternate\"");
        html_writer::write_attr(&mut out, "type", ty);
        html_writer::write_attr(&mut out, "href", &format!("{base}{file}"));
        html_writer::write_attr(&mut out, "title", title);
        out.push_str(">\n");
    }
    out
}

pub(super) fn index_page(entries: &[Entry], base: &str, settings: &Settings) -> String {
    let title = &settings.provider_name;
    let lang = most_common_lang(entries);
    // The page reads in that language's direction (a site of Persian briefs, right to left).
    let dir = entries.iter().find(|e| e.brief.lang == lang).map_or("ltr", |e| e.brief.dir.as_str());
    let mut out = String::with_capacity(4096 + entries.len() * 512);
    out.push_str("<!doctype html>\n<html");
    html_writer::write_attr(&mut out, "lang", lang);
    html_writer::write_attr(&mut out, "dir", dir);
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape::text(&mut out, title);
    out.push_str("</title>\n<link rel=\"canonical\"");
    html_writer::write_attr(&mut out, "href", base);
    out.push_str(">\n");
    out.push_str(&feed_links(base, title));
    out.push_str(INDEX_STYLE);
    out.push_str("</head>\n<body>\n<main>\n<h1>");
    escape::text(&mut out, title);
    out.push_str("</h1>\n<ol class=\"briefs\">\n");
    for e in entries {
        let b = e.brief;
        out.push_str("<li");
        html_writer::write_attr(&mut out, "lang", &b.lang);
        html_writer::write_attr(&mut out, "dir", b.dir.as_str());
        out.push('>');
        if b.kind.is_some() || b.date.is_some() {
            out.push_str("<p class=\"meta\">");
            if let Some(k) = &b.kind {
                // Isolated, as in the card: a Latin kind in a Persian line
                // would otherwise take the date's day into its own run.
                out.push_str("<bdi>");
                escape::text(&mut out, k);
                out.push_str("</bdi>");
            }
            if let Some(d) = &b.date {
                if b.kind.is_some() {
                    out.push_str(" · ");
                }
                out.push_str("<time dir=\"auto\"");
                html_writer::write_attr(&mut out, "datetime", &d.iso);
                out.push('>');
                let locale = settings.options.locale.as_deref().unwrap_or(&b.lang);
                escape::text(&mut out, &dates::icu(d, locale));
                out.push_str("</time>");
            }
            out.push_str("</p>");
        }
        out.push_str("<h2><a");
        html_writer::write_attr(&mut out, "href", &format!("{}/", e.name));
        out.push('>');
        escape::text(&mut out, &b.title);
        out.push_str("</a></h2>");
        if let Some(d) = description(b) {
            out.push_str("<p>");
            escape::text(&mut out, &d);
            out.push_str("</p>");
        }
        out.push_str("</li>\n");
    }
    // These words are English, whatever the briefs' language.
    out.push_str("</ol>\n<p class=\"feeds\" lang=\"en\" dir=\"ltr\"><a href=\"feed.xml\">Atom feed</a> · <a href=\"feed.json\">JSON Feed</a></p>\n</main>\n</body>\n</html>\n");
    out
}

const INDEX_STYLE: &str = "<style>body{margin:0;padding:24px 16px 48px;background:#f3f4f6;color:#1a1d23;\
font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;line-height:1.5}\
main{max-width:760px;margin:0 auto}h1{font-size:28px;line-height:1.2}ol{list-style:none;margin:0;padding:0}\
li{margin:0 0 16px;padding:16px 20px;background:#fff;border:1px solid #d8dbe0;border-radius:8px;overflow-wrap:anywhere}\
h2{margin:0 0 8px;font-size:20px;line-height:1.3}a{color:#1d4ed8}.meta{margin:0 0 4px;font-size:14px;color:#4b5563}\
li>p:last-child{margin-bottom:0}\
@media (prefers-color-scheme:dark){body{background:#0e1014;color:#eceef2}li{background:#16191f;border-color:#2b3038}a{color:#93b4ff}.meta{color:#a3aab5}}</style>\n";

/// The language most briefs are in (the first of equals), for the index's `lang`.
pub(super) fn most_common_lang<'a>(entries: &[Entry<'a>]) -> &'a str {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in entries {
        match counts.iter_mut().find(|(l, _)| *l == e.brief.lang) {
            Some((_, n)) => *n += 1,
            None => counts.push((&e.brief.lang, 1)),
        }
    }
    // max_by_key keeps the last of equals; reversing first keeps the first.
    counts.into_iter().rev().max_by_key(|&(_, n)| n).map_or("en", |(l, _)| l)
}
