//! The document as schema.org linked data (JSON-LD), for search engines and
//! link previews, and for reading back as a card (src/jsonld/).

use serde_json::{json, Map, Value};

use super::{description, nonempty, plain_text, without_nulls};
use crate::validate::model::{Brief, Document, Paragraph};

/// schema.org linked data: the article, or an `ItemList` of them for a feed.
pub(crate) fn linked_data(doc: &Document, feed_label: &str) -> Value {
    let data = match doc {
        Document::One(b) => article(b),
        Document::Feed(briefs) => {
            let items =
                briefs.iter().enumerate().map(|(i, b)| json!({ "@type": "ListItem", "position": i + 1, "url": b.url, "item": article(b) }));
            json!({ "@type": "ItemList", "name": feed_label, "numberOfItems": briefs.len(), "itemListElement": nonempty(items) })
        }
    };
    let mut with_context = Map::new();
    with_context.insert("@context".into(), json!("https://schema.org"));
    if let Value::Object(members) = data {
        with_context.extend(members);
    }
    without_nulls(Value::Object(with_context))
}

/// `AnalysisNewsArticle` for analysis-like kinds ("Flash Brief", "Analysis",
/// "Informe breve", "Monograph", …), `NewsArticle` otherwise.
pub(crate) fn article_type(kind: Option<&str>) -> &'static str {
    let kind = kind.unwrap_or("").to_lowercase();
    const ANALYSIS: &[&str] = &["analy", "analis", "anális", "brief", "breve", "monograph", "monografía", "note", "nota"];
    if ANALYSIS.iter().any(|w| kind.contains(w)) {
        "AnalysisNewsArticle"
    } else {
        "NewsArticle"
    }
}

fn person(name: &str, role: Option<&str>, url: Option<&str>) -> Value {
    json!({ "@type": "Person", "name": name, "jobTitle": role, "url": url })
}

/// The text of paragraphs, one blank line between them: how JSON-LD's
/// `abstract` and `text` hold several paragraphs (and how they are read back).
fn plain_paragraphs(ps: &[Paragraph]) -> String {
    ps.iter().map(plain_text).collect::<Vec<_>>().join("\n\n")
}

/// The article as schema.org sees it, carrying every block schema.org has
/// a property for, so that reading it back ([`crate::jsonld`])
/// gives a card with the same blocks (docs/jsonld-mapping.md lists what
/// cannot survive: links and emphasis inside paragraphs, `labels`, a
/// summary heading, an explicit `dir`).
fn article(b: &Brief) -> Value {
    let image = b.image.as_ref().map(|i| {
        let alt = Some(i.alt.as_str()).filter(|a| !a.is_empty());
        json!({ "@type": "ImageObject", "url": i.src, "caption": i.caption, "name": alt, "width": i.width, "height": i.height })
    });
    let publisher = b.publisher.as_ref().map(|p| {
        let logo = p.logo.as_ref().map(|l| json!({ "@type": "ImageObject", "url": l }));
        json!({ "@type": "Organization", "name": p.name, "url": p.url, "logo": logo })
    });
    let quotes = b.quotes.iter().map(
        |q| json!({ "@type": "Quotation", "text": plain_text(&q.text), "inLanguage": q.lang, "creator": person(&q.author, q.role.as_deref(), q.url.as_deref()) }),
    );
    let sections =
        b.sections.iter().map(|s| json!({ "@type": "WebPageElement", "name": s.heading, "text": plain_paragraphs(&s.paragraphs) }));
    let related = b.related.iter().map(|r| {
        json!({
            "@type": "CreativeWork",
            "name": r.title,
            "url": r.url,
            "author": r.author.as_deref().map(|a| person(a, None, None)),
            "datePublished": r.date.as_ref().map(|d| &d.iso),
            "genre": r.kind,
        })
    });
    let summary = b.summary.as_ref().map(|s| plain_paragraphs(&s.paragraphs)).filter(|s| !s.is_empty());
    json!({
        "@type": article_type(b.kind.as_deref()),
        "headline": b.title,
        // The whole summary; `description` is the short form search results show.
        "abstract": summary,
        "description": summary.as_ref().and(description(b)),
        "identifier": b.id,
        "articleSection": b.kind,
        "datePublished": b.date.as_ref().map(|d| &d.iso),
        "dateModified": b.updated.as_ref().map(|d| &d.iso),
        "url": b.url,
        "mainEntityOfPage": b.url,
        "inLanguage": b.lang,
        "image": image,
        "author": nonempty(b.authors.iter().map(|a| person(&a.name, None, a.url.as_deref()))),
        "publisher": publisher,
        "keywords": nonempty(b.tags.iter().map(|t| json!(t.label))),
        // Tags with a page: the Thing each is about, named like its keyword.
        "about": nonempty(b.tags.iter().filter_map(|t| t.url.as_ref().map(|u| json!({ "@type": "Thing", "name": t.label, "url": u })))),
        "hasPart": nonempty(quotes.chain(sections)),
        "citation": nonempty(related),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_types() {
        assert_eq!(article_type(Some("Flash Brief")), "AnalysisNewsArticle");
        assert_eq!(article_type(Some("Informe breve")), "AnalysisNewsArticle");
        assert_eq!(article_type(Some("ANALYSIS")), "AnalysisNewsArticle");
        assert_eq!(article_type(Some("Press release")), "NewsArticle");
        assert_eq!(article_type(None), "NewsArticle");
    }
}
