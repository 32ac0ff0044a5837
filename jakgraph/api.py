"""The Python API: one :class:`Graph`, opened with :func:`jakgraph.open`, answering in rows of Python values.

Stored questions and SPARQL come back as lists of dicts (``g.ask``, ``g.sparql``) or a pandas DataFrame
(``g.frame``), the drug–disorder network as a networkx graph (``g.network``), and the graph can be written in
every format ``jakgraph export`` knows (``g.export``). Values are Python's: IRIs as CURIEs (``drug:upadacitinib``;
an IRI no project prefix fits stays whole), whole numbers ``int``, decimals ``decimal.Decimal`` (exactly as the
review gives them), doubles ``float``, dates ``datetime.date``, booleans ``bool``, text (in any language) ``str``,
an unbound variable None. The conversion is :func:`jakgraph.queries.results.value`.

An embedded store is read under a lease that keeps its build on disk while the graph is open: close the graph
when done, or use it in a ``with`` block. Mistakes a user can make (an unknown question or parameter, a value
the graph does not hold, a missing store) raise :class:`jakgraph.errors.UserError` with the one line the
command line prints.

>>> with jakgraph.open() as g:
...     [(row["drug"], row["disease_label"]) for row in g.ask("selective-drugs-with-design-in-group")]
[('drug:upadacitinib', 'VEXAS syndrome')]

The examples of the methods below use ``g = jakgraph.open()``, the graph built by ``jakgraph build``.
"""
from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Union

from jakgraph.errors import UserError

if TYPE_CHECKING:
    import networkx
    import pandas

    from jakgraph.graph.store.protocol import Store

ParameterValue = Union[str, int, float, Decimal, date, bool, None]
"""What a stored question's parameter may be given as from Python: text (a CURIE, IRI, name or label), a value,
or None for "not given" (the parameter's default, if it has one)."""

ENDPOINT_OPTIONS = ("graph", "user", "password", "timeout")


