//! Size limits, enforced during validation with ordinary path-named problems.
//! They bound the work and memory any input can cost (a 5 MB brief or a
//! 100,000-item list is refused before anything is built) and are generous
//! for real briefs: the longest example is far inside every one of them.
//! Documented in the README ("Limits"); change both together.

/// Largest accepted input, in bytes of JSON text (UTF-8); also the most
/// text a JSON-LD document's `@id` references may copy in all.
pub const MAX_INPUT_BYTES: usize = 1_000_000;
/// Deepest accepted nesting of JSON arrays and objects. A brief needs 7
/// (feed › brief › sections › section › paragraphs › paragraph › run).
pub const MAX_DEPTH: usize = 16;
/// Longest text field (a paragraph run, a quote, a title…), in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Longest short field (title, kind, author, label, heading, id…), in characters.
pub const MAX_SHORT_CHARS: usize = 500;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 2_048;
/// Most briefs in a feed.
pub const MAX_FEED: usize = 100;
/// Most items in any list of a brief (paragraphs, quotes, sections, related, tags, runs).
pub const MAX_ITEMS: usize = 100;
/// Longest `lang` (and `locale` option), in characters.
pub const MAX_LANG_CHARS: usize = 35;
/// Longest `date`, in characters (before trimming white space).
pub const MAX_DATE_CHARS: usize = 64;
/// Largest `width` or `height` of an image, in CSS pixels.
pub const MAX_IMAGE_PIXELS: u32 = 100_000;
/// Most objects and arrays in a schema.org JSON-LD document (all its
/// scripts together). A publisher's page has a few dozen; the bound keeps a
/// hostile graph from costing more than reading a brief does.
pub const MAX_GRAPH_NODES: usize = 10_000;
/// Largest saved HTML page the command line reads JSON-LD from, in bytes
/// (the JSON of each script is still held to [`MAX_INPUT_BYTES`]).
pub const MAX_PAGE_BYTES: usize = 8_000_000;
