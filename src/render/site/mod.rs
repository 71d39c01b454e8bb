//! The site (`brief-card site`): a folder of briefs made into a folder any
//! static host can serve, for newsletters and the editors that embed links.
//!
//! ```text
//! index.html              the briefs, newest first, linking to the feeds
//! feed.xml  feed.json     an Atom feed and a JSON Feed 1.1 of the newest 50
//! sitemap.xml             the index and every brief's page that is its own canonical
//! NAME/index.html         the brief's page (`render::page`), advertising its oEmbed
//! NAME/embed.html         the card alone, for the oEmbed iframe
//! NAME/oembed.json        oEmbed 1.0, type "rich"
//! embed-height.js         tells the page that frames an embed page its height
//! brief-card.js, pkg/…    the element and the wasm (the caller's assets, as given)
//! ```
//!
//! Each brief gets a folder, so its address is `BASE/NAME/` on any host
//! (no `.html` to hide) and the embed page and oEmbed JSON sit beside it.
//! `NAME` is the brief's `id`, else its file's name (with `-2`, `-3`… for
//! the briefs of a feed that have no id), in the characters a URL path
//! keeps as they are. Two briefs with the same name, compared without case
//! (as macOS and Windows file systems and many hosts compare), are a
//! problem, as is a name the site itself uses (`pkg`, `feed.xml`, …).
//!
//! Every URL written is absolute, from the base URL: feed readers and
//! oEmbed consumers read these files away from the site. Only the pages'
//! script, `../brief-card.js`, is relative, so a page works wherever its
//! folder is served from.
//!
//! Pure: documents in, files (relative path, bytes) out. Reading the
//! briefs and writing the folder are the binary's.
//!
//! `oembed` answers for one brief (and writes its embed page), `index` is
//! the site's home page, `feeds` its Atom feed, JSON Feed and sitemap.

mod feeds;
mod height;
mod index;
mod oembed;

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::props::GeneralCategory;
use icu_properties::CodePointMapData;
use serde_json::Value;

pub use oembed::{embed_url, oembed, Embed, CACHE_AGE, EMBED_WIDTH};

use super::page;
use crate::format::Problem;
use crate::validate::model::{Brief, Document};
use crate::validate::options::Options;
use feeds::{atom, json_feed, sitemap};
use index::{feed_links, index_page};
use oembed::{discovery_link, embed_page, EMBED_HEIGHT, EMBED_HEIGHT_JS};

/// The site's own files and folders at its root: no brief may be named so.
const RESERVED: [&str; 8] = ["index.html", "feed.xml", "feed.json", "sitemap.xml", "brief-card.js", "pkg", "embed.html", EMBED_HEIGHT];

/// One input file, loaded: its name as the reader wrote it (for problems)
/// and what it holds.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file, e.g. `briefs/a.json`; its name without extension names
    /// the briefs that have no `id`.
    pub file: String,
    /// The brief, or the feed whose briefs each get a page.
    pub doc: Document,
    /// When the file last changed, as an RFC 3339 date-time: the feeds'
    /// `updated` of its briefs that have no date, so that rebuilding the
    /// site does not show them to feed readers as changed. `None`: the
    /// build's [`Settings::now`].
    pub modified: Option<String>,
}

/// What a host says about its site.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Settings {
    /// The absolute http(s) URL the site is served from (a `/` is added
    /// when the path does not end with one).
    pub base_url: String,
    /// Who publishes the site: oEmbed's `provider_name`, the index's and
    /// the feeds' title.
    pub provider_name: String,
    /// An RFC 3339 date-time for the `updated` of briefs that have no date
    /// and whose source has no [`Source::modified`] (the time of the build;
    /// a parameter, so output is reproducible).
    pub now: String,
    /// How to render the cards (theme, layout, …).
    pub options: Options,
}

impl Settings {
    /// A site served from `base_url`, published by `provider_name`, built
    /// at `now`, its cards rendered with the default options.
    pub fn new(base_url: impl Into<String>, provider_name: impl Into<String>, now: impl Into<String>) -> Settings {
        Settings { base_url: base_url.into(), provider_name: provider_name.into(), now: now.into(), options: Options::default() }
    }
}

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative to the site's root, with `/` between folders.
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// A problem in one of the input files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file, as in [`Source::file`].
    pub file: String,
    /// Where in it, and what.
    pub problem: Problem,
}

/// `briefs/a.json: related[2].url: scheme "javascript" is not allowed`
impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

/// One brief of the site, with where it came from and its name.
struct Entry<'a> {
    file: &'a str,
    /// The JSON path of the brief in its file: `""`, or `[2]` in a feed.
    at: String,
    brief: &'a Brief,
    /// When its file last changed ([`Source::modified`]).
    modified: Option<&'a str>,
    name: String,
    /// Whether the name came from the brief's `id` (else from the file name).
    from_id: bool,
}

impl Entry<'_> {
    fn page_url(&self, base: &str) -> String {
        format!("{base}{}/", self.name)
    }
}

