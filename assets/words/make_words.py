"""Write ``zh-words.bin``: jieba's dictionary of Chinese words, compact, for line breaking.

Run from the repository root with jieba's ``dict.txt`` (in the jieba source package,
``jieba/dict.txt``; MIT licence, see ``LICENSE-jieba.txt``)::

    python assets/words/make_words.py path/to/jieba/dict.txt

Only words written wholly in Chinese characters are kept, with their frequencies; the
total of every frequency in the dictionary is kept too, so that a text is cut as jieba
cuts it without its statistical guess at unknown words (``cut(text, HMM=False)``).

The file: ``KWD1``, the word count and the frequencies' total (uint32, uint64), the
length of the words' text in UTF-16 code units (uint32); the words, sorted, one after
another in UTF-16-LE; where each begins (uint32, one more than the words); their
frequencies (uint32). ``kiosk/show/chinesewords.py`` reads it without making a Python
object per word (a few MB in memory, not the 33 MB of a segmenter's own tables).
"""

from __future__ import annotations

import struct
import sys
from array import array
from pathlib import Path

HERE = Path(__file__).resolve().parent


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def main() -> None:
    source = Path(sys.argv[1])
    words: dict[str, int] = {}
    total = 0
    for line in source.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        total += freq
        if all(is_han(char) for char in word):
            words[word] = words.get(word, 0) + freq
    ordered = sorted(words)
    offsets = array("I", [0])
    for word in ordered:
        offsets.append(offsets[-1] + len(word))
    freqs = array("I", [min(words[word], 2**32 - 1) for word in ordered])
    text = "".join(ordered).encode("utf-16-le")
    out = HERE / "zh-words.bin"
    with out.open("wb") as file:
        file.write(b"KWD1" + struct.pack("<IQI", len(ordered), total, len(text) // 2))
        file.write(text)
        file.write(offsets.tobytes())
        file.write(freqs.tobytes())
    print(f"{out.name}: {len(ordered):,} words, total {total:,}, "
          f"{out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
