"""Every docstring example in the library runs and shows what it says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newslake


def _has_examples(name: str) -> bool:
    mod = importlib.import_module(name)
    return any(not ex.options.get(doctest.SKIP) for t in doctest.DocTestFinder().find(mod, module=mod) for ex in t.examples)


# only modules with examples: a module without any would pass without testing anything
MODULES = sorted(
    name
    for name in (m.name for m in pkgutil.walk_packages(newslake.__path__, prefix="newslake."))
    if not name.startswith("newslake.flows") and _has_examples(name)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