/// The base of the site that serves the page at `page_url`, as [`build`]
/// places pages (`BASE/NAME/`): oEmbed's `provider_url` for one brief's
/// page (`brief-card oembed`); empty when `page_url` is no URL.
pub fn provider_url(page_url: &str) -> String {
    url::Url::parse(page_url).and_then(|u| u.join("../")).map(String::from).unwrap_or_default()
}

/// The whole site for `sources`, with `assets` (the element and the wasm,
/// as the caller read them) at their paths. Problems: names that two
/// briefs (or a brief and the site) would share.
pub fn build(sources: &[Source], assets: Vec<File>, settings: &Settings) -> Result<Vec<File>, Vec<FileProblem>> {
    let base = with_slash(&settings.base_url);
    let mut entries = entries(sources);
    let reserved: Vec<String> =
        RESERVED.iter().map(|r| r.to_string()).chain(assets.iter().filter_map(|a| a.path.split('/').next().map(str::to_owned))).collect();
    check_names(&entries, &reserved)?;
    // Newest first; undated briefs last; then by name, so the order is stable.
    // (Each brief's key worked out once: its instant is parsed from text.)
    entries.sort_by_cached_key(|e| (Reverse(date_key(e.brief)), e.name.clone()));

    let mut files = Vec::with_capacity(entries.len() * 3 + 4 + assets.len());
    for e in &entries {
        let page_url = e.page_url(&base);
        let oembed_url = format!("{page_url}oembed.json");
        let discovery = discovery_link(&oembed_url, &e.brief.title);
        let doc = Document::One(e.brief.clone());
        // The page advertises its oEmbed, and the site's feeds as every page of a site does.
        let head = [discovery.as_str(), &feed_links(&base, &settings.provider_name)].concat();
        let html = page::page_with(&doc, &settings.options, "../brief-card.js", &head, Some(&page_url));
        files.push(text_file(format!("{}/index.html", e.name), html));
        files.push(text_file(format!("{}/embed.html", e.name), embed_page(e.brief, &page_url, &discovery, &settings.options)));
        let request =
            Embed { page_url: &page_url, provider_name: &settings.provider_name, provider_url: &base, maxwidth: None, maxheight: None };
        files.push(json_file(format!("{}/oembed.json", e.name), &oembed(e.brief, &request)));
    }
    files.push(text_file("index.html".into(), index_page(&entries, &base, settings)));
    let newest = entries.get(..FEED_ENTRIES).unwrap_or(&entries);
    files.push(File { path: "feed.xml".into(), bytes: atom(newest, &base, settings) });
    files.push(json_file("feed.json".into(), &json_feed(newest, &base, settings)));
    files.push(File { path: "sitemap.xml".into(), bytes: sitemap(&entries, &base) });
    files.push(File { path: EMBED_HEIGHT.into(), bytes: EMBED_HEIGHT_JS.as_bytes().to_vec() });
    files.extend(assets);
    Ok(files)
}

/// Every brief of every source, named.
fn entries(sources: &[Source]) -> Vec<Entry<'_>> {
    let mut entries = Vec::new();
    for s in sources {
        let stem = std::path::Path::new(&s.file).file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let feed = matches!(s.doc, Document::Feed(_));
        for (i, brief) in s.doc.briefs().iter().enumerate() {
            let from_id = brief.id.as_deref().and_then(url_name);
            let from_file = || {
                let base = url_name(&stem).unwrap_or_else(|| "brief".into());
                if feed {
                    format!("{base}-{}", i + 1)
                } else {
                    base
                }
            };
            entries.push(Entry {
                file: &s.file,
                at: if feed { format!("[{i}]") } else { String::new() },
                brief,
                modified: s.modified.as_deref(),
                from_id: from_id.is_some(),
                name: from_id.unwrap_or_else(from_file),
            });
        }
    }
    entries
}

/// `s` in the characters a URL path and every file system keep as they
/// are (ASCII letters, digits, `-`, `_`, `.`): letters with accents lose
/// them (compatibility decomposition, then without the combining marks, so
/// `Ünïcödé` is `Unicode`, `ﬁle` is `file`, and both spellings of `café`
/// are `cafe`), each run of other characters is one `-`; without leading
/// dots (no hidden files, no `..`), trailing ones (which Windows drops) or
/// dashes at either end. `None` when nothing is left, or when the name is
/// one Windows keeps for a device (`CON`, `nul.txt`, `COM1`).
fn url_name(s: &str) -> Option<String> {
    let marks = CodePointMapData::<GeneralCategory>::new();
    let mut out = String::with_capacity(s.len());
    for c in DecomposingNormalizerBorrowed::new_nfkd().normalize(s).chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
            out.push(c);
        } else if marks.get(c) == GeneralCategory::NonspacingMark {
            // An accent of the letter before it.
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let name = out.trim_start_matches(['.', '-']).trim_end_matches(['.', '-']);
    Some(name.to_owned()).filter(|n| !n.is_empty() && !is_windows_device(n))
}

