// "Track my report": hash the receipt code in the browser and look it up in data/receipts.json.
// The code never leaves the page (the input has no name, so even a submit without JavaScript sends nothing),
// and the whole receipt list is downloaded, so the server cannot tell which code was checked.
// DOM methods only: nothing from the page or the JSON file is ever parsed as HTML.
(function () {
  "use strict";
  var root = document.getElementById("nm-track");
  if (!root) return;

  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32, as in intake/ids.py
  var form = root.querySelector("form");
  var input = root.querySelector("#nm-track-code");
  var result = root.querySelector(".nm-track__result");
  var listUrl = new URL(root.getAttribute("data-receipts"), location.href);
  var siteRoot = new URL("../", listUrl);

  // The same normalization as intake.ids.normalize_receipt: case, spaces and dashes do not matter, and the
  // letters O, I and L are read as the digits 0, 1 and 1.
  function normalize(code) {
    var text = code.replace(/[\s-]/g, "").toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
    if (text.length !== 20) return null;
    for (var i = 0; i < text.length; i++) {
      if (ALPHABET.indexOf(text.charAt(i)) < 0) return null;
    }
    return text;
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (byte) {
      return ("0" + byte.toString(16)).slice(-2);
    }).join("");
  }

  function show(text, link) {
    while (result.firstChild) result.removeChild(result.firstChild);
    result.appendChild(document.createTextNode(text));
    if (link) {
      result.appendChild(document.createTextNode(" "));
      var anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.text;
      result.appendChild(anchor);
    }
  }

  function check(event) {
    event.preventDefault();
    var code = normalize(input.value);
    if (!code) {
      show("That does not look like a receipt code: it has twenty letters and digits, like K3M9Q-2XD4F-7H2AB-1BC9Z.");
      return;
    }
    if (!window.crypto || !window.crypto.subtle) {
      show("This browser cannot check the code privately here (the page must be opened over HTTPS).");
      return;
    }
    show("Checking…");
    var digest = window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(code));
    var list = fetch(listUrl.href, {credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer"})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    Promise.all([digest, list]).then(function (values) {
      var receipts = (values[1] && values[1].receipts) || {};
      var key = "sha256:" + hex(values[0]);
      var entry = Object.prototype.hasOwnProperty.call(receipts, key) ? receipts[key] : null;
      if (!entry) {
        show("No published report has this code yet. Reviews usually take a few weeks; please check again later.");
      } else if (entry.status === "withdrawn") {
        show("Your report was published and later withdrawn.");
      } else if (typeof entry.url === "string" && /^reports\/[A-Za-z0-9-]+\/$/.test(entry.url)) {
        var message = entry.status === "superseded"
          ? "Your report was published, then merged into a newer account of the same event."
          : "Your report has been published. Thank you for sharing it.";
        show(message, {href: new URL(entry.url, siteRoot).href, text: "Read it"});
      } else {
        show("Your report has been published.");
      }
    }).catch(function () {
      show("The list of published reports could not be loaded. Please try again later.");
    });
  }

  form.addEventListener("submit", check);
})();
