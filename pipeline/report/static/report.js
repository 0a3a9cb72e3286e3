// Review report behaviour: page switching by URL hash, sortable/filterable tables, evidence highlighting.
(function () {
  "use strict";

  var currentPage = null;

  function showPage() {
    var id = (location.hash || "#overview").slice(1);
    var page = document.getElementById(id);
    if (!page || !page.classList.contains("page")) { id = "overview"; page = document.getElementById(id); }
    document.querySelectorAll(".page").forEach(function (p) { p.classList.toggle("shown", p === page); });
    document.querySelectorAll("header.top a[href^='#']").forEach(function (a) {
      a.classList.toggle("current", a.getAttribute("href") === "#" + id);
    });
    var sel = document.getElementById("docselect");
    if (sel) sel.value = page.classList.contains("doc") ? id : "";
    if (currentPage !== id) window.scrollTo(0, 0);
    currentPage = id;
    document.dispatchEvent(new CustomEvent("report:page", { detail: id }));
  }

  function cellValue(row, i) {
    var c = row.cells[i];
    return c ? (c.getAttribute("data-sort") || c.textContent).trim() : "";
  }

  function sortBy(table, th) {
    var i = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, i), y = cellValue(b, i);
      var nx = parseFloat(x), ny = parseFloat(y);
      var r = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y, "zh");
      return asc ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function filter(input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
      var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) shown++;
    });
    var count = document.querySelector("[data-count-for='" + table.id + "']");
    if (count) count.textContent = shown;
  }

  function showEvidence(el) {
    var page = el.closest(".page");
    var rid = el.getAttribute("data-target");
    var status = page.querySelector(".status");
    page.querySelectorAll(".hl.active").forEach(function (h) { h.classList.remove("active"); });
    page.querySelectorAll(".selected").forEach(function (h) { h.classList.remove("selected"); });
    el.classList.add("selected");
    var marks = page.querySelectorAll(".doctext [data-r~='" + CSS.escape(rid) + "']");
    var pg = el.getAttribute("data-page");
    var where = pg ? "第 " + pg + " 页 · page " + pg : "页码 page —（来源无分页 source has no pages）";
    if (!marks.length) {
      status.textContent = "无证据位置 no evidence offsets for this row · " + where;
      return;
    }
    marks.forEach(function (m) { m.classList.add("active"); });
    // scroll the text pane only, so the title and status line stay where the reviewer is looking
    var pane = marks[0].closest(".textcol");
    pane.scrollTop = Math.max(0, marks[0].offsetTop - pane.clientHeight / 3);
    var text = Array.prototype.map.call(marks, function (m) { return m.textContent; }).join("");
    status.textContent = "";
    var b = document.createElement("b");
    b.textContent = where;
    status.appendChild(b);
    status.appendChild(document.createTextNode(" · 字符 chars " + el.getAttribute("data-start") + "–" + el.getAttribute("data-end") + " · "));
    var q = document.createElement("q");
    q.textContent = text.length > 120 ? text.slice(0, 120) + "…" : text;
    status.appendChild(q);
  }

  // Charts: Vega-Lite specs inlined as JSON, drawn as SVG by the inlined vega-embed; clicking a mark that
  // belongs to a document opens that document's page.
  function drawCharts() {
    document.querySelectorAll(".vega[data-spec]").forEach(function (el) {
      if (typeof window.vegaEmbed !== "function") {
        el.textContent = "图表脚本缺失 chart library missing from this report";
        return;
      }
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      window.vegaEmbed(el, spec, { renderer: "svg", actions: false }).then(function (res) {
        res.view.addEventListener("click", function (ev, item) {
          var d = item && item.datum;
          if (d && typeof d.doc_page === "number" && d.doc_page >= 0) location.hash = "#doc-" + d.doc_page;
        });
        el.setAttribute("data-rendered", "1");
      }).catch(function (err) {
        el.textContent = "图表绘制失败 chart failed: " + err;
        console.error(err);
      });
    });
  }

  // A link into a document page that also selects one of its rows (responsibility matrix -> assignment).
  function goTo(a) {
    location.hash = a.getAttribute("href");
    showPage();
    var page = document.getElementById(currentPage);
    var row = page && page.querySelector("[data-target='" + CSS.escape(a.getAttribute("data-goto")) + "']");
    if (row) showEvidence(row);
  }

  document.addEventListener("click", function (e) {
    var th = e.target.closest("table.sortable th");
    if (th) { sortBy(th.closest("table"), th); return; }
    var go = e.target.closest("a[data-goto]");
    if (go) { e.preventDefault(); goTo(go); return; }
    if (e.target.closest("a")) return;
    var ev = e.target.closest("[data-target]");
    if (ev) showEvidence(ev);
  });
  document.addEventListener("input", function (e) {
    if (e.target.matches("input.filter")) filter(e.target);
  });
  document.addEventListener("DOMContentLoaded", function () {
    var sel = document.getElementById("docselect");
    if (sel) sel.addEventListener("change", function () { if (sel.value) location.hash = sel.value; });
    window.addEventListener("hashchange", showPage);
    showPage();
    drawCharts();
  });
})();
