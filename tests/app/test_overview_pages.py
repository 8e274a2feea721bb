"""The overview of a long deck: a page of the grid at a time, its pictures made one by
one when asked for and kept within a memory cap; keys and swipes turn the pages."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPixmap

from kiosk.show.thumbnails import Thumbnails
from tests import decks


def finish_pictures(qtbot, player) -> None:
    """Let the event loop make the pictures of the page on screen (no time passes)."""
    qtbot.waitUntil(lambda: not player.overview.making, timeout=10_000)


def test_a_long_deck_shows_one_page_and_makes_only_its_pictures(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, decks.titles(300))
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    overview = player.overview.grid
    assert overview is not None
    assert overview.columns == 6 and overview.rows == 4 and overview.pages == 13
    assert len(overview.cells) == 24 and overview.visible == list(range(24))
    assert len(player.overview.thumbnails) <= 1  # opening makes none (the key's event loop turn
    # may make the first)
    finish_pictures(qtbot, player)
    assert len(player.overview.thumbnails) == 24  # the page's, and no more
    assert all(player.overview.thumbnails.get(("zh", n)) is not None for n in range(24))


def test_keys_and_swipes_turn_the_pages(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, decks.titles(300))
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    overview = player.overview.grid
    qtbot.keyClick(player.stage, Qt.Key.Key_PageDown)
    assert overview.page == 1 and overview.visible[0] == 24
    for _ in range(4):
        qtbot.keyClick(player.stage, Qt.Key.Key_Down)  # past the page's last row
    assert overview.page == 2 and overview.chosen == 24 + 4 * 6
    viewport = player.stage.viewport()
    left = player.stage.mapFromScene(QPointF(300, 540))
    right = player.stage.mapFromScene(QPointF(1600, 540))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=right)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=left)  # swipe to the left
    assert overview.page == 3 and player.stage.index == 0  # the page, not the slide
    finish_pictures(qtbot, player)
    assert all(player.overview.thumbnails.get(("zh", n)) is not None for n in overview.visible)
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    assert player.overview.grid is None and player.stage.index == overview.chosen


def test_pictures_are_kept_within_their_cap_and_dropped_with_new_content():
    store = Thumbnails(limit=3 * 384 * 216 * 4)
    for n in range(10):
        picture = QPixmap(384, 216)
        store.put(("zh", n), picture)
        assert store.bytes <= store.limit
    assert len(store) == 3
    assert store.get(("zh", 0)) is None and store.get(("zh", 9)) is not None
    store.get(("zh", 7))  # the least recently shown goes first
    store.put(("zh", 10), QPixmap(384, 216))
    assert store.get(("zh", 7)) is not None and store.get(("zh", 8)) is None
    store.clear()
    assert len(store) == 0 and store.bytes == 0


def test_the_overview_hides_the_slide_behind_it(qtbot, tmp_path):
    """Trial 17: over a light photo, the overview's backdrop let the photo's caption be
    read between its rows of pictures. The overview stands on the show's own ground."""
    from PySide6.QtGui import QColor, QImage

    white = QImage(1600, 900, QImage.Format.Format_RGB32)
    white.fill(QColor("#ffffff"))
    (tmp_path / "images").mkdir()
    white.save(str(tmp_path / "images" / "white.png"))
    photo = {"type": "image", "src": "images/white.png", "title": "White"}
    player, _ = decks.show(qtbot, tmp_path, decks.deck(photo, photo, photo))
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    finish_pictures(qtbot, player)
    grid = player.overview.grid
    image = player.stage.grab().toImage()
    gap = grid.mapRectToScene(grid.boundingRect()).bottomRight() - QPointF(4, 4)
    spot = player.stage.mapFromScene(gap)  # (a corner, away from the pictures)
    assert QColor(image.pixel(spot)) == QColor(grid.palette.background)
