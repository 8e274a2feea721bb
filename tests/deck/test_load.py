"""Loading a deck: validation messages, translations, assets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.deck.errors import DeckError, Severity
from kiosk.deck.load import load_deck
from kiosk.deck.model import FiguresSlide
from kiosk.deck.text import Text
from tests.picturefiles import png

MINIMAL = "title: T\nslides:\n  - type: title\n    title: Hello\n"


def errors_of(path: Path) -> list[str]:
    with pytest.raises(DeckError) as info:
        load_deck(path)
    return [f"{p.line}:{p.column}: {p.message}" for p in info.value.problems]


def test_minimal_deck_loads_with_defaults(write_deck):
    loaded = load_deck(write_deck(MINIMAL))
    deck = loaded.deck
    assert deck.default_language == "zh"
    assert deck.slide_duration(deck.slides[0]) == 12.0
    assert deck.slide_transition(deck.slides[0]) == "fade"
    assert loaded.warnings == ()


def test_unknown_key_gets_a_did_you_mean_hint(write_deck):
    path = write_deck(MINIMAL + "  - type: closing\n    titel: Bye\n")
    assert errors_of(path) == [
        "5:5: missing key 'title' in slide 2",
        "6:5: unknown key 'titel' in slide 2 (did you mean 'title'?)",
    ]


def test_unknown_key_in_a_nested_model(write_deck):
    path = write_deck(
        "title: T\nslides:\n  - type: figures\n    title: F\n    figures:\n"
        "      - value: 1\n        label: L\n        qualifer: 近\n")
    assert errors_of(path) == [
        "8:9: unknown key 'qualifer' in slide 1, figure 1 (did you mean 'qualifier'?)"]


def test_a_thousands_comma_in_braces_is_named_as_such(write_deck):
    """Trial 31: {value: 1,794, ...} said only "unknown key '794'", a baffle: YAML reads
    the comma as the end of the value. The message says so."""
    path = write_deck("title: T\nslides:\n  - type: figures\n    title: F\n    figures:\n"
                      "      - {value: 1,794, label: L}\n")
    (message,) = errors_of(path)
    assert message.startswith("6:19: unknown key '794' in slide 1, figure 1: ")
    assert "thousands comma (…,794)" in message and "without the comma" in message


def test_slide_type_typo(write_deck):
    path = write_deck("title: T\nslides:\n  - type: closng\n    title: x\n")
    (message,) = errors_of(path)
    assert message.startswith("3:11: unknown slide type 'closng' in slide 1")
    assert message.endswith("(did you mean 'closing'?)")


def test_slide_without_type(write_deck):
    path = write_deck("title: T\nslides:\n  - title: x\n")
    assert errors_of(path) == ["3:5: missing key 'type' in slide 1"]


def test_root_must_be_a_mapping(write_deck):
    assert errors_of(write_deck("- a\n- b\n")) == [
        "1:1: the file must be a mapping (key: value), not a list"]
    assert errors_of(write_deck("---\n")) == [
        "2:1: the file must be a mapping (key: value), not empty"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("duration", "0", "'duration' in slide 1 must be more than 0"),
    ("duration", "-3", "'duration' in slide 1 must be more than 0"),
    ("duration", "86401", "'duration' in slide 1 must be at most 86,400"),
    ("duration", ".nan", "'duration' in slide 1 must be a finite number"),
    ("duration", ".inf", "'duration' in slide 1 must be a finite number"),
    ("duration", "soon", "'duration' in slide 1 must be a number, not text 'soon'"),
    ("transition", "wipe", "'transition' in slide 1 must be one of 'fade', 'slide' or "
                           "'none', not text 'wipe'"),
    ("id", "Has Space", "'id' in slide 1 must be lower case letters, digits, - and _, "
                        "e.g. 'snapshot-1'"),
])
def test_ranges_and_types_of_common_fields(write_deck, field, value, message):
    (found,) = errors_of(write_deck(MINIMAL + f"    {field}: {value}\n"))
    assert found == f"5:{7 + len(field)}: {message}"


def test_all_errors_of_a_file_at_once(write_deck):
    path = write_deck(
        "title: T\nslides:\n"
        "  - type: title\n    title: a\n    duration: 0\n"
        "  - type: nope\n"
        "  - type: closing\n    title: b\n    extra: 1\n"
        "  - type: title\n    title: c\n    title: d\n")
    assert [m.split(":")[0] for m in errors_of(path)] == ["5", "6", "9", "12"]


def test_figure_needs_a_value_or_a_text(write_deck):
    base = "title: T\nslides:\n  - type: figures\n    title: F\n    figures:\n"
    (message,) = errors_of(write_deck(base + "      - label: L\n"))
    assert message == ("6:9: a figure needs 'value' (a number) or 'text' (e.g. 第一) "
                       "(slide 1, figure 1)")
    deck = load_deck(write_deck(base + "      - {value: 1.74, label: L, qualifier: 近}\n")).deck
    slide = deck.slides[0]
    assert isinstance(slide, FiguresSlide)
    assert slide.figures[0].value == 1.74 and slide.figures[0].qualifier == "近"


def test_text_fields_take_a_string_or_a_language_map(write_deck):
    deck = load_deck(write_deck(
        "title: {zh: 南京, en: Nanjing}\nlanguages: [zh, en]\nslides:\n"
        "  - type: title\n    title: 2024\n")).deck
    assert deck.title.get_text("en", "zh") == "Nanjing"
    assert deck.slides[0].title == Text("2024")


def test_a_slide_the_loop_leaves_before_its_figures_settle_is_a_warning(write_deck):
    loaded = load_deck(write_deck(
        "title: T\ndefaults: {duration: 2}\nslides:\n"
        "  - type: figures\n    title: F\n    duration: 1.5\n"
        "    figures: [{value: 5, label: a}, {value: 6, label: b}]\n"
        "  - type: chart\n    title: C\n    chart: {kind: compare, before_label: a, "
        "after_label: b, items: [{label: x, before: 1, after: 2}, "
        "{label: y, before: 1, after: 2}, {label: z, before: 1, after: 2}]}\n"
        "  - type: figures\n    title: F\n    figures: [{value: 5, label: a, delay: 0}]\n"))
    assert [(w.line, w.column, w.message) for w in loaded.warnings] == [
        (6, 15, "slide 1 stays 1.5 s in the loop but moves until 2.00 s: the loop leaves it "
                "before its figures or chart show their final values; give it a duration of "
                "at least 4 s"),
        (8, 5, "slide 2 stays 2 s in the loop but moves until 2.16 s: the loop leaves it "
               "before its figures or chart show their final values; give it a duration of "
               "at least 5 s")]  # its rows grow one after another; slide 3 settles in time


def test_missing_translation_is_a_warning_and_falls_back(write_deck):
    loaded = load_deck(write_deck(
        "title: {zh: 南京, en: Nanjing}\nlanguages: [zh, en]\nslides:\n"
        "  - type: title\n    title: {zh: 你好}\n"))
    (warning,) = loaded.warnings
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.column) == (5, 12)
    assert "no 'en' translation" in warning.message
    assert loaded.deck.slides[0].title.get_text("en", "zh") == "你好"


def test_yes_no_trap_in_text_is_explained(write_deck):
    (message,) = errors_of(write_deck("title: T\nslides:\n  - type: title\n    title: no\n"))
    assert message == ("4:12: 'title' in slide 1: expected text, got a yes/no value; "
                       "put the text in quotes")


def test_default_language_must_be_listed(write_deck):
    (message,) = errors_of(write_deck("language: fr\nlanguages: [zh, en]\n" + MINIMAL))
    assert "'fr' is not one of the deck's languages" in message


STORY = ("title: T\nslides:\n  - type: story\n    headline: H\n"
         "    visual: {{kind: image, src: {src}}}\n")


@pytest.mark.parametrize(("src", "message"), [
    ("/etc/passwd", "is an absolute path"),
    ("../secret.png", "leaves the deck's folder"),
    ("images/../../x.png", "leaves the deck's folder"),
    ("'https://example.com/a.png'", "is a URL: the show is offline"),
    ("'file:///etc/passwd'", "is a URL"),
    ("'C:\\\\x.png'", "is an absolute Windows path"),
    ("'img\\\\a.png'", "use forward slashes"),
])
def test_asset_paths_that_escape_are_errors(write_deck, src, message):
    (found,) = errors_of(write_deck(STORY.format(src=src)))
    assert found.startswith("5:32: ") and message in found


def test_a_missing_asset_names_the_file_of_nearly_its_name(write_deck):
    """Trial 14: Lighthouse_Tall.JPG was "not found" beside lighthouse_tall.jpg (names
    are case-sensitive on the kiosk's PC): check names the file that is there."""
    path = write_deck(STORY.format(src="images/Lighthouse_Tall.JPG"))
    (path.parent / "images").mkdir(exist_ok=True)
    (path.parent / "images" / "lighthouse_tall.jpg").write_bytes(b"")
    (path.parent / "images" / "harbour.jpg").write_bytes(b"")
    assert errors_of(path) == [
        "5:32: asset 'images/Lighthouse_Tall.JPG' not found beside the deck or in assets/ "
        "(did you mean 'images/lighthouse_tall.jpg'?)"]
    other = write_deck(STORY.format(src="images/harbour.png"))  # (trial 15: flow.mov
    assert errors_of(other) == [  # beside flow.mp4 had no word)
        "5:32: asset 'images/harbour.png' not found beside the deck or in assets/ "
        "(did you mean 'images/harbour.jpg'?)"]


def test_a_plain_chinese_text_in_a_bilingual_deck_is_warned_of(write_deck):
    """Trial 14: ``title: 从帆船到集装箱`` (one text for every language) passed without a
    word and showed Chinese in the English show; a name in Latin letters may be shared."""
    loaded = load_deck(write_deck(
        "title: {zh: 港口, en: Port}\nlanguages: [zh, en]\nslides:\n"
        "  - type: title\n    title: 从帆船到集装箱\n    subtitle: Nanjing Port\n"))
    assert [(w.line, w.message) for w in loaded.warnings] == [
        (5, "'从帆船到集装箱' is one text for every language: the 'en' show writes it in "
            "Chinese; give each language its own, {zh: ..., en: ...}")]


def test_a_list_of_plain_chinese_texts_is_warned_of_once(write_deck):
    """Trial 40: a line's seven years written 1979年 … 2023年 for every language gave
    seven alike warnings, one a year; one, at the first, says how many."""
    years = ", ".join(f"{year}年" for year in (1979, 1984, 1998, 2004, 2014, 2019, 2023))
    loaded = load_deck(write_deck(
        "title: {zh: 游客, en: Visitors}\nlanguages: [zh, en]\nslides:\n"
        "  - type: chart\n    title: {zh: 游客量, en: Visitors}\n    chart:\n"
        "      kind: line\n      unit: {zh: 万人次, en: 10k visits}\n"
        f"      categories: [{years}]\n"
        "      series:\n        - name: {zh: 游客, en: Visitors}\n"
        "          values: [2, 10, 20, 55, 81, 220, 165]\n"))
    said = [(w.line, w.message) for w in loaded.warnings if "every language" in w.message]
    assert said == [(9, "'1979年' and the 6 after it are each one text for every language: "
                        "the 'en' show writes it in Chinese; give each language its own, "
                        "{zh: ..., en: ...}")]


@pytest.mark.parametrize(("values", "said"), [((120, 69), True), ((80, 80, 79.9), False)])
def test_parts_that_leave_some_of_the_total_are_warned_of(write_deck, values, said):
    """Trial 41: a donut's parts added up to 189 of its 240 and "0 errors": the show drew
    a grey "The rest (21%)" the curator never wrote. A rounding (239.9) is not warned."""
    parts = "".join(f"        - {{label: {{zh: 部分{n}, en: Part {n}}}, value: {v}}}\n"
                    for n, v in enumerate(values, 1))
    loaded = load_deck(write_deck(
        "title: {zh: 物种, en: Species}\nlanguages: [zh, en]\nslides:\n"
        "  - type: chart\n    title: {zh: 构成, en: Make-up}\n    chart:\n"
        "      kind: proportion\n      style: donut\n"
        "      total: {label: {zh: 总数, en: All}, value: 240}\n      parts:\n" + parts))
    rest = [(w.line, w.message) for w in loaded.warnings if "the rest" in w.message]
    assert rest == ([(11, "the parts add up to 189, the total is 240: the other 51 are "
                          "drawn in grey as 'the rest' (其余); give them a part of their own "
                          "if they have a name")] if said else [])


def test_missing_asset_is_an_error_for_check_and_a_warning_to_play(write_deck):
    path = write_deck(STORY.format(src="images/a.png"))
    assert errors_of(path) == [
        "5:32: asset 'images/a.png' not found beside the deck or in assets/"]
    loaded = load_deck(path, strict_assets=False)
    assert loaded.assets == {"images/a.png": None}
    assert [w.message for w in loaded.warnings] == [
        "asset 'images/a.png' not found beside the deck or in assets/"]


def test_asset_found_beside_the_deck_or_in_assets(write_deck, tmp_path):
    path = write_deck(STORY.format(src="images/a.png"), name="decks/deck.yaml")
    assets = tmp_path / "assets"
    (assets / "images").mkdir(parents=True)
    (assets / "images" / "a.png").write_bytes(png())
    loaded = load_deck(path, [assets])
    assert loaded.assets["images/a.png"] == (assets / "images" / "a.png").resolve()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_link_out_of_the_tree_is_an_error(write_deck, tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"secret")
    path = write_deck(STORY.format(src="a.png"), name="deck/deck.yaml")
    (path.parent / "a.png").symlink_to(outside)
    (message,) = errors_of(path)
    assert "links to a file outside the deck's folder" in message


def test_chart_data_errors(write_deck):
    base = "title: T\nslides:\n  - type: chart\n    title: C\n    chart:\n"
    cases = {
        "      kind: bar\n      categories: [a, b]\n      series: [{name: s, values: [1]}]\n":
            "series 1 has 1 value for 2 categories",
        "      kind: bar\n      categories: []\n      series: [{name: s, values: [1]}]\n":
            "'categories' in slide 1 must hold 1 to 60 categories, not 0",
        "      kind: funnel\n      stages: [{label: a, value: -1}, {label: b, value: 1}]\n":
            "'value' in slide 1, stage 1 must be at least 0",
        "      kind: proportion\n      total: {label: t, value: 10}\n"
        "      parts: [{label: a, value: 8}, {label: b, value: 8}]\n":
            "the parts add up to 16, more than the total (10)",
        "      kind: line\n      categories: [a]\n      series: [{name: s, values: [1e300]}]\n":
            "value 1 in slide 1, series 1 must be at most 1,000,000,000,000,000",
    }
    for chart, message in cases.items():
        (found,) = errors_of(write_deck(base + chart))
        assert message in found, found


def test_parts_more_than_their_total_are_said_at_the_parts(write_deck):
    """Trial 25: a donut's parts over its total were said at the chart's first line
    (kind:), not where the designer would change a number."""
    path = write_deck("title: T\nslides:\n  - type: chart\n    title: C\n    chart:\n"
                      "      kind: proportion\n      total: {label: t, value: 10}\n"
                      "      parts:\n        - {label: a, value: 8}\n"
                      "        - {label: b, value: 8}\n")
    (found,) = errors_of(path)
    assert ":9:" in found and "the parts add up to 16, more than the total (10)" in found


def test_characters_the_font_cannot_draw_are_warnings_with_their_place(write_deck):
    loaded = load_deck(write_deck("title: T\nslides:\n  - type: title\n"
                                  "    title: 南京 𠀀 ☃\n"))
    (warning,) = loaded.warnings
    assert (warning.line, warning.column) == (4, 12)
    assert "'𠀀' (U+20000)" in warning.message and "'☃' (U+2603)" in warning.message
    assert "南" not in warning.message


def test_names_of_history_and_of_other_languages_draw(write_deck):
    """乐僔 and 王圆箓 (outside GB 2312), Ōtani, Nguyễn, Москва were boxes; Łódź, Dvořák,
    İstanbul, Győr too (Noto Sans CJK has no glyph for them: Source Sans 3's are added)."""
    loaded = load_deck(write_deck("title: T\nslides:\n  - type: title\n"
                                  "    title: 乐僔 王圆箓 敦煌 Ōtani Nguyễn Đà Nẵng ΑΒΓ Москва\n"
                                  "    subtitle: Łódź Dvořák Šťastný İstanbul Győr Kraków\n"))
    assert not loaded.warnings


def test_font_coverage_read_without_qt_matches_the_font():
    from kiosk.deck import glyphs

    coverage = glyphs.shipped()
    assert "南" in coverage and "汊" in coverage and "A" in coverage and "。" in coverage
    assert "𠀀" not in coverage
    assert 21000 < len(coverage) < 24000  # (the CJK Unified Ideographs, Latin, Greek...)


def test_two_slides_of_one_id_are_an_error(write_deck):
    path = write_deck("title: T\nslides:\n  - {type: title, title: A, id: dup}\n"
                      "  - {type: title, title: B}\n  - {type: title, title: C, id: dup}\n")
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert [str(p).split(":", 1)[1] for p in caught.value.problems] == [
        "5:33: id 'dup' is slide 1's already: each slide needs its own"]


def test_a_number_for_a_language_the_deck_does_not_have_is_an_error(write_deck):
    """``values: {fr: 32000}`` was dropped without a word: English showed 3.2 objects."""
    found = errors_of(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: figures\n    title: T\n"
        "    figures:\n      - {value: 3.2, unit: {zh: 万件, en: objects}, "
        "values: {fr: 32000}, label: {zh: 馆藏, en: Collection}}\n"))
    assert "7:60: 'fr' is not one of the deck's languages (zh, en)" in found


