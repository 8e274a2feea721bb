"""How text is set in its box."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from kiosk.show import fonts
from kiosk.show.textbox import TextBox


@pytest.mark.parametrize(("text", "full"), [
    ("基本公共服务水平连续居全省第一", "基本公共服务水平连续居全省"),
    ("The strongest economy of the whole province", "The strongest economy of the whole"),
])
def test_no_last_line_is_left_with_a_word_or_two(qapp, text, full):
    # The box is as wide as the first line the text would naturally fill; the rest
    # ("第一", "province") would sit alone on a last line.
    width = QFontMetricsF(fonts.font(26)).horizontalAdvance(full) + 2
    box = TextBox(text, width, 400, size=26, color=QColor("white"))
    assert len(box.lines) == 2 and "".join(box.lines).replace(" ", "") == text.replace(
        " ", "")
    first, last = (len(line) for line in box.lines)
    assert last * 3 > first  # evened out, not 13 and 2


def test_a_short_quoted_term_is_not_split_across_lines(qapp):
    text = "国家级专精特新“小巨人”企业"
    width = QFontMetricsF(fonts.font(26)).horizontalAdvance("国家级专精特新“小巨") + 2
    box = TextBox(text, width, 400, size=26, color=QColor("white"))
    assert "".join(box.lines) == text
    assert any("“小巨人”" in line for line in box.lines)  # not "“小巨" / "人”企业"


@pytest.mark.parametrize("text", [
    "The Fuxing bullet train runs at up to 350 km/h and links Beijing with Shanghai in "
    "four and a half hours.",
    "复兴号动车组最高时速350公里，2022年北京冬奥会期间开行智能动车组，从北京到张家口最快仅需47分钟。",
])
def test_a_number_and_its_unit_are_never_split_across_lines(qapp, text):
    """Trial 6: "350 km/" / "h and links…" on a totem; "最高时速350 / 公里" at type 1.3."""
    for width in range(200, 720, 7):
        lines = TextBox(text, width, 2000, size=30, color=QColor("white")).lines
        for line, after in itertools.pairwise(lines):
            assert not line.endswith("/"), (width, lines)
            assert not (line[-1].isdigit() and after.startswith(("km", "公里", "分钟"))), (
                width, lines)


@pytest.mark.parametrize("balance", [False, True])
def test_a_qualifier_stays_with_its_number_and_no_line_begins_with_de(qapp, balance):
    """Trial 7: "整合80余个自然保护地，面积约 / 2.2万平方公里" on a card, and a portrait
    title "大熊猫八百万年 / 的生存之路"."""
    for text, size in (("整合80余个自然保护地，面积约2.2万平方公里", 30),
                       ("大熊猫八百万年的生存之路", 80),
                       ("船队（俗称“粮帮”）逾万艘，从苏州北上", 30)):  # (逾 / 万艘, trial 31)
        for width in range(size * 5, size * 20, 11):
            lines = TextBox(text, width, 4000, size=size, bold=True, balance=balance,
                            color=QColor("white")).lines
            assert "".join(lines) == text
            assert not any(line.endswith(("约", "逾")) for line in lines), (width, lines)
            assert not any(line.startswith("的") for line in lines), (width, lines)


def body_lines(text: str, widths: range) -> Iterator[tuple[int, list[str]]]:
    """``text`` as running text at 32 px, wrapped at each of ``widths``: the width and its
    lines (their words all there)."""
    for width in widths:
        lines = TextBox(text, width, 4000, size=32, color=QColor("white"), role="body").lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        yield width, lines


def test_a_measure_stays_with_its_figure(qapp):
    """Trials 30 and 34: "…、宽 / 9.15米" in a story, "重 / 约4.5吨" in a caption."""
    for text in ("船体残长24.2米、宽9.15米，设13个水密隔舱，舱内出土降真香、檀香、胡椒等香料",
                 "这尊铜像高3米、重约4.5吨，由城中的工匠于1987年铸成，立在港口的入口"):
        for width, lines in body_lines(text, range(300, 900, 5)):
            for line, after in itertools.pairwise(lines):
                assert not (line.endswith(("宽", "重", "高")) and after[:1] in "0123456789约"), (
                    width, lines)


def test_an_author_stays_with_the_book_after_the_name(qapp):
    """Trial 34: "…卷十八；苏基 / 朗《刺桐梦华录》…" in a source line on a totem."""
    text = ("来源：（乾隆）《泉州府志》卷十八；苏基朗《刺桐梦华录》（2012年）；"
            "庄为玑《古刺桐港》（1989年）")
    split = 0
    for width, lines in body_lines(text, range(200, 1200, 3)):
        for line, after in itertools.pairwise(lines):
            for name in ("苏基朗", "庄为玑"):
                for cut in range(1, len(name)):
                    assert not (line.endswith(name[:cut]) and after.startswith(name[cut:])), (
                        width, lines)
            split += after.startswith("《")
    assert split  # (a line may still end before a title: the name is kept, not the whole)


def test_a_book_s_title_that_fits_a_line_is_not_broken(qapp):
    """Trial 35: "…《敦煌市 / 旅游统计公报》…" in a source line."""
    text = ("资料来源：国家文物局《全国重点文物保护单位保护状况评估报告》；"
            "敦煌市文化和旅游局《敦煌市旅游统计公报》历年版")
    for width, lines in body_lines(text, range(920, 1400, 7)):  # (the longer title
        for line in lines:  # 640 px at 32: up to 0.7 of a line, kept)
            assert line.count("《") == line.count("》"), (width, lines)


def test_a_name_and_its_number_stay_together(qapp):
    """Trial 35: "…the Northern Giant Buddha of Cave / 96 stands about 35.5 m tall"."""
    text = "Over 300 caves; the Northern Giant Buddha of Cave 96 stands about 35.5 m tall"
    for width, lines in body_lines(text, range(250, 1000, 9)):
        assert not any(line.endswith("Cave") for line in lines), (width, lines)
    for width in range(600, 1400, 50):
        box = TextBox("The Nine-storey Pavilion of Cave 96 and the Northern Giant Buddha",
                      width, 2000, size=60, bold=True, balance=True, role="title",
                      color=QColor("white"))
        assert not any(line.endswith("Cave") for line in box.lines), (width, box.lines)


def test_a_title_keeps_two_names_joined_by_a_dash_together(qapp):
    """Trial 41: "候鸟之路：东亚— / 澳大利西亚迁飞区的滩涂与水鸟": a single dash between two
    Chinese names joins them (东亚—澳大利西亚), it is no pause to break at; nor is a line
    broken inside the name after it ("澳大利 / 西亚")."""
    text = "候鸟之路：东亚—澳大利西亚迁飞区的滩涂与水鸟"
    name = "东亚—澳大利西亚"
    for width in range(700, 1500, 50):
        box = TextBox(text, width, 2000, size=68, bold=True, balance=True, role="title",
                      color=QColor("white"), max_lines=3)
        if len(box.lines) > 1:
            assert any(name in line for line in box.lines), (width, box.lines)


def test_a_reign_s_year_stays_with_its_name(qapp):
    """Trial 33: "…现存建筑为明永乐 / 十八年（1420年）所建" in a caption."""
    text = "鼓楼始建于元至元九年（1272年），现存建筑为明永乐十八年（1420年）所建"
    least = round(QFontMetricsF(fonts.font(32)).horizontalAdvance("现存建筑为明永乐十八年"))
    for width, lines in body_lines(text, range(least + 10, 1200, 7)):
        for line, after in itertools.pairwise(lines):
            assert not (line.endswith("永乐") and after.startswith("十八年")), (width, lines)


def test_a_chinese_date_stays_whole_and_a_conjunction_begins_its_line(qapp):
    """Trial 32: "1992年 / 4月3日" in a story's words, "百年梦想与 / 世纪建设" in a title."""
    for text, size, balance in (("三峡工程于1992年4月3日，由全国人大批准兴建", 32, False),
                                ("三峡工程：百年梦想与世纪建设", 80, False),
                                ("三峡工程：百年梦想与世纪建设", 80, True)):
        least = QFontMetricsF(fonts.font(size, bold=True)).horizontalAdvance("1992年4月3日，")
        for width in range(round(least) + 10, size * 16, 9):  # (the date fits a line)
            lines = TextBox(text, width, 4000, size=size, bold=True, balance=balance,
                            color=QColor("white")).lines
            assert "".join(lines) == text
            for line, after in itertools.pairwise(lines):
                assert not (line.endswith(("年", "月")) and after[:1].isdigit()), lines
                assert not line.endswith("与"), (width, lines)


