/* Enhancements only: every page works without this file. */
(function () {
  "use strict";

  function rot13(text) {
    return text.replace(/[a-z]/gi, function (c) {
      var base = c <= "Z" ? 65 : 97;
      return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
    });
  }

  // "name [at] domain" becomes a working mailto link.
  document.querySelectorAll(".email[data-rot13]").forEach(function (node) {
    if (node.closest("a")) return; // already inside a link: a link in a link is not allowed
    var address = rot13(node.getAttribute("data-rot13"));
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    link.dir = "ltr";
    node.replaceWith(link);
  });

  // A list of events is hidden with its month heading when none of its events is shown.
  function hideEmptyLists() {
    document.querySelectorAll(".event-list").forEach(function (list) {
      var items = list.querySelectorAll(".event-item");
      var empty = items.length > 0 && Array.prototype.every.call(items, function (item) { return item.hidden; });
      list.hidden = empty;
      var heading = list.previousElementSibling;
      if (heading && heading.classList.contains("month-heading")) heading.hidden = empty;
    });
  }

  // --- Never stale -------------------------------------------------------------------------
  // The page was right on the day it was built ("as of", data-as-of). When the reader's today (in
  // the network's time zone) is later, events that have ended since are hidden from the lists, and
  // on an event's page its dates that have passed are marked and the next date moves on.

  function todayIn(zone) {
    var now = new Date();
    try {
      var parts = {};
      new Intl.DateTimeFormat("en", { timeZone: zone || undefined, year: "numeric", month: "2-digit", day: "2-digit" })
        .formatToParts(now)
        .forEach(function (part) { parts[part.type] = part.value; });
      return parts.year + "-" + parts.month + "-" + parts.day;
    } catch (error) { // an unknown time zone: the device's own day
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    }
  }

  function markPastDates(today) {
    var dates = document.querySelector(".date-list");
    if (!dates) return;
    var label = dates.getAttribute("data-past-label");
    dates.querySelectorAll("li[data-end]").forEach(function (item) {
      if (item.getAttribute("data-end") >= today || item.classList.contains("is-past")) return;
      item.classList.add("is-past");
      var mark = document.createElement("span");
      mark.className = "past-mark";
      mark.textContent = "(" + label + ")";
      item.querySelector(".date-when").after(" ", mark);
    });
    var lead = document.querySelector(".next-date[data-end]");
    if (!lead || lead.getAttribute("data-end") >= today) return;
    var next = dates.querySelector("li[data-end]:not(.is-past)");
    var mark = dates.querySelector(".next-mark");
    var old = dates.querySelector(".is-next");
    if (old) old.classList.remove("is-next");
    if (!next) {
      lead.hidden = true;
      if (mark) mark.remove();
      return;
    }
    next.classList.add("is-next");
    if (mark) next.querySelector(".date-when").after(" ", mark);
    lead.setAttribute("data-end", next.getAttribute("data-end"));
    lead.className = "next-date " + Array.prototype.filter.call(next.classList, function (name) {
      return name === "is-cancelled" || name === "is-postponed";
    }).join(" ");
    ["date-when", "date-note"].forEach(function (part) {
      var target = lead.querySelector("." + part);
      var source = next.querySelector("." + part);
      if (target) target.remove();
      if (source) lead.appendChild(source.cloneNode(true));
    });
  }

  function retirePastEvents() {
    var stamp = document.querySelector("[data-as-of]");
    if (!stamp) return;
    var today = todayIn(stamp.getAttribute("data-timezone"));
    if (today <= stamp.getAttribute("data-as-of")) return;
    var hidden = 0;
    document.querySelectorAll(".event-item[data-end]").forEach(function (item) {
      if (item.getAttribute("data-end") >= today) return;
      item.hidden = true;
      item.setAttribute("data-past", "");
      hidden += 1;
    });
    hideEmptyLists();
    markPastDates(today);
    if (!hidden) return;
    document.querySelectorAll(".as-of[data-stale-note]").forEach(function (note) {
      var said = document.createElement("span");
      said.className = "stale-note";
      said.textContent = note.getAttribute("data-stale-note");
      note.appendChild(document.createTextNode(" "));
      note.appendChild(said);
    });
  }

  retirePastEvents();

  // --- Filters ------------------------------------------------------------------------------
  // The member directory and the events list have one page per filter value (no script needed);
  // here the filters combine in place, with the choice kept in the address (?language=ar&…) so a
  // filtered view can be shared.

  function combineFilters(scope, itemSelector, attributeOf) {
    var groups = document.querySelectorAll(".filter-group[data-facet]");
    var details = document.querySelector(".filters");
    if (!groups.length || !details || document.querySelector(".filter-group a[aria-current]")) return;
    var form = document.createElement("form");
    form.className = "filter-form";
    form.setAttribute("role", "search");
    var status = document.querySelector(".filter-status");
    var selects = [];
    groups.forEach(function (group) {
      var facet = group.getAttribute("data-facet");
      var label = document.createElement("label");
      var select = document.createElement("select");
      select.id = "filter-" + facet;
      select.dataset.facet = facet;
      label.htmlFor = select.id;
      label.textContent = group.querySelector("h2").textContent;
      var any = document.createElement("option");
      any.value = "";
      any.textContent = "—";
      select.appendChild(any);
      group.querySelectorAll("a[data-value]").forEach(function (a) {
        var option = document.createElement("option");
        option.value = a.getAttribute("data-value");
        option.textContent = a.textContent.trim();
        select.appendChild(option);
      });
      var wrapper = document.createElement("div");
      wrapper.appendChild(label);
      wrapper.appendChild(select);
      form.appendChild(wrapper);
      selects.push(select);
    });

    function remember() {
      var query = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        if (select.value) query.set(select.dataset.facet, select.value);
        else query.delete(select.dataset.facet);
      });
      var search = query.toString();
      history.replaceState(history.state, "", (search ? "?" + search : location.pathname) + location.hash);
    }

    function apply() {
      var shown = 0;
      var total = 0;
      scope.querySelectorAll(itemSelector).forEach(function (item) {
        if (item.hasAttribute("data-past")) return; // over since the page was built
        total += 1;
        var visible = selects.every(function (select) {
          if (!select.value) return true;
          var values = (item.getAttribute(attributeOf[select.dataset.facet]) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      hideEmptyLists();
      if (status) {
        status.textContent = status.getAttribute("data-template").replace("{shown}", shown).replace("{total}", total);
      }
    }

    var wanted = new URLSearchParams(location.search);
    var chosen = false;
    selects.forEach(function (select) {
      var value = wanted.get(select.dataset.facet);
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
        chosen = true;
      }
    });
    form.addEventListener("change", function () {
      apply();
      remember();
    });
    details.parentNode.insertBefore(form, details);
    details.open = false;
    if (chosen) apply();
  }

  var members = document.querySelector(".member-list");
  if (members) {
    combineFilters(members, ".member-card", {
      type: "data-type", offer: "data-offers", language: "data-languages", group: "data-groups",
    });
  }
  var events = document.querySelector(".event-filter-scope");
  if (events) {
    combineFilters(events, ".event-item", {
      category: "data-category", language: "data-languages", audience: "data-audience",
    });
  }
})();
