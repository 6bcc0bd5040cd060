"""Fits the ranking model on the gold corpora and writes quizapp/generation/ranking_weights.json.

Every article is run through the generator up to ranking (`pipeline.prepare`); each candidate
gets its features and the label "its answer matches a gold fact" (the corpus scorer's rule). A
regularized logistic regression (scikit-learn, a dev dependency only) is fitted on all
articles; `cross_validate` refits it leaving one article out at a time. Deterministic: fixed
solver, no shuffling, features sorted by name, weights rounded.

    .venv/bin/python bench/train.py          # what `make train` runs
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:  # run as a script: make the packages importable
        sys.path.insert(0, str(folder))

from corpus import GoldArticle, corpora, match  # noqa: E402

from quizapp.generation.features import features  # noqa: E402
from quizapp.generation.pipeline import prepare  # noqa: E402
from quizapp.generation.ranking import WEIGHTS_FILE  # noqa: E402
from quizapp.generation.types import Candidate, GeneratedQuestion, ParsedArticle  # noqa: E402

# Inverse regularization strength of the logistic regression. Chosen on the cross-validated
# figures (2026-12-08: 0.5 and 0.7 gave dev 0.854 / bench 0.911, 0.2 gave 0.847 / 0.906, 1.0
# gave 0.841 / 0.911), so those figures are somewhat optimistic.
C = 0.5
# Features seen in fewer training candidates than this are left out (no weight).
MIN_FEATURE_COUNT = 3


@dataclass(slots=True)
class Table:
    """One article's candidates before ranking, with features and labels."""

    article: GoldArticle
    parsed: ParsedArticle
    candidates: list[Candidate]
    choices: list[tuple[str, ...]]
    kinds: list[str]
    rows: list[dict[str, float]]
    labels: list[int]


def build_table(article: GoldArticle) -> Table:
    """Run the generator up to ranking on one article and label its candidates."""
    prepared = prepare(article.text)
    if prepared is None:
        raise ValueError(f"{article.name}: empty article")
    parsed, completed = prepared
    candidates = [candidate for candidate, _, _ in completed]
    kinds = [kind for _, _, kind in completed]
    rows = [features(c, parsed, kind) for c, kind in zip(candidates, kinds, strict=True)]
    labels = [
        int(c.type != "true_false" and any(match(c.answer, g) for g in article.gold))
        for c in candidates
    ]
    return Table(article, parsed, candidates, [ch for _, ch, _ in completed], kinds, rows, labels)


def fit(tables: Iterable[Table], c: float | None = None) -> dict[str, float]:
    """Fit the logistic regression on the tables' candidates (regularization `c`, default
    C); weights by feature name."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for table in tables:
        rows.extend(table.rows)
        labels.extend(table.labels)
    counts: dict[str, int] = {}
    for row in rows:
        for name, value in row.items():
            if value:
                counts[name] = counts.get(name, 0) + 1
    kept = {name for name, count in counts.items() if count >= MIN_FEATURE_COUNT}
    rows = [{name: value for name, value in row.items() if name in kept} for row in rows]
    vectorizer = DictVectorizer(sparse=False, sort=True)
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(
        C=C if c is None else c, solver="lbfgs", max_iter=2000, fit_intercept=False
    )
    model.fit(matrix, labels)
    return {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if round(float(weight), 4) != 0.0
    }


def ranked(table: Table, weights: dict[str, float]) -> list[GeneratedQuestion]:
    """The article's questions in serving order under the given weights."""
    from quizapp.generation.pipeline import question_cap
    from quizapp.generation.question_filter import keep_clean
    from quizapp.generation.ranking import rank

    choices = {id(c): ch for c, ch in zip(table.candidates, table.choices, strict=True)}
    ranked = keep_clean(
        rank(table.candidates, table.parsed, table.kinds, weights, table.choices),
        lambda item: item[0].question,
        lambda item: item[0].type == "true_false",
        question_cap(table.parsed.text),
    )
    return [
        GeneratedQuestion(c.type, c.question, c.answer, choices[id(c)], c.evidence, score)
        for c, score in ranked
    ]


def cross_validate(tables: Sequence[Table]) -> dict[str, list[GeneratedQuestion]]:
    """Each article ranked by weights fitted on all the other articles."""
    return {
        f"{table.article.corpus}/{table.article.name}": ranked(
            table, fit(other for other in tables if other is not table)
        )
        for table in tables
    }


# The regularization strengths nested cross-validation chooses among.
C_GRID = (0.2, 0.5, 1.0)


def nested_cross_validate(
    tables: Sequence[Table], grid: Sequence[float] = C_GRID
) -> tuple[dict[str, list[GeneratedQuestion]], dict[str, float]]:
    """Each article ranked by weights fitted on all the others with the C that the others'
    own leave-one-out recall@K prefers: nothing tuned ever sees the article it is scored on.
    Returns the rankings and the C chosen for each article."""
    from corpus import Tally

    rankings: dict[str, list[GeneratedQuestion]] = {}
    chosen: dict[str, float] = {}
    for table in tables:
        rest = [other for other in tables if other is not table]

        def inner_recall(c: float, rest: list[Table] = rest) -> float:
            tally = Tally()
            for held in rest:
                tally.add(held.article, ranked(held, fit((o for o in rest if o is not held), c)))
            return tally.figures()["recall"]

        best = max(grid, key=lambda c: (inner_recall(c), -abs(c - C)))
        key = f"{table.article.corpus}/{table.article.name}"
        chosen[key] = best
        rankings[key] = ranked(table, fit(rest, best))
    return rankings, chosen


def all_tables() -> list[Table]:
    """The labelled candidates of every article of every corpus."""
    return [build_table(article) for articles in corpora().values() for article in articles]


def write_weights(weights: dict[str, float], path: Path = WEIGHTS_FILE) -> None:
    """Write the weights file: generic feature names and numbers only."""
    data = {
        "model": "logistic regression (bench/train.py); score = sum of weight x feature",
        "C": C,
        "weights": dict(sorted(weights.items())),
    }
    path.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def main() -> int:
    tables = all_tables()
    weights = fit(tables)
    write_weights(weights)
    positives = sum(sum(table.labels) for table in tables)
    candidates = sum(len(table.labels) for table in tables)
    print(f"fitted on {len(tables)} articles, {candidates} candidates ({positives} positive)")
    print(f"wrote {len(weights)} weights to {WEIGHTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
