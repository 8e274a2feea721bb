"""Where Chinese words begin and end, so that lines break between words (今晚的 / 星空),
not inside one (今 / 晚的星空).

Chinese is written without spaces, and Unicode's line-breaking rules allow a break
between any two Han characters; which of those breaks fall between words takes a
dictionary: jieba's 348,974 words with their frequencies (``assets/words``), cut as
jieba cuts without guessing at unknown words (the likeliest way through the words the
dictionary knows). The dictionary is read on the first Chinese text laid out, into
three flat arrays (a few MB, where a segmenter's own tables took 33 MB).
"""

from __future__ import annotations

import bisect
import functools
import math
import struct
from array import array

from kiosk import resources
from kiosk.deck.text import is_han

LONGEST = 6
"""Characters of the longest word a line backs away from (a longer one is a name or a
term that would leave its line too short; it breaks like any text)."""


@functools.lru_cache(maxsize=4096)
def word_starts(text: str) -> tuple[int, ...]:
    """The offsets in ``text`` at which a word (or any other token) begins, in order."""
    if not any(is_han(char) for char in text):
        return tuple(range(len(text)))
    starts, at = [], 0
    for token in _cut(text):
        starts.append(at)
        at += len(token)
    return tuple(starts)


class Words:
    """The dictionary: its words in one string, sorted, where each begins, and their
    frequencies (flat arrays: no Python object per word)."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != b"KWD1":
            raise ValueError("not a word table")
        count, total, units = struct.unpack_from("<IQI", data, 4)
        at = 20 + units * 2
        self.text = data[20:at].decode("utf-16-le")
        self.starts = array("I")
        self.starts.frombytes(data[at:at + (count + 1) * 4])
        self.freqs = array("I")
        self.freqs.frombytes(data[at + (count + 1) * 4:at + (count + 1) * 4 + count * 4])
        self.count = count
        self.log_total = math.log(total)

    def find(self, word: str) -> tuple[int, bool]:
        """``word``'s frequency (0: not a word), and whether a longer word begins with
        it."""
        text, starts = self.text, self.starts
        lo, hi = 0, self.count
        while lo < hi:
            mid = (lo + hi) // 2
            if text[starts[mid]:starts[mid + 1]] < word:
                lo = mid + 1
            else:
                hi = mid
        found = lo < self.count and text[starts[lo]:starts[lo + 1]] == word
        after = lo + 1 if found else lo
        longer = after < self.count and text[starts[after]:starts[after + 1]].startswith(word)
        return (self.freqs[lo] if found else 0), longer


@functools.cache
def words() -> Words:
    """The dictionary, read once (on the first Chinese text laid out)."""
    return Words((resources.data_root() / "assets" / "words" / "zh-words.bin").read_bytes())


def _cut(text: str) -> list[str]:
    """``text`` in words: the likeliest way through the dictionary's words (each a
    frequency's share of the total; a character it does not know as a word, a word of
    its own), as jieba cuts without guessing at unknown words. What is not Chinese is
    one token a character."""
    table = words()
    size = len(text)
    best: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
    for at in range(size - 1, -1, -1):
        ends = [at + 1]
        scores = [math.log(table.find(text[at])[0] or 1) - table.log_total]
        if is_han(text[at]):
            end = at + 1
            while end < size and is_han(text[end]):
                freq, longer = table.find(text[at:end + 1])
                if freq:
                    ends.append(end + 1)
                    scores.append(math.log(freq) - table.log_total)
                if not longer:
                    break
                end += 1
        best[at] = max((score + best[end][0], end) for score, end in zip(
            scores, ends, strict=True))
    found, at = [], 0
    while at < size:
        end = best[at][1]
        found.append(text[at:end])
        at = end
    return found


def inside_word(text: str, at: int) -> bool:
    """Whether a break before ``text[at]`` falls inside a Chinese word of two or more
    characters (今 / 晚), rather than between words (今晚 / 的)."""
    if not 0 < at < len(text) or not (is_han(text[at - 1]) and is_han(text[at])):
        return False
    return at not in _start_set(text)


def word_start(text: str, at: int) -> int:
    """Where the word holding the break at ``at`` begins (``at`` itself when the break
    is between words)."""
    if not inside_word(text, at):
        return at
    starts = word_starts(text)
    return starts[bisect.bisect_left(starts, at) - 1]


@functools.lru_cache(maxsize=4096)
def _start_set(text: str) -> frozenset[int]:
    return frozenset(word_starts(text))