def test_a_chinese_magnitude_without_an_english_number_is_warned(write_deck):
    """3.2万件 with the English unit "objects" and no English number reads 3.2 objects."""
    loaded = load_deck(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: figures\n    title: T\n"
        "    figures:\n"
        "      - {value: 3.2, unit: {zh: 万件, en: objects}, label: {zh: 馆藏, en: A}}\n"
        "      - {value: 3.2, unit: {zh: 万件, en: objects}, values: {en: 32000}, "
        "label: {zh: 馆藏, en: B}}\n"
        "      - {value: 12, unit: {zh: 万人次, en: 10k visits}, label: {zh: 游客, en: C}}\n"
        "  - type: chart\n    title: T\n    chart:\n      kind: compare\n"
        "      before_label: A\n      after_label: B\n      scale: {en: 10000}\n"
        "      items:\n        - {label: L, before: 1, after: 2, unit: {zh: 万元, en: yuan}}\n"))
    (warning,) = loaded.warnings
    assert (warning.line, warning.column) == (7, 28)  # (the first figure's unit)
    assert "'万件' counts in 10,000s" in warning.message and "values: {en: ...}" in \
        warning.message


def test_numbers_a_check_should_question_are_warned_where_they_are_written(write_deck):
    """Trial 7: a funnel's 1100万人次 read 1,100 visits in English with no warning (a
    compare row's was warned); 5万人 with values: {en: 5000}; an English 第一; 38 at one
    dot per 4 drawn as 40."""
    loaded = load_deck(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n"
        "  - type: chart\n    title: T\n    chart:\n      kind: funnel\n      stages:\n"
        "        - {label: A, value: 1100, unit: {zh: 万人次, en: visits}}\n"
        "        - {label: B, value: 800, unit: {zh: 万人次, en: visits}}\n"
        "  - type: figures\n    title: T\n    figures:\n"
        "      - {text: {zh: 第一, en: 第一}, label: {zh: 排名, en: Rank}}\n"
        "      - {value: 5, unit: {zh: 万人, en: people}, values: {en: 5000}, label: L}\n"
        "      - {value: 5, unit: {zh: 万人, en: people}, values: {en: 50000}, label: M}\n"
        "      - {value: 9529, unit: {zh: 万延米, en: km}, values: {en: 95290}, label: K}\n"
        "  - type: chart\n    title: T\n    chart:\n      kind: network\n      groups:\n"
        "        - {label: A, count: 38, per_node: 4}\n"
        "        - {label: B, count: 40, per_node: 4}\n"))
    said = {(w.line, w.message.split(":")[0][:40]) for w in loaded.warnings}
    lines = sorted(w.line for w in loaded.warnings)
    assert lines == [9, 10, 14, 15, 23], said  # (each where it is written; 9529万延米
    # as 95,290 km is right: trial 11 was warned of it)
    messages = " | ".join(w.message for w in loaded.warnings)
    assert "'万人次' counts in 10,000s and the en unit 'visits' in ones" in messages
    assert "the en text '第一' is in Chinese characters" in messages
    assert "5万人 is 50,000人: 5,000 people is not that" in messages
    assert "38 at one dot per 4 draws 10 dots, 40" in messages


