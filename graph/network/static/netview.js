/* jakgraph viz and gapmap pages: hover shows an element's evidence, click pins it beside the drawing.
   Works from a file:// page with no network; the data is the JSON block #view-data of the page. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var tips = data.tips || {};
  var tooltip = document.getElementById("tooltip");
  var details = document.getElementById("details");
  var drawing = document.querySelector("[data-drawing]");
  var pinned = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(target, tip) {
    target.replaceChildren();
    target.appendChild(el("h3", "tip-title", tip.title));
    (tip.lines || []).forEach(function (line) { target.appendChild(el("p", "tip-line", line)); });
    if (tip.items && tip.items.length) {
      var list = el("ol", "tip-items");
      tip.items.forEach(function (item) {
        var li = el("li");
        li.appendChild(el("strong", null, item.head));
        if (item.refs) li.appendChild(el("span", "tip-refs", " refs " + item.refs));
        if (item.text) li.appendChild(el("div", "tip-text", item.text));
        list.appendChild(li);
      });
      target.appendChild(list);
    }
  }

  function place(event) {
    var pad = 16, box = tooltip.getBoundingClientRect();
    var x = event.clientX + pad, y = event.clientY + pad;
    if (x + box.width > window.innerWidth - 4) x = Math.max(4, event.clientX - box.width - pad);
    if (y + box.height > window.innerHeight - 4) y = Math.max(4, window.innerHeight - box.height - 4);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function light(target, on) {
    if (!drawing) return;
    var ends = (target.getAttribute("data-ends") || "").split(" ").filter(Boolean);
    var node = target.getAttribute("data-node");
    drawing.classList.toggle("focus", on);
    drawing.querySelectorAll(".lit").forEach(function (x) { x.classList.remove("lit"); });
    if (!on) return;
    target.classList.add("lit");
    drawing.querySelectorAll("[data-ends]").forEach(function (edge) {
      var its = edge.getAttribute("data-ends").split(" ");
      if (node && its.indexOf(node) >= 0) {
        edge.classList.add("lit");
        its.forEach(function (id) { var n = drawing.querySelector('[data-node="' + id + '"]'); if (n) n.classList.add("lit"); });
      }
    });
    ends.forEach(function (id) { var n = drawing.querySelector('[data-node="' + id + '"]'); if (n) n.classList.add("lit"); });
  }

  function show(target, event) {
    var tip = tips[target.getAttribute("data-tip")];
    if (!tip) return;
    render(tooltip, tip);
    tooltip.hidden = false;
    if (event && event.clientX !== undefined) place(event);
    if (!pinned) light(target, true);
  }

  function hide(target) {
    tooltip.hidden = true;
    if (!pinned) light(target, false);
  }

  function pin(target) {
    var tip = tips[target.getAttribute("data-tip")];
    if (!tip || !details) return;
    if (pinned) light(pinned, false);
    pinned = target;
    render(details, tip);
    light(target, true);
  }

  document.querySelectorAll("[data-tip]").forEach(function (target) {
    target.setAttribute("tabindex", "0");
    target.addEventListener("mouseenter", function (event) { show(target, event); });
    target.addEventListener("mousemove", function (event) { if (!tooltip.hidden) place(event); });
    target.addEventListener("mouseleave", function () { hide(target); });
    target.addEventListener("focus", function () { pin(target); });
    target.addEventListener("click", function (event) { event.stopPropagation(); pin(target); });
  });
  function release() {
    if (pinned) { light(pinned, false); pinned = null; }
  }
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") release(); });
  document.addEventListener("netview-release", release);  /* sent by the page's filters: what was pinned may be gone */
})();
