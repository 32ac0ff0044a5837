"""Sign nanopublications with an RSA private key, through the ``nanopub`` package (``pip install
'jakgraph[nanopub]'``): it adds the signature to the publication info and gives the nanopublication its trusty URI."""
from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from typing import Any

from jakgraph.errors import UserError

PEM = re.compile(rb"-----BEGIN ((?:RSA )?PRIVATE KEY)-----(.*?)-----END \1-----", re.DOTALL)


class Signer:
    """Signs one nanopublication (TriG bytes) at a time with one key.

    >>> Signer.from_pem(Path("key.pem")).sign(trig_bytes)            # doctest: +SKIP
    """

    def __init__(self, profile: Any) -> None:
        self.profile = profile

    @classmethod
    def from_pem(cls, path: Path) -> "Signer":
        """The signer for the unencrypted RSA private key in PEM file ``path``; one-line errors for a missing
        package, an unreadable file or a key that is not one."""
        try:
            from nanopub import Profile
        except ImportError:
            raise UserError("--key: signing needs the nanopub package (pip install 'jakgraph[nanopub]'); "
                            "without --key the nanopublications are written unsigned") from None
        try:
            text = Path(path).read_bytes()
        except OSError as exc:
            raise UserError(f"--key {path}: cannot be read: {exc.strerror or exc}") from None
        match = PEM.search(text)
        if match is None or b"ENCRYPTED" in text:
            raise UserError(f"--key {path}: not an unencrypted RSA private key in PEM form")
        body = b"".join(match.group(2).split())
        try:
            base64.b64decode(body, validate=True)
            profile = Profile(orcid_id="", name="jakgraph", private_key=body.decode("ascii"))
        except (binascii.Error, ValueError, IndexError, TypeError) as exc:
            raise UserError(f"--key {path}: not a usable RSA private key ({exc})") from None
        return cls(profile)

    def sign(self, trig: bytes, prefixes: dict[str, str]) -> bytes:
        """The nanopublication signed, with its trusty URI, as TriG (with ``prefixes`` and ``this``, ``sub``).

        pyoxigraph writes it, not rdflib: rdflib's TriG writes ``"200"^^xsd:decimal`` as ``200.0``, another
        lexical form, which would change the facts and break the signature and the trusty URI computed on them.
        """
        import warnings

        from nanopub import Nanopub, NanopubConf
        from pyoxigraph import RdfFormat, serialize
        from rdflib import ConjunctiveGraph

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # nanopub 2 works on rdflib's ConjunctiveGraph
            graph = ConjunctiveGraph()
            graph.parse(data=trig, format="trig")
            publication = Nanopub(rdf=graph, conf=NanopubConf(profile=self.profile))
            publication.sign()
            quads = [oxigraph_quad(s, p, o, c.identifier) for s, p, o, c in publication.rdf.quads((None, None, None, None))]
            uri = str(publication.source_uri)
        return serialize(quads, format=RdfFormat.TRIG,
                         prefixes={"this": uri, "sub": uri + "#", "npx": NPX, **prefixes})


NPX = "http://purl.org/nanopub/x/"


def oxigraph_quad(subject: Any, predicate: Any, obj: Any, graph: Any) -> Any:
    """An rdflib quad as a pyoxigraph one, literals in their lexical form as read."""
    from pyoxigraph import Literal, NamedNode, Quad
    from rdflib import Literal as RdfLiteral

    def term(value: Any) -> Any:
        if isinstance(value, RdfLiteral):
            if value.language:
                return Literal(str(value), language=value.language)
            return Literal(str(value), datatype=NamedNode(str(value.datatype)) if value.datatype else None)
        return NamedNode(str(value))

    return Quad(term(subject), term(predicate), term(obj), term(graph))
