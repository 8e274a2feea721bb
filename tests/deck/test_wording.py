"""Every error the deck and config models can produce reads as our own sentence, at its place.

A table of broken files provokes each kind of error the models can raise (the kinds are
read from the models' own schemas, so a new constraint without a case here fails), and
broken variants of generated decks and configs show that no sentence of pydantic's
reaches the user.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Annotated, Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, ValidationError

from kiosk.config import Config
from kiosk.deck import reader
from kiosk.deck.basics import Strict
from kiosk.deck.errors import DeckError
from kiosk.deck.load import validate
from kiosk.deck.model import Deck
from tests.conftest import ROOT
from tests.strategies import decks

PATH = Path("case.yaml")
LIBRARY_WORDS = ("Input should", "after validation", "should have", "Value error,", "[type=",
                 "For further information", "Field required", "Extra inputs", "should match",
                 "Input tag", "Unable to extract tag", "valid integer", "valid string")
PLACED = re.compile(r"^case\.yaml:[1-9]\d*:[1-9]\d*: \S")

DECK = "title: T\nslides:\n"
SLIDE = DECK + "  - type: title\n    title: T\n"
FIGURE = DECK + "  - type: figures\n    title: F\n    figures:\n      - label: L\n"
NETWORK = DECK + "  - type: chart\n    title: C\n    chart:\n      kind: network\n"
EN = "'mon', 'tue', 'wed', 'thu', 'fri', 'sat' or 'sun'"

CASES: list[tuple[type[BaseModel], str, list[str]]] = [
    (Deck, SLIDE + "    duration: 0\n", ["5:15: 'duration' in slide 1 must be more than 0"]),
    (Deck, SLIDE + "    duration: 90000\n",
     ["5:15: 'duration' in slide 1 must be at most 86,400"]),
    (Deck, SLIDE + "    duration: soon\n",
     ["5:15: 'duration' in slide 1 must be a number, not text 'soon'"]),
    (Deck, SLIDE + "    duration: [1]\n",
     ["5:15: 'duration' in slide 1 must be a number, not a list"]),
    (Deck, SLIDE + "    duration: .inf\n",
     ["5:15: 'duration' in slide 1 must be a finite number"]),
    (Deck, SLIDE + "    id: Snapshot 1\n",
     ["5:9: 'id' in slide 1 must be lower case letters, digits, - and _, e.g. 'snapshot-1'"]),
    (Deck, SLIDE + "    id: " + "a" * 65 + "\n",
     ["5:9: 'id' in slide 1 must be at most 64 characters long, not 65"]),
    (Deck, SLIDE + "    id: 5\n", ["5:9: 'id' in slide 1 must be text, not 5"]),
    (Deck, SLIDE + "    transition: wipe\n",
     ["5:17: 'transition' in slide 1 must be one of 'fade', 'slide' or 'none', not text "
      "'wipe'"]),
    (Deck, SLIDE + "    titel: x\n",
     ["5:5: unknown key 'titel' in slide 1 (did you mean 'title'?)"]),
    (Deck, DECK + "  - type: chart\n    title: C\n    chart:\n      kind: proportion\n"
     "      total: {value: 1, label: T}\n    parts: [{label: A, value: 1}]\n",
     ["8:5: 'parts' in slide 1 belongs under 'chart:' (indent it)"]),  # (trial 28: not
    # "unknown key 'parts' (did you mean 'chart'?)" and "missing key 'parts'")
    (Deck, "version: 2\n" + SLIDE, ["1:10: 'version' must be 1, not 2"]),
    (Deck, "languages: [zh, ZH]\n" + SLIDE,
     ["1:17: language 2 must be a language code such as 'zh', 'en' or 'zh-Hant'"]),
    (Deck, "languages: [zh, zh]\n" + SLIDE, ["1:12: a language is listed twice"]),
    (Deck, "languages: []\n" + SLIDE, ["1:12: 'languages' must hold 1 to 8 languages, not 0"]),
    (Deck, "language: fr\n" + SLIDE, ["1:11: 'fr' is not one of the deck's languages ('zh')"]),
    (Deck, "defaults: 3\n" + SLIDE, ["1:11: 'defaults' must be a mapping (key: value), not 3"]),
    (Deck, "defaults: {duration: -1, transitoin: fade}\n" + SLIDE,
     ["1:22: 'duration' in 'defaults' must be more than 0",
      "1:26: unknown key 'transitoin' in 'defaults' (did you mean 'transition'?)"]),
    (Deck, "title: T\nslides: {}\n", ["2:9: 'slides' must be a list (- item), not a mapping"]),
    (Deck, "title: T\nslides: []\n", ["2:9: 'slides' must hold 1 to 10,000 slides, not 0"]),
    (Deck, DECK + "  - 3\n", ["3:5: slide 1 must be a mapping (key: value), not 3"]),
    (Deck, DECK + "  - title: x\n", ["3:5: missing key 'type' in slide 1"]),
    (Deck, DECK + "  - type: figurs\n    title: x\n",
     ["3:11: unknown slide type 'figurs' in slide 1 (expected one of: title, figures, story, "
      "chart, points, image, gallery, video, pdf, closing) (did you mean 'figures'?)"]),
    (Deck, DECK + "  - type: title\n    title: {zh: 达到6,350,000立方米, en: x}\n",
     ["4:12: 'title' in slide 1: '350' is not a language code such as zh or en: a comma in "
      "{zh: ..., en: ...} ends a text; put a text with a comma in quotes"]),
    (Deck, DECK + "  - type: image\n    src: x.png\n    focus: 0.5\n    zoom: 3\n",
     ["5:12: 'focus' in slide 1 must be a list (- item), not 0.5",
      "6:11: 'zoom' in slide 1 must be at most 1.5"]),
    (Deck, DECK + "  - type: image\n    src: x.png\n    focus: [0.5]\n    fit: cover\n",
     ["5:12: 'focus' in slide 1 must hold 2 items, not 1",
      "6:10: 'fit' in slide 1 must be 'fill' or 'fit', not text 'cover'"]),
    (Deck, FIGURE + "        value: 1\n        decimals: -1\n        delay: 61\n"
                    "        roll: maybe\n        easing: slow\n",
     ["8:19: 'decimals' in slide 1, figure 1 must be at least 0",
      "9:16: 'delay' in slide 1, figure 1 must be at most 60",
      "10:15: 'roll' in slide 1, figure 1 must be true or false, not text 'maybe'",
      "11:17: 'easing' in slide 1, figure 1 must be one of 'linear', 'ease-out-cubic', "
      "'ease-out-quad', 'ease-out-expo' or 'ease-in-out-cubic', not text 'slow'"]),
    (Deck, FIGURE + "        value: 1.5\n        decimals: 2.5\n        roll: []\n"
                    "        values: [1]\n        qualifier: 快\n",
     ["8:19: 'decimals' in slide 1, figure 1 must be a whole number, not 2.5",
      "9:15: 'roll' in slide 1, figure 1 must be true or false, not a list",
      "10:17: 'values' in slide 1, figure 1 must be a mapping (key: value), not a list",
      "11:20: 'qualifier' in slide 1, figure 1 must be one of '近', '约', '超', '突破', '逾', "
      "'余', '多' or '左右', not text '快'"]),
    (Deck, FIGURE + "        value: 0.000000001\n",
     ["7:16: 1e-09 is too small to show: numbers show at most 6 decimals (0.000001) "
      "(slide 1, figure 1)"]),
    (Deck, FIGURE + "        value: 3.1415926\n",
     ["7:16: 3.1415926 has more than the 6 decimals a number shows: round it "
      "(slide 1, figure 1)"]),
    (Deck, FIGURE + "        value: 1\n        text: one\n",
     ["6:9: a figure has 'value' (a number) or 'text', not both (slide 1, figure 1)"]),
    (Deck, DECK + "  - type: figures\n    title: F\n    figures: []\n",
     ["5:14: 'figures' in slide 1 must hold 1 to 8 figures, not 0"]),
    (Deck, DECK + "  - type: figures\n    title: F\n    figures:\n"
                  + "      - {value: 1, label: L}\n" * 9,
     ["6:7: 'figures' in slide 1 must hold 1 to 8 figures, not 9"]),
    (Deck, NETWORK + "      seed: 1.5\n      groups:\n"
                     "        - {label: a, count: many, per_node: 1001}\n"
                     "        - {label: b, count: [], highlights: 3}\n"
                     "        - {label: c, count: 0}\n",
     ["7:13: 'seed' in slide 1 must be a whole number, not 1.5",
      "9:29: 'count' in slide 1, group 1 must be a whole number, not text 'many'",
      "9:45: 'per_node' in slide 1, group 1 must be at most 1,000",
      "10:29: 'count' in slide 1, group 2 must be a whole number, not a list",
      "10:45: 'highlights' in slide 1, group 2 must be a list (- item), not 3",
      "11:29: 'count' in slide 1, group 3 must be at least 1"]),
    (Deck, NETWORK + "      seed: 1.0e+300\n      groups: [{label: a, count: 1}]\n",
     ["7:13: 'seed' in slide 1 must be a whole number of at most 19 digits, not 1e+300"]),
    (Deck, DECK + "  - type: chart\n    title: C\n    chart: {kind: pie}\n",
     ["5:19: unknown chart kind 'pie' in slide 1 (expected one of: compare, bar, line, "
      "funnel, proportion, network) (a pie is kind: proportion, style: donut)"]),
    (Deck, DECK + "  - type: chart\n    title: C\n    chart: {kind: donut}\n",  # (trial 15)
     ["5:19: unknown chart kind 'donut' in slide 1 (expected one of: compare, bar, line, "
      "funnel, proportion, network) (a donut is kind: proportion, style: donut)"]),
    (Deck, DECK + "  - type: chart\n    title: C\n    chart: [1]\n",
     ["5:12: 'chart' in slide 1 must be a mapping (key: value), not a list"]),
    (Deck, DECK + "  - type: chart\n    title: C\n    chart: {kind: bar, categories: [a, b], "
                  "series: [{name: s, values: [1]}], colour: red}\n",
     ["5:12: series 1 has 1 value for 2 categories (slide 1)",
      "5:78: unknown key 'colour' in slide 1"]),
    (Deck, DECK + "  - type: story\n    headline: no\n    visual: {kind: image, src: /a.png}\n",
     ["4:15: 'headline' in slide 1: expected text, got a yes/no value; put the text in quotes",
      "5:32: 'src' in slide 1: '/a.png' is an absolute path: give a path relative to the "
      "deck"]),
    (Deck, DECK + "  - type: story\n    headline: H\n    visual: {kind: image, src: 'C:\\a.png'}\n",
     ["5:32: 'src' in slide 1: 'C:\\a.png' is an absolute Windows path: give a path relative "
      "to the deck, with forward slashes (/)"]),
    (Deck, DECK + '  - type: title\n    title: "\\ufeffT"\n    subtitle: "a\\x07b"\n',
     ["4:12: 'title' in slide 1: the text holds U+FEFF (a byte-order mark), which the screen "
      "draws as a box or not at all: remove it",
      "5:15: 'subtitle' in slide 1: the text holds U+0007 (a control character), which the "
      "screen draws as a box or not at all: remove it"]),
    (Deck, DECK + "  - type: title\n    title: {en: \"\\ue000\"}\n",
     ["4:12: 'title' in slide 1: the text holds U+E000 (a private-use character), which the "
      "screen draws as a box or not at all: remove it"]),
    (Deck, DECK + "  - type: story\n    headline: H\n    visual: {kind: image}\n",
     ["5:13: missing key 'src' in slide 1"]),
    (Deck, "[]\n", ["1:1: the file must be a mapping (key: value), not a list"]),
    (Deck, SLIDE + '"[key]": 1\n', ["5:1: unknown key '[key]'"]),  # (pydantic's own mark)
    (Config, "display:\n  design_size: [1920]\n",
     ["2:16: 'design_size' in 'display' must hold 2 numbers (width and height), not 1"]),
    (Config, "display:\n  design_size: [1920, 1080, 3]\n",
     ["2:16: 'design_size' in 'display' must hold 2 numbers (width and height), not 3"]),
    (Config, "display:\n  design_size: big\n",
     ["2:16: 'design_size' in 'display' must be a list (- item), not text 'big'"]),
    (Config, "display:\n  design_size: [100, x]\n",
     ["2:17: the width of 'design_size' in 'display' must be at least 320",
      "2:22: the height of 'design_size' in 'display' must be a whole number, not text 'x'"]),
    (Config, "display:\n  screen: [1]\n  windowed: maybe\n  opengl: []\n  safe: 1\n",
     ["2:11: 'screen' in 'display' must be a whole number or text, not a list",
      "3:13: 'windowed' in 'display' must be true or false, not text 'maybe'",
      "4:11: 'opengl' in 'display' must be true or false, not a list",
      "5:3: unknown key 'safe' in 'display' (did you mean 'safe_area'?)"]),
    (Config, "kiosk:\n  home: 1.5\n  idle_timeout: 0\n  sync: x\n",
     ["2:9: 'home' in 'kiosk' must be a whole number, not 1.5",
      "3:17: 'idle_timeout' in 'kiosk' must be more than 0",
      "4:9: 'sync' in 'kiosk' must be 'off' or 'clock', not text 'x'"]),
    (Config, "kiosk:\n  home: one\n", ["2:9: 'home' in 'kiosk' must be a whole number, "
                                      "not text 'one'"]),
    (Config, "kiosk:\n  home: [1]\n", ["2:9: 'home' in 'kiosk' must be a whole number, "
                                       "not a list"]),
    (Config, "kiosk:\n  home: 1.0e+300\n", ["2:9: 'home' in 'kiosk' must be a whole number "
                                            "of at most 19 digits, not 1e+300"]),
    (Config, "theme:\n  background: red\n  series: [" + ", ".join(["'#ffffff'"] * 11)
     + "]\n  type_scale: 3\n",
     ["2:15: 'background' in 'theme' must be a colour written #rrggbb or #aarrggbb, e.g. "
      "'#e8b04b'",
      "3:11: 'series' in 'theme' must hold at most 10 series, not 11",
      "4:15: 'type_scale' in 'theme' must be at most 2"]),
    (Config, "schedule:\n  hours: {monday: '09:00-17:00'}\n  exceptions: {2026-13-01: closed,"
             " '2026-12-24T10:00': closed}\n",
     [f"2:11: key 'monday' in 'hours' must be one of {EN} (did you mean 'mon'?)",
      "3:16: key '2026-13-01' in 'exceptions' must be a date such as 2026-12-25",
      "3:36: key '2026-12-24T10:00' in 'exceptions' must be a date without a time, such as "
      "2026-12-25"]),
    (Config, "schedule:\n  hours: []\n  outside: blacc\n",
     ["2:10: 'hours' in 'schedule' must be a mapping (key: value), not a list",
      "3:12: 'outside' in 'schedule' must be 'black' or a whole number, not text 'blacc' "
      "(did you mean 'black'?)"]),
    (Config, "schedule:\n  outside: 0\n  decks:\n    - {deck: 3, days: [mo], dates: [x, [1]]}\n",
     ["2:12: 'outside' in 'schedule' must be at least 1",
      "4:14: 'deck' in item 1 of 'decks' must be text, not 3",
      f"4:24: day 1 in item 1 of 'decks' must be one of {EN}, not text 'mo' "
      "(did you mean 'mon'?)",
      "4:37: date 1 in item 1 of 'decks' must be a date such as 2026-12-25, not text 'x'",
      "4:40: date 2 in item 1 of 'decks' must be a date such as 2026-12-25, not a list"]),
    (Config, "display:\n  safe_area: [0]\n  cursor_hide: soon\n  shift: .inf\ntheme: red\n",
     ["2:14: 'safe_area' in 'display' must be a number, not a list",
      "3:16: 'cursor_hide' in 'display' must be a number, not text 'soon'",
      "4:10: 'shift' in 'display' must be a finite number",
      "5:8: 'theme' must be a mapping (key: value), not text 'red'"]),
    (Config, "deck: show.txt\n",
     ["1:7: 'show.txt' is not a deck file (.yaml, or a .pdf of pages)"]),
    (Config, "languages: {offered: zh}\n",
     ["1:22: 'offered' in 'languages' must be a list (- item), not text 'zh'"]),
    (Config, "languages: {offered: []}\n",
     ["1:22: 'offered' in 'languages' must hold at least 1 language, not 0"]),
]


def messages(model: type[BaseModel], text: str) -> list[str]:
    """What ``kiosk check`` prints for ``text`` as a deck or config, one line each."""
    try:
        validate(reader.parse(PATH, text), model)
    except DeckError as exc:
        return [str(problem) for problem in exc.problems]
    return []


def assert_ours(lines: list[str]) -> None:
    assert lines, "a broken file says what is wrong"
    for line in lines:
        assert PLACED.match(line), line
        assert not any(words in line for words in LIBRARY_WORDS), line


@pytest.mark.parametrize(("model", "text", "expected"), CASES)
def test_each_error_is_a_sentence_of_ours_at_its_place(model, text, expected):
    found = messages(model, text)
    assert_ours(found)
    assert [line.removeprefix("case.yaml:") for line in found] == expected


def test_the_cases_provoke_every_kind_of_error_the_models_can_produce():
    for model in (Deck, Config):
        provoked: set[str] = set()
        for case_model, text, _ in CASES:
            if case_model is model:
                provoked |= kinds_raised(model, text)
        assert producible(model) - provoked == set(), model.__name__
    every = {kind for model, text, _ in CASES for kind in kinds_raised(model, text)}
    assert custom_kinds() - every == set()


# --- broken variants of generated files ----------------------------------------------

JUNK = st.sampled_from([
    None, True, False, 0, -1, 0.5, 1.5, -1e300, 1e300, float("inf"), 2**62, "", "x",
    "Has Space", "2026-13-01", "#12", "99:99-00:00", "Ctrl+", "../x.png", "https://x/y.png",
    "a" * 2100, [], [1], ["x"], [[]], {}, {"x": 1}, {"zh": 1.5, "EN": "x"},
])


def _places(data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [loc]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*loc, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            found += _places(value, (*loc, n))
    return found


@st.composite
def broken(draw: st.DrawFn, valid: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A valid file with one to three values replaced, removed, or given unknown keys."""
    data = copy.deepcopy(draw(valid))
    for _ in range(draw(st.integers(1, 3))):
        loc = draw(st.sampled_from(_places(data)[1:]))
        holder = data
        for step in loc[:-1]:
            holder = holder[step]
        action = draw(st.sampled_from(["replace", "replace", "remove", "unknown"]))
        if action == "replace":
            holder[loc[-1]] = copy.deepcopy(draw(JUNK))
        elif action == "remove" and isinstance(holder, dict):
            del holder[loc[-1]]
        elif isinstance(holder[loc[-1]], dict):
            holder[loc[-1]]["colour"] = copy.deepcopy(draw(JUNK))
    return data