/// Whether Windows reads `name` as a device rather than a file, whatever
/// follows its first dot.
fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4 && (stem.starts_with("COM") || stem.starts_with("LPT")) && stem.ends_with(|c: char| c.is_ascii_digit()))
}

/// How many briefs the feeds carry, the newest: a reader polls a feed for
/// what is new, and every entry carries its card (10,000 briefs made a
/// 16 MB feed). The index lists every brief.
pub const FEED_ENTRIES: usize = 50;

/// The longest name a folder may have on the usual file systems (ext4,
/// APFS, NTFS): a page's name is ASCII, so its bytes are its characters.
const MAX_NAME_BYTES: usize = 255;

/// Every brief whose name is taken, by an earlier brief or by the site,
/// or too long to be a folder's.
fn check_names(entries: &[Entry], reserved: &[String]) -> Result<(), Vec<FileProblem>> {
    let mut taken: HashMap<String, &Entry> = HashMap::new();
    let mut problems = Vec::new();
    for e in entries {
        let key = e.name.to_lowercase();
        let path = if e.from_id { format!("{}.id", e.at).trim_start_matches('.').to_owned() } else { e.at.clone() };
        let whose = if e.from_id { "its id" } else { "its file name" };
        if e.name.len() > MAX_NAME_BYTES {
            let message = format!(
                "its page would be named by {} characters (from {whose}), more than a folder's name may have ({MAX_NAME_BYTES}); give the brief a shorter id",
                e.name.len()
            );
            problems.push(FileProblem { file: e.file.into(), problem: Problem::new(path, message) });
        } else if reserved.iter().any(|r| r.eq_ignore_ascii_case(&key)) {
            let message =
                format!("its page would be named \"{}\" (from {whose}), a name the site itself uses; give the brief another id", e.name);
            problems.push(FileProblem { file: e.file.into(), problem: Problem::new(path, message) });
        } else if let Some(first) = taken.get(&key) {
            let other = if first.at.is_empty() { first.file.to_owned() } else { format!("{} {}", first.file, first.at) };
            let message =
                format!("its page would be named \"{}\" (from {whose}), as is the page of {other}; give one of them another id", e.name);
            problems.push(FileProblem { file: e.file.into(), problem: Problem::new(path, message) });
        } else {
            taken.insert(key, e);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The brief's date for ordering: the instant it names (`09:30+02:00` is
/// before `08:00Z`), then the date as written.
fn date_key(b: &Brief) -> Option<(Option<i64>, &str)> {
    b.date.as_ref().map(|d| (feeds::instant(&feeds::rfc3339(d)), d.iso.as_str()))
}

fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.into()
    } else {
        format!("{url}/")
    }
}

fn text_file(path: String, text: String) -> File {
    File { path, bytes: text.into_bytes() }
}

fn json_file(path: String, value: &Value) -> File {
    // Serialising a Value into memory cannot fail.
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    File { path, bytes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_what_a_url_path_keeps() {
        assert_eq!(url_name("raisi-2023").as_deref(), Some("raisi-2023"));
        assert_eq!(url_name("a:b").as_deref(), Some("a-b"));
        assert_eq!(url_name("..").as_deref(), None);
        assert_eq!(url_name(".hidden").as_deref(), Some("hidden"));
        assert_eq!(url_name("گزارش").as_deref(), None);
        assert_eq!(url_name("my brief (2)").as_deref(), Some("my-brief-2"));
        assert_eq!(url_name("Ünïcödé Brief").as_deref(), Some("Unicode-Brief"));
        assert_eq!(url_name("caf\u{e9}"), url_name("cafe\u{301}"), "one name for both spellings");
        assert_eq!(url_name("café").as_deref(), Some("cafe"));
        assert_eq!(url_name("ﬁle").as_deref(), Some("file"));
        assert_eq!(url_name("résumé 2").as_deref(), Some("resume-2"));
        assert_eq!(url_name("a.b.").as_deref(), Some("a.b"));
        for device in ["CON", "nul.txt", "com1", "LPT9.x", "aux"] {
            assert_eq!(url_name(device), None, "{device}");
        }
        assert_eq!(url_name("console").as_deref(), Some("console"));
        assert_eq!(url_name("com10").as_deref(), Some("com10"));
    }

    #[test]
    fn briefs_are_ordered_by_the_instants_their_dates_name() {
        let brief = |date: &str| match crate::validate::load_default(&format!(r#"{{"title": "t", "date": "{date}"}}"#)) {
            Ok(Document::One(b)) => b,
            other => panic!("{other:?}"),
        };
        let (earlier, later) = (brief("2023-06-13T09:30:00+02:00"), brief("2023-06-13T08:00:00Z"));
        assert!(date_key(&earlier) < date_key(&later), "07:30Z is before 08:00Z");
        assert!(date_key(&brief("2023-06-12T23:00:00-05:00")) > date_key(&brief("2023-06-13")), "04:00Z on the 13th");
    }
}
