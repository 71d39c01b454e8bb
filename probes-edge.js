const { renderBrief, renderBriefHtml, validateBrief } = bc;
const h = document.getElementById("host");
const out = {};
const at = (f) => { try { const v = f(); return { ok: true, v: typeof v === "object" && v?.constructor?.name === "BriefCard" ? "BriefCard" : v }; } catch (e) { return { err: String(e?.message ?? e).slice(0, 200), ctor: e?.constructor?.name, problems: e?.problems?.slice?.(0, 3) }; } };
// URL corpus
const urls = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "\tjava\tscript:x", "java\r\nscript:x", "\u0001javascript:x", "\u00a0javascript:x", "\u2028javascript:x", "javascript&colon;x", "%6Aavascript:x", "data:text/html,x", "vbscript:x", "blob:https://a.example/x", "file:///etc/passwd", "ftp://a.example/", "//evil.example/x", "\\\\evil.example\\x", "/\\evil.example", "https://user:pass@a.example/", "https://a.example/ok", "mailto:a@b.example", "tel:+1", "https:evil.example", "http://[::1]/", "https://xn--a.example/", "?q=1", "#frag", "", " "];
out.urls = urls.map((u) => { const p = validateBrief({ title: "x", url: u, image: { src: u, alt: "" } }); return [JSON.stringify(u), p.filter(q=>q.path==="url").map(q=>q.message).join("|") || "OK", p.filter(q=>q.path==="image.src").map(q=>q.message).join("|") || "OK"]; });
// limits
const L = (b) => validateBrief(b).map((q) => q.path + ": " + q.message).slice(0, 3);
out.limits = {
  title500: L({ title: "x".repeat(500) }), title501: L({ title: "x".repeat(501) }),
  tags100: L({ title: "x", tags: Array.from({ length: 100 }, (_, i) => ({ label: "t" + i })) }), tags101: L({ title: "x", tags: Array.from({ length: 101 }, (_, i) => ({ label: "t" + i })) }),
  para10000: L({ title: "x", summary: { paragraphs: ["y".repeat(10000)] } }), para10001: L({ title: "x", summary: { paragraphs: ["y".repeat(10001)] } }),
  feed101: L(Array.from({ length: 101 }, (_, i) => ({ title: "t" + i }))),
  depth16: L({ title: "x", summary: { paragraphs: [[{ text: "a" }]] }, z: [[[[[[[[[[[[[[]]]]]]]]]]]]]] }),
  many: (() => { const p = validateBrief({ title: "", tags: Array.from({ length: 100 }, () => ({ label: "" })) }); return [p.length, p.at(-1)]; })(),
  bigText: (() => { const s = JSON.stringify({ title: "x", sections: Array.from({ length: 100 }, () => ({ heading: "h", paragraphs: ["y".repeat(9999)] })) }); return [s.length, L(s)]; })(),
  bigObj: L({ title: "x", sections: Array.from({ length: 100 }, () => ({ heading: "h", paragraphs: ["y".repeat(9999)] })) }),
  loneSurrogate: L({ title: "a\uD800b" }),
  num: L({ title: 42 }), nul: L({ title: null }), arrTitle: L({ title: ["x"] }),
  dateOffset: L({ title: "x", date: "2023-06-13T23:30:00-05:00" }),
  dateBad: [L({ title: "x", date: "2023-02-30" }), L({ title: "x", date: "13/06/2023" }), L({ title: "x", date: "2023-06-13T10:00Z" }), L({title:"x", date:"2023-06-13t10:00:00z"})],
};
// odd targets
out.targets = {};
for (const tag of ["img", "input", "a", "svg", "textarea", "span"]) { const el = tag === "svg" ? document.createElementNS("http://www.w3.org/2000/svg", "svg") : document.createElement(tag); document.body.append(el); out.targets[tag] = at(() => renderBrief(el, { title: "x" })); out.targets[tag + "_light"] = at(() => renderBrief(el, { title: "x" }, { shadow: false })); }
out.targets.text = at(() => renderBrief(document.createTextNode("t"), { title: "x" }));
out.targets.detached = at(() => { const d = document.createElement("div"); const c = renderBrief(d, { title: "x" }); return d.shadowRoot.textContent; });
// re-entrancy
{
  const card = renderBrief(h, { title: "A" });
  out.reentrantGetter = at(() => card.update({ get title() { card.update({ title: "inner" }); return "outer"; } }));
  out.afterReentrant = [h.shadowRoot.textContent.slice(0, 40), at(() => card.update({ title: "B" })), h.shadowRoot.textContent.slice(0, 40)];
  out.reentrantDestroy = at(() => card.update({ get title() { card.destroy(); return "outer2"; } }));
  out.afterDestroy = h.shadowRoot.textContent.slice(0, 40);
  out.reentrantFree = at(() => { const c = renderBrief(h, { title: "C" }); return c.update({ get title() { c.free(); return "D"; } }); });
  out.afterFree = h.shadowRoot.textContent.slice(0, 40);
  const h2 = document.createElement("div"); document.body.append(h2);
  let c2; h2.addEventListener("brief-card:render", () => { try { c2?.destroy(); } catch (e) { out.listenerErr = String(e); } }, { once: false });
  c2 = renderBrief(h2, { title: "E" });
  out.destroyInRender = [at(() => c2.update({ title: "F" })), h2.shadowRoot.textContent.slice(0, 40)];
  const h3 = document.createElement("div"); document.body.append(h3);
  h3.addEventListener("brief-card:render", () => { try { renderBrief(h3, { title: "nested" }); } catch (e) { out.nestedErr = String(e); } }, { once: true });
  out.renderInRender = [at(() => renderBrief(h3, { title: "G" })), h3.shadowRoot.textContent.slice(0, 60), h3.shadowRoot.querySelectorAll("[part=card]").length];
  const h4 = document.createElement("div"); document.body.append(h4);
  h4.addEventListener("brief-card:error", () => { try { renderBrief(h4, { title: "from error listener" }); } catch (e) { out.errListenerErr = String(e); } }, { once: true });
  out.renderInError = [at(() => renderBrief(h4, { title: "" })), h4.shadowRoot?.textContent.slice(0, 60)];
  out.stillWorks = at(() => renderBriefHtml({ title: "ok" }).length);
}
return out;
