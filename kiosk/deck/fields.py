"""Where a pydantic error location points: the place in the YAML data, and what the model
declares there (the field's type, its limits, the keys its mapping takes)."""

from __future__ import annotations

import dataclasses
import itertools
import types
import typing
from typing import Any

from annotated_types import MaxLen, MinLen
from pydantic import BaseModel

from kiosk.deck.reader import Loc

ITEM_NAMES = {
    "slides": "slide", "figures": "figure", "items": "item", "series": "series",
    "stages": "stage", "parts": "part", "groups": "group", "points": "point",
    "categories": "category", "values": "value", "languages": "language",
    "highlights": "highlight", "offered": "language", "days": "day", "dates": "date",
}
"""What one item of a list is called in a message: "in slide 5, figure 2"."""
PLURALS = {"offered": "languages", "menu": "slide numbers",
           "design_size": "numbers (width and height)"}
"""What several items of a list are called, where it is not the list's own name."""
POSITIONS = {"design_size": ("width", "height")}
"""Names of the places of a fixed-length list."""


@dataclasses.dataclass(frozen=True)
class Place:
    """What a pydantic error location means in the YAML file."""

    loc: Loc
    """The path into the YAML data (without the union tags pydantic adds)."""
    key: bool = False
    """The error is about the mapping key at ``loc``, not its value."""
    union: Loc | None = None
    """The path of the value that may be one of several types, if the error is in one."""
    member: str | None = None
    """Which of those types the error was found in (pydantic's name for it)."""
    annotation: Any = None
    """The model's type at the place (None where it cannot be told)."""
    metadata: tuple[Any, ...] = ()
    """The constraints declared there (MinLen, MaxLen...)."""
    parent: Any = None
    """The model's type of the mapping or list that holds the place."""

    def limits(self) -> tuple[int | None, int | None]:
        """The fewest and most items the list (or mapping) at the place may hold."""
        if _origin(self.annotation) is tuple:
            args = typing.get_args(self.annotation)
            if args and args[-1] is not Ellipsis:
                return len(args), len(args)
        low = next((m.min_length for m in self.metadata if isinstance(m, MinLen)), None)
        high = next((m.max_length for m in self.metadata if isinstance(m, MaxLen)), None)
        return low, high

    def keys(self) -> list[str]:
        """The keys the mapping that holds the place takes, if it is a model."""
        model = self.parent
        if isinstance(model, type) and issubclass(model, BaseModel):
            return [f.alias or name for name, f in model.model_fields.items()]
        return []


def locate(root: type[BaseModel], data: Any, pyloc: tuple[str | int, ...]) -> Place:
    """The place of a pydantic error location ``pyloc`` under ``root`` in ``data``."""
    path: list[str | int] = []
    node: Any = data
    tp: Any = root
    meta: tuple[Any, ...] = ()
    parent: Any = None
    key = False
    union: Loc | None = None
    member: str | None = None
    for n, step in enumerate(pyloc):
        last = n == len(pyloc) - 1
        if step == "[key]" and last and _origin(parent) is dict:  # pydantic's mark: the
            key = True  # error is the mapping key's (a key written "[key]" is a key)
            continue
        inner, more = unwrap(tp)
        if tp is not None and is_union(inner) and isinstance(step, str):
            tp, meta = tagged(inner, step), ()
            if tp is None:
                union, member = tuple(path), step
            continue
        if tp is None and isinstance(step, str) and not has(node, step) and not last:
            continue  # a union's tag, where the type is unknown
        if isinstance(step, int) and node is not None and not isinstance(node, list):
            tp, meta = child(inner, step)  # one value the model took as a list of one
            continue
        parent = inner
        tp, meta = child(inner, step)
        node = node[step] if has(node, step) else None
        path.append(step)
    inner, more = unwrap(tp)
    return Place(tuple(path), key, union, member, inner, (*meta, *more), parent)


def has(node: Any, step: str | int) -> bool:
    """Whether the YAML value ``node`` holds ``step``."""
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def lookup(data: Any, loc: Loc) -> Any:
    """The YAML value at ``loc``, or None."""
    for step in loc:
        if not has(data, step):
            return None
        data = data[step]
    return data


