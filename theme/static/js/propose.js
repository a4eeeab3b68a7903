/* The forms "propose an event" and "change our member entry": checked here against the rules of the
   data files (the form's data-rules, made at build time from the data contract, see
   plugins/netzwerk_site/forms.py), then the visitor's e-mail program opens with the proposal, in words
   and as a YAML block for the coordination. Without this script the page says what to write. */
(function () {
  "use strict";

  var form = document.querySelector("form.mail-form[data-rules]");
  if (!form) return;
  var rules = JSON.parse(form.getAttribute("data-rules"));
  var lang = form.getAttribute("data-lang");
  var nojs = document.querySelector(".form-nojs");
  if (nojs) nojs.hidden = true;
  form.hidden = false;

  function rot13(text) {
    return text.replace(/[a-z]/gi, function (c) {
      var base = c <= "Z" ? 65 : 97;
      return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
    });
  }

  function field(name) { return form.querySelector("[data-field='" + name + "']"); }
  function control(name) { var f = field(name); return f && f.querySelector("input, select, textarea"); }
  function value(name) { var c = control(name); return c ? c.value.trim() : ""; }
  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll("input[type=checkbox][name='" + name + "']:checked"),
      function (box) { return box.value; });
  }
  function labelOf(name) {
    var f = field(name);
    var label = f.querySelector("legend") || f.querySelector("label");
    var copy = label.cloneNode(true);
    copy.querySelectorAll(".required").forEach(function (mark) { mark.remove(); });
    return copy.textContent.trim();
  }
  function message(key, name, extra) {
    var text = form.getAttribute("data-msg-" + key).replace("{field}", labelOf(name));
    Object.keys(extra || {}).forEach(function (k) { text = text.replace("{" + k + "}", extra[k]); });
    return text;
  }

  // --- the character rules of values.py: CODE, LINE and TEXT --------------------------------
  var allowedFormat = new Set(rules.characters.allowedFormat);
  var invisibleLetters = new Set(rules.characters.invisibleLetters);
  var FLAG = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,6}\u{E007F}/gu;

  function characterProblem(text, kind) {
    if (kind !== "code") {
      text = text.replace(FLAG, function (m) { return "\u{1F3F4}".repeat(Array.from(m).length); });
    }
    var chars = Array.from(text);
    for (var i = 0; i < chars.length; i += 1) {
      var c = chars[i];
      var code = c.codePointAt(0);
      if (code >= 0x20 && code <= 0x7e) continue;
      var bad = false;
      if (/\p{Cc}/u.test(c)) bad = !(kind === "text" && (c === "\n" || c === "\t"));
      else if (/[\p{Zl}\p{Zp}\p{Cs}]/u.test(c) || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) bad = true;
      else if (/\p{Cf}/u.test(c)) bad = kind === "code" || !allowedFormat.has(code);
      else if (invisibleLetters.has(code)) bad = true;
      if (bad) return i + 1;
    }
    return 0;
  }

  function isUrl(text) {
    if (/\s/.test(text)) return false;
    try {
      var url = new URL(text);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch (error) {
      return false;
    }
  }
  function isEmail(text) { return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text) && !/\.\./.test(text); }
  function isDate(text) {
    var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
    if (!m) return false;
    var year = Number(m[1]);
    var day = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
    return year >= rules.minYear && year <= rules.maxYear && day.getUTCDate() === Number(m[3]);
  }

  // --- checking -----------------------------------------------------------------------------
  var errors = [];
  function fail(name, text) {
    if (errors.some(function (e) { return e.name === name; })) return;
    errors.push({ name: name, text: text });
  }

  var choices = {
    category: rules.categories, venue: rules.venues, working_group: rules.groups, organiser: rules.members,
    type: rules.memberTypes, member: rules.entries ? Object.keys(rules.entries) : [],
    audience: rules.audiences, languages: rules.languages, offers: rules.offers,
  };

  function checkFields() {
    form.querySelectorAll("[data-field]").forEach(function (f) {
      var name = f.getAttribute("data-field");
      var rule = f.getAttribute("data-rule") || f.querySelector("[data-rule]").getAttribute("data-rule");
      var c = control(name);
      var text = rule === "choices" ? "" : c.value;
      var trimmed = text.trim();
      if (rule !== "choices" && c.hasAttribute("data-required") && !trimmed) return fail(name, message("required", name));
      if (rule === "choices") {
        var allowed = choices[name] || [];
        if (checked(name).some(function (v) { return allowed.indexOf(v) === -1; })) fail(name, message("choice", name));
        return;
      }
      if (!trimmed) return;
      var kind = { line: "line", text: "text" }[rule] || "code";
      var position = characterProblem(text, kind);
      if (position) return fail(name, message("characters", name, { position: position }));
      if (rule === "url" && !isUrl(trimmed)) fail(name, message("url", name));
      if (rule === "email" && !isEmail(trimmed)) fail(name, message("email", name));
      if (rule === "date" && !isDate(trimmed)) fail(name, message("date", name, { min: rules.minYear, max: rules.maxYear }));
      if (rule === "choice" && (choices[name] || []).indexOf(trimmed) === -1) fail(name, message("choice", name));
      if (rule === "id") {
        if (trimmed.length > rules.idMaxLength) fail(name, message("id-length", name, { max: rules.idMaxLength }));
        else if (!new RegExp(rules.idPattern).test(trimmed)) fail(name, message("id", name));
        else if (rules.takenIds.indexOf(trimmed) !== -1 || rules.reservedIds.indexOf(trimmed) !== -1) {
          fail(name, message("id-taken", name));
        }
      }
    });
  }

  function moment(day, time) { return time ? day + "T" + time : day; }

  function checkEvent() {
    var startDate = value("start_date");
    var startTime = value("start_time");
    var endTime = value("end_time");
    if (Boolean(startTime) !== Boolean(endTime)) fail(startTime ? "end_time" : "start_time", message("times", startTime ? "end_time" : "start_time"));
    else if (isDate(startDate) && (!value("end_date") || isDate(value("end_date")))) {
      var start = moment(startDate, startTime);
      var end = moment(value("end_date") || startDate, endTime);
      if (startTime ? end <= start : end < start) fail(value("end_date") ? "end_date" : "end_time", message("end", value("end_date") ? "end_date" : "end_time"));
    }
    if (!value("venue") && !value("location") && !value("online")) fail("venue", message("place", "venue"));
    if (value("category") === "working-group" && !value("working_group")) fail("working_group", message("group", "working_group"));
  }

  function checkMember() {
    var parts = ["street", "postcode", "city"].map(value);
    if (parts.some(Boolean) && !parts.every(Boolean)) fail("street", message("address", "street"));
    if (value("member") && !memberChanges().length && !value("comment")) fail("comment", message("nothing", "comment"));
  }

  // --- the proposal as YAML and in words -------------------------------------------------------
  function q(text) { return JSON.stringify(text); }
  function textBlock(key, text) {
    var lines = text.replace(/\s+$/, "").split("\n");
    if (lines.length > 1 && !/^\s/.test(lines[0])) {
      return [key + ":", "  " + lang + ": |"].concat(lines.map(function (line) { return line ? "    " + line : ""; }));
    }
    return [key + ":", "  " + lang + ": " + q(text.trim())];
  }
  function list(key, values) { return values.length ? [key + ":"].concat(values.map(function (v) { return "  - " + q(v); })) : []; }

  function slug(text) {
    return text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
      .slice(0, 60).replace(/-+$/, "");
  }
  function suggestedId() {
    var base = [slug(value("title")) || "event", value("start_date")].filter(Boolean).join("-");
    var id = base;
    for (var n = 2; rules.takenIds.indexOf(id) !== -1 || rules.reservedIds.indexOf(id) !== -1; n += 1) id = base + "-" + n;
    return id;
  }

  function eventYaml() {
    var start = moment(value("start_date"), value("start_time"));
    var end = moment(value("end_date") || value("start_date"), value("end_time"));
    var lines = ["# yaml-language-server: $schema=../../../schemas/event.schema.json"]
      .concat(textBlock("title", value("title")))
      .concat(["category: " + q(value("category")), "start: " + q(start), "end: " + q(end)]);
    if (value("venue")) lines.push("venue: " + q(value("venue")));
    if (value("location")) lines = lines.concat(textBlock("location", value("location")));
    if (value("online")) lines.push("online: " + q(value("online")));
    if (value("working_group")) lines.push("working_group: " + q(value("working_group")));
    lines = lines.concat(list("organisers", value("organiser") ? [value("organiser")] : []));
    if (value("description")) lines = lines.concat(textBlock("description", value("description")));
    lines = lines.concat(list("languages", checked("languages")), list("audience", checked("audience")));
    if (value("registration_url") || value("registration_email")) {
      lines.push("registration:");
      if (value("registration_url")) lines.push("  url: " + q(value("registration_url")));
      if (value("registration_email")) lines.push("  email: " + q(value("registration_email")));
    }
    return lines.join("\n") + "\n";
  }

  function entry() { return rules.entries && rules.entries[value("member")]; }
  function memberChanges() {
    var now = entry();
    if (!now) return [];
    var changes = [];
    ["name", "type", "website", "email", "phone"].forEach(function (key) {
      var before = key === "email" ? rot13(now.email) : now[key];
      if (value(key) !== before) changes.push(key);
    });
    if (["street", "postcode", "city"].some(function (k) { return value(k) !== now[k]; })) changes.push("address");
    ["languages", "offers"].forEach(function (key) {
      if (checked(key).slice().sort().join(" ") !== now[key].slice().sort().join(" ")) changes.push(key);
    });
    if (value("description")) changes.push("description");
    return changes;
  }

  function memberYaml() {
    var lines = [];
    memberChanges().forEach(function (key) {
      if (key === "address") {
        if (!value("street")) lines.push("# " + "address: delete");
        else lines.push("address:", "  street: " + q(value("street")), "  postcode: " + q(value("postcode")), "  city: " + q(value("city")));
      } else if (key === "languages" || key === "offers") {
        lines = lines.concat(checked(key).length ? list(key, checked(key)) : ["# " + key + ": delete"]);
      } else if (key === "description") {
        lines = lines.concat(textBlock("description", value("description")));
      } else if (!value(key)) {
        lines.push("# " + key + ": delete");
      } else {
        lines.push(key + ": " + q(value(key)));
      }
    });
    return lines.join("\n") + "\n";
  }

  function summary() {
    var lines = [form.getAttribute("data-summary-heading"), ""];
    form.querySelectorAll("[data-field]").forEach(function (f) {
      var name = f.getAttribute("data-field");
      if (name === "sender_name" || name === "sender_email" || name === "comment") return;
      var shown;
      if (f.getAttribute("data-rule") === "choices") {
        shown = Array.prototype.map.call(f.querySelectorAll("input:checked"), function (box) {
          return f.querySelector("label[for='" + box.id + "']").textContent.trim();
        }).join(", ");
      } else {
        var c = control(name);
        shown = c.tagName === "SELECT" ? (c.value ? c.options[c.selectedIndex].textContent.trim() : "") : c.value.trim();
      }
      if (shown) lines.push(labelOf(name) + ": " + (shown.indexOf("\n") !== -1 ? "\n" + shown : shown));
    });
    if (value("comment")) lines.push("", labelOf("comment") + ":", value("comment"));
    var sender = value("sender_name") + (value("sender_email") ? " <" + value("sender_email") + ">" : "");
    lines.push("", form.getAttribute("data-msg-from") + " " + sender);
    return lines.join("\n");
  }

  // --- showing ----------------------------------------------------------------------------
  var errorBox = form.querySelector(".error-summary");
  var preview = form.querySelector(".mail-preview");

  function clearErrors() {
    form.querySelectorAll(".field-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    errorBox.hidden = true;
  }

  function focusField(name) {
    var f = field(name);
    var target = f.getAttribute("data-rule") === "choices" ? f.querySelector("input") : control(name);
    target.focus();
  }

  function showErrors() {
    var items = errorBox.querySelector("ul");
    items.textContent = "";
    errors.forEach(function (error) {
      var f = field(error.name);
      var note = f.querySelector(".field-error");
      note.textContent = error.text;
      note.hidden = false;
      (f.getAttribute("data-rule") === "choices" ? f : control(error.name)).setAttribute("aria-invalid", "true");
      var link = document.createElement("a");
      link.href = "#" + (f.id || control(error.name).id);
      link.textContent = error.text;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        focusField(error.name);
      });
      var li = document.createElement("li");
      li.appendChild(link);
      items.appendChild(li);
    });
    preview.hidden = true;
    errorBox.hidden = false;
    errorBox.focus();
  }

  function showMail() {
    var isEvent = rules.kind === "event";
    var id = isEvent ? value("id") : value("member");
    var title = isEvent ? value("title") : value("name");
    var heading = form.getAttribute("data-yaml-heading").replace("{id}", id)
      .replace("{year}", value("start_date").slice(0, 4));
    var yaml = isEvent ? eventYaml() : memberYaml();
    var body = summary() + "\n\n----- " + heading + " -----\n" + yaml + "----- end -----\n";
    var subject = form.getAttribute("data-subject").replace("{title}", title);
    var to = rot13(rules.to);
    var href = "mailto:" + to + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
    var tooLong = href.length > rules.mailtoLimit;
    if (tooLong) {
      href = "mailto:" + to + "?subject=" + encodeURIComponent(subject) + "&body=" +
        encodeURIComponent(form.getAttribute("data-msg-paste"));
    }
    preview.querySelector(".too-long").hidden = !tooLong;
    preview.querySelector(".mail-link").href = href;
    preview.querySelector(".mail-subject").textContent = subject;
    preview.querySelector(".mail-body").textContent = body;
    preview.querySelector(".copy-status").textContent = "";
    preview.hidden = false;
    preview.querySelector("h2").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (rules.kind === "event" && !value("id")) control("id").value = suggestedId();
    errors = [];
    clearErrors();
    checkFields();
    if (rules.kind === "event") checkEvent();
    else checkMember();
    // in the order of the form, so the summary reads like the page
    var order = Array.prototype.map.call(form.querySelectorAll("[data-field]"), function (f) { return f.getAttribute("data-field"); });
    errors.sort(function (a, b) { return order.indexOf(a.name) - order.indexOf(b.name); });
    if (errors.length) showErrors();
    else showMail();
  });

  // Any change makes a prepared mail out of date.
  form.addEventListener("input", function () { preview.hidden = true; });

  // The event's short name follows the title and date until the visitor writes one.
  if (rules.kind === "event") {
    var idInput = control("id");
    var auto = true;
    idInput.addEventListener("input", function () { auto = idInput.value === ""; });
    form.addEventListener("input", function (event) {
      if (auto && event.target !== idInput) idInput.value = suggestedId();
    });
  }

  // The member form starts from the entry as it is.
  if (rules.kind === "member") {
    control("member").addEventListener("change", function () {
      var now = entry();
      if (!now) return;
      ["name", "type", "website", "phone", "street", "postcode", "city"].forEach(function (key) { control(key).value = now[key]; });
      control("email").value = rot13(now.email);
      ["languages", "offers"].forEach(function (key) {
        form.querySelectorAll("input[type=checkbox][name='" + key + "']").forEach(function (box) {
          box.checked = now[key].indexOf(box.value) !== -1;
        });
      });
    });
  }

  preview.querySelector(".copy-button").addEventListener("click", function () {
    var status = preview.querySelector(".copy-status");
    var text = preview.querySelector(".mail-body").textContent;
    function selectIt() {
      var range = document.createRange();
      range.selectNodeContents(preview.querySelector(".mail-body"));
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = form.getAttribute("data-msg-copied");
      }, function () {
        selectIt();
        status.textContent = form.getAttribute("data-msg-copy-failed");
      });
    } else {
      selectIt();
      status.textContent = form.getAttribute("data-msg-copy-failed");
    }
  });
})();
