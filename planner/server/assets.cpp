// The stylesheet and script of the web app, built into the executable: nothing is fetched at
// run time, and the Content-Security-Policy allows only these two files.
#include "planner/server/app.hpp"

namespace planner::server {

const std::string& asset_css() {
    static const std::string css = R"CSS(
:root { --accent: #1f4e79; --red: #d9534f; --amber: #f0ad4e; --green: #5cb85c; --grey: #eef0f3;
        --text: #1d2329; --muted: #5b6670; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; color: var(--text); background: #f7f8fa; }
header { background: var(--accent); color: #fff; padding: 0 1.2rem; display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; }
header .brand { font-weight: bold; padding: .7rem 0; }
header .plan-name { font-weight: normal; opacity: .85; margin-left: .5rem; }
nav { display: flex; flex-wrap: wrap; gap: .2rem; }
nav a { color: #fff; text-decoration: none; padding: .7rem .6rem; border-bottom: 3px solid transparent; }
nav a:hover { background: rgba(255,255,255,.12); }
nav a.current { border-bottom-color: #fff; font-weight: bold; }
nav a.lang { margin-left: 1rem; opacity: .9; }
main { max-width: 1280px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.6rem; margin: .8rem 0 1rem; color: var(--accent); }
h2 { font-size: 1.3rem; margin: 1.8rem 0 .6rem; color: var(--accent); border-bottom: 1px solid #d5dae0; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .4rem; }
footer { color: var(--muted); font-size: .85rem; text-align: center; padding: 1rem; }
footer a { color: var(--muted); }
.banner { background: #e8f1fb; border: 1px solid #b8d3ee; padding: .6rem .9rem; border-radius: 4px; margin: .6rem 0; }
.banner.error { background: #fbeaea; border-color: #e6b3b3; }
.banner.changed { background: #fff6e0; border-color: #f0d48a; }
.p-lead { font-size: 1.05rem; }
.p-strong { font-weight: bold; }
.p-note { color: var(--muted); font-size: .85rem; }
.p-callout { border-left: 4px solid var(--accent); background: #fff; padding: .6rem .9rem; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: .8rem; margin: .8rem 0; }
.figure { background: #fff; border-radius: 6px; padding: .8rem 1rem; border-top: 4px solid #c9d0d8; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.figure.s-red { border-top-color: var(--red); } .figure.s-amber { border-top-color: var(--amber); } .figure.s-green { border-top-color: var(--green); }
.fig-label { color: var(--muted); font-size: .85rem; } .fig-value { font-size: 1.7rem; font-weight: bold; } .fig-note { color: var(--muted); font-size: .8rem; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table.data, table.matrix { border-collapse: collapse; background: #fff; font-size: .9rem; }
table.data th, table.data td { padding: .35rem .6rem; border-bottom: 1px solid #e3e7eb; text-align: left; vertical-align: top; }
table.data th { background: var(--grey); cursor: pointer; user-select: none; white-space: nowrap; }
table.data th.sorted-asc::after { content: " ▲"; font-size: .7rem; } table.data th.sorted-desc::after { content: " ▼"; font-size: .7rem; }
table.data .num { text-align: right; white-space: nowrap; } table.data .centre { text-align: center; }
table.data tfoot td { font-weight: bold; border-top: 2px solid #999; }
td.s-red { background: #f6d0cf; } td.s-amber { background: #fbe6c4; } td.s-green { background: #d5ecd5; }
table.data[id^="t-heatmap"] td { text-align: center; min-width: 1.9rem; padding: .3rem .1rem; color: #9aa3ab; background: #f1f3f5; border: 1px solid #fff; }
table.data[id^="t-heatmap"] td:first-child { text-align: left; color: var(--text); background: #fff; padding-right: .6rem; }
table.data[id^="t-heatmap"] td.s-red { background: var(--red); color: #fff; font-weight: bold; }
table.data[id^="t-heatmap"] td.s-amber { background: var(--amber); color: #222; }
table.data[id^="t-heatmap"] td.s-green { background: var(--green); color: #fff; }
table.data[id^="t-heatmap"] th { padding: .3rem .1rem; text-align: center; }
.table-filter, .org-search { padding: .35rem .6rem; border: 1px solid #c4cbd3; border-radius: 4px; min-width: 16rem; margin: .3rem 0; }
tr.filtered-out { display: none; }
table.matrix th, table.matrix td { border: 1px solid #e3e7eb; padding: .25rem .4rem; text-align: center; }
table.matrix tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
table.matrix thead th.col { vertical-align: bottom; height: 9rem; white-space: nowrap; }
table.matrix thead th.col span { writing-mode: vertical-rl; transform: rotate(180deg); }
table.matrix tr.gap th { background: #f6d0cf; font-weight: bold; }
table.matrix tbody tr:hover { background: #f3f6fa; }
.m0 { background: #1f4e79; color: #fff; } .m1 { background: #e07b39; color: #fff; } .m2 { background: #a9c7e4; }
.m3 { background: #e4e8ec; } .m4 { background: #c9e6cf; } .m5 { background: #eee; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; color: var(--muted); }
ul.legend .code { display: inline-block; min-width: 1.4rem; text-align: center; border-radius: 3px; }
.swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .3rem; vertical-align: -2px; border-radius: 2px; }
.swatch.ref { height: 0; border-top: 2px dashed #c4455c; vertical-align: 3px; }
figure.chart { margin: .8rem 0; background: #fff; padding: .6rem; border-radius: 6px; overflow-x: auto; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
figure.chart figcaption { font-weight: bold; margin-bottom: .4rem; }
svg text { font: 11px "DejaVu Sans", sans-serif; fill: #333; }
svg text.tick { fill: #6b7580; } svg line.grid { stroke: #e6e9ec; } svg line.ref { stroke: #c4455c; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .c0, .swatch.c0 { fill: #1f4e79; stroke: #1f4e79; background: #1f4e79; } svg .c1, .swatch.c1 { fill: #e07b39; stroke: #e07b39; background: #e07b39; }
svg .c2, .swatch.c2 { fill: #3a9a5b; stroke: #3a9a5b; background: #3a9a5b; } svg .c3, .swatch.c3 { fill: #8e5ea2; stroke: #8e5ea2; background: #8e5ea2; }
svg .c4, .swatch.c4 { fill: #c4455c; stroke: #c4455c; background: #c4455c; } svg .c5, .swatch.c5 { fill: #4aa3c9; stroke: #4aa3c9; background: #4aa3c9; }
svg rect.bar { stroke: none; } svg rect.bar.over { fill: var(--red); }
svg polyline.line { fill: none; stroke-width: 2; } svg circle.dot { stroke: #fff; stroke-width: 1; }
.org-tools { display: flex; gap: .4rem; align-items: center; }
.org-tools button, .severity-filter button { border: 1px solid #c4cbd3; background: #fff; border-radius: 4px; padding: .3rem .7rem; cursor: pointer; }
.severity-filter { margin: .4rem 0 1rem; display: flex; gap: .4rem; }
.severity-filter button.active { background: var(--accent); color: #fff; border-color: var(--accent); }
svg.org-svg { display: block; margin: .8rem 0; max-width: 100%; height: auto; background: #fff; border-radius: 6px; }
svg.org-svg rect { fill: #fff; stroke: var(--accent); stroke-width: 1.2; }
svg.org-svg .highlight rect { fill: #fbe6c4; stroke: #e07b39; }
svg.org-svg polyline.org-link { fill: none; stroke: #9aa3ab; }
svg.org-svg text.org-name { font-weight: bold; } svg.org-svg text.org-role { fill: var(--muted); font-size: 10px; }
ul.org-tree, ul.org-tree ul { list-style: none; margin: 0; padding-left: 1.4rem; border-left: 1px dashed #c4cbd3; }
ul.org-tree { border-left: none; padding-left: 0; background: #fff; padding: .6rem; border-radius: 6px; }
ul.org-tree li { margin: .15rem 0; }
ul.org-tree summary { cursor: pointer; }
ul.org-tree li.leaf { padding-left: 1rem; }
.org-node { display: inline-block; border: 1px solid #c9d3de; border-radius: 4px; padding: .1rem .5rem; background: #fff; }
.org-node.highlight { background: #fbe6c4; border-color: #e07b39; }
.org-node.match { outline: 3px solid #f0d48a; background: #fff6c2; }
.org-name { font-weight: bold; } .org-role { color: var(--muted); font-size: .85rem; }
.org-count { color: var(--muted); font-size: .8rem; }
.report-form { background: #fff; padding: 1rem; border-radius: 6px; display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
.report-form fieldset { border: 1px solid #e3e7eb; border-radius: 4px; display: flex; flex-direction: column; gap: .3rem; }
.report-form button.primary { background: var(--accent); color: #fff; border: 0; padding: .6rem 1.4rem; border-radius: 4px; font-size: 1rem; cursor: pointer; }
ul.csv-links { columns: 2; font-size: .9rem; }
@media print { header, footer, .banner, .org-tools, .table-filter, .severity-filter { display: none; } }
.edit-bar { display: flex; gap: .5rem; align-items: center; margin: .5rem 0; }
.edit-form { background: #fff; padding: .8rem 1rem; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.08); margin: .8rem 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: .6rem 1rem; }
.edit-form .field { display: flex; flex-direction: column; gap: .2rem; }
.edit-form .field > span:first-child { font-size: .85rem; color: var(--muted); }
.edit-form fieldset, .edit-form .form-buttons { grid-column: 1 / -1; }
.edit-form .checks { display: flex; flex-wrap: wrap; gap: .2rem .7rem; }
.field-error { color: var(--red); font-size: .85rem; min-height: 0; }
.review { background: #fffdf3; border: 1px solid #f0d48a; border-radius: 6px; padding: .6rem 1rem; }
.review pre { background: #fff; padding: .5rem; overflow-x: auto; font-size: .85rem; }
.errors { color: var(--red); }
table.raci-edit td.raci-cell { cursor: pointer; min-width: 2.6rem; text-align: center; }
table.raci-edit td.raci-cell:hover { outline: 2px solid var(--accent); }
table.raci-edit td.via-all { color: var(--muted); font-style: italic; }
.edit-findings li { margin: .3rem 0; }
.edit-findings { max-height: 26rem; overflow-y: auto; border: 1px solid #e3e7eb; border-radius: 6px; padding: .3rem 1rem .3rem 2rem; }
.edit-jumps { margin: .4rem 0 1rem; font-size: .95rem; line-height: 1.7; } .edit-jumps span { color: var(--muted); } .edit-jumps a { color: var(--accent); }
.edit-findings .badge { font-family: monospace; background: var(--grey); padding: 0 .3rem; border-radius: 3px; }
.edit-findings .sev-error .badge { background: #f6d5d4; } .edit-findings .sev-warning .badge { background: #fbe7c6; }
.move-group { background: #fff; border-radius: 6px; padding: .2rem 1rem .7rem; margin: .5rem 0; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.absence { display: flex; gap: .4rem; margin: .2rem 0; }
.whatif tr.changed td { font-weight: bold; background: #fff6e0; }
.edit-form[hidden] { display: none; }
.sub-row { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: flex-end; border-bottom: 1px solid #e3e7eb; padding: .3rem 0; }
.sub-row .field { display: flex; flex-direction: column; gap: .2rem; }
.sub-row .field > span:first-child { font-size: .85rem; color: var(--muted); }
.sub-row .field-error { max-width: 16rem; }
.scenario { background: #f5f9fd; border: 1px solid #c9dcee; border-radius: 6px; padding: .4rem 1rem .8rem; margin: 1rem 0; }
.scenario .scn-kinds { display: flex; gap: 1rem; margin: .5rem 0; }
.whatif td.changed { font-weight: bold; background: #fff6e0; }
.edit-findings button.fix { margin-left: .5rem; }
)CSS";
    return css;
}

const std::string& asset_js() {
    static const std::string js = R"JS(
"use strict";
(function () {
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent.trim() : "";
    if (!numeric) return text.toLowerCase();
    var n = parseFloat(text.replace(/\s/g, "").replace(",", ".").replace("%", ""));
    if (text === "\u221e") return Infinity;
    return isNaN(n) ? -Infinity : n;
  }
  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.classList.contains("num");
    var asc = !th.classList.contains("sorted-asc");
    Array.prototype.forEach.call(th.parentNode.children, function (h) {
      h.classList.remove("sorted-asc", "sorted-desc");
    });
    th.classList.add(asc ? "sorted-asc" : "sorted-desc");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      var c = numeric ? x - y : x.localeCompare(y);
      if (isNaN(c)) c = 0;
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th) {
      th.addEventListener("click", function () { sortBy(table, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(table, th); });
    });
  });
  document.querySelectorAll("input.table-filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    if (!table) return;
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.classList.toggle("filtered-out", q !== "" && row.textContent.toLowerCase().indexOf(q) < 0);
      });
    });
  });
  document.querySelectorAll(".org-chart").forEach(function (chart) {
    var search = chart.querySelector(".org-search");
    var all = chart.querySelectorAll("details");
    var expand = chart.querySelector(".org-expand"), collapse = chart.querySelector(".org-collapse");
    if (expand) expand.addEventListener("click", function () { all.forEach(function (d) { d.open = true; }); });
    if (collapse) collapse.addEventListener("click", function () { all.forEach(function (d) { d.open = false; }); });
    if (!search) return;
    search.addEventListener("input", function () {
      var q = search.value.trim().toLowerCase();
      var first = null;
      chart.querySelectorAll(".org-node").forEach(function (node) {
        var hit = q !== "" && node.querySelector(".org-name").textContent.toLowerCase().indexOf(q) >= 0;
        node.classList.toggle("match", hit);
        if (hit) {
          for (var el = node.parentNode; el && el !== chart; el = el.parentNode)
            if (el.tagName === "DETAILS") el.open = true;
          if (!first) first = node;
        }
      });
      if (first) first.scrollIntoView({ block: "center" });
    });
  });
  var filter = document.querySelector(".severity-filter");
  if (filter) {
    filter.querySelectorAll("button").forEach(function (button) {
      button.addEventListener("click", function () {
        var severity = button.getAttribute("data-severity");
        filter.querySelectorAll("button").forEach(function (b) { b.classList.toggle("active", b === button); });
        var table = document.getElementById("t-findings");
        if (!table) return;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var red = row.querySelector("td.s-red"), amber = row.querySelector("td.s-amber");
          var kind = red ? "s-red" : amber ? "s-amber" : "s-none";
          row.classList.toggle("filtered-out", severity !== "" && kind !== severity);
        });
      });
    });
  }
  var meta = document.querySelector("meta[name=plan-version]");
  var notice = document.getElementById("changed");
  // The editor keeps itself current (edit.js); the notice is for pages that only show.
  if (meta && notice && window.fetch && document.body.getAttribute("data-page") !== "edit") {
    var shown = meta.getAttribute("content");
    var poll = function () {
      fetch("/api/version", { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (v) { if (v && String(v.version) !== shown) notice.hidden = false; })
        .catch(function () {});
    };
    setInterval(poll, 3000);
  }
})();
)JS";
    return js;
}

} // namespace planner::server
