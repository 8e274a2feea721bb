"""Turn pydantic's validation errors into sentences, in our words, that point at the YAML.

Each message says what is wrong and what is allowed: "'figures' in slide 2 must hold
1 to 8 figures, not 0". No sentence of pydantic's reaches the user: an error type not
worded here still gets a sentence of ours.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections import defaultdict
from typing import Any, Protocol

from pydantic import BaseModel
from pydantic_core import ErrorDetails, core_schema

from kiosk.deck import fields
from kiosk.deck.errors import Problem
from kiosk.deck.fields import Place
from kiosk.deck.reader import Document
from kiosk.deck.text import LANGUAGE_CODE

PATTERNS = {
    r"^[a-z0-9][a-z0-9_-]*$": "lower case letters, digits, - and _, e.g. 'snapshot-1'",
    LANGUAGE_CODE.pattern: "a language code such as 'zh', 'en' or 'zh-Hant'",
    r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$": "a colour written #rrggbb or #aarrggbb, "
                                           "e.g. '#e8b04b'",
    r"^\d{1,2}:\d{2}-\d{1,2}:\d{2}$": "opening hours written like '09:00-17:30'",
}
"""What the patterns of the models mean, in words."""

_TYPES = {
    "float_parsing": "a number", "float_type": "a number", "int_type": "a whole number",
    "int_parsing": "a whole number", "int_from_float": "a whole number",
    "int_parsing_size": "a whole number of at most 19 digits", "string_type": "text",
    "bool_type": "true or false", "bool_parsing": "true or false",
    "list_type": "a list (- item)", "tuple_type": "a list (- item)", "set_type": "a list (- item)",
    "dict_type": "a mapping (key: value)", "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "date_type": "a date such as 2026-12-25", "date_parsing": "a date such as 2026-12-25",
    "date_from_datetime_parsing": "a date such as 2026-12-25",
    "date_from_datetime_inexact": "a date without a time, such as 2026-12-25",
    "none_required": "empty",
}
"""Errors that say the value is of the wrong kind, and the kind it must be."""
_BOUNDS = {"greater_than": ("gt", "more than"), "greater_than_equal": ("ge", "at least"),
           "less_than": ("lt", "less than"), "less_than_equal": ("le", "at most"),
           "multiple_of": ("multiple_of", "a multiple of")}
"""Errors of a number out of its range: the limit and how it bounds."""
_CHOICES = ("literal_error", "enum")


class Errors(Protocol):
    """A pydantic ValidationError, or what stands for one."""

    def errors(self, *, include_url: bool = ...) -> list[ErrorDetails]: ...
_BUILTIN = frozenset(typing.get_args(core_schema.ErrorType))


def problems(doc: Document, root: type[BaseModel], error: Errors,
             said: frozenset[tuple[Any, ...]] = frozenset()) -> list[Problem]:
    """One Problem per thing wrong, placed at the offending key or value (none for a key
    missing where ``said``: see ``moved_out``)."""
    found: list[Problem] = []
    unions: dict[Any, list[tuple[ErrorDetails, Place]]] = defaultdict(list)
    located = [(detail, fields.locate(root, doc.data, detail["loc"]))
               for detail in error.errors(include_url=False)]
    moved = _moved_out(doc, located)
    for detail, place in located:
        if place.loc in moved.values() or (detail["type"] == "missing" and place.loc in said):
            continue  # (said where the key stands: it belongs there)
        if place.loc in moved:
            key, under = place.loc[-1], moved[place.loc][-2]
            found.append(doc.problem(place.loc, f"'{key}'{fields.within(place.loc[:-1])} "
                                                f"belongs under '{under}:' (indent it)",
                                     key=True))
        elif place.union is not None:
            unions[place.union].append((detail, place))
        else:
            found.append(_explain(doc, detail, place))
    for group in unions.values():
        found.extend(_explain_union(doc, group))
    return sorted(set(found))


def moved_out(doc: Document, root: type[BaseModel], error: Errors
              ) -> frozenset[tuple[Any, ...]]:
    """Where keys written a level too far out are missing (said where they stand)."""
    return frozenset(_moved_out(doc, [(detail, fields.locate(root, doc.data, detail["loc"]))
                                      for detail in error.errors(include_url=False)]
                                ).values())


def _moved_out(doc: Document, located: list[tuple[ErrorDetails, Place]]
               ) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Keys written a level too far out, where they are missing: the place of each
    unknown key whose sibling mapping lacks it, and the place it is missing at (``parts:``
    dedented out of ``chart:`` was "unknown key 'parts' (did you mean 'chart'?)" and
    "missing key 'parts'", trial 28)."""
    missing = {place.loc for detail, place in located if detail["type"] == "missing"}
    found = {}
    for detail, place in located:
        loc = place.loc
        if detail["type"] != "extra_forbidden" or not loc:
            continue
        here = fields.lookup(doc.data, loc[:-1])
        for sibling in here if isinstance(here, dict) else ():
            if (*loc[:-1], sibling, loc[-1]) in missing:
                found[loc] = (*loc[:-1], sibling, loc[-1])
                break
    return found