@pytest.mark.parametrize("text", [
    "Built in the Wanli reign: a landmark for barges heading north to Beijing",
    "The Library Cave held some 50,000 items (an archive sealed around 1000) until 1900"])
def test_an_english_line_does_not_end_on_the_article_a(qapp, text):
    """Trial 31: a caption "…in the Wanli reign: a / landmark for barges…"; trial 35:
    "…(an / …"."""
    least = round(QFontMetricsF(fonts.font(32)).horizontalAdvance("landmark for barges"))
    for width, lines in body_lines(text, range(least + 10, 900, 7)):
        assert " ".join(lines) == text
        assert not any(line.endswith((" a", " A", "(an", " an")) for line in lines), (
            width, lines)


@pytest.mark.parametrize("balance", [False, True])
def test_two_names_an_en_dash_joins_stay_on_one_line(qapp, balance):
    """Trial 6: "and the Beijing– / Zhangjiakou Railway" in a headline."""
    text = "From the Beijing–Zhangjiakou Line to the Fuxing Bullet Trains: A Century"
    joined = QFontMetricsF(fonts.font(60, bold=True)).horizontalAdvance(
        "Beijing–Zhangjiakou")
    for width in range(round(joined) + 10, 1400, 23):
        lines = TextBox(text, width, 2000, size=60, bold=True, balance=balance,
                        color=QColor("white")).lines
        assert not any(line.endswith("–") for line in lines), (width, lines)


@pytest.mark.parametrize("balance", [False, True])
def test_a_quoted_name_of_a_few_words_stays_on_one_line(qapp, balance):
    """"Conceived “Digital / Dunhuang” and ...": a name in quotes was broken in two; a
    quoted sentence still wraps as any text does."""
    text = "Conceived “Digital Dunhuang” and brought in visitor caps and timed reservations"
    width = QFontMetricsF(fonts.font(26)).horizontalAdvance("Conceived “Digital Dunh") + 2
    box = TextBox(text, width, 400, size=26, color=QColor("white"), balance=balance)
    assert any("“Digital Dunhuang”" in line for line in box.lines), box.lines
    said = "She said “we will keep every cave open to visitors who book ahead” and left"
    box = TextBox(said, 300, 400, size=26, color=QColor("white"))
    assert not box.elided and len(box.lines) > 2


def test_quotes_in_english_are_as_narrow_as_english_type_sets_them(qapp):
    """The CJK font's “ ” are a whole em wide: right in Chinese, a gap in English."""
    english = TextBox("the “Suqing Partners” chain", 2000, 100, size=40,
                      color=QColor("white"))
    chinese = TextBox("“苏青合伙人”品牌", 2000, 100, size=40, color=QColor("white"))
    plain = TextBox("the Suqing Partners chain", 2000, 100, size=40, color=QColor("white"))
    assert english.text_width - plain.text_width < 40 * 1.2  # two quotes, narrow ones
    bare = TextBox("苏青合伙人品牌", 2000, 100, size=40, color=QColor("white"))
    assert chinese.text_width - bare.text_width == pytest.approx(80, abs=2)  # full width


def test_titles_break_in_balanced_lines_at_pauses_not_inside_phrases(qapp):
    size = 104
    width = QFontMetricsF(fonts.font(size, bold=True)).horizontalAdvance("坚定信心 鼓足干劲") + 4
    title = TextBox("坚定信心 鼓足干劲 勇挑大梁", width, 600, size=size, bold=True,
                    color=QColor("white"), balance=True)
    phrases = {"坚定信心", "鼓足干劲", "勇挑大梁"}
    assert all(set(line.split()) <= phrases for line in title.lines)  # at a space between
    # phrases, never 鼓足 / 干劲
    words = "Firm Confidence, Full Effort, Shouldering the Load"
    width = QFontMetricsF(fonts.font(size, bold=True)).horizontalAdvance(
        "Shouldering the Load") + 4
    title = TextBox(words, width, 1000, size=size, bold=True, color=QColor("white"),
                    balance=True)
    assert title.lines == ["Firm Confidence,", "Full Effort,", "Shouldering the Load"]
    unbalanced = TextBox(words.lower(), width, 1000, size=size, bold=True,
                         color=QColor("white"))  # (in lower case: running text keeps a
    assert unbalanced.lines[-1] == "the load"  # name of capitals whole; what greedy
    # breaking gives)


@pytest.mark.parametrize("title", ["千年窑火不熄：从御窑厂到世界瓷都的景德镇陶瓷文明之路",
                                   "Chinese Ceramic Exports over Fifteen Years: Four "
                                   "Destination Markets"])
def test_a_title_breaks_at_its_colon_rather_than_inside_a_word(qapp, title):
    size = 68
    height = QFontMetricsF(fonts.font(size, bold=True)).height() + 2 * size * 1.2
    box = TextBox(title, 1728, height * 1.01, size=size, bold=True, color=QColor("white"),
                  balance=True, max_lines=3, line_height=1.2)
    assert box.lines[0][-1] in "：:"  # 千年窑火不熄： / 从御窑厂..., not ...到世 / 界瓷都
    assert box.font_size == size


def test_a_title_is_set_a_little_smaller_to_break_at_its_colon(qapp):
    """Trial 10, a totem: "从禄丰龙到澄江 / 动物群：云南 / 五亿年的生命长卷" split the name
    澄江动物群 and left its colon inside a line. A title is set up to an eighth smaller
    where it then breaks far better: "从禄丰龙到澄江动物群： / 云南五亿年的生命长卷"."""
    title = "从禄丰龙到澄江动物群：云南五亿年的生命长卷"
    box = TextBox(title, 972, 400, size=100, bold=True, color=QColor("white"),
                  balance=True, max_lines=3, line_height=1.1)
    assert box.lines == ["从禄丰龙到澄江动物群：", "云南五亿年的生命长卷"]
    assert 100 * 0.87 <= box.font_size < 100
    plain = TextBox("坚定信心 鼓足干劲 勇挑大梁", 972, 400, size=100, bold=True,
                    color=QColor("white"), balance=True, max_lines=3)
    assert plain.font_size == 100  # (a title that breaks well keeps its size)


