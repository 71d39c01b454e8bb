//! What each command does, from its parsed flags to its output.

use std::process::ExitCode;

use brief_card::render::site::{self, Embed};
use brief_card::render::{self, page};
use brief_card::validate::options::{Layout, Options, Theme};
use clap::Parser;

use crate::args::{host, options, Cli, Command};
use crate::failed::{fail, Failed};
use crate::input::{load, name};
use crate::output::{check_source_date_epoch, now_rfc3339, write_output};
use crate::publish;

/// Gmail clips a message whose HTML is longer than this (102 KB).
const GMAIL_CLIPS_AFTER: usize = 102 * 1024;

/// What a newsletter tool adds around the card (its template, tracking
/// links, the footer), at least: the card alone may be this much shorter
/// than the clipping point and still be clipped.
const ESP_MARKUP: usize = 12 * 1024;

pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failed) => ExitCode::from(1),
    }
}

fn run(cli: Cli) -> Result<(), Failed> {
    match cli.command {
        Command::Render { email, declarative_shadow_dom, render, output } => {
            let mut options = options(&render);
            options.email = email;
            if email && options.theme == Theme::Auto {
                eprintln!("brief-card: warning: email has no \"auto\" theme (inline styles cannot follow the reader's setting); the light one is written");
            } else if !declarative_shadow_dom && options.theme == Theme::Auto {
                eprintln!("brief-card: warning: static HTML has no \"auto\" theme (inline styles cannot follow the reader's setting); the light one is written, until a <brief-card theme=\"auto\"> upgrades it (--declarative-shadow-dom follows the setting)");
            }
            options.declarative_shadow_dom = declarative_shadow_dom;
            let doc = load(&render.file, &options)?;
            let html = render::html(&doc, &options);
            if email && html.len() > GMAIL_CLIPS_AFTER - ESP_MARKUP {
                eprintln!(
                    "brief-card: warning: the email is {} KB; Gmail shows about 102 KB of a message and puts the rest behind \"View entire message\" ({}make it shorter)",
                    html.len().div_ceil(1024),
                    if options.layout == Layout::Compact { "fewer briefs " } else { "fewer briefs, or --layout compact, " }
                );
            }
            write_output(output.out.as_deref(), &[&html, "\n"])
        }
        Command::Page { script, render, output } => {
            let options = options(&render);
            let doc = load(&render.file, &options)?;
            // Written all the same (a canonical link may be relative), but a
            // share preview would come without the page's address or image.
            for path in page::relative_for_previews(&doc) {
                eprintln!("brief-card: warning: {path} is relative, so the page's share preview cannot use it (give --base-url, or the brief an absolute url)");
            }
            write_output(output.out.as_deref(), &[&page::page_with_script(&doc, &options, &script)])
        }
        Command::Site { dir, out, base_url, provider_name, assets, theme } => {
            check_source_date_epoch().map_err(fail)?;
            let provider_name = provider_name.unwrap_or_else(|| host(&base_url));
            let mut settings = site::Settings::new(base_url.clone(), provider_name, now_rfc3339());
            settings.options.theme = theme;
            // Relative URLs in the briefs are read against the site: its
            // pages sit in folders, and feeds and oEmbed are read elsewhere.
            // The base names the site's folder, with or without its final
            // `/` (as its pages are placed), so `img.png` is read inside it.
            let folder = if base_url.ends_with('/') { base_url } else { format!("{base_url}/") };
            settings.options.base_url = Some(folder);
            settings.options.shadow = false;
            publish::site(&dir, &out, &assets, &settings)
        }
        Command::Oembed { url, maxwidth, maxheight, provider_name, file } => {
            let mut options = Options::default();
            options.base_url = Some(url.clone());
            let doc = load(&file, &options)?;
            let [brief] = doc.briefs() else {
                return Err(fail(format!("{} holds a feed of {} briefs; oembed takes one brief", name(&file), doc.briefs().len())));
            };
            let provider_url = site::provider_url(&url);
            let name = provider_name.unwrap_or_else(|| host(&url));
            let request = Embed { page_url: &url, provider_name: &name, provider_url: &provider_url, maxwidth, maxheight };
            let json = serde_json::to_string_pretty(&site::oembed(brief, &request)).unwrap_or_default();
            write_output(None, &[&json, "\n"])
        }
        Command::Check { email, base_url, file } => {
            let mut options = Options::default();
            options.email = email;
            options.base_url = base_url;
            load(&file, &options)?;
            write_output(None, &["ok\n"])
        }
    }
}
