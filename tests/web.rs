//! The live card in a real browser (`wasm-pack test --headless --chrome`
//! and `--firefox`): every block of every example, options, events,
//! update/destroy, and bad input that leaves the host's content alone.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use brief_card::web::{render_brief, render_brief_html, validate_brief};
use js_sys::{Array, Function, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLES: &[(&str, &str)] = &[
    ("flash-brief", include_str!("../www/briefs/flash-brief.json")),
    ("resumen-es", include_str!("../www/briefs/resumen-es.json")),
    ("gozaresh-fa", include_str!("../www/briefs/gozaresh-fa.json")),
    ("minimal", include_str!("../www/briefs/minimal.json")),
    ("feed", include_str!("../www/briefs/feed.json")),
];

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element with some fallback content of its own.
fn host() -> Element {
    let el = document().create_element("div").unwrap();
    let fallback = document().create_element("p").unwrap();
    fallback.set_text_content(Some("host fallback"));
    el.append_child(&fallback).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn opts(text: &str) -> JsValue {
    json(text)
}

fn shadow(el: &Element) -> ShadowRoot {
    el.shadow_root().expect("rendered into a shadow root")
}

fn count(root: &ShadowRoot, css: &str) -> u32 {
    root.query_selector_all(css).unwrap().length()
}

fn text(root: &ShadowRoot, css: &str) -> String {
    root.query_selector(css).unwrap().unwrap_or_else(|| panic!("{css}")).text_content().unwrap_or_default()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

/// Collects `name` events dispatched on (or bubbling through) the document.
fn record(name: &str) -> Array {
    let seen = Array::new();
    let sink = seen.clone();
    let f = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        sink.push(&e);
    });
    document().add_event_listener_with_callback(name, f.as_ref().unchecked_ref()).unwrap();
    f.forget(); // test-only: one listener per recorded event name
    seen
}

#[wasm_bindgen_test]
fn every_block_of_every_example_appears() {
    for (name, src) in EXAMPLES {
        let el = host();
        let card = render_brief(el.clone().into(), json(src), JsValue::UNDEFINED).unwrap_or_else(|e| panic!("{name}: {:?}", e));
        let root = shadow(&el);
        let v = json(src);
        let briefs: Vec<JsValue> = if Array::is_array(&v) { Array::from(&v).to_vec() } else { vec![v] };
        assert_eq!(count(&root, "article"), briefs.len() as u32, "{name}");
        let all = root.text_content().unwrap_or_default();
        for b in &briefs {
            assert!(all.contains(&get(b, "title").as_string().unwrap()), "{name}: title");
            let summary = get(b, "summary");
            if !summary.is_undefined() {
                if let Some(p) = Array::from(&get(&summary, "paragraphs")).get(0).as_string() {
                    assert!(all.contains(&p), "{name}: summary");
                }
            }
        }
        let len = |b: &JsValue, k: &str| {
            let v = get(b, k);
            if v.is_undefined() {
                0
            } else {
                Array::from(&v).length()
            }
        };
        let sum = |k: &str| briefs.iter().map(|b| len(b, k)).sum::<u32>();
        assert_eq!(count(&root, "figure.bc-quote > blockquote"), sum("quotes"), "{name}: quotes");
        assert_eq!(count(&root, "section.bc-section"), sum("sections"), "{name}: sections");
        assert_eq!(count(&root, "nav.bc-related li"), sum("related"), "{name}: related");
        assert_eq!(count(&root, ".bc-tags li"), sum("tags"), "{name}: tags");
        assert_eq!(count(&root, "h2"), briefs.len() as u32);
        drop(card);
    }
}

#[wasm_bindgen_test]
fn the_flash_brief_reads_as_a_newsroom_card() {
    let el = host();
    let _card = render_brief(el.clone().into(), json(EXAMPLES[0].1), JsValue::UNDEFINED).unwrap();
    let root = shadow(&el);
    assert_eq!(text(&root, "header .bc-kind"), "Flash Brief");
    assert_eq!(text(&root, "header time"), "June 13, 2023");
    assert_eq!(root.query_selector("time").unwrap().unwrap().get_attribute("datetime").as_deref(), Some("2023-06-13"));
    assert_eq!(text(&root, ".bc-summary h3"), "Latest Developments");
    assert_eq!(text(&root, ".bc-quotes h3"), "Expert Analysis");
    assert_eq!(text(&root, "nav h3"), "Related Analysis");
    let nav = root.query_selector("nav").unwrap().unwrap();
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Related Analysis: Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries")
    );
    // The quote's "Copy link" is told apart from the card's by its author.
    let quote_copy = root.query_selector(".bc-quote button.bc-copy").unwrap().unwrap();
    let by = quote_copy.get_attribute("aria-describedby").expect("described");
    assert_eq!(root.get_element_by_id(&by).and_then(|a| a.text_content()).as_deref(), Some("Emanuele Ottolenghi"));
    // The card's own is described by its title, which names the card.
    let card_copy = root.query_selector("footer button.bc-copy").unwrap().unwrap();
    let title = |attr: &str, el: &Element| root.get_element_by_id(&el.get_attribute(attr).expect(attr)).and_then(|t| t.text_content());
    let raisi = Some("Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries".to_owned());
    assert_eq!(title("aria-describedby", &card_copy), raisi);
    assert_eq!(title("aria-labelledby", &root.query_selector("article").unwrap().unwrap()), raisi);
    assert_eq!(text(&root, ".bc-tags h3"), "Issues");
    assert_eq!(text(&root, "footer a.bc-read-more"), "Read the full brief");
    assert_eq!(
        count(&root, "[part~=card][part], [part=header], [part=summary], [part=quotes], [part=related], [part=tags], [part=footer]"),
        7
    );
    // The host's own children stay in the light DOM, untouched.
    assert_eq!(el.text_content().as_deref(), Some("host fallback"));
    // The stylesheet is adopted, not inlined.
    assert_eq!(count(&root, "style, [style]"), 0);
    assert_eq!(Array::from(&get(&root, "adoptedStyleSheets")).length(), 1);
}