def test_a_long_title_is_set_up_to_a_quarter_smaller_to_end_a_line_at_its_colon(qapp):
    """Trial 14, a totem: "从帆船到集装箱：一座 / 江海港口…" split 一座江海港口 and left the
    colon inside a line; an eighth smaller was not enough for the colon to end one. A
    quarter smaller sets the subtitle off; never below SUBTITLE_SMALLEST of the size."""
    from kiosk.show.textbox import SUBTITLE_SMALLEST

    title = "从帆船到集装箱：一座江海港口一百八十年的航运、贸易与城市变迁"
    height = QFontMetricsF(fonts.font(104, bold=True)).height() + 2 * 104 * 1.2
    box = TextBox(title, 972, height, size=104, bold=True, color=QColor("white"),
                  balance=True, max_lines=3, line_height=1.2)
    assert box.lines[0] == "从帆船到集装箱："
    assert 104 * SUBTITLE_SMALLEST <= box.font_size < 104 * 0.8
    english = ("From Sail to Container: One Hundred and Eighty Years of Shipping, Trade "
               "and a City on the River Mouth")
    wide = TextBox(english, 1486, height, size=104, bold=True, color=QColor("white"),
                   balance=True, max_lines=3, line_height=1.2)
    assert wide.font_size > 104 * 0.7  # (not made half its size for the colon's sake)


def test_a_headline_does_not_break_inside_a_place_phrase(qapp):
    """Trial 10: "一位地质学家在红土坡 / 上捡到了一块骨头": 上 closes the place 在红土坡上 and
    does not begin a line; nor does a break fall inside the phrase (在红 / 土坡上)."""
    text = "一位地质学家在红土坡上捡到了一块骨头"
    width = QFontMetricsF(fonts.font(80, bold=True)).horizontalAdvance(text) * 0.66
    box = TextBox(text, width, 400, size=80, bold=True, color=QColor("white"),
                  balance=True, max_lines=3)
    assert len(box.lines) == 2 and box.lines[0].endswith("在红土坡上"), box.lines


def test_a_headline_does_not_split_a_name(qapp):
    """Trial 11: "The Hong / Kong–Zhuhai–Macao Bridge: a Great Wall on the sea". In a
    sentence-case text two capitals side by side are one name, worse to break than after
    a dash between names (Hong Kong– / Zhuhai); a title-case text breaks between them as
    between any words."""
    for width in (760, 1100):
        box = TextBox("The Hong Kong–Zhuhai–Macao Bridge: a Great Wall on the sea", width,
                      400, size=72, bold=True, color=QColor("white"), balance=True,
                      max_lines=3, line_height=1.15)
        assert not any(line.endswith("Hong") for line in box.lines), box.lines
    from kiosk.show.textbox import _title_case

    assert _title_case("A Home for an Industrial Cluster")
    assert not _title_case("The Hong Kong–Zhuhai–Macao Bridge: a Great Wall on the sea")


def test_a_title_with_a_hyphenated_word_breaks_between_its_words(qapp):
    """Trial 13, on a totem: "A Green Future Starts / with / Every Kilowatt-hour": the
    "hour" of Kilowatt-hour made the title read as a sentence, and its capitals as names
    not to be parted: "with" stood alone on a line."""
    box = TextBox("A Green Future Starts with Every Kilowatt-hour", 972, 2000, size=96,
                  bold=True, color=QColor("white"), balance=True, max_lines=4,
                  line_height=1.15, smallest=60)
    assert box.lines == ["A Green Future", "Starts with Every", "Kilowatt-hour"], box.lines


@pytest.mark.parametrize(("title", "width", "lines"), [
    ("The Spring Festival Travel Rush in Numbers", 1100,
     ["The Spring Festival", "Travel Rush", "in Numbers"]),
    ("China Space Station Tiangong in Orbit Since 2021", 1700,
     ["China Space Station Tiangong", "in Orbit Since 2021"]),
    ("From Sailing Ships to Container Giants: A River Port City", 760,
     ["From Sailing Ships", "to Container Giants:", "A River Port City"]),
])
def test_a_title_s_lines_end_before_its_small_words_not_inside_a_name(qapp, title, width,
                                                                      lines):
    """Designer trial: "The Spring / Festival Travel / Rush", "China Space Station /
    Tiangong": in a title-case title any two capitals may be a name, and a line of a
    title set by hand ends before its small words (of, to, in) or at a pause."""
    box = TextBox(title, width, 2000, size=96, bold=True, color=QColor("white"),
                  balance=True, max_lines=4, line_height=1.15, smallest=60)
    assert box.lines == lines


def test_a_number_said_in_words_is_not_broken_in_a_title(qapp):
    """Trial 10: "...Fauna: Half a / Billion Years...": "a" was taken for an article, whose
    break costs little; in "half a billion" it is a number."""
    title = "From Lufengosaurus to the Chengjiang Fauna: Half a Billion Years of Life in Yunnan"
    box = TextBox(title, 1500, 400, size=100, bold=True, color=QColor("white"),
                  balance=True, max_lines=3, line_height=1.1)
    joined = " / ".join(box.lines)
    assert "Half a Billion" in joined and "Half /" not in joined, box.lines


def test_a_word_is_never_broken_in_two_the_text_shrinks_instead(qapp):
    box = TextBox("Taoxichuan Creative District", 150, 300, size=40, color=QColor("white"))
    assert {word for line in box.lines for word in line.split()} == {
        "Taoxichuan", "Creative", "District"}  # not "Taoxich / uan"
    assert box.font_size < 40


def test_text_too_long_for_its_box_is_cut_at_a_word_with_an_ellipsis(qapp):
    box = TextBox("Taoxichuan Creative District of Jingdezhen", 130, 70, size=30,
                  smallest=24, color=QColor("white"))
    assert box.elided and box.lines[-1].endswith("…")
    words = {"Taoxichuan", "Creative", "District", "of", "Jingdezhen"}
    for line in box.lines:  # whole words, or a word cut short with "…", never "Taoxich / uan"
        assert all(w in words or w.endswith("…") for w in line.split())
    whole = TextBox("Firing", 400, 20, size=30, smallest=24, color=QColor("white"))
    assert not whole.elided and whole.lines == ["Firing"]  # (all of it shown: not "cut")


def test_centred_lines_ending_in_full_width_punctuation_look_centred(qapp):
    """感谢参观，下一站： over 第四展厅“未来的列车”: the colon's line was centred with the
    colon left out, the quote's with the quote in, and the two looked 48 px apart."""
    from PySide6.QtGui import QImage, QPainter

    def ink(text: str) -> tuple[int, int]:
        box = TextBox(text, 600, 80, size=40, color=QColor("white"), align="center")
        image = QImage(600, 80, QImage.Format.Format_RGB32)
        image.fill(QColor("black"))
        painter = QPainter(image)
        box.paint_text(painter)
        painter.end()
        xs = [x for x in range(600) for y in range(80)
              if QColor(image.pixel(x, y)).lightness() > 128]
        return min(xs), max(xs)

    for text in ("坚定信心，", "感谢参观，下一站：", "第四展厅“未来的列车”", "坚定信心"):
        left, right = ink(text)
        assert abs((left + right) / 2 - 300) <= 2, text  # its ink in the middle