def name(loc: Loc) -> str:
    """What the value at ``loc`` is called: 'duration', figure 2, the width of 'x'."""
    if not loc:
        return "the file"
    last = loc[-1]
    if isinstance(last, str):
        return f"'{last}'"
    owner = loc[-2] if len(loc) > 1 else None
    if not isinstance(owner, str):
        return f"item {last + 1}"
    if owner in POSITIONS and last < len(POSITIONS[owner]):
        return f"the {POSITIONS[owner][last]} of '{owner}'"
    if owner in ITEM_NAMES:
        return f"{ITEM_NAMES[owner]} {last + 1}"
    return f"item {last + 1} of '{owner}'"


def where(loc: Loc) -> str:
    """Where the value at ``loc`` sits: " in slide 5, figure 2", " in 'display'", or ""."""
    holder = loc[:-2] if loc and isinstance(loc[-1], int) else loc[:-1]
    return within(holder)


def within(holder: Loc) -> str:
    """" in slide 5, figure 2" for the list items on ``holder``; else the mapping's key."""
    items = list_items(holder)
    if items:
        return f" in {items}"
    keys = [s for s in holder if isinstance(s, str)]
    return f" in '{keys[-1]}'" if keys else ""


def list_items(loc: Loc) -> str:
    """The list items on ``loc``: "slide 5, figure 2" (or "")."""
    parts = []
    for owner, step in itertools.pairwise(loc):
        if isinstance(step, int) and isinstance(owner, str):
            parts.append(name((owner, step)))
    return ", ".join(parts)


def plural(loc: Loc, count: int) -> str:
    """``count`` items of the list at ``loc``: "1 figure", "8 figures", "2 numbers"."""
    owner = loc[-1] if loc and isinstance(loc[-1], str) else ""
    if count == 1:
        return f"1 {ITEM_NAMES.get(owner, 'item')}"
    many = PLURALS.get(owner) or (owner if owner in ITEM_NAMES else "items")
    return f"{count:,} {many}"


def unwrap(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    """``tp`` without Annotated and Optional wrappers, and the constraints they declare."""
    meta: list[Any] = []
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp, *extra = typing.get_args(tp)
            for item in extra:
                meta.extend(getattr(item, "metadata", [item]))
        elif is_union(tp):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp, tuple(meta)
            tp = args[0]
        else:
            return tp, tuple(meta)


def is_union(tp: Any) -> bool:
    """Whether ``tp`` is a union (Optional included)."""
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def child(tp: Any, step: str | int) -> tuple[Any, tuple[Any, ...]]:
    """The type at ``step`` inside ``tp`` (a model, list, tuple or dict) and its field's
    constraints."""
    origin = _origin(tp)
    args = typing.get_args(tp)
    if isinstance(step, str) and isinstance(tp, type) and issubclass(tp, BaseModel):
        for field_name, field in tp.model_fields.items():
            if step in (field_name, field.alias):
                return field.annotation, tuple(field.metadata)
        return None, ()
    if isinstance(step, int) and origin in (list, set, frozenset) and args:
        return args[0], ()
    if isinstance(step, int) and origin is tuple and args:
        if args[-1] is Ellipsis:
            return args[0], ()
        return (args[step], ()) if step < len(args) else (None, ())
    if isinstance(step, str) and origin is dict and len(args) == 2:
        return args[1], ()
    return None, ()


def tagged(union: Any, tag: str) -> type[BaseModel] | None:
    """The member of a discriminated union of models whose ``type`` or ``kind`` is
    ``tag``."""
    for member in (unwrap(a)[0] for a in typing.get_args(union)):
        if isinstance(member, type) and issubclass(member, BaseModel) and tag in tags(member):
            return member
    return None


def tags(model: type[BaseModel]) -> tuple[str, ...]:
    """The values of the model's ``type`` or ``kind`` literal: its union tags."""
    for key in ("type", "kind"):
        field = model.model_fields.get(key)
        if field is not None and typing.get_origin(field.annotation) is typing.Literal:
            return tuple(str(a) for a in typing.get_args(field.annotation))
    return ()


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp)
