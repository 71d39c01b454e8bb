//! `brief-card site` on the example briefs (www/briefs), read back as its
//! consumers read it: the files a host serves, oEmbed JSON as the oEmbed
//! 1.0 spec lists its fields, the feeds through a feed parser (feed-rs),
//! the sitemap through an XML reader, and every discovery link and
//! internal URL resolved to a file of the site. (The HTML is checked by
//! the Nu HTML Checker in tests/vnu.sh; bad input, `--out` and the
//! `oembed` command are in tests/cli.rs.)
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/examples.rs"]
mod examples;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use brief_card::render::site::{self, Embed, Source};
use brief_card::{load, Document, Options};
use scraper::{Html, Selector};
use serde_json::Value;

const BASE: &str = "https://briefs.example.net/news/";
const PROVIDER: &str = "Example Policy Institute";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Stand-ins for the built element and wasm (`bash scripts/build.sh`
/// makes the real ones): the site copies them as they are.
fn assets(dir: &Path) {
    fs::create_dir_all(dir.join("pkg/snippets/brief-card-0123/src")).unwrap();
    fs::write(dir.join("brief-card.js"), "// element\n").unwrap();
    fs::write(dir.join("pkg/brief_card.js"), "// glue\n").unwrap();
    fs::write(dir.join("pkg/brief_card_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::write(dir.join("pkg/snippets/brief-card-0123/src/build.js"), "// snippet\n").unwrap();
    fs::write(dir.join("pkg/brief_card.d.ts"), "// declarations: not for the site\n").unwrap();
}

/// The site of the examples, made once by the binary.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-examples");
        let _ = fs::remove_dir_all(&tmp);
        assets(&tmp.join("assets"));
        let out = tmp.join("public");
        let o = Command::new(env!("CARGO_BIN_EXE_brief-card"))
            .args(["site", "www/briefs", "--base-url", BASE, "--provider-name", PROVIDER, "--assets"])
            .arg(tmp.join("assets"))
            .arg("--out")
            .arg(&out)
            .current_dir(root())
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "site failed: {}", String::from_utf8_lossy(&o.stderr));
        assert!(stdout.ends_with(": 7 briefs, 31 files\n"), "{stdout}");
        out
    })
}

/// Every brief of the examples with its page name: its id, else its file's
/// name (and `-N` in a feed). feed.json is a feed of three: three pages.
fn briefs() -> Vec<(String, brief_card::validate::Brief)> {
    let mut all = Vec::new();
    for (file, text) in examples::all() {
        let stem = file.trim_end_matches(".json").to_owned();
        let mut options = Options::default();
        options.base_url = Some(BASE.into());
        let doc = load(&text, &options).unwrap();
        let feed = matches!(doc, Document::Feed(_));
        for (i, b) in doc.briefs().iter().enumerate() {
            let name = b.id.clone().unwrap_or_else(|| if feed { format!("{stem}-{}", i + 1) } else { stem.clone() });
            all.push((name, b.clone()));
        }
    }
    assert_eq!(all.len(), 7, "five example files, one of them a feed of three");
    all
}

