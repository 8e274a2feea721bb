"""Photographs: full screen or whole, cropped around their focus, decoded off the GUI
thread at the size shown, pushed in on the show's clock, captioned and credited."""

from __future__ import annotations

import itertools
import logging

import pytest
from PySide6.QtCore import QRectF, QSize, QThread
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.config import Config
from kiosk.show import photo
from kiosk.show.audit import audit
from kiosk.show.photo import Decoder, PictureItem, crop
from kiosk.show.render import context, render_slide
from kiosk.show.slides import build_view
from kiosk.show.slides.image import BESIDE_COLUMN
from kiosk.show.textbox import TextBox
from tests import decks
from tests.picturefiles import object_on_ground

RED = QColor("#d02020")
SKY = QColor("#4080c0")


def write_photo(folder, name="photo.jpg", size=(4000, 3000), dot=(0.2, 0.5)):
    """A sky-blue photograph with a red disc at ``dot`` (shares of its width, height)."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(SKY)
    painter = QPainter(image)
    painter.setBrush(RED)
    painter.setPen(RED)
    r = size[1] * 0.08
    painter.drawEllipse(QRectF(dot[0] * size[0] - r, dot[1] * size[1] - r, 2 * r, 2 * r))
    painter.end()
    (folder / "images").mkdir(parents=True, exist_ok=True)
    assert image.save(str(folder / "images" / name), None, 92)
    return f"images/{name}"


def _painted(folder, name, size, ground, *blocks):
    """A photo of a plain ``ground`` with ``blocks`` (x, y, width, height, colour) on it,
    saved as ``folder/images/name``."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(ground))
    painter = QPainter(image)
    for x, y, width, height, colour in blocks:
        painter.fillRect(x, y, width, height, QColor(colour))
    painter.end()
    (folder / "images").mkdir(parents=True, exist_ok=True)
    image.save(str(folder / "images" / name))


def near(colour: int, wanted: QColor, by: int = 40) -> bool:
    c = QColor(colour)
    return all(abs(a - b) < by for a, b in zip((c.red(), c.green(), c.blue()),
                                                (wanted.red(), wanted.green(), wanted.blue()),
                                                strict=True))


def red_centre(image: QImage) -> tuple[float, float] | None:
    points = [(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
              if near(image.pixel(x, y), RED)]
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points) / image.width(),
            sum(p[1] for p in points) / len(points) / image.height())


def picture_drawn(view) -> tuple[PictureItem, QRectF]:
    """A slide's picture and where it is drawn, on the stage."""
    picture = next(p for p in decks.items_of(view) if isinstance(p, PictureItem))
    return picture, picture.mapRectToScene(picture.target())


def image_slide(src, **fields):
    return {"type": "image", "src": src, **fields}


@pytest.mark.parametrize("portrait", [False, True])
def test_a_photo_fills_the_screen_and_keeps_its_focus_in_view(qapp, tmp_path, portrait):
    """A photo with its subject at the left edge (4:3 on a wall, near square on a totem: of
    another shape it would be shown whole): a crop of the middle would lose it; cropped
    around the focus it stays on the screen."""
    dot = (0.05, 0.5) if portrait else (0.12, 0.5)
    src = write_photo(tmp_path, size=(3000, 3400) if portrait else (4000, 3000), dot=dot)
    cfg = decks.config(portrait=portrait)
    deck = decks.deck(image_slide(src), image_slide(src, focus=list(dot)))
    loaded = decks.built(tmp_path, deck, cfg)
    size = (270, 480) if portrait else (480, 270)
    plain, _ = render_slide(loaded, cfg, 0, size, "zh")
    kept, _ = render_slide(loaded, cfg, 1, size, "zh")
    corners = [plain.pixel(2, 2), plain.pixel(size[0] - 3, size[1] // 2)]
    assert all(near(c, SKY, 60) for c in corners)  # the photo reaches the screen's edges
    if portrait:
        assert red_centre(plain) is None  # the middle of the photo: its subject cut off
    centre = red_centre(kept)
    assert centre is not None and 0.0 < centre[0] < 0.5  # in view, on its side


def test_an_upright_photo_on_a_wall_is_shown_whole(qapp, tmp_path):
    """Trial 10: a 2:3 skeleton on a landscape image slide kept 37 % of its height, cut
    at the neck whatever its focus (a gallery showed it whole). A photo that filling
    the screen would cut to less than half of itself is shown whole, as ``fit``; one of
    about the screen's shape still fills it."""
    upright = write_photo(tmp_path, "upright.jpg", size=(1600, 2400), dot=(0.5, 0.1))
    wide = write_photo(tmp_path, "wide.jpg", size=(4000, 3000))
    loaded = decks.built(tmp_path, decks.deck(image_slide(upright), image_slide(wide)))
    image, view = render_slide(loaded, Config(), 0, (480, 270), "en")
    assert not view.filled
    assert not near(image.pixel(2, 135), SKY, 60)  # (the screen's edges: not the photo)
    assert red_centre(image) is not None  # its head, at the top, in view
    image, view = render_slide(loaded, Config(), 1, (480, 270), "en")
    assert view.filled and near(image.pixel(2, 135), SKY, 60)


def test_a_caption_under_a_photo_shown_whole_is_no_wider_than_it(qapp, tmp_path):
    """Trial 11: a photo shown whole had its caption run 200 px past its right edge; the
    caption takes the photo's width (in two lines)."""
    square = write_photo(tmp_path, "square.jpg", size=(2000, 1600))
    slide = image_slide(square, fit="fit", title="主塔高耸",
                        caption="斜拉索从塔顶向两侧展开，如同竖琴的琴弦，在江风中轻轻作响，夜里亮起灯来")
    loaded = decks.built(tmp_path, decks.deck(slide))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "zh")
    drawn = view.picture.mapRectToScene(view.picture.target())
    caption = view.caption_boxes[0].ink_rect()
    assert not view.filled and caption.right() <= drawn.right() + 2, (caption, drawn)
    assert caption.left() >= drawn.left() - 2 and caption.top() >= drawn.bottom()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_upright_photo_on_a_wall_stands_as_tall_as_the_room_beside_its_words(
        qapp, tmp_path, language):
    """Trial 14: a lighthouse, 1:3, shown whole under its title was 203 x 614 px, 6 % of
    the wall, its caption running far past it. It stands as tall as the room, its title
    and caption in a column beside it, at the margin where every slide's title starts
    (trials 29 and 31: the pair in the middle put the title 250 px right of the others'),
    the photo in the middle of what the column leaves."""
    tall = write_photo(tmp_path, "tall.jpg", size=(1000, 3000))
    slide = image_slide(tall, title=decks.both("鸡骨礁灯塔", "The Jiguji Lighthouse"),
                        caption=decks.both("1871年点亮，塔高36米，至今仍在为进港船舶引航",
                                           "Lit in 1871, 36 m tall, still guiding ships in"))
    loaded = decks.built(tmp_path, decks.deck(slide))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), language)
    area = view.ctx.content
    drawn = view.picture.mapRectToScene(view.picture.target())
    assert drawn.height() >= area.height() * 0.98
    words = [t.ink_rect() for t in decks.items_of(view) if isinstance(t, TextBox) and t.text
             and t.ink_rect().top() < area.bottom() - 60]  # (not the credit's line)
    title, caption = sorted(words, key=lambda r: r.top())
    assert title.right() < drawn.left() and caption.right() < drawn.left()
    assert title.bottom() < caption.top()
    assert abs(min(title.left(), caption.left()) - area.left()) < 8  # (at the margin)
    words = area.left() + area.width() * BESIDE_COLUMN + view.ctx.width * 0.04
    assert abs(drawn.center().x() - (words + area.right()) / 2) < 2  # (in the middle of
    # what the words' column leaves: at its side, 585 px empty beyond it, trial 32)
    assert audit(view) == []


