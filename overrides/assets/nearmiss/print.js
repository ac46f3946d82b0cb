// On paper a link is useless unless its address is printed: give every content link its absolute address,
// which the print stylesheet writes after the link text. Without JavaScript the relative address is printed.
(function () {
  "use strict";
  document.querySelectorAll(".md-typeset a[href]:not(.headerlink)").forEach(function (link) {
    if (link.getAttribute("href").charAt(0) !== "#") link.setAttribute("data-print-url", link.href);
  });
})();
