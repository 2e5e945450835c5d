// Chronik inside a publisher's iframe (see embed.js). Loaded blocking in the
// page's <head>, before the body is parsed.
//
// 1. ?theme=light or ?theme=dark fixes the colour scheme before the first
//    paint (chronik.css reads <html data-theme>).
// 2. In an iframe made by embed.js (?embed=<id>&origin=<host origin>), it
//    reports the height of the content to the host page whenever it
//    changes, so the iframe is exactly as tall as the chronicle:
//      {type: "chronik:size", id, height, title}
//    The message goes only to the origin that embed.js named, never to "*".
//
// This script does not listen to messages, on purpose: the host page can
// tell the widget nothing, so a hostile page cannot either. The channel
// goes one way, widget to host.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") {
    document.documentElement.setAttribute("data-theme", theme);
  }

  var id = params.get("embed") || "";
  var origin = params.get("origin") || "";
  var framed;
  try {
    framed = window.parent !== window;
  } catch (e) {
    framed = true;
  }
  if (!framed || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || !isOrigin(origin)) {
    return;
  }
  // Embedded in an article: the stylesheet drops the page margins.
  document.documentElement.setAttribute("data-embedded", "");

  // isOrigin accepts "https://host[:port]" and nothing else: no path, no
  // "*", no "null".
  function isOrigin(s) {
    if (!/^https?:\/\/[^\/?#\s@]+$/.test(s)) {
      return false;
    }
    try {
      return new URL(s).origin === s;
    } catch (e) {
      return false;
    }
  }

  var sent = 0;
  var sentTitle = null;
  var timer = 0;

  // height is the bottom of the body in document coordinates, plus its
  // bottom margin. Unlike documentElement.scrollHeight, which never drops
  // below the iframe's own height, it shrinks when the content does.
  function height() {
    var body = document.body;
    if (!body) {
      return 0;
    }
    var r = body.getBoundingClientRect();
    var margin = parseFloat(getComputedStyle(body).marginBottom) || 0;
    return Math.ceil(r.bottom + (window.pageYOffset || 0) + margin);
  }

  function report() {
    if (timer) {
      clearTimeout(timer);
      timer = 0;
    }
    var h = height();
    var title = document.title || "";
    if (h <= 0 || (h === sent && title === sentTitle)) {
      return;
    }
    try {
      window.parent.postMessage({ type: "chronik:size", id: id, height: h, title: title }, origin);
      sent = h;
      sentTitle = title;
    } catch (e) {
      // The host is gone or the origin was refused: nothing to do.
    }
  }

  // schedule coalesces a burst of changes into one report. It uses a
  // timer, not requestAnimationFrame: Chromium does not render a
  // cross-origin iframe that is outside the viewport (no animation frames,
  // no ResizeObserver), and an embed below the fold must still get its
  // height before the reader scrolls to it.
  function schedule() {
    if (!timer) {
      timer = setTimeout(report, 0);
    }
  }

  function watch() {
    // While rendered, a ResizeObserver reports after layout and before
    // paint, so the iframe changes in the same frame as its content.
    if (typeof ResizeObserver === "function") {
      var ro = new ResizeObserver(report);
      ro.observe(document.documentElement);
      ro.observe(document.body);
    }
    // Mutations are seen even where rendering is throttled.
    if (typeof MutationObserver === "function") {
      new MutationObserver(schedule).observe(document.documentElement, {
        childList: true, subtree: true, characterData: true, attributes: true
      });
    }
    schedule();
  }

  if (document.body) {
    watch();
  } else {
    document.addEventListener("DOMContentLoaded", watch, false);
  }
  window.addEventListener("load", schedule, false);
  window.addEventListener("resize", schedule, false);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(schedule, function () {});
  }
})();