def test_a_long_title_beside_an_upright_photo_takes_lines_not_a_smaller_size(qapp,
                                                                            tmp_path):
    """Trial 25: beside an upright photo, an English title of ten words kept to two
    lines was set at 40 px (its Chinese at 68), the column under it empty."""
    tall = write_photo(tmp_path, "tall.jpg", size=(1200, 1800))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        tall, title="A Porpoise Surfacing in the Tian'ezhou Oxbow, Hubei Province",
        caption="Finless porpoises have no dorsal fin, only a low ridge along the back.")))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    title = next(t for t in decks.items_of(view) if isinstance(t, TextBox)
                 and t.text.startswith("A Porpoise"))
    assert title.font_size >= view.ctx.size("title") * 0.9, title.lines
    assert audit(view) == []


def test_a_photo_shown_whole_is_one_size_in_every_language(qapp, tmp_path):
    """Trial 26: a model photographed on white, fit: fit, was smaller in English, under a
    title of two lines, than in Chinese under one: it changed size as a visitor switched."""
    wide = write_photo(tmp_path, "model.jpg", size=(1600, 1250))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        wide, fit="fit", title=decks.both("天舟七号货运飞船模型（1:20）", "A 1:20 Model of "
                                          "the Tianzhou-7 Cargo Spacecraft, on Loan from CAST"),
        caption=decks.both("全长10.6米", "10.6 m long"))))
    drawn = {}
    for language in ("zh", "en"):
        _, view = render_slide(loaded, Config(), 0, (1920, 1080), language)
        drawn[language] = view.picture.mapRectToScene(view.picture.target())
        assert audit(view) == [], language
    assert drawn["zh"] == drawn["en"], drawn


def test_a_photo_on_a_totem_its_title_caption_and_credit_share_one_left_edge(qapp,
                                                                              tmp_path):
    """Trial 25: an upright photo on a totem, centred, its caption from its left edge
    (x 140) and its credit at the margin (x 54): three left edges on one slide; trial 28:
    the title at the margin, the photo and its words 110 px in. One edge for them all;
    and the photo one size in every language, though the English caption takes a line
    more (it was wider in Chinese)."""
    tall = write_photo(tmp_path, "tall.jpg", size=(1200, 1800))
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        tall, title=decks.both("老车站的钟楼", "The Clock Tower of the Old Station"),
        caption=decks.both("正阳门东车站曾是京奉铁路的终点站，如今是铁道博物馆。",
                           "Once the terminus of the Beijing–Mukden Railway, the station "
                           "is now the Zhengyangmen branch of the China Railway Museum."),
        credit=decks.both("摄影：王晓明", "Photo: Wang Xiaoming"), fit="fit")), cfg)
    drawn = {}
    for language in ("zh", "en"):
        _, view = render_slide(loaded, cfg, 0, (1080, 1920), language)
        inks = [t.ink_rect() for t in decks.items_of(view) if isinstance(t, TextBox)]
        photo = view.picture.mapRectToScene(view.picture.target())
        drawn[language] = photo
        assert all(abs(ink.left() - photo.left()) < 6 for ink in inks), (photo, inks)
        assert len(inks) == 3 and audit(view) == [], language
    assert drawn["zh"] == drawn["en"], drawn


def test_a_credit_beside_an_upright_photo_lines_up_with_its_words(qapp, tmp_path):
    """Trial 17: beside an upright photo the credit stood at the screen's edge (x = 96),
    250 px left of the title and caption's column. It lines up with them."""
    tall = write_photo(tmp_path, "tall.jpg", size=(1000, 3000))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        tall, title="The Jiguji Lighthouse", caption="Lit in 1871, 36 m tall",
        credit="Photo: Chen Haisheng")))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    said = {t.text: t.ink_rect() for t in decks.items_of(view) if isinstance(t, TextBox)}
    assert abs(said["Photo: Chen Haisheng"].left() - said["The Jiguji Lighthouse"].left()) < 6
    assert audit(view) == []


def test_a_crop_is_centred_on_the_focus_as_far_as_the_edges_allow():
    image = QSize(4000, 3000)
    assert crop(image, (1920, 1080), (0.5, 0.5)) == QRectF(0, 375, 4000, 2250)
    assert crop(image, (1080, 1920), (0.5, 0.5)).center().x() == pytest.approx(2000)
    assert crop(image, (1080, 1920), (0.0, 0.5)).left() == 0  # not past the edge
    closer = crop(image, (1920, 1080), (0.25, 0.5), zoom=2.0)
    assert closer.width() == pytest.approx(2000) and closer.center().x() == pytest.approx(1000)


def test_the_push_in_follows_the_shows_clock(qapp, tmp_path):
    src = write_photo(tmp_path)
    loaded = decks.built(tmp_path, decks.deck(image_slide(src, zoom=1.25, duration=10)))
    view = build_view(loaded.deck.slides[0], context(loaded, Config(), "zh"))
    photo.prepare(view, 0.25)
    view.start(100.0)
    widths = []
    for now in (100.0, 105.0, 110.0, 130.0):
        view.step(now)
        widths.append(view.picture.source().width())
    assert widths[0] > widths[1] > widths[2] == widths[3]
    assert widths[0] / widths[2] == pytest.approx(1.25)
    still = build_view(loaded.deck.slides[0], context(loaded, Config(), "zh"))
    photo.prepare(still, 0.25)
    still.start(0.0, reduced_motion=True)
    assert still.picture.source().width() == pytest.approx(widths[2])  # not moving


def test_caption_title_and_credit_are_written_and_the_credit_stands_for_the_source(
        qapp, tmp_path):
    src = write_photo(tmp_path)
    slide = image_slide(src, title=decks.both("浦口火车站", "Pukou station"),
                        caption=decks.both("1914年建成", "Built in 1914"),
                        credit=decks.both("摄影：张三", "Photo: Zhang San"))
    loaded = decks.built(tmp_path, decks.deck(slide, source=decks.both("来源", "Source")))
    for language, words in (("zh", {"浦口火车站", "1914年建成", "摄影：张三"}),
                            ("en", {"Pukou station", "Built in 1914", "Photo: Zhang San"})):
        _, view = render_slide(loaded, Config(), 0, (960, 540), language)
        assert set(decks.texts(view)) == words  # the deck's source gives way to the credit
    write_photo(tmp_path / "none")
    uncredited = decks.built(tmp_path / "none", decks.deck(
        {k: v for k, v in slide.items() if k != "credit"}, source=decks.both("来源", "Source")))
    _, view = render_slide(uncredited, Config(), 0, (960, 540), "en")
    assert set(decks.texts(view)) == {"Pukou station", "Built in 1914"}  # (trial 6: the
    # deck's data source where a credit stands read as the photo's)


