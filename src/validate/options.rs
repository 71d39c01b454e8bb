//! Rendering options, shared by the JS API (`options` objects) and the
//! command line (`--theme`, `--layout`, …). Invalid values are problems
//! with paths like `options.theme`, exactly like problems in a brief.

use super::labels::Labels;
use super::url_policy::{self, UrlUse};
use super::{Checker, Path, UrlSettings};
use crate::format::limits::{MAX_LANG_CHARS, MAX_URL_CHARS};
use crate::format::patterns::language_tag;
use crate::format::{self, Checked, Problem};

pub use crate::format::{Layout, LinkTarget, Theme};

/// How to render: theme, layout, locale, labels, links, and the output variant.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
    /// `renderBriefHtml` only: the live card in declarative shadow DOM, for
    /// server rendering ([`crate::render::declarative`]).
    pub declarative_shadow_dom: bool,
    /// Makes relative URLs absolute (`baseUrl`, `--base-url`); an absolute http(s) URL.
    pub base_url: Option<String>,
    /// The level of the card's title, 1 to 4 (`headingLevel`, `--heading-level`).
    pub heading_level: u8,
    /// The only origins images and logos may come from (`imageOrigins`); `None`: any.
    pub image_origins: Option<Vec<String>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            theme: Theme::Light,
            layout: Layout::Full,
            locale: None,
            labels: Labels::default(),
            link_target: LinkTarget::SelfTarget,
            shadow: true,
            email: false,
            declarative_shadow_dom: false,
            base_url: None,
            heading_level: 2,
            image_origins: None,
        }
    }
}

impl Options {
    /// How these options ask relative URLs to be treated.
    pub fn url_settings(&self) -> UrlSettings {
        UrlSettings {
            base: self.base_url.clone(),
            absolute_only: self.email,
            image_origins: self.image_origins.clone(),
            ..UrlSettings::default()
        }
    }
}

/// Validates an options object (absent or `null`: every default).
pub fn options(input: Checked<format::Options>) -> Result<Options, Vec<Problem>> {
    let urls = UrlSettings::default();
    let mut c = Checker::new(&urls);
    let root = Path::Root;
    let path = Path::Key(&root, "options");
    let mut o = Options::default();
    match input {
        Checked::Absent => {}
        Checked::Invalid(found) => c.wrong_type(&path, "an object", found),
        Checked::Valid(v) => read(&mut c, v, &path, &mut o),
    }
    c.finish(Some(o))
}

/// The fields of an options object, into `o` (the defaults where absent or invalid).
fn read(c: &mut Checker, v: format::Options, path: &Path, o: &mut Options) {
    let at = |key| Path::Key(path, key);
    let names = |all: &[&str]| all.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    choose(c, v.theme, &at("theme"), &names(&Theme::ALL.map(Theme::as_str)), &mut o.theme);
    choose(c, v.layout, &at("layout"), &names(&Layout::ALL.map(Layout::as_str)), &mut o.layout);
    choose(c, v.link_target, &at("linkTarget"), &names(&LinkTarget::ALL.map(LinkTarget::as_str)), &mut o.link_target);
    flag(c, v.shadow, &at("shadow"), &mut o.shadow);
    flag(c, v.email, &at("email"), &mut o.email);
    flag(c, v.declarative_shadow_dom, &at("declarativeShadowDom"), &mut o.declarative_shadow_dom);
    // A language tag, as a brief's `lang` is; `en_US` is read as `en-US`, as the command line reads it.
    if let Some(locale) = c.opt_code(v.locale, &at("locale"), MAX_LANG_CHARS).filter(|l| !l.trim().is_empty()) {
        o.locale = language_tag(&locale);
        if o.locale.is_none() {
            c.report(&at("locale"), "must be a BCP 47 language tag, e.g. \"en\" or \"pt-BR\"");
        }
    }
    if let Some(base) = c.opt_code(v.base_url, &at("baseUrl"), MAX_URL_CHARS) {
        match url_policy::check(&base, UrlUse::Resource) {
            Ok(u) if !url_policy::is_relative(&u) => o.base_url = Some(u),
            Ok(_) => c.report(&at("baseUrl"), "must be an absolute http(s) URL"),
            Err(p) => c.report(&at("baseUrl"), p.message()),
        }
    }
    o.labels = c.labels(v.labels, &at("labels"));
    match v.heading_level {
        None | Some(Checked::Absent) => {}
        Some(Checked::Valid(level @ 1..=4)) => o.heading_level = level,
        Some(_) => c.report(&at("headingLevel"), "must be 1, 2, 3 or 4"),
    }
    o.image_origins = image_origins(c, v.image_origins, &at("imageOrigins"));
    if o.declarative_shadow_dom {
        // The live card in its shadow root is neither an email nor a card in
        // the light DOM; and the element renders from its attributes and the
        // brief's JSON alone, so options it has no attribute for would make
        // its card differ.
        let conflicts = [
            (o.email, "email: true"),
            (!o.shadow, "shadow: false"),
            (!o.labels.0.is_empty(), "labels (give the words in the brief's own labels)"),
            (o.base_url.is_some(), "baseUrl (relative URLs stay relative, for the page to resolve)"),
        ];
        for (_, option) in conflicts.iter().filter(|(given, _)| *given) {
            c.report(&at("declarativeShadowDom"), format!("cannot be used with {option}"));
        }
    }
}

