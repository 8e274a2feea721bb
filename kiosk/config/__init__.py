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
from kiosk.config.schedule import HOOK_TIMEOUT, DeckRule, ScheduleConfig, deck_path_rule
from kiosk.config.sections import (
    Display,
    KioskPolicy,
    Languages,
    Presenter,
    Record,
    ShowOptions,
    Theme,
)

__all__ = [
    "HOOK_TIMEOUT", "Config", "DeckRule", "Display", "Installation", "KioskPolicy",
    "Languages", "Presenter", "Record", "ScheduleConfig", "ShowOptions", "Theme",
    "config_json_schema", "deck_path_rule", "deck_problems", "find_config",
    "home_language", "installation_of", "load_config", "offered_languages",
]
