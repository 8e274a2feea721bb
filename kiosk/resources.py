"""Where the bundled default deck, assets and config live.

In a source checkout (or an editable install) they are the repository's own ``slides/``,
``assets/`` and ``config.yaml``; an installed wheel carries the same files under
``kiosk/_data/`` (see ``pyproject.toml``), so the repository keeps one copy.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder that holds ``slides/``, ``assets/`` and ``config.yaml``."""
    bundled = _PACKAGE / "_data"
    if (bundled / "slides").is_dir():
        return bundled
    return _PACKAGE.parent