def _explain_union(doc: Document, group: list[tuple[ErrorDetails, Place]]) -> list[Problem]:
    """A value that may be one of several kinds: what it got wrong in the kind it is,
    else one sentence naming every kind it may be."""
    union = group[0][1].union
    assert union is not None

    def is_kind(detail: ErrorDetails, place: Place) -> bool:
        return place.loc == union and (detail["type"] in _TYPES or detail["type"] in _CHOICES)

    choices = [c for d, _ in group if d["type"] in _CHOICES for c in _choices(d)]
    given = fields.lookup(doc.data, union)
    hint = did_you_mean(given, choices)
    close = [(d, p) for d, p in group if not is_kind(d, p)]
    if close:  # the value is of one of the kinds, and wrong in it
        return [_explain(doc, d, p, hint if p.loc == union else "") for d, p in close]
    words = list(dict.fromkeys(_kind_words(d) for d, _ in group))
    rule = f"must be {_or(words)}, not {show(given)}{hint}"
    return [_sentence(doc, Place(union), rule)]


THOUSANDS = re.compile(r"\d{3}(,\d{3})*")
"""A key that is what follows a number's thousands comma ({value: 1,794}: a key '794')."""


def _explain(doc: Document, detail: ErrorDetails, place: Place, hint: str = "") -> Problem:
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    given = detail.get("input")
    loc = place.loc

    if kind == "extra_forbidden":
        key = str(loc[-1])
        msg = f"unknown key '{key}'{fields.within(loc[:-1])}{did_you_mean(key, place.keys())}"
        if THOUSANDS.fullmatch(key):  # ({value: 1,794}: a comma ends a value in braces)
            msg += (f": in braces a comma ends a value, so a number written with a "
                    f"thousands comma (…,{key}) is read as a number and a key '{key}'; "
                    f"write it without the comma")
        return doc.problem(loc, msg, key=True)
    if kind == "missing":
        if loc and isinstance(loc[-1], int):  # a list of fixed length, too short
            return _length(doc, Place(loc[:-1], annotation=place.parent), given)
        return doc.problem(loc[:-1], f"missing key '{loc[-1]}'{fields.within(loc[:-1])}")
    if kind == "union_tag_invalid":
        return _unknown_tag(doc, loc, ctx)
    if kind == "union_tag_not_found":
        disc = str(ctx.get("discriminator", "")).strip("'")
        where = fields.within((*loc, disc))
        if not isinstance(fields.lookup(doc.data, loc), dict):
            return doc.problem(loc, f"expected a mapping with '{disc}:'{where}")
        return doc.problem(loc, f"missing key '{disc}'{where}")
    if kind in ("value_error", "assertion_error"):
        msg = str(ctx.get("error", "")) or "this value is not allowed"
        items = fields.list_items(loc)
        return doc.problem(loc, f"{msg} ({items})" if items else msg, key=place.key)
    if kind in ("too_short", "too_long"):
        return _length(doc, place, fields.lookup(doc.data, loc))
    if place.key:
        return _key_problem(doc, detail, place)
    rule = _rule(kind, ctx, given)
    if rule is not None:
        return _sentence(doc, place, rule + hint)
    if kind not in _BUILTIN:  # our own PydanticCustomError: its message is ours
        return _sentence(doc, place, detail["msg"], colon=True)
    return _sentence(doc, place, f"does not take {show(given)}")


def _rule(kind: str, ctx: dict[str, Any], given: Any) -> str | None:
    """What the value must be, for the errors that have one rule: "must be more than 0"."""
    if kind in _CHOICES:
        choices = _choices_text(str(ctx.get("expected", "")))
        hint = did_you_mean(given, _tags(str(ctx.get("expected", ""))))
        return f"must be {choices}, not {show(given)}{hint}"
    if kind in _TYPES:
        return f"must be {_TYPES[kind]}, not {show(given)}"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        share = kind == "less_than_equal" and ctx.get(key) == 1 and \
            isinstance(given, int | float) and 2 <= given <= 100  # (1.4 is no percent:
        # not 0.014, trial 18)
        return f"must be {words} {number(ctx.get(key))}" + (  # (focus: [50, 30])
            f" (a share from 0 to 1: {number(given / 100)}, not {number(given)})"
            if share else "")
    if kind == "finite_number":
        return "must be a finite number"
    if kind == "string_pattern_mismatch":
        return f"must be {pattern_words(str(ctx.get('pattern', '')))}"
    if kind == "string_too_short":
        least = int(ctx.get("min_length", 1))
        return "must not be empty" if least == 1 else f"must be at least {least} characters long"
    if kind == "string_too_long":
        count = len(given) if isinstance(given, str) else 0
        return f"must be at most {ctx.get('max_length')} characters long, not {count:,}"
    return None