@pytest.mark.parametrize("portrait", [False, True])
@pytest.mark.parametrize("fit", ["fill", "fit"])
def test_an_image_slide_has_nothing_for_the_layout_audit(qapp, tmp_path, portrait, fit):
    from kiosk.show.layoutcheck import layout_problems

    src = write_photo(tmp_path, size=(1200, 1800))
    long = decks.both("浦口火车站建于1914年，是津浦铁路的南端终点，火车由此乘轮渡过江。" * 2,
                      "Pukou station, built in 1914, was the southern end of the "
                      "Tianjin-Pukou railway, where trains crossed the Yangtze by ferry. " * 2)
    cfg = decks.config(portrait=portrait)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        src, fit=fit, title=decks.both("站台", "The platform"), caption=long,
        credit=decks.both("摄影：张三", "Photo: Zhang San"))), cfg)
    assert layout_problems(loaded, cfg) == []
    _image, view = render_slide(loaded, cfg, 0, (540, 960) if portrait else (960, 540), "en")
    if fit == "fit":  # the whole picture, its caption under it (on a wall, beside it)
        drawn = view.picture.mapRectToScene(view.picture.target())
        assert drawn.height() / drawn.width() == pytest.approx(1.5, abs=0.01)
        caption = next(b for b in decks.items_of(view) if getattr(b, "text", "") == long["en"])
        assert caption.ink_rect().top() >= drawn.bottom() if portrait else \
            caption.ink_rect().right() <= drawn.left()


def test_pictures_are_decoded_in_a_worker_thread_and_drawn_when_they_arrive(qapp, tmp_path):
    src = write_photo(tmp_path)
    decoder = Decoder()
    threads = []
    original = photo.decode

    def spy(path, fit):
        threads.append(QThread.currentThread())
        return original(path, fit)

    photo.decode = spy
    try:
        item = PictureItem(tmp_path / src, QRectF(0, 0, 400, 300), fill=True)
        photo._decoder, saved = decoder, photo._decoder
        item.want(1.0)
        assert item.image is None  # not yet: the GUI thread went on
        decoder.settle()
    finally:
        photo.decode = original
        photo._decoder = saved
    assert threads and threads[0] is not QThread.currentThread()
    assert item.image is not None and item.image.width() == 400  # decoded at the size shown


def test_decoded_pictures_are_kept_under_the_memory_cap(qapp, tmp_path):
    sources = [tmp_path / write_photo(tmp_path, f"p{n}.jpg", size=(800, 600)) for n in range(5)]
    one = 800 * 600 * 4
    decoder = Decoder(cap_mb=one * 2.5 / 1024 / 1024)  # room for two
    photo._decoder, saved = decoder, photo._decoder
    try:
        items = [PictureItem(path, QRectF(0, 0, 800, 600), fill=True) for path in sources]
        for item in items:
            item.want(1.0)
            decoder.settle()
        assert decoder.kept_bytes <= one * 2.5
        assert decoder.ask(items[-1], sources[-1], QSize(800, 600)) is not None  # the last
        assert decoder.ask(items[0], sources[0], QSize(800, 600)) is None  # the first: again
        decoder.settle()
    finally:
        photo._decoder = saved


def test_a_picture_that_cannot_be_decoded_is_a_quiet_fill_and_one_log_line(
        qapp, tmp_path, caplog):
    src = write_photo(tmp_path)
    loaded = decks.built(tmp_path, decks.deck(image_slide(src)))
    (tmp_path / src).write_bytes((tmp_path / src).read_bytes()[:2000])  # cut off after check
    with caplog.at_level(logging.WARNING):
        image, view = render_slide(loaded, Config(), 0, (480, 270), "zh")
    assert view.fault is None and view.picture.image is None
    assert not any(near(image.pixel(x, 135), RED) for x in range(0, 480, 4))
    (line,) = [r.message for r in caplog.records if "photo.jpg" in r.message]
    assert "is cut off after 2,000 bytes" in line and "placeholder" in line


def wcag(first: QColor, second: QColor) -> float:
    """The contrast of two colours (WCAG 2)."""
    def luminance(colour: QColor) -> float:
        def linear(c: float) -> float:
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return 0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green()) + \
            0.0722 * linear(colour.blue())

    lights = sorted((luminance(first), luminance(second)))
    return (lights[1] + 0.05) / (lights[0] + 0.05)


def test_words_over_a_white_photo_read_at_four_and_a_half_to_one(qapp, tmp_path):
    """White captions on a snow photo read at 2.3:1: the shades were too light where the
    words lay. (Over a photo light all through, the words are now dark, with no shade:
    they read against the photo as it is.)"""
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    (tmp_path / "images").mkdir()
    image.save(str(tmp_path / "images" / "snow.png"))
    slide = image_slide("images/snow.png", title=decks.both("雪中的观测站", "In the snow"),
                        caption=decks.both("海拔5100米的观测站在冬季被积雪覆盖。",
                                           "At 5,100 metres it is snowed in all winter."),
                        credit="Photo: Li Si")
    loaded = decks.built(tmp_path, decks.deck(slide))
    shot, view = render_slide(loaded, Config(), 0, (960, 540), "en")

    def contrast(words: QColor, x: float, y: float) -> float:
        return wcag(words, QColor(shot.pixel(round(x / 2), round(y / 2))))

    for text in ("In the snow", "At 5,100 metres it is snowed in all winter.", "Photo: Li Si"):
        (box,) = [t for t in decks.items_of(view) if getattr(t, "text", None) == text]
        ink = box.ink_rect()
        for x, y in ((ink.left() - 8, ink.center().y()), (ink.right() + 8, ink.top()),
                     (ink.center().x(), ink.bottom() + 4)):  # beside and under the words
            assert contrast(box.color, x, y) >= 4.5, (text, x, y)


