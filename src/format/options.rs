//! The rendering options as the JavaScript API takes them (`options`
//! objects); the command line's flags are read into the same validated
//! [`crate::validate::Options`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checked::Checked;
use super::limits::{MAX_ITEMS, MAX_LANG_CHARS, MAX_URL_CHARS};
use super::Labels;

/// Rendering options of `renderBrief`, `renderBriefHtml` and `update`. Invalid
/// values are problems with paths like `options.theme`; `null` means the default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "BriefOptions")]
#[non_exhaustive]
pub struct Options {
    /// Colour theme; default `light`.
    pub theme: Option<Checked<Theme>>,
    /// `full` (default) or `compact` (header, first summary paragraph, link).
    pub layout: Option<Checked<Layout>>,
    /// BCP 47 locale for dates; default the brief's `lang`.
    #[schemars(length(max = MAX_LANG_CHARS))]
    pub locale: Option<Checked<String>>,
    /// Overrides of the fixed words; win over the brief's own `labels`.
    pub labels: Option<Checked<Labels>>,
    /// Where links open; `_blank` links get `rel="noopener noreferrer"`. Default `_self`.
    pub link_target: Option<Checked<LinkTarget>>,
    /// `true` (default): render into an open shadow root of the target; `false`: into its light DOM.
    pub shadow: Option<Checked<bool>>,
    /// `renderBriefHtml` only: the email-safe variant (inline styles, layout tables). Default `false`.
    pub email: Option<Checked<bool>>,
    /// `renderBriefHtml` only: the live card in declarative shadow DOM
    /// (`<brief-card><template shadowrootmode="open">…`) with its JSON, for
    /// server rendering: the element upgrades it with no flash. Not with
    /// `email`, `shadow: false`, `labels` or `baseUrl`. Default `false`.
    pub declarative_shadow_dom: Option<Checked<bool>>,
    /// An absolute http(s) URL that relative URLs resolve against (static HTML).
    #[schemars(length(max = MAX_URL_CHARS))]
    pub base_url: Option<Checked<String>>,
    /// The level of the card's title, `1` to `4` (default `2`): the title is
    /// `h{n}` and the block headings `h{n+1}`, to fit the host page's outline.
    #[schemars(range(min = 1, max = 4))]
    pub heading_level: Option<Checked<u8>>,
    /// The origins images and logos may come from (`https://images.example`);
    /// default: any. An image from elsewhere is a problem. Relative URLs are the host's own.
    #[schemars(length(max = MAX_ITEMS))]
    pub image_origins: Option<Checked<Vec<Checked<String>>>>,
}

/// `light`, `dark`, or `auto` (follows `prefers-color-scheme`).
#[allow(missing_docs)] // the values are named in the enum's doc; variant docs would change the schema
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

/// `full` or `compact`.
#[allow(missing_docs)] // the values are named in the enum's doc; variant docs would change the schema
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Layout {
    #[default]
    Full,
    Compact,
}

/// `_self` or `_blank`.
#[allow(missing_docs)] // the values are named in the enum's doc; variant docs would change the schema
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub enum LinkTarget {
    #[default]
    #[serde(rename = "_self")]
    SelfTarget,
    #[serde(rename = "_blank")]
    Blank,
}

impl Theme {
    /// Every theme, in the order the problems list them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// The theme's name: `light`, `dark` or `auto`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

impl Layout {
    /// Every layout, in the order the problems list them.
    pub const ALL: [Layout; 2] = [Layout::Full, Layout::Compact];

    /// The layout's name: `full` or `compact`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::Compact => "compact",
        }
    }
}

impl LinkTarget {
    /// Every link target, in the order the problems list them.
    pub const ALL: [LinkTarget; 2] = [LinkTarget::SelfTarget, LinkTarget::Blank];

    /// The target's name: `_self` or `_blank`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkTarget::SelfTarget => "_self",
            LinkTarget::Blank => "_blank",
        }
    }
}
