// The editor page: its frame (filled by edit.js from the edit API) and its script, built into
// the executable. The page's words come from templates/ in a data attribute: no inline script.
#include "exporters/html_renderer.hpp"
#include "model/json_value.hpp"
#include "model/plan_queries.hpp"
#include "planner/checks/checks.hpp"
#include "planner/server/app.hpp"

#include <functional>

namespace planner::server {

namespace {

// The words of the forms for KPIs, profiles, custom duties, suppressions and the plan's
// settings, and the names the forms show instead of ids (metrics, checks, days, goal kinds),
// as ",KEY:TEXT" pairs for the page's data-strings object.
std::string form_strings(const ReportText& text) {
    static const char* keys[] = {"edit_plan_settings",
                                 "edit_open_settings",
                                 "edit_duties",
                                 "edit_add_duty",
                                 "edit_suppress",
                                 "edit_suppress_lead",
                                 "edit_add_suppress",
                                 "edit_every_finding",
                                 "edit_kpis",
                                 "edit_add_kpi",
                                 "edit_profiles",
                                 "edit_add_profile",
                                 "edit_all_goal_channels",
                                 "edit_goal_owner",
                                 "edit_default",
                                 "edit_dir_up",
                                 "edit_dir_down",
                                 "edit_f_check",
                                 "edit_f_subject",
                                 "edit_f_reason",
                                 "edit_f_metric",
                                 "edit_f_channel",
                                 "edit_f_target",
                                 "edit_f_direction",
                                 "edit_f_handle",
                                 "edit_f_workload_minutes_per_publish",
                                 "edit_f_workload_minutes_per_approval",
                                 "edit_f_care_timezone",
                                 "edit_f_care_service_level",
                                 "edit_f_cost",
                                 "edit_f_hours_per_week",
                                 "edit_f_channel_bound",
                                 "edit_f_exclusive",
                                 "edit_f_organization",
                                 "edit_f_quarter",
                                 "edit_f_week_hours",
                                 "edit_f_week_days",
                                 "edit_f_week_start",
                                 "edit_f_week_end",
                                 "edit_f_overhead",
                                 "edit_f_thresholds_overload",
                                 "edit_f_thresholds_underuse",
                                 "edit_f_thresholds_span_of_control",
                                 "edit_f_thresholds_bus_factor",
                                 "edit_f_thresholds_max_responsible",
                                 "edit_f_thresholds_approval_steps",
                                 "edit_f_thresholds_attainment_amber",
                                 "edit_f_currency",
                                 "edit_f_budget",
                                 "edit_f_cost_loading",
                                 "edit_kind_engagement",
                                 "edit_kind_customer_care",
                                 "edit_kind_reach",
                                 "edit_kind_conversion",
                                 "edit_kind_awareness",
                                 "edit_kind_roi",
                                 "edit_kind_other",
                                 "edit_network_other",
                                 "edit_duty_all",
                                 "edit_not_number"};
    std::string out;
    auto pair = [&](const std::string& key, const std::string& value) {
        out += "," + model::json_quote(key) + ":" + model::json_quote(value);
    };
    for (const char* k : keys)
        pair(k, text.get(std::string("web.") + k));
    for (const std::string& metric : model::metric_names())
        pair("metric_" + metric, text.get("metric_labels." + metric));
    for (const CheckInfo& check : check_catalogue())
        pair("check_" + std::string(check.id), text.get("checks." + std::string(check.id)));
    static const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::vector<std::string> names = text.list("web.days");
    for (size_t i = 0; i < 7 && i < names.size(); ++i)
        pair(std::string("day_") + days[i], names[i]);
    return out;
}

// The sections of the forms that are not lists of people, roles, channels or goals: custom
// duties, suppressions and the plan's settings.
std::string form_sections(const std::function<std::string(const char*)>& t) {
    std::string b;
    b += "<h2>" + t("edit_duties") +
         "</h2><div class=\"table-wrap\"><table class=\"data\" "
         "id=\"edit-duties\"><tbody></tbody></table></div><button type=\"button\" "
         "class=\"add-entity\" data-kind=\"duties\">" +
         t("edit_add_duty") +
         "</button><form class=\"edit-form entity-form\" id=\"form-duties\" "
         "data-kind=\"duties\" hidden novalidate></form>";
    b += "<h2>" + t("edit_suppress") + "</h2><p>" + t("edit_suppress_lead") +
         "</p><div class=\"table-wrap\"><table class=\"data\" "
         "id=\"edit-suppress\"><tbody></tbody></table></div><button type=\"button\" "
         "id=\"add-suppress\">" +
         t("edit_add_suppress") +
         "</button><form class=\"edit-form\" id=\"form-suppress\" hidden "
         "novalidate></form>";
    b += "<h2>" + t("edit_plan_settings") +
         "</h2><p id=\"plan-summary\"></p><button type=\"button\" id=\"open-settings\">" +
         t("edit_open_settings") +
         "</button><form class=\"edit-form\" id=\"form-plan\" hidden novalidate></form>";
    return b;
}

} // namespace

std::string editor_shell(const ReportText& text, const std::string& language) {
    static const char* keys[] = {"edit_lead",
                                 "edit_undo",
                                 "edit_jump",
                                 "edit_redo",
                                 "edit_people",
                                 "edit_add_person",
                                 "edit_edit",
                                 "edit_remove",
                                 "edit_id",
                                 "edit_name",
                                 "edit_roles",
                                 "edit_fte",
                                 "edit_capacity",
                                 "edit_days",
                                 "edit_start",
                                 "edit_end",
                                 "edit_timezone",
                                 "edit_skills",
                                 "edit_interests",
                                 "edit_manager",
                                 "edit_status",
                                 "edit_absences",
                                 "edit_add_absence",
                                 "edit_from",
                                 "edit_to",
                                 "edit_reason",
                                 "edit_none",
                                 "edit_review",
                                 "edit_save",
                                 "edit_cancel",
                                 "edit_raci_lead",
                                 "edit_backup",
                                 "edit_share",
                                 "edit_findings",
                                 "edit_fix",
                                 "edit_no_findings",
                                 "edit_rebalance",
                                 "edit_accept",
                                 "edit_reject",
                                 "edit_no_moves",
                                 "edit_move",
                                 "edit_saved",
                                 "edit_no_change",
                                 "edit_stale",
                                 "edit_invalid",
                                 "edit_appeared",
                                 "edit_disappeared",
                                 "edit_advanced",
                                 "edit_apply",
                                 "edit_nobody",
                                 "edit_whatif",
                                 "edit_now",
                                 "edit_with_change",
                                 "edit_m_people",
                                 "edit_m_fte_required",
                                 "edit_m_fte_current",
                                 "edit_m_hires",
                                 "edit_m_overloaded",
                                 "edit_m_errors",
                                 "edit_m_warnings",
                                 "edit_keep",
                                 "edit_drop",
                                 "edit_roles",
                                 "edit_channels",
                                 "edit_goals",
                                 "edit_add_role",
                                 "edit_add_channel",
                                 "edit_add_goal",
                                 "edit_f_duties",
                                 "edit_f_network",
                                 "edit_f_workload_posts_per_week",
                                 "edit_f_workload_hours_per_post",
                                 "edit_f_workload_inbound_per_day",
                                 "edit_f_workload_minutes_per_inbound",
                                 "edit_f_workload_listening_hours_per_week",
                                 "edit_f_workload_reporting_hours_per_week",
                                 "edit_f_workload_ads_hours_per_week",
                                 "edit_f_care_days",
                                 "edit_f_care_start",
                                 "edit_f_care_end",
                                 "edit_f_care_response_minutes",
                                 "edit_f_approval_required",
                                 "edit_f_approval_steps",
                                 "edit_f_kind",
                                 "edit_f_priority",
                                 "edit_f_owner",
                                 "edit_f_channels",
                                 "status_active",
                                 "status_vacancy",
                                 "status_leaving",
                                 "status_contractor"};
    std::string strings = "{";
    bool first = true;
    for (const char* k : keys) {
        strings += (first ? "" : ",") + model::json_quote(k) + ":" +
                   model::json_quote(text.get(std::string("web.") + k));
        first = false;
    }
    // The standard duties by name in the page's language (the RACI grid's headings).
    for (const char* duty : {"create", "publish", "approve", "engage", "listen", "report", "ads"})
        strings += "," + model::json_quote(std::string("duty_") + duty) + ":" +
                   model::json_quote(text.get(std::string("duty_names.") + duty));
    strings += form_strings(text);
    strings += "}";
    using exporters::html_escape;
    auto t = [&](const char* key) { return html_escape(text.get(std::string("web.") + key)); };
    std::string b;
    b += "<div id=\"editor\" data-lang=\"" + language + "\" data-strings=\"" +
         html_escape(strings) + "\">";
    b += "<p class=\"p-lead\">" + t("edit_lead") + "</p>";
    b += "<div class=\"edit-bar\"><button type=\"button\" id=\"undo\" disabled>" + t("edit_undo") +
         "</button><button type=\"button\" id=\"redo\" disabled>" + t("edit_redo") +
         "</button><span id=\"edit-status\" role=\"status\"></span></div>";
    b += "<div id=\"edit-jumps\" class=\"edit-jumps\" role=\"navigation\"></div>";
    b += "<section id=\"review\" class=\"review\" hidden><h2>" + t("edit_review") +
         "</h2><div id=\"review-compare\"></div><pre id=\"review-diff\"></pre><div "
         "id=\"review-findings\"></div><div "
         "id=\"review-errors\" class=\"errors\" role=\"alert\"></div><button type=\"button\" "
         "class=\"primary\" id=\"review-save\">" +
         t("edit_keep") + "</button> <button type=\"button\" id=\"review-cancel\">" +
         t("edit_drop") + "</button></section>";
    b +=
        "<h2>" + t("edit_findings") + "</h2><ul id=\"edit-findings\" class=\"edit-findings\"></ul>";
    b += "<h2>" + t("edit_people") +
         "</h2><div class=\"table-wrap\"><table class=\"data\" "
         "id=\"edit-people\"><tbody></tbody></table></div><button type=\"button\" "
         "id=\"add-person\">" +
         t("edit_add_person") +
         "</button><form id=\"person-form\" class=\"edit-form\" hidden "
         "novalidate></form>";
    for (const char* kind : {"roles", "channels", "goals"}) {
        const std::string k = kind;
        const std::string add = k == "roles"      ? "edit_add_role"
                                : k == "channels" ? "edit_add_channel"
                                                  : "edit_add_goal";
        b += "<h2>" + t(("edit_" + k).c_str()) +
             "</h2><div class=\"table-wrap\"><table class=\"data\" id=\"edit-" + k +
             "\"><tbody></tbody></table></div><button type=\"button\" class=\"add-entity\" "
             "data-kind=\"" +
             k + "\">" + t(add.c_str()) +
             "</button><form class=\"edit-form entity-form\" id=\"form-" + k + "\" data-kind=\"" +
             k + "\" hidden novalidate></form>";
    }
    b += form_sections([&](const char* key) { return t(key); });
    b += "<h2>" + html_escape(text.get("web.nav_raci")) + "</h2><p>" + t("edit_raci_lead") +
         "</p><div class=\"table-wrap\"><table class=\"matrix raci-edit\" "
         "id=\"raci-grid\"></table></div><div id=\"raci-cell\" class=\"edit-form\" hidden></div>";
    b += "<h2>" + t("edit_rebalance") + "</h2><div id=\"moves\"></div>";
    b += scenario_shell(text); // assets_scenario.cpp
    b += "<h2>" + t("edit_advanced") +
         "</h2><form id=\"raw-form\" class=\"edit-form\"><textarea "
         "id=\"raw-patch\" rows=\"3\" cols=\"80\" spellcheck=\"false\">[{\"op\": \"replace\", "
         "\"path\": \"/plan/overhead\", \"value\": 0.2}]</textarea><br><button "
         "type=\"submit\">" +
         t("edit_review") + "</button></form>";
    b += "<datalist id=\"timezones\"></datalist></div>";
    return b;
}

const std::string& asset_edit_js() {
    static const std::string js = R"JS(
"use strict";
(function () {
  var root = document.getElementById("editor");
  if (!root) return;
  var S = JSON.parse(root.getAttribute("data-strings"));
  var state = { version: 0, plan: {}, csrf: "", pending: null, undo: [], redo: [], rejected: {} };
  var DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "className") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  function esc(seg) { return String(seg).replace(/~/g, "~0").replace(/\//g, "~1"); }
  function fmt(s, values) {
    return s.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  // Adds an element to a list of the plan, making the list when the plan has none yet.
  function addTo(kind, key, value) {
    if (!Array.isArray(state.plan[kind])) return { op: "add", path: "/" + kind, value: [value] };
    return { op: "add", path: "/" + kind + "/" + esc(key), value: value };
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function list(x) { return Array.isArray(x) ? x : []; }
  function api(method, path, body) {
    var headers = { "Content-Type": "application/json" };
    if (method !== "GET") { headers["X-CSRF-Token"] = state.csrf; headers["If-Match"] = '"' + state.version + '"'; }
    // The messages of a refused change come in the page's language.
    if (method !== "GET")
      path += (path.indexOf("?") < 0 ? "?" : "&") + "lang=" + encodeURIComponent(root.getAttribute("data-lang") || "en");
    return fetch(path, { method: method, headers: headers, credentials: "same-origin",
                         body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, json: j }; }); });
  }
  function status(text) { $("edit-status").textContent = text; }

  // ---- loading and rendering ----
  function load() {
    return api("GET", "/api/plan").then(function (r) {
      state.version = r.json.version;
      state.plan = r.json.plan || {};
      state.choices = r.json.choices || {};
      renderPeople();
      ["roles", "channels", "goals", "duties"].forEach(renderEntities);
      renderMoreForms();
      renderRaci();
      loadFindings();
      loadMoves();
      $("undo").disabled = state.undo.length === 0;
      $("redo").disabled = state.redo.length === 0;
    });
  }
  function personName(id) {
    var p = list(state.plan.people).filter(function (x) { return x.id === id; })[0];
    return p ? (p.name || p.id) : id;
  }
  function roleName(id) {
    var r = list(state.plan.roles).filter(function (x) { return x.id === id; })[0];
    return r ? (r.name || r.id) : id;
  }
  function renderPeople() {
    var body = $("edit-people").tBodies[0];
    body.textContent = "";
    list(state.plan.people).forEach(function (p) {
      var tr = el("tr", { "data-person": p.id }, [
        el("td", { text: p.name || p.id }),
        el("td", { text: list(p.roles).map(roleName).join(", ") }),
        el("td", { className: "num", text: p.fte !== undefined ? String(p.fte) : (p.capacity_hours !== undefined ? p.capacity_hours + " h" : "1") }),
        el("td", { text: S["status_" + (p.status || "active")] || p.status }),
        el("td", {}, [el("button", { type: "button", className: "edit-person", text: S.edit_edit }), document.createTextNode(" "),
          el("button", { type: "button", className: "remove-person", text: S.edit_remove })])
      ]);
      tr.querySelector("button").addEventListener("click", function () { openPerson(p.id); });
      tr.querySelector(".remove-person").addEventListener("click", function () { propose([{ op: "remove", path: "/people/" + esc(p.id) }]); });
      body.appendChild(tr);
    });
  }

  // ---- the person form ----
  function field(label, input, path) {
    input.setAttribute("data-path", path);
    return el("label", { className: "field" }, [el("span", { text: label }), input,
      el("span", { className: "field-error", "data-error-for": path })]);
  }
  // Where a message of the edit API goes: every field named by its path (a duplicate id names
  // two rows), in a new element's form the field under /KIND/new/...; a missing key ("is
  // missing 'reason'", in Latvian "trūkst 'reason'") beside that key's field; else beside the
  // nearest enclosing field.
  function errorSpots(path, message) {
    function find(p) {
      var q = function (x) { return document.querySelectorAll('[data-error-for="' + x.replace(/"/g, '\\"') + '"]'); };
      var found = q(p);
      return found.length ? found : q(p.replace(/^\/(\w+)\/[^/]+/, "/$1/new"));
    }
    var missing = /(?:missing|tr\u016bkst) '(\w+)'/.exec(message || "");
    if (missing && path.lastIndexOf("/") > 0) {
      var sibling = find(path.slice(0, path.lastIndexOf("/")) + "/" + missing[1]);
      if (sibling.length) return Array.prototype.slice.call(sibling);
    }
    for (var up = path; up; up = up.lastIndexOf("/") > 0 ? up.slice(0, up.lastIndexOf("/")) : "") {
      var spots = find(up);
      if (spots.length) return Array.prototype.slice.call(spots);
    }
    return [];
  }
  function input(type, value, attrs) {
    var i = el("input", Object.assign({ type: type }, attrs || {}));
    if (value !== undefined && value !== null) i.value = String(value);
    return i;
  }
  function checks(name, options, chosen) {
    var box = el("span", { className: "checks", "data-group": name });
    options.forEach(function (o) {
      var c = input("checkbox", o.value, { name: name });
      c.checked = chosen.indexOf(o.value) >= 0;
      box.appendChild(el("label", {}, [c, document.createTextNode(" " + o.label)]));
    });
    return box;
  }
  function absenceRow(a) {
    var row = el("div", { className: "absence" }, [
      input("date", a.from, { "data-k": "from", "aria-label": S.edit_from }),
      input("date", a.to, { "data-k": "to", "aria-label": S.edit_to }),
      input("text", a.reason, { "data-k": "reason", placeholder: S.edit_reason }),
      el("button", { type: "button", text: "\u00d7", "aria-label": S.edit_remove })]);
    row.querySelector("button").addEventListener("click", function () { row.remove(); });
    return row;
  }
  function openPerson(id) {
    var form = $("person-form");
    var p = id ? list(state.plan.people).filter(function (x) { return x.id === id; })[0] : {};
    var base = id ? "/people/" + esc(id) : "/people/new";
    form.textContent = "";
    form.setAttribute("data-person", id || "");
    if (!id) form.appendChild(field(S.edit_id, input("text", "", { name: "id", required: "", pattern: "[a-z0-9][a-z0-9_-]*" }), "/people/new/id"));
    form.appendChild(field(S.edit_name, input("text", p.name, { name: "name" }), base + "/name"));
    form.appendChild(field(S.edit_roles, checks("roles", list(state.plan.roles).map(function (r) { return { value: r.id, label: r.name || r.id }; }), list(p.roles)), base + "/roles"));
    form.appendChild(field(S.edit_fte, input("number", p.fte, { name: "fte", step: "0.05", min: "0", max: "1" }), base + "/fte"));
    form.appendChild(field(S.edit_capacity, input("number", p.capacity_hours, { name: "capacity_hours", step: "0.5", min: "0" }), base + "/capacity_hours"));
    var hours = p.hours || {};
    form.appendChild(field(S.edit_days, checks("days", opts(DAYS, dayName), list(hours.days)), base + "/hours/days"));
    form.appendChild(field(S.edit_start, input("time", hours.start, { name: "start" }), base + "/hours/start"));
    form.appendChild(field(S.edit_end, input("time", hours.end, { name: "end" }), base + "/hours/end"));
    form.appendChild(field(S.edit_timezone, input("text", p.timezone, { name: "timezone", list: "timezones", autocomplete: "off", placeholder: (state.plan.plan || {}).timezone || "UTC" }), base + "/timezone"));
    form.appendChild(field(S.edit_skills, input("text", list(p.skills).join(", "), { name: "skills" }), base + "/skills"));
    form.appendChild(field(S.edit_interests, checks("interests", list(state.plan.channels).map(function (c) { return { value: c.id, label: c.name || c.id }; }), list(p.interests)), base + "/interests"));
    var manager = el("select", { name: "reports_to" }, [el("option", { value: "", text: S.edit_none })]);
    list(state.plan.people).forEach(function (q) {
      if (q.id === id) return;
      var o = el("option", { value: q.id, text: q.name || q.id });
      if (q.id === p.reports_to) o.selected = true;
      manager.appendChild(o);
    });
    form.appendChild(field(S.edit_manager, manager, base + "/reports_to"));
    var st = el("select", { name: "status" });
    ["active", "vacancy", "leaving", "contractor"].forEach(function (s) {
      var o = el("option", { value: s, text: S["status_" + s] });
      if ((p.status || "active") === s) o.selected = true;
      st.appendChild(o);
    });
    form.appendChild(field(S.edit_status, st, base + "/status"));
    var abs = el("div", { className: "absences", "data-path": base + "/absences" });
    list(p.absences).forEach(function (a) { abs.appendChild(absenceRow(a)); });
    var addAbs = el("button", { type: "button", text: S.edit_add_absence });
    addAbs.addEventListener("click", function () { abs.appendChild(absenceRow({})); });
    form.appendChild(el("fieldset", {}, [el("legend", { text: S.edit_absences }), abs, addAbs,
      el("span", { className: "field-error", "data-error-for": base + "/absences" })]));
    var submit = el("button", { type: "submit", className: "primary", text: S.edit_review });
    var cancel = el("button", { type: "button", text: S.edit_cancel });
    cancel.addEventListener("click", function () { form.hidden = true; });
    form.appendChild(el("div", { className: "form-buttons" }, [submit, document.createTextNode(" "), cancel]));
    form.hidden = false;
    form.scrollIntoView({ block: "nearest" });
  }
  function numberOr(text) {
    if (text.trim() === "") return undefined;
    var n = Number(text);
    return isNaN(n) ? text : n;
  }
  function personPatch(form) {
    var id = form.getAttribute("data-person");
    var old = id ? list(state.plan.people).filter(function (x) { return x.id === id; })[0] : {};
    var p = JSON.parse(JSON.stringify(old || {}));
    function get(name) { var i = form.querySelector("[name=" + name + "]"); return i ? i.value : ""; }
    function checked(group) {
      return Array.prototype.map.call(form.querySelectorAll("[data-group=" + group + "] input:checked"), function (c) { return c.value; });
    }
    function put(key, value) { if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete p[key]; else p[key] = value; }
    if (!id) { id = get("id").trim(); p.id = id; }
    put("name", get("name").trim());
    put("roles", checked("roles"));
    put("fte", numberOr(get("fte")));
    put("capacity_hours", numberOr(get("capacity_hours")));
    var hours = Object.assign({}, p.hours || {});
    var days = checked("days");
    if (days.length) hours.days = days; else delete hours.days;
    if (get("start")) hours.start = get("start"); else delete hours.start;
    if (get("end")) hours.end = get("end"); else delete hours.end;
    put("hours", Object.keys(hours).length ? hours : undefined);
    put("timezone", get("timezone").trim());
    put("skills", get("skills").split(",").map(function (s) { return s.trim(); }).filter(Boolean));
    put("interests", checked("interests"));
    put("reports_to", get("reports_to"));
    if (get("status") === "active" && !old.status) delete p.status; else p.status = get("status");
    var absences = Array.prototype.map.call(form.querySelectorAll(".absence"), function (row) {
      var a = {};
      row.querySelectorAll("input").forEach(function (i) { if (i.value) a[i.getAttribute("data-k")] = i.value; });
      return a;
    }).filter(function (a) { return Object.keys(a).length; });
    put("absences", absences);
    if (!form.getAttribute("data-person")) return [addTo("people", id, p)];
    var ops = [], base = "/people/" + esc(id);
    Object.keys(p).forEach(function (k) {
      if (!(k in old)) ops.push({ op: "add", path: base + "/" + esc(k), value: p[k] });
      else if (!same(old[k], p[k])) ops.push({ op: "replace", path: base + "/" + esc(k), value: p[k] });
    });
    Object.keys(old).forEach(function (k) { if (!(k in p)) ops.push({ op: "remove", path: base + "/" + esc(k) }); });
    return ops;
  }

  // ---- roles, channels, goals: forms from a list of fields (dotted keys are nested) ----
  function opts(values, labels) { return values.map(function (v) { return { value: v, label: labels ? labels(v) : v }; }); }
  function allDuties() {
    return list(state.choices.duties).concat(list(state.plan.duties).map(function (d) { return d.id; }));
  }
  function dayName(d) { return S["day_" + d] || d; }
  var NETWORKS = { instagram: "Instagram", facebook: "Facebook", linkedin: "LinkedIn", x: "X", youtube: "YouTube",
                   tiktok: "TikTok", pinterest: "Pinterest", threads: "Threads" };
  function networkName(n) { return n === "other" ? S.edit_network_other : (NETWORKS[n] || n); }
  function peopleOpts(first) {
    return [{ value: "", label: first }].concat(list(state.plan.people).map(function (p) { return { value: p.id, label: p.name || p.id }; }));
  }
  function channelOpts() { return list(state.plan.channels).map(function (c) { return { value: c.id, label: c.name || c.id }; }); }
  var ENTITY = {
    roles: [["name", "text"], ["duties", "checks", function () { return opts(allDuties(), dutyName); }], ["skills", "list"],
      ["cost", "number"]],
    channels: [["name", "text"], ["network", "select", function () { return opts(list(state.choices.networks), networkName); }],
      ["workload.posts_per_week", "number"], ["workload.hours_per_post", "number"],
      ["workload.minutes_per_publish", "number"], ["workload.minutes_per_approval", "number"],
      ["workload.inbound_per_day", "number"], ["workload.minutes_per_inbound", "number"],
      ["workload.listening_hours_per_week", "number"], ["workload.reporting_hours_per_week", "number"],
      ["workload.ads_hours_per_week", "number"],
      ["care.days", "checks", function () { return opts(DAYS, dayName); }], ["care.start", "time"], ["care.end", "time"],
      ["care.timezone", "tz"], ["care.response_minutes", "number"], ["care.service_level", "number"],
      ["approval.required", "bool"], ["approval.steps", "number"],
      ["profiles", "rows", { legend: "edit_profiles", add: "edit_add_profile",
        cols: [["id", "text"], ["handle", "text"], ["name", "text"]] }]],
    goals: [["name", "text"], ["kind", "select", function () { return opts(list(state.choices.goal_kinds), function (k) { return S["edit_kind_" + k] || k; }); }],
      ["priority", "number"],
      ["owner", "select", function () { return peopleOpts(S.edit_none); }],
      ["channels", "checks", channelOpts],
      ["kpis", "rows", { legend: "edit_kpis", add: "edit_add_kpi",
        cols: [["id", "text"],
          ["metric", "select", function () { return [{ value: "", label: "\u2014" }].concat(opts(list(state.choices.metrics), function (m) { return S["metric_" + m] || m; })); }],
          ["channel", "select", function () { return [{ value: "", label: S.edit_all_goal_channels }].concat(channelOpts()); }],
          ["target", "number"],
          ["direction", "select", function () { return [{ value: "", label: S.edit_default }, { value: "up", label: S.edit_dir_up }, { value: "down", label: S.edit_dir_down }]; }],
          ["owner", "select", function () { return peopleOpts(S.edit_goal_owner); }]] }]],
    duties: [["name", "text"], ["hours_per_week", "number"], ["channel_bound", "boolTrue"], ["skills", "list"],
      ["exclusive", "bool"]]
  };
  function fieldLabel(key) {
    var k = "edit_f_" + key.replace(/\./g, "_");
    return S[k] || S["edit_" + key] || key;
  }
  function getPath(obj, key) {
    return key.split(".").reduce(function (o, k) { return o && typeof o === "object" ? o[k] : undefined; }, obj);
  }
  function setPath(obj, key, value) {
    var parts = key.split("."), o = obj;
    for (var i = 0; i < parts.length - 1; ++i) {
      if (!o[parts[i]] || typeof o[parts[i]] !== "object") o[parts[i]] = {};
      o = o[parts[i]];
    }
    var last = parts[parts.length - 1];
    if (value === undefined || value === "" || (Array.isArray(value) && !value.length)) delete o[last]; else o[last] = value;
    if (parts.length > 1 && !Object.keys(o).length) delete obj[parts[0]];
  }
  function renderEntities(kind) {
    var body = $("edit-" + kind).tBodies[0];
    body.textContent = "";
    list(state.plan[kind]).forEach(function (e) {
      var b = el("button", { type: "button", className: "edit-entity", text: S.edit_edit });
      b.addEventListener("click", function () { openEntity(kind, e.id); });
      var r = el("button", { type: "button", className: "remove-entity", text: S.edit_remove });
      r.addEventListener("click", function () { propose([{ op: "remove", path: "/" + kind + "/" + esc(e.id) }]); });
      body.appendChild(el("tr", { "data-id": e.id }, [el("td", { text: e.name || e.id }), el("td", {}, [b, document.createTextNode(" "), r])]));
    });
  }
  function openEntity(kind, id) {
    var form = $("form-" + kind);
    var e = id ? list(state.plan[kind]).filter(function (x) { return x.id === id; })[0] : {};
    var base = "/" + kind + "/" + (id ? esc(id) : "new");
    form.textContent = "";
    form.setAttribute("data-id", id || "");
    if (!id) form.appendChild(field(S.edit_id, input("text", "", { name: "id" }), base + "/id"));
    buildFields(form, ENTITY[kind], e, base);
    formButtons(form);
  }
  function formButtons(form) {
    var submit = el("button", { type: "submit", className: "primary", text: S.edit_review });
    var cancel = el("button", { type: "button", text: S.edit_cancel });
    cancel.addEventListener("click", function () { form.hidden = true; });
    form.appendChild(el("div", { className: "form-buttons" }, [submit, document.createTextNode(" "), cancel]));
    form.hidden = false;
    form.scrollIntoView({ block: "nearest" });
  }
  // One widget for a field of type text, number, time, tz (a time zone from the list), select,
  // checks, bool, boolTrue (a yes/no whose default is yes) or list (comma-separated).
  function widget(type, key, value, choices, attrs) {
    var w;
    if (type === "checks") return checks(key, choices(), list(value));
    if (type === "select") {
      w = el("select", attrs);
      var options = choices();
      options.forEach(function (o) { var op = el("option", { value: o.value, text: o.label }); if (o.value === (value === undefined ? "" : String(value))) op.selected = true; w.appendChild(op); });
      if (value === undefined && !options.some(function (o) { return o.value === ""; })) w.insertBefore(el("option", { value: "", text: "\u2014", selected: "" }), w.firstChild);
      return w;
    }
    if (type === "bool" || type === "boolTrue") {
      w = input("checkbox", "true", attrs);
      w.checked = type === "bool" ? value === true : value !== false;
      return w;
    }
    if (type === "list") return input("text", list(value).join(", "), attrs);
    if (type === "tz") return input("text", value, Object.assign({ list: "timezones", autocomplete: "off" }, attrs));
    return input(type, value, type === "number" ? Object.assign({ step: "any" }, attrs) : attrs);
  }
  function widgetValue(type, w, oldValue) {
    if (type === "bool") return w.checked ? true : (oldValue === false ? false : undefined);
    if (type === "boolTrue") return w.checked ? (oldValue === true ? true : undefined) : false;
    if (type === "list") return w.value.split(",").map(function (x) { return x.trim(); }).filter(Boolean);
    if (type === "number") return numberOr(w.value);
    return w.value.trim();
  }
  // What the plan format assumes when a field is left empty (docs/plan-format.md), shown in
  // the empty field.
  var DEFAULTS = { "week.hours": 40, "week.start": "09:00", "week.end": "17:00", overhead: 0.2, timezone: "UTC",
    "thresholds.overload": 1, "thresholds.underuse": 0.5, "thresholds.span_of_control": 8,
    "thresholds.bus_factor": 2, "thresholds.max_responsible": 3, "thresholds.approval_steps": 4,
    "thresholds.attainment_amber": 0.9, currency: "EUR", cost_loading: 0,
    "workload.minutes_per_publish": 10, "workload.minutes_per_approval": 10, "care.response_minutes": 60,
    "care.service_level": 0.8, "approval.steps": 1, priority: 2 };
  function buildFields(form, fields, e, base) {
    fields.forEach(function (f) {
      var key = f[0], type = f[1], value = getPath(e, key), path = base + "/" + key.split(".").map(esc).join("/");
      if (type === "rows") { form.appendChild(rowsField(key, f[2], list(value), path)); return; }
      var attrs = { name: key };
      if (DEFAULTS[key] !== undefined && type !== "time") attrs.placeholder = String(DEFAULTS[key]);
      form.appendChild(field(fieldLabel(key), widget(type, key, value, f[2], attrs), path));
    });
  }
  function readFields(form, fields, old, e) {
    fields.forEach(function (f) {
      var key = f[0], type = f[1], v;
      if (type === "checks") v = Array.prototype.map.call(form.querySelectorAll("[data-group='" + key + "'] input:checked"), function (c) { return c.value; });
      else if (type === "rows") v = readRows(form.querySelector("[data-rows='" + key + "']"), f[2]);
      else v = widgetValue(type, form.querySelector("[name='" + key + "']"), getPath(old, key));
      setPath(e, key, v);
    });
  }
  // A list inside an element (a goal's KPIs, a channel's profiles): one row per element, each
  // field with its own message spot, named by the element's id as the edit API names it.
  function rowsField(key, spec, items, path) {
    var rows = el("div", { className: "sub-rows", "data-rows": key, "data-path": path });
    items.forEach(function (item) { rows.appendChild(subRow(spec, item, path)); });
    var add = el("button", { type: "button", className: "add-row", "data-add": key, text: S[spec.add] });
    add.addEventListener("click", function () { rows.appendChild(subRow(spec, {}, path)); });
    return el("fieldset", { className: "sub-list" }, [el("legend", { text: S[spec.legend] }), rows, add,
      el("span", { className: "field-error", "data-error-for": path })]);
  }
  function subRow(spec, item, path) {
    var row = el("div", { className: "sub-row" });
    row.setAttribute("data-original", JSON.stringify(item));
    var spots = [];
    spec.cols.forEach(function (c) {
      var w = widget(c[1], c[0], item[c[0]], c[2], { "data-k": c[0] });
      var spot = el("span", { className: "field-error", "data-col": c[0] });
      spots.push(spot);
      row.appendChild(el("label", { className: "field" }, [el("span", { text: fieldLabel(c[0]) }), w, spot]));
    });
    var rowSpot = el("span", { className: "field-error", "data-col": "" });
    spots.push(rowSpot);
    var remove = el("button", { type: "button", className: "remove-row", text: "\u00d7", "aria-label": S.edit_remove, title: S.edit_remove });
    remove.addEventListener("click", function () { row.remove(); });
    row.appendChild(remove);
    row.appendChild(rowSpot);
    function name() {
      var id = row.querySelector("[data-k=id]").value.trim();
      spots.forEach(function (sp) {
        var col = sp.getAttribute("data-col");
        sp.setAttribute("data-error-for", path + "/" + esc(id) + (col ? "/" + col : ""));
      });
    }
    row.querySelector("[data-k=id]").addEventListener("input", name);
    name();
    return row;
  }
  function readRows(rows, spec) {
    return Array.prototype.map.call(rows.querySelectorAll(".sub-row"), function (row) {
      var old = JSON.parse(row.getAttribute("data-original") || "{}"), item = JSON.parse(JSON.stringify(old)), shown = false;
      spec.cols.forEach(function (c) {
        var v = widgetValue(c[1], row.querySelector("[data-k='" + c[0] + "']"), old[c[0]]);
        if (v === undefined || v === "" || (Array.isArray(v) && !v.length)) delete item[c[0]];
        else { item[c[0]] = v; shown = true; }
      });
      return shown ? item : null;
    }).filter(Boolean);
  }
  // The operations that turn `old` into `e` under `base`, one per changed top-level key.
  function diffOps(base, old, e) {
    var ops = [];
    Object.keys(e).forEach(function (k) {
      if (!(k in old)) ops.push({ op: "add", path: base + "/" + esc(k), value: e[k] });
      else if (!same(old[k], e[k])) ops.push({ op: "replace", path: base + "/" + esc(k), value: e[k] });
    });
    Object.keys(old).forEach(function (k) { if (!(k in e)) ops.push({ op: "remove", path: base + "/" + esc(k) }); });
    return ops;
  }
  function entityPatch(form) {
    var kind = form.getAttribute("data-kind"), id = form.getAttribute("data-id");
    var old = id ? list(state.plan[kind]).filter(function (x) { return x.id === id; })[0] : {};
    var e = JSON.parse(JSON.stringify(old || {}));
    if (!id) { id = form.querySelector("[name=id]").value.trim(); e.id = id; }
    readFields(form, ENTITY[kind], old || {}, e);
    if (!form.getAttribute("data-id")) return [addTo(kind, id, e)];
    return diffOps("/" + kind + "/" + esc(id), old, e);
  }
  document.querySelectorAll(".add-entity").forEach(function (b) {
    b.addEventListener("click", function () { openEntity(b.getAttribute("data-kind"), null); });
  });
  document.querySelectorAll(".entity-form").forEach(function (f) {
    f.addEventListener("submit", function (ev) { ev.preventDefault(); if (numbersRead(f)) propose(entityPatch(f)); });
  });
  // A number field whose text the browser cannot read as a number gives an empty value: say
  // so beside it rather than save the field as empty.
  function numbersRead(form) {
    form.querySelectorAll(".field-error").forEach(function (e) { e.textContent = ""; });
    var ok = true;
    form.querySelectorAll("input[type=number]").forEach(function (i) {
      if (!i.validity || !i.validity.badInput) return;
      ok = false;
      var spot = i.parentNode.querySelector(".field-error");
      if (spot) spot.textContent = S.edit_not_number;
    });
    return ok;
  }

  // ---- accepted findings (suppress) and the plan's settings ----
  function channelName(id) {
    var c = list(state.plan.channels).filter(function (x) { return x.id === id; })[0];
    return c ? (c.name || c.id) : id;
  }
  // A finding's subject ("person:anna", "channel:instagram/engage") by name.
  function subjectName(subject) {
    if (!subject) return S.edit_every_finding;
    var colon = subject.indexOf(":"), kind = subject.slice(0, colon), parts = subject.slice(colon + 1).split("/");
    var first = parts[0];
    if (kind === "person") first = personName(first);
    else if (kind === "role") first = roleName(first);
    else if (kind === "channel") first = channelName(first);
    else if (kind === "goal") {
      var g = list(state.plan.goals).filter(function (x) { return x.id === first; })[0];
      if (g && g.name) first = g.name;
    }
    return [first].concat(parts.slice(1).map(function (x) { return S["duty_" + x] ? dutyName(x) : x; })).join(" \u00b7 ");
  }
  function checkName(id) { return S["check_" + id] ? id + " " + S["check_" + id] : id; }
  function renderMoreForms() {
    var body = $("edit-suppress").tBodies[0];
    body.textContent = "";
    list(state.plan.suppress).forEach(function (x, i) {
      var edit = el("button", { type: "button", className: "edit-suppress", text: S.edit_edit });
      edit.addEventListener("click", function () { openSuppress(i); });
      var remove = el("button", { type: "button", className: "remove-suppress", text: S.edit_remove });
      remove.addEventListener("click", function () { propose([{ op: "remove", path: "/suppress/" + i }]); });
      body.appendChild(el("tr", { "data-index": String(i) }, [el("td", { text: checkName(x.check) }),
        el("td", { text: subjectName(x.subject) }), el("td", { text: x.reason || "" }),
        el("td", {}, [edit, document.createTextNode(" "), remove])]));
    });
    var p = state.plan.plan || {};
    $("plan-summary").textContent = [p.name, p.organization, p.quarter].filter(Boolean).join(" \u00b7 ");
  }
  function openSuppress(index) {
    var form = $("form-suppress");
    var x = index === null ? {} : list(state.plan.suppress)[index];
    var base = "/suppress/" + (index === null ? list(state.plan.suppress).length : index);
    form.textContent = "";
    form.setAttribute("data-index", index === null ? "" : String(index));
    var check = widget("select", "check", x.check, function () {
      return [{ value: "", label: "\u2014" }].concat(Object.keys(S).filter(function (k) { return k.indexOf("check_") === 0; })
        .map(function (k) { var id = k.slice(6); return { value: id, label: checkName(id) }; }));
    }, { name: "check" });
    var subject = el("select", { name: "subject" });
    form.appendChild(field(S.edit_f_check, check, base + "/check"));
    form.appendChild(field(S.edit_f_subject, subject, base + "/subject"));
    form.appendChild(field(S.edit_f_reason, input("text", x.reason, { name: "reason", size: "60" }), base + "/reason"));
    var findings = [];
    // The subjects: every finding of the check, the open findings of that check, and the one
    // the suppression names today.
    function subjects() {
      var chosen = subject.value || x.subject || "";
      subject.textContent = "";
      var values = [""];
      if (x.subject) values.push(x.subject);
      findings.forEach(function (f) { if (f.check === check.value && f.subject && values.indexOf(f.subject) < 0) values.push(f.subject); });
      values.forEach(function (v) {
        var o = el("option", { value: v, text: subjectName(v) });
        if (v === chosen) o.selected = true;
        subject.appendChild(o);
      });
    }
    check.addEventListener("change", subjects);
    subjects();
    api("GET", "/api/findings").then(function (r) { findings = list(r.json.findings); subjects(); form.setAttribute("data-ready", "1"); });
    formButtons(form);
  }
  function suppressPatch(form) {
    var index = form.getAttribute("data-index");
    var old = index === "" ? {} : list(state.plan.suppress)[Number(index)];
    var x = JSON.parse(JSON.stringify(old));
    ["check", "subject", "reason"].forEach(function (k) {
      var v = form.querySelector("[name=" + k + "]").value.trim();
      if (v) x[k] = v; else delete x[k];
    });
    if (index === "") return [Array.isArray(state.plan.suppress) ? { op: "add", path: "/suppress/-", value: x } : { op: "add", path: "/suppress", value: [x] }];
    return same(old, x) ? [] : [{ op: "replace", path: "/suppress/" + index, value: x }];
  }
  var PLAN = [["name", "text"], ["organization", "text"], ["quarter", "text"], ["timezone", "tz"],
    ["week.hours", "number"], ["week.days", "checks", function () { return opts(DAYS, dayName); }],
    ["week.start", "time"], ["week.end", "time"], ["overhead", "number"],
    ["thresholds.overload", "number"], ["thresholds.underuse", "number"], ["thresholds.span_of_control", "number"],
    ["thresholds.bus_factor", "number"], ["thresholds.max_responsible", "number"],
    ["thresholds.approval_steps", "number"], ["thresholds.attainment_amber", "number"],
    ["currency", "text"], ["budget", "number"], ["cost_loading", "number"]];
  function openSettings() {
    var form = $("form-plan");
    form.textContent = "";
    buildFields(form, PLAN, state.plan.plan || {}, "/plan");
    formButtons(form);
  }
  function settingsPatch(form) {
    var old = state.plan.plan || {}, e = JSON.parse(JSON.stringify(old));
    readFields(form, PLAN, old, e);
    if (!state.plan.plan) return [{ op: "add", path: "/plan", value: e }];
    return diffOps("/plan", old, e);
  }
  $("add-suppress").addEventListener("click", function () { openSuppress(null); });
  $("form-suppress").addEventListener("submit", function (ev) { ev.preventDefault(); propose(suppressPatch(ev.target)); });
  $("open-settings").addEventListener("click", openSettings);
  $("form-plan").addEventListener("submit", function (ev) { ev.preventDefault(); if (numbersRead(ev.target)) propose(settingsPatch(ev.target)); });

  // ---- the RACI grid ----
  function channelDuties() {
    var duties = [];
    list(state.plan.roles).forEach(function (r) { list(r.duties).forEach(function (d) { if (duties.indexOf(d) < 0) duties.push(d); }); });
    list(state.plan.assignments).forEach(function (a) { if (a.duty !== "all" && duties.indexOf(a.duty) < 0) duties.push(a.duty); });
    var cols = [];
    list(state.plan.channels).forEach(function (c) {
      duties.forEach(function (d) { cols.push({ channel: c, duty: d }); });
      cols.push({ channel: c, duty: "all" });
    });
    return cols;
  }
  function assignmentOf(person, duty, channel) {
    return list(state.plan.assignments).filter(function (a) {
      return a.person === person && a.duty === duty && a.channel === channel && !a.profile;
    })[0];
  }
  function label(a) {
    if (!a) return "";
    if (a.backup) return "B";
    return (a.raci || "R") + (a.share !== undefined ? " " + Math.round(a.share * 100) + "%" : "");
  }
  // A duty by name: the standard ones in the page's language, a plan's own as the plan names it.
  function dutyName(id) {
    if (id === "all") return S.edit_duty_all;
    if (S["duty_" + id]) return S["duty_" + id];
    var own = list(state.plan.duties).filter(function (d) { return d.id === id; })[0];
    return own && own.name ? own.name : id;
  }
  function renderRaci() {
    var table = $("raci-grid");
    table.textContent = "";
    var cols = channelDuties();
    var head = el("tr", {}, [el("th", { text: "" })]);
    cols.forEach(function (c) { head.appendChild(el("th", { text: (c.channel.name || c.channel.id) + " \u00b7 " + dutyName(c.duty) })); });
    table.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    list(state.plan.people).forEach(function (p) {
      var tr = el("tr", {}, [el("th", { text: p.name || p.id })]);
      cols.forEach(function (c) {
        var a = assignmentOf(p.id, c.duty, c.channel.id);
        var all = !a && c.duty !== "all" && assignmentOf(p.id, "all", c.channel.id);
        var td = el("td", { className: "raci-cell" + (all ? " via-all" : ""), tabindex: "0",
                            "data-person": p.id, "data-duty": c.duty, "data-channel": c.channel.id,
                            text: a ? label(a) : (all ? label(all) : "") });
        td.addEventListener("click", function () { openCell(p.id, c.duty, c.channel.id, td); });
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
  }
  function openCell(person, duty, channel, td) {
    var box = $("raci-cell");
    var a = assignmentOf(person, duty, channel);
    box.textContent = "";
    var choice = el("select", { id: "raci-choice" });
    [["", S.edit_nobody], ["R", "R"], ["A", "A"], ["C", "C"], ["I", "I"], ["backup", S.edit_backup]].forEach(function (o) {
      var opt = el("option", { value: o[0], text: o[1] });
      var current = a ? (a.backup ? "backup" : (a.raci || "R")) : "";
      if (current === o[0]) opt.selected = true;
      choice.appendChild(opt);
    });
    var share = input("number", a && a.share !== undefined ? a.share : "", { id: "raci-share", step: "0.05", min: "0", max: "1" });
    var ok = el("button", { type: "button", className: "primary", id: "raci-apply", text: S.edit_review });
    var cancel = el("button", { type: "button", text: S.edit_cancel });
    box.appendChild(el("div", {}, [el("strong", { text: personName(person) + " \u00b7 " + channelName(channel) + " \u00b7 " + dutyName(duty) })]));
    box.appendChild(field("R/A/C/I", choice, "/assignments/" + esc(person + ":" + duty + ":" + channel) + "/raci"));
    box.appendChild(field(S.edit_share, share, "/assignments/" + esc(person + ":" + duty + ":" + channel) + "/share"));
    box.appendChild(el("div", { className: "form-buttons" }, [ok, document.createTextNode(" "), cancel]));
    cancel.addEventListener("click", function () { box.hidden = true; });
    ok.addEventListener("click", function () {
      var key = "/assignments/" + esc(person + ":" + duty + ":" + channel);
      var v = choice.value, s = share.value.trim();
      if (!v) { if (a) propose([{ op: "remove", path: key }]); else box.hidden = true; return; }
      var next = a ? JSON.parse(JSON.stringify(a)) : { person: person, duty: duty, channel: channel };
      if (v === "backup") { next.backup = true; delete next.raci; delete next.share; }
      else {
        delete next.backup;
        if (v !== "R" || (a && a.raci)) next.raci = v; else delete next.raci;
        if (s !== "") next.share = numberOr(s); else delete next.share;
      }
      propose(a ? [{ op: "replace", path: key, value: next }] : [addTo("assignments", person + ":" + duty + ":" + channel, next)]);
    });
    box.hidden = false;
    td.parentNode.parentNode.parentNode.parentNode.after(box);
  }

  // ---- findings, moves ----
  function loadFindings() {
    api("GET", "/api/findings?lang=" + (root.getAttribute("data-lang") || "en")).then(function (r) {
      var ul = $("edit-findings");
      ul.textContent = "";
      if (!r.json.findings.length) ul.appendChild(el("li", { text: S.edit_no_findings }));
      r.json.findings.forEach(function (f) {
        var li = el("li", { className: "finding sev-" + f.severity, "data-check": f.check, "data-subject": f.subject }, [
          el("span", { className: "badge", text: f.check }), document.createTextNode(" " + f.message + " "),
          el("span", { className: "p-note", text: f.recommendation })]);
        if (f.fix) {
          var b = el("button", { type: "button", className: "fix", "data-kind": f.fix.kind, text: S.edit_fix + ": " + f.fix.label });
          b.addEventListener("click", function () { propose(f.fix.patch); });
          li.appendChild(b);
        }
        ul.appendChild(li);
      });
    });
  }
  function loadMoves() {
    api("GET", "/api/rebalance").then(function (r) {
      var box = $("moves");
      box.textContent = "";
      var groups = r.json.groups.filter(function (g) { return g.patch.length && !state.rejected[g.key + JSON.stringify(g.patch)]; });
      if (!groups.length) box.appendChild(el("p", { text: S.edit_no_moves }));
      groups.forEach(function (g) {
        var items = g.moves.map(function (m) {
          return el("li", { text: fmt(S.edit_move, { from: m.from || S.edit_nobody, to: m.to || S.edit_nobody, hours: m.hours }) +
            (m.from_utilisation || m.to_utilisation ? " (" + [m.from_utilisation, m.to_utilisation].filter(Boolean).join("; ") + ")" : "") });
        });
        var accept = el("button", { type: "button", className: "primary accept-move", text: S.edit_accept });
        var reject = el("button", { type: "button", className: "reject-move", text: S.edit_reject });
        var card = el("div", { className: "move-group", "data-key": g.key }, [el("h3", { text: g.title }), el("ul", {}, items), accept, document.createTextNode(" "), reject]);
        accept.addEventListener("click", function () { propose(g.patch); });
        reject.addEventListener("click", function () { state.rejected[g.key + JSON.stringify(g.patch)] = true; card.remove(); });
        box.appendChild(card);
      });
    });
  }

  // ---- propose, review, save, undo ----
  function clearErrors() {
    document.querySelectorAll(".field-error").forEach(function (e) { e.textContent = ""; });
    $("review-errors").textContent = "";
  }
  function showErrors(errors) {
    var review = $("review");
    review.hidden = false;
    $("review-diff").textContent = "";
    $("review-findings").textContent = "";
    $("review-save").hidden = true;
    var ul = el("ul");
    errors.forEach(function (e) {
      errorSpots(e.path, e.message).forEach(function (spot) { spot.textContent = e.message; });
      ul.appendChild(el("li", { text: (e.path ? e.path + ": " : "") + e.message }));
    });
    $("review-errors").appendChild(el("p", { text: S.edit_invalid }));
    $("review-errors").appendChild(ul);
  }
  function findingList(title, items) {
    if (!items.length) return null;
    return el("div", {}, [el("h3", { text: title }), el("ul", {}, items.map(function (f) { return el("li", { text: f.check + " " + f.message }); }))]);
  }
  function handleFailure(r) {
    if (r.status === 409 && r.json.changed !== undefined) {
      status(S.edit_stale);
      load();
      return;
    }
    showErrors(r.json.errors || [{ path: "", message: r.json.error || String(r.status) }]);
  }
  function propose(patch) {
    clearErrors();
    status("");
    if (!patch.length) { status(S.edit_no_change); return; }
    api("POST", "/api/plan/preview", patch).then(function (r) {
      if (r.status !== 200) { handleFailure(r); return; }
      state.pending = patch;
      $("review").hidden = false;
      $("review-save").hidden = false;
      $("review-diff").textContent = r.json.diff;
      var f = $("review-findings");
      f.textContent = "";
      var cmp = $("review-compare");
      cmp.textContent = "";
      if (r.json.before && r.json.after) {
        var rows = ["people", "fte_required", "fte_current", "hires", "overloaded", "errors", "warnings"].map(function (k) {
          var a = r.json.before[k], b = r.json.after[k];
          return el("tr", { className: a !== b ? "changed" : "" }, [el("th", { text: S["edit_m_" + k] }),
            el("td", { className: "num", text: String(a) }), el("td", { className: "num", text: String(b) })]);
        });
        cmp.appendChild(el("h3", { text: S.edit_whatif }));
        cmp.appendChild(el("table", { className: "data whatif" }, [
          el("thead", {}, [el("tr", {}, [el("th", { text: "" }), el("th", { text: S.edit_now }), el("th", { text: S.edit_with_change })])]),
          el("tbody", {}, rows)]));
      }
      [findingList(S.edit_appeared, r.json.appeared), findingList(S.edit_disappeared, r.json.disappeared)].forEach(function (x) { if (x) f.appendChild(x); });
      $("review").scrollIntoView({ block: "nearest" });
    });
  }
  function commit(patch, after) {
    return api("POST", "/api/plan", patch).then(function (r) {
      if (r.status !== 200) { handleFailure(r); return; }
      status(fmt(S.edit_saved, { appeared: r.json.appeared.length, disappeared: r.json.disappeared.length }));
      after(r.json);
      $("review").hidden = true;
      $("person-form").hidden = true;
      $("raci-cell").hidden = true;
      document.querySelectorAll(".entity-form").forEach(function (f) { f.hidden = true; });
      $("form-suppress").hidden = true;
      $("form-plan").hidden = true;
      return load();
    });
  }
  $("review-save").addEventListener("click", function () {
    var patch = state.pending;
    commit(patch, function (j) { state.undo.push({ patch: patch, undo: j.undo }); state.redo = []; });
  });
  $("review-cancel").addEventListener("click", function () { $("review").hidden = true; state.pending = null; });
  $("undo").addEventListener("click", function () {
    var last = state.undo.pop();
    if (last) commit(last.undo, function () { state.redo.push(last); });
  });
  $("redo").addEventListener("click", function () {
    var next = state.redo.pop();
    if (next) commit(next.patch, function (j) { state.undo.push({ patch: next.patch, undo: j.undo }); });
  });
  // A scenario kept (assets_scenario.cpp) changed the plan: read it again.
  document.addEventListener("planner:plan-changed", function () { load(); });
  $("add-person").addEventListener("click", function () { openPerson(null); });
  $("person-form").addEventListener("submit", function (e) { e.preventDefault(); if (numbersRead(e.target)) propose(personPatch(e.target)); });
  $("raw-form").addEventListener("submit", function (e) {
    e.preventDefault();
    try { propose(JSON.parse($("raw-patch").value)); }
    catch (x) { showErrors([{ path: "", message: String(x.message) }]); }
  });
  try {
    var zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [];
    var dl = $("timezones");
    zones.forEach(function (z) { dl.appendChild(el("option", { value: z })); });
  } catch (x) { /* an older browser: the field stays free text */ }
  // "Go to": a link to each section of the page, so the forms are one click away however
  // long the findings list is.
  (function () {
    var nav = $("edit-jumps");
    if (!nav) return;
    nav.appendChild(el("span", { text: S.edit_jump + " " }));
    var n = 0;
    document.querySelectorAll("#editor h2").forEach(function (h) {
      if (h.closest("#review") || h.closest("[hidden]")) return;
      if (!h.id) h.id = "edit-section-" + (++n);
      if (nav.children.length > 1) nav.appendChild(document.createTextNode(" · "));
      nav.appendChild(el("a", { href: "#" + h.id, text: h.textContent }));
    });
  })();
  api("GET", "/api/session").then(function (r) { state.csrf = r.json.csrf; return load(); });
})();
)JS";
    return js;
}

} // namespace planner::server
