// Chronik inside a publisher's iframe (see embed.js). Loaded blocking in the
// page's <head>, before the body is parsed. Helper B completes this file.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") {
    document.documentElement.setAttribute("data-theme", theme);
  }
})();
