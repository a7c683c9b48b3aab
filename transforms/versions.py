"""The extractor version without importing spaCy: what a run needs before it decides whether any
document must be parsed at all (a no-op re-run reads the version, finds every input file done
and ends without starting a worker or loading the model).

The rule-set version constants live beside their rules (``ENTITIES_VERSION`` in
``entities/extract.py`` ...), in modules that import spaCy. This module reads them from those
files' source (the literal string assigned at module level) and the model's name and version from
its package's ``meta.json``. :func:`newslake.transforms.extract.extractor_version` gives the same
string from the imported constants; a test checks that both agree.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: (constant, file under transforms/), in the order of the version string
RULE_SETS = (("READER_VERSION", "ingest/readers.py"), ("ENTITIES_VERSION", "entities/extract.py"),
             ("ROLES_VERSION", "entities/roles.py"), ("CLAIMS_VERSION", "claims/extract.py"),
             ("AMOUNTS_VERSION", "claims/amounts.py"), ("EVENTS_VERSION", "events/extract.py"))


class VersionNotFound(LookupError):
    """A version constant is not a plain string literal in its file (read it by importing)."""


@functools.cache
def constant(name: str, relpath: str) -> str:
    """The string literal assigned to ``name`` at the top level of ``transforms/<relpath>``."""
    tree = ast.parse((HERE / relpath).read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
            raise VersionNotFound(f"{name} in {relpath} is not a string literal")
    raise VersionNotFound(f"{name} not found in {relpath}")


def package_model_id(model: str) -> str:
    """``<name>-<version>`` of an installed model package (or model folder) from its ``meta.json``,
    the same string :func:`newslake.transforms.pipeline.model_id` gives for the loaded model."""
    folder = Path(model)
    if not (folder / "meta.json").is_file():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or not spec.submodule_search_locations:
            from newslake.transforms.pipeline import ModelNotInstalled

            raise ModelNotInstalled(f"spaCy model {model!r} is not installed in this environment (no package "
                                    f"or folder of that name); install it with `uv sync` or name an installed model")
        folder = Path(list(spec.submodule_search_locations)[0])
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return f"{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def version_string(rule_versions: list[str], model_id: str) -> str:
    """``newslake:<rule sets>@<model>``, rule-set names without their ``newslake.`` prefix."""
    return f"newslake:{'+'.join(v.removeprefix('newslake.') for v in rule_versions)}@{model_id}"


def static_extractor_version(model: str) -> str:
    """:func:`newslake.transforms.extract.extractor_version` of a model package, read without
    importing spaCy or the rules. Raises :class:`VersionNotFound` when a constant is not a literal."""
    return version_string([constant(name, path) for name, path in RULE_SETS], package_model_id(model))
