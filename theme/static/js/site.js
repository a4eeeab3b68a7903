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

  // Member directory: combine the filters in place instead of one at a time.
  var list = document.querySelector(".member-list");
  var groups = document.querySelectorAll(".filter-group[data-facet]");
  if (!list || !groups.length || document.querySelector(".filter-group a[aria-current]")) return;
  var attributeOf = { type: "data-type", offer: "data-offers", language: "data-languages", group: "data-groups" };
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
  function apply() {
    var shown = 0;
    list.querySelectorAll(".member-card").forEach(function (card) {
      var visible = selects.every(function (select) {
        if (!select.value) return true;
        var values = (card.getAttribute(attributeOf[select.dataset.facet]) || "").split(" ");
        return values.indexOf(select.value) !== -1;
      });
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    if (status) {
      status.textContent = status.getAttribute("data-template")
        .replace("{shown}", shown)
        .replace("{total}", list.children.length);
    }
  }
  form.addEventListener("change", apply);
  var details = document.querySelector(".filters");
  details.parentNode.insertBefore(form, details);
  details.open = false;
})();
