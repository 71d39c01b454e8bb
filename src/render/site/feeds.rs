//! The site's feeds for readers and crawlers: an Atom feed (RFC 4287), a
//! JSON Feed 1.1 and a sitemap, written with quick-xml (escaping included).

use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use serde_json::{json, Value};

use super::index::most_common_lang;
use super::{Entry, Settings};
use crate::render::fragment;
use crate::render::page::{self, description, is_absolute_http};
use crate::validate::model::{Brief, BriefDate, Document};
use crate::validate::options::Options;

/// A brief's date as an RFC 3339 date-time (a day alone is its midnight UTC).
pub(super) fn rfc3339(d: &BriefDate) -> String {
    if d.iso.len() == 10 {
        format!("{}T00:00:00Z", d.iso)
    } else {
        d.iso.clone()
    }
}

/// The instant an RFC 3339 date-time (as [`rfc3339`] and the build's clock
/// write them) names, in seconds, so that times written with different
/// offsets compare as times: `09:30+02:00` is before `08:00Z`.
pub(super) fn instant(rfc3339: &str) -> Option<i64> {
    let number = |from: usize, to: usize| rfc3339.get(from..to)?.parse::<i64>().ok();
    let date = icu_calendar::Date::try_new_iso(
        i32::try_from(number(0, 4)?).ok()?,
        u8::try_from(number(5, 7)?).ok()?,
        u8::try_from(number(8, 10)?).ok()?,
    )
    .ok()?;
    let clock = number(11, 13)? * 3600 + number(14, 16)? * 60 + number(17, 19)?;
    // The zone is last: `Z`, or `±HH:MM` (fractions of a second before it are left out).
    let offset = match rfc3339.get(rfc3339.len().checked_sub(6)?..)? {
        zone if zone.starts_with(['+', '-']) => {
            let (sign, len) = (if zone.starts_with('-') { -1 } else { 1 }, rfc3339.len());
            sign * (number(len - 5, len - 3)? * 3600 + number(len - 2, len)? * 60)
        }
        _ => 0,
    };
    Some(date.to_rata_die().to_i64_date() * 86_400 + clock - offset)
}

/// When the brief last changed, for the feeds: `updated` (unless it is
/// before `date`, which can only be a mistake of the data: an entry is
/// never updated before it was published), else `date`, else when its file
/// did, else the build.
fn updated(e: &Entry, now: &str) -> String {
    let b = e.brief;
    let after_publication = |u: &&BriefDate| b.date.as_ref().is_none_or(|d| instant(&rfc3339(u)) >= instant(&rfc3339(d)));
    b.updated.as_ref().filter(after_publication).or(b.date.as_ref()).map_or_else(|| e.modified.unwrap_or(now).to_owned(), rfc3339)
}

/// The static card for a feed reader: the fragment, URLs already absolute
/// (the briefs are read against the base URL), no script.
fn content_html(b: &Brief, options: &Options) -> String {
    fragment(&Document::One(b.clone()), &Options { email: false, ..options.clone() }, crate::render::dates::icu)
}

/// Text XML 1.0 can hold: it has no escape for most C0 controls (a brief
/// may hold them; HTML output turns them into text), so they are dropped,
/// as are U+FFFE and U+FFFF. Escaping itself is quick-xml's.
fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}');
    if s.chars().all(allowed) {
        s.into()
    } else {
        s.chars().filter(|&c| allowed(c)).collect::<String>().into()
    }
}

type Xml = Writer<Vec<u8>>;

/// The document's bytes, with a final line break.
fn finish(written: bool, w: Xml) -> Vec<u8> {
    debug_assert!(written, "writing into a Vec cannot fail");
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

fn xml_writer() -> Xml {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    w
}

/// `<name>text</name>`, the text escaped.
fn element(w: &mut Xml, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name).write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

/// `<name a="v" …/>`, the values escaped.
fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let attrs: Vec<(&str, std::borrow::Cow<str>)> = attrs.iter().map(|&(k, v)| (k, xml_chars(v))).collect();
    w.create_element(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_ref()))).write_empty()?;
    Ok(())
}

