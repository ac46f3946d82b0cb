// The case-library search page: Pagefind with filters, sorting and a shareable URL (?q=...&event_type=...).
// Results are built with DOM methods only; excerpts keep Pagefind's <mark> highlights and nothing else.
// Downloads are kept small for large libraries: no web worker (its script is 40 KB), results in pages of
// PAGE_SIZE (each result's fragment is a download), and on a large site (data-eager-filters="false") the
// filter values come with the page (case counts of the whole library) and a filter's Pagefind data (about
// 2 bytes per case) is fetched only when a search uses it.
(function () {
  "use strict";
  var root = document.getElementById("nm-search");
  if (!root) return;

  var bundle = new URL(root.dataset.bundle, location.href);
  var siteRoot = new URL("../", bundle);
  var form = root.querySelector("form");
  var input = root.querySelector("#nm-search-input");
  var sort = root.querySelector("#nm-search-sort");
  var status = root.querySelector(".nm-search__status");
  var list = root.querySelector(".nm-search__results");
  var fieldsets = Array.prototype.slice.call(root.querySelectorAll("[data-filter]"));
  var more = root.querySelector(".nm-search__more");
  var eager = root.dataset.eagerFilters === "true";
  var totals = JSON.parse(root.dataset.filterCounts || "{}");
  var PAGE_SIZE = 20;
  var pagefind = null;
  var generation = 0;
  var pending = [];

  function params() { return new URLSearchParams(location.search); }

  function selected() {
    var chosen = {};
    fieldsets.forEach(function (set) {
      var values = Array.prototype.slice.call(set.querySelectorAll("input:checked")).map(function (box) { return box.value; });
      if (values.length) chosen[set.dataset.filter] = { any: values };
    });
    return chosen;
  }

  function writeUrl() {
    var query = new URLSearchParams();
    if (input.value.trim()) query.set("q", input.value.trim());
    if (sort.value) query.set("sort", sort.value);
    var chosen = selected();
    Object.keys(chosen).forEach(function (key) { chosen[key].any.forEach(function (v) { query.append(key, v); }); });
    var text = query.toString();
    history.replaceState(null, "", location.pathname + (text ? "?" + text : ""));
  }

  function buildFilters(available) {
    var wanted = params();
    fieldsets.forEach(function (set) {
      var key = set.dataset.filter;
      var values = Object.keys(available[key] || {}).sort();
      if (key === "year") values.reverse();
      values.forEach(function (value, index) {
        var id = "nm-f-" + key + "-" + index;
        var box = document.createElement("input");
        box.type = "checkbox"; box.id = id; box.value = value; box.name = key;
        box.checked = wanted.getAll(key).indexOf(value) >= 0;
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = value + " ";
        var count = document.createElement("span");
        count.className = "nm-count"; count.dataset.value = value;
        count.textContent = "(" + available[key][value] + ")";
        label.appendChild(count);
        var row = document.createElement("div");
        row.className = "nm-search__option";
        row.appendChild(box); row.appendChild(label);
        set.appendChild(row);
        box.addEventListener("change", run);
      });
      set.hidden = values.length === 0;
    });
  }

  function updateCounts(counts) {
    fieldsets.forEach(function (set) {
      var byValue = counts[set.dataset.filter];
      // A filter whose data was not fetched has no counts: keep showing the library's totals for it.
      if (!eager && (!byValue || !Object.keys(byValue).length)) byValue = totals[set.dataset.filter] || {};
      byValue = byValue || {};
      set.querySelectorAll(".nm-count").forEach(function (node) {
        node.textContent = "(" + (byValue[node.dataset.value] || 0) + ")";
      });
    });
  }

  function safeExcerpt(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var out = document.createElement("p");
    out.className = "nm-result__excerpt";
    parsed.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark"); mark.textContent = node.textContent; out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function renderResult(data) {
    var item = document.createElement("li");
    item.className = "nm-result";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var heading = document.createElement("h2");
    heading.className = "nm-result__title";
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = document.createElement("p");
    meta.className = "nm-result__meta";
    var facts = [];
    ["event_type", "loss_potential"].forEach(function (key) { if (data.filters && data.filters[key]) facts.push(data.filters[key].join(", ")); });
    if (data.meta && data.meta.published) facts.push("published " + data.meta.published);
    meta.textContent = facts.join(" · ");
    item.appendChild(meta);
    item.appendChild(data.excerpt ? safeExcerpt(data.excerpt) : document.createElement("p"));
    if (data.meta && data.meta.summary) {
      var summary = document.createElement("p");
      summary.className = "nm-result__summary";
      summary.textContent = data.meta.summary;
      item.appendChild(summary);
    }
    return item;
  }

  function run(event) {
    if (event && event.preventDefault) event.preventDefault();
    if (!pagefind) return;
    writeUrl();
    var mine = ++generation;
    var term = input.value.trim();
    var chosen = selected();
    var options = { filters: chosen };
    if (sort.value) { var parts = sort.value.split(":"); options.sort = {}; options.sort[parts[0]] = parts[1]; }
    if (!term && !Object.keys(chosen).length && !sort.value) {
      list.replaceChildren(); pending = []; more.hidden = true;
      status.textContent = "Type words to search, or pick a filter."; return;
    }
    status.textContent = "Searching…";
    pagefind.search(term || null, options).then(function (search) {
      if (mine !== generation) return;
      updateCounts(search.filters || {});
      pending = search.results;
      list.replaceChildren();
      return showMore(mine, search.results.length);
    }).catch(function (error) { status.textContent = "Search failed: " + error.message; });
  }

  function showMore(mine, total) {
    var next = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (rows) {
      if (mine !== generation) return;
      rows.forEach(function (row) { list.appendChild(renderResult(row)); });
      var shown = list.children.length;
      status.textContent = total === 0 ? "No cases match." :
        total + (total === 1 ? " case matches." : " cases match.") + (shown < total ? " Showing " + shown + "." : "");
      more.hidden = pending.length === 0;
    });
  }

  status.textContent = "Loading search…";
  import(new URL("pagefind.js", bundle).href).then(function (module) {
    pagefind = module;
    return pagefind.options({ baseUrl: siteRoot.pathname, noWorker: true }).then(function () {
      return eager ? pagefind.filters() : totals;
    });
  }).then(function (available) {
    var wanted = params();
    input.value = wanted.get("q") || "";
    sort.value = wanted.get("sort") || "";
    buildFilters(available || {});
    form.addEventListener("submit", run);
    more.addEventListener("click", function () { showMore(generation, list.children.length + pending.length); });
    input.addEventListener("input", run);
    sort.addEventListener("change", run);
    run();
  }).catch(function (error) {
    status.textContent = "Search is not available (" + error.message + "). Browse all cases instead.";
  });
})();
