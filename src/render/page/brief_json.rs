//! The document as brief JSON, for the live card on the page to read.

use serde_json::{json, Map, Value};

use super::{nonempty, without_nulls};
use crate::validate::labels::Labels;
use crate::validate::model::{Brief, Document, Paragraph, Run};
use crate::view::words::KEYS;

/// The document as brief JSON (format version 1), from the validated model:
/// URLs as the policy wrote them (resolved against the base URL, if any),
/// unknown fields gone, and each brief's `labels` with `overrides` (the
/// `labels` option) written over them, so that the live card that reads
/// this JSON shows the words the static card was written with. Reading it
/// back (with no `labels` option) gives the same card.
pub(crate) fn document_json(doc: &Document, overrides: &Labels) -> Value {
    let brief = |b| brief_json(b, overrides);
    without_nulls(match doc {
        Document::One(b) => brief(b),
        Document::Feed(briefs) => briefs.iter().map(brief).collect(),
    })
}

fn brief_json(b: &Brief, overrides: &Labels) -> Value {
    let labels: Map<String, Value> = b
        .labels
        .0
        .iter()
        .chain(&overrides.0)
        .filter_map(|(label, text)| KEYS.iter().find(|(_, l)| l == label).map(|(key, _)| (key.to_string(), json!(text))))
        .collect();
    json!({
        "version": 1,
        "id": b.id,
        "kind": b.kind,
        "title": b.title,
        "date": b.date.as_ref().map(|d| &d.iso),
        "updated": b.updated.as_ref().map(|d| &d.iso),
        "url": b.url,
        "lang": b.lang,
        "dir": b.dir.as_str(),
        "publisher": b.publisher.as_ref().map(|p| json!({ "name": p.name, "url": p.url, "logo": p.logo })),
        "authors": nonempty(b.authors.iter().map(|a| json!({ "name": a.name, "url": a.url }))),
        "image": b.image.as_ref().map(|i| json!({ "src": i.src, "alt": i.alt, "caption": i.caption, "width": i.width, "height": i.height })),
        "summary": b.summary.as_ref().map(|s| json!({ "heading": s.heading, "paragraphs": paragraphs(&s.paragraphs) })),
        "quotes": nonempty(b.quotes.iter().map(|q| json!({ "text": paragraph(&q.text), "author": q.author, "role": q.role, "url": q.url, "lang": q.lang }))),
        "sections": nonempty(b.sections.iter().map(|s| json!({ "heading": s.heading, "paragraphs": paragraphs(&s.paragraphs) }))),
        "related": nonempty(b.related.iter().map(|r| json!({
            "title": r.title,
            "url": r.url,
            "author": r.author,
            "date": r.date.as_ref().map(|d| &d.iso),
            "kind": r.kind,
        }))),
        "tags": nonempty(b.tags.iter().map(|t| json!({ "label": t.label, "url": t.url }))),
        "labels": Some(labels).filter(|labels| !labels.is_empty()),
    })
}

fn paragraphs(ps: &[Paragraph]) -> Value {
    ps.iter().map(paragraph).collect()
}

/// A paragraph of one plain run is a string; any other, an array of runs.
fn paragraph(p: &Paragraph) -> Value {
    match p.as_slice() {
        [r] if is_plain(r) => json!(r.text),
        runs => runs.iter().map(run).collect(),
    }
}

fn is_plain(r: &Run) -> bool {
    r.href.is_none() && !r.strong && !r.em
}

