//! Rendering options, shared by the JS API (`options` objects) and the
//! command line (`--theme`, `--layout`, …). Invalid values are problems
//! with paths like `options.theme`, exactly like problems in a brief.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::json::Value;
use crate::labels::Labels;
use crate::text::field;
use crate::validate::{Checker, Path, Problem};

/// The card's colour scheme (`theme`, `--theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light colours (the default).
    #[default]
    Light,
    /// Dark colours.
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

/// How much of a brief the card shows (`layout`, `--layout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Every block of the brief (the default).
    #[default]
    Full,
    /// Title, date, summary and a link: for sidebars and feeds.
    Compact,
}

/// Where the card's links open (`linkTarget`, `--link-target`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkTarget {
    /// The same tab (`_self`, the default).
    #[default]
    SelfTarget,
    /// New tab/window; such links also get `rel="noopener noreferrer"`.
    Blank,
}

/// How to render: theme, layout, locale, labels, links, and the output variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Colour scheme.
    pub theme: Theme,
    /// Full card or compact.
    pub layout: Layout,
    /// Locale for dates; default: the brief's `lang`.
    pub locale: Option<String>,
    /// Overrides of the fixed words; win over the brief's own `labels`.
    pub labels: Labels,
    /// Where links open.
    pub link_target: LinkTarget,
    /// Render into an open shadow root of the target (the default) or into its light DOM.
    pub shadow: bool,
    /// `renderBriefHtml` only: the email-safe variant (inline styles, tables).
    pub email: bool,
    /// Makes relative URLs absolute (`baseUrl`, `--base-url`); an absolute http(s) URL.
    pub base_url: Option<String>,
}

impl Default for Options {
    // Not inlined at its three uses in the module (-36 B gzip).
    #[inline(never)]
    fn default() -> Self {
        Options {
            theme: Theme::Light,
            layout: Layout::Full,
            locale: None,
            labels: Labels::default(),
            link_target: LinkTarget::SelfTarget,
            shadow: true,
            email: false,
            base_url: None,
        }
    }
}

