"""SVG pictures that draw from nothing but themselves: no file, no URL, no entity.

Qt's SVG renderer loads what an ``<image href>`` names, so an SVG could put any
picture of the machine on the screen. An SVG is accepted only when every reference in
it is a fragment of itself (``#id``) or a ``data:`` URI (checked in turn when it holds
an SVG), and when it declares no DTD of its own (entities).
"""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
import zlib
from xml.parsers import expat

MAX_BYTES = 16 * 2**20
"""An SVG is text: a bigger one is a mistake (an embedded photo belongs in its own file)."""
_DEPTH = 3  # SVGs inside data: URIs inside SVGs
_CUT_OFF = {expat.errors.codes[m] for m in (
    expat.errors.XML_ERROR_NO_ELEMENTS, expat.errors.XML_ERROR_UNCLOSED_TOKEN,
    expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION, expat.errors.XML_ERROR_PARTIAL_CHAR)}
_RASTERS = (b"\x89PNG", b"\xff\xd8", b"GIF8", b"RIFF", b"BM", b"II*", b"MM\x00*", b"\x00\x00\x01")
_ROOT = re.compile(rb"<(?:[\w.-]+:)?svg[\s/>]")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_URL = re.compile(r"url\s*\(", re.I)


def looks_like(head: bytes) -> bool:
    """Whether the first bytes of a file are those of an SVG."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and _ROOT.search(head) is not None


def problem(data: bytes, depth: int = 0) -> str | None:
    """Why this SVG may not be drawn (a predicate: "refers to ..."), or None."""
    parser = expat.ParserCreate()
    checker = _Checker(parser, depth)
    try:
        parser.Parse(data, True)
    except _RefusedError as exc:
        return str(exc)
    except expat.ExpatError as exc:
        if exc.code in _CUT_OFF:
            return f"is cut off at line {exc.lineno} (still being copied?)"
        return (f"is not well-formed XML (line {exc.lineno}, column {exc.offset + 1}: "
                f"{expat.ErrorString(exc.code)})")
    if checker.root is None:
        return "has no <svg> element"
    return None


_NUMBER = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")


def _sized(attributes: dict[str, str]) -> None:
    """Refuse a root ``<svg>`` of no width, height or view box area: drawn as nothing, or
    by some renderers as a black square."""
    for key in ("width", "height"):
        found = _NUMBER.match(attributes.get(key, ""))
        if found and float(found.group(1)) <= 0:
            raise _RefusedError(f"has no size (its {key} is '{attributes[key]}'): give it a "
                                "width and height of more than 0")
    box = re.split(r"[\s,]+", attributes.get("viewBox", "").strip())
    if len(box) == 4 and all(_NUMBER.fullmatch(n) for n in box) and (
            float(box[2]) <= 0 or float(box[3]) <= 0):
        raise _RefusedError(f"has no size (its viewBox is '{attributes['viewBox']}'): its "
                            "width and height must be more than 0")


class _RefusedError(Exception):
    """Something the show does not draw from; the message says what."""


class _Checker:
    """Expat handlers that refuse every way an SVG reaches outside itself."""

    def __init__(self, parser: expat.XMLParserType, depth: int) -> None:
        self.parser, self.depth = parser, depth
        self.root: str | None = None
        self.style: list[str] | None = None
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.entity
        parser.ExternalEntityRefHandler = self.external
        parser.SkippedEntityHandler = self.skipped
        parser.ProcessingInstructionHandler = self.instruction
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text

    def doctype(self, name: str, system: str | None, public: str | None,
                internal: bool) -> None:
        if internal:
            raise _RefusedError("declares a DTD of its own (<!DOCTYPE ... [ ]>, entities): "
                           "remove it")

    def entity(self, name: str, *_: object) -> None:
        raise _RefusedError(f"declares the entity '{name}': remove the DOCTYPE")

    def external(self, context: str, base: str | None, system: str | None,
                 public: str | None) -> int:
        raise _RefusedError(f"refers to the external entity '{system}': remove it")

    def skipped(self, name: str, parameter: bool) -> None:
        raise _RefusedError(f"uses the undeclared entity '&{name};': remove it")

    def instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            raise _RefusedError(f"links a stylesheet (line {self.parser.CurrentLineNumber}, "
                           "<?xml-stylesheet?>): put the styles in the SVG's <style>")

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self.root is None:
            self.root = name
            if name.rpartition(":")[2] != "svg":
                raise _RefusedError(f"is XML but not an SVG (its root element is <{name}>)")
            _sized(attributes)
        for key, value in attributes.items():
            where = f"<{name} {key}>"
            if key.rpartition(":")[2] in ("href", "src") or key == "xml:base":
                self.reference(value, where)
            self.css(value, where)
        if name.rpartition(":")[2] == "style":
            self.style = []

    def end(self, name: str) -> None:
        if self.style is not None and name.rpartition(":")[2] == "style":
            self.css("".join(self.style), "<style>")
            self.style = None

    def text(self, data: str) -> None:
        if self.style is not None:
            self.style.append(data)

    def css(self, text: str, where: str) -> None:
        """``url(...)`` and ``@import`` in an attribute or a style sheet."""
        if "(" not in text and "@" not in text and "\\" not in text:
            return
        text = _ESCAPE.sub(_unescape, _COMMENT.sub("", text))
        if "@import" in text.lower():
            raise _RefusedError(f"imports a stylesheet ({where}, line "
                           f"{self.parser.CurrentLineNumber}): put the styles in the SVG")
        for match in _URL.finditer(text):
            rest = text[match.end():].lstrip()
            quote = rest[:1] if rest[:1] in ("'", '"') else ""
            end = rest.find(quote or ")", len(quote))
            self.reference(rest[len(quote):end if end >= 0 else None], f"url() in {where}")

    def reference(self, value: str, where: str) -> None:
        """Accept ``#id`` and ``data:`` (an SVG in it is checked too); refuse the rest."""
        target = value.strip()
        if not target or target.startswith("#"):
            return
        if target[:5].lower() == "data:":
            self.data(target, where)
            return
        shown = target if len(target) <= 160 else target[:157] + "..."
        raise _RefusedError(f"refers to '{shown}' ({where}, line {self.parser.CurrentLineNumber})"
                       ": an SVG must carry all it draws (the show follows no reference out "
                       "of it, even beside the deck); embed it as a data: URI, or remove it")

    def data(self, uri: str, where: str) -> None:
        header, _, payload = uri[5:].partition(",")
        try:
            raw = (base64.b64decode(payload) if header.lower().endswith(";base64")
                   else urllib.parse.unquote_to_bytes(payload))
        except (binascii.Error, ValueError):
            raise _RefusedError(f"has a data: URI that is not valid base64 ({where}, line "
                           f"{self.parser.CurrentLineNumber})") from None
        if raw[:2] == b"\x1f\x8b":  # gzip: Qt unpacks an SVGZ
            try:
                raw = zlib.decompressobj(wbits=31).decompress(raw, MAX_BYTES)
            except zlib.error:
                return
        if raw.startswith(_RASTERS):
            return  # a picture Qt decodes as any other, with its memory limit
        if self.depth >= _DEPTH:
            raise _RefusedError(f"nests SVGs in data: URIs more than {_DEPTH} deep ({where})")
        why = problem(raw, self.depth + 1)
        if why is not None:
            raise _RefusedError(f"embeds an SVG ({where}, line {self.parser.CurrentLineNumber}) "
                           f"that {why}")


def _unescape(match: re.Match[str]) -> str:
    if match[2] is not None:
        return match[2]
    code = int(match[1], 16)
    return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