fn run(r: &Run) -> Value {
    if is_plain(r) {
        return json!(r.text);
    }
    json!({ "text": r.text, "href": r.href, "strong": r.strong.then_some(true), "em": r.em.then_some(true) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::page::script_json;

    fn json(v: &Value) -> String {
        script_json(v)
    }

    /// A brief that sets every field of the format (the test below holds it to that).
    const EVERY_FIELD: &str = r#"{"version":1,"id":"x","kind":"Flash Brief","title":"T </script>","date":"2023-06-13","updated":"2023-06-14T08:00:00Z","url":"/a b","lang":"es","dir":"rtl",
        "publisher":{"name":"P","url":"https://e.org/","logo":"https://e.org/l.png"},"authors":[{"name":"A"},{"name":"B","url":"/b"}],"image":{"src":"i.png","alt":"","caption":"c","width":640,"height":360},
        "summary":{"heading":"S","paragraphs":["one",["a",{"text":"b","href":"https://e.org/","strong":true,"em":true}]]},
        "quotes":[{"text":"q","author":"A","role":"R","url":"mailto:a@e.org","lang":"en-GB"}],
        "sections":[{"heading":"H","paragraphs":[]}],"related":[{"title":"r","url":"/r","date":"2023-01-02","kind":"k","author":"au"}],
        "tags":[{"label":"t"},{"label":"u","url":"/u"}],
        "labels":{"summary":"1","quotes":"2","related":"3","tags":"Temas","readMore":"Más","showMore":"4","showLess":"5","copyLink":"6","linkCopied":"7","feed":"8","by":"9","updated":"10","newTab":"11"},"unknown":1}"#;

    #[test]
    fn the_embedded_json_reads_back_as_the_same_document() {
        let doc = crate::validate::load_default(EVERY_FIELD).unwrap();
        let again = crate::validate::load_default(&json(&document_json(&doc, &Labels::default()))).unwrap();
        assert_eq!(again, doc);
        let feed = Document::Feed(vec![doc.briefs()[0].clone(), doc.briefs()[0].clone()]);
        assert_eq!(crate::validate::load_default(&json(&document_json(&feed, &Labels::default()))).unwrap(), feed);
    }

    /// So a field added to the format must be added to [`EVERY_FIELD`], and
    /// the round trip above then fails until this file writes it too.
    #[test]
    fn the_round_trip_sets_every_field_of_the_format() {
        /// Each (member holding the object, member) pair of `v`, "" for the root's.
        fn members<'v>(v: &'v Value, parent: &'v str, into: &mut std::collections::BTreeSet<(&'v str, &'v str)>) {
            match v {
                Value::Object(map) => map.iter().for_each(|(k, v)| {
                    into.insert((parent, k));
                    members(v, k, into);
                }),
                Value::Array(items) => items.iter().for_each(|v| members(v, parent, into)),
                _ => {}
            }
        }
        // Where each object type of the format is written in a brief.
        const HELD_IN: [(&str, &str); 11] = [
            ("Brief", ""),
            ("Publisher", "publisher"),
            ("Author", "authors"),
            ("Image", "image"),
            ("Summary", "summary"),
            ("RunObject", "paragraphs"),
            ("Quote", "quotes"),
            ("Section", "sections"),
            ("Related", "related"),
            ("Tag", "tags"),
            ("Labels", "labels"),
        ];
        let every: Value = serde_json::from_str(EVERY_FIELD).unwrap();
        let mut written = std::collections::BTreeSet::new();
        members(&every, "", &mut written);
        let schema = crate::schema::brief_schema();
        for (name, def) in schema["$defs"].as_object().unwrap() {
            let Some(fields) = def.get("properties").and_then(Value::as_object) else { continue };
            let parent = HELD_IN.iter().find(|(n, _)| n == name).map(|(_, p)| *p);
            let parent = parent.unwrap_or_else(|| panic!("a new object type, {name}: add where it is held to HELD_IN"));
            for field in fields.keys() {
                assert!(written.contains(&(parent, field.as_str())), "EVERY_FIELD leaves out {name}.{field}");
            }
        }
    }

    #[test]
    fn the_labels_option_is_written_over_the_briefs_own() {
        use crate::validate::labels::Label;
        let doc = crate::validate::load_default(r#"{"title":"T","labels":{"tags":"Temas","quotes":"Voces"}}"#).unwrap();
        let overrides = Labels(vec![(Label::Tags, "Topics".into()), (Label::ReadMore, "All of it".into())]);
        let labels = &document_json(&doc, &overrides)["labels"];
        assert_eq!(labels, &json!({"tags": "Topics", "quotes": "Voces", "readMore": "All of it"}));
    }
}
