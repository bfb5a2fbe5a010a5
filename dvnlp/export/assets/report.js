/* dvnlp HTML report: search, paging of long lists, highlighted evidence. Inlined, no libraries. */
(function () {
  "use strict";
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  };
  var box = document.getElementById("search");
  var count = document.getElementById("search-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
  items.forEach(function (e) { e.setAttribute("data-fold", fold(e.getAttribute("data-search"))); });
  var entities = document.getElementById("entities");
  function apply() {
    var q = box ? fold(box.value.trim()) : "";
    var n = 0;
    items.forEach(function (e) {
      var hit = q ? e.getAttribute("data-fold").indexOf(q) >= 0 : !e.classList.contains("entity");
      e.hidden = !hit;
      if (hit && q) { n += 1; }
    });
    document.querySelectorAll(".paged").forEach(function (list) { list.classList.toggle("searching", !!q); });
    if (entities) { entities.hidden = !q; }
    if (count) { count.textContent = q ? n + (n === 1 ? " match" : " matches") : ""; }
    document.querySelectorAll(".paged").forEach(page);
  }
  function page(list) {
    var size = parseInt(list.getAttribute("data-page") || "200", 10);
    var shown = parseInt(list.getAttribute("data-shown") || String(size), 10);
    var searching = list.classList.contains("searching");
    var kids = list.querySelectorAll(":scope > .item");
    for (var i = 0; i < kids.length; i += 1) { kids[i].classList.toggle("later", !searching && i >= shown); }
    var more = list.parentNode.querySelector(".more[data-for='" + list.id + "']");
    if (more) { more.hidden = searching || shown >= kids.length; }
  }
  document.querySelectorAll(".more").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var list = document.getElementById(btn.getAttribute("data-for"));
      var size = parseInt(list.getAttribute("data-page") || "200", 10);
      var shown = parseInt(list.getAttribute("data-shown") || String(size), 10);
      list.setAttribute("data-shown", String(shown + size));
      page(list);
    });
  });
  function flash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    document.querySelectorAll(".current").forEach(function (e) { e.classList.remove("current"); });
    if (el.classList.contains("later")) { el.classList.remove("later"); }
    el.classList.add("current");
    el.scrollIntoView({ block: el.tagName === "ARTICLE" ? "start" : "center" });
  }
  if (box) { box.addEventListener("input", apply); }
  window.addEventListener("hashchange", flash);
  apply();
  flash();
}());