def test_a_title_breaks_between_chinese_words_and_never_before_a_measure_word():
    """A dictionary tells Chinese words apart: a break inside one (外 / 行星) costs more
    than one between words (系 / 外行星), a break after 的 least, one between 5,842 and 颗
    as much as inside a word."""
    from kiosk.show.textbox import _break_cost

    text = "已确认的5,842颗系外行星"
    after_particle = _break_cost(text, text.index("的") + 1, 40)
    between = _break_cost(text, text.index("外"), 40)
    inside = _break_cost(text, text.index("行"), 40)
    before_measure = _break_cost(text, text.index("颗"), 40)
    assert after_particle < between < inside == before_measure


@pytest.mark.parametrize("title, words", [
    ("抬头看看今晚的星空吧", {"抬头", "看看", "今晚", "星空"}),
    ("从江河到龙头：百年供水之路", {"江河", "龙头", "百年", "供水"}),
])
def test_a_narrow_title_takes_a_line_more_rather_than_break_a_word(qapp, title, words):
    """A portrait closing slide, five characters a line: 抬头看看今 / 晚的星空吧 was the
    cheapest split without a dictionary."""
    size = 80
    metrics = QFontMetricsF(fonts.font(size, bold=True))
    width = metrics.horizontalAdvance("抬头看看今") + 2
    box = TextBox(title, width, metrics.height() * 5, size=size, bold=True,
                  color=QColor("white"), balance=True, max_lines=5, line_height=1.2)
    assert box.font_size == size or ("：" in title and box.lines[1].endswith("："))  # (a
    for word in words:  # little smaller to end a line at its colon, trial 14)
        assert any(word in line for line in box.lines), box.lines


def test_body_text_wraps_before_a_chinese_word_it_cannot_finish(qapp):
    size = 40
    metrics = QFontMetricsF(fonts.font(size))
    text = "观众可以在展厅里抬头看看今晚的星空"
    width = metrics.horizontalAdvance("观众可以在展厅里抬头看看今") + 2
    box = TextBox(text, width, 1000, size=size, color=QColor("white"))
    assert box.lines[0].endswith("看看") and box.lines[1].startswith("今晚"), box.lines


def test_a_number_keeps_its_unit_on_its_line(qapp):
    metrics = QFontMetricsF(fonts.font(30))
    text = "Of which 48,000 km high-speed"
    box = TextBox(text, metrics.horizontalAdvance("Of which 48,000 k"), 500, size=30,
                  color=QColor("white"))
    assert "48,000 km" in box.lines  # not "Of which 48,000 / km high-speed"
    assert " ".join(box.lines) == text  # (the space is a space in what it says)


def test_a_quoted_term_is_not_a_pause_before_its_noun():
    """郑州：“米” / 字形高铁网的中心 broke the word 米字形 after its closing quote."""
    from kiosk.show.textbox import _break_cost

    text = "郑州：“米”字形高铁网的中心"
    assert _break_cost(text, text.index("：") + 1, 60) < 0  # the subtitle's colon: yes
    assert _break_cost(text, text.index("字"), 60) > 0  # after the closing quote: no


def test_a_hyphenated_word_and_a_chinese_number_stay_whole(qapp):
    """"a 9- / kilometre gallery", "Nine- / Coloured Deer", "一千六百 / 年"."""
    metrics = QFontMetricsF(fonts.font(30))
    box = TextBox("along a 9-kilometre gallery of caves",
                  metrics.horizontalAdvance("along a 9-kilo"), 500, size=30,
                  color=QColor("white"))
    assert "9-kilometre" in " ".join(box.lines).split()
    assert all(not line.endswith("-") for line in box.lines)
    big = QFontMetricsF(fonts.font(80, bold=True))
    title = TextBox("一座石窟群跨越一千六百年的守护与传承之路",
                    big.horizontalAdvance("一座石窟群跨越一千六百") + 2, 1000, size=80,
                    bold=True, color=QColor("white"), balance=True, max_lines=3,
                    line_height=1.2)
    assert any("一千六百年" in line for line in title.lines), title.lines


def _ink_columns(box: TextBox) -> list[int]:
    """The columns of a box drawn white on black that have ink."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(int(box.box.width()) + 40, int(box.box.height()) + 4,
                   QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.translate(20, 0)
    box.paint_text(painter)
    painter.end()
    return [x - 20 for x in range(image.width())
            if any(QColor(image.pixel(x, y)).red() > 100 for y in range(image.height()))]


def test_full_width_marks_that_meet_are_set_close_and_an_opening_quote_hangs(qapp):
    """郑州：“米”字形 had an em of nothing between the colon and the quote, and a title
    starting with “ looked indented by half an em."""
    size = 60
    paired = TextBox("郑州：“米”字形", 2000, 200, size=size, color=QColor("white"))
    plain = TextBox("郑州：米字形", 2000, 200, size=size, color=QColor("white"))

    def widest_gap(box: TextBox) -> int:
        columns = _ink_columns(box)
        return max(b - a for a, b in itertools.pairwise(columns))

    # (colon to quote no wider than colon to 米: it was half an em wider)
    assert widest_gap(paired) <= widest_gap(plain) + size * 0.15
    quoted = TextBox("“数字敦煌”的流水线", 2000, 200, size=size, color=QColor("white"))
    bare = TextBox("数字敦煌的流水线", 2000, 200, size=size, color=QColor("white"))
    assert _ink_columns(quoted)[0] == pytest.approx(_ink_columns(bare)[0], abs=size * 0.12)


def test_text_cut_short_is_cut_between_words(qapp):
    """"registered in the Third Natio…": the README promises a cut between words."""
    text = "Immovable heritage sites registered in the Third National Survey of 2007"
    metrics = QFontMetricsF(fonts.font(24))
    width = metrics.horizontalAdvance("registered in the Third National") + 2
    box = TextBox(text, width, 400, size=24, color=QColor("white"), max_lines=2,
                  smallest=24)
    assert box.elided and box.lines[-1].endswith("…")
    kept = box.lines[-1][:-1].split()
    assert all(word in text.split() for word in kept), box.lines  # (whole words only)


@pytest.mark.parametrize(("text", "width", "whole"), [
    ("Where the Merchants of Ten Thousand Lands Met", 900, "Ten Thousand"),
    ("Quanzhou: Emporium of the World in Song–Yuan China", 1000, "the World"),
])
def test_an_english_title_never_ends_a_line_on_an_article_nor_splits_a_number(
        qapp, text, width, whole):
    """"Merchants of Ten / Thousand Lands", "Emporium of the / World"."""
    box = TextBox(text, width, 600, size=68, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=3)
    assert len(box.lines) > 1 and any(whole in line for line in box.lines), box.lines
    assert not any(line.split()[-1].lower() in ("a", "an", "the") for line in box.lines)


@pytest.mark.parametrize(("width", "size"), [(1300, 104), (900, 68)])
def test_an_english_title_breaks_before_its_verb_not_after_its_first_word(qapp, width,
                                                                          size):
    """Trial 33: "Protecting / the Axis Is Protecting / the Backbone of Beijing" on a
    closing slide: a break before a small word was free, one before the verb was not."""
    text = "Protecting the Axis Is Protecting the Backbone of Beijing"
    box = TextBox(text, width, 2000, size=size, color=QColor("white"), bold=True,
                  balance=True, role="hero", max_lines=4)
    assert " ".join(box.lines) == text
    assert all(len(line.split()) > 1 for line in box.lines), box.lines
    assert box.lines[0] == "Protecting the Axis", box.lines


@pytest.mark.parametrize("width", [1400, 1600, 1800])
def test_a_title_with_an_aside_in_brackets_keeps_its_compound_and_its_verb_whole(
        qapp, width):
    """Trial 34, at type scale 1.3: "Where Quanzhou- / Ware Porcelain Has Been Found
    Abroad / (estimated shares)": the aside in lower case made the title read as a
    sentence, every break between its capitals cost as much as inside a name, and the
    compound's hyphen was the cheapest; then "…Porcelain Has / Been Found…"."""
    text = "Where Quanzhou-Ware Porcelain Has Been Found Abroad (estimated shares)"
    box = TextBox(text, width, 2000, size=72, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=3)
    assert box.lines[0] == "Where Quanzhou-Ware Porcelain", box.lines
    assert box.lines[1].startswith("Has Been Found Abroad"), box.lines


