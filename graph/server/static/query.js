// The query page of jakgraph serve: sends the query to /sparql and shows the answer. No outside code.
"use strict";

const data = JSON.parse(document.getElementById("page-data").textContent);
const form = document.getElementById("query-form");
const textarea = document.getElementById("query");
const select = document.getElementById("example");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");

// longest namespace first, so that drug: wins over jakgraph:
const prefixes = Object.entries(data.prefixes).sort((a, b) => b[1].length - a[1].length);

function compact(iri) {
  for (const [prefix, namespace] of prefixes) {
    if (iri.startsWith(namespace) && iri.length > namespace.length) {
      return prefix + ":" + iri.slice(namespace.length);
    }
  }
  return iri;
}

function element(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  return node;
}

function termCell(term) {
  const cell = element("td");
  if (!term) return cell;
  if (term.type === "uri") {
    const local = term.value.startsWith(data.base) && term.value !== data.base;
    const href = local ? "/" + term.value.slice(data.base.length) : term.value;
    if (local || /^https?:\/\//.test(term.value)) {
      cell.appendChild(element("a", compact(term.value), { href: href, title: term.value }));
    } else {
      cell.appendChild(element("span", term.value));
    }
  } else if (term.type === "bnode") {
    cell.appendChild(element("span", "_:" + term.value, { class: "curie" }));
  } else {
    cell.appendChild(element("span", term.value, { class: "literal" }));
    if (term["xml:lang"]) cell.appendChild(element("span", "@" + term["xml:lang"], { class: "lang" }));
  }
  return cell;
}

function showTable(answer) {
  const table = element("table", null, { class: "results" });
  const head = element("tr");
  for (const name of answer.head.vars) head.appendChild(element("th", name));
  table.appendChild(head);
  for (const binding of answer.results.bindings) {
    const row = element("tr");
    for (const name of answer.head.vars) row.appendChild(termCell(binding[name]));
    table.appendChild(row);
  }
  results.replaceChildren(table);
  return answer.results.bindings.length;
}

async function run() {
  const started = performance.now();
  statusLine.textContent = "running…";
  statusLine.className = "";
  results.replaceChildren();
  let response;
  try {
    response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: new URLSearchParams({ query: textarea.value }),
    });
  } catch (error) {
    statusLine.textContent = "the endpoint did not answer: " + error;
    statusLine.className = "error";
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  const text = await response.text();
  if (!response.ok) {
    statusLine.textContent = response.status + ": " + text.trim();
    statusLine.className = "error";
    return;
  }
  const cut = response.headers.get("X-JAKGRAPH-Truncated") === "true"
    ? " (cut at the server's result limit)" : "";
  if (type.startsWith("application/sparql-results+json")) {
    const answer = JSON.parse(text);
    if ("boolean" in answer) {
      results.replaceChildren(element("p", String(answer.boolean), { class: "boolean" }));
      statusLine.textContent = "answered in " + seconds + " s";
    } else {
      const count = showTable(answer);
      statusLine.textContent = count + " row" + (count === 1 ? "" : "s") + cut + " in " + seconds + " s";
    }
  } else {
    results.replaceChildren(element("pre", text));
    statusLine.textContent = "graph" + cut + " in " + seconds + " s";
  }
}

for (const example of data.examples) {
  select.appendChild(element("option", example.name + " — " + example.title, { value: example.name }));
}
select.addEventListener("change", () => {
  const example = data.examples.find((candidate) => candidate.name === select.value);
  if (example) textarea.value = example.text;
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
textarea.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
for (const link of document.querySelectorAll(".downloads a")) {
  link.addEventListener("click", () => {
    link.href = "/sparql?" + new URLSearchParams({ query: textarea.value, format: link.dataset.format });
  });
}
