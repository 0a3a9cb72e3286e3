// Review report behaviour: page switching by URL hash, sortable/filterable tables, evidence highlighting.
(function () {
  "use strict";

  var currentPage = null;

  function showPage() {
    var fallback = document.body.getAttribute("data-default") || "overview";
    var id = (location.hash || "#" + fallback).slice(1);
    var page = document.getElementById(id);
    var base = document.body.getAttribute("data-doc-base");
    if (!page && base && /^doc-\d+$/.test(id)) { location.href = base + id + ".html"; return; }  // a large corpus: one file per document
    if (!page || !page.classList.contains("page")) { id = fallback; page = document.getElementById(id); }
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
  var chartsDrawn = false;
  function drawCharts() {
    // drawn the first time the comparisons are shown: a report opens without laying out charts it hides
    if (chartsDrawn) return;
    chartsDrawn = true;
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

  // ---- review and correct: every accept / reject / edit / add becomes a row of corrections.csv, kept in
  // this browser (localStorage) and downloadable; served by `run_pipeline.py serve`, it is saved at once.
  var FIX_COLUMNS = ["sha256", "doc_id", "table", "field", "start_char", "end_char", "original", "action", "value", "note", "created_at"];
  var fixes = [];
  var storeKey = "gongwen-corrections:" + ((document.querySelector(".corrections") || {}).getAttribute ? document.querySelector(".corrections").getAttribute("data-source") : "");

  function csvCell(v) {
    v = String(v == null ? "" : v);
    return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  function fixesCsv() {
    return "\ufeff" + [FIX_COLUMNS.join(",")].concat(fixes.map(function (f) {
      return FIX_COLUMNS.map(function (c) { return csvCell(f[c]); }).join(",");
    })).join("\r\n") + "\r\n";
  }

  function saveFixes() {
    try { localStorage.setItem(storeKey, JSON.stringify(fixes)); } catch (e) { /* private mode: the download still works */ }
    var count = document.getElementById("fix-count");
    if (count) count.textContent = fixes.length;
    if (location.protocol === "http:" || location.protocol === "https:") {
      var saved = document.getElementById("fix-saved");
      // a document page of a paged report sits one folder down (report_docs/): the server's route is at the top
      fetch((document.body.getAttribute("data-root") || "") + "corrections", { method: "POST", headers: { "Content-Type": "text/csv; charset=utf-8" }, body: fixesCsv() })
        .then(function (r) { if (saved) saved.textContent = r.ok ? "已保存 saved" : "保存失败 not saved (" + r.status + ")"; })
        .catch(function (err) { if (saved) saved.textContent = "保存失败 not saved: " + err; });
    }
  }

  function addFix(f) {
    // one correction per value: a later click on the same value replaces the earlier one
    fixes = fixes.filter(function (g) {
      return !(g.sha256 === f.sha256 && g.table === f.table && g.field === f.field && g.start_char === f.start_char && g.end_char === f.end_char && g.original === f.original && f.action !== "add");
    });
    f.created_at = new Date().toISOString().slice(0, 19);
    fixes.push(f);
    saveFixes();
  }

  function fixValue(btn) {
    var el = btn.closest("[data-field]");
    var page = btn.closest(".page");
    var table = el.getAttribute("data-table") || (el.closest("table[data-table]") || {}).getAttribute("data-table");
    var action = btn.getAttribute("data-fix");
    var original = el.getAttribute("data-original") || "";
    var value = "";
    if (action === "edit") {
      value = window.prompt("新值 new value for " + el.getAttribute("data-field"), original);
      if (value === null) return;
    }
    addFix({
      sha256: page.getAttribute("data-sha"), doc_id: page.getAttribute("data-doc-id"), table: table,
      field: el.getAttribute("data-field"), start_char: el.getAttribute("data-start") || "", end_char: el.getAttribute("data-end") || "",
      original: original, action: action, value: value, note: "",
    });
    el.classList.remove("fix-accept", "fix-reject", "fix-edit");
    el.classList.add("fix-" + action);
  }

  // offsets of the selection inside the document text: the text nodes of <pre class="doctext"> in order
  function selectionOffsets(pre) {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (!pre.contains(range.startContainer) || !pre.contains(range.endContainer)) return null;
    var walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT, null);
    var pos = 0, start = -1, end = -1, node;
    while ((node = walker.nextNode())) {
      if (node === range.startContainer) start = pos + range.startOffset;
      if (node === range.endContainer) { end = pos + range.endOffset; break; }
      pos += node.nodeValue.length;
    }
    return start >= 0 && end > start ? [start, end, sel.toString()] : null;
  }

  function addMissing(btn) {
    var page = btn.closest(".page");
    var pre = page.querySelector("pre.doctext");
    var got = pre && selectionOffsets(pre);
    var status = page.querySelector(".status");
    if (!got) { status.textContent = "先在原文中选中要添加的文字 select the text to add first"; return; }
    var spec = window.prompt("表.字段 table.field (deadlines.text, tasks.title, assignments.unit, references.cited_title, domains.domain)", "deadlines.text");
    if (!spec || spec.indexOf(".") < 0) return;
    var value = window.prompt("值 value", got[2]);
    if (value === null) return;
    addFix({
      sha256: page.getAttribute("data-sha"), doc_id: page.getAttribute("data-doc-id"), table: spec.split(".")[0], field: spec.split(".")[1],
      start_char: String(got[0]), end_char: String(got[1]), original: "", action: "add", value: value, note: "",
    });
    status.textContent = "已添加 added: " + value + " · 字符 chars " + got[0] + "–" + got[1];
  }

  function download() {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([fixesCsv()], { type: "text/csv;charset=utf-8" }));
    a.download = "corrections.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  window.gongwenCorrections = function () { return fixesCsv(); };  // for tests and for copying by hand

  document.addEventListener("click", function (e) {
    var fixBtn = e.target.closest("button[data-fix]");
    if (fixBtn) { e.preventDefault(); e.stopPropagation(); fixValue(fixBtn); return; }
    if (e.target.closest("button.fix-add")) { addMissing(e.target.closest("button.fix-add")); return; }
    if (e.target.closest("#fix-download")) { download(); return; }
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
  // A large corpus's overview: the rows past the first few hundred come as data and are added in chunks
  // after the page shows, so it opens fast; a filter typed meanwhile is applied again at the end.
  var OVERVIEW_CELLS = ["", "", "", "date", "date", "", "", "", "num", "num", "num", "num", "num", "num"];  // classes, as in the template
  function appendOverview() {
    var data = document.getElementById("overview-rest");
    var table = document.getElementById("docs-table");
    if (!data || !table) return;
    var rows = JSON.parse(data.textContent);
    var body = table.tBodies[0];
    var sel = document.getElementById("docselect");
    var at = 0;
    function link(href, text) { var a = document.createElement("a"); a.href = href; a.textContent = text; return a; }
    function chunk() {
      var frag = document.createDocumentFragment();
      var opts = document.createDocumentFragment();
      for (var n = 0; n < 1000 && at < rows.length; n++, at++) {
        var r = rows[at];
        var tr = document.createElement("tr");
        tr.setAttribute("data-doc-id", r[15]);
        var cells = [link(r[0], r[1]), r[2], link(r[0], r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14]];
        cells.forEach(function (c, i) {
          var td = document.createElement("td");
          var cls = OVERVIEW_CELLS[i] + (i === 13 && r[14] ? " err" : "");
          if (cls.trim()) td.className = cls.trim();
          if (typeof c === "object") td.appendChild(c); else td.textContent = String(c);
          tr.appendChild(td);
        });
        frag.appendChild(tr);
        if (sel) { var o = document.createElement("option"); o.value = r[16]; o.textContent = r[17]; opts.appendChild(o); }
      }
      body.appendChild(frag);
      if (sel) sel.appendChild(opts);
      if (at < rows.length) { setTimeout(chunk, 0); return; }
      var input = document.querySelector("input.filter[data-table='docs-table']");
      if (input && input.value) filter(input);
      table.setAttribute("data-complete", "1");
    }
    setTimeout(chunk, 0);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var sel = document.getElementById("docselect");
    if (sel) sel.addEventListener("change", function () { if (sel.value) location.hash = sel.value; });
    window.addEventListener("hashchange", showPage);
    try { fixes = JSON.parse(localStorage.getItem(storeKey) || "[]"); } catch (e) { fixes = []; }
    var count = document.getElementById("fix-count");
    if (count) count.textContent = fixes.length;
    document.addEventListener("report:page", function (e) { if (e.detail === "compare") drawCharts(); });
    showPage();
    appendOverview();
  });
})();