/// The Atom feed (RFC 4287): every brief, with its page as the link, its
/// description as the summary and its static card as the content.
pub(super) fn atom(entries: &[Entry], base: &str, settings: &Settings) -> Vec<u8> {
    let now = settings.now.as_str();
    let feed_updated = entries.iter().map(|e| updated(e, now)).max_by_key(|u| instant(u)).unwrap_or_else(|| now.to_owned());
    let mut w = xml_writer();
    // The feed's own words (its title, the provider's name) in the site's language, as the index has it.
    let feed = w.create_element("feed").with_attribute(("xmlns", "http://www.w3.org/2005/Atom"));
    let written = feed.with_attribute(("xml:lang", most_common_lang(entries))).write_inner_content(|w| {
        element(w, "title", &settings.provider_name)?;
        element(w, "id", base)?;
        element(w, "updated", &feed_updated)?;
        empty(w, "link", &[("rel", "self"), ("type", "application/atom+xml"), ("href", &format!("{base}feed.xml"))])?;
        empty(w, "link", &[("rel", "alternate"), ("type", "text/html"), ("href", base)])?;
        // An entry with no author of its own takes the feed's.
        w.create_element("author").write_inner_content(|w| element(w, "name", &settings.provider_name))?;
        element(w, "generator", "brief-card")?;
        for e in entries {
            let b = e.brief;
            let page_url = e.page_url(base);
            w.create_element("entry").with_attribute(("xml:lang", b.lang.as_str())).write_inner_content(|w| {
                element(w, "title", &b.title)?;
                element(w, "id", &page_url)?;
                empty(w, "link", &[("rel", "alternate"), ("type", "text/html"), ("href", &page_url)])?;
                if let Some(u) = b.url.as_deref().filter(|u| is_absolute_http(u)) {
                    empty(w, "link", &[("rel", "related"), ("type", "text/html"), ("href", u)])?;
                }
                if let Some(d) = &b.date {
                    element(w, "published", &rfc3339(d))?;
                }
                element(w, "updated", &updated(e, now))?;
                let authors: Vec<(&str, Option<&str>)> = if b.authors.is_empty() {
                    b.publisher.iter().map(|p| (p.name.as_str(), p.url.as_deref())).collect()
                } else {
                    b.authors.iter().map(|a| (a.name.as_str(), a.url.as_deref())).collect()
                };
                for (name, uri) in authors {
                    w.create_element("author").write_inner_content(|w| {
                        element(w, "name", name)?;
                        if let Some(u) = uri.filter(|u| is_absolute_http(u)) {
                            element(w, "uri", u)?;
                        }
                        Ok(())
                    })?;
                }
                for t in &b.tags {
                    empty(w, "category", &[("term", &t.label)])?;
                }
                if let Some(d) = description(b) {
                    element(w, "summary", &d)?;
                }
                w.create_element("content")
                    .with_attribute(("type", "html"))
                    .write_text_content(BytesText::new(&xml_chars(&content_html(b, &settings.options))))?;
                Ok(())
            })?;
        }
        Ok(())
    });
    finish(written.is_ok(), w)
}

