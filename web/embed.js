// Chronik embed script: placeholder, completed by the embed work.
(function () {
  "use strict";
  var TITLE = "__CHRONIK_TITLE__";
})();