def test_a_number_given_in_an_si_unit_is_not_warned(write_deck):
    """Trial 13: 8620万千瓦 as 86.2 GW and 2350亿千瓦时 as 235 TWh were warned as wrong
    ("86,200,000 in ones"): they are the same amounts in other units."""
    loaded = load_deck(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: figures\n    title: T\n"
        "    figures:\n"
        "      - {value: 8620, unit: {zh: 万千瓦, en: GW}, values: {en: 86.2}, label: A}\n"
        "      - {value: 2350, unit: {zh: 亿千瓦时, en: TWh}, values: {en: 235}, label: B}\n"
        "      - {value: 1.2, unit: {zh: 亿吨, en: Mt}, values: {en: 120}, label: C}\n"
        "      - {value: 1.2, unit: {zh: 亿吨, en: Mt}, values: {en: 12}, label: D}\n"))
    said = [(w.line, w.message) for w in loaded.warnings]
    assert [line for line, _ in said] == [10], said
    assert "1.2亿吨 is 120,000,000吨: 12 Mt is not that" in said[0][1]


def test_a_number_given_in_an_si_unit_written_out_is_not_warned(write_deck):
    """Trial 22: 5.2亿千瓦 as 520 gigawatts, 6083万千瓦 as 60,830 megawatts and 1.83万亿
    千瓦时 as 1,830 terawatt-hours were warned as wrong, as 52,000 gigawatts was (and one
    message read "1.83e+12")."""
    loaded = load_deck(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: figures\n    title: T\n"
        "    figures:\n"
        "      - {value: 5.2, unit: {zh: 亿千瓦, en: gigawatts of wind power capacity}, "
        "values: {en: 520}, label: A}\n"
        "      - {value: 6083, unit: {zh: 万千瓦, en: megawatts}, values: {en: 60830}, "
        "label: B}\n"
        "      - {value: 1.83, unit: {zh: 万亿千瓦时, en: terawatt-hours}, values: {en: 1830}, "
        "label: C}\n"
        "      - {value: 1.83, unit: {zh: 万亿千瓦时, en: kilowatt hours}, values: {en: 1830}, "
        "label: D}\n"))
    said = [(w.line, w.message) for w in loaded.warnings]
    assert [line for line, _ in said] == [10], said
    assert said[0][1].startswith("1.83万亿千瓦时 is 1,830,000,000,000千瓦时: 1,830 kilowatt "
                                 "hours is not that"), said


