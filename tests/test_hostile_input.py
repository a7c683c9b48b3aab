"""Hostile files: one bad line never costs the good ones, and encodings are decided per record."""

from __future__ import annotations

import json

from newslake.transforms.ingest.readers import read_source

GOOD = "The harbour authority in Québec on Tuesday approved plans for a new ferry terminal."


def _line(text: str, **extra: str) -> str:
    return json.dumps({"text": text, **extra}, ensure_ascii=False)


def test_nul_byte_rejects_only_its_line() -> None:
    data = (_line(GOOD, id="a").encode() + b"\n"
            + b'{"id": "b", "text": "Bad \x00 line"}\n'
            + _line(GOOD.replace("Tuesday", "Monday"), id="c").encode() + b"\n")
    docs = read_source(data, uri="f.jsonl")
    assert [(d.uri, d.status) for d in docs] == [
        ("f.jsonl#L1", "ok"), ("f.jsonl#L2", "rejected"), ("f.jsonl#L3", "ok")]
    assert "NUL" in docs[1].error and "line 2" in docs[1].error
    assert docs[0].external_id == "a" and docs[2].external_id == "c"


def test_mixed_utf8_and_cp1252_lines_are_each_decoded_right() -> None:
    utf8 = _line(GOOD).encode("utf-8")
    cp1252 = _line("The café à la Montréal reopened on Tuesday after long repairs, the owner told reporters.").encode("cp1252")
    docs = read_source(utf8 + b"\n" + cp1252 + b"\n", uri="mixed.jsonl")
    assert [d.status for d in docs] == ["ok", "ok"]
    assert "Québec" in docs[0].text and "Ã" not in docs[0].text
    assert docs[0].encoding == "utf-8"
    assert "café à la Montréal" in docs[1].text and docs[1].encoding == "cp1252"


def test_undecodable_line_is_rejected_with_its_number() -> None:
    binary = b"\x81\x8d\x8f\x90\x9d\xff" * 30  # no valid UTF-8, undefined in cp1252
    data = _line(GOOD).encode() + b"\n\n" + binary + b"\n" + _line(GOOD + " Again.").encode()
    docs = read_source(data, uri="f.jsonl")
    assert [(d.uri, d.status) for d in docs] == [
        ("f.jsonl#L1", "ok"), ("f.jsonl#L3", "rejected"), ("f.jsonl#L4", "ok")]
    assert "line 3" in docs[1].error


def test_utf8_bom_and_crlf_lines() -> None:
    data = b"\xef\xbb\xbf" + _line(GOOD).encode() + b"\r\n" + _line(GOOD + " More.").encode() + b"\r\n"
    assert [d.status for d in read_source(data, uri="f.jsonl")] == ["ok", "ok"]


def test_utf16_jsonl_still_reads() -> None:
    data = (_line(GOOD) + "\n" + _line(GOOD + " More.")).encode("utf-16")
    assert [d.status for d in read_source(data, uri="f.jsonl")] == ["ok", "ok"]


# --------------------------------------------------------------------------- folders

def test_skipped_inputs_become_rejected_rows(tmp_path, monkeypatch) -> None:
    """Unreadable folders, dangling symlinks and FIFOs are rejected with a reason, never skipped
    silently; hidden entries are still skipped; a symlink loop ends."""
    import os

    from newslake.flows.ingest import find_files
    from newslake.flows.workers import Piece, read_piece
    from newslake.transforms.ingest.readers import Limits

    root = tmp_path / "in"
    (root / "ok").mkdir(parents=True)
    (root / "ok" / "a.txt").write_text(GOOD)
    (root / "locked").mkdir()
    (root / "locked" / "hidden-by-permissions.txt").write_text(GOOD)
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text(GOOD)
    (root / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    (root / "loop").symlink_to(root)
    os.mkfifo(root / "pipe.txt")
    locked = str(root / "locked")
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse(fn):  # the tests run as root, which chmod cannot lock out
        def wrapped(path=".", *a):
            if os.fspath(path) == locked:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return fn(path, *a)
        return wrapped

    monkeypatch.setattr(os, "scandir", refuse(real_scandir))
    monkeypatch.setattr(os, "listdir", refuse(real_listdir))
    files = find_files([str(root)])
    assert sorted(os.path.relpath(f, root) for f in files) == [
        "gone.txt", "locked", "ok/a.txt", "pipe.txt"]
    docs = {os.path.relpath(d.uri, root): d for f in files for d in read_piece(Piece(f), Limits())}
    assert docs["ok/a.txt"].status == "ok"
    assert docs["locked"].error == "cannot read folder: Permission denied"
    assert docs["gone.txt"].error.startswith("dangling symbolic link to ")
    assert docs["pipe.txt"].error == "not a regular file (a pipe, socket or device)"


def test_a_batch_of_jsonl_lines_is_read_line_by_line_too() -> None:
    """The streaming flow reads big JSONL files a batch of lines at a time (read_jsonl_lines)."""
    from newslake.transforms.ingest.readers import read_jsonl_lines

    data = _line(GOOD).encode() + b"\n" + b'{"text": "\x00"}\n' + _line(GOOD + " Again.").encode("cp1252")
    docs = read_jsonl_lines(data, uri="big.jsonl", first_line=41)
    assert [(d.uri, d.status) for d in docs] == [
        ("big.jsonl#L41", "ok"), ("big.jsonl#L42", "rejected"), ("big.jsonl#L43", "ok")]
    assert docs[2].encoding == "cp1252" and "Québec" in docs[2].text