CONFIG = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8")) | {
    "display": {"screen": 0, "design_size": [1920, 1080], "safe_area": 0.05, "shift": 4},
    "kiosk": {"lock": True, "exit_chord": "Ctrl+Alt+Shift+X", "home": 2, "idle_timeout": 90},
    "theme": {"background": "#0a1628", "series": ["#ffffff", "#000000"], "type_scale": 1.2},
    "show": {"menu": [1, 2], "progress": "bar"},
    "schedule": {"hours": {"tue": "09:00-17:00", "sat": ["09:00-12:00", "13:00-02:00"]},
                 "exceptions": {"2026-12-25": "closed"}, "outside": 1,
                 "decks": [{"deck": "slides/a.yaml", "days": ["sat"],
                            "dates": ["2026-05-16"]}]},
}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken(decks(max_slides=2)))
def test_broken_decks_are_told_in_our_words(data):
    found = messages(Deck, yaml.safe_dump(data, allow_unicode=True))
    if found:
        assert_ours(found)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken(st.just(CONFIG)))
def test_broken_configs_are_told_in_our_words(data):
    found = messages(Config, yaml.safe_dump(data, allow_unicode=True))
    if found:
        assert_ours(found)


def test_the_generated_config_is_valid():
    assert messages(Config, yaml.safe_dump(CONFIG)) == []


