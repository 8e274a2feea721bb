"""The default deck itself: the show the project ships.

These tests are about its content and nothing else: it says what the article says, every
slide draws inside the stage in both languages and on a portrait totem, `kiosk check`
passes on it, and the installed package finds it. A new default deck may change them;
no other test leans on it (they build their decks with tests/decks.py).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtGui import QRawFont

from kiosk.config import find_config
from kiosk.config.sections import Display
from kiosk.deck.load import load_deck, walk
from kiosk.deck.text import Text
from kiosk.show import fonts
from kiosk.show.charts.base import CountLabel
from kiosk.show.layoutcheck import layout_problems
from kiosk.show.render import render_slide
from tests import decks
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installation():
    """The repository's config.yaml and what it names."""
    return find_config(ROOT / "config.yaml")


@pytest.fixture(scope="module")
def default_deck(installation):
    """The default deck, loaded as the show loads it (strictly: every picture there)."""
    return load_deck(installation.deck_path, installation.asset_roots)


def kiosk(*args: str, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


# --- what it says ---------------------------------------------------------------------

# The key figures of the report by 现代快报/现代+ on the press conference of 16 May, as
# the article writes them (unit and qualifier included), slide by slide, in both languages.
ARTICLE = {
    "strong-economy": (["1.74万亿元", "第一", "突破1万家", "全省第一"],
                       ["1.74 trillion yuan", "No. 1", "over 10,000 firms",
                        "No. 1 in Jiangsu"]),
    "prosperous-people": (["7.2万元", "7.6%", "6年", "14次"],
                          ["72,000 yuan", "7.6%", "6 years", "14 times"]),
    "beautiful-environment": (["81.9%", "100%", "80.3%", "5条", "294公里"],
                              ["81.9%", "100%", "80.3%", "5 crossings", "294 km"]),
    "snapshot-1": (["1500余家", "50多所"], ["over 1,500 firms", "more than 50 universities"]),
    "snapshot-2": (["近3500项", "近400项"], ["nearly 3,500 items", "nearly 400 results"]),
    "snapshot-3": (["138家", "6家", "24家"], ["138 enterprises", "6 firms", "24 firms"]),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_key_figures_are_the_articles_as_written(qapp, default_deck, installation, language):
    shown = {}
    for index, slide in enumerate(default_deck.deck.slides):
        _, view = render_slide(default_deck, installation.config, index, (960, 540), language)
        if decks.numbers(view):
            shown[slide.id] = [str(n.parts) for n in decks.numbers(view)]
    column = 0 if language == "zh" else 1
    assert shown == {slide: figures[column] for slide, figures in ARTICLE.items()}


def test_then_and_now_chart_agrees_with_the_figures_slides(qapp, default_deck, installation):
    """2014 and now: the chart shows the same numbers as 百姓富 and 环境美 (3.7 to 7.2万元,
    52.1% to 81.9%, 66.2% to 80.3%)."""
    slides = [slide.id for slide in default_deck.deck.slides]
    _, view = render_slide(default_deck, installation.config, slides.index("then-and-now"),
                           (960, 540), "zh")
    labels = sorted(item.text for item in decks.items_of(view) if isinstance(item, CountLabel))
    assert labels == sorted(["3.7万元", "7.2万元", "52.1%", "81.9%", "66.2%", "80.3%"])
    froms = {f.value: f.start for slide in default_deck.deck.slides
             for f in getattr(slide, "figures", None) or [] if f.value is not None}
    assert froms[7.2] == 3.7 and froms[81.9] == 52.1 and froms[80.3] == 66.2


def test_it_opens_on_the_press_conference_and_closes_on_its_motto(default_deck):
    slides = default_deck.deck.slides
    assert default_deck.deck.default_language == "zh" and default_deck.deck.languages == [
        "zh", "en"]
    assert slides[0].type == "title" and slides[-1].type == "closing"
    assert slides[0].notes.get("zh").startswith("5月16日，江苏省政府新闻办")
    assert slides[0].notes.get("en").startswith("On 16 May")
    assert slides[-1].title.get("zh") == "坚定信心 鼓足干劲 勇挑大梁"
    assert default_deck.deck.source.get("zh").startswith("来源：现代快报/现代+")


# --- how it draws -----------------------------------------------------------------------

@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_draws_inside_the_stage_without_overflow(qapp, default_deck,
                                                               installation, size, language):
    decks.assert_laid_out(default_deck, installation.config, size, language)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_portrait_totem_layout_stays_inside(qapp, default_deck, installation, language):
    config = installation.config.model_copy(update={
        "display": Display(design_size=(1080, 1920))})
    decks.assert_laid_out(default_deck, config, (1080, 1920), language)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_designer_would_mark_nothing_on_any_slide_in_either_language(
        qapp, default_deck, installation, size):
    """The layout audit, with the controls over each slide: no overlap, nothing outside
    the safe area, nothing below 24 px, no line break a typesetter would refuse."""
    config = installation.config.model_copy(update={"display": Display(design_size=size)})
    problems = layout_problems(default_deck, config)
    assert not problems, "\n".join(str(p) for p in problems)


def test_every_character_of_the_deck_is_in_the_shipped_font(qapp, default_deck):
    """Checked against the font file alone: system fonts must not fill the gaps."""
    texts = [s for _, text in walk(default_deck.deck, Text) for s in text.all_strings()]
    for path in (fonts.font_dir() / name for name in fonts.FILES):
        raw = QRawFont(str(path), 40)
        missing = {c for s in texts for c in s if c.isprintable() and c != " "
                   and not raw.supportsCharacter(ord(c))}
        assert not missing, path.name


# --- what the tools say about it ----------------------------------------------------------

def test_check_passes_on_the_default_deck_and_config():
    result = kiosk("check", "slides/", "config.yaml")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "0 errors" in result.stderr


def test_default_deck_names_its_schema_for_editors():
    first = (ROOT / "slides" / "nanjing.yaml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=deck.schema.json"
    first = (ROOT / "config.yaml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=slides/config.schema.json"


def test_schema_validates_the_default_deck():
    import jsonschema
    import yaml

    schema = json.loads((ROOT / "slides" / "deck.schema.json").read_text("utf-8"))
    deck = yaml.safe_load((ROOT / "slides" / "nanjing.yaml").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(deck)


def test_installed_kiosk_finds_its_bundled_deck_from_anywhere(tmp_path):
    """Outside the checkout, the installed package still has slides/, assets/, config."""
    code = ("import kiosk.resources as r, pathlib; root = r.data_root(); "
            "print(all((root / p).exists() for p in ('slides/nanjing.yaml', "
            "'assets/fonts/NotoSansSC-Kiosk-Regular.otf', 'config.yaml')))")
    found = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                           text=True, timeout=60)
    assert found.stdout.strip() == "True", found.stderr
    result = kiosk("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nanjing.yaml" not in result.stdout
    assert "2 files checked" in result.stderr  # the bundled config and its deck
