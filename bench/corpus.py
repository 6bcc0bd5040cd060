"""Gold corpora for training and evaluation, and the answer matching of the corpus scorer.

`norm` and `match` follow `../shared/corpus/score.py` exactly (the scorer the issue's figures
come from), so the ranker is trained and measured on the same notion of "asks a gold fact".
A corpus is a folder of `NAME.txt` articles (an optional `SOURCE:` first line and a blank line
are skipped, as the scorer does) with `NAME.gold.json` beside them; the seed article's gold
lives in bench/articles/.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = Path(os.environ.get("QUIZAPP_DEV_CORPUS", ROOT.parent / "shared" / "corpus" / "dev"))
BENCH_DIR = ROOT / "bench" / "articles"
SEEDS_DIR = ROOT / "seeds"

NUM = {
    word: str(number)
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


def norm(text: str) -> str:
    """The scorer's comparison key."""
    text = text.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[^\w$%' ]+", " ", text)
    tokens = [NUM.get(token, token) for token in text.split()]
    while tokens and tokens[0] in ("the", "a", "an", "on", "in", "by", "of"):
        tokens = tokens[1:]
    tokens = [token[:-2] if token.endswith("'s") else token for token in tokens]
    return " ".join(tokens)


def match(generated: str, gold: dict) -> bool:
    """Whether a generated answer is the gold answer or an accepted variant (scorer's rule)."""
    key = norm(generated)
    if not key:
        return False
    for variant in [gold["answer"], *gold.get("accept", [])]:
        other = norm(variant)
        if not other:
            continue
        if key == other:
            return True
        short, long_ = sorted((key, other), key=len)
        if f" {short} " in f" {long_} " and len(short.split()) >= max(1, len(long_.split()) // 2):
            return True
    return False


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a corpus with its gold facts (type "other" left out)."""

    corpus: str
    name: str
    text: str
    gold: tuple[dict, ...]

    @property
    def cutoff(self) -> int:
        """K = ceil(words / 20), words of the text as the scorer counts them."""
        return -(-len(self.text.split()) // 20)


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("SOURCE:"):
        text = text.split("\n", 2)[2]
    return text


def load_corpus(name: str, directory: Path) -> list[GoldArticle]:
    """Every article of a folder that has gold facts, in name order."""
    found = []
    for text_path in sorted(directory.glob("*.txt")):
        gold_path = text_path.with_name(f"{text_path.stem}.gold.json")
        if not gold_path.exists():
            gold_path = BENCH_DIR / gold_path.name
        if not gold_path.exists():
            continue
        gold = [
            g for g in json.loads(gold_path.read_text(encoding="utf-8")) if g["type"] != "other"
        ]
        found.append(GoldArticle(name, text_path.stem, _body(text_path), tuple(gold)))
    return found


def corpora() -> dict[str, list[GoldArticle]]:
    """The corpora trained and measured on: the real dev set, the team's articles, the seed."""
    found = {"dev": load_corpus("dev", DEV_DIR) if DEV_DIR.is_dir() else []}
    found["bench"] = load_corpus("bench", BENCH_DIR)
    found["seed"] = load_corpus("seed", SEEDS_DIR)
    return {name: articles for name, articles in found.items() if articles}


@dataclass(slots=True)
class Tally:
    """The scorer's counts, summed over articles."""

    gold: int = 0
    hit: int = 0
    hit_all: int = 0
    typed: int = 0
    questions: int = 0
    leaks: int = 0
    spans: int = 0
    mc: int = 0
    words: int = 0
    served: int = 0
    served_hit: int = 0

    def add(self, article: GoldArticle, questions: list, k: int | None = None) -> None:
        """Count one article's questions (objects with type, question, answer, choices)."""
        k = k or article.cutoff
        self.words += len(article.text.split())
        ntext = f" {norm(article.text)} "
        for gold in article.gold:
            self.gold += 1
            self.hit_all += any(match(q.answer, gold) for q in questions)
            found = [q for q in questions[:k] if match(q.answer, gold)]
            if found:
                self.hit += 1
                self.typed += any(q.type == gold["type"] for q in found)
        for q in questions[:k]:
            if q.type == "true_false":
                continue
            self.served += 1
            self.served_hit += any(match(q.answer, g) for g in article.gold)
        for q in questions:
            self.questions += 1
            key, stem = norm(q.answer), f" {norm(q.question)} "
            if q.type != "true_false" and key and f" {key} " in stem:
                self.leaks += 1
            if q.type == "true_false" or (key and f" {key} " in ntext):
                self.spans += 1
            choices = [norm(c) for c in q.choices or ()]
            if q.type == "true_false" or (
                len(set(choices)) >= 4
                and len(set(choices)) == len(choices)
                and choices.count(key) == 1
            ):
                self.mc += 1

    def figures(self) -> dict[str, float]:
        """recall@K, all, typed, p@K, leak, span, mc_ok, q/100w."""

        def share(part: int, whole: int) -> float:
            return round(part / whole, 3) if whole else 0.0

        return {
            "recall": share(self.hit, self.gold),
            "all": share(self.hit_all, self.gold),
            "typed": share(self.typed, self.gold),
            "p@K": share(self.served_hit, self.served),
            "leak": share(self.leaks, self.questions),
            "span": share(self.spans, self.questions),
            "mc_ok": share(self.mc, self.questions),
            "q/100w": round(100 * self.questions / self.words, 1) if self.words else 0.0,
        }