def _sentence(doc: Document, place: Place, rule: str, *, colon: bool = False) -> Problem:
    """"'duration' in slide 3 must be more than 0", at the value."""
    subject = fields.name(place.loc) + fields.where(place.loc)
    return doc.problem(place.loc, f"{subject}{':' if colon else ''} {rule}", key=place.key)


def _key_problem(doc: Document, detail: ErrorDetails, place: Place) -> Problem:
    """A mapping key the mapping does not take (a weekday, a date)."""
    key = str(place.loc[-1])
    if detail["type"] in _CHOICES:
        allowed, hint = _kind_words(detail), did_you_mean(key, _choices(detail))
    else:
        allowed, hint = _TYPES.get(detail["type"], "a key this mapping takes"), ""
    msg = f"key '{key}'{fields.within(place.loc[:-1])} must be {allowed}{hint}"
    return doc.problem(place.loc, msg, key=True)


def _length(doc: Document, place: Place, given: Any) -> Problem:
    """A list with too few or too many items: "must hold 1 to 8 figures, not 0"."""
    low, high = place.limits()
    loc = place.loc
    count = len(given) if isinstance(given, list | dict | tuple | str) else 0
    if low is not None and high is not None and low == high:
        rule = f"must hold {fields.plural(loc, low)}"
    elif low is not None and high is not None:
        rule = f"must hold {low:,} to {fields.plural(loc, high)}"
    elif low is not None:
        rule = f"must hold at least {fields.plural(loc, low)}"
    elif high is not None:
        rule = f"must hold at most {fields.plural(loc, high)}"
    else:
        rule = "holds too few or too many items"
    return _sentence(doc, place, f"{rule}, not {count:,}")


KINDS_CALLED = {
    style: f" (a {style} is kind: proportion, style: {style})"
    for style in ("donut", "waffle")} | {
    "pie": " (a pie is kind: proportion, style: donut)",
    "column": " (columns are kind: bar)", "area": " (an area is kind: line, area: true)"}
"""Hints for chart kinds written by the name of a picture another kind draws."""


def _unknown_tag(doc: Document, loc: tuple[Any, ...], ctx: dict[str, Any]) -> Problem:
    """A ``type:`` or ``kind:`` that names no kind of slide, chart or visual."""
    expected = _tags(str(ctx.get("expected_tags", "")))
    tag, disc = ctx.get("tag"), str(ctx.get("discriminator", "")).strip("'")
    hint = did_you_mean(str(tag), expected) or KINDS_CALLED.get(str(tag), "")
    where = fields.within((*loc, disc))
    what = {"type": "slide type"}.get(disc) or f"{loc[-1]} {disc}"
    msg = f"unknown {what} '{tag}'{where} (expected one of: {', '.join(expected)}){hint}"
    return doc.problem((*loc, disc), msg)


def pattern_words(pattern: str) -> str:
    """What text matching ``pattern`` looks like, in words."""
    if pattern in PATTERNS:
        return PATTERNS[pattern]
    if "Ctrl" in pattern:
        return "a key chord such as 'Ctrl+Alt+Shift+X'"
    if "[0-9a-fA-F]" in pattern and "#" in pattern:
        return PATTERNS[r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"]
    return f"text of the form {pattern} (a regular expression)"


def show(value: Any) -> str:
    """A value as a message shows it: text 'soon', a list, a yes/no value (true)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, str):
        return f"text '{value}'" if len(value) < 40 else f"text '{value[:37]}...'"
    return repr(value)


def number(value: Any) -> str:
    """A limit as a person writes it: 0, 86,400, 0.5."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def did_you_mean(word: Any, choices: list[str]) -> str:
    """" (did you mean 'title'?)" when ``word`` is close to one of ``choices``."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close and close[0] != word else ""


def _choices(detail: ErrorDetails) -> list[str]:
    return _tags(str((detail.get("ctx") or {}).get("expected", "")))


def _choices_text(expected: str) -> str:
    """"one of 'fade', 'slide' or 'none'", "'off' or 'clock'", or "1"."""
    return f"one of {expected}" if "," in expected else expected


def _kind_words(detail: ErrorDetails) -> str:
    if detail["type"] in _CHOICES:
        return _choices_text(str((detail.get("ctx") or {}).get("expected", "")))
    return _TYPES[detail["type"]]


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _tags(expected: str) -> list[str]:
    return [t.strip().strip("'\"") for t in expected.replace(" or ", ",").split(",")
            if t.strip()]
