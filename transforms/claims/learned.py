"""The learned attribution tagger: source, cue and content spans, trained on PolNeAR train.

A small spaCy pipeline (one ``ner`` component with its own tok2vec) shipped in
``newslake/transforms/claims/data/attribution`` (see the README there; ``make train`` rebuilds it
with ``scripts/train_attribution.py``). It reads the tokens, tags, dependency labels and tok2vec
output (``doc.tensor``, pretrained with en_core_web_sm; :func:`parse_tensor`) of a doc already
parsed by the product's model and labels flat spans SOURCE, CUE and CONTENT.

It is loaded once per process (:func:`load_tagger`) and nothing is downloaded at run time.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import Model

ATTRIBUTION_LABELS = ("SOURCE", "CUE", "CONTENT")
DATA_DIR = Path(__file__).resolve().parent / "data" / "attribution"

PARSE_TENSOR_WIDTH = 96
"""Width of the product model's tok2vec output (``doc.tensor`` of en_core_web_sm), which the
tagger reads beside its own hash embeddings."""


@registry.layers("newslake.ParseTensor.v1")
def parse_tensor(width: int = PARSE_TENSOR_WIDTH) -> Model:
    """Each doc's ``tensor`` (the product model's tok2vec output, pretrained on OntoNotes) as
    features; fixed, so no gradient flows back into it."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        out = []
        for doc in docs:
            if doc.tensor.shape != (len(doc), width):
                raise ValueError(f"the attribution tagger reads the parse's tok2vec output: doc.tensor of shape "
                                 f"({len(doc)}, {width}) expected, got {doc.tensor.shape} (parse the doc with "
                                 "the product's model, tok2vec enabled)")
            out.append(model.ops.asarray2f(doc.tensor))
        return out, lambda d_out: []

    return Model("parse_tensor", forward, dims={"nO": width})


@registry.architectures("newslake.HashAndParseEmbed.v1")
def hash_and_parse_embed(width: int, attrs: list[str], rows: list[int], tensor_width: int = PARSE_TENSOR_WIDTH) -> Model:
    """spaCy's ``MultiHashEmbed`` of ``attrs`` concatenated with :func:`parse_tensor`, mixed down
    to ``width`` by a maxout layer."""
    from spacy.ml.models.tok2vec import MultiHashEmbed
    from thinc.api import Maxout, chain, concatenate, with_array

    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    return chain(concatenate(hashed, parse_tensor(tensor_width)),
                 with_array(Maxout(width, width + tensor_width, nP=3, normalize=True, dropout=0.0)))


TAGGER_CONFIG = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "newslake.HashAndParseEmbed.v1",
            "width": 96,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"],
            "rows": [5000, 1000, 2500, 2500, 200, 200],
            "tensor_width": PARSE_TENSOR_WIDTH,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 96,
            "depth": 4,
            "window_size": 2,
            "maxout_pieces": 3,
        },
    },
}


#: Characters trimmed from the ends of an annotated span: spaces, quotation marks, punctuation.
SPAN_TRIM = " \t\n\"'“”‘’.,;:—–-"


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without leading and trailing :data:`SPAN_TRIM` characters (PolNeAR's spans keep
    quotation marks and punctuation; training and scoring compare them without).

    >>> trim_span('said "no tax."', 5, 14)
    (6, 12)
    """
    while s < e and text[s] in SPAN_TRIM:
        s += 1
    while e > s and text[e - 1] in SPAN_TRIM:
        e -= 1
    return s, e


def is_tuning(filename: str, seed: int = 0) -> bool:
    """Whether a PolNeAR train article is in the held-out tuning part (10% of the files, fixed by
    ``seed``): ``scripts/train_attribution.py`` stops on it, ``bench/polnear_claims.py --split tune``
    scores on it; neither fits nor looks at PolNeAR dev."""
    import hashlib

    return hashlib.sha1(f"{seed}:{filename}".encode()).digest()[0] % 10 == 0


class LearnedSpan(NamedTuple):
    """One labelled span of the tagger, in the source doc's token indices and characters."""

    label: str  # SOURCE | CUE | CONTENT
    start: int
    end: int
    start_char: int
    end_char: int


class TaggerMissing(RuntimeError):
    """The shipped attribution weights are not where the package keeps them."""


def _hard_wrap(tok) -> bool:
    """A line break inside a paragraph (wire copy wrapped at 70 columns): a space token with one
    newline; PolNeAR, which the tagger learned from, has none, only blank lines between paragraphs."""
    return tok.is_space and tok.text.count("\n") == 1 and not tok.text.strip(" \n")


def attribution_doc(doc: Doc, vocab: Vocab, keep: list[int] | None = None) -> Doc:
    """A copy of ``doc`` in the tagger's vocabulary: same words and spaces, with the parser's tags,
    dependency labels, heads and tok2vec output (``tensor``: what the tagger's features read), no
    entities. ``keep`` (token
    indices, default all) leaves tokens out, e.g. hard line wraps."""
    keep = list(range(len(doc))) if keep is None else keep
    pos = {i: k for k, i in enumerate(keep)}
    out = Doc(
        vocab,
        words=[doc[i].text for i in keep],
        spaces=[bool(doc[i].whitespace_) or (i + 1 < len(doc) and i + 1 not in pos) for i in keep],
        tags=[doc[i].tag_ or "" for i in keep],
        deps=[doc[i].dep_ or "dep" for i in keep],
        heads=[pos.get(doc[i].head.i, k) for k, i in enumerate(keep)],
    )
    if doc.tensor.shape[:1] == (len(doc),) and len(doc):  # the parse's tok2vec output
        out.tensor = doc.tensor[keep]
    return out