def test_a_magnitude_said_in_both_units_but_not_alike_is_warned(write_deck):
    """Trial 8: 828.4亿元 with the English unit "billion yuan" read 828.4 billion (82.84
    was meant), 161.6万人 as 161.6 million people: no warning, for the English unit said
    a magnitude (it was not the same one)."""
    loaded = load_deck(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: figures\n    title: T\n"
        "    figures:\n"
        "      - {value: 828.4, unit: {zh: 亿元, en: billion yuan}, label: A}\n"
        "      - {value: 161.6, unit: {zh: 万人, en: million people}, label: B}\n"
        "      - {value: 1.74, unit: {zh: 万亿元, en: trillion yuan}, label: C}\n"
        "      - {value: 8.28, unit: {zh: 亿元, en: billion yuan}, values: {en: 0.828}, "
        "label: D}\n"))
    said = [(w.line, w.message) for w in loaded.warnings]
    assert [line for line, _ in said] == [7, 8], said
    assert "reads 10 times too large in en" in said[0][1]
    assert "reads 100 times too large in en" in said[1][1]


def test_one_comma_in_the_title_is_one_error_not_a_pile(write_deck):
    """Trial 8: an unquoted comma in the deck's title gave its error, and then one error
    for every English value, "'en' is not one of the deck's languages (zh)", though the
    deck lists [zh, en]."""
    found = errors_of(write_deck(
        "title: {zh: 瓷都, en: Jingdezhen, the Porcelain Capital}\nlanguages: [zh, en]\n"
        "slides:\n  - type: figures\n    title: T\n    figures:\n"
        "      - {value: 6, unit: {zh: 万人, en: people}, values: {en: 60000}, label: A}\n"
        "      - {value: 2, unit: {zh: 万件, en: objects}, values: {en: 20000}, label: B}\n"))
    assert len(found) == 1 and "a comma in {zh: ..., en: ...} ends a text" in found[0], found


