"""Hypothesis strategies for valid decks, read from the model's own limits.

Every list is drawn up to the length the model allows, every number from the range the
model allows with its edges (0, the smallest shown step, the largest value, negatives
where they are allowed) over-represented, every qualifier, easing and slide type, and
texts with and without their translations. When a limit in ``kiosk.deck.model`` moves,
these follow it; a deck drawn here that ``kiosk check`` rejects is a failure of its own
(``test_contract.py``), so the generator and the model cannot drift apart silently.
"""

from __future__ import annotations

import typing
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from hypothesis import strategies as st
from pydantic import BaseModel

from kiosk.deck import charts as c
from kiosk.deck import model as m
from kiosk.deck.precision import shown_digits

CJK = "南京科技创新企业高校新质生产力发布会经济强百姓富环境美社会文明程度高缩影图谱"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
PUNCT = " ，。、“”（）：,.-()%*"
PICTURES = ("images/photo.png", "images/photo.jpg", "images/shape.svg")
"""Pictures a generated deck may name: written by the test beside the deck."""


# --- limits, as the model declares them ------------------------------------------------


def _metadata(model: type[BaseModel], field: str) -> list[Any]:
    info = model.model_fields[field]
    found = list(info.metadata)
    annotation = info.annotation
    for arg in typing.get_args(annotation) or (annotation,):
        if typing.get_origin(arg) is typing.Annotated:
            for meta in typing.get_args(arg)[1:]:
                found += list(getattr(meta, "metadata", [meta]))
    return found


def max_len(model: type[BaseModel], field: str) -> int:
    """The longest list ``model.field`` may hold."""
    return next(meta.max_length for meta in _metadata(model, field) if isinstance(meta, MaxLen))


def min_len(model: type[BaseModel], field: str) -> int:
    return next((meta.min_length for meta in _metadata(model, field)
                 if isinstance(meta, MinLen)), 0)


def bounds(model: type[BaseModel], field: str) -> tuple[float, float, bool]:
    """Lowest and highest value of a number field, and whether the lowest is excluded."""
    low, high, open_low = -1e15, 1e15, False
    for meta in _metadata(model, field):
        if isinstance(meta, Ge):
            low = float(meta.ge)  # type: ignore[arg-type]
        elif isinstance(meta, Gt):
            low, open_low = float(meta.gt), True  # type: ignore[arg-type]
        elif isinstance(meta, Le):
            high = float(meta.le)  # type: ignore[arg-type]
        elif isinstance(meta, Lt):
            high = float(meta.lt)  # type: ignore[arg-type]
    return low, high, open_low


