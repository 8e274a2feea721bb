"""The command line as a user meets it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import main
from kiosk.config import config_json_schema
from kiosk.deck.model import SLIDE_TYPES, model_json_schema
from tests import decks
from tests.conftest import ROOT


def kiosk(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_check_passes_on_a_deck_of_every_slide_type_and_its_config(tmp_path):
    decks.write(tmp_path / "slides", decks.every_type(), name="show.yaml")
    (tmp_path / "config.yaml").write_text("deck: slides/show.yaml\n", encoding="utf-8")
    result = kiosk("check", "slides/", "config.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "0 errors" in result.stderr


def test_check_without_paths_checks_the_config_in_use(tmp_path):
    decks.write(tmp_path, decks.titles(2), name="show.yaml")
    (tmp_path / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = kiosk("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "2 files checked" in result.stderr  # ./config.yaml and the deck it names
    (tmp_path / "show.yaml").write_text("title: T\nslides: []\n", encoding="utf-8")
    result = kiosk("check", cwd=tmp_path)
    assert result.returncode == 2 and "show.yaml:2:9:" in result.stdout


def test_check_reports_every_file_and_exits_2(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("title: A\nslides:\n  - type: title\n    titel: x\n")
    (tmp_path / "b.yaml").write_text("title: B\nslides: []\n")
    (tmp_path / "ok.yaml").write_text("title: C\nslides:\n  - type: title\n    title: x\n")
    assert main(["check", str(tmp_path)]) == 2
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert any(line.endswith("a.yaml:3:5: missing key 'title' in slide 1") for line in lines)
    assert any("a.yaml:4:5: unknown key 'titel' in slide 1 (did you mean 'title'?)" in line
               for line in lines)
    assert any("b.yaml:2:9: 'slides' must hold 1 to 10,000 slides, not 0" in line
               for line in lines)
    assert "3 files checked (" in out.err and "): 3 errors" in out.err


def test_warnings_alone_exit_0(tmp_path, capsys):
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: T\nlanguages: [zh, en]\nslides:\n  - type: title\n"
                    "    title: {zh: 你好}\n", encoding="utf-8")
    assert main(["check", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "deck.yaml:5:12: warning: 'title' in slide 1 has no 'en' translation" in out
    assert main(["check", "-q", str(deck)]) == 0
    assert capsys.readouterr().out == ""


def test_check_warns_of_text_the_screen_cannot_show_readably_at_its_line(tmp_path, capsys):
    long = "一段很长很长的说明文字" * 12
    deck = decks.write(tmp_path, decks.deck(decks.figures_slide(
        decks.figure(12, label=decks.both(long, "Short")), decks.figure(3))))
    line = next(n for n, text in enumerate(deck.read_text("utf-8").splitlines(), 1)
                if long in text)
    assert main(["check", str(deck)]) == 0  # (a warning: the show plays it, cut short)
    out = capsys.readouterr().out
    assert f"deck.yaml:{line}:" in out
    assert "slide 1 in 'zh' at 1920x1080: “一段很长很长的说明文字" in out
    assert "is cut short: it does not fit its room at a size read at 2 m" in out
    assert "in 'en'" not in out  # the English label fits
    portrait = tmp_path / "config.yaml"
    portrait.write_text("deck: deck.yaml\ndisplay: {design_size: [1080, 1920]}\n", "utf-8")
    assert main(["check", str(portrait)]) == 0
    assert "at 1080x1920: “一段很长" in capsys.readouterr().out  # the config's screen


def test_check_refuses_a_deck_whose_slide_kiosk_cannot_build(tmp_path, capsys, monkeypatch):
    """A slide that raised while being built (a fault of ours) passed check with 0 errors;
    the show then went on without it, and export said so only then."""
    from kiosk.show.slides.figures import FiguresView

    def broken(self):
        raise AttributeError("'FigureNumber' object has no attribute 'lines'")

    monkeypatch.setattr(FiguresView, "build", broken)
    deck = decks.write(tmp_path, decks.deck(decks.title_slide(), decks.figures_slide()))
    line = next(n for n, text in enumerate(deck.read_text("utf-8").splitlines(), 1)
                if "type: figures" in text)
    assert main(["check", str(deck)]) == 2
    out = capsys.readouterr().out
    assert f"deck.yaml:{line}:" in out and "slide 2 cannot be shown in 'zh'" in out
    assert "AttributeError" in out and "please report it" in out


def test_a_deck_two_configs_play_is_checked_on_each_ones_screen(tmp_path, capsys):
    """Trial 8: `check portrait.yaml scale.yaml` looked at the shared deck on the first
    config's screen only: the other's warnings were lost, and the order changed them."""
    long = "一段很长很长的说明文字" * 12
    decks.write(tmp_path, decks.deck(decks.figures_slide(
        decks.figure(12, label=decks.both(long, "Short")), decks.figure(3))))
    (tmp_path / "portrait.yaml").write_text(
        "deck: deck.yaml\ndisplay: {design_size: [1080, 1920]}\n", "utf-8")
    (tmp_path / "scale.yaml").write_text("deck: deck.yaml\ntheme: {type_scale: 1.3}\n",
                                         "utf-8")
    said = []
    for order in (("portrait.yaml", "scale.yaml"), ("scale.yaml", "portrait.yaml")):
        assert main(["check", *(str(tmp_path / name) for name in order)]) == 0
        out = capsys.readouterr().out
        assert "at 1080x1920:" in out and "at 1920x1080, type scale 1.3:" in out, out
        said.append(sorted(out.splitlines()))
    assert said[0] == said[1]  # (the same, in either order)


def test_a_config_is_checked_with_its_deck(tmp_path, capsys):
    (tmp_path / "config.yaml").write_text("deck: show.yaml\ndisplay:\n  screen: 0\n  safe: 1\n")
    (tmp_path / "show.yaml").write_text("title: T\nslides:\n  - type: nope\n")
    assert main(["check", str(tmp_path / "config.yaml")]) == 2
    out = capsys.readouterr().out
    assert "config.yaml:4:3: unknown key 'safe'" in out
    (tmp_path / "config.yaml").write_text("deck: show.yaml\n")
    assert main(["check", str(tmp_path / "config.yaml")]) == 2
    assert "show.yaml:3:11: unknown slide type 'nope'" in capsys.readouterr().out


def test_a_config_s_list_too_short_is_an_error_beside_its_others(tmp_path, capsys):
    """Trial 32: design_size: [1080] ended check with a traceback (IndexError), the
    file's other mistakes unsaid."""
    (tmp_path / "show.yaml").write_text("title: T\nslides:\n  - type: title\n    title: x\n")
    (tmp_path / "config.yaml").write_text(
        "deck: show.yaml\ndisplay: {design_size: [1080]}\nkiosk: {idle_timeout: -5}\n")
    assert main(["check", str(tmp_path / "config.yaml")]) == 2
    out = capsys.readouterr().out
    assert "config.yaml:2:24: 'design_size' in 'display' must hold 2 numbers" in out, out
    assert "config.yaml:3:23: 'idle_timeout' in 'kiosk' must be more than 0" in out, out


