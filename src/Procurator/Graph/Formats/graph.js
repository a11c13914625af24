// procurator graph --format html: draws the layout computed by Procurator into the inline SVG.
// Every name reaches the page through textContent or a DOM property, never as markup.
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const svg = document.getElementById("graph");
  const viewport = document.getElementById("viewport");
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const dependencies = new Map(data.nodes.map((node) => [node.id, []]));
  const dependents = new Map(data.nodes.map((node) => [node.id, []]));
  for (const edge of data.edges) {
    dependencies.get(edge.source).push(edge.target);
    dependents.get(edge.target).push(edge.source);
  }

  const view = { k: 1, x: 0, y: 0 };
  const hiddenKinds = new Set();
  let selected = null;

  function element(name, attributes, parent) {
    const made = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      made.setAttribute(key, String(value));
    }
    parent.appendChild(made);
    return made;
  }

  function html(name, text, parent) {
    const made = document.createElement(name);
    if (text !== undefined) {
      made.textContent = text;
    }
    parent.appendChild(made);
    return made;
  }

  // Labels longer than their box are cut, whole code points at a time; the full one is the tooltip.
  function fit(label, width) {
    const chars = Array.from(label);
    const room = Math.max(4, Math.floor((width - 24) / 7));
    return chars.length <= room ? label : chars.slice(0, room - 1).join("") + "\u2026";
  }

  function drawNodes() {
    const layer = document.getElementById("nodes");
    for (const node of data.nodes) {
      const g = element("g", { class: "node " + node.kind, transform: `translate(${node.x} ${node.y})`, tabindex: 0, role: "button" }, layer);
      g.dataset.id = node.id;
      g.setAttribute("aria-label", `${node.kind} ${node.label}`);
      element("title", {}, g).textContent = `${node.label} (${node.id})`;
      element("rect", { class: "card", width: node.w, height: node.h, rx: 6 }, g);
      element("rect", { class: "stripe", width: 5, height: node.h - 2, x: 1, y: 1, rx: 2 }, g);
      element("text", { class: "kind", x: 14, y: 14 }, g).textContent = node.kind;
      element("text", { class: "label", x: 14, y: 30 }, g).textContent = fit(node.label, node.w);
      node.element = g;
      g.addEventListener("click", (event) => {
        event.stopPropagation();
        if (!drag.moved) {
          select(node.id === selected ? null : node.id);
          reveal(node);
        }
      });
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          select(node.id);
          reveal(node);
        }
      });
    }
  }

  // Edges point from the dependent (right) to its dependency (left).
  function drawEdges() {
    const layer = document.getElementById("edges");
    for (const edge of data.edges) {
      const from = byId.get(edge.source);
      const to = byId.get(edge.target);
      const x1 = from.x;
      const y1 = from.y + from.h / 2;
      const x2 = to.x + to.w;
      const y2 = to.y + to.h / 2;
      const bend = Math.max(40, Math.abs(x1 - x2) / 2);
      const path = element("path", {
        class: "edge " + edge.kind + (edge.dashed ? " dashed" : ""),
        d: `M${x1},${y1} C${x1 - bend},${y1} ${x2 + bend},${y2} ${x2},${y2}`,
        "marker-end": "url(#arrow)",
      }, layer);
      path.dataset.source = edge.source;
      path.dataset.target = edge.target;
      edge.element = path;
    }
  }

  function drawHeader() {
    document.getElementById("workspace-name").textContent = data.workspace.name;
    document.getElementById("workspace-description").textContent = data.workspace.description || "";
    const kinds = document.getElementById("kinds");
    for (const kind of data.kinds) {
      const label = html("label", undefined, kinds);
      const box = html("input", undefined, label);
      box.type = "checkbox";
      box.checked = true;
      box.id = "kind-" + kind.kind;
      box.value = kind.kind;
      html("span", undefined, label).className = "swatch " + kind.kind;
      html("span", `${kind.title} (${kind.count})`, label);
      box.addEventListener("change", () => {
        if (box.checked) {
          hiddenKinds.delete(kind.kind);
        } else {
          hiddenKinds.add(kind.kind);
        }
        applyFilter();
      });
    }
  }

  function applyFilter() {
    for (const node of data.nodes) {
      node.element.classList.toggle("hidden", hiddenKinds.has(node.kind));
    }
    for (const edge of data.edges) {
      const hidden = hiddenKinds.has(byId.get(edge.source).kind) || hiddenKinds.has(byId.get(edge.target).kind);
      edge.element.classList.toggle("hidden", hidden);
    }
    if (selected !== null && hiddenKinds.has(byId.get(selected).kind)) {
      select(null);
    }
  }

  // Everything reachable from start through next(id), start itself excluded.
  function closure(start, next) {
    const seen = new Set();
    const stack = [start];
    while (stack.length > 0) {
      for (const id of next.get(stack.pop())) {
        if (id !== start && !seen.has(id)) {
          seen.add(id);
          stack.push(id);
        }
      }
    }
    return seen;
  }

  function select(id) {
    selected = id;
    const below = id === null ? new Set() : closure(id, dependencies);
    const above = id === null ? new Set() : closure(id, dependents);
    for (const node of data.nodes) {
      const classes = node.element.classList;
      classes.toggle("selected", node.id === id);
      classes.toggle("dependency", below.has(node.id));
      classes.toggle("dependent", above.has(node.id));
      classes.toggle("dimmed", id !== null && node.id !== id && !below.has(node.id) && !above.has(node.id));
    }
    for (const edge of data.edges) {
      const down = below.has(edge.target) && (edge.source === id || below.has(edge.source));
      const up = above.has(edge.source) && (edge.target === id || above.has(edge.target));
      const classes = edge.element.classList;
      classes.toggle("dependency", down);
      classes.toggle("dependent", up);
      classes.toggle("dimmed", id !== null && !down && !up);
      edge.element.setAttribute("marker-end", down ? "url(#arrow-dependency)" : up ? "url(#arrow-dependent)" : "url(#arrow)");
    }
    showPanel(id === null ? null : byId.get(id), below.size, above.size);
  }

  function showPanel(node, belowCount, aboveCount) {
    const panel = document.getElementById("panel");
    panel.hidden = node === null;
    if (node === null) {
      return;
    }
    document.getElementById("panel-kind").textContent = node.kind;
    document.getElementById("panel-title").textContent = node.label;
    document.getElementById("panel-id").textContent = node.id;
    const list = document.getElementById("panel-details");
    list.replaceChildren();
    for (const row of node.details) {
      html("dt", row.title, list);
      const values = html("ul", undefined, html("dd", undefined, list));
      for (const value of row.values) {
        html("li", value, values);
      }
    }
    links(list, `Depends on (${belowCount} in all)`, dependencies.get(node.id));
    links(list, `Used by (${aboveCount} in all)`, dependents.get(node.id));
  }

  function links(list, title, ids) {
    if (ids.length === 0) {
      return;
    }
    html("dt", title, list);
    const items = html("ul", undefined, html("dd", undefined, list));
    for (const id of ids) {
      const button = html("button", byId.get(id).label, html("li", undefined, items));
      button.type = "button";
      button.title = id;
      button.addEventListener("click", () => {
        select(id);
        centre(byId.get(id));
      });
    }
  }

  // Search: exact name first, then names that start with the text, then labels or ids that contain it.
  function find(text) {
    const query = text.trim().toLowerCase();
    if (query === "") {
      return [];
    }
    const visible = data.nodes.filter((node) => !hiddenKinds.has(node.kind));
    const rank = (node) => {
      const name = node.name.toLowerCase();
      if (name === query || node.label.toLowerCase() === query || node.id.toLowerCase() === query) {
        return 0;
      }
      if (name.startsWith(query)) {
        return 1;
      }
      return node.label.toLowerCase().includes(query) || node.id.toLowerCase().includes(query) ? 2 : 3;
    };
    return visible.map((node) => ({ node, rank: rank(node) }))
      .filter((match) => match.rank < 3)
      .sort((a, b) => a.rank - b.rank)
      .map((match) => match.node);
  }

  function onSearch() {
    const matches = find(document.getElementById("search").value);
    const matched = new Set(matches.map((node) => node.id));
    for (const node of data.nodes) {
      node.element.classList.toggle("match", matched.has(node.id));
    }
    const status = document.getElementById("search-status");
    status.textContent = document.getElementById("search").value.trim() === "" ? "" : matches.length === 0 ? "no match" : `${matches.length} found`;
    if (matches.length > 0) {
      select(matches[0].id);
      centre(matches[0]);
    }
  }

  function apply() {
    viewport.setAttribute("transform", `translate(${view.x} ${view.y}) scale(${view.k})`);
  }

  function zoomAt(px, py, factor) {
    const k = Math.min(4, Math.max(0.1, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    apply();
  }

  // The part of the drawing the side panel does not cover, in SVG pixels.
  function freeArea() {
    const box = svg.getBoundingClientRect();
    const panel = document.getElementById("panel");
    const covered = panel.hidden ? 0 : box.right - panel.getBoundingClientRect().left;
    return { width: Math.max(100, box.width - covered), height: box.height };
  }

  function fitAll() {
    const area = freeArea();
    const margin = 40;
    const k = Math.min(1.5, (area.width - 2 * margin) / Math.max(1, data.width), (area.height - 2 * margin) / Math.max(1, data.height));
    view.k = Math.max(0.1, k);
    view.x = (area.width - data.width * view.k) / 2;
    view.y = (area.height - data.height * view.k) / 2;
    apply();
  }

  function centre(node) {
    const area = freeArea();
    view.x = area.width / 2 - (node.x + node.w / 2) * view.k;
    view.y = area.height / 2 - (node.y + node.h / 2) * view.k;
    apply();
  }

  // A node clicked near the edge, or under the panel that just opened, is brought into view.
  function reveal(node) {
    const area = freeArea();
    const left = view.x + node.x * view.k;
    const top = view.y + node.y * view.k;
    if (left < 0 || top < 0 || left + node.w * view.k > area.width || top + node.h * view.k > area.height) {
      centre(node);
    }
  }

  // Pan by dragging anywhere; a drag that moved is not also a click.
  const drag = { active: false, moved: false, startX: 0, startY: 0, viewX: 0, viewY: 0 };

  function wire() {
    svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) {
        return;
      }
      Object.assign(drag, { active: true, moved: false, startX: event.clientX, startY: event.clientY, viewX: view.x, viewY: view.y });
    });
    window.addEventListener("pointermove", (event) => {
      if (!drag.active) {
        return;
      }
      const dx = event.clientX - drag.startX;
      const dy = event.clientY - drag.startY;
      if (Math.abs(dx) + Math.abs(dy) > 3) {
        drag.moved = true;
        svg.classList.add("panning");
      }
      view.x = drag.viewX + dx;
      view.y = drag.viewY + dy;
      apply();
    });
    window.addEventListener("pointerup", () => {
      drag.active = false;
      svg.classList.remove("panning");
    });
    svg.addEventListener("click", () => {
      if (!drag.moved) {
        select(null);
      }
    });
    svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const box = svg.getBoundingClientRect();
      zoomAt(event.clientX - box.left, event.clientY - box.top, Math.exp(-event.deltaY * 0.0015));
    }, { passive: false });
    const middle = () => {
      const box = svg.getBoundingClientRect();
      return [box.width / 2, box.height / 2];
    };
    document.getElementById("zoom-in").addEventListener("click", () => zoomAt(...middle(), 1.25));
    document.getElementById("zoom-out").addEventListener("click", () => zoomAt(...middle(), 0.8));
    document.getElementById("zoom-fit").addEventListener("click", fitAll);
    document.getElementById("panel-close").addEventListener("click", () => select(null));
    document.getElementById("search").addEventListener("input", onSearch);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        select(null);
      }
    });
    window.addEventListener("resize", fitAll);
  }

  drawHeader();
  drawEdges();
  drawNodes();
  wire();
  fitAll();
  document.body.dataset.ready = "true";
})();
