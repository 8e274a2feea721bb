"""Text that may come in several languages: a plain string or ``{zh: ..., en: ...}``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from kiosk.deck.checked import SelfChecked

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
MAX_CHARACTERS = 2000
"""The longest text one place of a slide takes (a long body is about 400 characters)."""


_REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: the show draws the deck's scripts left to right."""
_UNDRAWN = {"Cc": "a control character", "Cs": "half of a surrogate pair",
            "Cn": "not a character Unicode assigns", "Co": "a private-use character"}


def is_han(char: str) -> bool:
    """A Chinese character (CJK unified ideographs, their extensions and compatibility
    forms)."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or \
        "\U00020000" <= char <= "\U0002ffff"


_CJK = "\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff60"
_FOLDED_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])|(?<=[。，、；：？！）」』》〉】]) ")
"""A space YAML put in Chinese where it joined the lines of a text written over several
(folded, ``>``, or plain): between two Chinese characters or marks, or after a Chinese
stop or comma ("关窗。 2009年起", "贯通， 如今"). A space between Chinese and Latin
(使用 AI 技术) stays."""


def unfolded(text: str) -> str:
    """A text written over several lines without the spaces their joins put in Chinese
    (``_FOLDED_SPACE``; a text on one line keeps its own: 坚定信心 鼓足干劲)."""
    return _FOLDED_SPACE.sub("", text) if " " in text else text


def _length_checked(text: str) -> str:
    if len(text) > MAX_CHARACTERS:
        raise PydanticCustomError(
            "text", "text of {count} characters is longer than the {limit} one place of a "
            "slide can show: shorten it or split it over slides",
            {"count": f"{len(text):,}", "limit": f"{MAX_CHARACTERS:,}"})
    for char in text:
        kind = unicodedata.category(char)
        if char in _REORDERING:
            raise PydanticCustomError(
                "text", "the text holds U+{code} (a bidirectional control), which reorders "
                "the text around it on screen: remove it", {"code": f"{ord(char):04X}"})
        if (kind in _UNDRAWN and char not in "\n\t") or char == "\ufeff":
            what = "a byte-order mark" if char == "\ufeff" else _UNDRAWN[kind]
            raise PydanticCustomError(
                "text", "the text holds U+{code} ({what}), which the screen draws as a box "
                "or not at all: remove it", {"code": f"{ord(char):04X}", "what": what})
    return text


class Text(SelfChecked, Mapping[str, str]):
    """A text in one or more languages.

    A plain string is *neutral*: the same in every language (names, numbers). A map
    gives one string per language code; a language it lacks falls back to the deck's
    default language, and ``kiosk check`` warns about the gap.
    """

    __slots__ = ("_by_lang", "neutral")

    def __init__(self, value: str | Mapping[str, str]) -> None:
        if isinstance(value, str):
            self.neutral: str | None = value
            self._by_lang: dict[str, str] = {}
        else:
            self.neutral = None
            self._by_lang = dict(value)

    def __getitem__(self, lang: str) -> str:
        return self._by_lang[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_lang)

    def __len__(self) -> int:
        return len(self._by_lang)

    def __bool__(self) -> bool:
        return bool(self.neutral) or bool(self._by_lang)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.neutral == other
        if isinstance(other, Text):
            return (self.neutral, self._by_lang) == (other.neutral, other._by_lang)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.neutral, tuple(sorted(self._by_lang.items()))))

    def __repr__(self) -> str:
        return f"Text({self.neutral!r})" if self.neutral is not None else f"Text({self._by_lang!r})"

    def missing(self, languages: list[str]) -> list[str]:
        """The given languages this text has no translation for (none if neutral)."""
        if self.neutral is not None:
            return []
        return [lang for lang in languages if lang not in self._by_lang]

    def get_text(self, lang: str, fallback: str) -> str:
        """The text in ``lang``, else in ``fallback``, else in any language it has."""
        if self.neutral is not None:
            return self.neutral
        for candidate in (lang, fallback):
            if candidate in self._by_lang:
                return self._by_lang[candidate]
        return next(iter(self._by_lang.values()), "")

    def all_strings(self) -> list[str]:
        """Every string this text holds, in any language."""
        return [self.neutral] if self.neutral is not None else list(self._by_lang.values())

    @classmethod
    def _validate(cls, value: Any) -> Text:
        if isinstance(value, Text):
            return value
        if isinstance(value, bool) or value is None:
            shown = "nothing" if value is None else "a yes/no value"
            raise PydanticCustomError(
                "text", "expected text, got {shown}; put the text in quotes", {"shown": shown})
        if isinstance(value, int | float):
            return cls(str(value))
        if isinstance(value, str):
            return cls(_length_checked(value))
        if isinstance(value, Mapping):
            if not value:
                raise PydanticCustomError("text", "expected text, got an empty map")
            for lang, item in value.items():
                if not LANGUAGE_CODE.match(str(lang)) and item is None:
                    raise PydanticCustomError(  # {zh: 达到6,350,000立方米}: cut at commas
                        "text", "'{lang}' is not a language code such as zh or en: a comma "
                        "in {zh: ..., en: ...} ends a text; put a text with a comma in "
                        "quotes", {"lang": lang})
                if not LANGUAGE_CODE.match(str(lang)):
                    raise PydanticCustomError(
                        "text", "'{lang}' is not a language code such as zh or en",
                        {"lang": lang})
                if isinstance(item, int | float) and not isinstance(item, bool):
                    continue
                if isinstance(item, bool):  # (en: No: a yes/no value to YAML)
                    raise PydanticCustomError(
                        "text", "the '{lang}' text reads as a yes/no value (YAML takes Yes, "
                        "No, On and Off so): put it in quotes", {"lang": lang})
                if not isinstance(item, str):
                    raise PydanticCustomError(
                        "text", "the '{lang}' text must be a string", {"lang": lang})
                _length_checked(item)
            return cls({str(k): str(v) for k, v in value.items()})
        raise PydanticCustomError(
            "text", "expected text or a map such as {zh: ..., en: ...}, got a list")

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "string", "maxLength": MAX_CHARACTERS},
                {
                    "type": "object",
                    "description": "One text per language code, e.g. {zh: ..., en: ...}",
                    "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
                    "additionalProperties": {"type": ["string", "number"]},
                    "minProperties": 1,
                },
            ]
        }


_QUOTES = (
    (re.compile(r"(?<=\w)'(?=\w)"), "\u2019"),  # (an apostrophe: China's, don't)
    (re.compile(r"(?:^|(?<=[\s(\[\u2014\u2013/]))'(?=\S)"), "\u2018"),  # 'opening
    (re.compile(r"(?<=\S)'"), "\u2019"),  # closing'
    (re.compile(r'(?:^|(?<=[\s(\[\u2014\u2013/]))"(?=\S)'), "\u201c"),
    (re.compile(r'(?<=\S)"'), "\u201d"),
)


def typeset(text: str) -> str:
    """``text`` with a typesetter's quotation marks and apostrophes for the straight ones
    a keyboard types: 'strong, prosperous' as \u2018strong, prosperous\u2019, China's as
    China\u2019s (a museum's wall is not a typewriter's page)."""
    if "'" not in text and '"' not in text:
        return text
    for pattern, mark in _QUOTES:
        text = pattern.sub(mark, text)
    return text
