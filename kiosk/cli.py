"""The ``kiosk`` command line. Qt is imported only by the commands that draw."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__

if TYPE_CHECKING:
    from kiosk.config import Installation
    from kiosk.deck.load import LoadedDeck

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70
COMMANDS = ("run", "check", "schema", "pin", "stats", "export", "preview", "init")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Play a slide deck written in YAML full screen, for exhibition "
                    "kiosks, presenters and unattended loops. With no command, plays "
                    "the show ('kiosk run').",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="play the show (the default command)")
    run.add_argument("--config", type=Path, help="config.yaml to use "
                     "(default: ./config.yaml, else the bundled one)")
    run.add_argument("--deck", type=Path, help="deck file to play instead of the config's")
    run.add_argument("--screen", help="screen index or name to show on")
    run.add_argument("--windowed", action="store_true", help="a normal window, for authoring")
    run.add_argument("--kiosk", action="store_true", help="lock the show against closing")
    run.add_argument("--presenter", action="store_true",
                     help="a presenter console (notes, next slide, timer) on another screen; "
                          "no loop, idle return, opening hours or visitor log")
    run.add_argument("--at", metavar="'YYYY-MM-DD HH:MM'",
                     help="start the show's clock at this local time (to try opening hours "
                          "and scheduled decks)")

    check = sub.add_parser("check", help="validate decks and configs; exit 2 on errors")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="deck files, config.yaml files or folders (default: the "
                            "config in use and its deck)")
    check.add_argument("--config", type=Path, help="config whose assets/ decks may use")
    check.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    init = sub.add_parser("init", help="a new show folder: config.yaml, a deck with one slide "
                                       "of each type, and the schemas editors complete from")
    init.add_argument("folder", type=Path, metavar="DIR", help="the folder to make")

    schema = sub.add_parser("schema", help="print the JSON Schema of decks or configs")
    schema.add_argument("which", nargs="?", choices=("deck", "config"), default="deck")

    preview = sub.add_parser("preview", help="author's window: redraws the deck on every "
                                             "save, on the same slide, errors shown on it")
    preview.add_argument("deck", type=Path, metavar="PATH", help="the deck being written")
    preview.add_argument("--config", type=Path, help="config.yaml (theme, design size)")

    export = sub.add_parser("export", help="write every slide, in its final state, as PNG "
                                           "files or one PDF")
    export.add_argument("deck", nargs="?", type=Path, metavar="DECK",
                        help="deck to export (default: the config's)")
    export.add_argument("--out", type=Path, required=True,
                        help="folder to write into, or the file (a name ending .pdf: a PDF)")
    export.add_argument("--format", choices=("png", "pdf", "sheet"), default=None,
                        help="png (the default), pdf, or sheet: every slide on one PNG, "
                             "numbered, for a review")
    export.add_argument("--size", default=None, help="PNG size WxH (default: design size)")
    export.add_argument("--lang", help="language (default: the deck's default)")
    export.add_argument("--config", type=Path, help="config.yaml (theme, design size)")
    export.add_argument("--deck", dest="deck_option", type=Path, help=argparse.SUPPRESS)

    stats = sub.add_parser("stats", help="views and mean dwell per slide, sessions per day")
    stats.add_argument("--since", help="from this day on (YYYY-MM-DD)")
    stats.add_argument("--csv", action="store_true", help="CSV instead of a table")
    stats.add_argument("--db", type=Path, help="visitor log (default: the config's)")
    stats.add_argument("--config", type=Path, help="config.yaml naming the visitor log")

    sub.add_parser("pin", help="make the operator PIN's hash for kiosk.pin_hash in "
                               "config.yaml (asks twice; or reads one line from stdin)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS
                         and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "run")
    args = _parser().parse_args(args_list)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "schema":
            return _schema(args)
        if args.command == "pin":
            return _pin()
        if args.command == "stats":
            return _stats(args)
        if args.command == "export":
            return _export(args)
        if args.command == "preview":
            return _preview(args)
        if args.command == "init":
            return _init(args)
        return _run(args)
    except KeyboardInterrupt:
        return 130


def _check(args: argparse.Namespace) -> int:
    from kiosk.check import check
    from kiosk.config import Config, Installation, find_config
    from kiosk.deck.errors import DeckError, Severity, display_path

    try:
        installation = find_config(args.config)
        paths = args.paths or ([installation.path] if installation.path else
                               [installation.deck_path])
    except DeckError as exc:  # the config in use is broken: reported when it is what
        installation = Installation(Config(), None)  # is checked (the default, --config)
        paths = args.paths if args.paths and not args.config else [
            *args.paths, exc.problems[0].path]
    report = check(paths, installation)
    shown = [p for p in report.problems
             if not args.quiet or p.severity is Severity.ERROR]
    _print_problems(shown)
    files = len(report.files)
    named = ", ".join(str(display_path(p)) for p in report.files) if files <= 5 else ""
    summary = (f"{files} file{'s' * (files != 1)} checked{f' ({named})' if named else ''}: "
               f"{report.errors} error"
               f"{'s' * (report.errors != 1)}, {report.warnings} warning"
               f"{'s' * (report.warnings != 1)}")
    print(summary, file=sys.stderr)
    return EXIT_BAD_INPUT if report.errors else EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from kiosk.starter import FolderInUseError, init

    try:
        written = init(args.folder)
    except (FolderInUseError, OSError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for path in written:
        print(path)
    print(f"kiosk: a new show in {args.folder}: `cd {args.folder} && kiosk check`, then "
          "`kiosk preview slides/deck.yaml` while you write", file=sys.stderr)
    return EXIT_OK


def _print_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        print(problem)


def _installation(config: Path | None) -> Installation | None:
    """The config in use (``config``, ./config.yaml or the bundled one); None, with its
    problems printed, when it cannot be read."""
    from kiosk.config import find_config
    from kiosk.deck.errors import DeckError

    try:
        return find_config(config)
    except DeckError as exc:
        _print_problems(exc.problems)
        return None


def _open(config: Path | None, deck: Path | None, *, strict_assets: bool = True
          ) -> tuple[Installation, LoadedDeck] | None:
    """The config in use and ``deck`` (the config's own when None), loaded; None, with
    the problems printed, when they cannot be."""
    from kiosk.deck.errors import DeckError
    from kiosk.deck.load import load_deck

    installation = _installation(config)
    if installation is None:
        return None
    try:
        return installation, load_deck(deck or installation.deck_path,
                                       installation.asset_roots, strict_assets=strict_assets)
    except DeckError as exc:
        _print_problems(exc.problems)
        return None


def _preview(args: argparse.Namespace) -> int:
    opened = _open(args.config, args.deck, strict_assets=False)
    if opened is None:
        return EXIT_BAD_INPUT
    from kiosk.app.main import play
    from kiosk.app.options import PlayOptions

    return play(*opened, PlayOptions(windowed=True, preview=True))


def _export(args: argparse.Namespace) -> int:
    import os

    deck = args.deck or args.deck_option
    opened = _open(args.config, deck)
    if opened is None:
        return EXIT_BAD_INPUT
    installation, loaded = opened
    config = installation.config
    if args.lang and args.lang not in loaded.deck.languages:
        print(f"kiosk: the deck has no language {args.lang!r} (it has "
              f"{', '.join(loaded.deck.languages)})", file=sys.stderr)
        return EXIT_BAD_INPUT
    size = config.display.design_size
    if args.size:
        try:
            width, height = (int(v) for v in args.size.lower().split("x"))
            if not (16 <= width <= 16384 and 16 <= height <= 16384):
                raise ValueError
            size = (width, height)
        except ValueError:
            print(f"kiosk: --size {args.size!r} is not a size such as 1920x1080",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # export needs no screen
    from PySide6.QtWidgets import QApplication

    from kiosk import export
    from kiosk.show import fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    fonts.register()
    try:
        stem = f"{loaded.path.stem}-{args.lang or loaded.deck.default_language}"  # (in
        # every language, as the PNGs are named: deck-zh.pdf beside deck-en.pdf)
        kind = args.format or ("pdf" if args.out.suffix.lower() == ".pdf" else "png")
        named = args.out.suffix.lower() in (".pdf", ".png")  # (a file, not a folder)
        if kind == "pdf":
            done = export.export_pdf(loaded, config, args.out if named
                                     else args.out / f"{stem}.pdf", args.lang)
        elif kind == "sheet":
            done = export.export_sheet(loaded, config, args.out if named
                                       else args.out / f"{stem}-sheet.png", args.lang)
        else:  # (named with their language with or without --lang: 03-zh.png)
            done = export.export_png(loaded, config, args.out, size,
                                     args.lang or loaded.deck.default_language)
    except OSError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    del app
    counted = f"{done.slides} slide{'s' * (done.slides != 1)}" + (  # (a gallery's photos,
        f" ({done.pictures} {'pages' if kind == 'pdf' else 'pictures'})"  # a page each: 24
        if done.pictures != done.slides else "")  # slides in 27 pages; 1 slide, not 1 slides)
    print(f"{counted} written to {', '.join(str(f) for f in done.files[:1])}"
          + (f" … {done.files[-1].name}" if len(done.files) > 1 else ""), file=sys.stderr)
    for fault in done.faults:  # drawn as "cannot be shown": a fault of ours, not the deck's
        print(f"kiosk: {fault}", file=sys.stderr)
    return EXIT_INTERNAL if done.faults else EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    import datetime as dt
    import sqlite3

    from kiosk.record import stats
    from kiosk.record.log import log_path

    path = args.db
    if path is None:
        installation = _installation(args.config)
        if installation is None:
            return EXIT_BAD_INPUT
        path = log_path(installation.config.record.path)
    since = None
    if args.since:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            print(f"kiosk: --since {args.since!r} is not a date such as 2026-05-16",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
    if not path.exists():
        print(f"kiosk: no visitor log at {path} yet", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        result = stats.read(path, since)
    except sqlite3.Error as exc:
        print(f"kiosk: cannot read the visitor log {path}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if result.empty:  # the CSV still gets its headers
        message = f"no visits recorded {f'since {since}' if since else 'yet'} in {path}"
        if not args.csv:
            print(message)
            return EXIT_OK
        print(f"kiosk: {message}", file=sys.stderr)
    print(stats.as_csv(result) if args.csv else stats.as_text(result), end="\n" * (not args.csv))
    return EXIT_OK


def _pin() -> int:
    import getpass

    from kiosk.pin import hash_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("Operator PIN (4 to 12 digits): ")
        if getpass.getpass("Again: ") != pin:
            print("kiosk: the two PINs differ", file=sys.stderr)
            return EXIT_BAD_INPUT
    else:
        pin = sys.stdin.readline().strip()
    try:
        hashed = hash_pin(pin)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("# under kiosk: in config.yaml")
    print(f"pin_hash: {hashed}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    if args.which == "config":
        from kiosk.config import config_json_schema

        schema = config_json_schema()
    else:
        from kiosk.deck.model import model_json_schema

        schema = model_json_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    opened = _open(args.config, args.deck, strict_assets=False)
    if opened is None:
        return EXIT_BAD_INPUT
    installation, loaded = opened
    policy = installation.config.kiosk
    if args.kiosk and not (policy.pin_hash or policy.exit_chord):
        where = installation.path or "the built-in config"
        print(f"kiosk: --kiosk locks the show, but {where} sets neither kiosk.pin_hash "
              "(made by `kiosk pin`) nor kiosk.exit_chord: there would be no way out",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    at = None
    if args.at:
        import datetime as dt

        try:
            at = dt.datetime.fromisoformat(args.at).timestamp()
        except ValueError:
            print(f"kiosk: --at {args.at!r} is not a time such as '2026-05-16 10:00'",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
    from kiosk.app.main import play
    from kiosk.app.options import PlayOptions

    return play(installation, loaded, PlayOptions(
        screen=args.screen, windowed=args.windowed, kiosk=args.kiosk, presenter=args.presenter,
        at=at))
