//! The commands and their flags (clap's derive), and the checks of flag
//! values that clap reports as usage errors (exit status 2).

use std::path::PathBuf;

use brief_card::format::{self, Checked};
use brief_card::render::page;
use brief_card::validate::labels::Labels;
use brief_card::validate::options::{Layout, LinkTarget, Options, Theme};
use brief_card::validate::url_policy::{self, UrlUse};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use serde::Deserialize;

#[derive(Parser)]
#[command(
    name = "brief-card",
    version,
    about = "Render policy and news briefs (JSON, schema.org JSON-LD, or a saved page's JSON-LD) as static HTML: a fragment, an email-safe card or a standalone page.",
    after_help = "Exit status: 0 done, 1 bad input or unreadable/unwritable file, 2 bad usage."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Render a brief (or a feed) as an HTML fragment with inline styles
    Render {
        /// The email-safe variant: layout tables, plain colours, absolute URLs only (relative ones resolve against --base-url, else the brief's own url)
        #[arg(long)]
        email: bool,
        /// Server rendering: the live card as <brief-card> in declarative shadow DOM
        /// (<template shadowrootmode="open">), which the element upgrades with no flash
        #[arg(long, conflicts_with_all = ["email", "labels", "base_url"])]
        declarative_shadow_dom: bool,
        #[command(flatten)]
        render: RenderArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Render a whole standalone HTML page (metadata, JSON-LD, the card with its static fallback)
    Page {
        /// URL of the script defining <brief-card>, relative to the page
        #[arg(long, value_name = "URL", default_value = page::DEFAULT_SCRIPT, value_parser = script_url)]
        script: String,
        #[command(flatten)]
        render: RenderArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Make a folder of briefs into a site for any static host: a page, an embed page and
    /// oEmbed JSON per brief, an index, Atom and JSON feeds, a sitemap, and the element and wasm
    #[command(after_help = SITE_HELP)]
    Site {
        /// The folder of briefs (.json: a brief, a feed or JSON-LD) and saved pages (.html), subfolders included
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The folder to write: new, empty, or a site this command made earlier (its files replaced whole; any other file in it, such as a host's _headers, CNAME or favicon, is kept); through a symlink, the folder it points to
        #[arg(long, short, value_name = "OUT")]
        out: PathBuf,
        /// The absolute http(s) URL the site will be served from; every URL in it starts so
        #[arg(long, value_name = "URL", value_parser = base_url)]
        base_url: String,
        /// Who publishes the site: oEmbed's provider_name, the title of the index and feeds [default: the base URL's host]
        #[arg(long, value_name = "NAME", value_parser = provider_name)]
        provider_name: Option<String>,
        /// The built element and wasm: a folder holding brief-card.js and pkg/ (as `bash scripts/build.sh` leaves www/)
        #[arg(long, value_name = "DIR", default_value = "www")]
        assets: PathBuf,
        /// Colour theme of the cards
        #[arg(long, value_name = "THEME", default_value = "light", value_parser = choice(&Theme::ALL, Theme::as_str))]
        theme: Theme,
    },
    /// Print the oEmbed 1.0 JSON ("rich": an iframe of the embed page) for one brief published by `site`
    Oembed {
        /// The brief's page, as `site` publishes it: BASE/NAME/ (its embed page is BASE/NAME/embed.html)
        #[arg(long, value_name = "URL", value_parser = base_url)]
        url: String,
        /// The widest the embed may be, in CSS pixels
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        maxwidth: Option<u32>,
        /// The tallest the embed may be, in CSS pixels
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        maxheight: Option<u32>,
        /// oEmbed's provider_name [default: the URL's host]
        #[arg(long, value_name = "NAME", value_parser = provider_name)]
        provider_name: Option<String>,
        /// The brief (JSON), JSON-LD, or a saved HTML page; `-` reads standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Validate a brief: every problem on standard error, exit status 1 if any
    Check {
        /// Also require what email needs: absolute URLs (relative ones resolve against --base-url, else the brief's own url)
        #[arg(long)]
        email: bool,
        /// Resolve relative URLs against this absolute http(s) URL
        #[arg(long, value_name = "URL", value_parser = base_url)]
        base_url: Option<String>,
        /// The brief or feed (JSON), JSON-LD, or a saved HTML page; `-` reads standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Args)]
pub(crate) struct RenderArgs {
    /// Colour theme
    #[arg(long, value_name = "THEME", default_value = "light", value_parser = choice(&Theme::ALL, Theme::as_str))]
    theme: Theme,
    /// Full card, or title, date, summary and a link
    #[arg(long, value_name = "LAYOUT", default_value = "full", value_parser = choice(&Layout::ALL, Layout::as_str))]
    layout: Layout,
    /// Locale for dates (default: the brief's lang)
    #[arg(long, value_name = "TAG", value_parser = locale)]
    locale: Option<String>,
    /// Where links open; _blank links get rel="noopener noreferrer"
    #[arg(long, value_name = "TARGET", default_value = "_self", value_parser = choice(&LinkTarget::ALL, LinkTarget::as_str))]
    link_target: LinkTarget,
    /// Make relative URLs absolute against this absolute http(s) URL
    #[arg(long, value_name = "URL", value_parser = base_url)]
    base_url: Option<String>,
    /// The level of the card's title, 1 to 4 (block headings one below); default 2. `page` sets its own, whatever this says: 1 for one brief (its title is the page's h1), 2 for a feed's cards under the page's h1
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    heading_level: Option<u8>,
    /// The only origins images and logos may come from, as the `imageOrigins` option (default: any); several separated by commas, or the option repeated
    #[arg(long, value_name = "ORIGIN", value_delimiter = ',', value_parser = image_origin)]
    image_origins: Vec<String>,
    /// Words to use instead of the built-in ones, as the `labels` option:
    /// a JSON object, e.g. '{"summary":"What happened","readMore":"More"}'
    #[arg(long, value_name = "JSON", value_parser = labels)]
    labels: Option<Labels>,
    /// The brief or feed (JSON), JSON-LD, or a saved HTML page; `-` reads standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Args)]
pub(crate) struct Output {
    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// One of the values of an option (`Theme::ALL`, …), by its name.
fn choice<T: Copy + Send + Sync + 'static>(all: &'static [T], name: fn(T) -> &'static str) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(all.iter().map(|&v| name(v)))
        .try_map(move |given| all.iter().copied().find(|&v| name(v) == given).ok_or("not one of the possible values"))
}

/// `--base-url`: an absolute http(s) URL that the URL policy accepts.
fn base_url(raw: &str) -> Result<String, String> {
    let parsed = url::Url::parse(raw.trim()).map_err(|e| format!("not an absolute URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") || !parsed.has_host() {
        return Err("must be an absolute http(s) URL".into());
    }
    // A base is a place: every URL of a site starts with it, and a query or
    // fragment there would end up inside each of them.
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err("must have no query (?…) or fragment (#…)".into());
    }
    match url_policy::check(parsed.as_str(), UrlUse::Resource) {
        Ok(u) if !url_policy::is_relative(&u) => Ok(u),
        Ok(_) => Err("must be an absolute http(s) URL".into()),
        Err(p) => Err(p.message()),
    }
}

const SITE_HELP: &str = "Each brief gets a folder NAME/ (index.html, embed.html, oembed.json), NAME being its id, else its \
file's name (NAME-1, NAME-2… for the briefs of a feed file NAME.json that have no id). Relative URLs in briefs are read against --base-url. \
Bad input anywhere (or two briefs with one name) prints every problem and writes nothing.

In the feeds, a brief without a date is as new as its file (its modification time), so a rebuild leaves them as they were. \
SOURCE_DATE_EPOCH (seconds since 1970; reproducible builds) is the latest that time may be, and the build's own time where a \
file's is unknown: from a fresh checkout, whose files all have the checkout's time, set it to the last commit's \
(SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)).";

/// `--provider-name`: any text that is not blank.
fn provider_name(raw: &str) -> Result<String, String> {
    Some(raw.trim().to_owned()).filter(|n| !n.is_empty()).ok_or_else(|| "must not be blank".into())
}

/// The host of an absolute URL (already checked by [`base_url`]).
pub(crate) fn host(url: &str) -> String {
    url::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default()
}

/// `--script`: an http(s) URL or a relative reference.
fn script_url(raw: &str) -> Result<String, String> {
    url_policy::check(raw, UrlUse::Resource).map_err(|p| p.message())
}

/// `--labels`: a JSON object of words, read as the `labels` option is.
fn labels(raw: &str) -> Result<Labels, String> {
    let labels: serde_json::Value = serde_json::from_str(raw).map_err(|e| format!("invalid JSON: {e}"))?;
    let options = Checked::<format::Options>::deserialize(serde_json::json!({ "labels": labels })).map_err(|e| e.to_string())?;
    brief_card::validate::options(options)
        .map(|o| o.labels)
        .map_err(|problems| problems.iter().map(|p| p.to_string().replacen("options.labels", "labels", 1)).collect::<Vec<_>>().join("; "))
}

/// `--image-origins`: each an http(s) origin, read as the `imageOrigins` option reads one.
fn image_origin(raw: &str) -> Result<String, String> {
    let options = Checked::<format::Options>::deserialize(serde_json::json!({ "imageOrigins": [raw] })).map_err(|e| e.to_string())?;
    match brief_card::validate::options(options) {
        Ok(o) => o.image_origins.and_then(|origins| origins.into_iter().next()).ok_or_else(|| "must be an http(s) origin".into()),
        Err(problems) => Err(problems.iter().map(|p| p.message.clone()).collect::<Vec<_>>().join("; ")),
    }
}

/// `--locale`: a language tag such as `en`, `pt-BR` (`pt_BR`), read as the `locale` option reads one.
fn locale(raw: &str) -> Result<String, String> {
    brief_card::format::patterns::language_tag(raw).ok_or_else(|| "must be a language tag such as \"en\" or \"pt-BR\"".into())
}

pub(crate) fn options(r: &RenderArgs) -> Options {
    let mut o = Options::default();
    o.theme = r.theme;
    o.layout = r.layout;
    o.locale = r.locale.clone();
    o.link_target = r.link_target;
    o.base_url = r.base_url.clone();
    o.labels = r.labels.clone().unwrap_or_default();
    o.heading_level = r.heading_level.unwrap_or(o.heading_level);
    o.image_origins = Some(r.image_origins.clone()).filter(|origins| !origins.is_empty());
    o.shadow = false;
    o
}
