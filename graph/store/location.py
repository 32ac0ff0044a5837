"""Where the embedded store lives: ``--store``, else ``$JAKGRAPH_STORE``, else the user's data folder."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "JAKGRAPH_STORE"


def default_location() -> Path:
    """``$XDG_DATA_HOME/jakgraph/store``, or ``~/.local/share/jakgraph/store``."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "jakgraph" / "store"


def resolve_location(location: str | os.PathLike[str] | None = None) -> Path:
    """The store folder to use, from an explicit location, the environment, or the default."""
    if location:
        return Path(location).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return default_location()
