"""Benchmark: validate a generated 1,000-slide deck; print slides per second.

    python bench/load.py [--slides 1000] [--runs 15] [--json]

Times the whole of ``kiosk check``'s work on one file (read, parse, validate, warnings,
assets) and, as the baseline in the same run, PyYAML's own ``CSafeLoader`` reading the
same text without any validation or places.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path

import yaml
from _qt import percentile

from kiosk.deck.load import load_deck

SLIDES = [
    """  - type: figures
    title: {{zh: 第{n}组, en: Group {n}}}
    duration: 12
    figures:
      - value: 1.74
        unit: {{zh: 万亿元, en: trillion yuan}}
        label: {{zh: 地区生产总值, en: GDP}}
        qualifier: 近
      - value: {n}
        unit: {{zh: 家, en: firms}}
        label: {{zh: 企业, en: Enterprises}}
""",
    """  - type: story
    kicker: {{zh: 缩影{n}, en: Snapshot {n}}}
    headline: {{zh: 一个故事, en: A story}}
    body: {{zh: 正文第{n}段。, en: Body text {n}.}}
    figures:
      - {{value: 1500, qualifier: 余, unit: {{zh: 家, en: firms}}, label: {{zh: 企业, en: Firms}}}}
    visual: {{kind: icon, name: people}}
""",
    """  - type: chart
    title: {{zh: 对比{n}, en: Compare {n}}}
    chart:
      kind: compare
      before_label: "2014"
      after_label: "2023"
      items:
        - {{label: {{zh: 收入, en: Income}}, before: 3.7, after: 7.2}}
        - {{label: {{zh: 空气, en: Air}}, before: 52.1, after: 81.9}}
""",
]


def make_deck(count: int) -> str:
    head = "title: {zh: 基准, en: Benchmark}\nlanguages: [zh, en]\nslides:\n"
    return head + "".join(SLIDES[n % len(SLIDES)].format(n=n) for n in range(count))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    text = make_deck(args.slides)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.yaml"
        path.write_text(text, encoding="utf-8")
        load_deck(path)  # warm up imports
        ours, base = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            loaded = load_deck(path)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            yaml.load(text, Loader=yaml.CSafeLoader)
            base.append(time.perf_counter() - started)
    assert len(loaded.deck.slides) == args.slides
    result = {
        "slides": args.slides,
        "bytes": len(text.encode()),
        "runs": args.runs,
        "kiosk_median_s": statistics.median(ours),
        "kiosk_p99_s": percentile(ours, 0.99),
        "slides_per_s": args.slides / statistics.median(ours),
        "baseline_pyyaml_csafe_median_s": statistics.median(base),
        "baseline_pyyaml_csafe_p99_s": percentile(base, 0.99),
        "machine": f"{platform.machine()} {platform.processor() or ''} "
                   f"python {platform.python_version()}".strip(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"deck: {args.slides} slides, {result['bytes'] / 1e6:.2f} MB, {args.runs} runs")
    print(f"kiosk load+validate   median {result['kiosk_median_s'] * 1e3:7.1f} ms"
          f"   p99 {result['kiosk_p99_s'] * 1e3:7.1f} ms"
          f"   {result['slides_per_s']:,.0f} slides/s")
    print(f"baseline PyYAML CSafe median {result['baseline_pyyaml_csafe_median_s'] * 1e3:7.1f} ms"
          f"   p99 {result['baseline_pyyaml_csafe_p99_s'] * 1e3:7.1f} ms   (no validation)")
    ratio = result["kiosk_median_s"] / result["baseline_pyyaml_csafe_median_s"]
    print(f"ratio kiosk/baseline  {ratio:.2f}x")


if __name__ == "__main__":
    main()