def test_a_question_s_line_begins_with_its_verb(qapp):
    """Trial 32: "How Much of a Year's Yangtze Water Can / the Reservoir Hold?"."""
    box = TextBox("How Much of a Year’s Yangtze Water Can the Reservoir Hold?", 1400, 2000,
                  size=72, color=QColor("white"), bold=True, balance=True, role="title")
    assert box.lines == ["How Much of a Year’s Yangtze Water", "Can the Reservoir Hold?"]


def test_a_title_is_set_a_little_smaller_to_end_its_lines_at_a_pause(qapp):
    """Trial 17: "Look Up at the Stars, Keep / Your Feet on the Ground" at 104 px; 2 %
    smaller, it breaks at its comma, as a typesetter sets it."""
    title = "Look Up at the Stars, Keep Your Feet on the Ground"
    box = TextBox(title, 1486, 400, size=104, bold=True, color=QColor("white"),
                  balance=True, max_lines=3, line_height=1.2)
    assert box.lines == ["Look Up at the Stars,", "Keep Your Feet on the Ground"]
    assert 104 * 0.94 <= box.font_size < 104


def test_a_subtitle_after_a_colon_is_not_left_with_a_short_line_of_its_own(qapp):
    """Trial 24: "Behind Every Shot: / More than / Two Centuries of Science", a closing
    title whose colon ended a line and whose subtitle broke after "than", its middle
    line a third of the others. A subtitle that fits a line somewhat smaller is set so."""
    title = "Behind Every Shot: More than Two Centuries of Science"
    height = QFontMetricsF(fonts.font(104, bold=True)).height() + 2 * 104 * 1.2
    box = TextBox(title, 1486, height * 1.05, size=104, bold=True, color=QColor("white"),
                  balance=True, max_lines=3, line_height=1.2)
    assert box.lines == ["Behind Every Shot:", "More than Two Centuries of Science"]
    assert 104 * 0.76 <= box.font_size < 104


@pytest.mark.parametrize(("title", "first"), [
    ("A Pandemic Setback: Change in DTP3 Coverage by WHO Region, 2019–2021",
     "A Pandemic Setback:"),  # (not "…Change in DTP3 / Coverage…", trial 24)
    ("Over 13.5 Billion COVID-19 Doses by Vaccine Platform",
     "Over 13.5 Billion COVID-19 Doses"),  # (not "…COVID-19 / Doses by…")
])
def test_a_title_does_not_split_a_name_ending_in_a_number(qapp, title, first):
    size = 68
    height = QFontMetricsF(fonts.font(size, bold=True)).height() + 2 * size * 1.2
    box = TextBox(title, 1728, height, size=size,
                  bold=True, color=QColor("white"), balance=True, max_lines=3,
                  line_height=1.2, role="title")
    assert box.lines[0] == first, box.lines


def test_a_title_does_not_leave_a_one_character_word_from_the_word_it_modifies(qapp):
    """Trial 19: "生命之网：从寒武纪大 / 爆发到今天的山川湖海" on a wall: 大 of 大爆发
    (the Cambrian explosion) ended a line; the colon is where the title pauses."""
    box = TextBox("生命之网：从寒武纪大爆发到今天的山川湖海", 1650, 2000, size=104, bold=True,
                  color=QColor("white"), balance=True, max_lines=3, line_height=1.2)
    assert box.lines == ["生命之网：", "从寒武纪大爆发到今天的山川湖海"], box.lines


def test_a_title_may_end_a_line_with_a_verb_of_one_character(qapp):
    """Trial 20: "每一个物种都是亿万年 / 演化的奇迹" (5 characters under 10): 是 was held
    to lean on the word after it, as 大 of 大爆发 does; it modifies nothing."""
    box = TextBox("每一个物种都是亿万年演化的奇迹", 1400, 2000, size=110, bold=True,
                  color=QColor("white"), balance=True, max_lines=3, line_height=1.2)
    assert box.lines == ["每一个物种都是", "亿万年演化的奇迹"], box.lines


def test_a_title_keeps_a_number_with_its_magnitude(qapp):
    """Trial 19, on a totem: "Deep Time, 540 / Million Years Ago"."""
    for width in (972, 760, 600):
        box = TextBox("Deep Time, 540 Million Years Ago to Today", width, 2000, size=96,
                      bold=True, color=QColor("white"), balance=True, max_lines=4,
                      line_height=1.15, smallest=60)
        assert not any(line.endswith("540") for line in box.lines), (width, box.lines)


@pytest.mark.parametrize(("title", "width", "size", "lines"), [
    ("Spring Passage Birds Counted at Six Monitoring Stations", 972, 68,
     ["Spring Passage", "Birds Counted", "at Six Monitoring Stations"]),
    ("Every Species Is a Miracle Hundreds of Millions of Years in the Making", 972, 68,
     ["Every Species Is a Miracle", "Hundreds of Millions", "of Years in the Making"]),
])
def test_a_title_s_line_does_not_end_with_a_small_word(qapp, title, width, size, lines):
    """Trial 20: "Birds Counted at / Six…", "Every Species Is a / Miracle…": once a break
    between two capitals cost more, a line ending in a small word cost less than it."""
    box = TextBox(title, width, 2000, size=size, bold=True, color=QColor("white"),
                  balance=True, max_lines=4, line_height=1.15, smallest=size * 0.6)
    assert box.lines == lines