def test_a_funnel_of_stages_in_different_units_is_warned(write_deck):
    """Trial 9: buds (个) and jin (斤) drawn to one scale, the chart footnoted as too
    narrow to draw; and a stage's 万个 was told to "give scale", which a stage refuses."""
    loaded = load_deck(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: chart\n    title: T\n"
        "    chart:\n      kind: funnel\n      stages:\n"
        "        - {label: 鲜叶, value: 8, unit: {zh: 万个, en: buds}}\n"
        "        - {label: 干茶, value: 4, unit: {zh: 斤, en: jin}}\n"))
    said = " | ".join(w.message for w in loaded.warnings)
    assert "the stages are counted in different units ('万个', '斤')" in said, said
    network = load_deck(write_deck(
        "title: T\nslides:\n  - type: chart\n    title: T\n    chart:\n"
        "      kind: network\n      groups:\n"
        "        - {label: 小, count: 3000, unit: 家, per_node: 20}\n"
        "        - {label: 大, count: 170, unit: 家}\n"))
    assert any("the groups count 1, 20 a dot" in w.message for w in network.warnings)
    assert "give the chart a scale: {en: ...}" in said, said


def test_a_line_whose_years_go_back_is_warned(write_deck):
    loaded = load_deck(write_deck(
        "title: T\nslides:\n  - type: chart\n    title: T\n    chart:\n      kind: line\n"
        "      categories: ['1978', '1990', '2024', '2023']\n"
        "      series: [{name: A, values: [1, 2, 3, 4]}]\n"))
    (warning,) = loaded.warnings
    assert (warning.line, warning.column) == (7, 44)
    assert "'2023' comes after '2024'" in warning.message
    written = load_deck(write_deck(  # (trial 23: years as readers write them, 486 BC)
        "title: T\nslides:\n  - type: chart\n    title: T\n    chart:\n      kind: line\n"
        "      categories: [前486年, 1293年, 610年]\n"
        "      series: [{name: A, values: [1, 2, 3]}]\n"))
    (warning,) = written.warnings
    assert "'610年' comes after '1293年'" in warning.message