def test_shades_over_a_dark_photo_are_lighter_than_over_snow(qapp, tmp_path):
    """The shades were as dark over a night sky as over snow: as dark as white words
    need over the picture under them, and no darker."""
    levels = {}
    for name, colour in (("night", "#101820"), ("snow", "#ffffff")):
        image = QImage(1600, 900, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        (tmp_path / name / "images").mkdir(parents=True)
        image.save(str(tmp_path / name / "images" / f"{name}.png"))
        loaded = decks.built(tmp_path / name, decks.deck(image_slide(
            f"images/{name}.png", title="T", caption="A caption")))
        _, view = render_slide(loaded, Config(), 0, (480, 270), "en")
        from kiosk.show.slides.image import Shade

        levels[name] = {round(item.level, 2) for item in decks.items_of(view)
                        if isinstance(item, Shade)}
    assert levels["snow"] == {0.0}  # (light all through: dark words, no shade)
    assert max(levels["night"]) <= 0.4


def test_check_suggests_fill_for_an_object_on_white_shown_whole(qapp, tmp_path):
    """Trial 26: a model on white with fit: fit was a glaring white box on the show's
    dark; fill lays its white over the screen. check says so, at fit:."""
    from kiosk.show.layoutcheck import layout_problems

    _painted(tmp_path, "model.png", (1600, 1200), "#ffffff", (500, 450, 600, 300, "#8090a0"))
    cfg = decks.config()
    deck = decks.deck(image_slide("images/model.png", fit="fit", title="Model"),
                      image_slide("images/model.png", title="Model"))
    loaded = decks.built(tmp_path, deck, cfg)
    said = [p for p in layout_problems(loaded, cfg) if "plain light ground" in p.message]
    assert len(said) == 1 and "slide 1 " in said[0].message, [p.message for p in said]


def test_a_photo_light_all_through_has_dark_words_and_no_grey_slabs(qapp, tmp_path):
    """An object on white got two grey slabs of shade, top and bottom, for its white
    words; a photo light only in places keeps its shade and white words."""
    for name, paint in (("white", None), ("half", "#202020")):
        image = QImage(1600, 900, QImage.Format.Format_RGB32)
        image.fill(QColor("#f6f6f2"))
        if paint:  # (a dark band where the caption lies)
            painter = QPainter(image)
            painter.fillRect(0, 700, 1600, 200, QColor(paint))
            painter.end()
        (tmp_path / name / "images").mkdir(parents=True)
        image.save(str(tmp_path / name / "images" / "bowl.png"))
        loaded = decks.built(tmp_path / name, decks.deck(image_slide(
            "images/bowl.png", title="Celadon", caption="Celadon bowl, Southern Song",
            credit="Photo: Wang Ci")))
        shot, view = render_slide(loaded, Config(), 0, (960, 540), "en")
        words = {t.text: t for t in decks.items_of(view) if getattr(t, "text", None)
                 in ("Celadon", "Celadon bowl, Southern Song", "Photo: Wang Ci")}
        assert len(words) == 3
        if name == "white":
            assert all(t.color.lightness() < 80 for t in words.values())
            corner = QColor(shot.pixel(10, 530))  # (no grey slab at the foot)
            assert corner.lightness() > 230
        else:
            assert words["Celadon bowl, Southern Song"].color.lightness() > 200


def test_a_shade_fades_into_the_photo_without_an_edge(qapp, tmp_path):
    """Trial 6: the shade under a title was a flat band with an edge about 60 px wide:
    every photo looked letterboxed. It fades over a fifth of the screen, smoothly."""
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))  # (white, with dark bands over most of it: under the
    painter = QPainter(image)  # words, a shade as dark as it gets)
    for x in range(0, 1600, 100):
        painter.fillRect(x + 10, 0, 80, 900, QColor("#000000"))
    painter.end()
    (tmp_path / "images").mkdir()
    image.save(str(tmp_path / "images" / "grey.png"))
    loaded = decks.built(tmp_path, decks.deck(image_slide("images/grey.png", title="T",
                                                          caption="A caption")))
    shot, _view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    x = 1800  # (a column clear of the words)
    column = [QColor(shot.pixel(x, y)).red() for y in range(1080)]
    steps = [abs(a - b) for a, b in itertools.pairwise(column)]
    assert max(steps) <= 2, max(steps)  # no edge: at most 2 levels from a row to the next
    middle = column[540]
    assert middle >= 0xff - 2  # the photo itself in the middle
    darkest = min(column[540:])  # (under the caption: its shade, white words on it at
    assert wcag(QColor("white"), QColor(darkest, darkest, darkest)) >= 4.5  # 4.5:1)
    depth = middle - darkest
    fading = [y for y in range(540, 1080) if depth * 0.04 < middle - column[y] < depth * 0.96]
    assert len(fading) >= 1080 * 0.15  # a long fade, not a band


def test_an_object_on_white_has_no_shade_though_it_reaches_the_fade(qapp, tmp_path):
    """Trial 7: a vase on white got charcoal bands over its top and bottom thirds: the
    shades looked at the whole of their fade (the vase in it), not where the words are."""
    vase = object_on_ground(tmp_path, "vase.png", "#ffffff", "#3a4a40",
                            (620, 120, 360, 760))  # (a dark vase, top to bottom)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        vase, title="Meiping", caption="Song dynasty, 30 cm")))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    from kiosk.show.slides.image import Shade

    shades = [item for item in decks.items_of(view) if isinstance(item, Shade)]
    assert shades and all(shade.light and shade.level == 0.0 for shade in shades)


def test_an_objects_extent_on_its_ground_is_read_in_the_worker(qapp, tmp_path, monkeypatch):
    """Review: an object's extent on its light ground (some 9,000 pixels, in Python) was
    read in the thread that draws the show, as its picture arrived: a frame's time."""
    model = object_on_ground(tmp_path, "model.png", "#fafafa", "#2a2a2a",
                             (500, 150, 600, 700), size=(1600, 1000))
    threads = []
    original = photo.object_extent

    def spy(image, ground):
        threads.append(QThread.currentThread())
        return original(image, ground)

    monkeypatch.setattr(photo, "object_extent", spy)
    monkeypatch.setattr(photo, "_decoder", Decoder())
    item = PictureItem(tmp_path / model, QRectF(0, 0, 1920, 1080), fill=True,
                       whole_on_ground=True)
    item.want(1.0)
    photo.decoder().settle()
    assert item.ground is not None and not item.fill  # (whole, on its ground)
    assert 0.25 < item.extent.left() < 0.4 and 0.6 < item.extent.right() < 0.75
    assert threads and all(t is not QThread.currentThread() for t in threads)


