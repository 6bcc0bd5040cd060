"""The features the ranking model reads from one candidate question (no learning here).

Each candidate becomes a sparse dict of named values: what kind of answer it has and in which
syntactic role, where its sentence sits in the article and its paragraph, how often the answer
and the clause's words recur, how long question and answer are, the wh-word and how the
question was worded. `make train` fits weights for these names (bench/train.py); at run time
`ranking` takes the dot product with them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from quizapp.generation.normalize import normalize
from quizapp.generation.types import Candidate, ParsedArticle

# Roles kept as features of their own; the others share "role=other".
_ROLES = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "compound", "poss", "attr", "ROOT"}
    | {"npadvmod", "nmod", "dative", "agent"}
)
_WH_WORDS = frozenset({"who", "whom", "whose", "which", "what", "when", "where", "how", "in"})


@dataclass(slots=True)
class ArticleCounts:
    """Per-article counts every candidate's features use, computed once."""

    answers: Counter[str]
    first_sentence: dict[str, int]
    labels: dict[str, str]
    sentence_entities: Counter[int]
    words: Counter[str]
    sentence_count: int
    paragraph_count: int
    paragraph_starts: frozenset[int]


def article_counts(article: ParsedArticle) -> ArticleCounts:
    """Count mentions and words of the article once."""

    def build() -> ArticleCounts:
        answers: Counter[str] = Counter()
        first: dict[str, int] = {}
        labels: dict[str, str] = {}
        per_sentence: Counter[int] = Counter()
        for ent in article.ents:
            key = normalize(ent.text if ent.label_ != "PERSON" else article.full_name(ent.text))
            answers[key] += 1
            index = article.sentence_index(ent.start_char)
            first.setdefault(key, index)
            labels.setdefault(normalize(ent.text), ent.label_)
            per_sentence[index] += 1
        words = Counter(
            token.lower_ for token in article.tokens if token.is_alpha and not token.is_stop
        )
        paragraphs = article.sentence_paragraphs or [0] * len(article.sentences)
        starts = frozenset(
            index
            for index, paragraph in enumerate(paragraphs)
            if index == 0 or paragraphs[index - 1] != paragraph
        )
        return ArticleCounts(
            answers=answers,
            first_sentence=first,
            labels=labels,
            sentence_entities=per_sentence,
            words=words,
            sentence_count=max(len(article.sentences), 1),
            paragraph_count=max(paragraphs[-1] + 1 if paragraphs else 1, 1),
            paragraph_starts=starts,
        )

    return article.memo("feature_counts", build)


def features(candidate: Candidate, article: ParsedArticle, kind: str) -> dict[str, float]:
    """The named feature values of one candidate (absent names are 0)."""
    counts = article_counts(article)
    values: dict[str, float] = {"bias": 1.0}
    values[f"type={candidate.type}"] = 1.0
    values[f"kind={kind}"] = 1.0
    values[f"type={candidate.type}&kind={kind}"] = 1.0
    values[f"source={candidate.source or 'none'}"] = 1.0
    values[f"form={candidate.form or 'specific'}"] = 1.0
    role = candidate.role if candidate.role in _ROLES else ("other" if candidate.role else "none")
    values[f"role={role}"] = 1.0
    index = candidate.sentence_index
    values["position"] = index / counts.sentence_count
    values["lead"] = 1.0 if index <= 1 else 0.0
    values["first_sentence"] = 1.0 if index == 0 else 0.0
    paragraphs = article.sentence_paragraphs
    paragraph = paragraphs[index] if 0 <= index < len(paragraphs) else 0
    values["paragraph_position"] = paragraph / counts.paragraph_count
    values["paragraph_start"] = 1.0 if index in counts.paragraph_starts else 0.0
    answer_key = normalize(candidate.answer)
    full_key = normalize(article.full_name(candidate.answer))
    mentions = max(counts.answers.get(answer_key, 0), counts.answers.get(full_key, 0))
    values["answer_mentions"] = math.log1p(mentions)
    first_seen = counts.first_sentence.get(full_key, counts.first_sentence.get(answer_key, index))
    values["first_mention"] = 1.0 if first_seen >= index else 0.0
    values[f"label={counts.labels.get(answer_key, 'none')}"] = 1.0
    values["answer_in_lead"] = 1.0 if first_seen <= 1 else 0.0
    values["sentence_entities"] = math.log1p(counts.sentence_entities.get(index, 0))
    values[f"kind={kind}&role={role}"] = 1.0
    values[f"kind={kind}&answer_mentions"] = values["answer_mentions"]
    values[f"kind={kind}&lead"] = values["lead"]
    values[f"kind={kind}&position"] = values["position"]
    values[f"kind={kind}&first_mention"] = values["first_mention"]
    values[f"form={candidate.form or 'specific'}&type={candidate.type}"] = 1.0
    words = [w for w in answer_key.split() if w]
    values["answer_word_mentions"] = (
        math.log1p(max(counts.words.get(w, 0) for w in words)) if words else 0.0
    )
    values["answer_words"] = min(len(words), 12) / 12
    question_words = candidate.question.split()
    values["question_words"] = min(len(question_words), 30) / 30
    values["evidence_words"] = min(len(candidate.evidence.split()), 60) / 60
    first = question_words[0].lower().strip("“\"'") if question_words else ""
    values[f"wh={first if first in _WH_WORDS else 'other'}"] = 1.0
    values["numeric"] = 1.0 if any(ch.isdigit() for ch in candidate.answer) else 0.0
    values["named"] = 1.0 if candidate.answer[:1].isupper() else 0.0
    values["confidence"] = min(max(candidate.confidence, 0.0), 1.0)
    values["quoted_question"] = 1.0 if any(q in candidate.question for q in '“"') else 0.0
    return values
