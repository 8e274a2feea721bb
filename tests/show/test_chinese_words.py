"""Where Chinese words begin and end: jieba's dictionary, cut as jieba cuts it."""

from __future__ import annotations

import pytest

from kiosk.show.chinesewords import _cut, inside_word, word_start, words


@pytest.mark.parametrize(("text", "cut"), [
    ("抬头看看今晚的星空吧", "抬头/看看/今晚/的/星空/吧"),
    ("推动中欧班列高效稳定运行", "推动/中欧/班列/高效/稳定/运行"),
    ("从藏经洞到数字敦煌：一座石窟群跨越一千六百年",
     "从/藏经洞/到/数字/敦煌/：/一座/石窟群/跨越/一千六百/年"),
    ("南京努力成为发展新质生产力的重要阵地", "南京/努力/成为/发展/新/质/生产力/的/重要/阵地"),
])
def test_a_text_is_cut_into_the_words_a_reader_sees(text, cut):
    assert "/".join(_cut(text)) == cut


def test_a_break_inside_a_word_is_known_and_where_the_word_begins():
    text = "抬头看看今晚的星空吧"
    assert inside_word(text, 5)  # (今 / 晚)
    assert not inside_word(text, 6)  # (今晚 / 的)
    assert word_start(text, 5) == 4


def test_the_dictionary_is_flat_and_knows_its_words():
    table = words()
    assert table.count > 300_000 and len(table.starts) == table.count + 1
    assert table.find("今晚")[0] > 0
    assert table.find("今")[1] is True  # (longer words begin with it)
    assert table.find("晚今") == (0, False)
