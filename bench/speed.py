"""Times spaCy's own parse of a ~700-word article against generate_questions, in one run.

The target: generating questions costs at most 2.0x the parse of the same cleaned text.
Both are timed in the same run with the model loaded and warmed up: spaCy's parse is
`nlp(cleaned_text)`, the generation is the whole `generate_questions(raw_text)` (cleaning, its
own parse, every generator, distractors, ranking). The runs are interleaved (a parse, then a
generation) so load from other processes that drifts during the run slows both alike. THE
figure is the ratio of the two medians; the median of the paired ratios is printed as a check.
The process exits 1 when the ratio of the medians is above the target.

    .venv/bin/python bench/speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the quizapp package importable
    sys.path.insert(0, str(ROOT))

from quizapp.generation import (  # noqa: E402
    clean_text,
    distractors,
    generate_questions,
    load_nlp,
    normalize,
)

SEED_ARTICLE = ROOT / "seeds" / "us-official-warns-north-korean-leader.txt"
# Paragraphs of a second article appended to the seed until the text reaches the target size.
EXTRA_ARTICLE = ROOT / "bench" / "articles" / "treasury-sanctions-evasion-network.txt"
TARGET_WORDS = 700
TARGET_RATIO = 2.0
WARM_UP_RUNS = 3


def build_article() -> str:
    """The seed article (with its boilerplate) plus paragraphs of another, about 700 words."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    extra = clean_text(EXTRA_ARTICLE.read_text(encoding="utf-8")) if EXTRA_ARTICLE.exists() else ""
    for paragraph in extra.split("\n\n"):
        if len(clean_text(text).split()) >= TARGET_WORDS:
            break
        text = f"{text.rstrip()}\n\n{paragraph}"
    return text


def seconds(run: Callable[[], object]) -> float:
    """The wall time of one call."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    """Print the parse time, the generation time and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed repetitions of each")
    args = parser.parse_args()

    nlp = load_nlp()
    raw = build_article()
    cleaned = clean_text(raw)

    def parse() -> object:
        return nlp(cleaned)

    def generate() -> object:
        return generate_questions(raw)

    for _ in range(WARM_UP_RUNS):
        parse()
        generate()
    # Interleave the two so a busy machine slows both alike; the comparison caches are emptied
    # so every generation run pays for its own work.
    parse_times, generate_times = [], []
    for _ in range(args.repeat):
        parse_times.append(seconds(parse))
        normalize.clear_caches()
        distractors.clear_caches()
        generate_times.append(seconds(generate))
    parse_median = statistics.median(parse_times)
    generate_median = statistics.median(generate_times)
    ratio = generate_median / parse_median
    paired = statistics.median(
        generate / parse for parse, generate in zip(parse_times, generate_times, strict=True)
    )
    questions = len(generate_questions(raw))
    print(f"article: {len(cleaned.split())} words (cleaned), {questions} questions")
    print(f"spaCy parse alone:      {parse_median * 1000:8.1f} ms (median of {args.repeat})")
    print(f"generate_questions:     {generate_median * 1000:8.1f} ms (median of {args.repeat})")
    verdict = "OK" if ratio <= TARGET_RATIO else "ABOVE TARGET"
    print(f"median of {args.repeat} paired ratios: {paired:.2f} (a check)")
    print(f"ratio of the medians: {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
