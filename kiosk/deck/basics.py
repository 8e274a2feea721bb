"""What every part of a deck is made of: the strict base model and the kinds of value
(seconds, numbers, qualifiers, names) its fields take."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from kiosk.deck.precision import showable

Seconds = Annotated[float, Field(gt=0, le=86_400, description="Seconds")]
Delay = Annotated[float, Field(ge=0, le=60, description="Seconds")]
Length = Annotated[float, Field(gt=0, le=60, description="Seconds")]
TransitionKind = Literal["fade", "slide", "none"]
Qualifier = Literal["近", "约", "超", "突破", "逾", "余", "多", "左右"]
Icon = Literal["people", "network", "cluster", "city", "river", "chip", "rail", "ship",
               "vase", "pagoda", "book", "rocket", "plane", "leaf", "bridge"]
"""The drawn motifs (``show/motifs.py``)."""
Easing = Literal["linear", "ease-out-cubic", "ease-out-quad", "ease-out-expo", "ease-in-out-cubic"]
Number = Annotated[float, Field(ge=-1e15, le=1e15), AfterValidator(showable)]
Count = Annotated[float, Field(ge=0, le=1e15), AfterValidator(showable)]


class Strict(BaseModel):
    """Base of every deck model: unknown keys, NaN and infinity are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True,
        use_attribute_docstrings=True,
    )

