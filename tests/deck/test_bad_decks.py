"""Every deck in tests/data/bad/ fails ``kiosk check`` with exactly its expected message."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT

BAD = DATA / "bad"
CASES = sorted(p.name for p in BAD.glob("*.yaml"))


def test_the_corpus_covers_every_kind_of_mistake():
    assert {p.removesuffix(".yaml") for p in CASES} >= {
        "syntax-error", "wrong-type", "unknown-key", "unknown-slide-type", "duplicate-key",
        "python-tag", "alias-bomb", "path-escape", "missing-asset", "non-utf8", "empty",
        "all-at-once", "limits",
    }


@pytest.mark.parametrize("name", CASES)
def test_bad_deck_exits_2_with_its_message(name):
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--config", str(ROOT / "config.yaml"), name],
        cwd=BAD, capture_output=True, text=True, timeout=60,
    )
    expected = (BAD / name.replace(".yaml", ".expected")).read_text("utf-8")
    assert result.returncode == 2, result.stderr
    assert result.stdout == expected
    assert "Traceback" not in result.stderr
    for line in result.stdout.splitlines():
        path, line_no, column, message = line.split(":", 3)
        assert path == name and int(line_no) >= 1 and int(column) >= 1 and message.strip()


def test_the_readme_shows_what_check_prints():
    readme = (ROOT / "README.md").read_text("utf-8")
    (args, printed), = re.findall(r"\$ cd tests/data/bad && kiosk check (.*?)\n(.*?)```",
                                  readme, flags=re.S)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--config", str(ROOT / "config.yaml"),
         *args.split()], cwd=BAD, capture_output=True, text=True, timeout=60,
    )
    assert result.stdout + result.stderr == printed


def test_a_text_starting_in_italics_unquoted_is_told_how_to_write_it(tmp_path, capsys):
    """An asterisk starts a YAML alias: "caption: *Teinopalpus aureus*, …" is not a
    text in italics until it is quoted; check says so at its line."""
    from kiosk.cli import main

    deck = tmp_path / "deck.yaml"
    deck.write_text("title: T\nslides:\n  - type: title\n"
                    "    title: *Teinopalpus aureus*, a butterfly\n", encoding="utf-8")
    assert main(["check", str(deck)]) == 2
    said = capsys.readouterr().out
    assert f"{deck}:4:12: alias *Teinopalpus refers to no finished anchor" in said
    assert '"*Teinopalpus aureus*, a butterfly"' in said


def test_a_text_whose_closing_quote_is_left_out_is_said_where_it_opens(tmp_path, capsys):
    """Trial 23: en: "The Suzhou–Jiaxing stretch…} without its closing quote was said at
    the next line, "did not find expected ',' or '}'", where the next text's quote closed
    it."""
    from kiosk.cli import main

    deck = tmp_path / "deck.yaml"
    deck.write_text(
        "title: T\nslides:\n  - type: title\n"
        "    title: {zh: 苏州至嘉兴段全景, en: \"The Suzhou stretch, from 12 photographs}\n"
        "    subtitle: {zh: 摄影：李华, en: \"Photo: Li Hua\"}\n", encoding="utf-8")
    assert main(["check", str(deck)]) == 2
    said = capsys.readouterr().out
    assert f"{deck}:4:31: YAML syntax error: the quotes begun here are not closed" in said
