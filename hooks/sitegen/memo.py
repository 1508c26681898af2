"""Results computed once per model object (a site, a decision) and reused by every page of a build.

The model is frozen, so an answer derived from one object stays true while that object lives; keyed by
identity because hashing a frozen site walks all of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

Model = TypeVar("Model")
Result = TypeVar("Result")

_KEPT = 32  # a build holds a handful of models; `make serve` makes a new one per rebuild


def per_object(compute: Callable[[Model], Result]) -> Callable[[Model], Result]:
    """`compute(model)` once per model object; the object is kept with its result so its id is not reused."""
    cache: dict[int, tuple[Model, Result]] = {}

    @functools.wraps(compute)
    def cached(model: Model) -> Result:
        hit = cache.get(id(model))
        if hit is not None and hit[0] is model:
            return hit[1]
        if len(cache) >= _KEPT:
            cache.clear()
        result = compute(model)
        cache[id(model)] = (model, result)
        return result

    return cached