def test_a_slides_title_takes_a_third_line_only_where_it_reads_far_better(qapp):
    """Trial 21: "China's Trade with Belt / and Road Partner Countries, / 2023, by Kind of
    Goods" took a third line to end one at a comma; over a donut, the line was the
    chart's (a quarter smaller). A title over content keeps to the lines it needs."""
    text = "China’s Trade with Belt and Road Partner Countries, 2023, by Kind of Goods"
    box = TextBox(text, 1728, 600, size=68, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=3, line_height=1.2)
    assert len(box.lines) == 2 and box.font_size >= 68 * 0.94, box.lines
    assert box.lines[0].endswith("Countries,"), box.lines


def test_a_title_keeps_the_words_in_its_brackets_together(qapp):
    """Trial 21, on a totem: "around Quanzhou (Song / and Yuan Dynasties)"."""
    box = TextBox("The Sea-trade Network around Quanzhou (Song and Yuan Dynasties)", 972,
                  600, size=68, color=QColor("white"), bold=True, balance=True,
                  role="title", max_lines=3, line_height=1.2)
    assert box.lines[-1] == "(Song and Yuan Dynasties)", box.lines


def test_a_title_is_set_smaller_rather_than_break_inside_its_brackets(qapp):
    """Trial 25, beside an upright photo: "江豚出水（湖北· / 天鹅洲故道）", broken at the
    dot inside the brackets (a pause there is none). A little smaller, the aside whole."""
    box = TextBox("江豚出水（湖北·天鹅洲故道）", 622, 181, size=68, color=QColor("white"),
                  bold=True, balance=True, role="title", max_lines=2, line_height=1.2)
    assert box.lines == ["江豚出水", "（湖北·天鹅洲故道）"]
    assert box.font_size >= 68 * 0.85


@pytest.mark.parametrize(("title", "width", "together"), [
    ("“I feel good”: Yang Liwei’s 21 Hours aboard Shenzhou-5, China’s First Crewed "
     "Spaceflight", 1002, "21 Hours"),  # (a quotation and "aboard" in lower case: still
    # a title, its count kept with what it counts)
    ("Outside and Inside the Station: A Difference of More Than 270 Degrees Celsius", 972,
     "More Than 270"),
    ("Selecting the Third Group of Astronauts: From More Than 2,500 Applicants to 18", 972,
     "More Than 2,500"),
])
def test_a_title_keeps_a_number_with_its_count_and_its_more_than(qapp, title, width,
                                                                 together):
    """Trial 26: "Yang Liwei's 21 / Hours aboard…", "A Difference of More / Than 270…",
    "From More / Than 2,500 Applicants"."""
    box = TextBox(title, width, 263, size=68, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=3, line_height=1.2)
    assert any(together in line for line in box.lines), box.lines
    if "Celsius" in title:  # (and not set a quarter smaller for it: its subtitle in two
        assert box.font_size >= 68 * 0.9, box.font_size  # lines of like length is set)


@pytest.mark.parametrize(("title", "first"), [
    ("Where Did a Shipload Go? The Hold of an 1880 Tea Clipper by Destination",
     "Where Did a Shipload Go?"),
    ("Who Ran the Tea Road? Tea Firms, Shanxi Banks, Shipping Houses and Foreign "
     "Merchants around the Wuyi Mountains", "Who Ran the Tea Road?"),
])
def test_a_title_breaks_after_its_question_as_after_a_colon(qapp, title, first):
    """Trial 27: "Where Did a Shipload Go? The Hold / of an 1880 Tea Clipper…": a
    question sets off what follows it as a colon does."""
    box = TextBox(title, 1728, 263, size=68, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=3, line_height=1.2)
    assert box.lines[0] == first, box.lines


def test_a_chinese_title_does_not_begin_a_line_with_the_hou_of_a_time(qapp):
    """Trial 27, a totem: "1840—1842年战乱 / 后的起落与复苏": 后 closes 战乱后 (after the
    war), as 上 closes 红土坡上."""
    box = TextBox("1840—1842年战乱后的起落与复苏", 500, 400, size=40, color=QColor("white"),
                  bold=True, balance=True, role="title", max_lines=3, line_height=1.2)
    assert len(box.lines) == 2 and not box.lines[1].startswith("后"), box.lines


@pytest.mark.parametrize(("text", "width", "torn"), [
    ("青藏铁路有960公里线路位于海拔4000米以上，是世界上海拔最高的高原铁路", 630, "以上"),
    ("Some 960 km of the line lie above 4,000 m, the highest railway in the world", 620,
     "4,000"),
])
def test_a_quantity_keeps_the_words_that_bound_it(qapp, text, width, torn):
    """Trial 28: "…海拔4000米 / 以上" and "…lie above / 4,000 m": a line began with
    the word that bounds a quantity, or with the quantity, its "above" left behind."""
    box = TextBox(text, width, 400, size=32, color=QColor("white"), role="body")
    assert not any(line.startswith(torn) for line in box.lines[1:]), box.lines


def test_a_short_aside_in_brackets_is_kept_on_one_line(qapp):
    """Trial 28: "…兰新高铁（2014年 / 贯通）" in a caption: a short aside in brackets is
    kept whole, as a quoted term is."""
    text = "穿越戈壁与雪山的兰新高铁（2014年贯通）全长1776公里"
    for width in range(300, 700, 20):
        box = TextBox(text, width, 400, size=32, color=QColor("white"), role="body")
        assert any("（2014年贯通）" in line for line in box.lines) or not any(
            "（" in line and "）" not in line for line in box.lines), (width, box.lines)


def test_words_kept_together_are_never_split_when_lines_are_evened(qapp):
    """Trial 26, a figure's note at type scale 1.3: "About 90 min / utes per orbit". The
    lines were evened narrower than "About 90 minutes", laid out as one (its qualifier and
    unit held to the number), and Qt broke it inside a word."""
    box = TextBox("About 90 minutes per orbit", 376, 126, size=30.8, color=QColor("white"),
                  role="note")
    assert box.lines == ["About 90 minutes", "per orbit"], box.lines


def test_a_title_a_pixel_too_wide_to_balance_is_set_a_little_smaller(qapp):
    """Trial 24, beside a film: "Karikó and Weissman: A / Nucleoside Modification…": its
    balanced lines were a pixel too wide at 68 px, and it was wrapped as it came. A
    little smaller, it breaks at its colon."""
    title = "Karikó and Weissman: A Nucleoside Modification Long Overlooked"
    box = TextBox(title, 864, 263, size=68, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=3, line_height=1.2)
    assert box.lines[0] == "Karikó and Weissman:", box.lines
    assert box.font_size >= 68 * 0.94


@pytest.mark.parametrize("size", [36, 47])  # (type scale 1 and 1.3)
def test_a_range_of_years_is_not_broken_nor_its_bracket_left_alone(qapp, size):
    """Trial 25, a card's heading: "十年禁渔（2021— / 2030年）", at type scale 1.3
    "十年禁渔（2021 / —2030年）". The range and its bracket on a line of their own,
    smaller where they would not fit one."""
    box = TextBox("十年禁渔（2021—2030年）", 391, 200, size=size, color=QColor("white"),
                  bold=True, role="heading")
    assert box.lines == ["十年禁渔", "（2021—2030年）"]