def test_a_slide_with_an_error_still_has_its_file_checked_in_the_same_run(write_deck):
    """A missing photo was reported only once the slide's other error was fixed: a second
    run for what one could have said."""
    found = errors_of(write_deck(
        "title: T\nslides:\n  - type: image\n    src: media/harbor.jpg\n"
        "    focus: [1.2, 0.5]\n"))
    assert any(f.startswith("4:10: asset 'media/harbor.jpg' not found") for f in found), found
    assert any(f.startswith("5:13: item 1 of 'focus'") for f in found), found


def test_chinese_written_over_several_lines_reads_without_the_joins_spaces(write_deck):
    """YAML joins the lines of a folded text (``>``) with a space: the screen showed
    "关窗。 2009年起" and "贯通， 如今" (trial 12). A space between Chinese and Latin
    stays, as do English and a text on one line."""
    path = write_deck(
        "title: T\nslides:\n  - type: story\n    headline: 坚定信心 鼓足干劲\n"
        "    body:\n      zh: >-\n"
        "        二十年前，沿河居民常年关窗。\n        2009年起，沿岸步道贯通，\n"
        "        如今用上 AI 监测\n        水质\n"
        "      en: >-\n        Twenty years ago,\n        windows stayed shut.\n")
    story = load_deck(path).deck.slides[0]
    assert story.headline.neutral == "坚定信心 鼓足干劲"  # (on one line: its own space)
    body = story.body
    assert body["zh"] == "二十年前，沿河居民常年关窗。2009年起，沿岸步道贯通，如今用上 AI 监测水质"
    assert body["en"] == "Twenty years ago, windows stayed shut."