/// `imageOrigins`: each an http(s) origin, kept as the URL policy writes it
/// (lower-case scheme and host), without the path.
fn image_origins(c: &mut Checker, field: Option<Checked<Vec<Checked<String>>>>, path: &Path) -> Option<Vec<String>> {
    let list = c.optional(field, path)?;
    let mut origins = Vec::with_capacity(list.len());
    for (i, item) in list.into_iter().enumerate() {
        let at = Path::Index(path, i);
        let Some(raw) = c.item(item, &at) else { continue };
        match url_policy::check(&raw, UrlUse::Resource).map(|u| (url_policy::origin(&u).map(str::to_owned), u)) {
            Ok((Some(origin), url)) if url.len() == origin.len() + 1 => origins.push(origin),
            Ok(_) => c.report(&at, "must be an origin such as \"https://images.example\" (no path)"),
            Err(p) => c.report(&at, p.message()),
        }
    }
    Some(origins)
}

/// Sets `slot` to the value named, or reports the names allowed.
fn choose<T>(c: &mut Checker, field: Option<Checked<T>>, path: &Path, names: &str, slot: &mut T) {
    match field {
        None | Some(Checked::Absent) => {}
        Some(Checked::Valid(v)) => *slot = v,
        Some(Checked::Invalid(_)) => c.report(path, format!("must be one of {names}")),
    }
}

