// Chronik embed script. A publisher puts the chronicle into an article with
// one line, the iframe appearing where the script tag is:
//
//   <script src="https://cdn.example/chronik/embed.js" data-chronik async></script>
//
// or with placeholders anywhere in the page, plus the script once:
//
//   <div data-chronik data-query="Oracle" data-theme="dark"></div>
//
// Options, as data attributes of the script tag or the placeholder:
//   data-query       the initial search (?q=)
//   data-sort        chronological, newest or relevance (anything else: ignored)
//   data-theme       auto, light or dark (anything else: auto)
//   data-max-height  the iframe's maximum height in pixels; beyond it, the
//                    widget scrolls inside the iframe
//   data-title       the iframe's accessible name, instead of the chronicle's
//
// The widget (web/frame.js) reports its content height to this page with
// postMessage, and the iframe takes that height, so the article flows
// around it without a second scrollbar. Only messages from the widget's
// origin and from that very iframe are believed; anything else is ignored.
//
// Plain ES5: no dependencies, no globals, no HTML parsing, no code from
// strings, and no style attribute (styles are set as properties, which a
// host page's CSP allows).
(function () {
  "use strict";

  var TITLE = "__CHRONIK_TITLE__"; // the chronicle's title, filled in at build time
  var MARK = "data-chronik-frame"; // set on a processed placeholder: its iframe's id
  var MAX_HEIGHT = 100000; // the tallest height a widget may ask for
  var INITIAL_HEIGHT = 600; // until the widget reports its own
  var SORTS = { chronological: 1, newest: 1, relevance: 1 };
  var THEMES = { light: 1, dark: 1 };

  // The script element that runs this code. currentScript is null only in
  // unusual loaders; fall back to the last script called embed.js.
  var script = document.currentScript;
  if (!script || !script.src) {
    var all = document.getElementsByTagName("script");
    for (var i = all.length - 1; i >= 0; i--) {
      if (/(^|\/)embed\.js([?#]|$)/.test(all[i].src || "")) {
        script = all[i];
        break;
      }
    }
  }
  if (!script || !script.src || typeof URL !== "function") {
    return;
  }

  // The widget lives in the directory of embed.js: sub-path hosting
  // (https://cdn.example/chronik/embed.js) works as it is.
  var widget;
  try {
    widget = new URL(".", script.src);
  } catch (e) {
    return;
  }
  var widgetOrigin = widget.origin;
  var widgetBase = widget.href.split("?")[0].split("#")[0];

  // The build fills in TITLE; served unbuilt, it is still the placeholder.
  var defaultTitle = TITLE === "__CHRONIK" + "_TITLE__" ? "" : clean(TITLE, 200);
  defaultTitle = defaultTitle || "Chronik";

  // This copy's iframes: {frame, id, max, fixedTitle}.
  var frames = [];

  // uniqueID returns an element id that is not yet in the document.
  function uniqueID() {
    for (var n = 1; ; n++) {
      var id = "chronik-embed-" + n;
      if (!document.getElementById(id)) {
        return id;
      }
    }
  }

  // positive parses a pixel count such as "480" or "480px"; 0 if invalid.
  function positive(s) {
    var n = parseInt(s || "", 10);
    return isFinite(n) && n > 0 ? Math.min(n, MAX_HEIGHT) : 0;
  }

  function clean(s, max) {
    return typeof s === "string" ? s.replace(/^\s+|\s+$/g, "").slice(0, max) : "";
  }

  // widgetURL is the widget's address for a placeholder's options.
  function widgetURL(el, id) {
    var params = new URLSearchParams();
    var q = el.getAttribute("data-query");
    if (q) {
      params.set("q", q.slice(0, 512));
    }
    var sort = el.getAttribute("data-sort");
    if (sort && SORTS.hasOwnProperty(sort)) {
      params.set("sort", sort);
    }
    var theme = el.getAttribute("data-theme");
    if (theme && THEMES.hasOwnProperty(theme)) {
      params.set("theme", theme);
    }
    params.set("embed", id);
    params.set("origin", location.origin);
    return widgetBase + "?" + params.toString();
  }

  // embed inserts the iframe for placeholder el: right before a script
  // tag, or into any other element.
  function embed(el) {
    if (el.hasAttribute(MARK)) {
      return;
    }
    var isScript = el.tagName === "SCRIPT";
    // A script tag is a placeholder of the site it loads from: another
    // chronicle's embed.js on the same page handles its own tag.
    if (isScript && el !== script && el.src !== script.src) {
      return;
    }
    if (isScript && (!el.parentNode || el.parentNode === document.head)) {
      return; // nowhere to show it
    }
    var id = uniqueID();
    el.setAttribute(MARK, id);

    var frame = document.createElement("iframe");
    var max = positive(el.getAttribute("data-max-height"));
    var fixedTitle = clean(el.getAttribute("data-title"), 200);
    frame.id = id;
    frame.title = fixedTitle || defaultTitle;
    frame.setAttribute("loading", "lazy");
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = (max ? Math.min(max, INITIAL_HEIGHT) : INITIAL_HEIGHT) + "px";
    frame.src = widgetURL(el, id);
    frames.push({ frame: frame, id: id, max: max, fixedTitle: fixedTitle });

    if (isScript) {
      el.parentNode.insertBefore(frame, el);
    } else {
      el.appendChild(frame);
    }
  }

  function scan() {
    var els = document.querySelectorAll("[data-chronik]");
    for (var i = 0; i < els.length; i++) {
      embed(els[i]);
    }
  }

  // isPlainObject is true for {…} and false for arrays, null, functions and
  // exotic objects.
  function isPlainObject(d) {
    if (d === null || typeof d !== "object") {
      return false;
    }
    var proto = Object.getPrototypeOf(d);
    return (proto === Object.prototype || proto === null) &&
      Object.prototype.toString.call(d) === "[object Object]";
  }

  // onMessage applies a size report from one of this copy's iframes.
  // Everything that does not look exactly like one is ignored, silently.
  function onMessage(event) {
    try {
      if (event.origin !== widgetOrigin || !event.source) {
        return;
      }
      var f = null;
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].frame.contentWindow === event.source) {
          f = frames[i];
          break;
        }
      }
      var d = event.data;
      if (!f || !isPlainObject(d) || d.type !== "chronik:size" || d.id !== f.id) {
        return;
      }
      var h = d.height;
      if (typeof h !== "number" || !isFinite(h) || h <= 0 || h > MAX_HEIGHT) {
        return;
      }
      h = Math.ceil(h);
      if (f.max && h > f.max) {
        h = f.max;
      }
      var px = h + "px";
      if (f.frame.style.height !== px) {
        f.frame.style.height = px;
      }
      var title = clean(d.title, 200);
      if (title && !f.fixedTitle && f.frame.title !== title) {
        f.frame.title = title;
      }
    } catch (e) {
      // A forged message with a hostile getter: ignore it.
    }
  }

  window.addEventListener("message", onMessage, false);
  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan, false);
  }
})();
