"""Audio guides and captions: per slide and per language, timed by the slide, checked
at their own lines, stopped when the slide is left."""

from __future__ import annotations

import pytest

from kiosk.config import Config
from kiosk.deck.errors import DeckError
from kiosk.deck.load import load_deck
from kiosk.play.clock import FakeClock
from kiosk.show import sound
from kiosk.show.render import context, render_slide
from kiosk.show.slides import build_view
from tests import decks
from tests.media import tone

VTT_ZH = "WEBVTT\n\n00:00.000 --> 00:02.000\n江面上的第一班轮渡\n\n" \
         "00:02.000 --> 00:04.500\n<v 讲解员>火车由此过江</v>\n"
VTT_EN = "WEBVTT\n\n1\n00:00.000 --> 00:02.000\nThe first ferry of the day\n\n" \
         "2\n00:02.000 --> 00:04.500\n<i>Trains crossed the river here</i>\n"


class Heard:
    """An output that notes what it was asked to play."""

    def __init__(self) -> None:
        self.played: list[str] = []
        self.stopped = 0

    def play(self, path, volume) -> None:
        self.played.append(f"{path.name}@{volume}")

    def stop(self) -> None:
        self.stopped += 1


@pytest.fixture
def heard():
    output = Heard()
    sound.use(output)
    yield output
    sound.use(None)


def guided(folder, **fields):
    tone(folder / "audio" / "zh.wav")
    tone(folder / "audio" / "en.wav")
    (folder / "captions").mkdir(parents=True, exist_ok=True)
    (folder / "captions" / "zh.vtt").write_text(VTT_ZH, "utf-8")
    (folder / "captions" / "en.vtt").write_text(VTT_EN, "utf-8")
    slide = decks.title_slide(narration={"zh": "audio/zh.wav", "en": "audio/en.wav"},
                              captions={"zh": "captions/zh.vtt", "en": "captions/en.vtt"},
                              **fields)
    return decks.built(folder, decks.deck(slide, decks.closing_slide()))


@pytest.mark.parametrize(("language", "lines"), [
    ("zh", ["江面上的第一班轮渡", "火车由此过江", ""]),
    ("en", ["The first ferry of the day", "Trains crossed the river here", ""])])
def test_captions_follow_the_slides_time_in_the_visitors_language(qapp, tmp_path, language,
                                                                   lines):
    loaded = guided(tmp_path)
    view = build_view(loaded.deck.slides[0], context(loaded, Config(), language))
    view.start(50.0)
    shown = []
    for seconds in (1.0, 3.0, 5.0):
        view.step(50.0 + seconds)
        shown.append(view.captions.text)
    assert shown == lines
    assert not view.captions.isVisible()  # (after the last cue: no empty band)
    assert not view.moving  # the captions done, nothing moves


def test_the_guide_plays_with_the_slide_and_stops_when_it_is_left(qapp, qtbot, tmp_path,
                                                                   heard):
    loaded = guided(tmp_path)
    cfg = Config.model_validate({"sound": {"volume": 0.5}})
    player, _ = decks.start(qtbot, loaded, cfg, clock=FakeClock())
    assert heard.played == ["zh.wav@0.5"]
    player.stage.show_slide(1, direction=1, transition="none")
    assert heard.stopped >= 1
    player.stage.set_language("en")
    player.stage.show_slide(0, direction=-1, transition="none")
    assert heard.played[-1] == "en.wav@0.5"


def test_an_export_is_silent(qapp, tmp_path, heard):
    loaded = guided(tmp_path)
    render_slide(loaded, Config(), 0, (480, 270), "zh")
    assert heard.played == []


def test_captions_can_be_turned_off(qapp, tmp_path):
    loaded = guided(tmp_path)
    off = Config.model_validate({"sound": {"captions": False}})
    view = build_view(loaded.deck.slides[0], context(loaded, off, "zh", sound=True))
    assert view.captions is None


@pytest.mark.parametrize(("vtt", "said"), [
    ("00:00.000 --> 00:02.000\nno header\n", "1:1: a caption file starts with the line WEBVTT"),
    ("WEBVTT\n\n00:00.000 --> 2s\nx\n", "3:15: '2s' is not a time such as 00:04.500"),
    ("WEBVTT\n\n00:03.000 --> 00:02.000\nx\n", "3:15: a cue must end after it starts"),
    ("WEBVTT\n\nhello\nworld\n", "3:1: expected a cue's times, such as 00:01.000 --> 00:04.500"),
])
def test_a_caption_files_mistakes_are_said_at_its_own_lines(qapp, tmp_path, vtt, said):
    (tmp_path / "captions").mkdir()
    (tmp_path / "captions" / "zh.vtt").write_text(vtt, "utf-8")
    deck = decks.write(tmp_path, decks.deck(decks.title_slide(
        captions={"zh": "captions/zh.vtt"})))
    with pytest.raises(DeckError) as raised:
        load_deck(deck)
    assert [str(p) for p in raised.value.problems] == [f"{tmp_path / 'captions' / 'zh.vtt'}:{said}"]