def test_an_object_on_white_is_shown_whole_on_its_ground(qapp, tmp_path):
    """Trial 8: a jar photographed on white, square, filled the screen cut at its neck
    and foot, its title across its shoulder. Its ground read from its edges, it is shown
    whole on that ground, which fills the screen; a photo of a scene still fills it."""
    image = QImage(1200, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#fafaf7"))
    painter = QPainter(image)
    painter.setBrush(QColor("#2050a0"))
    painter.setPen(QColor("#2050a0"))
    painter.drawEllipse(QRectF(380, 80, 440, 1040))  # (neck to foot, nearly edge to edge)
    painter.end()
    (tmp_path / "images").mkdir()
    image.save(str(tmp_path / "images" / "jar.png"))
    write_photo(tmp_path, "scene.jpg")
    loaded = decks.built(tmp_path, decks.deck(
        image_slide("images/jar.png", title="Blue-and-white Jar", caption="28.5 cm high"),
        image_slide("images/scene.jpg", title="A scene")))
    shot, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    picture = view.picture
    assert picture.ground is not None and not picture.fill
    drawn = picture.target()
    assert drawn.width() == pytest.approx(drawn.height(), rel=0.01)  # whole: square
    assert drawn.height() <= 1080 + 1
    corner = QColor(shot.pixel(1900, 20))  # (the ground, to the screen's edges)
    assert corner.lightness() > 240
    title = next(t for t in decks.items_of(view) if getattr(t, "text", "") ==
                 "Blue-and-white Jar")
    assert title.color.lightness() < 80  # (dark words on the light ground)
    _, scene = render_slide(loaded, Config(), 1, (1920, 1080), "en")
    assert scene.picture.fill and scene.picture.ground is None


def _tower(folder, name="tower.png", size=(900, 1600)):
    """An upright photo of light sky with a dark tower up its middle."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("#cfe4f6"))
    painter = QPainter(image)
    painter.fillRect(round(size[0] * 0.47), round(size[1] * 0.05), round(size[0] * 0.06),
                     size[1], QColor("#3a4150"))
    painter.end()
    (folder / "images").mkdir(parents=True, exist_ok=True)
    image.save(str(folder / "images" / name))
    return f"images/{name}"


@pytest.mark.parametrize("kind", ["image", "gallery"])
def test_a_photo_looks_one_way_in_every_language(qapp, tmp_path, kind):
    """Trial 12, on a totem: the English caption reached the tower and had a dark shade
    with white words; the shorter Chinese one lay on sky, with dark words and none. A
    visitor who switched language saw the photo change."""
    from kiosk.show.slides.image import Shade

    src = _tower(tmp_path)
    caption = decks.both("从公园望塔", "The TV tower from the riverside park, across the water")
    title = decks.both("滨江", "The Waterfront of the City")
    slide = ({"type": "image", "src": src, "fit": "fill", "title": title, "caption": caption}
             if kind == "image" else {"type": "gallery", "title": title, "photos": [
                 {"src": src, "caption": caption}]})
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(slide), cfg)
    looks = {}
    for language in ("zh", "en"):
        _shot, view = render_slide(loaded, cfg, 0, (1080, 1920), language)
        shades = sorted((round(item.level, 2), item.falling) for item in decks.items_of(view)
                        if isinstance(item, Shade))
        words = sorted(round(t.color.lightness(), -1) for t in decks.items_of(view)
                       if getattr(t, "text", None) in (caption[language], title[language]))
        looks[language] = (shades, words)
    assert looks["zh"] == looks["en"]


def test_a_story_s_photo_on_a_totem_is_as_large_in_every_language(qapp, tmp_path):
    """Trial 12: the tower was 845 px wide under the Chinese words, 746 under the
    English ones, a line longer: it jumped when a visitor switched language."""
    from PySide6.QtWidgets import QGraphicsPixmapItem

    src = _tower(tmp_path)
    story = decks.story_slide(
        headline=decks.both("电视塔下的新城", "A New Town at the Foot of the TV Tower"),
        body=decks.both("1995年建成的电视塔曾是城市边缘。",
                        "When the TV tower went up in 1995 it stood at the city's edge; "
                        "today over 300,000 people live around it, in a new town."),
        visual={"kind": "image", "src": src})
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(story), cfg)
    drawn = {}
    for language in ("zh", "en"):
        _shot, view = render_slide(loaded, cfg, 0, (1080, 1920), language)
        (picture,) = [item for item in decks.items_of(view)
                      if isinstance(item, QGraphicsPixmapItem)]
        target = picture.sceneBoundingRect()
        drawn[language] = (round(target.width()), round(target.height()), round(target.top()))
    assert drawn["zh"] == drawn["en"]


def test_a_light_picture_crossed_by_a_dark_line_takes_a_light_veil_and_dark_words(
        qapp, tmp_path):
    """Trial 12: an old map, light but for a river under its caption, got a black shade
    that turned its foot a muddy brown under white words. Dark words over a light veil
    read on it, and it stays a light map."""
    from kiosk.show.slides.image import Shade, _luminance

    _painted(tmp_path, "map.png", (1600, 900), "#e6d6b0",
        (0, 760, 1600, 36, "#3a5f8a"))  # (the river, under the caption)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        "images/map.png", title="Jiangcheng", caption="Map of Jiangcheng, 1930s (detail)")))
    shot, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    (caption,) = [t for t in decks.items_of(view)
                  if getattr(t, "text", None) == "Map of Jiangcheng, 1930s (detail)"]
    assert caption.color.lightness() < 80  # (dark words)
    ink = caption.ink_rect()
    under = [QColor(shot.pixel(x, round(ink.center().y()))) for x in range(
        round(ink.right()) + 40, round(ink.right()) + 400, 20)]
    assert min(_luminance(c) for c in under) >= _luminance(QColor("#e6d6b0")) * 0.9  # (no
    # darker than the map: a veil, not a shade)
    bottom = [s for s in decks.items_of(view) if isinstance(s, Shade) and not s.falling]
    assert bottom and bottom[0].tint == QColor("#ffffff")


def test_a_light_veil_lies_under_the_words_only(qapp, tmp_path):
    """Trial 14: fog over a harbour, a black pier along its foot: the light veil under
    the caption lifted the whole pier from RGB 35 to 133. The veil lies around the words;
    the pier away from them keeps its black."""
    _painted(tmp_path, "fog.png", (1600, 900), "#eceeef",
        (0, 830, 1600, 70, "#23252a"),  # (the pier)
        (60, 700, 300, 60, "#23252a"))  # (a hull, under the caption)
    caption = "Fog closes the river on 40 days"
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        "images/fog.png", title="The Old Wharf in Fog", caption=caption)))
    shot, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    (words,) = [t for t in decks.items_of(view) if getattr(t, "text", None) == caption]
    assert words.color.lightness() < 80  # (dark words, on a light veil)
    pier = QColor(shot.pixel(1800, 1060))  # (far right of the words, at the foot)
    assert pier.lightness() < 50, pier.name()


def test_a_light_card_lies_under_each_group_of_words_clear_of_the_foot(qapp, tmp_path):
    """Trial 15: one card around the caption and the credit ran to the screen's foot,
    the progress dots over it. The caption and the credit each have their own."""
    from kiosk.show.slides.image import Shade

    _painted(tmp_path, "fog.png", (1600, 900), "#eceeef",
        (500, 640, 400, 260, "#1e2022"))  # (a pump house)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        "images/fog.png", title="Pumping Station in Fog",
        caption="In winter mornings fog lies over the reservoir; the pumps run all day",
        credit="Photo: Wang Fang")))
    _shot, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    (shade,) = [s for s in decks.items_of(view) if isinstance(s, Shade) and s.cards]
    cards = [shade.mapRectToScene(card) for card in shade.cards]
    assert len(cards) == 2 and not cards[0].intersects(cards[1])
    assert all(card.bottom() <= view.ctx.height - 8 for card in cards)


@pytest.mark.parametrize("kind", ["image", "gallery"])
def test_an_object_on_white_fills_a_totem_with_its_ground(qapp, tmp_path, kind):
    """A skull photographed on white, wider than tall, on a totem: shown whole, it was a
    white box on the dark stage. Its ground fills the screen, the words dark on it."""
    skull = object_on_ground(tmp_path, "skull.png", "#fafafa", "#8a6a45",
                             (400, 300, 800, 400))
    caption = "Skull of Lufengosaurus"
    slide = (image_slide(skull, title="The Skull", caption=caption)
             if kind == "image" else {"type": "gallery", "title": "The Skull", "photos": [
                 {"src": skull, "caption": caption}]})
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(slide), cfg)
    shot, view = render_slide(loaded, cfg, 0, (1080, 1920), "en")
    for x, y in ((20, 20), (1060, 1900), (20, 1000), (1060, 300)):
        assert QColor(shot.pixel(x, y)).lightness() > 235, (x, y)  # (its ground, not dark)
    words = [t for t in decks.items_of(view) if getattr(t, "text", None) in (caption,
                                                                            "The Skull")]
    assert len(words) == 2 and all(t.color.lightness() < 80 for t in words)


@pytest.mark.parametrize("fit", ["fill", "fit"])
def test_a_panorama_on_a_totem_is_travelled_across_not_shown_as_a_strip(qapp, tmp_path,
                                                                         fit):
    """Trial 14: a 7:1 harbour panorama on a totem was a strip 970 x 134 px, its cranes
    lost. It crosses the screen in a band a third of its height, travelled from its left
    edge to its right over the slide's time; shown whole (``fit``) too, where it was
    still a strip (trial 25)."""
    wide = write_photo(tmp_path, "pano.jpg", size=(4200, 600))
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        wide, title=decks.both("岸桥", "Cranes"), caption=decks.both("全景", "Panorama"),
        fit=fit)), cfg)
    _, view = render_slide(loaded, cfg, 0, (1080, 1920), "en")
    picture = view.picture
    assert picture.pan and picture.rect.width() == view.ctx.width
    assert picture.rect.height() >= view.ctx.height * 0.3
    photo.decoder().settle()
    picture.want(1.0)
    photo.decoder().settle()
    held = picture.source()  # (exported, or with reduced motion: held at its focus, the
    assert held.center().x() == pytest.approx(picture.image.width() / 2, rel=0.01)
    # middle, not at its right end: trial 18's tower was not in the export)
    view.start(0.0)  # (played)
    picture.set_progress(0.0)
    start = picture.source()
    picture.set_progress(1.0)
    end = picture.source()
    assert start.left() == 0 and end.right() == pytest.approx(picture.image.width())
    caption = next(t for t in decks.items_of(view) if isinstance(t, TextBox)
                   and t.text == "Panorama")
    assert caption.ink_rect().top() >= picture.mapRectToScene(picture.rect).bottom()


def test_a_square_photo_on_a_wall_is_shown_whole_beside_its_words(qapp, tmp_path):
    """Trial 15: a square photograph of a pipe's cross-section, filling a 16:9 wall, lost
    44 % of its height, its outer ring among it. Shown whole, as tall as the room."""
    square = write_photo(tmp_path, "pipe.jpg", size=(1500, 1500))
    loaded = decks.built(tmp_path, decks.deck(image_slide(square, title="Pipe",
                                                          caption="A cross-section")))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    drawn = view.picture.mapRectToScene(view.picture.target())
    assert not view.filled and drawn.width() == pytest.approx(drawn.height(), rel=0.01)
    assert drawn.height() >= view.ctx.content.height() * 0.98


def test_on_a_totem_a_tall_photo_keeps_its_top_unless_its_focus_says(qapp, tmp_path):
    """Trial 15: a water tower, cropped around its middle to fill a totem, lost its roof.
    Without a focus, a photo cut at top and bottom on a totem keeps its upper third; a
    focus given is kept as written."""
    from kiosk.show.slides.image import UPPER_THIRD

    tall = write_photo(tmp_path, "tower.jpg", size=(1000, 1500))
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(
        image_slide(tall, title="Tower"), image_slide(tall, title="Tower", focus=[0.5, 0.5])),
        cfg)
    _, view = render_slide(loaded, cfg, 0, (1080, 1920), "en")
    assert view.picture.focus == (0.5, UPPER_THIRD)
    photo.decoder().settle()
    view.picture.want(1.0)
    photo.decoder().settle()
    kept = view.picture.source()
    assert kept.top() < view.picture.image.height() * 0.1  # (its top in view)
    _, given = render_slide(loaded, cfg, 1, (1080, 1920), "en")
    assert given.picture.focus == (0.5, 0.5)
    _, wall = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    assert wall.picture.focus == (0.5, 0.5)  # (a wall's crops as before)


def test_a_light_photo_with_a_dark_object_looks_one_way_at_every_type_size(qapp, tmp_path):
    """Trial 16: a snowfield with a black locomotive had a card under its caption at type
    scale 1, and at 1.3 (larger words lay more over the engine) a black shade over its
    lower half: the snow went charcoal. A light picture keeps its card at every size, an
    opaque one (the engine showed through a veil as a grey block)."""
    from kiosk.show.slides.image import CARD, Shade

    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#f5f6f8"))
    painter = QPainter(image)
    painter.fillRect(0, 650, 1600, 250, QColor("#e4e6ea"))  # (the snowfield, a rail
    painter.fillRect(0, 868, 1600, 10, QColor("#505050"))  # across it: no studio ground)
    painter.fillRect(130, 500, 490, 360, QColor("#161616"))  # (the engine, its cab,
    painter.fillRect(460, 400, 160, 100, QColor("#161616"))  # its chimney)
    painter.fillRect(190, 420, 60, 80, QColor("#161616"))
    for x in (160, 270, 380, 490):  # (its wheels)
        painter.setBrush(QColor("#202020"))
        painter.drawEllipse(x, 780, 100, 100)
    painter.end()
    for scale in (1.0, 1.3):
        (tmp_path / str(scale) / "images").mkdir(parents=True)
        image.save(str(tmp_path / str(scale) / "images" / "snow.png"))
        cfg = decks.config(theme={"type_scale": scale})
        loaded = decks.built(tmp_path / str(scale), decks.deck(image_slide(
            "images/snow.png", title=decks.both("雪原上的前进型", "On the Snowfield"),
            caption=decks.both("集通铁路上最后的蒸汽干线运营，2005年12月",
                               "The last main-line steam, Jitong Railway, December 2005"),
            credit=decks.both("摄影：王伟", "Photo: Wang Wei"))), cfg)
        _shot, view = render_slide(loaded, cfg, 0, (1920, 1080), "zh")
        foot = [s for s in decks.items_of(view) if isinstance(s, Shade) and not s.falling]
        assert foot and foot[0].light, scale  # (dark words, never a black shade)
        assert not foot[0].cards or foot[0].level >= CARD, scale  # (a card, not a veil)


def test_a_light_sky_is_not_taken_for_a_studio_ground(qapp):
    """Trial 17: a blackbird in a pale sky, lighter at the top (#F4F6F8) than at the foot
    (#E6EAEE), was shown whole on one flat colour, with seams at its edges; a sky fills
    the screen. A seamless studio white still counts as a ground."""
    from PySide6.QtGui import QLinearGradient

    from kiosk.show.photo import studio_ground

    sky = QImage(1600, 1000, QImage.Format.Format_RGB32)
    painter = QPainter(sky)
    gradient = QLinearGradient(0, 0, 0, 1000)
    gradient.setColorAt(0, QColor("#f4f6f8"))
    gradient.setColorAt(1, QColor("#e6eaee"))
    painter.fillRect(0, 0, 1600, 1000, gradient)
    painter.fillRect(700, 400, 200, 120, QColor("#202020"))  # (the bird)
    painter.end()
    assert studio_ground(sky) is None
    studio = QImage(1600, 1000, QImage.Format.Format_RGB32)
    studio.fill(QColor("#f7f7f5"))
    painter = QPainter(studio)
    painter.fillRect(600, 300, 400, 400, QColor("#7a5a3a"))  # (a vase)
    painter.end()
    assert studio_ground(studio) is not None


@pytest.mark.parametrize("scale", [1.0, 1.3])
def test_an_object_on_white_stands_clear_of_its_title_and_caption(qapp, tmp_path, scale):
    """Trial 18: a model photographed on white, fitted to the wall, had its caption
    across its plinth (at type scale 1.3 a word of it dark on the black model, the title
    touching its tower). The object stands in the room its words leave, as large as it
    can be there."""
    model = object_on_ground(tmp_path, "model.png", "#fafafa", "#2a2a2a",
                             (500, 150, 600, 700), size=(1600, 1000))
    cfg = decks.config(theme={"type_scale": scale})
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        model, title="Model of the Central Business District",
        caption="The 1:500 planning model; the model itself is on the second floor",
        credit="Model: Jianglin Planning Institute")), cfg)
    _shot, view = render_slide(loaded, cfg, 0, (1920, 1080), "en")
    picture = next(p for p in decks.items_of(view) if isinstance(p, PictureItem))
    drawn = picture.mapRectToScene(picture.target())
    extent = picture.extent
    object_rect = QRectF(drawn.left() + extent.left() * drawn.width(),
                         drawn.top() + extent.top() * drawn.height(),
                         extent.width() * drawn.width(), extent.height() * drawn.height())
    words = [t.ink_rect() for t in decks.items_of(view) if isinstance(t, TextBox) and t.text]
    assert len(words) == 3
    assert not any(object_rect.intersects(ink) for ink in words), (object_rect, words)
    assert object_rect.height() >= view.ctx.content.height() * 0.5  # (not a thumbnail)


def test_an_object_on_white_stands_in_the_middle_of_what_its_label_leaves(qapp, tmp_path):
    """Trials 34, 35 and 40: a vase on white beside a long title stood at the wall's
    right edge, 600 px from its caption, and the caption at the foot 400 px under the
    title. The title and caption are one label at the left, the caption right under the
    title in each language, and the object stands in the middle of the room at its
    right."""
    vase = object_on_ground(tmp_path, "vase.png", "#fbfbfb", "#7fa89a",
                            (450, 150, 500, 1000), size=(1400, 1300))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        vase, title=decks.both("磁灶窑青釉军持", "Green-Glazed Kendi from the Cizao Kilns"),
        caption=decks.both("宋代，高约32厘米；泉州海外交通史博物馆",
                           "Song dynasty, about 32 cm high; Quanzhou Maritime Museum"),
        credit="Photo: illustration")))
    for language in ("zh", "en"):
        _shot, view = render_slide(loaded, Config(), 0, (1920, 1080), language)
        area, body = view.ctx.content, view.ctx.size("body")
        title, caption = (next(t for t in decks.items_of(view) if isinstance(t, TextBox)
                               and t.role == role) for role in ("title", "body"))
        gap = caption.ink_rect().top() - title.ink_rect().bottom()
        assert 0 < gap < body * 1.5, (language, gap)
        label = max(title.ink_rect().right(), caption.ink_rect().right())
        picture = next(p for p in decks.items_of(view) if isinstance(p, PictureItem))
        drawn = picture.mapRectToScene(picture.target())
        left = drawn.left() + picture.extent.left() * drawn.width()
        right = drawn.left() + picture.extent.right() * drawn.width()
        assert left > label + body  # (clear of its label)
        assert abs((left - label) - (area.right() - right)) < area.width() * 0.12, (
            language, label, left, right)  # (in the middle of the room right of it)
        assert audit(view) == []


def test_an_object_beside_its_label_stays_put_as_a_visitor_switches_language(qapp, tmp_path):
    """Trial 41: a ring on white stood beside its label in English and under it, smaller
    and 260 px to the left, in Chinese, whose caption takes two lines to English's four
    (where the English caption would be was measured in the Chinese one's height)."""
    ring = object_on_ground(tmp_path, "ring.png", "#ffffff", "#9aa0a6",
                            (400, 400, 1300, 700), size=(2000, 1500))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        ring, title=decks.both("金属环与彩色旗标", "A Metal Ring and a Colour Flag"),
        caption=decks.both("金属环上刻着唯一编号；黄色旗标代表在中国佩戴，远处用望远镜即可读出。",
                           "The metal ring carries a unique number; a yellow flag means "
                           "the bird was flagged in China, and can be read through a "
                           "telescope from far away."))))
    drawn = {}
    for language in ("zh", "en"):
        _shot, view = render_slide(loaded, Config(), 0, (1920, 1080), language)
        drawn[language] = picture_drawn(view)[1]
        assert audit(view) == [], language
    assert drawn["zh"] == drawn["en"], drawn


def test_an_object_on_white_keeps_its_size_as_a_visitor_switches_language(qapp, tmp_path):
    """Trial 21: a ship model on white shrank when the visitor switched to English (its
    title took two lines there, one in Chinese). It stands clear of the words of every
    language, at one size."""
    model = object_on_ground(tmp_path, "model.png", "#fafafa", "#5a3a1a",
                             (300, 200, 1000, 600), size=(1600, 1000))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        model, title=decks.both("郑和宝船复原模型（比例1：50）",
                                "Model of a Zheng He Treasure Ship, Reconstructed at 1:50, "
                                "after the Rudder Post Found at Nanjing"),
        caption=decks.both("据出土舵杆推算", "Worked out from a rudder post found at the "
                           "Nanjing Treasure Shipyard: about 60 metres long; the nine "
                           "masts of the old accounts are disputed"))))
    drawn = {}
    for language in ("zh", "en"):
        _shot, view = render_slide(loaded, Config(), 0, (1920, 1080), language)
        picture, drawn[language] = picture_drawn(view)
        words = [t.ink_rect() for t in decks.items_of(view) if isinstance(t, TextBox)
                 and t.text]
        extent = picture.extent
        target = drawn[language]
        thing = QRectF(target.left() + extent.left() * target.width(),
                       target.top() + extent.top() * target.height(),
                       extent.width() * target.width(), extent.height() * target.height())
        assert not any(thing.intersects(ink) for ink in words), language
    assert drawn["zh"].height() == pytest.approx(drawn["en"].height(), abs=1), drawn


