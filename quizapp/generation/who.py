"""The who generator: questions about who did something, who holds a title, who was interviewed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation.lexicon import (
    LAW_NAME_CONNECTORS,
    QUOTE_MARKS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from quizapp.generation.people import (
    People,
    is_unresolved_pronoun,
    join_tokens,
    lower_moved_opener,
    predicate,
    quoted_tokens,
    subject_of,
    text_units,
    unit_of,
    word_count,
)
from quizapp.generation.types import Candidate, ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_WORDS = 30
MAX_TITLE_TOKENS = 16
# Courtesy titles between a job title and a name ("Health Secretary Dr. Miguel Archuleta").
HONORIFICS = frozenset({"dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "rev."})
# A title this short and generic ("U.S. official") names nobody in particular.
GENERIC_TITLES = frozenset({"official", "head", "chief", "representative", "chair"})
# First-token fixes so "Who" (singular) agrees with the auxiliary.
SINGULAR_AUX = {"have": "has", "are": "is", "were": "was", "do": "does"}


class WhoGenerator:
    """Propose "who" questions: agents of actions, holders of titles, interviewees."""

    type: ClassVar[str] = "who"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article, one per question text."""
        people = People(article.doc)
        if not people.mentions:
            return
        units = text_units(article)
        seen: set[str] = set()
        producers = (
            self._title_questions(article, people, units),
            self._interview_questions(people, units),
            self._agent_questions(article, people, units),
        )
        for producer in producers:
            for candidate in producer:
                key = candidate.question.lower()
                if key in seen or not _acceptable(candidate):
                    continue
                seen.add(key)
                yield candidate

    # (a) the person who did something -------------------------------------------------
    def _agent_questions(
        self, article: ParsedArticle, people: People, units: list[tuple[int, Span]]
    ) -> Iterator[Candidate]:
        """ "Who imposed sanctions on ...?" where the text names a person as the subject."""
        # What a speaker claims inside quotation marks is not what the article says happened.
        quoted = quoted_tokens(article.doc)
        for token in article.doc:
            if token.pos_ != "VERB" or token.dep_ in {"amod", "compound", "acl"}:
                continue
            if token.i in quoted:
                continue
            subject = subject_of(token)
            if token.dep_ == "relcl" and (subject is None or subject.tag_ != "WP"):
                continue  # "the rotation that SpaceX has flown": the object is elsewhere
            person = people.subject_person(token)
            if person is None:
                continue
            located = unit_of(token, units)
            if located is None:
                continue
            index, unit = located
            passive = any(c.dep_ == "auxpass" for c in token.children)
            speech = token.lemma_.lower() in SPEECH_VERBS and not passive
            interview = _interview_phrase(token) if speech else None
            if interview is not None:
                question = f"Who spoke {join_tokens(list(interview.subtree))}?"
                yield self._candidate(question, person, unit, index, 0.7)
            # A speech verb needs what was said (a clause or an object) outside quotation marks.
            if speech and (
                not any(c.dep_ in {"ccomp", "dobj"} for c in token.children)
                or any(t.text in QUOTE_MARKS for t in unit)
            ):
                continue
            phrase = predicate(token)
            if phrase is None or not _has_content(phrase, token):
                continue
            words = [t.text for t in phrase]
            if words[0].lower() in SINGULAR_AUX and phrase[0].dep_.startswith("aux"):
                words[0] = SINGULAR_AUX[words[0].lower()]
            text = join_tokens(phrase)
            if words[0] != phrase[0].text:
                text = words[0] + text[len(phrase[0].text) :]
            reported = speech and any(c.dep_ == "ccomp" for c in token.children)
            confidence = 0.65 if reported else 0.8
            if len(phrase) > 20:
                confidence -= 0.1
            question = lower_moved_opener(f"Who {text}?", token)
            yield self._candidate(question, person, unit, index, confidence)

    # (b) the person holding a title ---------------------------------------------------
    def _title_questions(
        self, article: ParsedArticle, people: People, units: list[tuple[int, Span]]
    ) -> Iterator[Candidate]:
        """ "Who is the U.S. Assistant Secretary of State ...?" from appositions and titles."""
        found: list[Candidate] = []
        holders: dict[str, set[str]] = {}
        for mention in people.mentions:
            person = people.full_name(mention)
            located = unit_of(mention.root, units)
            if person is None or located is None:
                continue
            index, unit = located
            titles = (
                (_apposed_title(mention, people), 0.9),
                (_preceding_title(mention, people), 0.85),
                (_title_before_comma(mention, people), 0.75),
            )
            for title, confidence in titles:
                if title is None:
                    continue
                question = f"Who is {_definite(title)}?"
                holders.setdefault(question.lower(), set()).add(person.text)
                found.append(self._candidate(question, person, unit, index, confidence))
        # A title two people hold in one article ("President") names neither of them.
        yield from (c for c in found if len(holders[c.question.lower()]) == 1)

    # (c) the person interviewed -------------------------------------------------------
    def _interview_questions(
        self, people: People, units: list[tuple[int, Span]]
    ) -> Iterator[Candidate]:
        """ "Who did William Kim interview?" from "William Kim interviews ... Tom Malinowski"."""
        doc = people.doc
        for interviewer in people.mentions:
            if interviewer.end >= len(doc):
                continue
            verb = doc[interviewer.end]
            if not verb.lower_.startswith("interview") or verb.lower_ == "interviewer":
                continue
            interviewee = next(
                (m for m in people.mentions if verb.i < m.start <= verb.i + MAX_TITLE_TOKENS),
                None,
            )
            if interviewee is None:
                continue
            between = doc[verb.i + 1 : interviewee.start]
            if any(t.pos_ in {"VERB", "AUX"} or t.is_sent_start for t in between):
                continue
            asker = people.full_name(interviewer) or interviewer
            answer = people.full_name(interviewee)
            located = unit_of(verb, units)
            if answer is None or located is None:
                continue
            index, unit = located
            question = f"Who did {asker.text} interview?"
            yield self._candidate(question, answer, unit, index, 0.8)

    def _candidate(
        self, question: str, person: Span, unit: Span, index: int, confidence: float
    ) -> Candidate:
        """A who candidate answered by a person's name."""
        return Candidate(
            type=self.type,
            question=question,
            answer=person.text,
            evidence=unit.text,
            sentence_index=index,
            kind="PERSON",
            confidence=confidence,
        )