def test_a_guide_that_will_not_play_or_a_language_the_deck_lacks_is_an_error(qapp, tmp_path):
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "zh.mp3").write_bytes(b"ID3 not really sound" * 20)
    tone(tmp_path / "audio" / "fr.wav")
    deck = decks.write(tmp_path, decks.deck(decks.title_slide(
        narration={"zh": "audio/zh.mp3", "fr": "audio/fr.wav"})))
    with pytest.raises(DeckError) as raised:
        load_deck(deck)
    said = " | ".join(str(p) for p in raised.value.problems)
    assert "audio 'audio/zh.mp3' cannot be played" in said
    assert "'fr' is not one of the deck's languages (zh, en)" in said


def test_a_show_starts_with_a_caption_file_that_has_a_mistake(qapp, tmp_path):
    """A typo in a caption file (-> for -->) stopped the kiosk from starting at all;
    `kiosk check` still says it, at its line."""
    loaded = guided(tmp_path)
    (tmp_path / "captions" / "zh.vtt").write_text(VTT_ZH.replace("02.000 --> 00:04", "02.000 "
                                                                 "-> 00:04"), "utf-8")
    deck = tmp_path / "deck.yaml"
    with pytest.raises(DeckError) as raised:
        load_deck(deck)
    assert any("zh.vtt:" in str(p) for p in raised.value.problems)
    loaded = load_deck(deck, strict_assets=False)
    assert any("zh.vtt:" in str(w) for w in loaded.warnings)
    view = build_view(loaded.deck.slides[0], context(loaded, Config(), "zh"))
    view.start(0.0)
    view.step(1.0)
    assert view.captions.text == "江面上的第一班轮渡"  # the cue that reads is shown


def test_header_lines_after_webvtt_are_read_as_a_header(qapp, tmp_path):
    """Kind: and Language: lines, as YouTube and Amara write them, were "expected a
    cue's times"."""
    from kiosk.deck.captions import parse

    text = ("WEBVTT\nKind: captions\nLanguage: en\n\n00:00.000 --> 00:02.000\n"
            "The first ferry\n")
    captions, problems = parse(tmp_path / "c.vtt", text)
    assert problems == [] and [cue.text for cue in captions.cues] == ["The first ferry"]


def test_check_warns_of_a_guide_the_loop_would_cut_short_and_of_a_missing_language(
        qapp, tmp_path):
    tone(tmp_path / "audio" / "zh.wav", seconds=12.0)
    deck = decks.write(tmp_path, decks.deck(decks.title_slide(
        narration={"zh": "audio/zh.wav"}, duration=4)))
    said = [str(w) for w in load_deck(deck).warnings]
    assert any("lasts 12.0 s but slide 1 stays 4 s in the loop" in w and
               "at least 13 s" in w for w in said), said
    assert any("no audio guide in 'en'" in w for w in said), said


@pytest.mark.parametrize("portrait", [False, True])
def test_a_guides_captions_stay_above_a_photographs_own_caption(qapp, tmp_path, portrait):
    """The band of the guide's captions covered the photo's caption (and check's advice,
    "shorten one of them", could not help)."""
    from kiosk.show.textbox import TextBox

    guided(tmp_path)
    slide = {"type": "image", "src": "images/photo.jpg", "title": "码头",
             "caption": "一八九七年的码头，远处是第一座灯塔", "credit": "摄影：馆藏",
             "narration": {"zh": "audio/zh.wav", "en": "audio/en.wav"},
             "captions": {"zh": "captions/zh.vtt", "en": "captions/en.vtt"}}
    cfg = decks.config(portrait=portrait)
    loaded = decks.built(tmp_path, decks.deck(slide), cfg)
    view = build_view(loaded.deck.slides[0], context(loaded, cfg, "zh"))
    view.start(0.0)
    view.step(1.0)
    band = view.captions.sceneBoundingRect()
    caption = next(t for t in decks.items_of(view) if isinstance(t, TextBox)
                   and t.text.startswith("一八九七年"))
    assert view.captions.isVisible() and not band.intersects(caption.ink_rect())
    assert view.ctx.safe.contains(band)  # (on the screen, where a visitor reads it)
    assert band.bottom() <= caption.ink_rect().top()  # just above the photo's caption
    assert caption.ink_rect().top() - band.bottom() < view.ctx.size("body") * 2