impl Theme {
    /// Each accepted name with its theme.
    pub const NAMES: [(&'static str, Theme); 3] = [("light", Theme::Light), ("dark", Theme::Dark), ("auto", Theme::Auto)];
    /// The name of the theme (`light`, `dark` or `auto`), as in [`Theme::NAMES`].
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

impl Layout {
    /// Each accepted name with its layout.
    pub const NAMES: [(&'static str, Layout); 2] = [("full", Layout::Full), ("compact", Layout::Compact)];
    /// The name of the layout (`full` or `compact`), as in [`Layout::NAMES`].
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::Compact => "compact",
        }
    }
}

impl LinkTarget {
    /// Each accepted name (`_self`, `_blank`) with its link target.
    pub const NAMES: [(&'static str, LinkTarget); 2] = [("_self", LinkTarget::SelfTarget), ("_blank", LinkTarget::Blank)];
}

/// Looks `name` up in a table of allowed values.
pub fn pick<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Reads an options object (`undefined`/`null` mean all defaults).
pub fn parse(v: &Value) -> Result<Options, Vec<Problem>> {
    let mut c = Checker::default();
    let root = Path::Root;
    let path = Path::Key(&root, "options");
    let mut o = Options::default();
    match v {
        Value::Null => {}
        Value::Object(_) => read(&mut c, v, &path, &mut o),
        other => c.wrong_type(&path, "an object", other),
    }
    c.finish(Some(o))
}

/// The fields of an options object, into `o` (the defaults where absent or invalid).
/// Not inlined into `parse` (-53 B gzip), nor is `set_choice` into it
/// (-15 B more): a smaller module, for one call more per options object.
#[inline(never)]
fn read(c: &mut Checker, v: &Value, path: &Path, o: &mut Options) {
    set_choice(c, v, "theme", path, &Theme::NAMES, THEMES, &mut o.theme);
    set_choice(c, v, "layout", path, &Layout::NAMES, LAYOUTS, &mut o.layout);
    set_choice(c, v, "linkTarget", path, &LinkTarget::NAMES, LINK_TARGETS, &mut o.link_target);
    set_bool(c, v, "shadow", path, &mut o.shadow);
    set_bool(c, v, "email", path, &mut o.email);
    if let Some(locale) = c.opt_string(v, "locale", path, 35) {
        if !crate::text::is_blank(&locale) {
            o.locale = Some(locale);
        }
    }
    if let Some(base) = c.opt_str(v, "baseUrl", path, crate::limits::MAX_URL_CHARS) {
        match crate::url_policy::check(base, crate::url_policy::UrlUse::Resource) {
            Ok(u) if !crate::url_policy::is_relative(&u) => o.base_url = Some(u),
            Ok(_) => c.report(&Path::Key(path, "baseUrl"), "must be an absolute http(s) URL"),
            Err(p) => c.report(&Path::Key(path, "baseUrl"), p.message()),
        }
    }
    o.labels = c.labels(v, "labels", path);
}

/// Sets `slot` to `v[key]` if that is true or false. Inlined at its two
/// uses (-18 B gzip).
#[inline(always)]
fn set_bool(c: &mut Checker, v: &Value, key: &str, path: &Path, slot: &mut bool) {
    match v.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => *slot = *b,
        Some(_) => c.report(&Path::Key(path, key), "must be true or false"),
    }
}

/// Sets `slot` to the value named by `v[key]`, if it names one of `table`
/// (whose names `problem` lists). Not inlined: see `read`.
#[inline(never)]
fn set_choice<T: Copy>(c: &mut Checker, v: &Value, key: &str, path: &Path, table: &[(&str, T)], problem: &'static str, slot: &mut T) {
    if let Some((_, t)) = choice(c, v, key, path, problem).and_then(|i| table.get(i)) {
        *slot = *t;
    }
}

// The problems of each choice, which list its names in the order of its
// table (a test checks): [`choice`] finds the names in them, so they are
// not also kept as a table of strings, nor the message built when needed.
const THEMES: &str = "must be one of \"light\", \"dark\", \"auto\"";
const LAYOUTS: &str = "must be one of \"full\", \"compact\"";
const LINK_TARGETS: &str = "must be one of \"_self\", \"_blank\"";

/// The index of the name `v[key]` among the quoted names of `problem`;
/// `None` when absent, or when it is none of them (`problem` reported).
/// Not generic over the table, so one copy serves every choice.
fn choice(c: &mut Checker, v: &Value, key: &str, path: &Path, problem: &'static str) -> Option<usize> {
    let given = match v.get(key) {
        None | Some(Value::Null) => return None,
        Some(Value::String(s)) => Some(s.as_ref()),
        Some(_) => None,
    };
    // The names are every other piece between quotes: the 2nd, 4th, ….
    let mut i = 0;
    while let Some(name) = field(problem, b'"', 2 * i + 1) {
        if given == Some(name) {
            return Some(i);
        }
        i += 1;
    }
    c.report(&Path::Key(path, key), problem);
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse as json;

    #[test]
    fn defaults_and_values() {
        assert_eq!(parse(&Value::Null).unwrap(), Options::default());
        let o = parse(&json(r#"{"theme":"dark","layout":"compact","linkTarget":"_blank","shadow":false,"locale":"fr","labels":{"tags":"Topics"},"other":1}"#).unwrap()).unwrap();
        assert_eq!((o.theme, o.layout, o.link_target, o.shadow), (Theme::Dark, Layout::Compact, LinkTarget::Blank, false));
        assert_eq!(o.locale.as_deref(), Some("fr"));
        assert_eq!(o.labels.get(crate::labels::Label::Tags), Some("Topics"));
    }

    #[test]
    fn every_name_of_every_choice_is_read() {
        let read = |key: &str, name: &str| parse(&json(&["{\"", key, "\":\"", name, "\"}"].concat()).unwrap());
        for (name, theme) in Theme::NAMES {
            assert_eq!(read("theme", name).unwrap().theme, theme);
        }
        for (name, layout) in Layout::NAMES {
            assert_eq!(read("layout", name).unwrap().layout, layout);
        }
        for (name, target) in LinkTarget::NAMES {
            assert_eq!(read("linkTarget", name).unwrap().link_target, target);
        }
        assert_eq!(read("layout", "Full").unwrap_err()[0].message, "must be one of \"full\", \"compact\"");
        assert_eq!(read("linkTarget", "").unwrap_err()[0].message, "must be one of \"_self\", \"_blank\"");
        assert_eq!(parse(&json(r#"{"theme":null,"layout":7}"#).unwrap()).unwrap_err().len(), 1);
        // The problems list the names of the tables, in order.
        let listed = |problem: &str| problem.split('"').skip(1).step_by(2).map(String::from).collect::<Vec<_>>();
        assert_eq!(listed(THEMES), Theme::NAMES.map(|(n, _)| n));
        assert_eq!(listed(LAYOUTS), Layout::NAMES.map(|(n, _)| n));
        assert_eq!(listed(LINK_TARGETS), LinkTarget::NAMES.map(|(n, _)| n));
        for problem in [THEMES, LAYOUTS, LINK_TARGETS] {
            let names = listed(problem).iter().map(|n| ["\"", n, "\""].concat()).collect::<Vec<_>>();
            assert_eq!(problem, ["must be one of ", &names.join(", ")].concat());
        }
    }

    #[test]
    fn shadow_and_email_take_true_or_false() {
        let read = |text: &str| parse(&json(text).unwrap());
        let o = read(r#"{"shadow": false, "email": true}"#).unwrap();
        assert_eq!((o.shadow, o.email), (false, true));
        let o = read(r#"{"shadow": null, "email": null}"#).unwrap();
        assert_eq!((o.shadow, o.email), (true, false));
        let lines: Vec<_> = read(r#"{"email": 1, "shadow": "yes"}"#).unwrap_err().iter().map(Problem::line).collect();
        assert_eq!(lines, ["options.shadow: must be true or false", "options.email: must be true or false"]);
    }

    #[test]
    fn a_blank_locale_means_the_default() {
        let locale = |json: &str| parse(&crate::json::parse(json).unwrap()).unwrap().locale;
        assert_eq!(locale(r#"{"locale": " \u3000"}"#), None);
        assert_eq!(locale(r#"{"locale": ""}"#), None);
        assert_eq!(locale(r#"{"locale": " fr "}"#).as_deref(), Some(" fr "));
    }

    #[test]
    fn base_urls_must_be_absolute_http() {
        let base = |url: &str| parse(&json(&["{\"baseUrl\":\"", url, "\"}"].concat()).unwrap()).map(|o| o.base_url.unwrap_or_default());
        assert_eq!(base("https://example.org/news/").unwrap(), "https://example.org/news/");
        assert_eq!(base(" https://example.org/a b").unwrap(), "https://example.org/a%20b");
        let problem = |url: &str| base(url).unwrap_err().iter().map(Problem::line).collect::<Vec<_>>();
        assert_eq!(problem("/news/"), ["options.baseUrl: must be an absolute http(s) URL"]);
        assert_eq!(problem("javascript:alert(1)"), ["options.baseUrl: scheme \"javascript\" is not allowed"]);
        assert_eq!(problem(&"x".repeat(2049)), ["options.baseUrl: must be at most 2048 characters (has 2049)"]);
        assert_eq!(parse(&json(r#"{"baseUrl":null}"#).unwrap()).unwrap().base_url, None);
    }

    #[test]
    fn bad_values_are_problems_with_paths() {
        let e = parse(&json(r#"{"theme":"neon","linkTarget":"_top","shadow":"no","labels":{"tags":3}}"#).unwrap()).unwrap_err();
        let paths: Vec<_> = e.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["options.theme", "options.linkTarget", "options.shadow", "options.labels.tags"]);
        assert_eq!(e[0].message, "must be one of \"light\", \"dark\", \"auto\"");
        assert_eq!(parse(&Value::Number("3".into())).unwrap_err()[0].path, "options");
    }
}