def test_a_yes_or_no_written_for_a_text_is_explained(write_deck):
    """Trial 15: ``{zh: 否, en: No}`` was "the 'en' text must be a string": YAML 1.1
    reads No as false, which nothing said."""
    (problem,) = errors_of(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: title\n"
        "    title: {zh: 否, en: No}\n"))
    assert problem.startswith("5:12: ") and "yes/no value" in problem and "quotes" in problem


@pytest.mark.parametrize(("written", "shown"), [
    ("'Firm Confidence, Full Effort' press conference", "‘Firm Confidence, Full Effort’ press "
                                                       "conference"),
    ("Nearly double 2014; among China's top ten", "Nearly double 2014; among China’s top ten"),
    ('the "Battery in the Mountains" (a nickname)', "the “Battery in the Mountains” (a nickname)"),
    ("Buildings' roofs", "Buildings’ roofs"),
    ("“Already curly” and ‘so’", "“Already curly” and ‘so’"),
    ("no quotes at all", "no quotes at all"),
])
def test_straight_quotes_are_shown_as_a_typesetter_sets_them(written, shown):
    """Trial 15: "City's", "Buildings'" on the wall as a typewriter writes them."""
    from kiosk.deck.text import typeset

    assert typeset(written) == shown


def test_a_focus_given_in_percent_is_said_as_a_share(write_deck):
    """Trial 16: ``focus: [50, 30]`` had two "must be at most 1" and no word of what was
    meant: a share, [0.5, 0.3]."""
    found = errors_of(write_deck(
        "title: T\nslides:\n  - type: title\n    title: T\n  - type: gallery\n    photos:\n"
        "      - {src: images/a.png, focus: [50, 30]}\n"))
    assert any("must be at most 1 (a share from 0 to 1: 0.5, not 50)" in f for f in found), \
        found


