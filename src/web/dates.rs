//! Dates in the reader's locale, through the browser's `Intl.DateTimeFormat`:
//! "June 13, 2023" in `en`, "13 de junio de 2023" in `es`. Display only: the
//! date was read (strictly, in Rust) by validation. Where `Intl` refuses the
//! locale, the built-in tables of `crate::render::dates` serve.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::validate::BriefDate;

thread_local! {
    /// One formatter per locale (`None` where Intl refused it): building a
    /// formatter costs far more than using it, and a page shows few locales.
    static FORMATTERS: RefCell<HashMap<String, Option<Intl::DateTimeFormat>>> = RefCell::default();
}

/// A page that cycles through more locales than this starts its cache afresh.
const MAX_LOCALES: usize = 64;

/// `Intl.DateTimeFormat(locale, {year: "numeric", month: "long", day: "numeric", timeZone: "UTC"})`,
/// or `None` where the locale is not one (the constructor throws a `RangeError`),
/// or is one the browser has no words for (`supportedLocalesOf` finds none):
/// it would write the date in its own default language (English in a Pashto
/// card, read by a screen reader in a Pashto voice), where the built-in
/// tables write the numbers.
fn new_formatter(locale: &str) -> Option<Intl::DateTimeFormat> {
    let options = Object::new();
    for (key, value) in [("year", "numeric"), ("month", "long"), ("day", "numeric"), ("timeZone", "UTC")] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    // Through Reflect rather than js-sys's typed `Intl` bindings, which
    // throw on a tag the browser refuses: here each step that fails is `None`.
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
    let supported: Function = Reflect::get(&constructor, &"supportedLocalesOf".into()).ok()?.dyn_into().ok()?;
    let found = supported.call1(&constructor, &JsValue::from_str(locale)).ok()?;
    if Array::from(&found).length() == 0 {
        return None;
    }
    // Through Reflect.construct, which reports the RangeError instead of throwing it.
    let formatter = Reflect::construct(&constructor, &Array::of2(&JsValue::from_str(locale), &options)).ok()?;
    Some(formatter.unchecked_into())
}

/// The formatter for `locale`, made at its first use.
fn formatter(locale: &str) -> Option<Intl::DateTimeFormat> {
    FORMATTERS.with(|cache| {
        let mut cache = cache.try_borrow_mut().ok()?;
        if let Some(f) = cache.get(locale) {
            return f.clone();
        }
        if cache.len() >= MAX_LOCALES {
            cache.clear();
        }
        let f = new_formatter(locale);
        cache.insert(locale.to_owned(), f.clone());
        f
    })
}

/// The calendar date as written, in `locale`: through `Intl`, else the built-in tables.
pub(super) fn format(d: &BriefDate, locale: &str) -> String {
    intl_format(d, locale).unwrap_or_else(|| crate::render::dates::builtin(d, locale))
}

fn intl_format(d: &BriefDate, locale: &str) -> Option<String> {
    let f = formatter(locale)?;
    // Noon UTC of the date as written, formatted in UTC: the same day in
    // every time zone. (setUTCFullYear, not Date.UTC, which reads years 0-99 as 19xx.)
    let date = Date::new_0();
    date.set_utc_full_year_with_month_date(u32::from(d.year), i32::from(d.month) - 1, i32::from(d.day));
    date.set_utc_hours(12);
    f.format().call1(&JsValue::UNDEFINED, &date).ok()?.as_string().filter(|s| !s.is_empty())
}