def test_a_number_keeps_the_word_that_qualifies_it(qapp):
    """Trial 25, a title on a totem: "The Middle Yangtze: about / 400 km…"."""
    title = "The Middle Yangtze: about 400 km from Yichang to Yueyang"
    box = TextBox(title, 972, 181, size=68, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=2, line_height=1.2)
    assert not any(line.endswith("about") for line in box.lines), box.lines
    body = TextBox("The river was counted over about 400 km of its main stem", 560, 400,
                   size=32, color=QColor("white"))
    assert not any(line.endswith("about") for line in body.lines), body.lines


def test_a_species_name_of_three_words_in_italics_stays_on_one_line(qapp):
    """Trial 25: "(Neophocaena asiaeorientalis / asiaeorientalis)" on a totem."""
    text = ("The Yangtze finless porpoise (*Neophocaena asiaeorientalis asiaeorientalis*), "
            "the river's only surviving cetacean")
    box = TextBox(text, 972, 300, size=34, color=QColor("white"), max_lines=3)
    assert any("Neophocaena asiaeorientalis asiaeorientalis" in line for line in box.lines)


@pytest.mark.parametrize(("text", "role", "first"), [
    ("较2017年增长23.4%，首次止跌回升", "note", "较2017年增长23.4%，"),
    ("Up 23.4% on 2017, the first rise ever recorded", "note", "Up 23.4% on 2017,"),
    ("Main stem surveyed, Yichang to Shanghai", "label", "Main stem surveyed,"),
    ("三舱组合体质量（不含来访飞船）", "label", "三舱组合体质量"),  # (before its bracket,
])  # not （不含 / 来访飞船）, trial 26 at type scale 1.3)
def test_a_short_label_of_two_lines_breaks_at_its_pause(qapp, text, role, first):
    """Trial 25, a figure's note: "较2017年增长 / 23.4%，首次止跌回升", a verb torn from
    its number where the comma would do."""
    box = TextBox(text, 376, 140, size=24 if role == "note" else 28 if text.isascii()
                  else 33.8, color=QColor("white"), role=role)
    assert box.lines[0] == first and len(box.lines) == 2, box.lines


@pytest.mark.parametrize("title", [
    "The Journey of a Leaf: From *Camellia sinensis* to a Cup of Lapsang Souchong",
    "一片叶子的旅程：从*Camellia sinensis*到一杯“正山小种”"])
def test_a_title_keeps_a_name_in_italics_on_one_line(qapp, title):
    """Trial 27: "…From Camellia / sinensis to a Cup…" in a title (balanced lines knew
    nothing of the name)."""
    box = TextBox(title, 1728, 263, size=68, color=QColor("white"), bold=True,
                  balance=True, role="title", max_lines=3, line_height=1.2)
    assert any("Camellia sinensis" in line for line in box.lines), box.lines


def test_words_between_asterisks_are_set_in_italics_and_kept_together(qapp):
    """Trials 19 and 21: a scientific name (Teinopalpus aureus) could not be set in
    italics, as a museum's label sets it. Between asterisks it is, without them, and a
    short name is not broken across lines; a lone asterisk is written as it is."""
    from kiosk.show.textbox import emphasised

    assert emphasised("*Teinopalpus aureus*, a first-class protected species") == (
        "Teinopalpus aureus, a first-class protected species", [(0, 18)])
    assert emphasised("5 * 3 grid, ** and a *") == ("5 * 3 grid, ** and a *", [])
    assert emphasised("学名*Merops viridis*") == ("学名Merops viridis", [(2, 16)])

    def drawn(text: str, width: float) -> tuple[TextBox, QImage]:
        box = TextBox(text, width, 400, size=32, color=QColor("white"))
        image = QImage(round(width), 400, QImage.Format.Format_RGB32)
        image.fill(QColor("black"))
        painter = QPainter(image)
        box.paint_text(painter)
        painter.end()
        return box, image

    width = QFontMetricsF(fonts.font(32)).horizontalAdvance("Teinopalpus aureus，国家") + 4
    italic, _ = drawn("学名 *Teinopalpus aureus*，国家一级保护动物", width)
    assert "*" not in italic.text
    assert any(line.startswith("Teinopalpus aureus") for line in italic.lines), italic.lines
    _, slanted = drawn("学名 *Teinopalpus aureus*，国家一级保护动物", 1200)
    _, plain = drawn("学名 Teinopalpus aureus，国家一级保护动物", 1200)
    name = QFontMetricsF(fonts.font(32)).horizontalAdvance("学名 ")

    def column(image: QImage, x: int) -> list[int]:
        return [QColor(image.pixel(x, y)).lightness() for y in range(50)]

    assert all(column(slanted, x) == column(plain, x) for x in range(round(name) - 4))
    assert any(column(slanted, x) != column(plain, x) for x in range(round(name), 400))


def test_lines_evened_out_never_break_a_word(qapp):
    """Trial 22, at type scale 1.3: "Grid-connecte / d wind power": evening out its
    lines (power alone on the last) narrowed the box past its longest word."""
    for size in (28.0, 31.5, 34.0):
        box = TextBox("Grid-connected wind power", 376.2, 200, size=size,
                      color=QColor("white"), max_lines=3)
        assert "Grid-connected" in box.lines[0], (size, box.lines)


@pytest.mark.parametrize(("text", "width", "together"), [
    ("On Display: Model of a 3 MW Wind Turbine (Scale 1:200)", 900, "3 MW"),
    ("Three Gorges: 22,500 MW, the world's largest", 300, "22,500 MW"),
    ("From Sunlight to Socket: How Much of 100 Units of Sunlight Becomes Electricity?",
     1100, "100 Units"),
])
def test_a_number_and_its_unit_symbol_stay_on_one_line(qapp, text, width, together):
    """Trial 22: "Model of a 3 / MW Wind Turbine", "22,500 / MW", "of 100 / Units"."""
    for balance in (False, True):
        for step in range(0, 120, 24):
            box = TextBox(text, width - step, 800, size=56 if balance else 32,
                          color=QColor("white"), balance=balance, role="title" if
                          balance else "body", max_lines=4 if balance else None)
            assert any(together in line for line in box.lines), (width - step, box.lines)


@pytest.mark.parametrize(("text", "width", "size", "lines"), [
    ("清洁能源：从风车到“人造太阳”（1954—2024）", 972, 104,
     ["清洁能源：", "从风车到“人造太阳”", "（1954—2024）"]),
    ("十年之变：2014年与2024年（装机与结构）", 972, 68,
     ["十年之变：2014年与2024年", "（装机与结构）"]),
])
def test_a_chinese_title_keeps_its_years_and_its_aside_whole(qapp, text, width, size, lines):
    """Trial 22, on a totem: "…“人造太阳”（1954— / 2024）" tore a range of years (Qt's
    rules find no break between ” and （), "2014年与 / 2024年" a pair of them."""
    box = TextBox(text, width, 2000, size=size, color=QColor("white"), bold=True,
                  balance=True, role="hero" if size > 100 else "title", max_lines=3,
                  line_height=1.2)
    assert box.lines == lines