def test_a_focus_just_past_the_edge_is_not_read_as_a_percent(write_deck):
    """Trial 18: ``focus: [1.4, 0.5]`` was told "0.014, not 1.4": no one means that."""
    found = errors_of(write_deck(
        "title: T\nslides:\n  - type: title\n    title: T\n  - type: gallery\n    photos:\n"
        "      - {src: images/a.png, focus: [1.4, 0.5]}\n"))
    assert any("must be at most 1" in f for f in found), found
    assert not any("0.014" in f for f in found), found


def test_labels_asked_of_a_line_are_warned_of(write_deck):
    """Trial 19: ``labels: true`` on a line drew nothing and said nothing."""
    loaded = load_deck(write_deck(
        "title: T\nslides:\n  - type: chart\n    title: T\n    chart:\n      kind: line\n"
        "      labels: true\n      categories: ['2020', '2024']\n"
        "      series: [{name: s, values: [1, 2]}]\n"))
    assert [(w.line, w.column) for w in loaded.warnings
            if "'labels' writes each bar's value" in w.message] == [(7, 15)], loaded.warnings


def test_a_misspelt_language_code_is_named_once_with_the_one_meant(write_deck):
    """Trial 28: ``title: {cn: …, en: …}`` gave three warnings (no 'zh' translation,
    'cn' not a deck language, a 'cn' text in Chinese characters) and never said which
    code was meant: one warning, which says it."""
    loaded = load_deck(write_deck(
        "title: T\nlanguages: [zh, en]\nslides:\n  - type: points\n"
        "    title: {cn: 旅客发送量构成, en: Passenger trips}\n"
        "    points: [{heading: {zh: 甲, en: A}}]\n"))
    said = [str(w).split(":", 1)[1] for w in loaded.warnings]
    assert said == ["5:12: warning: language 'cn' is not one of the deck's languages "
                    "['zh', 'en'] (did you mean 'zh'?)"], said
