//! `brief-card`, the command-line renderer:
//!
//! ```sh
//! brief-card render brief.json > card.html        # an HTML fragment; `-` reads standard input
//! brief-card render --email brief.json            # the email-safe variant
//! brief-card page brief.json > brief.html         # a whole standalone page
//! brief-card check brief.json                     # validate: problems on stderr, exit status 1 if any
//! brief-card render article.html                   # the card from a saved page's schema.org JSON-LD
//! brief-card site briefs/ --out public/ --base-url https://briefs.example.net/   # a whole site
//! brief-card oembed brief.json --url https://briefs.example.net/NAME/            # one brief's oEmbed JSON
//! ```
//!
//! Every command reads a brief or a feed, a schema.org JSON-LD document
//! (told apart by its `@context`), or a saved HTML page (text that starts
//! with `<`), whose `<script type="application/ld+json">` elements are read
//! as one graph.
//!
//! Exit status: 0 done, 1 bad input (every problem on standard error, one
//! `path: message` per line) or a file that cannot be read or written,
//! 2 bad usage. `--out FILE` is written atomically (a temporary file in the
//! same directory, then renamed), and not at all when the input is bad.
//! `site` does the same with a folder: the whole site is written into a
//! temporary folder beside `--out`, then renamed into place.
//!
//! The files: `commands` (what each command does), `args` (the commands
//! and their flags, through clap), `input` (reading a brief, a feed,
//! JSON-LD or a saved page), `output` (standard output, or a file written
//! atomically), `failed` (problems on standard error), `publish` (`site`'s folders). All of it is native only.
// No input or file may reach a panic: every failure is a message and an exit status.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice, clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod commands;
#[cfg(not(target_arch = "wasm32"))]
mod failed;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod publish;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    commands::main()
}
