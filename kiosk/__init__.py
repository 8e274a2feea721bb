"""kiosk: an exhibition presentation player for PySide6, with slides written in YAML."""

__version__ = "0.1.0"