@pytest.mark.parametrize("portrait", [False, True])
def test_a_guides_captions_leave_what_the_slide_says_readable(qapp, tmp_path, portrait):
    """Trial 21: the band of a story's captions lay over its figures ("7 voyages / over
    30 countries" ghosting through it, on a wall and a totem). A slide with captions
    keeps their band's room free under what it says."""
    guided(tmp_path)
    slide = decks.story_slide(narration={"zh": "audio/zh.wav", "en": "audio/en.wav"},
                              captions={"zh": "captions/zh.vtt", "en": "captions/en.vtt"},
                              body=decks.both("船队从南京龙江船厂出发，" * 6,
                                              "The fleet left the shipyard at Nanjing. " * 6))
    slide["figures"] = [decks.figure(7, decks.both("次", "voyages"), decks.both("远航",
                        "Voyages")), decks.figure(30, decks.both("个", "countries"),
                        decks.both("到访", "Visited"), qualifier="余")]
    cfg = decks.config(portrait=portrait)
    loaded = decks.built(tmp_path, decks.deck(slide), cfg)
    for language in ("zh", "en"):
        view = build_view(loaded.deck.slides[0], context(loaded, cfg, language))
        view.start(0.0)
        view.step(1.0)
        band = view.captions.sceneBoundingRect()
        assert view.captions.isVisible() and view.ctx.safe.contains(band)
        band_items = {view.captions, *decks.items_of(view.captions)}
        said = [item for item in decks.items_of(view) if item not in band_items
                and isinstance(getattr(item, "text", None), str) and item.text]
        assert len(said) >= 4
        clear = band.adjusted(0, -view.ctx.size("body"), 0, 0)  # (trial 22: 16 px over it)
        over = [item.text for item in said if item.sceneBoundingRect().intersects(clear)]
        assert not over, (language, over)


def test_the_guide_warning_counts_a_gallerys_photos_and_a_videos_own_length(qapp,
                                                                             tmp_path):
    from tests.media import counting_clip

    tone(tmp_path / "audio" / "zh.wav", seconds=12.0)
    tone(tmp_path / "audio" / "en.wav", seconds=12.0)
    counting_clip(tmp_path / "videos" / "six.mp4", frames=180, rate=30)
    guide = {"narration": {"zh": "audio/zh.wav", "en": "audio/en.wav"}}
    photos = [{"src": "images/photo.png"}] * 3
    deck = decks.write(tmp_path, decks.deck(
        {"type": "gallery", "photos": photos, "duration": 4, **guide},  # 3 x 4 s: whole
        {"type": "video", "src": "videos/six.mp4", "advance": "end", **guide}))  # 6 s
    said = [str(w) for w in load_deck(deck).warnings if "audio guide lasts" in w.message]
    assert len(said) == 1 and "slide 2 stays 6 s" in said[0], said


def test_an_opening_slide_with_captions_at_a_larger_type_is_no_smaller_than_at_one(
        qapp, tmp_path):
    """Trial 23: at type scale 1.3 an opening slide with an audio guide was drawn at 0.91
    (its search stepped down from 1.3 past what 1 finds: 0.93) and its captions made
    smaller with it. It is searched from the default's size, and its captions stay at
    the type asked for, as their room was kept."""
    both = decks.both
    fields = {"kicker": both("第三展厅 · 流动的文明", "Hall 3 · A Flowing Civilisation"),
              "title": both("京杭大运河：从邗沟（前486年）到世界遗产（2014年）的两千五百年",
                            "The Grand Canal: 2,500 Years from the Han Channel (486 BC) to "
                            "World Heritage (2014)"),
              "subtitle": both("北起北京，南至杭州，贯通海河、黄河、淮河、长江、钱塘江五大水系",
                               "From Beijing to Hangzhou, linking five great river systems"),
              "byline": both("策展：运河文化研究中心",
                             "Curated by the Canal Culture Research Centre")}
    drawn, band = {}, {}
    for scale in (1.0, 1.3):
        loaded = guided(tmp_path / str(scale), **fields)
        cfg = decks.config(theme={"type_scale": scale})
        view = build_view(loaded.deck.slides[0], context(loaded, cfg, "zh"))
        view.start(0.0)
        view.step(1.0)
        drawn[scale] = view.ctx.theme.type_scale
        band[scale] = view.captions.line.font_size
    assert drawn[1.3] >= drawn[1.0] - 0.005, drawn
    assert band[1.3] >= band[1.0] * 1.25, band  # (the captions at the type asked for)
