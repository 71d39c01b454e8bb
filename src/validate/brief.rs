//! What a brief must be, block by block: the readers from the format's
//! types to the validated model ([`super::model`]), and of a labels object
//! (which the options have too).

use super::checker::{Checker, Path};
use super::labels::{Label, Labels};
use super::model::*;
use super::url_policy::{self, UrlUse};
use crate::format::limits::{MAX_IMAGE_PIXELS, MAX_ITEMS, MAX_LANG_CHARS, MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::format::patterns::{is_anchor_id, is_language_tag};
use crate::format::{self, is_blank, Checked};

impl Checker<'_> {
    // Fields are read in the order written, which is the order of the problems.
    pub(super) fn brief(&mut self, b: format::Brief, path: &Path) -> Brief {
        let at = |key| Path::Key(path, key);
        if let Some(version) = b.version {
            if version != Checked::Valid(1.0) {
                self.report(&at("version"), "unsupported version (this renderer reads version 1)");
            }
        }
        let id = self.opt_code(b.id, &at("id"), MAX_SHORT_CHARS);
        if let Some(id) = &id {
            if !is_anchor_id(id) {
                self.report(&at("id"), "must be ASCII letters, digits, '-', '_', '.' or ':' (it is used as an anchor)");
            }
        }
        let kind = self.opt_string(b.kind, &at("kind"), MAX_SHORT_CHARS);
        // A headline longer than a title holds is no headline (a page's text
        // written there): refused, even from JSON-LD, rather than shown cut.
        let title = self.unshortened(|c| c.req_string(b.title, &at("title"), MAX_SHORT_CHARS));
        let date = self.opt_date(b.date, &at("date"));
        let updated = self.opt_date(b.updated, &at("updated"));
        let url = self.opt_url(b.url, &at("url"), UrlUse::Link);
        let outer_page = self.set_brief_page(url.clone().filter(|u| !url_policy::is_relative(u)));
        let lang = self.opt_lang(b.lang, &at("lang"));
        let dir = match b.dir {
            None | Some(Checked::Absent) => None,
            Some(Checked::Valid(dir)) => Some(dir),
            Some(Checked::Invalid(_)) => {
                self.report(&at("dir"), "must be \"ltr\", \"rtl\" or \"auto\"");
                None
            }
        };
        let lang = lang.unwrap_or_else(|| "en".into());
        let dir = dir.unwrap_or_else(|| Dir::of_lang(&lang));
        let publisher = self.optional(b.publisher, &at("publisher")).map(|p| self.publisher(p, &at("publisher")));
        let authors = self.list(b.authors, &at("authors"), Self::author);
        let image = self.optional(b.image, &at("image")).map(|i| self.image(i, &at("image")));
        // A summary of no paragraphs is no block: its heading over nothing would read as a broken card.
        let summary =
            self.optional(b.summary, &at("summary")).map(|s| self.summary(s, &at("summary"))).filter(|s| !s.paragraphs.is_empty());
        let quotes = self.list(b.quotes, &at("quotes"), Self::quote);
        let sections = self.list(b.sections, &at("sections"), Self::section);
        let related = self.list(b.related, &at("related"), Self::related);
        let tags = self.list(b.tags, &at("tags"), Self::tag);
        self.set_brief_page(outer_page);
        Brief {
            id,
            kind,
            title,
            date,
            updated,
            url,
            lang,
            dir,
            publisher,
            authors,
            image,
            summary,
            quotes,
            sections,
            related,
            tags,
            labels: self.labels(b.labels, &at("labels")),
        }
    }

    pub(super) fn publisher(&mut self, p: format::Publisher, path: &Path) -> Publisher {
        Publisher {
            name: self.req_string(p.name, &Path::Key(path, "name"), MAX_SHORT_CHARS),
            url: self.opt_url(p.url, &Path::Key(path, "url"), UrlUse::Link),
            logo: self.opt_url(p.logo, &Path::Key(path, "logo"), UrlUse::Resource),
        }
    }

    pub(super) fn author(&mut self, a: format::Author, path: &Path) -> Author {
        Author {
            name: self.req_string(a.name, &Path::Key(path, "name"), MAX_SHORT_CHARS),
            url: self.opt_url(a.url, &Path::Key(path, "url"), UrlUse::Link),
        }
    }

    /// `alt` may be `""`, for a decorative image, but must be given.
    pub(super) fn image(&mut self, i: format::Image, path: &Path) -> Image {
        let alt = Path::Key(path, "alt");
        Image {
            src: self.req_url(i.src, &Path::Key(path, "src"), UrlUse::Resource),
            alt: self
                .required(i.alt, &alt, "is required (use \"\" for a decorative image)")
                .and_then(|a| self.text(a, &alt, MAX_SHORT_CHARS, false))
                .unwrap_or_default(),
            caption: self.opt_string(i.caption, &Path::Key(path, "caption"), MAX_SHORT_CHARS),
            width: self.pixels(i.width, &Path::Key(path, "width")),
            height: self.pixels(i.height, &Path::Key(path, "height")),
        }
    }

    /// An image's `width` or `height`: a whole number of CSS pixels.
    pub(super) fn pixels(&mut self, field: Option<Checked<u32>>, path: &Path) -> Option<u32> {
        let n = self.optional(field, path)?;
        if (1..=MAX_IMAGE_PIXELS).contains(&n) {
            Some(n)
        } else {
            self.report(path, format!("must be from 1 to {MAX_IMAGE_PIXELS}"));
            None
        }
    }

    pub(super) fn summary(&mut self, s: format::Summary, path: &Path) -> Summary {
        Summary {
            heading: self.opt_string(s.heading, &Path::Key(path, "heading"), MAX_SHORT_CHARS),
            paragraphs: self.paragraphs(s.paragraphs, &Path::Key(path, "paragraphs")),
        }
    }

    pub(super) fn quote(&mut self, q: format::Quote, path: &Path) -> Quote {
        let text = Path::Key(path, "text");
        Quote {
            text: self.required(q.text, &text, "is required").map(|t| self.quote_text(t, &text)).unwrap_or_default(),
            author: self.req_string(q.author, &Path::Key(path, "author"), MAX_SHORT_CHARS),
            role: self.opt_string(q.role, &Path::Key(path, "role"), MAX_SHORT_CHARS),
            url: self.opt_url(q.url, &Path::Key(path, "url"), UrlUse::Link),
            lang: self.opt_lang(q.lang, &Path::Key(path, "lang")),
        }
    }

    /// A language tag (reported when it is none; kept either way, as the
    /// document is refused then).
    fn opt_lang(&mut self, field: Option<Checked<String>>, path: &Path) -> Option<String> {
        let lang = self.opt_code(field, path, MAX_LANG_CHARS);
        if lang.as_deref().is_some_and(|l| !is_language_tag(l)) {
            self.report(path, "must be a BCP 47 language tag, e.g. \"en\" or \"pt-BR\"");
        }
        lang
    }

    pub(super) fn section(&mut self, s: format::Section, path: &Path) -> Section {
        Section {
            heading: self.req_string(s.heading, &Path::Key(path, "heading"), MAX_SHORT_CHARS),
            paragraphs: self.paragraphs(s.paragraphs, &Path::Key(path, "paragraphs")),
        }
    }

    pub(super) fn related(&mut self, r: format::Related, path: &Path) -> Related {
        Related {
            title: self.req_string(r.title, &Path::Key(path, "title"), MAX_SHORT_CHARS),
            url: self.req_url(r.url, &Path::Key(path, "url"), UrlUse::Link),
            author: self.opt_string(r.author, &Path::Key(path, "author"), MAX_SHORT_CHARS),
            date: self.opt_date(r.date, &Path::Key(path, "date")),
            kind: self.opt_string(r.kind, &Path::Key(path, "kind"), MAX_SHORT_CHARS),
        }
    }

    pub(super) fn tag(&mut self, t: format::Tag, path: &Path) -> Tag {
        Tag {
            label: self.req_string(t.label, &Path::Key(path, "label"), MAX_SHORT_CHARS),
            url: self.opt_url(t.url, &Path::Key(path, "url"), UrlUse::Link),
        }
    }

    /// A block's paragraphs, less those that show nothing: an empty string
    /// a CMS wrote between two paragraphs is no paragraph, not an empty
    /// line under the block's heading.
    fn paragraphs(&mut self, field: Checked<Vec<Checked<format::Paragraph>>>, path: &Path) -> Vec<Paragraph> {
        let mut paragraphs = self.req_list(field, path, Self::paragraph);
        paragraphs.retain(|p| !shows_nothing(p));
        paragraphs
    }

    /// A quote's text, which is the quote: like a title, it must show something.
    fn quote_text(&mut self, p: format::Paragraph, path: &Path) -> Paragraph {
        let before = self.reported();
        let text = self.paragraph(p, path);
        // (Not when what it had was refused already, as too long, say.)
        if shows_nothing(&text) && self.reported() == before {
            self.report(path, "must not be empty");
        }
        text
    }

    /// A paragraph: a plain string (one plain run), or an array of runs.
    pub(super) fn paragraph(&mut self, p: format::Paragraph, path: &Path) -> Paragraph {
        match p {
            format::Paragraph::Text(s) => self.plain_run(s, path).into_iter().collect(),
            format::Paragraph::Runs(runs) if self.max_len(runs.len(), MAX_ITEMS, path) => {
                self.each(runs, path, Self::run).into_iter().flatten().collect()
            }
            format::Paragraph::Runs(_) => Vec::new(),
        }
    }

    pub(super) fn plain_run(&mut self, text: String, path: &Path) -> Option<Run> {
        let text = self.text(text, path, MAX_TEXT_CHARS, false)?;
        Some(Run { text, href: None, strong: false, em: false })
    }

    pub(super) fn run(&mut self, run: format::Run, path: &Path) -> Option<Run> {
        match run {
            format::Run::Text(s) => self.plain_run(s, path),
            format::Run::Styled(r) => {
                let text_at = Path::Key(path, "text");
                let text = self.required(r.text, &text_at, "is required").and_then(|t| self.text(t, &text_at, MAX_TEXT_CHARS, false));
                // A link of blank text is a link no reader can see or a screen reader name
                // (said whether or not its address is good, so both are told at once).
                let is_link = r.href.as_ref().is_some_and(|h| !matches!(h, Checked::Absent));
                let href = self.opt_url(r.href, &Path::Key(path, "href"), UrlUse::Link);
                if is_link && text.as_deref().is_some_and(is_blank) {
                    self.report(&text_at, "must not be empty (it is a link's text)");
                }
                Some(Run {
                    text: text.unwrap_or_default(),
                    href,
                    strong: self.opt_bool(r.strong, &Path::Key(path, "strong")),
                    em: self.opt_bool(r.em, &Path::Key(path, "em")),
                })
            }
        }
    }

    /// A labels object (of a brief, or of the options): each known key must be a string; blank ones keep the default.
    pub(crate) fn labels(&mut self, field: Option<Checked<format::Labels>>, path: &Path) -> Labels {
        let mut labels = Labels::default();
        let Some(l) = self.optional(field, path) else { return labels };
        for (key, value) in l.into_entries() {
            let Some(text) = self.opt_string(value, &Path::Key(path, key), MAX_SHORT_CHARS) else { continue };
            if let Some(label) = Label::of_key(key).filter(|_| !is_blank(&text)) {
                labels.0.push((label, text));
            }
        }
        labels
    }
}

/// Whether a paragraph shows nothing: no run of it has a visible character.
fn shows_nothing(paragraph: &Paragraph) -> bool {
    paragraph.iter().all(|run| is_blank(&run.text))
}
