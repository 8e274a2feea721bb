"""The YAML reader: safe, bounded, and exact about places."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.deck import builder, reader
from kiosk.deck.errors import DeckError


def parse(text: str):
    return reader.parse(Path("deck.yaml"), text)


def messages(text: str) -> list[str]:
    with pytest.raises(DeckError) as info:
        parse(text)
    return [str(p) for p in info.value.problems]


def test_values_and_keys_have_their_line_and_column():
    doc = parse("title: x\nslides:\n  - type: title\n    title: y\n")
    assert doc.data == {"title": "x", "slides": [{"type": "title", "title": "y"}]}
    assert doc.place(("slides", 0, "title")) == (4, 12)
    assert doc.place(("slides", 0, "title"), key=True) == (4, 5)
    assert doc.place(("slides", 0)) == (3, 5)


def test_the_zeros_a_number_is_written_with_are_kept_beside_it():
    """10.0 and 205.50 are read as 10 and 205.5; the decimals they are written with are
    kept for the figure or chart that shows them. Nothing else counts: not 10, 3.5,
    1.0e3, .inf or a string."""
    doc = parse("a: 10.0\nb: [205.50, 3.5, 10, 1.0e3, .inf, '7.0']\n")
    assert doc.written_decimals == {("a",): 1, ("b", 0): 2}


def test_unknown_place_falls_back_to_nearest_parent():
    doc = parse("a:\n  b: 1\n")
    assert doc.place(("a", "nope", 3)) == (2, 3)


def test_duplicate_keys_are_errors_pointing_at_the_second():
    assert [str(p) for p in parse("a: 1\nb: 2\na: 3\n").problems] == [
        "deck.yaml:3:1: duplicate key 'a' (first at line 1, column 1; "
        "YAML would silently keep only the last one)"
    ]


def test_every_duplicate_key_of_a_file_is_reported():
    found = [str(p) for p in parse("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n").problems]
    assert [m.split(": ")[0] for m in found] == ["deck.yaml:2:1", "deck.yaml:5:3"]


@pytest.mark.parametrize("text", [
    "a: !!python/object/apply:os.system [ls]",
    "a: !!python/name:os.system",
    "!!python/object:os.system {}",
    "a: !custom 1",
    "a: !!binary aGVsbG8=",
    "a: !!set {x, y}",
])
def test_tags_beyond_plain_yaml_are_refused(text):
    (message,) = messages(text)
    assert "is not allowed (decks take plain YAML only)" in message


def test_billion_laughs_is_rejected_in_under_a_second():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    (message,) = messages("\n".join(lines))
    assert time.perf_counter() - started < 1.0
    assert "alias bomb" in message


def test_aliases_and_merge_keys_work_within_bounds():
    doc = parse("base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\ny: *b\n")
    assert doc.data["x"] == {"a": 1, "b": 3}
    assert doc.data["y"] == {"a": 1, "b": 2}


def test_nesting_is_limited_without_recursion_error():
    (message,) = messages("[" * 200)
    assert f"nested more than {builder.MAX_DEPTH} levels deep" in message
    (message,) = messages("[" * 100_000)
    assert "nesting depth" in message


def test_size_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (reader.MAX_BYTES + 1))
    with pytest.raises(DeckError, match="more than the 4 MiB"):
        reader.read(path)


def test_non_utf8_names_the_byte_and_suggests_gbk(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("title: 南京\n".encode("gbk"))
    with pytest.raises(DeckError) as info:
        reader.read(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (1, 8)
    assert "not UTF-8" in problem.message and "GBK" in problem.message


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufefftitle: 南京\n".encode())
    assert reader.read(path).data == {"title": "南京"}


@pytest.mark.parametrize("text", ["", "# just a comment\n", "\n\n"])
def test_empty_file_says_so(text):
    assert messages(text) == ["deck.yaml:1:1: file is empty: expected a YAML mapping"]


def test_second_document_is_an_error():
    assert messages("a: 1\n---\nb: 2\n") == [
        "deck.yaml:2:1: more than one YAML document in the file (remove the second '---')"
    ]


def test_syntax_error_points_at_the_problem_and_where_it_began():
    (message,) = messages("a:\n  - b: 1\n  c: 2\n")
    assert message.startswith("deck.yaml:3:3: YAML syntax error")
    assert "begun at line 2, column 3" in message


def test_a_quote_never_closed_is_pointed_at_where_it_opens():
    """Trial 14: an unclosed quote was reported at the end of the file (8:1), not where
    it opens."""
    assert messages('a: "open\nb: 2\n\n\n') == [
        "deck.yaml:1:4: YAML syntax error: the quotes begun here are never closed"]


def test_a_full_width_colon_after_a_key_is_named():
    """Trial 14: ``title：{zh: …}``, typed with a Chinese input method, was "mapping values
    are not allowed in this context", a column away from the colon."""
    assert messages("title: T\nslides:\n  - type: points\n    title：{zh: 四, en: Four}\n") \
        == ["deck.yaml:4:10: YAML syntax error: a full-width colon '：' after 'title': YAML "
            "needs ':' (and a space) after a key"]


def test_a_key_one_space_too_deep_after_a_text_is_named_as_such():
    """Trial 34: after a key whose value is plain text, a key one space too deep read
    as more of that text, and the message was PyYAML's "mapping values are not allowed in
    this context"."""
    assert messages("title:\n  zh: 标题\n   en: Title\n") == [
        "deck.yaml:3:4: YAML syntax error: 'en:' is indented more than 'zh:' above it, "
        "which has its value already (column 3): the keys of one mapping line up under "
        "each other"]


def test_a_text_with_a_colon_and_space_is_told_to_be_quoted():
    (message,) = messages("title: 南京: 三张缩影\n")
    assert message.endswith("(a text with ': ' in it is put in quotes: \"...: ...\")")


def test_keys_stay_text_even_when_yaml_would_make_them_bools():
    assert parse("no: x\n1: y\n").data == {"no": "x", "1": "y"}


def test_complex_keys_are_refused():
    (message,) = messages("? [a]\n: b\n")
    assert "key must be plain text" in message


def test_timestamps_stay_text():
    assert parse("day: 2024-05-16\n").data == {"day": "2024-05-16"}


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DeckError, match="no such file"):
        reader.read(tmp_path / "nope.yaml")
    with pytest.raises(DeckError, match="is a folder"):
        reader.read(tmp_path)


def test_a_time_of_day_stays_the_text_it_is_written():
    """Trial 15: categories 7:00, 12:00 and 18:00 read as 420, 720 and 1080 (YAML 1.1's
    numbers in base 60), with no word from check."""
    data = parse("categories: [6:30, 7:00, 18:00]\nvalue: 1:30.5\nplain: 700\n").data
    assert data == {"categories": ["6:30", "7:00", "18:00"], "value": "1:30.5", "plain": 700}
