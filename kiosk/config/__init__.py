"""The installation's ``config.yaml``: which deck, which screen, kiosk policy, theme,
opening hours, keys; and the installation it makes (the config, where it is, the decks
it plays)."""

from kiosk.config.installation import (
    Installation,
    deck_problems,
    find_config,
    home_language,
    installation_of,
    load_config,
    offered_languages,
)
from kiosk.config.model import Config, config_json_schema

__all__ = [
    "Config", "Installation", "config_json_schema", "deck_problems", "find_config",
    "home_language", "installation_of", "load_config", "offered_languages",
]
