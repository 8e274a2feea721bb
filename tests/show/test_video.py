"""Video: checked by opening it, played on the show's clock, looping without a gap, a
poster in exports, a placeholder and one log line when it cannot play."""

from __future__ import annotations

import logging
import math

import pytest
from PySide6.QtGui import QColor

from kiosk.config import Config
from kiosk.deck.errors import DeckError
from kiosk.deck.load import load_deck
from kiosk.show.render import context, render_slide
from kiosk.show.slides import build_view
from kiosk.show.textbox import TextBox
from tests import decks
from tests.media import STEP, counting_clip
from tests.show.test_photos import wcag

RATE = 30


def video_slide(src="videos/count.mp4", **fields):
    return {"type": "video", "src": src, **fields}


def frame_shown(view) -> int:
    """Which frame of the counting clip the video item shows (from its grey)."""
    image = view.picture.image
    grey = QColor(image.pixel(image.width() // 2, image.height() // 2)).red()
    return round(grey / STEP)


@pytest.fixture
def counting(tmp_path):
    counting_clip(tmp_path / "videos" / "count.mp4", frames=60, rate=RATE)
    return tmp_path


def test_the_frame_shown_is_the_one_the_clock_has_reached(qapp, counting):
    loaded = decks.built(counting, decks.deck(video_slide()))
    view = build_view(loaded.deck.slides[0], context(loaded, Config(), "zh"))
    view.start(500.0)
    try:
        for seconds, frame in ((0.0, 0), (0.5, 15), (1.0, 30), (1.5, 45), (1.99, 59)):
            view.picture.step(500.0 + seconds + 1e-6, wait=True)
            assert frame_shown(view) == frame, seconds
    finally:
        view.stop()


def test_a_wide_video_on_a_totem_is_shown_whole(qapp, counting):
    """Trial 10: a 16:9 video filling a portrait totem kept the middle third of its width,
    blown up and blurred. It is shown whole there; on a wall it fills the screen."""
    cfg = decks.config(portrait=True)
    loaded = decks.built(counting, decks.deck(video_slide()), cfg)
    _, view = render_slide(loaded, cfg, 0, (540, 960), "zh")
    drawn = view.picture.target()
    assert not view.filled and drawn.width() <= 1080 and drawn.height() < 1920 / 2
    _, wall = render_slide(decks.built(counting, decks.deck(video_slide())), Config(), 0,
                           (960, 540), "zh")
    assert wall.filled


def test_the_loop_comes_round_without_a_gap(qapp, counting):
    """The frame after the last is the first again, one frame period later: no black,
    no frame held over (the players it competes with show seconds of black)."""
    loaded = decks.built(counting, decks.deck(video_slide()))
    view = build_view(loaded.deck.slides[0], context(loaded, Config(), "zh"))
    view.start(0.0)
    try:
        shown = []
        for n in range(55, 130):  # from the end of the first loop into the third
            view.picture.step(n / RATE + 1e-6, wait=True)
            shown.append(frame_shown(view))
        expected = [n % 60 for n in range(55, 130)]
        assert shown == expected
        assert view.moving  # a playing video keeps the frames coming
    finally:
        view.stop()
    assert not view.moving


def test_a_video_that_ends_the_slide_lasts_as_long_as_the_file_says(qapp, counting):
    loaded = decks.built(counting, decks.deck(video_slide(advance="end"),
                                              decks.closing_slide()))
    assert loaded.deck.slide_duration(loaded.deck.slides[0]) == pytest.approx(2.0)
    view = build_view(loaded.deck.slides[0], context(loaded, Config(), "zh"))
    view.start(0.0)
    try:
        view.picture.step(5.0, wait=True)
        assert frame_shown(view) == 59  # it stays on its last frame, not round again
    finally:
        view.stop()


@pytest.mark.parametrize(("name", "content", "said"), [
    ("empty.mp4", b"", "is empty"),
    ("notes.mp4", b"these are not moving pictures\n" * 40, "cannot be played"),
    ("clip.avi", None, "is not a video the show plays (MP4, MOV, WebM or MKV)"),
])
def test_check_opens_every_video_and_says_what_will_not_play(qapp, tmp_path, name, content,
                                                             said):
    path = tmp_path / "videos" / name
    if content is None:
        counting_clip(path, frames=6)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    deck = decks.write(tmp_path, decks.deck(decks.title_slide(), video_slide(f"videos/{name}")))
    with pytest.raises(DeckError) as raised:
        load_deck(deck)
    (problem,) = [str(p) for p in raised.value.problems if "video" in str(p)]
    assert f"video 'videos/{name}' {said}" in problem
    assert problem.startswith(f"{deck}:")  # file:line:column, at its src


def test_a_video_cut_short_is_a_placeholder_and_one_log_line(qapp, counting, caplog):
    loaded = decks.built(counting, decks.deck(video_slide(), decks.closing_slide()))
    (counting / "videos" / "count.mp4").write_bytes(b"\x00" * 100)  # broken after check
    with caplog.at_level(logging.WARNING):
        _image, view = render_slide(loaded, Config(), 0, (480, 270), "zh")
        render_slide(loaded, Config(), 0, (480, 270), "zh")
    assert view.fault is None and view.picture.image is None
    lines = [r.message for r in caplog.records if "count.mp4" in r.message]
    assert len(lines) == 1 and "placeholder" in lines[0]


def test_an_export_shows_the_poster_or_else_the_first_frame(qapp, counting):
    loaded = decks.built(counting, decks.deck(
        video_slide(), video_slide(poster="images/photo.png")))
    _first, view = render_slide(loaded, Config(), 0, (480, 270), "zh")
    assert frame_shown(view) == 0 and view.picture.source is None  # still, not playing
    poster, _ = render_slide(loaded, Config(), 1, (480, 270), "zh")
    assert QColor(poster.pixel(240, 135)).name() == "#e8b04b"  # the test picture's middle


def test_a_story_plays_its_video_beside_the_text_and_stops_it_when_left(qapp, counting):
    story = decks.story_slide(visual={"kind": "video", "src": "videos/count.mp4"})
    loaded = decks.built(counting, decks.deck(story))
    view = build_view(loaded.deck.slides[0], context(loaded, Config(), "zh"))
    (video,) = view.videos()
    assert not video.fill  # whole, in the visual's place
    view.start(10.0)
    try:
        assert view.moving
        view.step(11.0)
        video.step(11.0 + 1e-6, wait=True)
        image = video.image
        assert round(QColor(image.pixel(image.width() // 2, image.height() // 2)).red()
                     / STEP) == 30
    finally:
        view.stop()
    assert not view.moving and video.source is None


class Heard:
    """An output that notes what it was asked to play, and from where."""

    def __init__(self) -> None:
        self.played: list[tuple[str, float, float]] = []
        self.stopped = 0

    def play(self, path, volume, start=0.0) -> None:
        self.played.append((path.name, volume, start))

    def stop(self) -> None:
        self.stopped += 1


def test_a_tap_gives_a_video_its_sound_from_where_the_picture_is(qapp, qtbot, tmp_path):
    from kiosk.play.clock import FakeClock
    from kiosk.play.commands import Action, Command
    from kiosk.show import sound
    from tests.app.test_player import click

    counting_clip(tmp_path / "videos" / "count.mp4", frames=90, rate=RATE, sound=True)
    counting_clip(tmp_path / "videos" / "mute.mp4", frames=90, rate=RATE)
    heard = Heard()
    sound.use(heard)
    try:
        loaded = decks.built(tmp_path, decks.deck(
            video_slide(sound=True, duration=60), video_slide(sound=True, src=
                                                              "videos/mute.mp4"),
            video_slide(duration=60)))
        cfg = Config.model_validate({"sound": {"volume": 0.6}})
        clock = FakeClock()
        player, _ = decks.start(qtbot, loaded, cfg, clock=clock)
        clock.advance(4.0)  # 4 s into a 3 s clip: 1 s into its second loop
        player.stage.tick()
        assert heard.played == []  # muted in the loop
        click(qtbot, player, 960, 540)
        assert heard.played == [("count.mp4", 0.6, pytest.approx(1.0, abs=0.05))]
        assert player.stage.current.badge.on
        click(qtbot, player, 960, 540)  # a tap again: silent
        assert heard.stopped == 1 and not player.stage.current.badge.on
        badge = player.stage.current.badge.boundingRect().center()
        controls = player.stage.chrome.drawn()
        nearest = min(math.hypot(badge.x() - rect.center().x(), badge.y() - rect.center().y())
                      for rect in controls.values())  # (trial 6: right under the language
        assert nearest >= player.stage.current.badge.side * 1.5  # switch, two round things)
        click(qtbot, player, badge.x(), badge.y())  # the loudspeaker itself, by the edge
        assert heard.played[-1][0] == "count.mp4" and player.stage.index == 0
        click(qtbot, player, 1880, 540)  # the edge turns the page, and the sound stops
        clock.advance(1.0)  # (the transition over: the slide left)
        player.stage.tick()
        assert player.stage.index == 1 and heard.stopped == 2
        assert player.stage.current.badge is None  # (a file without sound: no badge)
        played = len(heard.played)
        click(qtbot, player, 960, 540)
        assert len(heard.played) == played
        player.show.apply(Command(Action.NEXT), "key")
        click(qtbot, player, 960, 540)  # a slide that does not offer its sound
        assert len(heard.played) == played
    finally:
        sound.use(None)


def test_a_videos_sound_track_starts_where_asked_and_comes_round_with_the_loop(tmp_path):
    import numpy as np

    from kiosk.show.sound import RATE as SOUND
    from kiosk.show.sound import sound_track
    from tests.media import loudness

    clip = counting_clip(tmp_path / "c.mp4", frames=90, rate=RATE, sound=True)

    def level(start: float, skip: float = 0.0) -> float:
        track = sound_track(clip, start)
        next(track)
        if skip:
            track.send(round(skip * SOUND))
        data = track.send(SOUND // 10)
        return float(np.abs(np.frombuffer(data, "<i2")).max()) / 32768

    early, late = level(0.5), level(2.0)
    assert late / early == pytest.approx(loudness(2.05) / loudness(0.55), rel=0.15)
    assert level(2.0, skip=1.5) == pytest.approx(level(0.5), rel=0.15)  # round again


def test_check_warns_of_sound_offered_by_a_video_without_a_sound_track(qapp, tmp_path):
    counting_clip(tmp_path / "videos" / "mute.mp4", frames=30, rate=RATE)
    loaded = decks.built(tmp_path, decks.deck(video_slide(src="videos/mute.mp4",
                                                          sound=True)))
    (warning,) = [str(w) for w in loaded.warnings if "sound" in str(w)]
    assert "has no sound track" in warning and "deck.yaml:" in warning


def test_the_volume_scales_what_the_device_is_given():
    import numpy as np

    from kiosk.show.sound import _louder

    def loud():
        frames = yield b""
        while True:
            frames = yield np.full(frames * 2, 20000, dtype=np.int16).tobytes()

    stream = loud()
    next(stream)
    quieter = _louder(stream, 0.25)
    next(quieter)
    assert set(np.frombuffer(quieter.send(8), dtype=np.int16)) == {5000}


def test_videos_are_decoded_on_a_gpu_where_there_is_one_and_the_log_says_which(
        qapp, counting, caplog, monkeypatch):
    """This machine has no GPU: the hardware decoders FFmpeg was built with are tried on
    the first video, and the log says it is decoded in software; ``software`` tries none."""
    import av
    from PySide6.QtCore import QSize

    from kiosk.show import video

    tried = []
    real_open = av.open

    def recording_open(*args, **kwargs):
        if kwargs.get("hwaccel") is not None:
            tried.append(kwargs["hwaccel"])
        return real_open(*args, **kwargs)

    monkeypatch.setattr(av, "open", recording_open)
    clip = counting / "videos" / "count.mp4"
    caplog.set_level(logging.INFO, logger="kiosk.show.video")
    try:
        video.set_decoding("software")
        assert video.hardware_for(clip) is None and tried == []
        assert "decoded in software (display.video_decoding: software)" in caplog.text
        video.set_decoding("auto")
        assert video.hardware_for(clip) is None  # (none here)
        assert tried and "no hardware decoder here (tried" in caplog.text
        again = len(tried)
        source = video.FrameSource(clip, QSize(64, 36))
        assert source.frame_at(0.5, wait=True) is not None  # (in software: it plays)
        source.stop()
        assert len(tried) == again  # (found once, for every video after)
    finally:
        video.set_decoding("software")
        video.set_decoding("auto")


def test_check_finds_a_copy_that_did_not_finish(qapp, tmp_path):
    """A fast-start MP4 (its index first) cut in half said its full length and passed the
    check; it froze on its last frame for seconds at every loop."""
    import av
    import numpy as np

    whole = tmp_path / "videos" / "whole.mp4"
    whole.parent.mkdir()
    with av.open(str(whole), "w", options={"movflags": "faststart"}) as container:
        stream = container.add_stream("libx264", rate=RATE)
        stream.width, stream.height, stream.pix_fmt = 320, 180, "yuv420p"
        noise = np.random.default_rng(1).integers(0, 255, (180, 320, 3), dtype=np.uint8)
        for n in range(150):  # (frames that cost bytes: the index a small part of it)
            frame = av.VideoFrame.from_ndarray(np.roll(noise, n, axis=1), "rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    data = whole.read_bytes()
    (tmp_path / "videos" / "half.mp4").write_bytes(data[: len(data) // 2])
    deck = decks.write(tmp_path, decks.deck(video_slide(src="videos/whole.mp4"),
                                            video_slide(src="videos/half.mp4")))
    with pytest.raises(DeckError) as raised:
        load_deck(deck)
    (problem,) = [str(p) for p in raised.value.problems]
    assert "video 'videos/half.mp4' is cut short" in problem


def test_a_missing_video_is_named_in_the_log(qapp, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    loaded = decks.built(tmp_path, decks.deck(video_slide(src="videos/gone-1.mp4"),
                                              video_slide(src="videos/gone-2.mp4")))
    for index in (0, 1):
        render_slide(loaded, Config(), index, (320, 180), "zh")
    assert "video 'videos/gone-1.mp4' is missing" in caplog.text
    assert "video 'videos/gone-2.mp4' is missing" in caplog.text


def test_a_poster_of_another_shape_than_its_video_is_never_stretched(qapp, counting):
    """A tall pagoda as the poster of a 16:9 video beside a story: squashed into the
    video's frame, a stubby block."""

    image, _view, video = _beside_a_story(counting, "tall.png", 300, 600)
    frame = video.mapRectToScene(video.target())
    red = [(x, y) for x in range(int(frame.left()), int(frame.right()), 2)
           for y in range(int(frame.top()), int(frame.bottom()), 2)
           if QColor(image.pixel(x, y)).name() == "#d03030"]
    xs, ys = [x for x, _ in red], [y for _, y in red]
    width, height = max(xs) - min(xs) + 2, max(ys) - min(ys) + 2
    assert width / height == pytest.approx(0.5, abs=0.03)  # its own shape, whole
    assert height == pytest.approx(frame.height(), abs=4)


def test_a_videos_shades_cover_no_more_of_it_than_its_words_need(qapp, counting):
    """Trial 11: a title and a caption of a line each darkened the top and bottom thirds
    of a film (a shade as dark as any frame may need, fading over a fifth of the screen).
    Past the title's line the film shows as it is."""
    from PySide6.QtGui import QImage

    poster = QImage(320, 180, QImage.Format.Format_RGB32)
    poster.fill(QColor("white"))
    (counting / "images").mkdir(exist_ok=True)
    assert poster.save(str(counting / "images" / "white.png"))
    slide = video_slide(poster="images/white.png", title="Closing the Span",
                        caption="The last steel box girder is lifted into place")
    loaded = decks.built(counting, decks.deck(slide))
    image, _view = render_slide(loaded, Config(), 0, (960, 540), "en")
    assert QColor(image.pixel(900, int(540 * 0.37))).lightness() > 240  # the film itself
    assert QColor(image.pixel(900, int(540 * 0.32))).lightness() > 180  # (a soft fade's
    # tail: one that ended at 0.3 had an edge, read as a letterbox, trials 29 and 31)
    behind = QColor(image.pixel(900, 20))  # (behind the title: white words on it at
    assert wcag(QColor("white"), behind) >= 4.5  # 4.5:1, and no darker than they need:
    assert behind.lightness() > 80  # not near-black over a third of the film, trial 28)


def test_a_videos_shades_fade_out_softly_not_as_a_letterbox(qapp, counting):
    """Trials 29 and 31: the shades under a video's title and caption were flat dark
    bands whose fade took 0.08 of the screen: they read as letterbox bars. Down the film
    from the title, its darkness eases off: no step of 10 px lightens it by much."""
    from PySide6.QtGui import QImage

    poster = QImage(320, 180, QImage.Format.Format_RGB32)
    poster.fill(QColor("white"))
    (counting / "images").mkdir(exist_ok=True)
    assert poster.save(str(counting / "images" / "white.png"))
    slide = video_slide(poster="images/white.png", title="过闸", caption="一艘货船等待水位平齐")
    loaded = decks.built(counting, decks.deck(slide))
    image, _view = render_slide(loaded, Config(), 0, (960, 540), "zh")
    column = [QColor(image.pixel(900, y)).lightness() for y in range(0, 270)]
    assert column[0] < 140 and column[-1] > 240  # (dark under the title; the film below)
    steps = [later - earlier for earlier, later in zip(column[:-10], column[10:], strict=True)]
    assert max(steps) <= 36, max(steps)


def test_a_poster_near_its_films_shape_fills_the_films_frame(qapp, counting):
    """Trial 21: a 3:2 photo as the poster of a 16:9 film stood whole in a box of
    another grey, the loudspeaker on its edge. Near the film's shape, it fills the frame."""

    image, _view, video = _beside_a_story(counting, "wide.png", 600, 400)
    frame = video.mapRectToScene(video.target()).adjusted(2, 2, -2, -2)
    corners = [frame.topLeft(), frame.topRight(), frame.bottomLeft(), frame.bottomRight(),
               frame.center()]
    assert all(QColor(image.pixel(round(p.x()), round(p.y()))).name() == "#d03030"
               for p in corners), frame


def test_a_film_beside_a_storys_words_takes_more_of_the_wall(qapp, counting):
    """Trials 24 and 25: a 16:9 film beside a story was a third of the wall, 150 px of
    nothing between it and the words. The words end at half the room, the film is
    larger, the words clear of it."""
    _image, view, video = _beside_a_story(counting, "wide.png", 1600, 900)
    frame = video.mapRectToScene(video.target())
    area = view.ctx.content
    assert frame.width() >= area.width() * 0.44, frame
    words = [t.ink_rect() for t in decks.items_of(view) if isinstance(t, TextBox) and t.text
             and t.role != "source"]
    assert words and all(w.right() < frame.left() for w in words)


def _beside_a_story(folder, name: str, width: int, height: int):
    """The counting video beside a story with a red poster of ``width`` x ``height``:
    the slide's picture, its view (kept by the caller while the video is used) and the
    video as drawn."""
    from PySide6.QtGui import QImage

    poster = QImage(width, height, QImage.Format.Format_RGB32)
    poster.fill(QColor("#d03030"))
    (folder / "images").mkdir(exist_ok=True)
    poster.save(str(folder / "images" / name))
    story = decks.story_slide(figures=[], visual={
        "kind": "video", "src": "videos/count.mp4", "poster": f"images/{name}"})
    loaded = decks.built(folder, decks.deck(story))
    image, view = render_slide(loaded, Config(), 0, (1920, 1080), "zh")
    (video,) = view.videos()
    return image, view, video