def literals(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """The values a Literal field (or an optional one) accepts."""
    annotation = model.model_fields[field].annotation
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return typing.get_args(arg)
    raise LookupError(f"{model.__name__}.{field} is not a Literal")


# --- values --------------------------------------------------------------------------


def numbers(model: type[BaseModel], field: str, *, whole: bool = False
            ) -> st.SearchStrategy[float]:
    """Numbers ``model.field`` accepts, edges first."""
    low, high, open_low = bounds(model, field)
    if whole:
        edges = [int(v) for v in (low + open_low, high, 1, 2, 7, 10, 99) if low <= v <= high]
        return st.one_of(st.sampled_from(edges), st.integers(int(low + open_low), int(high)))
    edges = [v for v in (0.0, 1e-6, 0.5, 1.0, 1.74, 52.1, 3500.0, 99999.0, 1.5e6, high,
                         -1e-6, -3.7, -1500.0, low, 1e13 + 0.5)
             if low <= v <= high and not (open_low and v == low)]
    middle = st.floats(low, high, exclude_min=open_low, allow_nan=False,
                       allow_infinity=False)
    shown = middle.map(lambda v: round(v, 6) if abs(v) < 1e9 else round(v))
    return st.one_of(st.sampled_from(edges), shown.filter(
        lambda v: low < v or (v == low and not open_low)))


def strings(max_size: int = 40) -> st.SearchStrategy[str]:
    alphabet = st.sampled_from(CJK + LATIN + PUNCT)
    return st.text(alphabet, min_size=1, max_size=max_size).map(str.strip).filter(bool)


def texts(languages: list[str], max_size: int = 40) -> st.SearchStrategy[Any]:
    """A neutral string, or one per language, sometimes with a translation missing."""
    one = strings(max_size)
    chosen = st.lists(st.sampled_from(languages), min_size=1, max_size=len(languages),
                      unique=True)
    by_language = chosen.flatmap(lambda langs: st.fixed_dictionaries(
        {lang: one for lang in langs}))
    return st.one_of(one, by_language, by_language)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def mapping(required: dict[str, st.SearchStrategy[Any]],
            maybe: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(required, optional=maybe).map(_drop_none)


def lists(model: type[BaseModel], field: str, items: st.SearchStrategy[Any]
          ) -> st.SearchStrategy[list[Any]]:
    """Lists as long as ``model.field`` allows, the longest often."""
    low, high = min_len(model, field), max_len(model, field)
    return st.one_of(st.lists(items, min_size=low, max_size=min(high, low + 3)),
                     st.lists(items, min_size=high, max_size=high))


# --- the model's parts ---------------------------------------------------------------


def figures(langs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    value = numbers(m.Figure, "value")
    common = {
        "unit": optional(texts(langs, 8)), "qualifier": optional(
            st.sampled_from(literals(m.Figure, "qualifier"))),
        "note": optional(texts(langs)), "decimals": optional(
            st.integers(*map(int, bounds(m.Figure, "decimals")[:2]))),
        "from": optional(value),
        "values": optional(st.dictionaries(st.sampled_from(langs), value, max_size=2)),
        "delay": optional(st.floats(*bounds(m.Figure, "delay")[:2])),
        "duration": optional(st.floats(0.05, bounds(m.Figure, "duration")[1])),
        "easing": optional(st.sampled_from(literals(m.Figure, "easing"))),
        "roll": optional(st.booleans()),
    }
    as_number = mapping({"value": value, "label": texts(langs)}, common).filter(
        lambda f: not f.get("decimals") or shown_digits(f["value"], f["decimals"]) <= 15)
    as_text = mapping({"text": texts(langs, 12), "label": texts(langs)},
                      {"unit": common["unit"], "note": common["note"]})
    return st.one_of(as_number, as_number, as_text)


def _timing(model: type[BaseModel]) -> dict[str, st.SearchStrategy[Any]]:
    low, high, _ = bounds(model, "delay")
    return {"delay": optional(st.floats(low, min(high, 3.0))),
            "duration": optional(st.floats(0.05, min(bounds(model, "duration")[1], 4.0))),
            "easing": optional(st.sampled_from(literals(model, "easing")))}


SCALES = [{"en": 10000.0}, {"en": 1e12}, {"zh": 0.001, "en": 1.0}]


def scales(langs: list[str]) -> st.SearchStrategy[dict[str, float]]:
    """A chart's per-language scale, in the deck's languages only (a scale for a
    language the deck lacks is an error of check's)."""
    return st.sampled_from(SCALES).map(
        lambda scale: {k: v for k, v in scale.items() if k in langs}).filter(bool)


def _exact(chart: dict[str, Any]) -> dict[str, Any]:
    """``chart`` without the scales that would take its values past 15 digits (which
    check refuses, as the model says)."""
    values = [abs(v) for v in c._values(chart) if v]
    if not values or (max(values) * 1e12 <= 1e15 and min(values) * 0.001 >= 1e-6):
        return chart
    chart = {k: v for k, v in chart.items() if k != "scale"}
    if "items" in chart:
        chart["items"] = [{k: v for k, v in item.items() if k != "scale"}
                          for item in chart["items"]]
    return chart


def compare_charts(langs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    value = numbers(c.ComparePair, "after")
    item = mapping({"label": texts(langs), "after": value},
                   {"before": optional(value), "unit": optional(texts(langs, 6)),
                    "scale": optional(scales(langs)),
                    "qualifier": optional(st.sampled_from(literals(c.ComparePair,
                                                                   "qualifier"))),
                    "note": optional(texts(langs))})
    return mapping({"kind": st.just("compare"), "before_label": texts(langs, 12),
                    "after_label": texts(langs, 12),
                    "items": lists(c.CompareChart, "items", item)},
                   {"title": optional(texts(langs)), "unit": optional(texts(langs, 6)),
                    "scale": optional(scales(langs)), **_timing(c.CompareChart)}).map(_exact)


@st.composite
def series_charts(draw: st.DrawFn, langs: list[str]) -> dict[str, Any]:
    categories = draw(lists(c.SeriesChart, "categories", texts(langs, 10)))
    value = numbers(c.Series, "values")
    rows = draw(lists(c.SeriesChart, "series", st.fixed_dictionaries({
        "name": texts(langs, 12),
        "values": st.lists(value, min_size=len(categories), max_size=len(categories))})))
    chart = {"kind": draw(st.sampled_from(literals(c.SeriesChart, "kind"))),
             "categories": categories, "series": rows}
    extra = draw(mapping({}, {"area": optional(st.booleans()),
                              "labels": optional(st.booleans()),
                              "unit": optional(texts(langs, 6)), "scale": optional(scales(langs)),
                              "title": optional(texts(langs)), **_timing(c.SeriesChart)}))
    return _exact({**chart, **extra})


def funnel_charts(langs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    stage = mapping({"label": texts(langs), "value": numbers(c.FunnelStage, "value")},
                    {"qualifier": optional(st.sampled_from(literals(c.FunnelStage, "qualifier"))),
                     "unit": optional(texts(langs, 6))})
    return mapping({"kind": st.just("funnel"), "stages": lists(c.FunnelChart, "stages", stage)},
                   {"unit": optional(texts(langs, 6)), "scale": optional(scales(langs)),
                    **_timing(c.FunnelChart)}).map(_exact)


@st.composite
def proportion_charts(draw: st.DrawFn, langs: list[str]) -> dict[str, Any]:
    style = draw(st.sampled_from(literals(c.ProportionChart, "style")))
    high = bounds(c.Part, "value")[1]
    total = draw(st.one_of(st.sampled_from([1.0, 100.0, 138.0, 3_200_000.0, high]),
                           st.floats(1.0, high).map(round)))
    count = draw(st.integers(min_len(c.ProportionChart, "parts"),
                             max_len(c.ProportionChart, "parts")))
    shares = draw(st.lists(st.floats(0.0, 1.0), min_size=count, max_size=count))
    scale = total / max(1.0, sum(shares))
    per_cell = c.waffle_cells(total, [])[0] if style == "waffle" else 1  # no part too
    parts = [{"label": draw(texts(langs)),                               # small to draw
              "value": float(int(s * scale) // per_cell * per_cell)} for s in shares]
    unit = draw(optional(texts(langs, 6)))
    chart = {"kind": "proportion", "style": style,
             "total": {"label": draw(texts(langs)), "value": total}, "parts": parts,
             **({"scale": scaled} if (scaled := draw(optional(scales(langs)))) else {})}
    return _exact({**chart, **({"unit": unit} if unit else {})})


@st.composite
def network_charts(draw: st.DrawFn, langs: list[str]) -> dict[str, Any]:
    groups = []
    budget = c.MAX_NETWORK_DOTS
    for _ in range(draw(st.integers(1, max_len(c.NetworkChart, "groups")))):
        per_node = draw(st.sampled_from([1, 1, 2, 10, 1000]))
        dots = draw(st.integers(1, max(1, min(c.MAX_GROUP_DOTS, budget))))
        budget -= dots
        count = min(dots * per_node, int(bounds(c.NodeGroup, "count")[1]))
        highlights = []
        room = c.dots(count, per_node)
        for _ in range(draw(st.integers(0, max_len(c.NodeGroup, "highlights")))):
            if room < 1:
                break
            take = draw(st.integers(1, room))  # dots; the least count that draws them
            room -= take
            highlights.append({"label": draw(texts(langs)),
                               "count": (take - 1) * per_node + 1})
        group = {"label": draw(texts(langs)), "count": count, "per_node": per_node}
        if highlights:
            group["highlights"] = highlights
        groups.append(group)
        if budget < 1:
            break
    chart: dict[str, Any] = {"kind": "network", "groups": groups,
                             "seed": draw(st.integers(0, 2**31))}
    hub = draw(optional(texts(langs, 12)))
    return {**chart, **({"hub": hub} if hub else {})}


def charts(langs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(compare_charts(langs), series_charts(langs), funnel_charts(langs),
                     proportion_charts(langs), network_charts(langs))


def visuals(langs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.fixed_dictionaries({"kind": st.just("icon"),
                               "name": st.sampled_from(literals(m.IconVisual, "name"))}),
        mapping({"kind": st.just("image"), "src": st.sampled_from(PICTURES)},
                {"alt": optional(texts(langs))}),
        st.fixed_dictionaries({"kind": st.just("chart"), "chart": charts(langs)}),
        mapping({"kind": st.just("video"), "src": st.just("videos/clip.mp4")},
                {"poster": optional(st.sampled_from(PICTURES)), "alt": optional(texts(langs))}),
    )


def _common(langs: list[str]) -> dict[str, st.SearchStrategy[Any]]:
    return {"id": optional(st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,10}\Z")),
            "duration": optional(st.sampled_from([0.5, 5.0, 86_400.0])),
            "transition": optional(st.sampled_from(literals(m.SlideBase, "transition"))),
            "notes": optional(texts(langs, 200)), "source": optional(texts(langs))}


def slides(langs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    t, c = texts(langs), _common(langs)
    title = st.one_of(texts(langs, 30), texts(langs, 30), texts(langs, 120))
    return st.one_of(
        mapping({"type": st.just("title"), "title": title},
                {"subtitle": optional(t), "kicker": optional(t), "byline": optional(t), **c}),
        mapping({"type": st.just("figures"), "title": title,
                 "figures": lists(m.FiguresSlide, "figures", figures(langs))},
                {"subtitle": optional(t), "points": optional(
                    lists(m.FiguresSlide, "points", t)), **c}),
        mapping({"type": st.just("story"), "headline": title},
                {"kicker": optional(t), "body": optional(texts(langs, 300)),
                 "figures": optional(lists(m.StorySlide, "figures", figures(langs))),
                 "visual": optional(visuals(langs)), **c}),
        mapping({"type": st.just("chart"), "title": title, "chart": charts(langs)},
                {"subtitle": optional(t), "caption": optional(t), **c}),
        mapping({"type": st.just("points"), "title": title,
                 "points": lists(m.PointsSlide, "points", mapping(
                     {"heading": t}, {"detail": optional(texts(langs, 120)),
                                      "icon": optional(st.sampled_from(
                                          literals(m.PointItem, "icon")))}))},
                {"subtitle": optional(t), **c}),
        mapping({"type": st.just("image"), "src": st.sampled_from(PICTURES)},
                {"title": optional(title), "caption": optional(texts(langs, 300)),
                 "credit": optional(t), "alt": optional(t),
                 "fit": optional(st.sampled_from(literals(m.ImageSlide, "fit"))),
                 "focus": optional(st.tuples(st.sampled_from([0.0, 0.3, 1.0]),
                                             st.sampled_from([0.0, 0.5, 1.0])).map(list)),
                 "zoom": optional(st.sampled_from([1.0, 1.07, 1.5])), **c}),
        mapping({"type": st.just("gallery"), "photos": st.lists(mapping(
            {"src": st.sampled_from(PICTURES)},
            {"caption": optional(texts(langs, 300)), "credit": optional(t),
             "alt": optional(t), "focus": optional(st.tuples(
                 st.sampled_from([0.0, 0.5, 1.0]), st.sampled_from([0.0, 1.0])).map(list))}),
            min_size=1, max_size=4)},
                {"title": optional(title),
                 "fit": optional(st.sampled_from(literals(m.GallerySlide, "fit"))), **c}),
        mapping({"type": st.just("video"), "src": st.just("videos/clip.mp4")},
                {"title": optional(title), "caption": optional(texts(langs, 300)),
                 "credit": optional(t), "alt": optional(t),
                 "fit": optional(st.sampled_from(literals(m.VideoSlide, "fit"))),
                 "advance": optional(st.sampled_from(literals(m.VideoSlide, "advance"))),
                 "poster": optional(st.sampled_from(PICTURES)),
                 "sound": optional(st.booleans()), **c}),
        mapping({"type": st.just("pdf"), "src": st.just("docs/pages.pdf")},
                {"pages": optional(st.just([1])), **c}),
        mapping({"type": st.just("closing"), "title": title},
                {"subtitle": optional(t), "body": optional(t), **c}),
    )


@st.composite
def decks(draw: st.DrawFn, max_slides: int = 4) -> dict[str, Any]:
    """A deck the model accepts, its first slide of any type."""
    langs = draw(st.sampled_from([["zh"], ["en"], ["zh", "en"], ["en", "zh"]]))
    deck: dict[str, Any] = {"version": 1, "title": draw(texts(langs)), "languages": langs}
    if draw(st.booleans()):
        deck["language"] = draw(st.sampled_from(langs))
    source = draw(optional(texts(langs)))
    if source:
        deck["source"] = source
    deck["slides"] = draw(st.lists(slides(langs), min_size=1, max_size=max_slides))
    seen: set[str] = set()
    for slide in deck["slides"]:  # each slide's id its own (check refuses a second)
        if slide.get("id") in seen:
            del slide["id"]
        elif "id" in slide:
            seen.add(slide["id"])
    return deck
