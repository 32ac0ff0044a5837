// The workbench of jakgraph serve: YASGUI (vendored) on this server's /sparql, and the library of stored questions
// whose forms take their values from /api/NAME/values/PARAM. Nothing here or in YASGUI's configuration reaches
// another host: see static/VENDORED.md for what is switched off.
"use strict";

const data = JSON.parse(document.getElementById("page-data").textContent);
const ENDPOINT = new URL("/sparql", window.location.href).href;
const LOCAL = window.location.origin + "/";

// --- completion: the project's prefixes, and its classes and properties read from the local endpoint ---------------

const Yasqe = Yasgui.Yasqe;
const noStorage = () => undefined; // completions are not kept in localStorage (a rebuild may change them)

function expandToken(yasqe, token) {
  const known = Object.assign({}, data.prefixes, yasqe.getPrefixesFromQuery());
  const text = token.string.trim();
  token.autocompletionString = text;
  if (text.startsWith("<")) {
    token.autocompletionString = text.slice(1).replace(/>$/, "");
  } else if (text.includes(":")) {
    const prefix = text.slice(0, text.indexOf(":"));
    if (known[prefix]) {
      token.tokenPrefix = prefix + ":";
      token.tokenPrefixUri = known[prefix];
      token.autocompletionString = known[prefix] + text.slice(prefix.length + 1);
    }
  }
  return token;
}

function compactSuggestion(yasqe, token, suggestion) {
  if (token.tokenPrefix && token.tokenPrefixUri && suggestion.startsWith(token.tokenPrefixUri)) {
    return token.tokenPrefix + suggestion.slice(token.tokenPrefixUri.length);
  }
  return "<" + suggestion + ">";
}

async function vocabulary(query) {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
    body: new URLSearchParams({ query }),
  });
  if (!response.ok) return [];
  const answer = await response.json();
  return answer.results.bindings.map((row) => row.term.value).sort();
}

// the endpoint knows the project's prefixes without PREFIX lines, and so does the editor's syntax check
const sparqlMode = Yasqe.modes.sparql11;
Yasqe.defineMode("sparql11", function (...settings) {
  const mode = sparqlMode.apply(this, settings);
  const startState = mode.startState;
  mode.startState = function (...more) {
    const state = startState.apply(this, more);
    state.prefixes = Object.assign({}, data.prefixes, state.prefixes);
    return state;
  };
  return mode;
});

Yasqe.defaults.autocompleters.splice(0); // drop the completers that ask lov.linkeddata.es or prefix.cc
Yasqe.forkAutocompleter("prefixes", {
  name: "jakgraphPrefixes",
  persistenceId: noStorage,
  get: () => Promise.resolve(Object.entries(data.prefixes).map(([p, ns]) => `${p}: <${ns}>`).sort()),
});
if (Yasqe.Autocompleters.variables) Yasqe.defaults.autocompleters.push("variables");
Yasqe.forkAutocompleter("property", {
  name: "jakgraphProperties",
  bulk: true,
  persistenceId: noStorage,
  get: () => vocabulary(data.properties),
  preProcessToken: expandToken,
  postProcessSuggestion: compactSuggestion,
});
Yasqe.forkAutocompleter("class", {
  name: "jakgraphClasses",
  bulk: true,
  persistenceId: noStorage,
  get: () => vocabulary(data.classes),
  preProcessToken: expandToken,
  postProcessSuggestion: compactSuggestion,
});

// --- YASGUI on the local endpoint only --------------------------------------------------------------------------

const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: ENDPOINT, method: "POST" },
  copyEndpointOnNewTab: false,
  // a shared link may name another endpoint (and YASGUI runs a shared query at once): it is answered here instead
  populateFromUrl: (config) => {
    config.requestConfig.endpoint = ENDPOINT;
    return config;
  },
  corsProxy: undefined,
  endpointCatalogueOptions: { getData: () => [{ endpoint: ENDPOINT }], keys: [] },
  persistenceId: "jakgraph-workbench",
  yasqe: { value: data.starter, createShortLink: undefined, prefixCcApi: null },
  // results show CURIEs; YASR takes the first namespace that matches, so the longest ones come first
  yasr: { prefixes: Object.fromEntries(Object.entries(data.prefixes).sort((a, b) => b[1].length - a[1].length)) },
});

window.yasgui = yasgui; // for the browser's console (and the tests): yasgui.getTab().getYasqe() …

