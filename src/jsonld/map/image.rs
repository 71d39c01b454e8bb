//! The `image` (and the publisher's `logo`): URLs, `ImageObject`s and their sizes.

use serde_json::Value;

use super::{too_long_an_address, Mapper};
use crate::format::limits::MAX_IMAGE_PIXELS;
use crate::format::{self, Checked};
use crate::jsonld::graph::{found, At};
use crate::jsonld::sources::key;

/// Where an `ImageObject` gives its address, best first: a thumbnail is
/// better than no image.
const IMAGE_ADDRESS: [&str; 3] = ["url", "contentUrl", "thumbnailUrl"];

impl<'a> Mapper<'_, 'a> {
    /// An image's address: a URL, or an `ImageObject`'s `url` (else
    /// `contentUrl`, else `thumbnailUrl`).
    pub(super) fn image_url(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        let first = at?.one()?;
        if !first.value.is_object() || first.value.get("@value").is_some() {
            return self.address(first, bp);
        }
        let node = self.node(&first)?;
        self.iri(node.first_of(&IMAGE_ADDRESS), bp)
    }

    /// `image`: a URL, or an `ImageObject`: its address (as for [`IMAGE_ADDRESS`]),
    /// `caption`, and the alternative text from `name`, else `caption`; an
    /// image with neither is decorative (`alt` is `""`).
    pub(super) fn image(&mut self, at: &At<'a>, bp: &str) -> Option<Checked<format::Image>> {
        self.sources.record(bp.to_owned(), &at.path);
        let decorative = || Some(Checked::Valid(String::new()));
        Some(match at.value {
            Value::String(src) if too_long_an_address(src) => return None,
            Value::String(src) => {
                self.sources.record(key(bp, "src"), &at.path);
                Checked::Valid(format::Image {
                    src: Checked::Valid(src.clone()),
                    alt: Checked::Valid(String::new()),
                    caption: None,
                    width: None,
                    height: None,
                })
            }
            Value::Object(_) => {
                let node = self.node(at)?;
                self.sources.record(bp.to_owned(), &node.path);
                // An image with no address to show it from is left out.
                let src = self.iri(node.first_of(&IMAGE_ADDRESS), key(bp, "src"))?;
                let alt = self.string(node.first_of(&["name", "caption"]), key(bp, "alt")).or_else(decorative).unwrap_or_default();
                let caption = self.string(node.get("caption"), key(bp, "caption"));
                let (width, height) = (self.pixels(node.get("width")), self.pixels(node.get("height")));
                Checked::Valid(format::Image { src, alt, caption, width, height })
            }
            other => Checked::Invalid(found(other)),
        })
    }

    /// An `ImageObject`'s `width` or `height`: a number, a numeric string
    /// (`"1200"`, `"1200px"`) or a `QuantitativeValue`'s `value`. Anything
    /// else, or a size outside 1 to [`MAX_IMAGE_PIXELS`], is left out rather
    /// than refused: it only keeps the image's space while it loads, and
    /// publishers write it loosely.
    fn pixels(&mut self, at: Option<At<'a>>) -> Option<Checked<u32>> {
        let mut first = at?.one()?;
        if first.value.is_object() {
            first = self.node(&first)?.first_of(&["value", "@value"])?.one()?;
        }
        let n: u64 = match first.value {
            Value::Number(n) => n.as_u64()?,
            Value::String(s) => {
                let s = s.trim();
                s.strip_suffix("px").unwrap_or(s).trim_end().parse().ok()?
            }
            _ => return None,
        };
        u32::try_from(n).ok().filter(|n| (1..=MAX_IMAGE_PIXELS).contains(n)).map(Checked::Valid)
    }
}
