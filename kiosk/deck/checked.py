"""Deck value types that check themselves: pydantic calls their ``_validate``."""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema


class SelfChecked:
    """A type whose ``_validate`` turns what the YAML holds into it, or raises
    PydanticCustomError in our words."""

    __slots__ = ()

    @classmethod
    def _validate(cls, value: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(cls._validate, ref=cls.__name__)