def test_check_says_a_slide_drawn_under_the_default_type_scale_as_it_is(tmp_path, capsys):
    """Trial 33: at type scale 1.3 a slide drawn at 0.6 was said to be drawn "as at the
    default type scale (0.6)": the default is 1."""
    body = "一位毕业于南京高校的青年创立了服务品牌，" * 30
    deck = decks.write(tmp_path, decks.deck(decks.story_slide(body=decks.both(body, body))))
    (tmp_path / "config.yaml").write_text(
        f"deck: {deck.name}\ntheme: {{type_scale: 1.3}}\n")
    main(["check", str(tmp_path / "config.yaml")])
    out = [line for line in capsys.readouterr().out.splitlines() if "type scale" in line]
    assert out and all("as at the default type scale (" not in line for line in out), out
    assert any("under the default's 1, not at 1.3" in line for line in out), out


def test_config_naming_a_missing_deck(tmp_path, capsys):
    (tmp_path / "config.yaml").write_text("deck: gone.yaml\n")
    assert main(["check", str(tmp_path / "config.yaml")]) == 2
    assert "config.yaml:1:7: deck 'gone.yaml' not found" in capsys.readouterr().out


def test_run_with_a_broken_deck_exits_2_without_a_window(tmp_path):
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: T\nslides:\n  - type: title\n    title: [\n")
    result = kiosk("--deck", str(deck))
    assert result.returncode == 2
    assert "deck.yaml:" in result.stdout and "YAML syntax error" in result.stdout
    assert "Traceback" not in result.stderr


def test_missing_file_is_a_clean_error():
    result = kiosk("check", "no/such/deck.yaml")
    assert result.returncode == 2
    assert result.stdout.strip() == "no/such/deck.yaml:1:1: no such file"


def test_version_and_help():
    assert kiosk("--version").stdout.strip() == f"kiosk {__version__}"
    helped = kiosk("--help")
    assert helped.returncode == 0
    for command in ("run", "check", "schema"):
        assert command in helped.stdout


@pytest.mark.parametrize(("which", "schema", "committed"), [
    ("deck", model_json_schema, "slides/deck.schema.json"),
    ("config", config_json_schema, "slides/config.schema.json"),
])
def test_committed_schema_is_current(which, schema, committed, capsys):
    assert main(["schema", which]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == schema()
    on_disk = json.loads((ROOT / committed).read_text("utf-8"))
    assert on_disk == printed, f"run: kiosk schema {which} > {committed}"


@pytest.mark.parametrize("language", [None, "en"], ids=["zh-en", "en"])
def test_schema_validates_a_deck_of_every_slide_type(language):
    import jsonschema

    schema = json.loads((ROOT / "slides" / "deck.schema.json").read_text("utf-8"))
    deck = decks.every_type(source=decks.both("来源", "Source"))
    deck = decks.only(language, deck) if language else deck
    jsonschema.Draft202012Validator(schema).validate(deck)
    bad = dict(deck, slides=[{"type": "title", "titel": "x"}])
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_pin_subcommand_prints_a_hash_that_checks(tmp_path):
    from kiosk.pin import check_pin

    result = subprocess.run([sys.executable, "-m", "kiosk", "pin"], input="135790\n",
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    line = result.stdout.splitlines()[-1]
    assert line.startswith("pin_hash: ") and "135790" not in line
    assert check_pin("135790", line.removeprefix("pin_hash: "))
    bad = subprocess.run([sys.executable, "-m", "kiosk", "pin"], input="12\n", cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "4 to 12 digits" in bad.stderr


def test_stats_from_a_visitor_log(tmp_path):
    from kiosk.record.log import VisitorLog

    log = VisitorLog(tmp_path / "v.sqlite")
    log.slide_shown(1_780_000_000.0, 0, "title", "start", "zh")
    log.session_started(1_780_000_005.0)
    log.slide_shown(1_780_000_005.0, 3, None, "touch", "zh")
    log.close(1_780_000_025.0)
    result = kiosk("stats", "--db", str(tmp_path / "v.sqlite"), "--csv")
    assert result.returncode == 0, result.stderr
    assert "4,,1,1,20.00," in result.stdout.splitlines()
    table = kiosk("stats", "--db", str(tmp_path / "v.sqlite"), "--since", "2020-01-01")
    assert "title" in table.stdout and "sessions" in table.stdout
    later = kiosk("stats", "--db", str(tmp_path / "v.sqlite"), "--since", "2099-01-01")
    assert later.returncode == 0
    assert later.stdout == f"no visits recorded since 2099-01-01 in {tmp_path / 'v.sqlite'}\n"
    assert kiosk("stats", "--db", str(tmp_path / "none.sqlite")).returncode == 2
    assert kiosk("stats", "--db", str(tmp_path / "v.sqlite"), "--since", "May").returncode == 2


def test_stats_on_an_empty_log_says_so(tmp_path):
    from kiosk.record.log import VisitorLog

    (tmp_path / "zero.sqlite").write_bytes(b"")  # left by an older version on a full disk
    VisitorLog(tmp_path / "fresh.sqlite").close(1_780_000_000.0)  # tables, no rows
    for name in ("zero.sqlite", "fresh.sqlite"):
        result = kiosk("stats", "--db", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"no visits recorded yet in {tmp_path / name}\n"
    as_csv = kiosk("stats", "--db", str(tmp_path / "fresh.sqlite"), "--csv")
    assert as_csv.returncode == 0
    assert as_csv.stdout.splitlines()[0] == "slide,id,views,by_visitors,mean_dwell_s,deck"
    assert as_csv.stderr.startswith("kiosk: no visits recorded yet")


def test_stats_on_a_file_that_is_no_database_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "notes.sqlite").write_text("shopping list\n" * 200)
    result = kiosk("stats", "--db", str(tmp_path / "notes.sqlite"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"kiosk: cannot read the visitor log {tmp_path / 'notes.sqlite'}: "
        "file is not a database"]


def test_a_start_time_not_understood_is_said_without_a_window(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kiosk", "run", "--at", "tomorrow"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "--at 'tomorrow' is not a time such as '2026-05-16 10:00'" in result.stderr


def test_init_makes_a_show_that_checks_and_plays_outside_the_repo(tmp_path):
    folder = tmp_path / "my show"
    made = subprocess.run([sys.executable, "-m", "kiosk", "init", str(folder)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file()) == ["config.schema.json", "config.yaml",
                                      "slides/clip.mp4", "slides/deck.schema.json",
                                      "slides/deck.yaml", "slides/pages.pdf",
                                      "slides/photo-2.png", "slides/photo.png"]
    checked = subprocess.run([sys.executable, "-m", "kiosk", "check"], cwd=folder,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout == ""
    assert checked.stderr.strip() == ("2 files checked (config.yaml, slides/deck.yaml): "
                                      "0 errors, 0 warnings")
    deck = (folder / "slides" / "deck.yaml").read_text("utf-8")
    assert deck.startswith("# yaml-language-server: $schema=deck.schema.json")
    schema = json.loads((folder / "slides" / "deck.schema.json").read_text("utf-8"))
    assert schema == model_json_schema()  # what an editor completes from, beside the deck
    from kiosk.deck.load import load_deck

    types = [s.type for s in load_deck(folder / "slides" / "deck.yaml").deck.slides]
    assert sorted(types) == sorted(SLIDE_TYPES)  # one of each, both languages
    again = subprocess.run([sys.executable, "-m", "kiosk", "init", str(folder)],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "overwrites nothing" in again.stderr


def test_the_starter_teaches_english_numbers_in_words_a_visitor_reads(qapp, tmp_path):
    """The starter's compare wrote its 万元 as "10k yuan": 3.7 10k yuan on the English
    screen, the way a new author then copies (trial 12)."""
    from kiosk.config import Config
    from kiosk.deck.load import load_deck
    from kiosk.show.charts.base import CountLabel
    from kiosk.show.render import render_slide
    from tests.show.test_charts import chart_of

    assert main(["init", str(tmp_path / "show")]) == 0
    loaded = load_deck(tmp_path / "show" / "slides" / "deck.yaml")
    at = next(n for n, slide in enumerate(loaded.deck.slides)
              if getattr(getattr(slide, "chart", None), "kind", None) == "compare")
    _image, view = render_slide(loaded, Config(), at, (1920, 1080), "en")
    said = {item.final for item in chart_of(view).childItems()
            if isinstance(item, CountLabel)}
    assert {"37,000 yuan", "72,000 yuan"} <= said, said


def test_check_warns_once_of_a_text_every_slide_shares(tmp_path, capsys):
    source = "来源：" + "一段很长很长的来源说明" * 60  # (longer than four lines across)
    deck = decks.write(tmp_path, decks.deck(*(decks.figures_slide(title=f"第{n}页")
                                              for n in range(12)), source=source))
    assert main(["check", str(deck)]) == 0
    out = [line for line in capsys.readouterr().out.splitlines() if "in 'zh'" in line]
    assert len(out) == 1, out  # not twelve times
    assert "deck.yaml:8:9: warning: slides 1-12 in 'zh' at 1920x1080: “来源：" in out[0]
    assert "is cut short" in out[0]


def test_check_warns_of_a_waffle_whose_cells_count_nothing_named(tmp_path, capsys):
    """Trial 25: a waffle of 1,249 porpoises, four to a cell, with no unit said "每格代表4"
    (each cell: 4 of what?)."""
    waffle = {"kind": "proportion", "style": "waffle",
              "total": {"label": "总数", "value": 1249},
              "parts": [{"label": "保护区内", "value": 832},
                        {"label": "保护区外", "value": 417}]}
    named = {**waffle, "unit": decks.both("头", "porpoises")}
    hundred = {**waffle, "total": {"label": "总数", "value": 100},
               "parts": [{"label": "甲", "value": 60}, {"label": "乙", "value": 40}]}
    deck = decks.write(tmp_path, decks.deck(decks.chart_slide(waffle),
                                            decks.chart_slide(named),
                                            decks.chart_slide(hundred)))
    assert main(["check", str(deck)]) == 0
    out = [line for line in capsys.readouterr().out.splitlines()
           if "a cell of this waffle" in line]
    assert len(out) == 1 and "stands for 4, said without a unit" in out[0], out
    assert ":14:5: warning:" in out[0]  # (at the chart's first line)


def test_check_warns_of_a_funnel_that_widens(tmp_path, capsys):
    funnel = {"kind": "funnel", "stages": [{"label": "a", "value": 100},
                                           {"label": "b", "value": 250},
                                           {"label": "c", "value": 1}]}
    deck = decks.write(tmp_path, decks.deck(decks.chart_slide(funnel)))
    line = next(n for n, text in enumerate(deck.read_text("utf-8").splitlines(), 1)
                if "250" in text)
    assert main(["check", str(deck)]) == 0
    out = capsys.readouterr().out
    assert f"deck.yaml:{line}:" in out and "stage 2 (250) is more than stage 1 (100)" in out
    assert "stage 3" not in out