def test_a_title_over_a_light_sky_crossed_by_a_dark_tower_stands_on_a_card(qapp, tmp_path):
    """Trial 18: a bridge's black tower ran into the dark letters of a gallery's title
    over a light dusk sky: 3 % of the samples under the words were let through as
    specks. A tower is not a speck: the title takes a card."""
    from kiosk.show.slides.image import Shade

    _painted(tmp_path, "dusk.png", (1920, 1080), "#e8c4a0",
        (0, 650, 1920, 430, "#1c3548"),  # (the river)
        (520, 140, 24, 510, "#111111"))  # (the tower, across the title)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        "images/dusk.png", title="Faces of the City", caption="The bridge at dusk")))
    _shot, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    (title,) = [t for t in decks.items_of(view) if getattr(t, "text", None) ==
                "Faces of the City"]
    top = next(s for s in decks.items_of(view) if isinstance(s, Shade) and s.falling)
    if title.color.lightness() < 80:  # dark words: on a card around them
        assert any(top.mapRectToScene(card).contains(title.ink_rect()) for card in top.cards)
    else:  # white words: on a shade
        assert top.level > 0.3


def test_a_dark_title_over_white_lettering_in_a_light_sky_stands_on_a_card(qapp, tmp_path):
    """Trial 25: a dark title lay straight over white lettering in a light blue sky, the
    two tangled (the sky light enough for dark words, no shade, no card). A bright
    detail as different from the rest under the words takes a card."""
    from kiosk.show.slides.image import Shade

    _painted(tmp_path, "sky.png", (1080, 1920), "#7fb0d8",
        *[(340 + 60 * n, 100, 14, 230, "#ffffff") for n in range(8)],  # (letters' strokes)
        (0, 1390, 1080, 530, "#23452f"))  # (the river bank)
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        "images/sky.png", title=decks.both("江上的一天", "A Day on the River"),
        caption=decks.both("清晨", "Dawn"))), cfg)
    for language in ("zh", "en"):
        _shot, view = render_slide(loaded, cfg, 0, (1080, 1920), language)
        (title,) = [t for t in decks.items_of(view) if getattr(t, "text", None) in
                    ("江上的一天", "A Day on the River")]
        top = next(s for s in decks.items_of(view) if isinstance(s, Shade) and s.falling)
        if title.color.lightness() < 80:  # dark words: on a card around them
            assert any(top.mapRectToScene(card).contains(title.ink_rect())
                       for card in top.cards), language
        else:  # white words: on a shade
            assert top.level > 0.3, language