fn read(path: &str) -> String {
    fs::read_to_string(site().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn files_under(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) {
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.file_type().unwrap().is_dir() {
            files_under(&e.path(), &format!("{name}/"), out);
        } else {
            out.insert(name);
        }
    }
}

/// The file a URL of the site stands for (`…/` is `…/index.html`), if it is one.
fn file_of(url: &str) -> Option<String> {
    let path = url.strip_prefix(BASE)?.split(['?', '#']).next()?;
    Some(if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() })
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn every_file_is_there_and_nothing_else() {
    let mut expected: BTreeSet<String> = [
        ".brief-card-site",
        "index.html",
        "feed.xml",
        "feed.json",
        "sitemap.xml",
        "embed-height.js",
        "brief-card.js",
        "pkg/brief_card.js",
        "pkg/brief_card_bg.wasm",
        "pkg/snippets/brief-card-0123/src/build.js",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for (name, _) in briefs() {
        for f in ["index.html", "embed.html", "oembed.json"] {
            expected.insert(format!("{name}/{f}"));
        }
    }
    let mut found = BTreeSet::new();
    files_under(site(), "", &mut found);
    assert_eq!(found, expected);
    assert_eq!(fs::read(site().join("pkg/brief_card_bg.wasm")).unwrap(), b"\0asm\x01\0\0\0", "assets are copied as they are");
}

#[test]
fn oembed_has_the_fields_of_the_spec_and_frames_the_embed_page() {
    const ALLOWED: [&str; 14] = [
        "version",
        "type",
        "title",
        "author_name",
        "author_url",
        "provider_name",
        "provider_url",
        "cache_age",
        "thumbnail_url",
        "thumbnail_width",
        "thumbnail_height",
        "html",
        "width",
        "height",
    ];
    for (name, brief) in briefs() {
        let page = format!("{BASE}{name}/");
        let o: Value = serde_json::from_str(&read(&format!("{name}/oembed.json"))).unwrap();
        let fields = o.as_object().unwrap();
        for key in fields.keys() {
            assert!(ALLOWED.contains(&key.as_str()), "{name}: {key} is not an oEmbed 1.0 field");
        }
        assert_eq!(o["version"], "1.0", "{name}");
        assert_eq!(o["type"], "rich", "{name}");
        assert_eq!(o["title"], brief.title.as_str(), "{name}");
        assert_eq!(o["provider_name"], PROVIDER, "{name}");
        assert_eq!(o["provider_url"], BASE, "{name}");
        assert!(o["cache_age"].as_u64().is_some_and(|a| a > 0), "{name}");
        let (w, h) = (o["width"].as_u64().unwrap(), o["height"].as_u64().unwrap());
        assert!(w == 600 && (160..=4000).contains(&h), "{name}: {w}×{h}");
        let author = brief.publisher.as_ref().map(|p| p.name.as_str());
        assert_eq!(o.get("author_name").and_then(Value::as_str), author, "{name}: the byline, else the publisher");
        // No example has an image, so none has a thumbnail (oembed_for_one_brief has one).
        assert!(!fields.keys().any(|k| k.starts_with("thumbnail")), "{name}");

        let html = Html::parse_fragment(o["html"].as_str().unwrap());
        let frames: Vec<_> = html.select(&sel("iframe")).collect();
        assert_eq!(frames.len(), 1, "{name}: one iframe");
        let f = frames[0].value();
        assert_eq!(f.attr("src"), Some(format!("{page}embed.html").as_str()), "{name}");
        assert_eq!(f.attr("width"), Some(w.to_string().as_str()));
        assert_eq!(f.attr("height"), Some(h.to_string().as_str()));
        assert_eq!(f.attr("loading"), Some("lazy"));
        assert_eq!(f.attr("title"), Some(brief.title.as_str()));
        let sandbox: Vec<&str> = f.attr("sandbox").unwrap().split(' ').collect();
        for token in ["allow-scripts", "allow-same-origin", "allow-popups", "allow-popups-to-escape-sandbox"] {
            assert!(sandbox.contains(&token), "{name}: sandbox {sandbox:?}");
        }
        // The fallback a consumer keeps when it strips frames: a link to the page.
        let link = html.select(&sel("iframe + blockquote a[href]")).next().expect("blockquote link");
        // Never hidden (a sanitiser that drops the frame keeps styles): beside the frame, a small source line.
        let quote = html.select(&sel("iframe + blockquote")).next().expect("blockquote").value();
        assert!(
            quote.attr("style").is_some_and(|s| !s.contains("display") && s.contains("margin:.5em 0 0")),
            "{name}: {:?}",
            quote.attr("style")
        );
        assert_eq!(link.value().attr("href"), Some(page.as_str()));
        assert_eq!(link.text().collect::<String>(), brief.title);

        // The framed page: the card, in the frame's one landmark.
        let embed = Html::parse_document(&read(&format!("{name}/embed.html")));
        assert_eq!(embed.select(&sel("body > main > brief-card > article")).count(), 1, "{name}: the card in <main>");
        assert_eq!(embed.select(&sel("main h1.bc-title")).count(), 1, "{name}: its title is the frame's one h1");
        assert_eq!(embed.select(&sel("h1")).count(), 1, "{name}");
    }
}

#[test]
fn every_page_advertises_its_oembed_and_every_url_resolves() {
    let mut found = BTreeSet::new();
    files_under(site(), "", &mut found);
    for page in found.iter().filter(|f| f.ends_with(".html")) {
        let page_url = format!("{BASE}{page}");
        let html = Html::parse_document(&read(page));
        let discovery: Vec<_> = html.select(&sel("head link[rel=alternate][type='application/json+oembed']")).collect();
        if page == "index.html" {
            assert!(discovery.is_empty());
            let types: Vec<_> = html.select(&sel("head link[rel=alternate]")).filter_map(|l| l.value().attr("type")).collect();
            assert_eq!(types, ["application/atom+xml", "application/feed+json"]);
        } else {
            assert_eq!(discovery.len(), 1, "{page}: one oEmbed discovery link");
            let d = discovery[0].value();
            let folder = page.rsplit_once('/').unwrap().0;
            assert_eq!(d.attr("href"), Some(format!("{BASE}{folder}/oembed.json").as_str()), "{page}");
            assert!(d.attr("title").is_some_and(|t| !t.is_empty()), "{page}");
            // A brief's page leads a feed reader to the site's feeds too; the embed page is only a frame.
            let types: Vec<_> = html.select(&sel("head link[rel=alternate]")).filter_map(|l| l.value().attr("type")).collect();
            let feeds: &[&str] = if page.ends_with("/index.html") { &["application/atom+xml", "application/feed+json"] } else { &[] };
            assert_eq!(types, [&["application/json+oembed"], feeds].concat(), "{page}");
        }
        // Every link, script and frame into the site names a file that exists.
        let base = url::Url::parse(&page_url).unwrap();
        for el in html.select(&sel("[href], [src]")) {
            let raw = el.value().attr("href").or(el.value().attr("src")).unwrap();
            let url = base.join(raw).unwrap();
            if let Some(file) = file_of(url.as_str()) {
                assert!(found.contains(&file), "{page}: {raw} is {file}, which the site does not have");
            }
        }
        if page != "index.html" {
            let script = html.select(&sel("script[type=module]")).next().expect("the element's script");
            assert_eq!(script.value().attr("src"), Some("../brief-card.js"), "{page}");
        }
    }
}

#[test]
fn a_briefs_page_is_canonical_at_its_own_url_unless_the_brief_names_another() {
    for (name, brief) in briefs() {
        let html = Html::parse_document(&read(&format!("{name}/index.html")));
        let attr = |css: &str, a: &str| html.select(&sel(css)).next().and_then(|e| e.value().attr(a).map(str::to_owned));
        let expected = brief.url.clone().unwrap_or_else(|| format!("{BASE}{name}/"));
        assert_eq!(attr("head link[rel=canonical]", "href").as_deref(), Some(expected.as_str()), "{name}");
        assert_eq!(attr("head meta[property='og:url']", "content").as_deref(), Some(expected.as_str()), "{name}");
    }
    assert!(briefs().iter().any(|(_, b)| b.url.is_none()), "an example without a url of its own");
}

/// The briefs as the index and feeds list them: newest first, then by name
/// (every example is of 2023-06-13), the undated one last.
fn newest_first() -> Vec<String> {
    let mut b = briefs();
    b.sort_by(|(na, a), (nb, b)| {
        let key = |x: &brief_card::validate::Brief| x.date.as_ref().map(|d| d.iso.clone());
        key(b).cmp(&key(a)).then(na.cmp(nb))
    });
    b.into_iter().map(|(n, _)| n).collect()
}

#[test]
fn the_index_lists_every_brief_newest_first() {
    let html = Html::parse_document(&read("index.html"));
    let links: Vec<String> =
        html.select(&sel("ol.briefs h2 a")).map(|a| a.value().attr("href").unwrap().trim_end_matches('/').to_owned()).collect();
    assert_eq!(links, newest_first());
    assert_eq!(links.last().map(String::as_str), Some("minimal"));
}

#[test]
fn the_atom_feed_parses_with_every_entry() {
    let feed = feed_rs::parser::parse(read("feed.xml").as_bytes()).expect("Atom parses");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.title.unwrap().content, PROVIDER);
    let self_link = feed.links.iter().find(|l| l.rel.as_deref() == Some("self")).unwrap();
    assert_eq!(self_link.href, format!("{BASE}feed.xml"));
    let names = newest_first();
    assert_eq!(feed.entries.len(), names.len());
    let briefs = briefs();
    for (entry, name) in feed.entries.iter().zip(&names) {
        let brief = &briefs.iter().find(|(n, _)| n == name).unwrap().1;
        let page = format!("{BASE}{name}/");
        assert_eq!(entry.id, page);
        assert_eq!(entry.title.as_ref().unwrap().content, brief.title);
        assert!(entry.links.iter().any(|l| l.href == page && l.rel.as_deref() == Some("alternate")), "{name}");
        assert!(entry.updated.is_some(), "{name}: Atom requires updated");
        assert_eq!(entry.published.is_some(), brief.date.is_some(), "{name}");
        let content = entry.content.as_ref().and_then(|c| c.body.as_deref()).unwrap();
        assert!(content.contains("<article") && content.contains("bc-card"), "{name}: the static card as content");
        let tags: Vec<&str> = entry.categories.iter().map(|c| c.term.as_str()).collect();
        assert_eq!(tags, brief.tags.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), "{name}");
    }
    // The undated brief is dated by its file's time, no later than SOURCE_DATE_EPOCH.
    assert_eq!(feed.entries.last().unwrap().updated.unwrap().to_rfc3339(), "2023-11-14T22:13:20+00:00");
}