/// Sets `slot` to `true` or `false` as given.
fn flag(c: &mut Checker, field: Option<Checked<bool>>, path: &Path, slot: &mut bool) {
    match field {
        None | Some(Checked::Absent) => {}
        Some(Checked::Valid(b)) => *slot = b,
        Some(Checked::Invalid(_)) => c.report(path, "must be true or false"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::validate::labels::Label;
    use serde::Deserialize;

    fn parse(json: &str) -> Result<Options, Vec<Problem>> {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        options(Checked::deserialize(value).unwrap())
    }

    #[test]
    fn defaults_and_values() {
        assert_eq!(parse("null").unwrap(), Options::default());
        let o = parse(r#"{"theme":"dark","layout":"compact","linkTarget":"_blank","shadow":false,"locale":"fr","labels":{"tags":"Topics"},"other":1}"#).unwrap();
        assert_eq!((o.theme, o.layout, o.link_target, o.shadow), (Theme::Dark, Layout::Compact, LinkTarget::Blank, false));
        assert_eq!(o.locale.as_deref(), Some("fr"));
        assert_eq!(o.labels.get(Label::Tags), Some("Topics"));
    }

    #[test]
    fn a_locale_and_a_base_url_are_read_as_written() {
        // Codes, not text: a directional control in them is refused, not removed.
        assert!(parse(r#"{"locale":"\u202efa"}"#).is_err());
        assert!(parse(r#"{"baseUrl":"https://example.org/\u202e"}"#).unwrap().base_url.unwrap().contains("%E2%80%AE"));
        // As a brief's `url` and the command line's --base-url refuse it.
        assert!(parse(r#"{"baseUrl":"https://exa\u0085mple.org/"}"#).is_err());
    }

    #[test]
    fn every_name_of_every_choice_is_read() {
        let read = |key: &str, name: &str| parse(&format!("{{\"{key}\":\"{name}\"}}"));
        for theme in Theme::ALL {
            assert_eq!(read("theme", theme.as_str()).unwrap().theme, theme);
        }
        for layout in Layout::ALL {
            assert_eq!(read("layout", layout.as_str()).unwrap().layout, layout);
        }
        for target in LinkTarget::ALL {
            assert_eq!(read("linkTarget", target.as_str()).unwrap().link_target, target);
        }
        assert_eq!(read("theme", "neon").unwrap_err()[0].message, "must be one of \"light\", \"dark\", \"auto\"");
        assert_eq!(read("layout", "Full").unwrap_err()[0].message, "must be one of \"full\", \"compact\"");
        assert_eq!(read("linkTarget", "").unwrap_err()[0].message, "must be one of \"_self\", \"_blank\"");
        assert_eq!(parse(r#"{"theme":null,"layout":7}"#).unwrap_err().len(), 1);
    }

    #[test]
    fn shadow_and_email_take_true_or_false() {
        let o = parse(r#"{"shadow": false, "email": true}"#).unwrap();
        assert_eq!((o.shadow, o.email), (false, true));
        let o = parse(r#"{"shadow": null, "email": null}"#).unwrap();
        assert_eq!((o.shadow, o.email), (true, false));
        let lines: Vec<_> = parse(r#"{"email": 1, "shadow": "yes"}"#).unwrap_err().iter().map(Problem::to_string).collect();
        assert_eq!(lines, ["options.shadow: must be true or false", "options.email: must be true or false"]);
    }

    #[test]
    fn declarative_shadow_dom_is_neither_email_nor_light_dom() {
        assert!(parse(r#"{"declarativeShadowDom": true}"#).unwrap().declarative_shadow_dom);
        assert!(!parse(r#"{"declarativeShadowDom": null}"#).unwrap().declarative_shadow_dom);
        let lines = |json: &str| parse(json).unwrap_err().iter().map(Problem::to_string).collect::<Vec<_>>();
        assert_eq!(
            lines(r#"{"declarativeShadowDom": true, "email": true, "shadow": false}"#),
            [
                "options.declarativeShadowDom: cannot be used with email: true",
                "options.declarativeShadowDom: cannot be used with shadow: false",
            ]
        );
        assert_eq!(
            lines(r#"{"declarativeShadowDom": true, "labels": {"tags": "Topics"}, "baseUrl": "https://news.example/"}"#),
            [
                "options.declarativeShadowDom: cannot be used with labels (give the words in the brief's own labels)",
                "options.declarativeShadowDom: cannot be used with baseUrl (relative URLs stay relative, for the page to resolve)",
            ]
        );
        assert_eq!(lines(r#"{"declarativeShadowDom": "yes"}"#), ["options.declarativeShadowDom: must be true or false"]);
        assert!(parse(r#"{"declarativeShadowDom": false, "email": true}"#).is_ok());
    }

    #[test]
    fn a_locale_is_a_language_tag() {
        assert_eq!(parse(r#"{"locale": " en_US "}"#).unwrap().locale.as_deref(), Some("en-US"));
        for bad in ["!!", "x-private", "en--US", "e"] {
            let e = parse(&format!(r#"{{"locale": "{bad}"}}"#)).unwrap_err();
            assert_eq!(e[0].to_string(), "options.locale: must be a BCP 47 language tag, e.g. \"en\" or \"pt-BR\"", "{bad}");
        }
    }

    #[test]
    fn a_blank_locale_means_the_default() {
        let locale = |json: &str| parse(json).unwrap().locale;
        assert_eq!(locale(r#"{"locale": " \u3000"}"#), None);
        assert_eq!(locale(r#"{"locale": ""}"#), None);
        assert_eq!(locale(r#"{"locale": " fr "}"#).as_deref(), Some("fr"), "trimmed, as Intl would refuse it");
    }

    #[test]
    fn base_urls_must_be_absolute_http() {
        let base = |url: &str| parse(&format!("{{\"baseUrl\":\"{url}\"}}")).map(|o| o.base_url.unwrap_or_default());
        assert_eq!(base("https://example.org/news/").unwrap(), "https://example.org/news/");
        assert_eq!(base(" https://example.org/a b").unwrap(), "https://example.org/a%20b");
        let problem = |url: &str| base(url).unwrap_err().iter().map(Problem::to_string).collect::<Vec<_>>();
        assert_eq!(problem("/news/"), ["options.baseUrl: must be an absolute http(s) URL"]);
        assert_eq!(problem("javascript:alert(1)"), ["options.baseUrl: scheme \"javascript\" is not allowed"]);
        assert_eq!(problem(&"x".repeat(2049)), ["options.baseUrl: must be at most 2048 characters (has 2049)"]);
        assert_eq!(parse(r#"{"baseUrl":null}"#).unwrap().base_url, None);
    }

    #[test]
    fn heading_level_and_image_origins() {
        assert_eq!(parse(r#"{"headingLevel": 3}"#).unwrap().heading_level, 3);
        assert_eq!(parse("{}").unwrap().heading_level, 2);
        for bad in ["0", "5", "2.5", "\"3\""] {
            let e = parse(&format!("{{\"headingLevel\": {bad}}}")).unwrap_err();
            assert_eq!(e[0].to_string(), "options.headingLevel: must be 1, 2, 3 or 4", "{bad}");
        }
        let o = parse(r#"{"imageOrigins": ["HTTPS://Img.Example", "http://localhost:8080/", "https://cdn.example:443"]}"#).unwrap();
        assert_eq!(o.image_origins.unwrap(), ["https://img.example", "http://localhost:8080", "https://cdn.example"]);
        let lines: Vec<_> = parse(r#"{"imageOrigins": ["https://a.example/path", "javascript:x", 3]}"#)
            .unwrap_err()
            .iter()
            .map(Problem::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "options.imageOrigins[0]: must be an origin such as \"https://images.example\" (no path)",
                "options.imageOrigins[1]: scheme \"javascript\" is not allowed",
                "options.imageOrigins[2]: expected a string, found a number",
            ]
        );
    }

    #[test]
    fn bad_values_are_problems_with_paths() {
        let e = parse(r#"{"theme":"neon","linkTarget":"_top","shadow":"no","labels":{"tags":3}}"#).unwrap_err();
        let paths: Vec<_> = e.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["options.theme", "options.linkTarget", "options.shadow", "options.labels.tags"]);
        assert_eq!(e[0].message, "must be one of \"light\", \"dark\", \"auto\"");
        assert_eq!(parse("3").unwrap_err()[0].path, "options");
    }
}