CUE_BIAS = 1.5
"""Added, when the tagger is loaded, to its score for starting a CUE span (the output layer's bias
of the actions ``B-CUE`` and ``U-CUE``): the tagger then marks more cues, so more of its contents
find one and more cues without a content take their complement (:func:`group_spans`,
``extract._cue_complements``). Chosen on the tuning part of PolNeAR train (92 articles; lenient
content F1 of the claims mode ``combined``) with the shipped weights (window 2, epoch 2): 0 0.727,
0.5 0.736, 1.0 0.743, 1.5 0.746, 2.0 0.746, 2.5 0.745 (the previous weights, window 1, epoch 1:
0 0.731, 0.5 0.735, 1.0 0.733, 1.5 0.728). Biasing contents instead lowered it (previous weights:
``B-/U-CONTENT`` +0.5 0.723, -0.5 0.726)."""


def bias_actions(nlp, bias: dict[str, float]) -> None:
    """Add ``bias[action]`` to the ``ner`` component's score of each named action (e.g.
    ``B-CUE``), in place: a decoding threshold for a transition-based tagger, whose greedy
    decoder takes the best-scoring action at each token."""
    ner = nlp.get_pipe("ner")
    upper = ner.model.get_ref("upper")
    b = upper.get_param("b").copy()
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]  # the output layer's order
    for action, delta in bias.items():
        if action not in names:
            raise ValueError(f"the attribution tagger has no action {action!r} (it has {names})")
        b[names.index(action)] += delta
    upper.set_param("b", b)


_TAGGERS: dict[str | None, object] = {}


def load_tagger(path: str | None = None):
    """The tagger pipeline, loaded once per process (``path`` defaults to the shipped weights), with
    :data:`CUE_BIAS` added to its cue scores."""
    if path not in _TAGGERS:
        import spacy

        where = Path(path) if path else DATA_DIR
        if not (where / "config.cfg").exists():
            raise TaggerMissing(f"attribution tagger weights not found in {where} (run `make train`)")
        nlp = spacy.load(where)
        bias_actions(nlp, {"B-CUE": CUE_BIAS, "U-CUE": CUE_BIAS})
        _TAGGERS[path] = nlp
    return _TAGGERS[path]


def loaded_taggers() -> list:
    """The taggers this process has loaded (none in the default claims mode, ``rules``, which does
    not use the tagger: a worker no longer loads it just to open its memory zone)."""
    return list(_TAGGERS.values())


def learned_spans(doc: Doc, path: str | None = None) -> list[LearnedSpan]:
    """The tagger's SOURCE / CUE / CONTENT spans over ``doc`` (a parsed doc), in text order."""
    if not len(doc):
        return []
    nlp = load_tagger(path)
    keep = [t.i for t in doc if not _hard_wrap(t)]
    tagged = nlp.get_pipe("ner")(attribution_doc(doc, nlp.vocab, keep))
    out = []
    for e in tagged.ents:
        s, last = keep[e.start], keep[e.end - 1]
        out.append(LearnedSpan(e.label_, s, last + 1, doc[s].idx, doc[last].idx + len(doc[last])))
    return out


class LearnedAttribution(NamedTuple):
    """A cue with its content (token ranges, end exclusive) and the head of its source, if any."""

    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None


def _joinable(doc: Doc, end: int, start: int) -> bool:
    """Only spaces, punctuation and quotation marks lie between tokens ``end`` and ``start``."""
    return all(t.is_space or t.is_punct or t.is_quote for t in doc[end:start])


def group_spans(doc: Doc, spans: list[LearnedSpan], max_gap_sents: int = 1) -> list[LearnedAttribution]:
    """Assemble flat tagger spans into attributions.

    Content pieces the tagger cut at sentence starts are joined again when only punctuation or
    space separates them. Each content takes the nearest cue in its own sentences (or, failing
    that, within ``max_gap_sents`` sentences); each cue takes the nearest source in its sentence.
    A content without a cue is dropped (a claim needs a cue)."""
    contents: list[list[int]] = []
    for sp in spans:
        if sp.label != "CONTENT":
            continue
        if contents and _joinable(doc, contents[-1][1], sp.start):
            contents[-1][1] = sp.end
        else:
            contents.append([sp.start, sp.end])
    cues_ = [(sp.start, sp.end) for sp in spans if sp.label == "CUE"]
    sources = [(sp.start, sp.end) for sp in spans if sp.label == "SOURCE"]
    sent_of = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = k
    out = []
    for c_s, c_e in contents:
        lo, hi = sent_of[c_s], sent_of[c_e - 1]

        def dist(cue: tuple[int, int]) -> tuple[int, int]:
            k = sent_of[cue[0]]
            gap = 0 if lo <= k <= hi else min(abs(k - lo), abs(k - hi))
            tok = 0 if c_s <= cue[0] < c_e else min(abs(cue[0] - c_e), abs(cue[1] - c_s))
            return gap, tok

        near = [cue for cue in cues_ if dist(cue)[0] <= max_gap_sents]
        if not near:
            continue
        cue = min(near, key=dist)
        k = sent_of[cue[0]]
        srcs = [s for s in sources if sent_of[s[0]] == k]
        src = min(srcs, key=lambda s: abs(s[0] - cue[0])) if srcs else None
        out.append(LearnedAttribution(cue, (c_s, c_e), src))
    return out