#[wasm_bindgen_test]
fn options_theme_layout_locale_labels_link_target_and_light_dom() {
    let el = host();
    let _c = render_brief(
        el.clone().into(),
        json(EXAMPLES[0].1),
        opts(r#"{"theme":"dark","layout":"compact","locale":"es","linkTarget":"_blank","labels":{"summary":"Lo último"}}"#),
    )
    .unwrap();
    let root = shadow(&el);
    let article = root.query_selector("article").unwrap().unwrap();
    assert_eq!(article.get_attribute("class").as_deref(), Some("bc-card bc-dark bc-compact"));
    assert_eq!(text(&root, "time"), "13 de junio de 2023");
    assert_eq!(count(&root, ".bc-summary h3"), 0, "a compact card's summary has no heading");
    assert_eq!(count(&root, ".bc-summary p"), 1, "and only its first paragraph");
    assert_eq!(count(&root, ".bc-quotes, .bc-related"), 0);
    let links = root.query_selector_all("a").unwrap();
    for i in 0..links.length() {
        let a: Element = links.get(i).unwrap().dyn_into().unwrap();
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }

    let el = host();
    let _c = render_brief(
        el.clone().into(),
        json(r#"{"title":"t","tags":[{"label":"a"}],"date":"2024-01-05"}"#),
        opts(r#"{"labels":{"tags":"Topics"},"locale":"de-DE"}"#),
    )
    .unwrap();
    assert_eq!(text(&shadow(&el), ".bc-tags h3"), "Topics");
    assert_eq!(text(&shadow(&el), "time"), "5. Januar 2024");

    let el = host();
    let c = render_brief(el.clone().into(), json(EXAMPLES[3].1), opts(r#"{"shadow":false}"#)).unwrap();
    assert!(el.shadow_root().is_none());
    assert_eq!(el.query_selector("article h2").unwrap().unwrap().text_content().as_deref(), Some("A brief with nothing but a title"));
    assert!(el.text_content().unwrap().find("host fallback").is_none());
    c.destroy();
    assert_eq!(el.text_content().as_deref(), Some("host fallback"), "destroy puts the host's children back");
}

/// A light-DOM card "one", to whose target the page then adds its own
/// nodes, before and after the card.
fn light_card_with_page_nodes_beside() -> (Element, brief_card::web::BriefCard) {
    let el = host();
    let card = render_brief(el.clone().into(), json(r#"{"title":"one"}"#), opts(r#"{"shadow":false}"#)).unwrap();
    let (before, after) = (document().create_element("p").unwrap(), document().create_element("aside").unwrap());
    before.set_text_content(Some("page note"));
    after.set_text_content(Some("page comments"));
    el.prepend_with_node_1(&before).unwrap();
    el.append_child(&after).unwrap();
    (el, card)
}

/// The tags of `el`'s child elements, in order.
fn child_tags(el: &Element) -> Vec<String> {
    let nodes = el.child_nodes();
    (0..nodes.length()).filter_map(|i| nodes.get(i).unwrap().dyn_into::<Element>().ok()).map(|e| e.local_name()).collect()
}

#[wasm_bindgen_test]
fn what_a_page_script_puts_beside_a_light_dom_card_stays_through_updates_and_destroy() {
    let (el, card) = light_card_with_page_nodes_beside();
    let tags = || child_tags(&el);
    // An update of another structure builds the card anew, in the old one's place.
    card.update(json(r#"{"title":"two","quotes":[{"text":"q","author":"a"}]}"#)).unwrap();
    assert_eq!(tags(), ["p", "article", "aside"]);
    assert_eq!(el.query_selector("article h2").unwrap().unwrap().text_content().as_deref(), Some("two"));
    // destroy() puts back what the target had before the card, where the card was.
    card.destroy();
    assert_eq!(tags(), ["p", "p", "aside"]);
    assert_eq!(el.text_content().as_deref(), Some("page notehost fallbackpage comments"));
}

#[wasm_bindgen_test]
fn a_card_rendered_again_into_its_target_takes_the_old_ones_place() {
    let (el, _one) = light_card_with_page_nodes_beside();
    // The same target rendered again (other options, say): the page's nodes stay in view.
    let two = render_brief(el.clone().into(), json(r#"{"title":"two"}"#), opts(r#"{"shadow":false}"#)).unwrap();
    assert_eq!(child_tags(&el), ["p", "article", "aside"]);
    assert_eq!(titles(&el), ["two"]);
    two.destroy();
    assert_eq!(el.text_content().as_deref(), Some("page notehost fallbackpage comments"), "what the target had before the first card");
}

#[wasm_bindgen_test]
fn a_card_a_page_script_wrapped_is_not_left_behind() {
    let el = host();
    let card = render_brief(el.clone().into(), json(r#"{"title":"one"}"#), opts(r#"{"shadow":false}"#)).unwrap();
    // A page script wraps the card (a layout helper), still inside the target.
    let article = el.query_selector("article").unwrap().unwrap();
    let wrap = document().create_element("div").unwrap();
    el.insert_before(&wrap, Some(&article)).unwrap();
    wrap.append_child(&article).unwrap();
    card.update(json(r#"{"title":"two","quotes":[{"text":"q","author":"a"}]}"#)).unwrap();
    assert_eq!(el.query_selector_all("article").unwrap().length(), 1, "one card in the target after an update built anew");
    card.destroy();
    assert_eq!(el.query_selector_all("article").unwrap().length(), 0, "no card in the target after destroy()");
}

/// A card with its link focused, and a `focusout` listener on its target
/// that renders another card into it: taking the focused node out runs the
/// listener in the middle of the first card's update or destroy (in
/// Chromium; Firefox fires no `focusout` for a removed node: `None`).
fn with_a_render_on_focusout(el: &Element, act: impl FnOnce()) -> Option<brief_card::web::BriefCard> {
    el.query_selector("a").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().focus().unwrap();
    let second: std::rc::Rc<std::cell::RefCell<Option<brief_card::web::BriefCard>>> = Default::default();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new({
        let (el, second) = (el.clone(), second.clone());
        move |_: web_sys::Event| {
            if second.borrow().is_none() {
                let card = render_brief(el.clone().into(), json(r#"{"title":"nested"}"#), opts(r#"{"shadow":false}"#)).unwrap();
                *second.borrow_mut() = Some(card);
            }
        }
    });
    el.add_event_listener_with_callback("focusout", listener.as_ref().unchecked_ref()).unwrap();
    act();
    el.remove_event_listener_with_callback("focusout", listener.as_ref().unchecked_ref()).unwrap();
    let nested = second.borrow_mut().take();
    nested
}

const WITH_A_LINK: &str = r#""summary":{"paragraphs":[["x ",{"text":"a link","href":"https://example.org/"}]]}"#;

fn titles(el: &Element) -> Vec<String> {
    let list = el.query_selector_all("article h2").unwrap();
    (0..list.length()).map(|i| list.get(i).unwrap().text_content().unwrap()).collect()
}

#[wasm_bindgen_test]
fn a_card_rendered_by_the_page_while_another_is_destroyed_answers_its_handle() {
    let el = host();
    let first = render_brief(el.clone().into(), json(&format!(r#"{{"title":"one",{WITH_A_LINK}}}"#)), opts(r#"{"shadow":false}"#)).unwrap();
    let Some(nested) = with_a_render_on_focusout(&el, || first.destroy()) else { return };
    assert_eq!(titles(&el), ["nested"]);
    nested.update(json(r#"{"title":"three"}"#)).expect("the card on the page answers its handle");
    nested.destroy();
    assert_eq!(titles(&el), Vec::<String>::new(), "destroy() removes the card");
    assert_eq!(el.text_content().as_deref(), Some("host fallback"));
}

#[wasm_bindgen_test]
fn a_card_rendered_by_the_page_while_another_updates_anew_leaves_no_dead_card() {
    let el = host();
    let first = render_brief(el.clone().into(), json(&format!(r#"{{"title":"one",{WITH_A_LINK}}}"#)), opts(r#"{"shadow":false}"#)).unwrap();
    let update = || {
        // Another structure: built anew, the focused link's card taken out.
        let _ = first.update(json(&format!(r#"{{"title":"two",{WITH_A_LINK},"quotes":[{{"text":"q","author":"a"}}]}}"#)));
    };
    let Some(nested) = with_a_render_on_focusout(&el, update) else { return };
    nested.destroy();
    assert_eq!(titles(&el), Vec::<String>::new(), "no card is left once the last one is destroyed");
    assert_eq!(el.text_content().as_deref(), Some("host fallback"));
}

#[wasm_bindgen_test]
fn render_and_error_events_bubble_and_compose() {
    let renders = record("brief-card:render");
    let errors = record("brief-card:error");
    let el = host();
    let _c = render_brief(el.clone().into(), json(EXAMPLES[4].1), JsValue::UNDEFINED).unwrap();
    let e: web_sys::CustomEvent = renders.pop().dyn_into().unwrap();
    assert!(e.bubbles() && e.composed());
    assert!(get(&e.detail(), "count").as_f64().unwrap() > 1.0);
    let bad =
        render_brief(host().into(), json(r#"{"title":"t","related":[{"title":"x","url":"javascript:alert(1)"}]}"#), JsValue::UNDEFINED);
    assert!(bad.is_err());
    let e: web_sys::CustomEvent = errors.pop().dyn_into().unwrap();
    assert!(e.bubbles() && e.composed());
    assert_eq!(get(&Array::from(&get(&e.detail(), "problems")).get(0), "path").as_string().as_deref(), Some("related[0].url"));
}

#[wasm_bindgen_test]
fn following_a_link_reports_url_and_block() {
    let links = record("brief-card:link");
    // Keep the test page where it is: cancel the navigation through the event.
    let cancel = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    document().add_event_listener_with_callback("brief-card:link", cancel.as_ref().unchecked_ref()).unwrap();
    let el = host();
    let _c = render_brief(el.clone().into(), json(EXAMPLES[0].1), JsValue::UNDEFINED).unwrap();
    let a: web_sys::HtmlElement = shadow(&el).query_selector("nav a").unwrap().unwrap().dyn_into().unwrap();
    a.click();
    let e: web_sys::CustomEvent = links.pop().dyn_into().unwrap();
    assert_eq!(get(&e.detail(), "url").as_string().as_deref(), Some("https://example.org/analysis/venezuela-flying-to-moscow"));
    assert_eq!(get(&e.detail(), "block").as_string().as_deref(), Some("related"));
    document().remove_event_listener_with_callback("brief-card:link", cancel.as_ref().unchecked_ref()).unwrap();
}

#[wasm_bindgen_test]
fn a_middle_click_follows_a_link_too_and_other_buttons_do_nothing() {
    let links = record("brief-card:link");
    let cancel = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    document().add_event_listener_with_callback("brief-card:link", cancel.as_ref().unchecked_ref()).unwrap();
    let el = host();
    let _c = render_brief(el.clone().into(), json(EXAMPLES[0].1), JsValue::UNDEFINED).unwrap();
    let aux_click = |target: &Element, button: i16| {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_cancelable(true);
        init.set_button(button);
        let e = web_sys::MouseEvent::new_with_mouse_event_init_dict("auxclick", &init).unwrap();
        target.dispatch_event(&e).unwrap()
    };
    let a = shadow(&el).query_selector("nav a").unwrap().unwrap();
    assert!(!aux_click(&a, 1), "the host cancelled it, so the new tab does not open");
    let e: web_sys::CustomEvent = links.pop().dyn_into().unwrap();
    assert_eq!(get(&e.detail(), "block").as_string().as_deref(), Some("related"));
    aux_click(&a, 2);
    assert_eq!(links.length(), 0, "a right click opens the context menu, no link is followed");
    let copy = shadow(&el).query_selector("button.bc-copy").unwrap().unwrap();
    aux_click(&copy, 1);
    assert_eq!(copy.get_attribute("data-copied"), None, "a middle click on a button does nothing");
    document().remove_event_listener_with_callback("brief-card:link", cancel.as_ref().unchecked_ref()).unwrap();
}

#[wasm_bindgen_test]
fn long_blocks_collapse_behind_show_more() {
    let toggles = record("brief-card:toggle");
    let paragraphs: Vec<String> = (1..=8).map(|i| format!("\"Paragraph {i}\"")).collect();
    let brief = format!(r#"{{"id":"long","title":"t","sections":[{{"heading":"h","paragraphs":[{}]}}]}}"#, paragraphs.join(","));
    let el = host();
    let _c = render_brief(el.clone().into(), json(&brief), JsValue::UNDEFINED).unwrap();
    let root = shadow(&el);
    let button: web_sys::HtmlElement = root.query_selector("button.bc-toggle").unwrap().unwrap().dyn_into().unwrap();
    let region = root.query_selector(".bc-rest").unwrap().unwrap();
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(button.get_attribute("aria-controls"), region.get_attribute("id"));
    assert!(region.has_attribute("hidden"));
    button.click();
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!region.has_attribute("hidden"));
    assert_eq!(button.text_content().as_deref(), Some("Show less"));
    let e: web_sys::CustomEvent = toggles.pop().dyn_into().unwrap();
    assert_eq!(get(&e.detail(), "expanded").as_bool(), Some(true));
    assert_eq!(get(&e.detail(), "block").as_string().as_deref(), Some("section"));
}

/// Related links past the first few are hidden items of the one list (a
/// screen reader hears one list of seven, not a list of four and one of
/// three), which "Show more" controls.
#[wasm_bindgen_test]
fn long_related_lists_stay_one_list_behind_show_more() {
    let related: Vec<String> = (0..7).map(|i| format!(r#"{{"title":"R{i}","url":"https://e.example/{i}"}}"#)).collect();
    let el = host();
    let _c = render_brief(el.clone().into(), json(&format!(r#"{{"title":"T","related":[{}]}}"#, related.join(","))), JsValue::UNDEFINED)
        .unwrap();
    let root = shadow(&el);
    assert_eq!(count(&root, "[data-block=related] ul"), 1);
    assert_eq!((count(&root, "[data-block=related] li"), count(&root, "[data-block=related] li[hidden]")), (7, 3));
    let list = root.query_selector("[data-block=related] ul").unwrap().unwrap();
    let button: web_sys::HtmlElement = root.query_selector("[data-block=related] button.bc-toggle").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(button.get_attribute("aria-controls"), list.get_attribute("id"));
    button.click();
    assert_eq!(count(&root, "[data-block=related] li[hidden]"), 0);
    button.click();
    assert_eq!(count(&root, "[data-block=related] li[hidden]"), 3);
}

#[wasm_bindgen_test]
fn update_rerenders_in_place_and_destroy_shows_the_fallback_again() {
    let el = host();
    let card = render_brief(el.clone().into(), json(EXAMPLES[0].1), JsValue::UNDEFINED).unwrap();
    card.update(JsValue::from_str(r#"{"title":"Updated title"}"#)).unwrap();
    let root = shadow(&el);
    assert_eq!(text(&root, "h2"), "Updated title");
    assert_eq!(count(&root, "article"), 1);
    // A bad update throws and keeps the current card.
    assert!(card.update(json(r#"{"title":""}"#)).is_err());
    assert_eq!(text(&root, "h2"), "Updated title");
    card.destroy();
    assert_eq!(count(&root, "article"), 0);
    assert_eq!(count(&root, "slot"), 1, "the host's fallback is slotted back in");
    card.destroy(); // twice: harmless
    assert_eq!(count(&root, "slot"), 1);
    let e = card.update(json(EXAMPLES[3].1)).expect_err("a destroyed card stays destroyed");
    assert_eq!(get(&e, "message").as_string().as_deref(), Some("this card was destroyed"));
    let problems = Array::from(&get(&e, "problems"));
    assert_eq!(problems.length(), 1);
    assert_eq!(get(&problems.get(0), "path").as_string().as_deref(), Some(""));
    assert_eq!(get(&problems.get(0), "message").as_string().as_deref(), Some("this card was destroyed"));
    assert_eq!(count(&root, "article"), 0, "nor does the refused update show anything");
    // What is no card is refused the same way (`update` called with another `this`).
    let update: Function = Reflect::get(&JsValue::from(card), &"update".into()).unwrap().unchecked_into();
    assert!(update.call1(&Object::new(), &json(EXAMPLES[3].1)).is_err());
    assert!(update.call1(&JsValue::UNDEFINED, &json(EXAMPLES[3].1)).is_err());
    // The same host can hold a new card.
    let _again = render_brief(el.clone().into(), json(EXAMPLES[3].1), JsValue::UNDEFINED).unwrap();
    assert_eq!(count(&shadow(&el), "article"), 1);
}

#[wasm_bindgen_test]
fn a_shadow_root_of_the_hosts_own_gets_its_content_and_sheets_back() {
    let el = host();
    let root = el.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    root.set_inner_html("<p id=\"own\">host shadow content</p>");
    let card = render_brief(el.clone().into(), json(EXAMPLES[3].1), JsValue::UNDEFINED).unwrap();
    assert_eq!(count(&root, "article"), 1);
    assert_eq!(count(&root, "#own"), 0);
    assert_eq!(root.adopted_style_sheets().length(), 1, "the card's sheet");
    card.destroy();
    assert_eq!(root.inner_html(), "<p id=\"own\">host shadow content</p>", "what the host had, as it was");
    assert_eq!(root.adopted_style_sheets().length(), 0, "the card's :host rules no longer style the host");
}

#[wasm_bindgen_test]
fn a_card_rendered_into_a_target_again_takes_the_older_ones_place_and_its_handle_lets_go() {
    for shadowed in [true, false] {
        let el = host();
        let options = if shadowed { JsValue::UNDEFINED } else { opts(r#"{"shadow":false}"#) };
        let shown = |el: &Element| if shadowed { shadow(el).inner_html() } else { el.inner_html() };
        let a = render_brief(el.clone().into(), json(r#"{"title":"A"}"#), options.clone()).unwrap();
        let b = render_brief(el.clone().into(), json(r#"{"title":"B"}"#), options.clone()).unwrap();
        assert!(shown(&el).contains(">B</h2>") && !shown(&el).contains(">A</h2>"), "{}", shown(&el));
        // The older handle touches the target no more: not its update…
        let e = a.update(json(r#"{"title":"A again"}"#)).expect_err("A's place is taken");
        assert_eq!(get(&e, "message").as_string().as_deref(), Some("another card has taken this card's place in its target"));
        // …nor its destroy.
        a.destroy();
        assert!(shown(&el).contains(">B</h2>"), "B stays: {}", shown(&el));
        b.update(json(r#"{"title":"B2"}"#)).unwrap();
        assert!(shown(&el).contains(">B2</h2>"));
        // B puts back what the host had before A, not A.
        b.destroy();
        assert!(!shown(&el).contains("<article"), "{}", shown(&el));
        assert_eq!(el.inner_html(), "<p>host fallback</p>");
        if shadowed {
            assert_eq!(shadow(&el).inner_html(), "<slot></slot>");
        }
    }
}

#[wasm_bindgen_test]
fn an_update_keeps_the_options_as_they_were_when_the_card_was_rendered() {
    let el = host();
    let options = opts(r#"{"theme":"dark","labels":{"tags":"Topics"}}"#);
    let card = render_brief(el.clone().into(), json(r#"{"title":"t","tags":[{"label":"a"}]}"#), options.clone()).unwrap();
    // The host changes (and empties) its options object after rendering: the card's updates do not see it.
    Reflect::set(&options, &"theme".into(), &"light".into()).unwrap();
    Reflect::set(&get(&options, "labels"), &"tags".into(), &"Changed".into()).unwrap();
    Reflect::set(&options, &"shadow".into(), &false.into()).unwrap();
    card.update(json(r#"{"title":"u","tags":[{"label":"b"}]}"#)).unwrap();
    let root = shadow(&el);
    assert_eq!(text(&root, "h2"), "u");
    assert!(root.query_selector("article").unwrap().unwrap().class_list().contains("bc-dark"));
    assert_eq!(text(&root, ".bc-tags h3"), "Topics");
    // A structure change (a rebuild) keeps them too; no options at all are the defaults.
    card.update(json(r#"{"title":"v","summary":{"paragraphs":["p"]},"tags":[{"label":"c"}]}"#)).unwrap();
    assert!(root.query_selector("article").unwrap().unwrap().class_list().contains("bc-dark"));
    assert_eq!(text(&root, ".bc-tags h3"), "Topics");
    let plain = host();
    let card = render_brief(plain.clone().into(), json(r#"{"title":"t"}"#), JsValue::NULL).unwrap();
    card.update(json(r#"{"title":"t2","tags":[{"label":"a"}]}"#)).unwrap();
    assert_eq!(text(&shadow(&plain), ".bc-tags h3"), "Issues");
}

#[wasm_bindgen_test]
fn an_update_of_the_text_only_patches_in_place_and_keeps_what_the_reader_expanded() {
    let paragraphs: Vec<String> = (1..=8).map(|i| format!("\"Paragraph {i}\"")).collect();
    let brief = |title: &str, tags: &str| {
        format!(r#"{{"title":"{title}","sections":[{{"heading":"h","paragraphs":[{}]}}]{tags}}}"#, paragraphs.join(","))
    };
    let el = host();
    let card = render_brief(el.clone().into(), json(&brief("First", "")), JsValue::UNDEFINED).unwrap();
    let root = shadow(&el);
    let article = root.query_selector("article").unwrap().unwrap();
    let button: web_sys::HtmlElement = root.query_selector("button.bc-toggle").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    button.focus().unwrap();

    // A page translator wraps text in <font>: the patch still writes the title.
    let h2 = root.query_selector("h2").unwrap().unwrap();
    let font = document().create_element("font").unwrap();
    font.set_text_content(Some("Premier"));
    h2.set_text_content(None);
    h2.append_child(&font).unwrap();

    // Only the title changed: the same nodes, patched; the reader's state stays.
    card.update(json(&brief("Second <b>", ""))).unwrap();
    assert!(root.query_selector("article").unwrap().unwrap().is_same_node(Some(&article)), "patched in place, not rebuilt");
    assert_eq!(text(&root, "h2"), "Second <b>");
    assert_eq!(count(&root, "h2 b"), 0, "text stays text");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"), "still expanded");
    assert!(root.active_element().is_some_and(|a| a.is_same_node(Some(&button))), "focus stays");

    // Another structure (a tags block): built anew, as a fresh render that the
    // reader expanded the same way, with focus on the same button.
    let with_tags = brief("Third", r#","tags":[{"label":"x"}]"#);
    card.update(json(&with_tags)).unwrap();
    assert!(!root.query_selector("article").unwrap().unwrap().is_same_node(Some(&article)), "rebuilt");
    let rebuilt = root.query_selector("button.bc-toggle").unwrap().unwrap();
    assert_eq!(rebuilt.get_attribute("aria-expanded").as_deref(), Some("true"), "still expanded");
    assert!(root.active_element().is_some_and(|a| a.is_same_node(Some(&rebuilt))), "focus on the same button");
    let expanded_fresh = |brief: &str| {
        let fresh = host();
        let _f = render_brief(fresh.clone().into(), json(brief), JsValue::UNDEFINED).unwrap();
        shadow(&fresh).query_selector("button.bc-toggle").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
        shadow(&fresh).inner_html()
    };
    assert_eq!(root.inner_html(), expanded_fresh(&with_tags));

    // And patched again from there: a patch gives what a fresh render gives.
    let renamed = brief("Fourth", r#","tags":[{"label":"y"}]"#);
    card.update(json(&renamed)).unwrap();
    assert_eq!(root.inner_html(), expanded_fresh(&renamed));

    // New words for the buttons, patched in place: the expanded block's
    // button says the new "Show less", not the new "Show more".
    let article = root.query_selector("article").unwrap().unwrap();
    let reworded = brief("Fourth", r#","tags":[{"label":"y"}],"labels":{"showMore":"Plus","showLess":"Moins"}"#);
    card.update(json(&reworded)).unwrap();
    assert!(root.query_selector("article").unwrap().unwrap().is_same_node(Some(&article)), "patched in place");
    assert_eq!(text(&root, "button.bc-toggle"), "Moins");
    assert_eq!(root.inner_html(), expanded_fresh(&reworded));
}

#[wasm_bindgen_test]
fn focus_whose_element_an_update_removes_goes_to_the_nearest_one_left() {
    // An accessibility audit: focus fell to the page's body (WCAG 2.4.3).
    let related = |n: usize| (0..n).map(|i| format!(r#"{{"title":"R{i}","url":"https://e.example/{i}"}}"#)).collect::<Vec<_>>().join(",");
    let brief =
        |paragraphs: &str, n: usize| format!(r#"{{"title":"T","summary":{{"paragraphs":[{paragraphs}]}},"related":[{}]}}"#, related(n));
    let six = r#""P0","P1","P2","P3","P4","P5""#;
    let el = host();
    let card = render_brief(el.clone().into(), json(&brief(six, 7)), JsValue::UNDEFINED).unwrap();
    let root = shadow(&el);
    let focus = |sel: &str| root.query_selector(sel).unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap();
    focus("[data-block=related] button.bc-toggle").click();
    focus("a[href='https://e.example/6']").focus().unwrap();
    // The seventh related link is gone: the sixth, the last one left, has focus.
    card.update(json(&brief(six, 6))).unwrap();
    assert!(root.active_element().is_some_and(|a| a.get_attribute("href").as_deref() == Some("https://e.example/5")), "the last link left");
    // The summary's "Show more" is gone: its block's first link or button, else the card's.
    focus("[data-block=summary] button.bc-toggle").focus().unwrap();
    card.update(json(&brief(r#""P0","P1""#, 6))).unwrap();
    let focused = root.active_element().expect("focus stays in the card");
    assert!(focused.closest("article").unwrap().is_some(), "{}", focused.outer_html());
}

#[wasm_bindgen_test]
fn a_card_built_anew_keeps_the_readers_place_block_by_block() {
    // What an outside check found: expanded blocks and focus were lost when an
    // update changed anything but text (here, one more tag).
    let related: Vec<String> = (0..7).map(|i| format!(r#"{{"title":"R{i}","url":"https://e.example/{i}"}}"#)).collect();
    let brief = |tags: &str| {
        format!(
            r#"{{"title":"T","summary":{{"paragraphs":["P0","P1","P2","P3","P4","P5"]}},"related":[{}],"tags":[{tags}]}}"#,
            related.join(",")
        )
    };
    let el = host();
    let card = render_brief(el.clone().into(), json(&brief(r#"{"label":"a"}"#)), JsValue::UNDEFINED).unwrap();
    let root = shadow(&el);
    let toggles = root.query_selector_all("button.bc-toggle").unwrap();
    assert!(toggles.length() >= 2, "the summary and the related links collapse");
    for i in 0..toggles.length() {
        toggles.get(i).unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    }
    let link = |root: &ShadowRoot| root.query_selector("a[href='https://e.example/3']").unwrap().unwrap();
    link(&root).dyn_into::<web_sys::HtmlElement>().unwrap().focus().unwrap();

    card.update(json(&brief(r#"{"label":"a"},{"label":"b"}"#))).unwrap();
    assert_eq!(count(&root, "[data-block=tags] li"), 2, "rebuilt with two tags");
    assert_eq!(count(&root, "button.bc-toggle[aria-expanded=true]"), toggles.length(), "every block still expanded");
    assert_eq!(count(&root, ".bc-rest[hidden], .bc-more[hidden]"), 0);
    assert!(root.active_element().is_some_and(|a| a.is_same_node(Some(&link(&root)))), "focus on the same link");

    // A card rendered into the same target (for the element's new attribute)
    // keeps it too.
    let fresh = host();
    let first = render_brief(fresh.clone().into(), json(&brief("")), JsValue::UNDEFINED).unwrap();
    let fresh_root = shadow(&fresh);
    fresh_root.query_selector_all("button.bc-toggle").unwrap().get(1).unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    link(&fresh_root).dyn_into::<web_sys::HtmlElement>().unwrap().focus().unwrap();
    let _second = render_brief(fresh.clone().into(), json(&brief("")), opts(r#"{"theme":"dark"}"#)).unwrap();
    assert!(fresh_root.active_element().is_some_and(|a| a.is_same_node(Some(&link(&fresh_root)))), "focus kept across a re-render");
    drop(first);
}

#[wasm_bindgen_test]
fn a_card_destroyed_by_a_listener_while_it_updates_is_destroyed() {
    // The update gives the reader's focus back, which runs the host's focusin
    // listeners; one that destroys the card must not be ignored.
    let brief = |tags: &str| format!(r#"{{"title":"T","related":[{{"title":"R","url":"https://e.example/r"}}],"tags":[{tags}]}}"#);
    let el = host();
    let card = std::rc::Rc::new(render_brief(el.clone().into(), json(&brief(r#"{"label":"a"}"#)), JsValue::UNDEFINED).unwrap());
    let root = shadow(&el);
    root.query_selector("a[href='https://e.example/r']").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().focus().unwrap();
    let handle = card.clone();
    let destroy = Closure::<dyn Fn()>::new(move || handle.destroy());
    el.add_event_listener_with_callback("focusin", destroy.as_ref().unchecked_ref()).unwrap();
    let rendered = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = rendered.clone();
    let on_render = Closure::<dyn Fn()>::new(move || seen.set(seen.get() + 1));
    el.add_event_listener_with_callback("brief-card:render", on_render.as_ref().unchecked_ref()).unwrap();

    card.update(json(&brief(r#"{"label":"a"},{"label":"b"}"#))).unwrap();
    assert_eq!(count(&root, ".bc-card"), 0, "the card is gone");
    assert_eq!(rendered.get(), 0, "and no render is told of");
    assert!(card.update(json(&brief(""))).is_err(), "a destroyed card updates no more");
    el.remove_event_listener_with_callback("focusin", destroy.as_ref().unchecked_ref()).unwrap();
}

/// A brief with every block, an image and a logo, whose every string ends in `mark`.
fn every_block(mark: &str) -> String {
    format!(
        r#"{{"id":"b-{mark}","kind":"Flash {mark}","date":"2023-06-1{n}","title":"Title {mark}","url":"https://example.org/{mark}",
        "publisher":{{"name":"Pub {mark}","url":"https://example.org/p/{mark}","logo":"https://example.org/{mark}.png"}},
        "image":{{"src":"https://example.org/i/{mark}.jpg","alt":"Alt {mark}","caption":"Cap {mark}"}},
        "summary":{{"paragraphs":["Sum {mark}",["a ",{{"text":"link {mark}","href":"https://example.org/l/{mark}"}}]]}},
        "quotes":[{{"text":"Quote {mark}","author":"Au {mark}","role":"Role {mark}"}}],
        "sections":[{{"heading":"Head {mark}","paragraphs":["P1 {mark}","P2 {mark}","P3 {mark}","P4 {mark}"]}}],
        "related":[{{"title":"Rel {mark}","url":"https://example.org/r/{mark}"}}],"tags":[{{"label":"Tag {mark}"}}]}}"#,
        n = mark.len() % 10
    )
}

#[wasm_bindgen_test]
fn a_card_cloned_from_an_earlier_card_of_its_structure_is_what_a_fresh_build_is() {
    // The second card of a structure is built node by node and kept as a
    // template (per document); the next are clones of it with their own strings.
    let zeroth = host();
    let _z = render_brief(zeroth.clone().into(), json(&every_block("qqzero")), JsValue::UNDEFINED).unwrap();
    let first = host();
    let _a = render_brief(first.clone().into(), json(&every_block("qqone")), JsValue::UNDEFINED).unwrap();
    // What a host script does to a card on the page does not reach the template.
    let root = shadow(&first);
    root.query_selector("h2").unwrap().unwrap().set_text_content(Some("changed by the page"));
    root.query_selector("article").unwrap().unwrap().set_attribute("class", "x").unwrap();

    let (b, b2) = (every_block("qqtwo"), every_block("qqthree"));
    let cloned = host();
    let _b = render_brief(cloned.clone().into(), json(&b), JsValue::UNDEFINED).unwrap();
    // The same brief, built node by node: the first card in a document of its
    // own (whose shadow root also gets a <style>: the page's shared sheet
    // belongs to this document, so only the cards are compared).
    let card_html = |el: &Element| shadow(el).query_selector("article").unwrap().unwrap().outer_html();
    let other = document().implementation().unwrap().create_html_document().unwrap();
    let fresh = other.create_element("div").unwrap();
    other.body().unwrap().append_child(&fresh).unwrap();
    let _f = render_brief(fresh.clone().into(), json(&b), JsValue::UNDEFINED).unwrap();
    let html = card_html(&cloned);
    assert_eq!(html, card_html(&fresh));
    assert!(!html.contains("qqone") && !html.contains("qqzero") && !html.contains("changed"), "nothing of the earlier cards: {html}");
    assert!(html.contains(r#"src="https://example.org/i/qqtwo.jpg""#) && html.contains(r#"src="https://example.org/qqtwo.png""#), "{html}");

    // A third, cloned as well, and the fresh build of it for reference.
    let again = host();
    let _c = render_brief(again.clone().into(), json(&b2), JsValue::UNDEFINED).unwrap();
    let other2 = document().implementation().unwrap().create_html_document().unwrap();
    let fresh2 = other2.create_element("div").unwrap();
    other2.body().unwrap().append_child(&fresh2).unwrap();
    let _f2 = render_brief(fresh2.clone().into(), json(&b2), JsValue::UNDEFINED).unwrap();
    assert_eq!(card_html(&again), card_html(&fresh2));
}

#[wasm_bindgen_test]
fn renders_into_an_element_of_an_iframe_and_refuses_what_only_looks_like_one() {
    // An iframe's elements are instances of that window's Element class.
    let frame = document().create_element("iframe").unwrap();
    document().body().unwrap().append_child(&frame).unwrap();
    let inner: web_sys::Document = get(&frame, "contentDocument").unchecked_into();
    let el = inner.create_element("div").unwrap();
    inner.body().unwrap().append_child(&el).unwrap();
    let card = render_brief(el.clone().into(), json(EXAMPLES[0].1), JsValue::UNDEFINED).expect("an iframe's element is an element");
    let root = shadow(&el);
    assert_eq!(count(&root, "article"), 1);
    // The page's shared sheet cannot be adopted by another document: a <style> instead.
    assert_eq!(count(&root, "style"), 1);
    card.update(json(EXAMPLES[1].1)).unwrap();
    assert_eq!(count(&root, "article"), 1);
    card.destroy();
    assert_eq!(count(&root, "article"), 0);

    // Look-alikes are refused, with the target's problem.
    let fake = js_sys::Function::new_no_args("return { nodeType: 1, ownerDocument: document, attachShadow() { return this; } }")
        .call0(&JsValue::NULL)
        .unwrap();
    let proxy = js_sys::Function::new_no_args("return new Proxy(document.createElement('div'), {})").call0(&JsValue::NULL).unwrap();
    for v in [fake, proxy] {
        let err = render_brief(v, json(EXAMPLES[3].1), JsValue::UNDEFINED).err().expect("refused");
        assert_eq!(get(&Array::from(&get(&err, "problems")).get(0), "path").as_string().as_deref(), Some("target"));
    }
}

#[wasm_bindgen_test]
fn a_deep_link_reveals_the_card_the_hash_names_at_each_render() {
    let set_hash = |h: &str| {
        Function::new_with_args("h", "history.replaceState(null, '', h)").call1(&JsValue::NULL, &JsValue::from_str(h)).unwrap();
    };
    let highlighted = |id: &str| {
        let el = host();
        let _card = render_brief(el.clone().into(), json(&format!(r#"{{"id":"{id}","title":"t"}}"#)), JsValue::UNDEFINED).unwrap();
        let article = shadow(&el).query_selector("article").unwrap().unwrap();
        article.class_list().contains("bc-target")
    };
    // In one task, as a script that renders, moves the hash and renders again would.
    set_hash("#deep-a");
    assert!(highlighted("deep-a"));
    set_hash("#deep-b");
    assert!(highlighted("deep-b"), "the hash as it is now, not as the first render read it");
    assert!(!highlighted("deep-a"));
    set_hash("#");
}

#[wasm_bindgen_test]
async fn a_deep_link_followed_on_the_page_reveals_its_target_in_a_shadow_root() {
    let set_hash = |h: &str| web_sys::window().unwrap().location().set_hash(h).unwrap();
    let brief = |id: &str| json(&format!(r#"{{"id":"{id}","title":"t","quotes":[{{"text":"q","author":"a"}}]}}"#));
    // One card on the page, one inside another component's shadow root (where
    // no walk of the document would find it).
    let (a, b) = (host(), web_sys::window().unwrap().document().unwrap().create_element("div").unwrap());
    let component = host().attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    component.append_child(&b).unwrap();
    let _cards = (
        render_brief(a.clone().into(), brief("follow-a"), JsValue::UNDEFINED).unwrap(),
        render_brief(b.clone().into(), brief("follow-b"), JsValue::UNDEFINED).unwrap(),
    );
    let highlighted = |el: &Element| -> Vec<String> {
        let list = shadow(el).query_selector_all(".bc-target").unwrap();
        (0..list.length()).map(|i| list.get(i).unwrap().unchecked_into::<Element>().id()).collect()
    };
    let none: Vec<String> = Vec::new();
    // As a reader following links to the cards (`hashchange` comes as a task of its own).
    set_hash("follow-a");
    yield_to_browser().await;
    assert_eq!((highlighted(&a), highlighted(&b)), (vec!["follow-a".to_owned()], none.clone()));
    // The keyboard goes on from the target, as from a fragment the browser finds itself.
    assert_eq!(shadow(&a).active_element().map(|el| el.id()).as_deref(), Some("follow-a"));
    set_hash("follow-b-quote-1");
    yield_to_browser().await;
    assert_eq!((highlighted(&a), highlighted(&b)), (none.clone(), vec!["follow-b-quote-1".to_owned()]), "the earlier target is let go");
    let focused = shadow(&b).active_element().unwrap();
    assert_eq!((focused.id(), focused.get_attribute("tabindex")), ("follow-b-quote-1".to_owned(), Some("-1".to_owned())));
    set_hash("");
    yield_to_browser().await;
    assert_eq!((highlighted(&a), highlighted(&b)), (none.clone(), none));
}

#[wasm_bindgen_test]
fn an_update_after_a_page_script_added_nodes_builds_the_card_anew_rather_than_misplace_text() {
    let brief = |word: &str| {
        format!(r#"{{"title":"t","summary":{{"paragraphs":[["{word} ",{{"text":"a link","href":"https://example.org/"}}," after"]]}}}}"#)
    };
    let el = host();
    let card = render_brief(el.clone().into(), json(&brief("Before")), JsValue::UNDEFINED).unwrap();
    let root = shadow(&el);
    // An extension puts a node of its own before the paragraph's first text.
    let p = root.query_selector("p.bc-p").unwrap().unwrap();
    let added = document().create_element("span").unwrap();
    added.set_text_content(Some("added"));
    p.insert_before(&added, p.first_child().as_ref()).unwrap();

    card.update(json(&brief("Changed"))).unwrap();
    let fresh = host();
    let _f = render_brief(fresh.clone().into(), json(&brief("Changed")), JsValue::UNDEFINED).unwrap();
    assert_eq!(root.inner_html(), shadow(&fresh).inner_html(), "as a fresh render: every text in its place");
}

#[wasm_bindgen_test]
fn bad_input_throws_with_paths_and_leaves_the_target_untouched() {
    let el = host();
    let before = el.inner_html();
    let err = render_brief(
        el.clone().into(),
        json(r#"{"title":"t","sections":[{"heading":"h","paragraphs":["a",["b",{"text":"c","href":"java\tscript:alert(1)"}]]}],"related":[{},{"title":"x","url":"/ok"},{"title":"y","url":" javascript:alert(1)"}]}"#),
        JsValue::UNDEFINED,
    )
    .err()
    .unwrap();
    assert!(el.shadow_root().is_none(), "no shadow root attached, so the fallback still shows");
    assert_eq!(el.inner_html(), before);
    assert!(err.is_instance_of::<js_sys::Error>());
    let problems = Array::from(&get(&err, "problems"));
    let paths: Vec<String> = problems.iter().map(|p| get(&p, "path").as_string().unwrap()).collect();
    assert_eq!(paths, ["sections[0].paragraphs[1][1].href", "related[0].title", "related[0].url", "related[2].url"]);
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("related[2].url: scheme \"javascript\" is not allowed"), "{message}");

    // The same list from validateBrief; [] for a valid brief.
    assert_eq!(validate_brief(json(r#"{"related":[{"title":"x","url":"data:text/html,x"}]}"#)).unchecked_into::<Array>().length(), 2);
    assert_eq!(validate_brief(json(EXAMPLES[0].1)).unchecked_into::<Array>().length(), 0);
    // Not an element.
    assert!(render_brief(JsValue::from_str("#app"), json(EXAMPLES[3].1), JsValue::UNDEFINED).is_err());
    // Bad options are problems too.
    let err = render_brief(host().into(), json(EXAMPLES[3].1), opts(r#"{"theme":"neon"}"#)).err().unwrap();
    assert_eq!(get(&Array::from(&get(&err, "problems")).get(0), "path").as_string().as_deref(), Some("options.theme"));
}

#[wasm_bindgen_test]
fn render_brief_html_gives_the_static_and_email_variants() {
    let html = render_brief_html(json(EXAMPLES[0].1), JsValue::UNDEFINED).unwrap();
    assert!(html.starts_with("<article") && html.contains("Iran’s Raisi Embarks"));
    let email = render_brief_html(JsValue::from_str(EXAMPLES[0].1), opts(r#"{"email":true}"#)).unwrap();
    assert!(email.starts_with("<table") && !email.contains("var(--"));
    assert!(render_brief_html(json(r#"{"title":"t","url":"/rel"}"#), opts(r#"{"email":true}"#)).is_err());
}

#[wasm_bindgen_test]
fn hosts_are_refused_as_natively_and_relative_urls_resolve_with_this_browsers_url() {
    // Hosts are the policy's own reading, alike in every browser (Chromium's
    // URL would pass `xn--` through) and in the command line; resolving
    // against a base is left to the browser's URL.
    let problems = |url: &str| validate_brief(json(&format!(r#"{{"title":"t","url":"{url}"}}"#))).unchecked_into::<Array>();
    for bad in ["https://xn--/", "https://xn--a.org/", "https://a\u{3000}b.org/", "https://999.999.999.999/", "https://[x]/", "//xn--/"] {
        let list = problems(bad);
        assert_eq!(list.length(), 1, "{bad} is refused");
        assert_eq!(get(&list.get(0), "message").as_string().as_deref(), Some("has an invalid host"), "{bad}");
    }
    for good in ["https://xn--mnchen-3ya.de/", "https://m\u{fc}nchen.de/", "https://[::1]:8080/", "https://EXAMPLE.org/"] {
        assert_eq!(problems(good).length(), 0, "{good} is accepted");
    }
    let email = render_brief_html(
        json(r#"{"title":"t","url":"../a/./b?q#f","related":[{"title":"r","url":"//cdn.example.net/x"}]}"#),
        opts(r#"{"email":true,"baseUrl":"https://example.org/briefs/2023/raisi"}"#),
    )
    .unwrap();
    assert!(email.contains(r#"href="https://example.org/briefs/a/b?q#f""#), "{email}");
    assert!(email.contains(r#"href="https://cdn.example.net/x""#), "{email}");
}

#[wasm_bindgen_test]
fn this_browsers_json_parse_hands_the_brief_over_exactly() {
    // The module reads JSON through the engine's JSON.parse (src/web/copy.js):
    // a string of NULs, quotes, backslashes and line separators arrives as
    // it was, as an object and as text, and shows as the static outputs
    // show it: NUL as U+FFFD, as HTML parsers read it. (A control such as
    // U+0001 would not: text drops the code points no HTML document may hold.)
    let tricky = "\u{0}a\"\u{0}\\\u{2028}b\u{0}";
    let brief = JSON::parse(&format!(
        r#"{{"title":{0},"kind":{0},"\u0000":1}}"#,
        JSON::stringify(&JsValue::from_str(tricky)).unwrap().as_string().unwrap()
    ))
    .unwrap();
    for input in [brief.clone(), JSON::stringify(&brief).unwrap().into()] {
        let el = host();
        let _card = render_brief(el.clone().into(), input, JsValue::UNDEFINED).unwrap();
        let title = shadow(&el).query_selector(".bc-title").unwrap().unwrap();
        assert_eq!(title.text_content(), Some(tricky.replace('\0', "\u{fffd}")));
    }
    // A byte-order mark is skipped; broken text is one problem, in this engine's words.
    assert_eq!(validate_brief(JsValue::from_str("\u{feff}{\"title\":\"t\"}")).unchecked_into::<Array>().length(), 0);
    let broken = validate_brief(JsValue::from_str(r#"{"title": "t",}"#)).unchecked_into::<Array>();
    assert_eq!(broken.length(), 1);
    assert!(get(&broken.get(0), "message").as_string().unwrap().starts_with("invalid JSON: "));
    // Nesting: as deep as the command line's reader allows, and no deeper.
    let nested = |n: usize| JsValue::from_str(&format!("{}{}", "[".repeat(n), "]".repeat(n)));
    let at_limit = validate_brief(nested(16)).unchecked_into::<Array>();
    assert_eq!(get(&at_limit.get(0), "path").as_string().as_deref(), Some("[0]"), "16 levels are read");
    let deeper = validate_brief(nested(17)).unchecked_into::<Array>();
    let said = format!("invalid JSON: nested too deeply (the limit is 16 levels) at {}", "[0]".repeat(16));
    assert_eq!(get(&deeper.get(0), "message").as_string(), Some(said), "as the command line says it, with where");
}

/// Values a careless or hostile host might pass, built in JS.
fn malformed_values() -> Vec<JsValue> {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let make = |body: &str| Function::new_no_args(body).call0(&JsValue::NULL).unwrap();
    let mut v: Vec<JsValue> = vec![
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::TRUE,
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(1e308),
        JsValue::from_str(""),
        JsValue::from_str("{"),
        JsValue::from_str("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
        JsValue::from_str("\u{0}"),
        JsValue::from_str(&"x".repeat(2_000_000)),
        cyclic.into(),
        make("return Symbol('x')"),
        make("return function () {}"),
        make("return 10n"),
        make("return { get title() { throw new Error('getter') } }"),
        make("return new Proxy({}, { get() { throw new Error('proxy') }, ownKeys() { throw new Error('keys') } })"),
        make("return { toJSON() { throw new Error('toJSON') } }"),
        make("return [1, 'a', null, {}]"),
        make("return { title: 5, quotes: 'x', sections: [[]], related: [null], tags: {} }"),
        make("return { title: 't', date: new Date(0), image: { src: 'x' } }"),
        make("return document.body"),
        make("return new Array(200000).fill({ title: 't' })"),
    ];
    v.push(js_sys::Array::of1(&JsValue::from_str("x")).into());
    v
}

/// Lets the browser run its event loop (the test runner's own requests among
/// them): a test that kept the page busy for many seconds would time them out.
async fn yield_to_browser() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

#[wasm_bindgen_test]
async fn thousands_of_malformed_inputs_leave_the_module_usable() {
    let values = malformed_values();
    let el = host();
    let mut rng: u32 = 12345;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 17;
        rng ^= rng << 5;
        rng
    };
    let junk_json = [
        "{\"title\":",
        "]",
        "[",
        "\"",
        "\\u12",
        "{\"title\":\"t\",\"quotes\":[{\"text\":[{\"href\":7}]}]}",
        "nul",
        "1e",
        ",",
        "{\"a\":{\"b\":{\"c\":{}}}}",
    ];
    for i in 0..3000 {
        if i % 50 == 0 {
            yield_to_browser().await;
        }
        let brief: JsValue = if i % 2 == 0 {
            values[(next() as usize) % values.len()].clone()
        } else {
            let s: String = (0..(next() % 8)).map(|_| junk_json[(next() as usize) % junk_json.len()]).collect();
            JsValue::from_str(&s)
        };
        let options = values[(next() as usize) % values.len()].clone();
        let target = if i % 7 == 0 { values[(next() as usize) % values.len()].clone() } else { el.clone().into() };
        let _ = render_brief(target, brief.clone(), options.clone());
        let _ = render_brief_html(brief.clone(), options);
        let _ = validate_brief(brief);
    }
    let other = host();
    let _c = render_brief(other.clone().into(), json(EXAMPLES[0].1), JsValue::UNDEFINED).expect("still usable");
    assert_eq!(count(&shadow(&other), "article"), 1);
}

#[wasm_bindgen_test]
fn releasing_the_handle_leaves_the_card_on_the_page() {
    // Dropped in Rust: the card stays, and still answers the reader.
    let toggles = record("brief-card:toggle");
    let paragraphs: Vec<String> = (1..=8).map(|i| format!("\"Paragraph {i}\"")).collect();
    let brief = format!(r#"{{"title":"kept","sections":[{{"heading":"h","paragraphs":[{}]}}]}}"#, paragraphs.join(","));
    let el = host();
    drop(render_brief(el.clone().into(), json(&brief), JsValue::UNDEFINED).unwrap());
    let root = shadow(&el);
    assert_eq!(text(&root, "h2"), "kept");
    let button: web_sys::HtmlElement = root.query_selector("button.bc-toggle").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(toggles.pop().is_truthy(), "the click listener outlives the handle");

    // Released from JS, by free() and by [Symbol.dispose](): the card stays.
    for how in ["free", "dispose"] {
        let el = host();
        let card = JsValue::from(render_brief(el.clone().into(), json(EXAMPLES[3].1), JsValue::UNDEFINED).unwrap());
        // (Where the browser has no Symbol.dispose, wasm-bindgen adds no such method: free again.)
        let dispose = Function::new_no_args("return Symbol.dispose").call0(&JsValue::NULL).unwrap();
        let key: JsValue = if how == "free" || dispose.is_undefined() { "free".into() } else { dispose };
        Reflect::get(&card, &key).unwrap().unchecked_into::<Function>().call0(&card).unwrap();
        assert_eq!(count(&shadow(&el), "article"), 1, "{how}: the card stays on the page");
        // The released handle refuses further use (wasm-bindgen's own check), and the card still stays.
        let update: Function = Reflect::get(&card, &"update".into()).unwrap().unchecked_into();
        assert!(update.call1(&card, &json(r#"{"title":"x"}"#)).is_err());
        assert_eq!(count(&shadow(&el), "article"), 1);
    }
}

#[wasm_bindgen_test]
fn sixteen_levels_are_read_and_seventeen_refused_as_text_as_objects_and_in_a_feed() {
    // The brief's object is the first level, as the command line counts them.
    let nested = |levels: usize| format!(r#"{{"title":"t","x":{}1{}}}"#, "[".repeat(levels - 1), "]".repeat(levels - 1));
    let problems = |input: JsValue| {
        validate_brief(input)
            .unchecked_into::<Array>()
            .iter()
            .map(|p| get(&p, "message").as_string().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    for (text, within) in
        [(nested(16), true), (nested(17), false), (format!("[{}]", nested(15)), true), (format!("[{}]", nested(16)), false)]
    {
        for input in [JsValue::from_str(&text), json(&text)] {
            let said = problems(input);
            let refused = said.iter().any(|m| m.contains("nested too deeply (the limit is 16 levels)"));
            assert_eq!(refused, !within, "{text}: {said:?}");
        }
    }
}

/// A paragraph that shows nothing is left out of the live card too, on render and on an update
/// in place: no empty line under a heading, and no heading over nothing.
#[wasm_bindgen_test]
fn a_blank_paragraph_is_no_line_of_the_live_card() {
    let el = host();
    let card =
        render_brief(el.clone().into(), json(r#"{"title":"t","summary":{"paragraphs":["one","","\u200b","two"]}}"#), JsValue::UNDEFINED)
            .unwrap();
    let root = shadow(&el);
    assert_eq!(count(&root, ".bc-summary p"), 2);
    card.update(json(r#"{"title":"t","summary":{"paragraphs":["  ",""]},"sections":[{"heading":"s","paragraphs":["a"," "]}]}"#)).unwrap();
    assert_eq!(count(&root, ".bc-summary"), 0, "a summary of blank paragraphs is no block");
    assert_eq!(count(&root, ".bc-section p"), 1);
    card.destroy();
}
