/* jakgraph viz page: zoom, pan, find and filter the network drawing. No library; works from a file:// page.
   The drawing's viewBox is the camera: the wheel, the buttons and + − 0 zoom it, dragging and the arrow keys
   move it. Ring labels are short until the full ones are legible. The filters apply the rule of
   jakgraph.graph.network.filters.passes to the lines and show a node when one of its lines is shown. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var svg = document.querySelector("svg.network");
  if (!svg || !data.nodes) return;
  var content = svg.querySelector(".content");
  var sizes = data.sizes;
  var ZOOM_STEP = 1.5, MIN_SCALE = 0.05, MAX_SCALE = 8, PAN_STEP = 80;
  var box = readBox();
  var elements = {};
  svg.querySelectorAll("[data-tip]").forEach(function (el) { elements[el.getAttribute("data-tip")] = el; });

  function readBox() {
    var v = svg.getAttribute("viewBox").split(/[\s,]+/).map(Number);
    return { x: v[0], y: v[1], w: v[2], h: v[3] };
  }

  function scale() {
    var r = svg.getBoundingClientRect();
    return Math.min(r.width / box.w, r.height / box.h);
  }

  function setBox(next) {
    box = next;
    svg.setAttribute("viewBox", [next.x, next.y, next.w, next.h].map(function (v) { return v.toFixed(2); }).join(" "));
    var s = scale();
    svg.setAttribute("data-scale", s.toFixed(4));
    svg.classList.toggle("near", s * sizes.full >= sizes.legible);
    svg.classList.toggle("far", s * sizes.short < sizes.unreadable);
  }

  function toUser(clientX, clientY) {
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  function centre() { return { x: box.x + box.w / 2, y: box.y + box.h / 2 }; }

  /* Zoom by factor, keeping the user-space point (cx, cy) where it is on screen. */
  function zoom(factor, cx, cy) {
    var s = scale();
    factor = Math.min(Math.max(factor, MIN_SCALE / s), MAX_SCALE / s);
    setBox({ x: cx - (cx - box.x) / factor, y: cy - (cy - box.y) / factor, w: box.w / factor, h: box.h / factor });
  }

  function pan(dx, dy) {
    var s = scale();
    setBox({ x: box.x - dx / s, y: box.y - dy / s, w: box.w, h: box.h });
  }

  function fit() {  /* measured with both forms of every label shown, so that a fit never depends on the zoom */
    svg.classList.add("measure");
    var b = content.getBBox();
    svg.classList.remove("measure");
    if (!b.width || !b.height) return;
    var pad = Math.max(b.width, b.height) * 0.01;
    setBox({ x: b.x - pad, y: b.y - pad, w: b.width + 2 * pad, h: b.height + 2 * pad });
  }

  function centreOn(id) {
    var node = data.nodes[id];
    var s = scale();
    var wanted = Math.max(s, 1.15 * sizes.legible / sizes.full);
    var w = box.w * s / wanted, h = box.h * s / wanted;
    setBox({ x: node.x - w / 2, y: node.y - h / 2, w: w, h: h });
  }

  /* ---- mouse, buttons and keys ---- */
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = toUser(event.clientX, event.clientY);
    zoom(Math.exp(-event.deltaY * (event.deltaMode ? 0.05 : 0.002)), p.x, p.y);
  }, { passive: false });

  var drag = null, dragged = false;
  svg.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, box: box };
    dragged = false;
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
    dragged = true;
    svg.classList.add("dragging");
    var s = scale();
    setBox({ x: drag.box.x - dx / s, y: drag.box.y - dy / s, w: drag.box.w, h: drag.box.h });
  });
  window.addEventListener("pointerup", function () {
    drag = null;
    svg.classList.remove("dragging");
  });
  svg.addEventListener("click", function (event) {  /* the end of a drag is not a click on what lies under it */
    if (dragged) { event.stopPropagation(); event.preventDefault(); dragged = false; }
  }, true);

  document.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom"), c = centre();
      if (how === "fit") fit(); else zoom(how === "in" ? ZOOM_STEP : 1 / ZOOM_STEP, c.x, c.y);
    });
  });

  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.ctrlKey || event.metaKey || event.altKey || tag === "input" || tag === "select" || tag === "textarea") return;
    var c = centre(), done = true;
    switch (event.key) {
      case "+": case "=": zoom(ZOOM_STEP, c.x, c.y); break;
      case "-": case "_": zoom(1 / ZOOM_STEP, c.x, c.y); break;
      case "0": fit(); break;
      case "ArrowLeft": pan(PAN_STEP, 0); break;
      case "ArrowRight": pan(-PAN_STEP, 0); break;
      case "ArrowUp": pan(0, PAN_STEP); break;
      case "ArrowDown": pan(0, -PAN_STEP); break;
      case "/": document.getElementById("find-name").focus(); break;
      default: done = false;
    }
    if (done) event.preventDefault();
  });

  /* ---- filters ---- */
  var filters = document.getElementById("filters");
  var subtitle = document.getElementById("subtitle");

  function readState() {
    return {
      drugs: Array.prototype.map.call(filters.querySelectorAll("input[name=drug]:checked"), function (i) { return i.value; }),
      groups: filters.elements["group"].value.split(" ").filter(Boolean),
      minLevel: Number(filters.elements["min-level"].value),
      approved: filters.elements["approved"].checked
    };
  }

  function passes(edge, state) {
    if (state.drugs.indexOf(edge.from) < 0) return false;
    if (state.groups.length && !state.groups.some(function (g) { return edge.within.indexOf(g) >= 0; })) return false;
    if (edge.kind === "approved") return state.approved;
    return edge.level >= state.minLevel;
  }

  function plural(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); }

  function describe(state, shown, pairs, approvals) {
    var drugs = 0, disorders = 0, parts = [];
    Object.keys(shown).forEach(function (id) {
      var kind = (data.nodes[id] || {}).kind;
      if (kind === "drug") drugs += 1; else if (kind === "disorder") disorders += 1;
    });
    var all = filters.querySelectorAll("input[name=drug]").length;
    if (state.drugs.length < all) parts.push("drugs: " + state.drugs.map(function (d) { return data.nodes[d].label; }).join(", "));
    if (state.groups.length) parts.push("groups: " + filters.elements["group"].selectedOptions[0].textContent);
    if (state.minLevel > 0) parts.push("evidence at rank " + state.minLevel + " or above");
    if (!state.approved) parts.push("approved indications hidden");
    return plural(drugs, "drug") + " · " + plural(disorders, "disorder") + " · " +
      plural(pairs, "drug–disorder pair") + " with off-label evidence · " + plural(approvals, "approved pair") +
      (parts.length ? " · " + parts.join("; ") : "");
  }

  function apply(state, rewrite) {
    var shown = {}, pairs = 0, approvals = 0;
    Object.keys(data.edges).forEach(function (key) {
      var edge = data.edges[key];
      if (edge.kind === "subclass_of") return;
      var on = passes(edge, state);
      elements[key].classList.toggle("off", !on);
      if (!on) return;
      shown[edge.from] = shown[edge.to] = true;
      if (edge.kind === "approved") approvals += 1; else pairs += 1;
    });
    Object.keys(data.edges).forEach(function (key) {
      var edge = data.edges[key];
      if (edge.kind === "subclass_of") elements[key].classList.toggle("off", !(shown[edge.from] && shown[edge.to]));
    });
    Object.keys(data.nodes).forEach(function (id) {
      var el = elements["n:" + id], members = data.groups[id];
      var on = members ? members.some(function (m) { return shown[m]; }) : Boolean(shown[id]);
      if (el) el.classList.toggle("off", !on);
    });
    if (rewrite) {
      subtitle.textContent = describe(state, shown, pairs, approvals);
      document.dispatchEvent(new Event("netview-release"));
    }
  }

  filters.addEventListener("change", function () { apply(readState(), true); fit(); });
  document.getElementById("show-all").addEventListener("click", function () {
    filters.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = true; });
    filters.elements["group"].value = "";
    filters.elements["min-level"].value = filters.elements["min-level"].options[0].value;
    apply(readState(), true);
    fit();
  });

  /* ---- find ---- */
  var find = document.getElementById("find");
  var message = document.getElementById("find-message");

  function matches(text) {
    var wanted = text.trim().toLowerCase(), ids = Object.keys(data.nodes);
    var exact = ids.filter(function (id) {
      var label = data.nodes[id].label.toLowerCase();
      return label === wanted || id.toLowerCase() === wanted || id.split(":").pop().toLowerCase() === wanted;
    });
    if (exact.length) return exact;
    return ids.filter(function (id) { return data.nodes[id].label.toLowerCase().indexOf(wanted) >= 0; });
  }

  find.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = document.getElementById("find-name").value;
    if (!text.trim()) return;
    var found = matches(text);
    if (!found.length) { message.textContent = "Nothing drawn is called “" + text.trim() + "”."; return; }
    if (found.length > 1) {
      var names = found.map(function (id) { return data.nodes[id].label; }).sort();
      message.textContent = found.length + " match: " + names.slice(0, 6).join(", ") + (names.length > 6 ? ", …" : "") + ".";
      return;
    }
    var id = found[0], el = elements["n:" + id];
    if (el.classList.contains("off")) {
      message.textContent = data.nodes[id].label + " is hidden by the filters: “Show everything” brings it back.";
      return;
    }
    message.textContent = "";
    centreOn(id);
    el.focus({ preventScroll: true });  /* focusing a node pins its evidence beside the drawing */
  });

  apply(readState(), false);
  fit();
  window.addEventListener("resize", function () { setBox(box); });
})();
