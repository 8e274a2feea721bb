"""Turn pydantic's validation errors into sentences that point at the YAML."""

from __future__ import annotations

import difflib
import itertools
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kiosk.deck.errors import Problem
from kiosk.deck.reader import Document, Loc

# What one item of a list field is called in a message: "in slide 5, figure 2".
_ITEM_NAMES = {
    "slides": "slide", "figures": "figure", "items": "item", "series": "series",
    "stages": "stage", "parts": "part", "groups": "group", "points": "point",
    "categories": "category", "values": "value", "languages": "language",
}


def problems(doc: Document, root: type[BaseModel], error: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, placed at the offending key or value."""
    found = []
    for detail in error.errors(include_url=False):
        found.append(_explain(doc, root, detail))
    return sorted(set(found))


def _explain(doc: Document, root: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc, tags = _data_loc(doc.data, root, detail["loc"])
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    trim = kind in ("missing", "extra_forbidden") or (loc and isinstance(loc[-1], int))
    where = _where(loc[:-1] if trim else loc, tags)
    field = _field_name(loc)

    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = _did_you_mean(key, _field_names(root, detail["loc"][:-1]))
        return doc.problem(loc, f"unknown key '{key}'{where}{hint}", key=True)
    if kind == "missing":
        return doc.problem(loc[:-1], f"missing key '{loc[-1]}'{where}")
    if kind == "union_tag_invalid":
        expected = _tags(ctx.get("expected_tags", ""))
        tag, disc = ctx.get("tag"), ctx.get("discriminator", "").strip("'")
        hint = _did_you_mean(str(tag), expected)
        where = _where((*loc, disc), tags)
        what = {"type": "slide type"}.get(disc) or f"{loc[-1]} {disc}"
        msg = f"unknown {what} '{tag}'{where} (expected one of: {', '.join(expected)}){hint}"
        return doc.problem((*loc, disc), msg)
    if kind == "union_tag_not_found":
        disc = ctx.get("discriminator", "").strip("'")
        where = _where((*loc, disc), tags)
        if not isinstance(_lookup(doc.data, loc), dict):
            return doc.problem(loc, f"expected a mapping with '{disc}:'{where}")
        return doc.problem(loc, f"missing key '{disc}'{where}")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        given = detail.get("input")
        hint = _did_you_mean(str(given), _tags(expected)) if isinstance(given, str) else ""
        return doc.problem(loc, f"{field}{where} must be one of {expected}, not "
                                f"{_show(given)}{hint}")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return doc.problem(loc, f"{field}{where} must be a mapping (key: value), "
                                f"not {_show(detail.get('input'))}")
    if kind == "list_type":
        return doc.problem(loc, f"{field}{where} must be a list (- item), "
                                f"not {_show(detail.get('input'))}")
    if kind == "finite_number":
        return doc.problem(loc, f"{field}{where} must be a finite number")
    if kind == "value_error":
        msg = str(ctx.get("error", detail["msg"]))
        place = _where(loc, tags).removeprefix(" in ")
        return doc.problem(loc, f"{msg} ({place})" if place else msg)
    if kind in _TYPE_WORDS:
        return doc.problem(loc, f"{field}{where} must be {_TYPE_WORDS[kind]}, "
                                f"not {_show(detail.get('input'))}")
    msg = detail["msg"]
    msg = msg[0].lower() + msg[1:] if msg else msg
    msg = msg.replace("input should be", "must be")
    if msg.startswith("must"):
        return doc.problem(loc, f"{field}{where} {msg}")
    return doc.problem(loc, f"{field}{where}: {msg}")


_TYPE_WORDS = {
    "float_parsing": "a number", "float_type": "a number", "int_type": "a whole number",
    "int_parsing": "a whole number", "int_from_float": "a whole number",
    "string_type": "text", "bool_type": "true or false", "bool_parsing": "true or false",
    "tuple_type": "a list",
}


def _data_loc(
    data: Any, root: type[BaseModel], loc: tuple[str | int, ...]
) -> tuple[Loc, list[str]]:
    """The path into the YAML data, without the union tags pydantic adds to ``loc``."""
    path: list[str | int] = []
    tags: list[str] = []
    node = data
    tp: Any = root
    for n, step in enumerate(loc):
        last = n == len(loc) - 1
        is_tag = tp is not None and _is_union(_strip(tp)) and isinstance(step, str)
        tp = _step(tp, step) if tp is not None else None
        if is_tag:
            tags.append(str(step))
        elif _has(node, step):
            node = node[step]
            path.append(step)
        elif last or not isinstance(step, str):
            path.append(step)
        else:
            tags.append(step)  # a discriminated union's tag, not a key
    return tuple(path), tags


def _has(node: Any, step: str | int) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def _lookup(data: Any, loc: Loc) -> Any:
    for step in loc:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _where(loc: Loc, tags: list[str]) -> str:
    parts = []
    for parent, step in itertools.pairwise(loc):
        if isinstance(step, int) and isinstance(parent, str):
            name = _ITEM_NAMES.get(parent, f"{parent} item")
            parts.append(f"{name} {step + 1}")
    return f" in {', '.join(parts)}" if parts else ""


def _field_name(loc: Loc) -> str:
    names = [s for s in loc if isinstance(s, str)]
    if not names:
        return "the file"
    if isinstance(loc[-1], int):
        return f"{_ITEM_NAMES.get(names[-1], names[-1] + ' item')} {loc[-1] + 1}"
    return f"'{names[-1]}'"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, str):
        return f"text '{value}'" if len(value) < 40 else f"text '{value[:37]}...'"
    return repr(value)


def _tags(expected: str) -> list[str]:
    return [t.strip().strip("'\"") for t in expected.replace(" or ", ",").split(",")
            if t.strip()]


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _field_names(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Keys the model at ``loc`` (a pydantic location, with union tags) accepts."""
    tp: Any = root
    for step in loc:
        tp = _step(tp, step)
        if tp is None:
            return []
    model = _as_model(tp, None)
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _step(tp: Any, step: str | int) -> Any:
    tp = _strip(tp)
    if isinstance(step, int):
        args = typing.get_args(tp)
        return args[0] if typing.get_origin(tp) is list and args else None
    model = _as_model(tp, step)
    if model is None:
        return None
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return model  # the step was the union's tag
    for name, field in model.model_fields.items():
        if step in (name, field.alias):
            return field.annotation
    return None


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _strip(tp: Any) -> Any:
    """Drop Annotated and Optional wrappers."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _as_model(tp: Any, tag: str | int | None) -> type[BaseModel] | None:
    tp = _strip(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    if _is_union(tp) and tag is not None:
        for member in map(_strip, typing.get_args(tp)):
            is_model = isinstance(member, type) and issubclass(member, BaseModel)
            if is_model and tag in _tags_of(member):
                return typing.cast(type[BaseModel], member)
    return None


def _tags_of(model: type[BaseModel]) -> tuple[str, ...]:
    """The values of the model's ``type`` or ``kind`` literal: its union tags."""
    for key in ("type", "kind"):
        field = model.model_fields.get(key)
        if field is not None and typing.get_origin(field.annotation) is typing.Literal:
            return tuple(str(a) for a in typing.get_args(field.annotation))
    return ()
