"""The model's own pickling (`__reduce__`): every field survives a round trip, for every class that has it.

A field added to a class but forgotten in its `__reduce__` would be silently
reset to its default in worker processes; the field count check catches that
even for a field no row below sets.
"""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from mkdocs_briefings.core.model import Annotation, Claim, Entity, Span, Speaker

TEXT = "Ms Ode said the plan was doomed."
ODE = Span.of(TEXT, 0, 6)
SAID = Span.of(TEXT, 7, 11)
CONTENT = Span.of(TEXT, 12, 31)

OBJECTS: list[object] = [
    ODE,
    Span(0, 0, ""),
    Span(3, 9, "caf\u00e9 \u201cx\u201d"),
    Speaker(ODE),
    Speaker(ODE, "ms-ode", 0.75),
    Speaker(Span.of(TEXT, 0, 2), None, 0.0),
    Entity("ms-ode", "Ms Ode", "person"),
    Entity("ms-ode", "Ms Ode", "person", ("minister", "MP"), (ODE, ODE), 0.4),
    Claim("claim-1", "indirect", CONTENT),
    Claim("claim-2", "direct", CONTENT, SAID, Speaker(ODE, "ms-ode", 0.9), ("reportedly",), "disputed", "See the *minutes*.", "x.md"),
    Annotation(),
    Annotation(
        (Entity("ms-ode", "Ms Ode", "person", mentions=(ODE,)),),
        (Claim("claim-1", "mixed", CONTENT, SAID, Speaker(ODE, "ms-ode")),),
    ),
]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_a_round_trip_gives_an_equal_object(obj: object, protocol: int) -> None:
    back = pickle.loads(pickle.dumps(obj, protocol))
    assert back == obj
    assert type(back) is type(obj)
    assert hash(back) == hash(obj)


@pytest.mark.parametrize("cls", [Span, Speaker, Entity, Claim, Annotation])
def test_reduce_keeps_every_field_in_order(cls: type) -> None:
    fields = dataclasses.fields(cls)
    values = [f"v{i}" for i in range(len(fields))]  # a distinct marker in each field
    obj = object.__new__(cls)
    for f, v in zip(fields, values, strict=True):
        object.__setattr__(obj, f.name, v)
    rebuild, args = obj.__reduce__()
    assert rebuild is cls
    assert list(args) == values


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Span(0, 6, "Ms Ode"), Span(0, 6, "Ms Odd")),  # negative: a changed field stays changed
        (Speaker(ODE, "ms-ode"), Speaker(ODE, None)),
        (Entity("a", "A", "person", confidence=0.5), Entity("a", "A", "person", confidence=0.6)),
        (Claim("claim-1", "direct", CONTENT, note="x"), Claim("claim-1", "direct", CONTENT, note="y")),
    ],
)
def test_different_objects_stay_different(a: object, b: object) -> None:
    assert pickle.loads(pickle.dumps(a)) != pickle.loads(pickle.dumps(b))
