// Material for MkDocs' bootstrap helpers (from partials/javascripts/base.html), loaded as a file so that the
// site's Content-Security-Policy can forbid inline scripts. The scope is the site root: two levels above this file.
(function () {
  var root = new URL("../../", document.currentScript.src);
  window.__md_scope = root;
  window.__md_hash = function (e) { return [].slice.call(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage; scope = scope || __md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage; scope = scope || __md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage full or blocked */ }
  };
})();