function keepLocal(tab) {
  if (!tab) return;
  if (tab.getEndpoint() !== ENDPOINT) tab.setEndpoint(ENDPOINT);
  const yasqe = tab.getYasqe();
  if (yasqe && !yasqe.jakgraphGuarded) {
    yasqe.jakgraphGuarded = true;
    // a shared link may name another endpoint: such a query is stopped before it is sent
    yasqe.on("query", (editor, request, controller) => {
      if (request && controller && !String(request.url).startsWith(LOCAL)) controller.abort();
    });
  }
}

yasgui.config.requestConfig.endpoint = ENDPOINT; // the tabs' shared defaults, which a shared link may have changed
for (const id of yasgui.persistentConfig.getTabs()) keepLocal(yasgui.getTab(id));
yasgui.on("tabSelect", (self, id) => keepLocal(yasgui.getTab(id)));
yasgui.on("tabAdd", (self, id) => keepLocal(yasgui.getTab(id)));
yasgui.on("queryBefore", (self, tab) => keepLocal(tab));

// IRIs of the project in the results open their page on this server, not on w3id.org; the endpoint is shown read-only
function localLinks(root) {
  for (const anchor of root.querySelectorAll(`a[href^="${data.base}"]`)) {
    anchor.href = "/" + anchor.getAttribute("href").slice(data.base.length);
    anchor.removeAttribute("target");
  }
  for (const input of root.querySelectorAll("input.autocomplete:not([readonly])")) {
    input.readOnly = true;
    input.title = "this server's SPARQL endpoint";
  }
}
const yasguiRoot = document.getElementById("yasgui");
localLinks(yasguiRoot);
new MutationObserver(() => localLinks(yasguiRoot)).observe(yasguiRoot, { childList: true, subtree: true });

// --- the library of stored questions ---------------------------------------------------------------------------------

function option(choice) {
  const label = choice.label_en || choice.curie;
  const spanish = choice.label_es && choice.label_es !== choice.label_en ? ` · ${choice.label_es}` : "";
  const node = document.createElement("option");
  node.value = choice.iri;
  node.textContent = `${label}${spanish}`;
  node.title = choice.curie;
  return node;
}

async function fillChoices(form) {
  for (const select of form.querySelectorAll("select[data-values]")) {
    if (select.dataset.filled) continue;
    select.dataset.filled = "loading";
    const response = await fetch(select.dataset.values, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      select.dataset.filled = "";
      continue;
    }
    const choices = await response.json();
    const chosen = select.value;
    const options = [];
    if (!select.dataset.default) {
      const any = document.createElement("option");
      any.value = "";
      any.textContent = "(any)";
      options.push(any);
    }
    for (const choice of choices) options.push(option(choice));
    select.replaceChildren(...options);
    select.value = chosen;
    select.dataset.filled = "yes";
  }
}

function formParameters(form) {
  const parameters = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim()) parameters.append(name, value);
  }
  return parameters;
}

async function runQuestion(form) {
  const name = form.dataset.name;
  const status = form.querySelector(".form-status");
  const parameters = formParameters(form);
  status.textContent = "binding the parameters…";
  status.classList.remove("error");
  const response = await fetch(`/api/${name}/sparql?${parameters}`);
  const text = await response.text();
  if (!response.ok) {
    status.textContent = text.trim();
    status.classList.add("error");
    return;
  }
  status.textContent = "";
  const tab = yasgui.getTab();
  keepLocal(tab);
  tab.setName(name);
  tab.setQuery(text);
  tab.query();
}

function updateApiLink(form) {
  const link = form.querySelector(".api-link");
  const parameters = formParameters(form).toString();
  const path = `/api/${form.dataset.name}` + (parameters ? `?${parameters}` : "");
  link.href = path;
  link.textContent = decodeURIComponent(path);
}

for (const question of document.querySelectorAll("details.question")) {
  const form = question.querySelector("form");
  question.addEventListener("toggle", () => {
    if (question.open) fillChoices(form);
  });
  form.addEventListener("change", () => updateApiLink(form));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runQuestion(form);
  });
}

document.getElementById("library-filter").addEventListener("input", (event) => {
  const wanted = event.target.value.trim().toLowerCase();
  for (const question of document.querySelectorAll("details.question")) {
    question.hidden = wanted !== "" && !question.textContent.toLowerCase().includes(wanted);
  }
});

// /?question=NAME opens that question of the library
const asked = new URLSearchParams(window.location.search).get("question");
if (asked) {
  const question = document.getElementById("q-" + asked);
  if (question) {
    question.open = true;
    question.scrollIntoView({ block: "nearest" });
  }
}