#[test]
fn the_json_feed_parses_with_every_item() {
    let text = read("feed.json");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["feed_url"], format!("{BASE}feed.json"));
    let feed = feed_rs::parser::parse(text.as_bytes()).expect("JSON Feed parses");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::JSON);
    let ids: Vec<String> = feed.entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, newest_first().iter().map(|n| format!("{BASE}{n}/")).collect::<Vec<_>>());
    for item in json["items"].as_array().unwrap() {
        assert!(item["content_html"].as_str().is_some_and(|c| c.contains("<article")));
        assert_eq!(item["url"], item["id"]);
    }
}

/// Only the pages whose canonical link is their own: a brief whose `url`
/// names another page (the examples' example.org) is indexed there.
#[test]
fn the_sitemap_lists_the_index_and_every_page_canonical_at_its_own_url() {
    let xml = read("sitemap.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut locs, mut in_loc) = (Vec::new(), false);
    loop {
        match reader.read_event().expect("the sitemap is XML") {
            quick_xml::events::Event::Start(e) => in_loc = e.name().as_ref() == b"loc",
            quick_xml::events::Event::Text(t) if in_loc => locs.push(t.decode().unwrap().into_owned()),
            quick_xml::events::Event::End(_) => in_loc = false,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let briefs = briefs();
    let own_canonical = |name: &String| briefs.iter().any(|(n, b)| n == name && b.url.is_none());
    let mut expected = vec![BASE.to_owned()];
    expected.extend(newest_first().iter().filter(|n| own_canonical(n)).map(|n| format!("{BASE}{n}/")));
    assert_eq!(locs, expected);
    assert!(expected.len() > 1 && expected.len() < briefs.len() + 1, "the examples have pages of both kinds: {expected:?}");
}

/// The library, without files: a byline, maxwidth and maxheight, and
/// markup in a title.
#[test]
fn oembed_for_one_brief() {
    let text = r#"{"id":"x","title":"<b>T</b> & \"q\"","authors":[{"name":"Ana"},{"name":"Ben","url":"https://e.org/ben"}],
        "publisher":{"name":"P"},"image":{"src":"https://e.org/i.png","alt":""},"summary":{"paragraphs":["a"]}}"#;
    let doc = load(text, &Options::default()).unwrap();
    let request = Embed {
        page_url: "https://e.org/x/",
        provider_name: "E",
        provider_url: "https://e.org/",
        maxwidth: Some(320),
        maxheight: Some(200),
    };
    let o = site::oembed(&doc.briefs()[0], &request);
    assert_eq!(o["author_name"], "Ana, Ben");
    let persian = load(&text.replace(r#""id":"x","#, r#""id":"x","lang":"fa","#), &Options::default()).unwrap();
    assert_eq!(site::oembed(&persian.briefs()[0], &request)["author_name"], "Ana، Ben", "joined as the card joins them");
    assert_eq!((o["width"].as_u64(), o["height"].as_u64()), (Some(320), Some(200)));
    assert!(o.get("thumbnail_url").is_none(), "no size is known, so no thumbnail");
    // With its size, the image is the thumbnail, while it fits maxwidth and maxheight.
    let sized =
        load(&text.replace("https://e.org/i.png\",", "https://e.org/i.png\",\"width\":300,\"height\":200,"), &Options::default()).unwrap();
    let o = site::oembed(&sized.briefs()[0], &request);
    let thumbnail = (o["thumbnail_url"].as_str(), o["thumbnail_width"].as_u64(), o["thumbnail_height"].as_u64());
    assert_eq!(thumbnail, (Some("https://e.org/i.png"), Some(300), Some(200)));
    let narrow = site::oembed(&sized.briefs()[0], &Embed { maxwidth: Some(200), ..request.clone() });
    assert!(narrow.get("thumbnail_url").is_none() && narrow.get("thumbnail_width").is_none(), "too wide for maxwidth: none of the three");
    let html = o["html"].as_str().unwrap();
    assert!(html.contains("title=\"&lt;b&gt;T&lt;/b&gt; &amp; &quot;q&quot;\""), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    // Each name isolated, as in the card's byline.
    assert!(html.contains("<p>— <bdi>Ana</bdi>, <bdi>Ben</bdi></p>"), "{html}");
    // No authors: the publisher's name, as author_name has it.
    let published = load(r#"{"title":"T","publisher":{"name":"Example Institute"}}"#, &Options::default()).unwrap();
    let o = site::oembed(&published.briefs()[0], &request);
    assert_eq!(o["author_name"], "Example Institute");
    assert!(o["html"].as_str().unwrap().contains("<p>— <bdi>Example Institute</bdi></p>"), "{}", o["html"]);
    let wide = site::oembed(&doc.briefs()[0], &Embed { maxwidth: Some(5000), maxheight: None, ..request });
    assert_eq!(wide["width"], 600);
}

/// The index reads in its briefs' language and direction; its own English words say so; long words wrap.
#[test]
fn the_index_of_a_persian_site_reads_right_to_left() {
    let one = |json: &str| load(json, &Options::default()).unwrap();
    let sources = vec![
        Source {
            file: "a.json".into(),
            doc: one(r#"{"id":"a","title":"گزارش","lang":"fa","kind":"Flash Brief","date":"2024-03-20"}"#),
            modified: None,
        },
        Source { file: "b.json".into(), doc: one(r#"{"id":"b","title":"خبر","lang":"fa"}"#), modified: None },
        Source { file: "c.json".into(), doc: one(r#"{"id":"c","title":"News","lang":"en"}"#), modified: None },
    ];
    let settings = site::Settings::new(BASE, PROVIDER, "2024-01-01T00:00:00Z");
    let files = site::build(&sources, Vec::new(), &settings).unwrap();
    let index = files.iter().find(|f| f.path == "index.html").map(|f| String::from_utf8_lossy(&f.bytes).into_owned()).unwrap();
    let html = Html::parse_document(&index);
    let root = html.root_element().value();
    assert_eq!((root.attr("lang"), root.attr("dir")), (Some("fa"), Some("rtl")));
    let feeds = html.select(&sel("p.feeds")).next().unwrap();
    assert_eq!((feeds.value().attr("lang"), feeds.value().attr("dir")), (Some("en"), Some("ltr")));
    assert!(index.contains("overflow-wrap:anywhere"));
    // The Atom feed's own words are in the site's language too; each entry in its brief's.
    let atom = files.iter().find(|f| f.path == "feed.xml").map(|f| String::from_utf8_lossy(&f.bytes).into_owned()).unwrap();
    assert!(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fa\">"), "{atom}");
    assert!(atom.contains("<entry xml:lang=\"en\">"), "{atom}");
    // A Latin kind beside a Persian date is isolated, or the date's day joins its run.
    let meta = html.select(&sel("li[lang=fa] p.meta")).next().expect("meta line");
    assert_eq!(meta.select(&sel("bdi")).map(|b| b.text().collect::<String>()).collect::<Vec<_>>(), ["Flash Brief"]);
}

/// The library reports every shared name, each with both files.
#[test]
fn shared_names_are_problems() {
    let one = |json: &str| load(json, &Options::default()).unwrap();
    let sources = vec![
        Source { file: "a/x.json".into(), doc: one(r#"{"id":"Same","title":"A"}"#), modified: None },
        Source { file: "b/same.json".into(), doc: one(r#"{"title":"B"}"#), modified: None },
        Source { file: "c.json".into(), doc: one(r#"[{"id":"pkg","title":"C"},{"id":"same","title":"D"}]"#), modified: None },
    ];
    let settings = site::Settings::new(BASE, PROVIDER, "2024-01-01T00:00:00Z");
    let problems: Vec<String> = site::build(&sources, Vec::new(), &settings).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(
        problems[0].starts_with("b/same.json: its page would be named \"same\" (from its file name), as is the page of a/x.json"),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].starts_with("c.json: [0].id: its page would be named \"pkg\" (from its id), a name the site itself uses"),
        "{}",
        problems[1]
    );
    assert!(problems[2].starts_with("c.json: [1].id: its page would be named \"same\""), "{}", problems[2]);
}

/// An entry is never updated before it was published: an `updated` earlier
/// than `date` (a mistake of the data) leaves the entry dated by `date`; a
/// later one on the same day is its update.
#[test]
fn an_update_before_publication_does_not_date_the_feeds_entry() {
    let one = |json: &str| load(json, &Options::default()).unwrap();
    let sources = vec![
        Source { file: "a.json".into(), doc: one(r#"{"id":"a","title":"A","date":"2024-06-01","updated":"2024-01-01"}"#), modified: None },
        Source {
            file: "b.json".into(),
            doc: one(r#"{"id":"b","title":"B","date":"2024-06-01T08:00:00+02:00","updated":"2024-06-01T18:00:00Z"}"#),
            modified: None,
        },
    ];
    let settings = site::Settings::new(BASE, PROVIDER, "2025-01-01T00:00:00Z");
    let files = site::build(&sources, Vec::new(), &settings).unwrap();
    let json = files.iter().find(|f| f.path == "feed.json").map(|f| String::from_utf8_lossy(&f.bytes).into_owned()).unwrap();
    let json: Value = serde_json::from_str(&json).unwrap();
    let modified: Vec<(&str, &str)> =
        json["items"].as_array().unwrap().iter().map(|i| (i["title"].as_str().unwrap(), i["date_modified"].as_str().unwrap())).collect();
    assert!(modified.contains(&("A", "2024-06-01T00:00:00Z")), "{modified:?}");
    assert!(modified.contains(&("B", "2024-06-01T18:00:00Z")), "{modified:?}");
}

/// The feeds carry the newest briefs only (a reader polls them for what is new); the index lists all.
#[test]
fn the_feeds_carry_the_newest_fifty_and_the_index_every_brief() {
    let docs: Vec<Document> = (0..60)
        .map(|i| {
            // Sixty days in a row: January 1 to February 29.
            let date = if i < 31 { format!("2024-01-{:02}", i + 1) } else { format!("2024-02-{:02}", i - 30) };
            load(&format!(r#"{{"title":"Brief {i}","id":"b{i}","date":"{date}"}}"#), &Options::default()).unwrap()
        })
        .collect();
    let sources: Vec<Source> =
        docs.into_iter().enumerate().map(|(i, doc)| Source { file: format!("b{i}.json"), doc, modified: None }).collect();
    let settings = site::Settings::new(BASE, PROVIDER, "2024-02-01T00:00:00Z");
    let files = site::build(&sources, Vec::new(), &settings).expect("builds");
    let file = |path: &str| String::from_utf8(files.iter().find(|f| f.path == path).expect(path).bytes.clone()).unwrap();
    let atom = feed_rs::parser::parse(file("feed.xml").as_bytes()).expect("Atom parses");
    assert_eq!(atom.entries.len(), site::FEED_ENTRIES);
    let json: Value = serde_json::from_str(&file("feed.json")).unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), site::FEED_ENTRIES);
    assert!(atom.entries.iter().all(|e| e.published.unwrap().to_rfc3339().as_str() >= "2024-01-11"), "the newest fifty");
    assert_eq!(file("index.html").matches("/\">Brief ").count(), 60, "the index lists all");
}