class Graph:
    """The jakgraph graph in a store, opened for reading; make one with :func:`jakgraph.open`.

    >>> g
    Graph(...)
    >>> g.ask("drugs-by-isoform", isoform="JAK2")[0]["drug_label"]
    'baricitinib'
    """

    def __init__(self, store: "Store") -> None:
        self._store: Store | None = store

    @classmethod
    def open(cls, store: str | os.PathLike[str] | None = None, *, graph: str | None = None,
             user: str | None = None, password: str | None = None, timeout: float | None = None) -> "Graph":
        """The graph at ``store``: a store folder, an ``http(s)://`` SPARQL endpoint (with the default ``graph``
        to query, ``user``, ``password`` and ``timeout`` in seconds, 60 unless given), or None for the default
        store (``$JAKGRAPH_STORE``, else ``~/.local/share/jakgraph/store``). The store is reached at once, so a
        missing store or an endpoint that does not answer is refused here rather than at the first question.

        >>> with Graph.open() as graph:
        ...     graph.sparql("ASK { drug:upadacitinib a jak:Drug }")
        [{'boolean': True}]
        >>> Graph.open("/nonexistent/jakgraph", user="me")
        Traceback (most recent call last):
        ...
        jakgraph.errors.UserError: user applies to a SPARQL endpoint; /nonexistent/jakgraph is a folder
        """
        from jakgraph.graph.store import open_store
        from jakgraph.queries.runner import run_internal

        options = {"graph": graph, "user": user, "password": password, "timeout": timeout}
        if isinstance(store, str) and store.startswith(("http://", "https://")):
            opened = open_store(store, graph=graph, user=user, password=password,
                                timeout=60.0 if timeout is None else timeout)
        else:
            given = [name for name in ENDPOINT_OPTIONS if options[name] is not None]
            if given:
                verb = "applies" if len(given) == 1 else "apply"
                raise UserError(f"{', '.join(given)} {verb} to a SPARQL endpoint; "
                                f"{os.fspath(store) if store else 'the default store'} is a folder")
            opened = open_store(store)
        try:
            run_internal(opened, "reachable")  # takes an embedded store's lease now; fails here on a missing store
        except BaseException:
            opened.close()
            raise
        return cls(opened)

    @property
    def store(self) -> "Store":
        """The store underneath (:class:`jakgraph.graph.store.Store`), for what this class does not offer.

        >>> g.store.location == g.location
        True
        """
        if self._store is None:
            raise UserError("the graph has been closed: open it again with jakgraph.open()")
        return self._store

    @property
    def location(self) -> str:
        """Where the graph is: a store folder or an endpoint URL.

        >>> Path(g.location).is_dir()
        True
        """
        return self.store.location

    def __repr__(self) -> str:
        where = self._store.location if self._store is not None else "closed"
        return f"Graph({where!r})"

    def close(self) -> None:
        """Let go of the store (an embedded store's lease, so that a later build may remove the one read here).

        >>> graph = jakgraph.open()
        >>> graph.close()
        >>> graph.ask("deaths-reported")
        Traceback (most recent call last):
        ...
        jakgraph.errors.UserError: the graph has been closed: open it again with jakgraph.open()
        """
        if self._store is not None:
            store, self._store = self._store, None
            store.close()

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def queries(self) -> list[dict[str, Any]]:
        """The stored questions: each one's ``name``, the ``question`` it answers and its ``parameters``' names.

        >>> questions = {q["name"]: q for q in g.queries()}
        >>> questions["selective-drugs-with-design-in-group"]["parameters"]
        ['selectivity', 'design', 'group']
        >>> questions["evidence-for-drug"]["question"]
        'What off-label evidence does the review give for a drug?'
        """
        from jakgraph.queries.catalog import all_queries

        return [{"name": query.name, "question": query.title, "parameters": [p.name for p in query.parameters]}
                for query in all_queries()]

    def parameters(self, name: str) -> list[dict[str, Any]]:
        """The parameters of stored question ``name``: ``name``, ``type`` (``iri``, ``integer``, ``decimal``,
        ``string``, ``boolean``, ``date``), whether it is ``required``, and its ``default`` (None if it has none).

        >>> g.parameters("studies-above-size")
        [{'name': 'min_n', 'type': 'integer', 'required': True, 'default': '20'}]
        >>> g.parameters("evidence-for-drug")[0]["default"]
        'drug:abrocitinib'
        """
        from jakgraph.ontology.namespaces import compact
        from jakgraph.queries.catalog import load_query

        return [{"name": p.name, "type": p.type, "required": p.required,
                 "default": compact(p.default) if p.default and p.type == "iri" else p.default}
                for p in load_query(name).parameters]

    def choices(self, name: str, parameter: str) -> list[dict[str, str]]:
        """The values ``parameter`` of stored question ``name`` takes in the graph, sorted by English label: each
        one's ``value`` (a CURIE) and its English and Spanish labels (empty where there is none). A parameter
        that takes any number or text has no list: [].

        >>> [choice["value"] for choice in g.choices("drugs-by-isoform", "isoform")]
        ['isoform:jak1', 'isoform:jak2', 'isoform:jak3', 'isoform:tyk2']
        >>> g.choices("selective-drugs-with-design-in-group", "selectivity")[1]
        {'value': 'selectivity:jak1-selective', 'label': 'JAK1-selective inhibitor', 'label_es': 'inhibidor selectivo de JAK1'}
        """
        from jakgraph.queries.catalog import load_query
        from jakgraph.queries.values import choices

        return [{"value": choice.curie, "label": choice.label_en, "label_es": choice.label_es}
                for choice in choices(self.store, load_query(name).parameter(parameter))]

    def ask(self, name: str, /, **parameters: ParameterValue) -> list[dict[str, Any]]:
        """The answer to stored question ``name``, one dict per row; parameters by keyword, each a CURIE, an IRI,
        the name or label of what the graph holds (``drug="upadacitinib"``), or a Python number, date or bool;
        None leaves a parameter out. A parameter's own column is named after the parameter (``drug``, not
        ``_drug_iri``).

        >>> [row["disease_label"] for row in g.ask("evidence-for-drug", drug="upadacitinib")][:2]
        ['VEXAS syndrome', 'alopecia areata']
        >>> rates = g.ask("long-term-incidence-rates", drug="abrocitinib")
        >>> {(row["event_label"], row["dose_mg"]): row["rate"] for row in rates}[("herpes zoster", Decimal("200"))]
        Decimal('4.34')
        >>> g.ask("evidence-for-drug", drug="upadacitnib")
        Traceback (most recent call last):
        ...
        jakgraph.errors.UserError: query evidence-for-drug, parameter drug: unknown drug 'upadacitnib'; closest: ...
        """
        return self._answer(name, parameters)[1]

    def frame(self, name: str, /, **parameters: ParameterValue) -> "pandas.DataFrame":
        """The answer to stored question ``name`` (parameters as :meth:`ask` takes them) as a pandas DataFrame,
        one column per variable even when no row answers. Columns take pandas' nullable types (whole numbers
        stay ``Int64`` beside a missing value); decimals and dates stay Python objects. Needs pandas
        (``pip install 'jakgraph[pandas]'``).

        >>> patients = g.frame("patients-per-drug")
        >>> int(patients.set_index("drug_label").loc["upadacitinib", "patients"])
        28
        """
        try:
            import pandas
        except ImportError:
            raise UserError("Graph.frame needs pandas, an optional extra: pip install 'jakgraph[pandas]'") from None
        columns, found = self._answer(name, parameters)
        return pandas.DataFrame.from_records(found, columns=columns).convert_dtypes()

    def sparql(self, text: str, *, allow_service: bool = False) -> list[dict[str, Any]]:
        """The answer to a SPARQL query as a list of dicts: a SELECT's rows, an ASK's ``[{"boolean": …}]``, a
        CONSTRUCT's or DESCRIBE's triples as ``subject``, ``predicate``, ``object``. The project's prefixes
        are known. Updates are refused, and so is ``SERVICE`` unless ``allow_service``.

        >>> g.sparql("SELECT ?isoform WHERE { drug:ruxolitinib jak:inhibits ?isoform } ORDER BY ?isoform")
        [{'isoform': 'isoform:jak1'}, {'isoform': 'isoform:jak2'}]
        >>> g.sparql("CONSTRUCT { ?d rdfs:label ?l } WHERE { ?d rdfs:label ?l FILTER(?d = drug:upadacitinib && LANG(?l) = 'en') }")
        [{'subject': 'drug:upadacitinib', 'predicate': 'rdfs:label', 'object': 'upadacitinib'}]
        >>> g.sparql("DELETE WHERE { ?s ?p ?o }")
        Traceback (most recent call last):
        ...
        jakgraph.queries.guard.QueryRefused: the query is a SPARQL update (DELETE)
        """
        from jakgraph.queries.guard import check
        from jakgraph.queries.results import rows, value

        check(text, allow_service=allow_service)
        results = self.store.query(text)
        if type(results).__name__ == "QueryBoolean":
            return [{"boolean": bool(results)}]
        if hasattr(results, "variables"):
            return rows(results, compact_iris=True)
        return [{"subject": value(t.subject, True), "predicate": value(t.predicate, True),
                 "object": value(t.object, True)} for t in results]  # type: ignore[union-attr]

    def network(self) -> "networkx.Graph":
        """The drug–disorder network ``jakgraph network`` and the views read: a networkx Graph whose nodes are
        drugs and the counted disorders they reach with off-label evidence, one edge per pair.

        Nodes (CURIEs) carry ``type`` (``drug`` or ``disease``), ``label`` and ``label_es``, ``counted`` (a
        disorder the review counts), ``xrefs`` (external identifiers joined with ``|``). Edges carry ``items``
        (evidence items), ``patients`` (their patients, 0 where unstated), ``level`` (rank of the highest study
        design, higher is stronger) and ``design`` (its label), ``refs`` (the review's reference numbers,
        comma-separated), ``approved`` (whether the drug is also approved for the disorder) and ``kind``
        (``off_label``). A new graph each call, yours to change.

        >>> network = g.network()
        >>> network.edges["drug:upadacitinib", "disease:vexas-syndrome"]["design"]
        'case series'
        >>> sorted(network.nodes[d]["label"] for d in network if network.nodes[d]["type"] == "disease"
        ...        and network.degree(d) == 3)
        ['alopecia areata', 'lichen planus']
        """
        from jakgraph.graph.network.model import evidence_network, summary_network

        return summary_network(evidence_network(self.store))

    def export(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the graph to ``path`` and return it: the format is ``format`` (one of ``jakgraph export``'s:
        ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``, ``trig``, ``nquads``, ``kgx`` (a folder), ``graphml``,
        ``gexf``, ``cyjs``, ``edges-csv``), else the one the file's extension stands for; a format that
        contradicts the extension is refused. The file appears whole or not at all.

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     written = g.export(Path(folder) / "jakgraph.nt")
        ...     "<https://w3id.org/jakgraph/drug/upadacitinib>" in written.read_text(encoding="utf-8")
        True
        >>> g.export("network.graphml", format="turtle")
        Traceback (most recent call last):
        ...
        jakgraph.errors.UserError: network.graphml: the name says GraphML but --format says Turtle; ...
        """
        from jakgraph.graph.export import format_for, write_export

        output = Path(path)
        return write_export(self.store, format_for(format, output), output).path

    def _answer(self, name: str, parameters: dict[str, ParameterValue]) -> tuple[list[str], list[dict[str, Any]]]:
        """The columns and rows of stored question ``name``, each parameter's own column under its name."""
        from jakgraph.queries.catalog import load_query
        from jakgraph.queries.results import rows
        from jakgraph.queries.runner import run_query

        query = load_query(name)
        for key in parameters:
            query.parameter(key)  # an unknown name is refused even when its value is None
        given = {key: parameter_text(value) for key, value in parameters.items() if value is not None}
        results = run_query(self.store, name, given)
        variables = [variable.value for variable in results.variables]
        columns = [query.column(variable) for variable in variables]
        found = [{column: row[variable] for column, variable in zip(columns, variables)}
                 for row in rows(results, compact_iris=True)]
        return columns, found


def parameter_text(value: str | int | float | Decimal | date | bool) -> str:
    """A parameter's value as the command line would give it: ``true``/``false``, an ISO date, a number's text.

    >>> parameter_text(True), parameter_text(date(2021, 9, 1)), parameter_text(Decimal("0.5")), parameter_text(20)
    ('true', '2021-09-01', '0.5', '20')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