def test_a_light_card_is_as_tall_as_the_words_on_screen(qapp, tmp_path):
    """Trial 19: a one-line English caption stood on a card as tall as the Chinese
    caption's two lines, 60 px of empty card over it."""
    from kiosk.show.slides.image import PANEL_PAD, Shade

    _painted(tmp_path, "bird.png", (1600, 900), "#eceeef",
        (0, 700, 1600, 40, "#5a3d22"))  # (a branch under the caption)
    caption = decks.both("一只蓝喉蜂虎（Merops viridis）停在枝头，这是本馆鸟类标本中最受小朋友"
                         "欢迎的一件，也是华南地区最常见的夏候鸟之一",
                         "A blue-throated bee-eater on a branch")
    loaded = decks.built(tmp_path, decks.deck(image_slide("images/bird.png", title="Birds",
                                                          caption=caption)))
    _shot, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    (words,) = [t for t in decks.items_of(view) if getattr(t, "text", None) ==
                caption["en"]]
    shade = next(s for s in decks.items_of(view) if isinstance(s, Shade) and s.cards)
    card = next(shade.mapRectToScene(c) for c in shade.cards
                if shade.mapRectToScene(c).intersects(words.ink_rect()))
    assert card.height() <= words.ink_rect().height() + 2 * PANEL_PAD + 2, (card, words)