def _acceptable(candidate: Candidate) -> bool:
    """Short enough, and not giving away any word of the answer's name."""
    if word_count(candidate.question) > MAX_WORDS:
        return False
    question_words = {w.strip(",.?!’'").lower() for w in candidate.question.split()}
    return not any(part.lower() in question_words for part in candidate.answer.split())


def _has_content(phrase: list[Token], verb: Token) -> bool:
    """Whether a verb phrase says something ("was also designated" alone does not)."""
    return any(t.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"} and t.i != verb.i for t in phrase)


def _has_possessor(title: list[Token]) -> bool:
    """Whether a title opens with a named owner: "Myanmar's army chief"."""
    return len(title) > 2 and title[0].pos_ == "PROPN" and title[1].tag_ == "POS"


def _definite(title: list[Token]) -> str:
    """A title as a definite noun phrase: "the Treasury Secretary", "Myanmar's army chief"."""
    text = join_tokens(title)
    if title[0].is_sent_start and title[0].pos_ != "PROPN" and not title[0].ent_type_:
        text = text[:1].lower() + text[1:]  # "Opposition leader" opened the sentence
    if _has_possessor(title):
        return text
    return "the" + text[3:] if title[0].lower_ == "the" else "the " + text


def _interview_phrase(verb: Token) -> Token | None:
    """The "in an interview with X" phrase of a speech verb."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "in":
            continue
        for noun in child.children:
            if noun.lemma_.lower() == "interview" and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in noun.children
            ):
                return child
    return None


def _is_title(tokens: list[Token], people: People) -> bool:
    """Whether tokens read as a person's title: a title word, no verb, person or pronoun."""
    if not tokens or len(tokens) > MAX_TITLE_TOKENS:
        return False
    if tokens[0].lower_ in {"a", "an", "another", "one", "who", "which", "whose"}:
        return False
    heads = [t for t in tokens if t.lower_ in TITLE_WORDS]
    if not heads:
        return False
    content = [t for t in tokens if not t.is_punct and t.lower_ not in {"the", "u.s."}]
    if not content or (len(content) < 2 and content[0].lower_ in GENERIC_TITLES):
        return False
    if all(t.lower_ in GENERIC_TITLES for t in heads) and len(content) < 3:
        return False
    return not any(
        t.pos_ in {"VERB", "AUX"}
        or people.at(t) is not None
        or is_unresolved_pronoun(t)
        or t.tag_ == "PRP$"
        or t.like_num
        for t in tokens
    )


def _apposed_title(mention: Span, people: People) -> list[Token] | None:
    """ "Tom Malinowski, U.S. Assistant Secretary of State ..., said": the apposition."""
    doc = mention.doc
    if mention.end >= len(doc) or doc[mention.end].text != ",":
        return None
    for child in mention.root.children:
        if child.dep_ != "appos" or child.i <= mention.end:
            continue
        tokens = [t for t in child.subtree if not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if tokens and tokens[0].i == mention.end + 1 and _is_title(tokens, people):
            return tokens
    return None


def _preceding_title(mention: Span, people: People) -> list[Token] | None:
    """ "North Korean leader Kim Jong Un": the capitalised title right before the name."""
    doc = mention.doc
    index = mention.start - 1
    while index >= 0 and doc[index].lower_ in HONORIFICS:
        index -= 1  # "Health Secretary Dr. Miguel Archuleta"
    tokens: list[Token] = []
    while index >= 0:
        token = doc[index]
        capitalised = token.text[:1].isupper() and token.tag_ != "POS"
        joining = token.lower_ in LAW_NAME_CONNECTORS or token.text == ","
        if token.is_space or people.at(token) is not None or _is_possessed(token):
            break
        if capitalised or token.lower_ in TITLE_WORDS or (joining and tokens):
            tokens.insert(0, token)
            index -= 1
            continue
        break
    tokens = _one_title(tokens)
    # "Zimbabwe's President Emmerson Mnangagwa": the owner belongs to the title.
    if tokens and index >= 1 and doc[index].tag_ == "POS" and tokens[0].i == index + 1:
        owner = doc[index - 1]
        if owner.pos_ == "PROPN" and owner.ent_type_ in {"GPE", "ORG", "NORP"}:
            start = owner.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            tokens = [*doc[start : index + 1], *tokens]
    if not tokens or tokens[-1].is_punct:
        return None
    # The sentence's first word is capitalised whatever it is: keep it only if it is a title.
    first = tokens[0]
    modifier = first.dep_ in {"compound", "amod"} and first.head in tokens
    opener = first.is_sent_start and first.pos_ != "PROPN" and first.lower_ not in TITLE_WORDS
    if opener and not modifier:
        tokens.pop(0)
    # A bare "President" or "Minister" before a name says too little on its own.
    if len([t for t in tokens if not t.is_punct]) < 2:
        return None
    return tokens if _is_title(tokens, people) else None


def _is_possessed(token: Token) -> bool:
    """A token glued to a possessive ("Division’s") ends a title walking leftwards."""
    return token.text.endswith(("’s", "'s")) and len(token.text) > 2


def _one_title(tokens: list[Token]) -> list[Token]:
    """Trim a run of capitalised words to the one title that ends at the name.

    "and" and "," belong to a title only inside its "of"/"for" part ("Secretary of State for
    Democracy, Human Rights and Labor"); before that they join two things ("In Washington,
    State Department spokesperson"). The title word must end the run or open that part, so
    "Tribunal President Marta" (a name the model cut short) is no title.
    """
    for position in range(len(tokens) - 1, -1, -1):
        token = tokens[position]
        if token.lower_ in {"and", ","} or token.is_punct:
            opened = any(t.lower_ in {"of", "for", "to"} for t in tokens[:position])
            if not opened:
                tokens = tokens[position + 1 :]
                break
    while tokens and (tokens[0].lower_ in LAW_NAME_CONNECTORS or tokens[0].is_punct):
        tokens.pop(0)
    heads = [position for position, t in enumerate(tokens) if t.lower_ in TITLE_WORDS]
    if not heads:
        return []
    last = heads[-1]
    if last != len(tokens) - 1 and tokens[last + 1].lower_ not in {"of", "for", "to"}:
        return []
    return tokens


def _title_before_comma(mention: Span, people: People) -> list[Token] | None:
    """ "the leader of the country, Kim Jong Un": a definite title set off before the name."""
    doc = mention.doc
    comma = mention.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and not (after.is_punct or after.is_space):
        return None
    head = doc[comma - 1]
    while head.head.i != head.i and head.head.i < comma and head.head.pos_ in {"NOUN", "ADP"}:
        head = head.head
    if head.pos_ != "NOUN" or head.lemma_.lower() not in TITLE_WORDS:
        return None
    tokens = [t for t in head.subtree if t.i < comma]
    if not tokens or tokens[-1].i != comma - 1:
        return None
    if tokens[0].lower_ != "the" and not _has_possessor(tokens):
        return None
    return tokens if _is_title(tokens, people) else None
