"""Versioned releases of the graph and the change list of facts between two versions.

* :mod:`.snapshot` — the quads of a store, a release folder or a release at an ``http(s)://`` URL, with its version
* :mod:`.changes` — what changed between two snapshots, record by record and field by field, and how much
  (major, minor, patch)
* :mod:`.report` — the change list in a curator's words (``CHANGES.md``, ``jakgraph diff``), with the labels of
  :mod:`.words`
* :mod:`.version` — the version scheme: semantic versioning of the data
* :mod:`.describe` — the release's VoID and DCAT description
* :mod:`.checksums` — ``SHA256SUMS``, as ``sha256sum -c`` reads it
* :mod:`.write` — a release folder (its files named in :mod:`.layout`), written through a staging folder and
  renamed into place
* :mod:`.fetch` — one file of a release at a URL, by a deadline

``docs/releases.md`` describes the folder and the scheme.
"""
