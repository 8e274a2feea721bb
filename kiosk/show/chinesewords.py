"""Where Chinese words begin and end, so that lines break between words (今晚的 / 星空),
not inside one (今 / 晚的星空).

Chinese is written without spaces, and Unicode's line-breaking rules allow a break
between any two Han characters; which of those breaks fall between words takes a
dictionary. The segmenter is jieba's (``rjieba``: its Rust port, with its dictionary
of about 350,000 words built in), loaded on the first Chinese text laid out (about
70 ms, measured on the 2-core CI machine).
"""

from __future__ import annotations

import bisect
import functools

LONGEST = 6
"""Characters of the longest word a line backs away from (a longer one is a name or a
term that would leave its line too short; it breaks like any text)."""


def is_han(char: str) -> bool:
    """A Chinese character (CJK unified ideographs and their compatibility forms)."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@functools.lru_cache(maxsize=4096)
def word_starts(text: str) -> tuple[int, ...]:
    """The offsets in ``text`` at which a word (or any other token) begins, in order."""
    if not any(is_han(char) for char in text):
        return tuple(range(len(text)))
    import rjieba  # (its dictionary loads with it: only once there is Chinese to break)

    starts, at = [], 0
    for token in rjieba.cut(text, False):  # (no guessing at words it does not know)
        starts.append(at)
        at += len(token)
    return tuple(starts)


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