/// The JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the same items.
pub(super) fn json_feed(entries: &[Entry], base: &str, settings: &Settings) -> Value {
    let now = settings.now.as_str();
    let items: Vec<Value> = entries
        .iter()
        .map(|e| {
            let b = e.brief;
            let page_url = e.page_url(base);
            let authors: Vec<Value> = if b.authors.is_empty() {
                b.publisher.iter().map(|p| json!({ "name": p.name, "url": p.url.as_deref().filter(|u| is_absolute_http(u)) })).collect()
            } else {
                b.authors.iter().map(|a| json!({ "name": a.name, "url": a.url.as_deref().filter(|u| is_absolute_http(u)) })).collect()
            };
            json!({
                "id": page_url,
                "url": page_url,
                "external_url": b.url.as_deref().filter(|u| is_absolute_http(u)),
                "title": b.title,
                "summary": description(b),
                "content_html": content_html(b, &settings.options),
                "image": b.image.as_ref().map(|i| &i.src).filter(|u| is_absolute_http(u)),
                "date_published": b.date.as_ref().map(rfc3339),
                "date_modified": updated(e, now),
                "authors": Some(authors).filter(|a| !a.is_empty()),
                "tags": Some(b.tags.iter().map(|t| t.label.as_str()).collect::<Vec<_>>()).filter(|t| !t.is_empty()),
                "language": b.lang,
            })
        })
        .collect();
    page::without_nulls(json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": settings.provider_name,
        "home_page_url": base,
        "feed_url": format!("{base}feed.json"),
        "language": most_common_lang(entries),
        "authors": [{ "name": settings.provider_name }],
        "items": items,
    }))
}

/// The sitemap (sitemaps.org 0.9): the index and every page that is its
/// own canonical (not the embed pages, which are parts of other pages). A
/// brief whose `url` names another page has that page as its page's
/// canonical: a sitemap lists canonical URLs only, and only the site's own.
pub(super) fn sitemap(entries: &[Entry], base: &str) -> Vec<u8> {
    let mut w = xml_writer();
    let written =
        w.create_element("urlset").with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")).write_inner_content(|w| {
            w.create_element("url").write_inner_content(|w| element(w, "loc", base))?;
            for e in entries {
                let page_url = e.page_url(base);
                if e.brief.url.as_deref().is_some_and(|canonical| canonical != page_url) {
                    continue;
                }
                w.create_element("url").write_inner_content(|w| {
                    element(w, "loc", &page_url)?;
                    if let Some(d) = e.brief.updated.as_ref().or(e.brief.date.as_ref()) {
                        element(w, "lastmod", &d.iso)?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        });
    finish(written.is_ok(), w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_loses_only_what_xml_cannot_hold() {
        assert_eq!(xml_chars("a\tb\nc\rd é ✓"), "a\tb\nc\rd é ✓");
        assert_eq!(xml_chars("a\u{0}b\u{1}\u{1f}c\u{fffe}\u{ffff}d"), "abcd");
        // Markup characters are kept here and escaped by quick-xml.
        let mut w = Writer::new(Vec::new());
        element(&mut w, "t", "<a href=\"x\">&amp;</a>'\u{0}").unwrap();
        assert_eq!(String::from_utf8(w.into_inner()).unwrap(), "<t>&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;&apos;</t>");
        let mut w = Writer::new(Vec::new());
        empty(&mut w, "l", &[("href", "?a=1&b=\"2\"<")]).unwrap();
        assert_eq!(String::from_utf8(w.into_inner()).unwrap(), "<l href=\"?a=1&amp;b=&quot;2&quot;&lt;\"/>");
    }

    #[test]
    fn times_compare_as_instants_whatever_their_offsets() {
        assert!(instant("2023-06-13T09:30:00+02:00") < instant("2023-06-13T08:00:00Z"));
        assert_eq!(instant("2023-06-13T09:30:00.123+02:00"), instant("2023-06-13T07:30:00Z"));
        assert_eq!(instant("2023-06-13T00:00:00-05:30"), instant("2023-06-13T05:30:00Z"));
        assert_eq!(instant("2024-03-01T00:00:00Z").zip(instant("2024-02-29T00:00:00Z")).map(|(a, b)| a - b), Some(86_400));
        assert_eq!(instant("not a date"), None);
    }

    #[test]
    fn dates_become_rfc3339() {
        let d = crate::validate::parse_date("2023-06-13").unwrap();
        assert_eq!(rfc3339(&d), "2023-06-13T00:00:00Z");
        let d = crate::validate::parse_date("2023-06-13T09:30:00+02:00").unwrap();
        assert_eq!(rfc3339(&d), "2023-06-13T09:30:00+02:00");
    }
}
