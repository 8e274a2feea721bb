"""Whatever the input, loading raises nothing but DeckError."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import Config
from kiosk.deck import reader
from kiosk.deck.errors import DeckError
from kiosk.deck.load import validate
from kiosk.deck.model import Deck

PATH = Path("fuzz.yaml")

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.sampled_from(["title", "figures", "story", "chart", "closing", "points", "近", "fade",
                     "compare", "bar", "image", "../x.png", "zh", "en"]),
)
keys = st.one_of(
    st.sampled_from(["type", "title", "slides", "figures", "value", "label", "chart",
                     "kind", "visual", "src", "languages", "duration", "zh", "en"]),
    st.text(max_size=8),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(keys, children, max_size=5)),
    max_leaves=30,
)


def load(text: str) -> None:
    for model in (Deck, Config):
        try:
            validate(reader.parse(PATH, text), model)
        except DeckError as exc:
            assert exc.problems, "a DeckError always says what is wrong"
            for problem in exc.problems:
                assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text(text):
    load(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_yaml_structures(data):
    load(yaml.safe_dump(data, allow_unicode=True))
    load(yaml.safe_dump({"title": "T", "slides": [data]}, allow_unicode=True))
