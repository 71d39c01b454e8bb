// The embed page's height, told to the page that frames it.
//
// An oEmbed consumer gives its iframe the height of the oEmbed answer, which
// the site estimates for the answer's width. The card is taller in a
// narrower frame (a phone's column, `max-width:100%`), and changes height
// when a reader expands a block, so the frame would cut it off or scroll.
// This posts the page's height whenever it changes, in two forms:
//
// - {type: "brief-card:height", height, url}: for any host page, which
//   sets the frame's height (README, "Publishing a site for newsletters");
//   `url` is this page's address without its fragment;
// - {message: "height", value, secret}: WordPress's embed protocol, which
//   WordPress sites already listen to. WordPress gives the frame a secret
//   in its address (`embed.html#?secret=…`), or in a {message: "ready",
//   secret} it posts once its own script runs (which may be after this
//   frame told its height), and answers only messages that carry it.
//
// Nothing is read from the host, and a height and this page's own address
// are all that leave it, so the messages go to any origin ("*"). A classic
// script, not a module: in WordPress's frame (`sandbox="allow-scripts"`, an
// opaque origin) a module loads only from a host that sends CORS headers.
if (window.parent !== window) {
  let secret = new URLSearchParams(location.hash.replace(/^#\??/, "")).get("secret");
  let told = 0;
  const tell = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === told) return;
    told = height;
    window.parent.postMessage({ type: "brief-card:height", height, url: location.href.split("#")[0] }, "*");
    if (secret) window.parent.postMessage({ message: "height", value: height, secret }, "*");
  };
  new ResizeObserver(tell).observe(document.documentElement);
  addEventListener("message", (e) => {
    if (e.source !== window.parent || e.data?.message !== "ready" || !/^[A-Za-z0-9]+$/.test(e.data.secret ?? "")) return;
    secret = e.data.secret;
    told = 0;
    tell();
  });
}