def test_chinese_characters_between_asterisks_stay_upright(qapp):
    """Trial 23: *安福舻* was slanted, 舻 touching its closing quote; Chinese type never
    slants its characters (the asterisks go, the characters stay as they are)."""
    def drawn(text: str) -> QImage:
        box = TextBox(text, 600, 100, size=40, color=QColor("white"))
        image = QImage(600, 100, QImage.Format.Format_RGB32)
        image.fill(QColor("black"))
        painter = QPainter(image)
        box.paint_text(painter)
        painter.end()
        return image

    assert drawn("漕船“*安福舻*”号") == drawn("漕船“安福舻”号")
    assert drawn("*Teinopalpus* 凤蝶") != drawn("Teinopalpus 凤蝶")


def test_a_year_before_the_common_era_keeps_its_mark(qapp):
    """Trial 23, on a totem's axis: "前 / 486年", 486年 alone read as a year of ours."""
    width = QFontMetricsF(fonts.font(26)).horizontalAdvance("486年") + 6
    box = TextBox("前486年", width, 400, size=26, color=QColor("white"), max_lines=2,
                  align="center", smallest=18)
    assert len(box.lines) == 1 or not box.lines[0].endswith("前"), box.lines
    box = TextBox("运河始凿于公元前486年的邗沟", 300, 400, size=26, color=QColor("white"))
    assert not any(line.endswith(("前", "公元")) for line in box.lines), box.lines


def test_per_cent_stays_on_one_line(qapp):
    """Trial 23, on a totem: "made up over 60 per / cent of the freight"."""
    text = "On the northern Jiangsu canal in 2023, coal and building materials made up " \
           "over 60 per cent of the freight; containers grew fastest."
    for width in range(560, 900, 20):
        box = TextBox(text, width, 800, size=32, color=QColor("white"))
        assert not any(line.endswith(" per") for line in box.lines), (width, box.lines)


def test_a_title_line_never_begins_with_a_particle_after_a_bracket(qapp):
    """Trial 23, on a totem: "到世界遗产（2014年） / 的两千五百年": a closing bracket is a
    pause, but a line never begins with 的."""
    for lines in (3, 5):
        box = TextBox("京杭大运河：从邗沟（前486年）到世界遗产（2014年）的两千五百年", 972, 2000,
                      size=104, color=QColor("white"), bold=True, balance=True,
                      max_lines=lines, role="hero", line_height=1.2)
        assert not any(line.startswith("的") for line in box.lines), box.lines


def test_a_roman_numeral_stays_with_what_it_counts(qapp):
    """Trial 24, on a totem: "……序列，Ⅱ / 期试验": the phase split from 期."""
    text = "2020年1月公布病毒基因序列，Ⅱ期试验同年7月开始"
    for width in range(200, 700, 10):
        box = TextBox(text, width, 800, size=32, color=QColor("white"))
        assert not any(line.endswith("Ⅱ") for line in box.lines), (width, box.lines)


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("Next Stop: Faster, Greener, Further", 1486, ["Next Stop:", "Faster, Greener, Further"]),
])
def test_a_title_keeps_the_list_its_colon_opens_whole(qapp, text, width, lines):
    """Trial 28: "Next Stop: Faster, / Greener, Further" evened its lines by breaking
    the list after its colon; the colon is where it breaks."""
    box = TextBox(text, width, 2000, size=104, color=QColor("white"), bold=True,
                  balance=True, role="hero", max_lines=3, line_height=1.2)
    assert box.lines == lines


def test_a_separator_where_a_line_breaks_is_not_written(qapp):
    """Trial 29: a totem's kicker "Jiangxi Museum of Natural History · / Special
    Exhibition · Hall 2" ended its first line on the separator. Where a line breaks
    at a separator, it is not written; between the parts on one line it stays."""
    for text, width in (("Jiangxi Museum of Natural History · Special Exhibition · Hall 2",
                         600), ("江西省自然博物馆 · 特展 · 第二展厅", 300)):
        box = TextBox(text, width, 200, size=28, color=QColor("white"), max_lines=2,
                      role="kicker", align="center")
        assert len(box.lines) == 2, box.lines
        assert not any(line.endswith("·") or line.startswith("·") for line in box.lines)
        assert "·" in box.lines[1], box.lines


def test_a_name_joined_by_of_stays_on_one_line_in_running_text(qapp):
    """Trial 33: "Temple / of Heaven" in a source line, "Altar / of the God of
    Agriculture" in a caption: capitals joined by "of" (the) are one name too."""
    text = ("Counted by the park office at the Temple of Heaven, and by the staff of the "
            "Altar of the God of Agriculture, each day of the year")
    metrics = QFontMetricsF(fonts.font(30))
    for width in range(300, 1000, 7):
        lines = TextBox(text, width, 2000, size=30, color=QColor("white"), role="body").lines
        at, cuts = 0, []
        for line in lines[:-1]:
            at = text.find(line, at) + len(line)
            cuts.append(at)
        for name in ("Temple of Heaven", "Altar of the God of Agriculture"):
            if metrics.horizontalAdvance(name) <= width * 0.8:  # (with room to spare)
                begins = text.find(name)
                assert not any(begins < cut < begins + len(name) for cut in cuts), (
                    width, lines)


def test_running_text_does_not_end_a_line_on_the_before_a_name(qapp):
    """Trial 40: "Over 300 caves; the / Northern Giant Buddha of Cave 96 stands…": the
    name was kept whole and its "the" left at the end of the line above."""
    text = "Over 300 caves; the Northern Giant Buddha of Cave 96 stands about 35.5 m tall"
    metrics = QFontMetricsF(fonts.font(26))
    for width in range(420, 1000, 9):
        lines = TextBox(text, width, 2000, size=26, color=QColor("white"), role="detail"
                        ).lines
        if metrics.horizontalAdvance("the Northern Giant Buddha of Cave 96") <= width * 0.8:
            assert not any(line.rstrip().endswith(" the") for line in lines), (width, lines)


def test_running_text_keeps_a_name_of_a_few_words_on_one_line(qapp):
    """Trial 29: a caption broke "from Laoye / Temple, Duchang County" with room to
    spare; trial 30, a source line "UNESCO / World Heritage Centre". Up to four
    capitalised words side by side in running text are a name a line does not break
    inside; a longer run of capitals breaks as any words do."""
    text = ("Counted each winter from the hide at Laoye Temple, Duchang County, on the "
            "lake's northern shore, for the UNESCO World Heritage Centre, by the Jiangxi "
            "Poyang Lake National Nature Reserve.")
    name = QFontMetricsF(fonts.font(30)).horizontalAdvance("UNESCO World Heritage Centre")
    for width in range(round(name / 0.8) + 1, 1100, 12):  # (where the longest name fits
        # a line with room to spare)
        box = TextBox(text, width, 800, size=30, color=QColor("white"), role="body")
        ends = [line.split()[-1] for line in box.lines[:-1]]
        starts = [line.split()[0] for line in box.lines[1:]]
        assert not {"Laoye", "Duchang", "UNESCO", "World", "Heritage"} & set(ends), (
            width, box.lines)
        assert not {"Temple,", "County,"} & set(starts), (width, box.lines)
        assert all(len(line) > 3 for line in box.lines)
