"""One run of ``kiosk check`` says everything wrong with a file, however many slides are
broken: the slides valid on their own still have their pictures and translations
checked, and cross-field rules speak even when a key beside them is unknown."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.deck.errors import DeckError
from kiosk.deck.load import load_deck
from kiosk.deck.model import TitleSlide
from tests import picturefiles as make

DECK = """\
title: {zh: 一次全部, en: All at once}
languages: [zh, en]
slides:
  - type: title
    title: {zh: 时长, en: Duration}
    duration: soon
  - type: closing
    title: {zh: 再见, en: Goodbye}
    colour: red
  - type: story
    headline: {zh: 地图, en: Map}
    visual: {kind: image, src: images/nowhere.png}
  - type: story
    headline: {zh: 网址, en: Address}
    visual: {kind: image, src: "https://example.com/a.png"}
  - type: story
    headline: {zh: 笔记, en: Notes}
    visual: {kind: image, src: images/notes.png}
  - type: story
    headline: {zh: 照片, en: Photo}
    visual: {kind: image, src: images/damaged.png}
  - type: chart
    title: {zh: 图表, en: Chart}
    chart:
      kind: bar
      categories: [2014, 2023]
      series:
        - {name: GDP, values: [1, 2, 3]}
  - type: chart
    title: {zh: 另一图表, en: Another chart}
    chart: {kind: line, colour: red, categories: [2014, 2023], series: [{name: GDP, values: [1]}]}
  - type: title
    title: {zh: 你好}
"""


def damaged_png() -> bytes:
    """A PNG whole in its structure whose picture data is zeroed: only decoding tells."""
    data = bytearray(make.saved("PNG", 64, 48, noise=True))
    start = data.index(b"IDAT") + 8
    data[start:start + 64] = bytes(64)
    return bytes(data)


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "notes.png").write_text("to do: draw the map\n")
    (tmp_path / "images" / "damaged.png").write_bytes(damaged_png())
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_one_check_run_lists_every_problem_of_a_deck(deck, capsys):
    assert main(["check", str(deck)]) == 2
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"{deck}:6:15: 'duration' in slide 1 must be a number, not text 'soon'",
        f"{deck}:9:5: unknown key 'colour' in slide 2",
        f"{deck}:12:32: asset 'images/nowhere.png' not found beside the deck or in assets/",
        f"{deck}:15:32: 'src' in slide 4: 'https://example.com/a.png' is a URL: the show is "
        "offline; copy the file next to the deck and give its relative path",
        f"{deck}:18:32: picture 'images/notes.png' is text, not a picture (it starts with "
        "'to do: draw the map')",
        f"{deck}:21:32: picture 'images/damaged.png' cannot be decoded (Unable to read "
        "image data): it is damaged",
        f"{deck}:25:7: series 1 has 3 values for 2 categories (slide 7)",
        f"{deck}:31:12: series 1 has 1 value for 2 categories (slide 8)",
        f"{deck}:31:25: unknown key 'colour' in slide 8",
        f"{deck}:33:12: warning: 'title' in slide 9 has no 'en' translation; the show "
        "shows the 'zh' text there",
    ]
    assert out.err.strip().endswith(f"1 file checked ({deck}): 9 errors, 1 warning")


def test_the_show_gets_every_problem_too_and_the_valid_slides(deck):
    with pytest.raises(DeckError) as info:
        load_deck(deck, strict_assets=False)
    messages = [p.message for p in info.value.problems]
    assert "asset 'images/nowhere.png' not found beside the deck or in assets/" in messages
    assert "'title' in slide 9 has no 'en' translation; the show shows the 'zh' text " \
        "there" in messages
    partial = info.value.partial
    assert partial is not None
    kinds = [None if isinstance(slide, TitleSlide) and slide.title == "" else slide.type
             for slide in partial.deck.slides]  # the broken ones without their faulty
    # keys where that leaves a slide (still checked: a title without its "soon", a story
    # without its web address), else blank (a chart without its chart)
    assert kinds == ["title", "closing", "story", "story", "story", "story", None, None,
                     "title"]


def test_a_rule_of_the_whole_deck_speaks_while_slides_are_broken(write_deck):
    path = write_deck("language: fr\nlanguages: [zh, en]\ntitle: T\nslides:\n"
                      "  - type: title\n    title: T\n    duration: 0\n")
    with pytest.raises(DeckError) as info:
        load_deck(path)
    assert [f"{p.line}:{p.column}: {p.message}" for p in info.value.problems] == [
        "1:11: 'fr' is not one of the deck's languages ('zh', 'en')",
        "7:15: 'duration' in slide 1 must be more than 0",
    ]


def test_a_rule_across_keys_speaks_beside_an_unknown_key(tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text("deck: deck.yaml\nkiosk:\n  lock: true\n  pin: 1234\n")
    (tmp_path / "deck.yaml").write_text("title: T\nslides:\n  - type: title\n    title: T\n")
    assert main(["check", str(config)]) == 2
    assert capsys.readouterr().out.splitlines() == [
        f"{config}:3:3: a locked kiosk needs a way out for the operator: set pin_hash (made "
        "by `kiosk pin`) or exit_chord",
        f"{config}:4:3: unknown key 'pin' in 'kiosk'",
    ]


def test_a_mistake_in_the_decks_own_keys_hides_no_warning_of_its_slides(write_deck):
    """Trial 21: "defaults: {duration: ten}" hid a missing translation and a Chinese
    text for every language until the mistake was mended and check run again."""
    path = write_deck("languages: [zh, en]\ntitle: {zh: 海丝, en: Silk Road}\n"
                      "defaults: {duration: ten}\nslides:\n"
                      "  - type: title\n    title: {zh: 你好}\n"
                      "  - type: closing\n    title: 再见\n")
    with pytest.raises(DeckError) as info:
        load_deck(path)
    said = [f"{p.line}:{p.column}: {p.message}" for p in info.value.problems]
    assert said[0] == "3:22: 'duration' in 'defaults' must be a number, not text 'ten'"
    assert any(s.startswith("6:12: 'title' in slide 1 has no 'en' translation") for s in said)
    assert any(s.startswith("8:12: '再见' is one text for every language") for s in said)


def test_a_mistyped_key_is_read_as_meant_for_what_it_holds(write_deck):
    """Trial 22: "langauges: [zh, en]" made every English text a warning ("'en' is not
    one of the deck's languages") and hid a missing translation; "qualifer: 大约" hid
    that 大约 is no qualifier. A key close to one the mapping takes is said, and what it
    holds is checked as under that key."""
    path = write_deck("title: {zh: 清洁能源, en: Clean Energy}\nlangauges: [zh, en]\n"
                      "slides:\n  - type: title\n    title: {zh: 你好}\n"
                      "  - type: figures\n    title: {zh: 数字, en: Numbers}\n    figures:\n"
                      "      - {value: 5, unit: {zh: 座, en: plants}, label: 电站, "
                      "qualifer: 大约}\n")
    with pytest.raises(DeckError) as info:
        load_deck(path)
    said = [f"{p.line}: {p.message}" for p in info.value.problems]
    assert "2: unknown key 'langauges' (did you mean 'languages'?)" in said, said
    assert not any("not one of the deck's languages" in s for s in said), said
    assert any(s.startswith("5: 'title' in slide 1 has no 'en' translation") for s in said)
    assert any("'qualifier' in slide 2, figure 1 must be one of" in s and "大约" in s
               for s in said), said
