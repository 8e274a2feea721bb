"""`kiosk check` on configs: known by what they hold, checked whole, with every deck they play."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT


def kiosk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(cwd / "data"))
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60, env=env)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


FOUR = """\
    title: Main
    languages: [zh, en]
    slides:
      - {type: title, title: A}
      - {type: title, title: B}
      - {type: title, title: C}
      - {type: title, title: D}
    """


def checked(folder: Path, config: str, name: str = "config.yaml"
            ) -> subprocess.CompletedProcess[str]:
    """``kiosk check`` of a config ``name`` holding ``config``, beside a deck of four
    slides at slides/main.yaml."""
    write(folder, "slides/main.yaml", FOUR)
    write(folder, name, config)
    return kiosk("check", name, cwd=folder)


def test_a_config_by_any_name_is_checked_with_every_deck_it_plays(tmp_path):
    write(tmp_path, "slides/main.yaml", FOUR)
    write(tmp_path, "slides/event.yaml", """\
        title: Event
        languages: [en]
        slides:
          - {type: title, title: E}
          - {type: title, titel: F}
        """)
    write(tmp_path, "hall-2.yaml", """\
        deck: slides/main.yaml
        kiosk: {home: 5, lock: true, exit_chord: Ctrl+Alt+X}
        languages: {default: fr, offered: [zh, de]}
        show: {menu: [1, 9]}
        schedule:
          hours: {mon: "09:00-17:00"}
          outside: 4
          decks:
            - {deck: slides/event.yaml, dates: [2026-05-16]}
            - {deck: slides/gone.yaml, days: [sun]}
        """)
    result = kiosk("check", "hall-2.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [  # the broken event deck's slides count too
        "hall-2.yaml:2:15: slide 5 does not exist: the deck of 'slides/event.yaml' has 2 "
        "slides",
        "hall-2.yaml:2:15: slide 5 does not exist: the deck of 'slides/main.yaml' has 4 "
        "slides",
        "hall-2.yaml:3:12: the default language 'fr' is not one of those offered ('zh', "
        "'de'): the show would start in a language it does not offer",
        "hall-2.yaml:3:40: language 'de' is not one of the languages ('zh', 'en') of "
        "'slides/main.yaml'",
        "hall-2.yaml:4:18: slide 9 does not exist: the deck of 'slides/event.yaml' has 2 "
        "slides",
        "hall-2.yaml:4:18: slide 9 does not exist: the deck of 'slides/main.yaml' has 4 "
        "slides",
        "hall-2.yaml:7:12: slide 4 does not exist: the deck of 'slides/event.yaml' has 2 "
        "slides",
        "hall-2.yaml:10:14: deck 'slides/gone.yaml' not found",
        "slides/event.yaml:5:5: missing key 'title' in slide 2",
        "slides/event.yaml:5:19: unknown key 'titel' in slide 2 (did you mean 'title'?)",
    ]
    assert result.stderr.strip() == ("3 files checked (hall-2.yaml, slides/main.yaml, "
                                     "slides/event.yaml): 10 errors, 0 warnings")


def test_every_mistake_of_a_config_comes_at_once(tmp_path):
    write(tmp_path, "slides/main.yaml", FOUR)
    write(tmp_path, "config.yaml", """\
        deck: slides/main.yaml
        kiosk:
          lock: true
        schedule:
          hours:
            mon: "9:00-25:00"
            tue: ["09:00-17:00", "10:00-99:00", "x"]
          exceptions:
            2026-12-25: closed
            2026-12-24: "09:00-14:61"
          display_off: xset "dpms force off
          decks:
            - {deck: ../../../etc/passwd.yaml, days: [sun]}
        """)
    result = kiosk("check", "config.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "config.yaml:3:3: a locked kiosk needs a way out for the operator: set pin_hash "
        "(made by `kiosk pin`) or exit_chord",
        "config.yaml:6:10: '9:00-25:00' is not a span such as 09:00-17:30",
        "config.yaml:7:26: '10:00-99:00' is not a span such as 09:00-17:30 (item 2 of 'tue')",
        "config.yaml:7:41: 'x' is not a span such as 09:00-17:30 (item 3 of 'tue')",
        "config.yaml:10:17: '09:00-14:61' is not a span such as 09:00-17:30",
        "config.yaml:11:16: the command cannot be split into words (No closing "
        "quotation): check its quotes",
        "config.yaml:13:14: '../../../etc/passwd.yaml': give the deck's path relative to "
        "this file, with / and without '..' (item 1 of 'decks')",
    ]


def test_a_broken_config_still_has_its_deck_checked_in_the_same_run(tmp_path):
    write(tmp_path, "slides/main.yaml", "title: M\nslides:\n  - {type: titel, title: A}\n")
    write(tmp_path, "config.yaml", "deck: slides/main.yaml\ntheme: {accent: gold}\n")
    result = kiosk("check", "config.yaml", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert any(line.startswith("config.yaml:2:") and "accent" in line for line in lines)
    assert any(line.startswith("slides/main.yaml:3:") and "titel" in line for line in lines)


def test_kiosk_flag_without_a_way_out_refuses_to_start(tmp_path):
    write(tmp_path, "slides/main.yaml", FOUR)
    write(tmp_path, "config.yaml", "deck: slides/main.yaml\n")
    result = kiosk("run", "--kiosk", cwd=tmp_path)
    assert result.returncode == 2
    assert "there would be no way out" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_lock_whose_way_out_can_never_work_is_refused(tmp_path):
    write(tmp_path, "slides/main.yaml", FOUR)
    for chord in ("Ctrl+Alt+Banana", "Shift+X", "Ctrl+Ctrl+X", "Ctrl+Shift+1"):
        write(tmp_path, "config.yaml", f"deck: slides/main.yaml\nkiosk: {{lock: true, "
                                       f"exit_chord: {chord}}}\n")
        result = kiosk("check", "config.yaml", cwd=tmp_path)
        assert result.returncode == 2, chord
        assert f"'{chord}' is not a chord the keypad-less operator can press" in result.stdout


def test_a_folder_with_nothing_to_check_is_no_pass(tmp_path):
    (tmp_path / "empty").mkdir()
    result = kiosk("check", "empty", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == "empty:1:1: no deck or config here: the folder holds no .yaml file\n"


def test_what_a_broken_config_says_well_is_checked_against_its_decks_in_the_same_run(
        tmp_path):
    write(tmp_path, "slides/main.yaml", FOUR)
    write(tmp_path, "show.yaml", """\
        deck: slides/main.yaml
        kiosk: {home: 7, loop: maybe}
        languages: {default: fr}
        theme: {accent: gold}
        schedule:
          hours: {mon: "25:00-26:00"}
          outside: 999
          decks: [{deck: missing.yaml, days: [sun]}]
        """)
    result = kiosk("check", "show.yaml", cwd=tmp_path)
    assert result.returncode == 2
    found = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert found == [
        "slide 7 does not exist: the deck of 'slides/main.yaml' has 4 slides",
        "'loop' in 'kiosk' must be true or false, not text 'maybe'",
        "language 'fr' is not one of the languages ('zh', 'en') of 'slides/main.yaml'",
        "'accent' in 'theme' must be a colour written #rrggbb or #aarrggbb, e.g. '#e8b04b'",
        "'25:00-26:00' is not a span such as 09:00-17:30",
        "slide 999 does not exist: the deck of 'slides/main.yaml' has 4 slides",
        "deck 'missing.yaml' not found",
    ]


def _check_as_nobody(paths: list[str], cwd: str, talk) -> None:  # type: ignore[no-untyped-def]
    from kiosk.check import check
    from kiosk.config import Config, Installation

    os.chdir(cwd)
    check([Path(p) for p in paths], Installation(Config(), None))  # all it imports, as root
    os.setegid(65534)
    os.seteuid(65534)
    report = check([Path(p) for p in paths], Installation(Config(), None))
    talk.send([p.message for p in report.problems])


def test_a_deck_behind_a_folder_it_may_not_enter_is_a_problem_not_a_traceback(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to act as another user")
    import multiprocessing

    with tempfile.TemporaryDirectory() as folder:  # (pytest's own is not for others)
        site = Path(folder)
        os.chmod(site, 0o755)
        write(site, "closed/deck.yaml", FOUR)
        write(site, "show.yaml", "deck: closed/deck.yaml\n")
        os.chmod(site / "closed", 0o000)
        # (a fresh interpreter: a fork of this one, whose decoder threads may hold Qt's
        # locks at that moment, can hang in the child)
        spawn = multiprocessing.get_context("spawn")
        here, there = spawn.Pipe()
        child = spawn.Process(target=_check_as_nobody,
                             args=(["closed/deck.yaml", "show.yaml"], str(site), there))
        child.start()
        assert here.poll(60), "the check did not answer"
        found = here.recv()
        child.join(timeout=60)
        os.chmod(site / "closed", 0o755)
    assert child.exitcode == 0
    assert found == ["cannot read: Permission denied",
                     "deck 'closed/deck.yaml' cannot be read: permission denied"]


def test_a_lock_without_a_way_out_is_said_beside_the_other_mistakes_of_its_section(
        tmp_path):
    result = checked(tmp_path, "deck: slides/main.yaml\n"
                               "kiosk: {lock: true, idle_timeout: 0, home: 9}\n")
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "config.yaml:2:8: a locked kiosk needs a way out for the operator: set pin_hash "
        "(made by `kiosk pin`) or exit_chord",
        "config.yaml:2:35: 'idle_timeout' in 'kiosk' must be more than 0",
        "config.yaml:2:44: slide 9 does not exist: the deck of 'slides/main.yaml' has 4 "
        "slides",
    ]


def test_a_config_named_config_yml_is_the_one_kiosk_finds(tmp_path):
    write(tmp_path, "slides/main.yaml", FOUR)
    write(tmp_path, "config.yml", "deck: slides/main.yaml\nkiosk: {home: 7}\n")
    result = kiosk("check", cwd=tmp_path)  # no path: the config kiosk would play
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "config.yml:2:15: slide 7 does not exist: the deck of 'slides/main.yaml' has 4 "
        "slides"]


def test_a_default_language_not_offered_is_refused(tmp_path):
    result = checked(tmp_path, "deck: slides/main.yaml\nlanguages: {default: zh, offered: [en]}\n")
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "config.yaml:2:12: the default language 'zh' is not one of those offered ('en'): "
        "the show would start in a language it does not offer"]


def test_every_mistake_comes_in_one_run_however_deep_and_no_mistake_is_made_up(tmp_path):
    write(tmp_path, "slides/main.yaml", FOUR)
    write(tmp_path, "config.yaml", """\
        deck: slides/main.yaml
        kiosk: {home: x, lock: true}
        languages: {offered: [zh, fr]}
        schedule:
          hours: {tue: ["09:00-12:00", "x"]}
          outside: 9
          decks:
            - {deck: ../x.yaml, days: [sat]}
            - {deck: slides/main.yaml, days: [sat, sunday]}
            - {deck: slides/gone.yaml, days: [sun]}
        """)
    write(tmp_path, "locked.yaml", """\
        deck: slides/main.yaml
        kiosk: {lock: true, pin_hash: "1234"}
        """)
    result = kiosk("check", "config.yaml", "locked.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "config.yaml:2:8: a locked kiosk needs a way out for the operator: set pin_hash "
        "(made by `kiosk pin`) or exit_chord",
        "config.yaml:2:15: 'home' in 'kiosk' must be a whole number, not text 'x'",
        "config.yaml:3:27: language 'fr' is not one of the languages ('zh', 'en') of "
        "'slides/main.yaml'",
        "config.yaml:5:32: 'x' is not a span such as 09:00-17:30 (item 2 of 'tue')",
        "config.yaml:6:12: slide 9 does not exist: the deck of 'slides/main.yaml' has 4 slides",
        "config.yaml:8:14: '../x.yaml': give the deck's path relative to this file, with / and "
        "without '..' (item 1 of 'decks')",
        "config.yaml:9:44: day 2 in item 2 of 'decks' must be one of 'mon', 'tue', 'wed', "
        "'thu', 'fri', 'sat' or 'sun', not text 'sunday' (did you mean 'sun'?)",
        "config.yaml:10:14: deck 'slides/gone.yaml' not found",  # its own line, though the
        # item before it was taken out; and a malformed pin_hash is no missing way out:
        "locked.yaml:2:31: pin_hash must be the line `kiosk pin` prints: it has the form "
        "pbkdf2_sha256$iterations$salt$hash (is it the PIN itself?)"]


def test_a_deck_path_refused_is_not_replaced_by_the_default_deck(tmp_path):
    result = checked(tmp_path, "deck: slides\\main.yaml\nkiosk: {home: 2}\n")
    assert result.returncode == 2
    assert result.stdout.splitlines() == [  # (and no "deck 'slides/nanjing.yaml' not found")
        "config.yaml:1:7: 'slides\\main.yaml' is a Windows path: give the deck's path "
        "relative to this file, with forward slashes (/)"]


def test_a_visitor_log_that_cannot_be_written_is_a_warning(tmp_path):
    (tmp_path / "logs").mkdir()
    result = checked(tmp_path, f"deck: slides/main.yaml\nrecord: {{path: {tmp_path}/logs}}\n")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"config.yaml:2:16: warning: the visitor log cannot be written: '{tmp_path}/logs' is "
        f"a folder: name a file in it, e.g. '{tmp_path}/logs/visitors.sqlite' (the show "
        "would keep its rows in memory, and lose them when it ends)"]


def test_keys_and_chords_that_would_never_work_or_close_too_easily_are_refused(tmp_path):
    result = checked(tmp_path, "deck: slides/main.yaml\n"
                               "keys: {F12: black, f12: white, Shift+5: black}\n"
                               "kiosk: {lock: true, exit_chord: Ctrl+Q}\n"
                               "schedule: {hours: {sun: '10:00-10:00'}}\n")
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "config.yaml:2:7: 'F12' and 'f12' name the same key (F12): give it once",
        "config.yaml:2:32: 'Shift+5' never comes: Shift turns that key into another sign "
        "(5 into %); name a letter or a named key",
        "config.yaml:3:33: 'Ctrl+Q' is a chord a visitor may press by habit: hold two "
        "modifiers at least, e.g. Ctrl+Alt+Shift+X",
        "config.yaml:4:25: '10:00-10:00' opens and closes at once: for the whole day write "
        "00:00-24:00"]


def test_a_key_given_twice_does_not_hide_a_misspelt_command(tmp_path):
    """Trial 34: with two entries for F12, 'blakc' was found only on the next run."""
    result = checked(tmp_path, "deck: slides/main.yaml\nkeys: {F12: blakc, f12: next}\n")
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "config.yaml:2:7: 'F12' and 'f12' name the same key (F12): give it once",
        "config.yaml:2:13: 'F12' in 'keys' must be one of 'next', 'previous', 'first', "
        "'last', 'black', 'white', 'language', 'overview', 'leave-full-screen', 'quit' or "
        "'none', not text 'blakc' (did you mean 'black'?)"]