# --- rules our models do not use today ----------------------------------------------


class Spare(Strict):
    """Constraints no deck or config field has yet, worded all the same."""

    small: Annotated[float, Field(lt=10)] = 0
    even: Annotated[int, Field(multiple_of=2)] = 0
    name: Annotated[str, Field(min_length=1)] = "x"
    words: Annotated[str, Field(min_length=3, pattern=r"^\w+$")] = "abc"
    pair: tuple[int, ...] = Field(default=(1,), min_length=1, max_length=2)


def test_rules_the_models_may_use_later_are_worded_too():
    text = "small: 10\neven: 3\nname: ''\nwords: a b\npair: []\n"
    found = []
    try:
        validate(reader.parse(PATH, text), Spare)
    except DeckError as exc:
        found = [str(p) for p in exc.problems]
    assert_ours(found)
    assert [line.removeprefix("case.yaml:") for line in found] == [
        "1:8: 'small' must be less than 10",
        "2:7: 'even' must be a multiple of 2",
        "3:7: 'name' must not be empty",
        "4:8: 'words' must be text of the form ^\\w+$ (a regular expression)",
        "5:7: 'pair' must hold 1 to 2 items, not 0",
    ]


# --- what the models can produce, read from their schemas ---------------------------

_OWN = {
    "model": {"model_type"}, "bool": {"bool_type", "bool_parsing"},
    "int": {"int_type", "int_parsing", "int_from_float", "int_parsing_size"},
    "float": {"float_type", "float_parsing", "finite_number"},
    "str": {"string_type"}, "list": {"list_type"}, "dict": {"dict_type"},
    "literal": {"literal_error"}, "enum": {"enum"},
    "date": {"date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"},
    "tagged-union": {"union_tag_invalid", "union_tag_not_found"},
    "function-after": {"value_error"}, "function-before": {"value_error"},
}
_LIMITS = {"gt": "greater_than", "ge": "greater_than_equal", "lt": "less_than",
           "le": "less_than_equal", "multiple_of": "multiple_of",
           "pattern": "string_pattern_mismatch"}