def test_a_panorama_stays_where_it_is_as_a_visitor_switches_language(qapp, tmp_path):
    """Trial 23: the band hung under a title of one line in Chinese and two in English:
    it moved 48 px as a visitor switched."""
    lake = write_photo(tmp_path, "lake.jpg", size=(5000, 500))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        lake, title=decks.both("江南运河：白墙黛瓦的两岸", "The Jiangnan Canal: White Walls and "
                               "Dark Roofs on Both Banks of the Water"),
        caption=decks.both("苏州至嘉兴段全景", "The Suzhou–Jiaxing stretch, stitched from "
                           "twelve photographs taken from a barge in the early morning"))))
    bands = []
    for language in ("zh", "en"):
        _, view = render_slide(loaded, Config(), 0, (1920, 1080), language)
        assert view.picture.pan
        bands.append(view.picture.mapRectToScene(view.picture.rect))
    assert bands[0] == bands[1], bands


def test_a_very_wide_panorama_on_a_wall_is_travelled_across_too(qapp, tmp_path):
    """Trial 20: a 10:1 lake on a wall was a sliver 172 px high. A panorama this many
    times wider than the wall's own shape is a band travelled along, as on a totem; an
    ordinary 3:1 one stays whole."""
    lake = write_photo(tmp_path, "lake.jpg", size=(5000, 500))
    strip = write_photo(tmp_path, "strip.jpg", size=(3000, 1000))
    loaded = decks.built(tmp_path, decks.deck(image_slide(lake, caption="Lake"),
                                              image_slide(strip, caption="Strip")))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "en")
    assert view.picture.pan and view.picture.rect.width() == view.ctx.width
    assert view.picture.rect.height() >= view.ctx.height * 0.3
    _, view = render_slide(loaded, Config(), 1, (1920, 1080), "en")
    assert not view.picture.pan


def test_an_object_on_white_on_a_totem_is_as_large_as_its_room_allows(qapp, tmp_path):
    """Trial 24: a vial in the middle of a 2000 x 1500 photo on white, fitted to a
    totem's width, filled a quarter of its height, 1,200 px of white between title and
    caption. It is drawn up to its picture's own size, as large as the room allows."""
    vial = object_on_ground(tmp_path, "vial.png", "#ffffff", "#3060a0",
                            (850, 400, 300, 700), size=(2000, 1500))
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        vial, title="A Multi-Dose mRNA Vaccine Vial",
        caption="Each dose holds only about 30 micrograms of mRNA.")), cfg)
    _shot, view = render_slide(loaded, cfg, 0, (1080, 1920), "en")
    picture = next(p for p in decks.items_of(view) if isinstance(p, PictureItem))
    drawn = picture.mapRectToScene(picture.target())
    assert drawn.width() <= 2000 + 1  # (no larger than its own pixels)
    thing = drawn.height() * picture.extent.height()
    assert thing >= 1920 * 0.3, thing  # (it was a quarter of the screen)
    words = [t.ink_rect() for t in decks.items_of(view) if isinstance(t, TextBox) and t.text]
    body = QRectF(drawn.left() + picture.extent.left() * drawn.width(),
                  drawn.top() + picture.extent.top() * drawn.height(),
                  picture.extent.width() * drawn.width(), thing)
    assert not any(body.intersects(ink) for ink in words)


def test_a_photo_with_a_caption_in_a_deck_of_one_language_is_shown(qapp, tmp_path):
    """The photo's room was worked out from its caption in every language of the deck
    (the tallest): with only one, the slide failed to build (found by the contract's
    generated decks)."""
    wide = write_photo(tmp_path, "wide.jpg", size=(1600, 1000))
    loaded = decks.built(tmp_path, decks.deck(image_slide(
        wide, fit="fit", title="一张照片", caption="照片下的说明文字"), languages=["zh"]))
    for size in ((1920, 1080), (1080, 1920)):
        cfg = decks.config(portrait=size[1] > size[0])
        _, view = render_slide(loaded, cfg, 0, size, "zh")
        assert view.fault is None and view.caption_boxes[0].text == "照片下的说明文字"


@pytest.mark.parametrize("gallery", [False, True])
def test_an_upright_photo_on_a_totem_stands_under_its_title(qapp, tmp_path, gallery):
    """Trial 40: an upright photo (2:3) cut at its sides to fill a totem had its title
    and the title's shade over the bodhisattva's face. It fills the screen from under
    the title down, the title on the show's ground, and loses less of its sides."""
    _painted(tmp_path, "saint.png", (1000, 1600), "#5f7f6f",
             (350, 120, 300, 300, "#b84a30"), (420, 180, 160, 180, "#e8c8a0"))  # (halo, face)
    title = decks.both("洞窟内外", "Inside and Outside the Caves of the Northern Section")
    caption = decks.both("菩萨像（示意）", "A bodhisattva (illustrative)")
    slide = decks.deck({"type": "gallery", "title": title, "photos": [
        {"src": "images/saint.png", "caption": caption}]}) if gallery else decks.deck(
        image_slide("images/saint.png", title=title, caption=caption))
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, slide, cfg)
    for language in ("zh", "en"):
        _shot, view = render_slide(loaded, cfg, 0, (1080, 1920), language)
        heading = next(t for t in decks.items_of(view) if isinstance(t, TextBox)
                       and t.role == "title")
        picture = next(p for p in decks.items_of(view) if isinstance(p, PictureItem))
        shown = picture.mapRectToScene(picture.rect)
        assert shown.top() >= heading.ink_rect().bottom(), language
        assert shown.width() == pytest.approx(view.ctx.width) and shown.bottom() == \
            pytest.approx(view.ctx.height)  # (it bleeds at the sides and the foot)
        kept = picture.source().width() / picture.image.width()
        assert kept >= 0.95, (language, kept)  # (its sides nearly whole, 84 % before)
        assert audit(view) == []

