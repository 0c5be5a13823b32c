// The editor page's what-if scenario: its frame and its script (served after edit.js in
// /assets/edit.js). The scenario lives in the page: a list of changes, each a JSON Patch made
// against the plan version the scenario started from. POST /api/scenario evaluates them
// together beside the plan; Keep sends the same patch to POST /api/plan, Drop forgets it.
#include "exporters/html_renderer.hpp"
#include "model/json_value.hpp"
#include "planner/server/app.hpp"

namespace planner::server {

std::string scenario_shell(const ReportText& text) {
    static const char* keys[] = {
        "scn_start",        "scn_hire",      "scn_leave",     "scn_channel",    "scn_role",
        "scn_name",         "scn_person",    "scn_status",    "scn_network",    "scn_posts",
        "scn_add",          "scn_changes",   "scn_empty",     "scn_hire_item",  "scn_leave_item",
        "scn_channel_item", "scn_now",       "scn_with",      "scn_findings",   "scn_staffing",
        "scn_need",         "scn_in_place",  "scn_gap",       "scn_overloaded", "scn_nobody",
        "scn_appear",       "scn_disappear", "scn_keep",      "scn_drop",       "scn_kept",
        "scn_dropped",      "scn_remove",    "scn_new_hire",  "edit_fte",       "edit_invalid",
        "edit_stale",       "status_active", "status_vacancy"};
    std::string strings = "{";
    bool first = true;
    for (const char* k : keys) {
        strings += (first ? "" : ",") + model::json_quote(k) + ":" +
                   model::json_quote(text.get(std::string("web.") + k));
        first = false;
    }
    for (const char* s : {"error", "warning", "info"})
        strings += "," + model::json_quote(std::string("sev_") + s) + ":" +
                   model::json_quote(text.get(std::string("common.severity_") + s));
    strings += "}";
    using exporters::html_escape;
    auto t = [&](const char* key) { return html_escape(text.get(std::string("web.") + key)); };
    std::string b = "<section id=\"scenario\" class=\"scenario\" data-strings=\"" +
                    html_escape(strings) + "\"><h2>" + t("scn_title") + "</h2><p>" + t("scn_lead") +
                    "</p>";
    b += "<button type=\"button\" id=\"scn-start\">" + t("scn_start") +
         "</button><span id=\"scn-status\" role=\"status\"></span>";
    b += "<div id=\"scn-body\" hidden><div class=\"scn-kinds\" role=\"group\">";
    for (const char* kind : {"hire", "leave", "channel"})
        b += std::string("<label><input type=\"radio\" name=\"scn-kind\" value=\"") + kind + "\"" +
             (std::string(kind) == "hire" ? " checked" : "") + "> " +
             t((std::string("scn_") + kind).c_str()) + "</label> ";
    b += "</div><form id=\"scn-form\" class=\"edit-form\" novalidate></form>";
    b += "<h3>" + t("scn_changes") + "</h3><ul id=\"scn-changes\"></ul>";
    b += "<div id=\"scn-errors\" class=\"errors\" role=\"alert\"></div>";
    b += "<div id=\"scn-compare\"></div>";
    b += "<button type=\"button\" class=\"primary\" id=\"scn-keep\" disabled>" + t("scn_keep") +
         "</button> <button type=\"button\" id=\"scn-drop\">" + t("scn_drop") + "</button></div>";
    b += "</section>";
    return b;
}

const std::string& asset_scenario_js() {
    static const std::string js = R"JS(
(function () {
  var root = document.getElementById("scenario");
  if (!root) return;
  var S = JSON.parse(root.getAttribute("data-strings"));
  var lang = (document.getElementById("editor") || root).getAttribute("data-lang") || "en";
  var sc = null; // { version, plan, choices, changes: [{ label, patch }] }
  var csrf = "";
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "className") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function fmt(s, v) { return s.replace(/\{(\w+)\}/g, function (m, k) { return v[k] !== undefined ? v[k] : m; }); }
  function esc(seg) { return String(seg).replace(/~/g, "~0").replace(/\//g, "~1"); }
  function list(x) { return Array.isArray(x) ? x : []; }
  function api(method, path, body, version) {
    var headers = { "Content-Type": "application/json" };
    if (method !== "GET") { headers["X-CSRF-Token"] = csrf; headers["If-Match"] = '"' + version + '"'; }
    return fetch(path, { method: method, headers: headers, credentials: "same-origin",
                         body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, json: j }; }); });
  }
  function say(text) { $("scn-status").textContent = text; }
  // An id from a name: lower case, no accents, words joined by "-"; unique in `taken`.
  function idFor(name, taken) {
    var base = String(name).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "new";
    var id = base, n = 2;
    while (taken.indexOf(id) >= 0) id = base + "-" + n++;
    return id;
  }
  function ids(kind) { return list(sc.plan[kind]).map(function (x) { return x.id; }); }
  function addTo(kind, key, value) {
    if (!Array.isArray(sc.plan[kind])) return { op: "add", path: "/" + kind, value: [value] };
    return { op: "add", path: "/" + kind + "/" + esc(key), value: value };
  }
  function nameOf(kind, id) {
    var x = list(sc.plan[kind]).filter(function (e) { return e.id === id; })[0];
    return x ? (x.name || x.id) : id;
  }
  function assignmentKey(a) {
    return a.person + ":" + a.duty + (a.channel ? ":" + a.channel : "") + (a.profile ? ":" + a.profile : "");
  }
  // Someone leaves: their assignments go, their reports report to their manager (or nobody),
  // goals and KPIs they own lose the owner, then the person goes.
  function leavePatch(id) {
    var ops = [];
    var me = list(sc.plan.people).filter(function (p) { return p.id === id; })[0] || {};
    list(sc.plan.assignments).forEach(function (a) {
      if (a.person === id) ops.push({ op: "remove", path: "/assignments/" + esc(assignmentKey(a)) });
    });
    var gone = {}; // people an earlier change of the scenario removes already
    sc.changes.forEach(function (c) { if (c.leaves) gone[c.leaves] = true; });
    list(sc.plan.people).forEach(function (p) {
      if (p.id === id || gone[p.id] || p.reports_to !== id) return;
      var path = "/people/" + esc(p.id) + "/reports_to";
      var boss = me.reports_to, steps = 0; // the nearest manager who stays
      while (boss && gone[boss] && steps++ < 1000) {
        var b = list(sc.plan.people).filter(function (q) { return q.id === boss; })[0];
        boss = b ? b.reports_to : undefined;
      }
      ops.push(boss && boss !== p.id && boss !== id ? { op: "replace", path: path, value: boss } : { op: "remove", path: path });
    });
    list(sc.plan.goals).forEach(function (g) {
      if (g.owner === id) ops.push({ op: "remove", path: "/goals/" + esc(g.id) + "/owner" });
      list(g.kpis).forEach(function (k) {
        if (k.owner === id) ops.push({ op: "remove", path: "/goals/" + esc(g.id) + "/kpis/" + esc(k.id) + "/owner" });
      });
    });
    ops.push({ op: "remove", path: "/people/" + esc(id) });
    return ops;
  }
  function select(name, options) {
    var s = el("select", { name: name });
    options.forEach(function (o) { s.appendChild(el("option", { value: o[0], text: o[1] })); });
    return s;
  }
  function field(label, input) { return el("label", { className: "field" }, [el("span", { text: label }), input]); }
  function kind() { var k = root.querySelector("[name=scn-kind]:checked"); return k ? k.value : "hire"; }
  function renderForm() {
    var form = $("scn-form");
    form.textContent = "";
    var k = kind();
    if (k === "hire") {
      form.appendChild(field(S.scn_name, el("input", { type: "text", name: "name", value: S.scn_new_hire })));
      form.appendChild(field(S.scn_role, select("role", list(sc.plan.roles).map(function (r) { return [r.id, r.name || r.id]; }))));
      form.appendChild(field(S.edit_fte, el("input", { type: "number", name: "fte", value: "1", step: "0.05", min: "0.05", max: "1" })));
      form.appendChild(field(S.scn_status, select("status", [["active", S.status_active], ["vacancy", S.status_vacancy]])));
    } else if (k === "leave") {
      var gone = {};
      sc.changes.forEach(function (c) { if (c.leaves) gone[c.leaves] = true; });
      form.appendChild(field(S.scn_person, select("person", list(sc.plan.people).filter(function (p) { return !gone[p.id]; })
        .map(function (p) { return [p.id, p.name || p.id]; }))));
    } else {
      form.appendChild(field(S.scn_name, el("input", { type: "text", name: "name", value: "TikTok" })));
      form.appendChild(field(S.scn_network, select("network", list(sc.choices.networks).map(function (n) { return [n, n]; }))));
      form.appendChild(field(S.scn_posts, el("input", { type: "number", name: "posts", value: "3", step: "1", min: "0" })));
    }
    form.appendChild(el("div", { className: "form-buttons" }, [el("button", { type: "submit", id: "scn-add", text: S.scn_add })]));
  }
  function taken(kind) {
    var mine = [];
    sc.changes.forEach(function (c) { if (c.kind === kind) mine.push(c.id); });
    return ids(kind).concat(mine);
  }
  function addChange(ev) {
    ev.preventDefault();
    var form = $("scn-form"), k = kind();
    function val(n) { var i = form.querySelector("[name=" + n + "]"); return i ? i.value.trim() : ""; }
    var change;
    if (k === "hire") {
      var name = val("name") || S.scn_new_hire, role = val("role");
      var id = idFor(name, taken("people"));
      var person = { id: id, name: name };
      if (role) person.roles = [role];
      if (val("fte") !== "" && Number(val("fte")) !== 1) person.fte = Number(val("fte"));
      if (val("status") === "vacancy") person.status = "vacancy";
      change = { kind: "people", id: id, label: fmt(S.scn_hire_item, { name: name, role: role ? nameOf("roles", role) : "\u2014" }),
                 patch: [addTo("people", id, person)] };
    } else if (k === "leave") {
      var who = val("person");
      if (!who) return;
      change = { leaves: who, label: fmt(S.scn_leave_item, { person: nameOf("people", who) }), patch: leavePatch(who) };
    } else {
      var cname = val("name") || "Channel", cid = idFor(cname, taken("channels"));
      var channel = { id: cid, network: val("network") || "other", name: cname,
                      workload: { posts_per_week: Number(val("posts") || 0), hours_per_post: 1 } };
      change = { kind: "channels", id: cid, label: fmt(S.scn_channel_item, { name: cname }), patch: [addTo("channels", cid, channel)] };
    }
    // A list the plan lacks is made by the first change only: later ones add to it.
    sc.changes.forEach(function (c) {
      c.patch.forEach(function (op) {
        change.patch.forEach(function (mine, i) {
          if (op.path === mine.path && Array.isArray(op.value) && Array.isArray(mine.value))
            change.patch[i] = { op: "add", path: mine.path + "/-", value: mine.value[0] };
        });
      });
    });
    sc.changes.push(change);
    renderForm();
    evaluate();
  }
  function patch() { var all = []; sc.changes.forEach(function (c) { all = all.concat(c.patch); }); return all; }
  function renderChanges() {
    var ul = $("scn-changes");
    ul.textContent = "";
    if (!sc.changes.length) ul.appendChild(el("li", { className: "p-note", text: S.scn_empty }));
    sc.changes.forEach(function (c, i) {
      var rm = el("button", { type: "button", className: "scn-remove", text: S.scn_remove });
      rm.addEventListener("click", function () { sc.changes.splice(i, 1); renderForm(); evaluate(); });
      ul.appendChild(el("li", {}, [c.label + " ", rm]));
    });
  }
  function cell(a, b) { return [el("td", { className: "num", text: String(a) }), el("td", { className: "num" + (a !== b ? " changed" : ""), text: String(b) })]; }
  function compareTable(title, rows) {
    return el("table", { className: "data whatif scn-table" }, [
      el("thead", {}, [el("tr", {}, [el("th", { text: title }), el("th", { text: S.scn_now }), el("th", { text: S.scn_with })])]),
      el("tbody", {}, rows)]);
  }
  function render(j) {
    var box = $("scn-compare");
    box.textContent = "";
    var sev = ["error", "warning", "info"].map(function (s) {
      return el("tr", {}, [el("th", { text: S["sev_" + s] })].concat(cell(j.now.findings[s], j.scenario.findings[s])));
    });
    box.appendChild(el("h3", { text: S.scn_findings }));
    box.appendChild(compareTable("", sev));
    var roles = {}, order = [];
    [["now", j.now], ["scenario", j.scenario]].forEach(function (side) {
      side[1].roles.forEach(function (r) {
        if (!roles[r.id]) { roles[r.id] = { role: r.role }; order.push(r.id); }
        roles[r.id][side[0]] = r;
      });
    });
    var head = el("tr", {}, [el("th", { text: S.scn_role, rowspan: "2" })]);
    var sub = el("tr");
    [S.scn_need, S.scn_in_place, S.scn_gap].forEach(function (h) {
      head.appendChild(el("th", { text: h, colspan: "2", className: "num" }));
      sub.appendChild(el("th", { text: S.scn_now, className: "num" }));
      sub.appendChild(el("th", { text: S.scn_with, className: "num" }));
    });
    var body = order.map(function (id) {
      var r = roles[id], a = r.now || {}, b = r.scenario || {};
      var tr = el("tr", { "data-role": id }, [el("th", { text: r.role })]);
      ["need", "in_place", "gap"].forEach(function (k) { cell(a[k] || "\u2014", b[k] || "\u2014").forEach(function (c) { tr.appendChild(c); }); });
      return tr;
    });
    box.appendChild(el("h3", { text: S.scn_staffing }));
    box.appendChild(el("div", { className: "table-wrap" }, [el("table", { className: "data whatif scn-staffing" }, [el("thead", {}, [head, sub]), el("tbody", {}, body)])]));
    function people(side) {
      return side.overloaded.length ? side.overloaded.map(function (p) { return p.person + " (" + p.utilisation + ")"; }).join(", ") : S.scn_nobody;
    }
    box.appendChild(el("h3", { text: S.scn_overloaded }));
    box.appendChild(compareTable("", [el("tr", {}, [el("th", { text: "" }), el("td", { text: people(j.now) }), el("td", { text: people(j.scenario) })])]));
    [[S.scn_appear, j.appeared, "scn-appeared"], [S.scn_disappear, j.disappeared, "scn-disappeared"]].forEach(function (x) {
      if (!x[1].length) return;
      box.appendChild(el("h3", { text: x[0] }));
      box.appendChild(el("ul", { className: "edit-findings " + x[2] }, x[1].map(function (f) {
        return el("li", { className: "finding sev-" + f.severity, "data-check": f.check, "data-subject": f.subject },
                  [el("span", { className: "badge", text: f.check }), " " + f.message]);
      })));
    });
  }
  function evaluate() {
    renderChanges();
    $("scn-errors").textContent = "";
    $("scn-compare").textContent = "";
    $("scn-keep").disabled = true;
    if (!sc.changes.length) return Promise.resolve();
    return api("POST", "/api/scenario?lang=" + lang, patch(), sc.version).then(function (r) {
      if (r.status !== 200) {
        $("scn-errors").appendChild(el("p", { text: r.status === 409 ? S.edit_stale : S.edit_invalid }));
        $("scn-errors").appendChild(el("ul", {}, list(r.json.errors).map(function (e) { return el("li", { text: (e.path ? e.path + ": " : "") + e.message }); })));
        return;
      }
      render(r.json);
      $("scn-keep").disabled = false;
    });
  }
  function close(text) {
    sc = null;
    $("scn-body").hidden = true;
    $("scn-start").hidden = false;
    say(text);
  }
  $("scn-start").addEventListener("click", function () {
    say("");
    api("GET", "/api/session").then(function (r) {
      csrf = r.json.csrf;
      return api("GET", "/api/plan");
    }).then(function (r) {
      sc = { version: r.json.version, plan: r.json.plan || {}, choices: r.json.choices || {}, changes: [] };
      $("scn-start").hidden = true;
      $("scn-body").hidden = false;
      renderForm();
      evaluate();
    });
  });
  root.querySelectorAll("[name=scn-kind]").forEach(function (r) { r.addEventListener("change", renderForm); });
  $("scn-form").addEventListener("submit", addChange);
  $("scn-drop").addEventListener("click", function () { close(S.scn_dropped); });
  $("scn-keep").addEventListener("click", function () {
    api("POST", "/api/plan", patch(), sc.version).then(function (r) {
      if (r.status !== 200) {
        $("scn-errors").textContent = "";
        $("scn-errors").appendChild(el("p", { text: r.status === 409 ? S.edit_stale : S.edit_invalid }));
        return;
      }
      close(S.scn_kept);
      // The editor reads the plan again (edit.js listens).
      document.dispatchEvent(new CustomEvent("planner:plan-changed"));
    });
  });
})();
)JS";
    return js;
}

} // namespace planner::server
