/* The search page: asks the index the build made (Pagefind, under pagefind/ on this site; no other
   host is asked). Without JavaScript the page offers the same ways in as links. */
(function () {
  "use strict";

  var form = document.querySelector(".search-form[data-search-index]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var bundle = new URL(form.getAttribute("data-search-index"), document.baseURI).href;
  var siteRoot = new URL(form.getAttribute("data-site-root"), document.baseURI).pathname;
  var MAX_SHOWN = 25;
  var engine = null;
  var latest = 0;

  function message(name, values) {
    return form.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function load() {
    // Pagefind picks the index of the page's language (<html lang>) by itself. A large site indexes a
    // language in parts: more.json names the further ones, merged into the search here.
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: siteRoot, excerptLength: 24 })
          .then(function () { return fetch(bundle + "more.json"); })
          .then(function (response) { return response.ok ? response.json() : {}; })
          .then(function (more) {
            var parts = more[document.documentElement.lang] || [];
            return Promise.all(parts.map(function (part) {
              return pagefind.mergeIndex(bundle + part, { baseUrl: siteRoot });
            }));
          })
          .then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function item(data) {
    var li = document.createElement("li");
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    if (data.meta && data.meta.kind) {
      var kind = document.createElement("p");
      kind.className = "search-kind";
      kind.textContent = data.meta.kind;
      li.appendChild(kind);
    }
    var excerpt = document.createElement("p");
    // Pagefind's excerpt is the page's text, escaped, with the matches in <mark>.
    excerpt.innerHTML = data.excerpt;
    li.appendChild(excerpt);
    return li;
  }

  function show(query, total, results) {
    list.replaceChildren.apply(list, results.map(item));
    list.hidden = results.length === 0;
    status.textContent = total ? message("results", { query: query, count: total }) : message("empty", { query: query });
  }

  function run(query) {
    var ticket = ++latest;
    if (!query) {
      show("", 0, []);
      status.textContent = "";
      return;
    }
    load()
      .then(function (pagefind) { return pagefind.search(query); })
      .then(function (search) {
        var shown = search.results.slice(0, MAX_SHOWN);
        return Promise.all(shown.map(function (result) { return result.data(); })).then(function (data) {
          if (ticket === latest) show(query, search.results.length, data);
        });
      })
      .catch(function () {
        if (ticket === latest) status.textContent = message("failed", {});
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    run(query);
  });

  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    run(asked.trim());
  }
})();