def producible(model: type[BaseModel]) -> set[str]:
    """The pydantic error types a YAML file can provoke in ``model``."""
    kinds: set[str] = set()
    definitions: dict[str, Any] = {}
    seen: set[str] = set()

    def walk(schema: Any) -> None:
        if isinstance(schema, list):
            for item in schema:
                walk(item)
            return
        if not isinstance(schema, dict):
            return
        kind = schema.get("type")
        if kind == "definitions":
            definitions.update({d["ref"]: d for d in schema["definitions"]})
        if kind == "definition-ref":
            ref = schema["schema_ref"]
            if ref not in seen:
                seen.add(ref)
                walk(definitions[ref])
            return
        kinds.update(_OWN.get(str(kind), ()))
        kinds.update(_LIMITS[k] for k in schema if k in _LIMITS)
        if kind == "model-fields":
            kinds.add("extra_forbidden")
            if any(f["schema"]["type"] != "default" for f in schema["fields"].values()):
                kinds.add("missing")
        if kind in ("list", "dict", "tuple"):
            kinds.update({"min_length": {"too_short"}, "max_length": {"too_long"}}.get(k, set())
                         .pop() for k in schema if k in ("min_length", "max_length"))
        if kind == "str":
            kinds.update({"min_length": "string_too_short", "max_length": "string_too_long"}[k]
                         for k in schema if k in ("min_length", "max_length"))
        if kind == "tuple":
            kinds.add("tuple_type")
            if "variadic_item_index" not in schema:
                kinds.update({"missing", "too_long"})
        for key, value in schema.items():
            if key not in ("metadata", "serialization"):
                walk(value)

    walk(model.__pydantic_core_schema__)
    return kinds


def kinds_raised(model: type[BaseModel], text: str) -> set[str]:
    """The pydantic error types ``text`` provokes in ``model``."""
    try:
        model.model_validate(reader.parse(PATH, text).data)
    except ValidationError as exc:
        return {e["type"] for e in exc.errors()}
    return set()


def custom_kinds() -> set[str]:
    """The error types of our own (PydanticCustomError) the models raise."""
    sources = [*(ROOT / "kiosk" / "deck").glob("*.py"), *(ROOT / "kiosk" / "config").glob("*.py")]
    found = set()
    for source in sources:
        found |= set(re.findall(r'PydanticCustomError\(\s*"(\w+)"', source.read_text("utf-8")))
    return found
