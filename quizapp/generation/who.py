"""The who generator: questions about who did something, who holds a title, who was interviewed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation import grammar
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
    passive_owner,
    people_of,
    predicate,
    quoted_tokens_of,
    subject_of,
    text_units,
    unit_of,
    word_count,
)
from quizapp.generation.types import Candidate, ParsedArticle
from quizapp.generation.words import DEMONSTRATIVES, SINGULAR_AUX

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_WORDS = 30
MAX_TITLE_TOKENS = 16
# Capitalised title words between "by" and a name ("by Mission Chief Heath Roe").
MAX_AGENT_TITLE = 5
# Courtesy titles between a job title and a name ("Health Secretary Heath. Copper Flint").
HONORIFICS = frozenset({"dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "rev."})
# A title this short and generic ("ABC. official") names nobody in particular.
GENERIC_TITLES = frozenset({"official", "head", "chief", "representative", "chair"})
# What the article may show a "person" to be instead. Not GPE: the small model often tags a
# person's name as a place ("Thorn Wren"), while a place is seldom a person's subject.
NOT_PEOPLE = frozenset({"ORG", "FAC", "PRODUCT", "NORP", "EVENT", "WORK_OF_ART", "LAW"})
# Titles many people hold at the same time: they name someone only with a qualifier.
MANY_HOLDER_TITLES = frozenset(
    {"judge", "justice", "attorney", "prosecutor", "senator", "representative", "official"}
    | {"congressman", "congresswoman", "lawmaker", "agent", "officer", "astronaut"}
    | {"ambassador", "envoy"}
)
# Words that make any title one of several ("Assistant ABC. Attorney", "Trial Attorney").
JUNIOR_TITLE_WORDS = frozenset({"assistant", "deputy", "associate", "trial", "special"})
# Verbs that say too little with nothing after them ("Who went?").
LIGHT_VERBS = frozenset(
    {"be", "have", "do", "go", "come", "get", "make", "take", "begin", "continue", "remain"}
    | {"stay", "happen", "follow", "return", "arrive", "leave", "say", "speak", "add", "try"}
)
# Verbs of leading a group: "a team led by X" still says who leads it.
LEADING_VERBS = frozenset({"lead", "head", "chair", "run", "command", "direct"})
# Parts of speech a title before a comma climbs through ("Minister of Birch for Foreign Affairs").
TITLE_POS = frozenset({"NOUN", "PROPN", "ADP"})


class WhoGenerator:
    """Propose "who" questions: agents of actions, holders of titles, interviewees."""

    type: ClassVar[str] = "who"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article, one per question text."""
        people = people_of(article)
        if not people.mentions:
            return
        units = text_units(article)
        seen: set[str] = set()
        producers = (
            self._title_questions(article, people, units),
            self._interview_questions(people, units),
            self._agent_questions(article, people, units),
            self._passive_agent_questions(people, units),
        )
        for producer in producers:
            for candidate in producer:
                key = candidate.question.lower()
                if key in seen or not _acceptable(candidate):
                    continue
                if article.kind_of(candidate.answer) in NOT_PEOPLE:
                    continue  # the article shows it is a company ("SpaceX", "Axiom Space")
                seen.add(key)
                yield candidate

    # (a) the person who did something -------------------------------------------------
    def _agent_questions(
        self, article: ParsedArticle, people: People, units: list[tuple[int, Span]]
    ) -> Iterator[Candidate]:
        """ "Who imposed sanctions on ...?" where the text names a person as the subject."""
        # What a speaker claims inside quotation marks is not what the article says happened.
        quoted = quoted_tokens_of(article)
        for token in article.tokens or article.doc:
            if token.pos_ != "VERB" and not _is_copula_with_definite(token):
                continue
            if token.dep_ in {"amod", "compound", "acl"}:
                continue
            if token.i in quoted:
                continue
            subject = subject_of(token)
            if token.dep_ == "relcl" and (subject is None or subject.tag_ != "WP"):
                continue  # "the rotation that SpaceX has flown": the object is elsewhere
            person = people.subject_person(token)
            if person is None or _shares_the_subject(subject, token, people):
                continue
            located = unit_of(token, units)
            if located is None:
                continue
            index, unit = located
            passive = any(c.dep_ == "auxpass" for c in token.children)
            speech = token.lemma_.lower() in SPEECH_VERBS and not passive
            report = _fronted_report(token, quoted) if speech else None
            if report is not None:
                # "…, Fields Rivers told reporters." asks what was said, not "Who told reporters?"
                question = f"Who said {report}?"
                yield self._candidate(question, person, unit, index, 0.65)
                continue
            if speech and any(c.dep_ == "ccomp" and c.i < token.i for c in token.children):
                continue  # a statement before its speaker that cannot be asked in order
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
            resolved = _resolved_objects(token, article)
            leaning = _leaning_adjuncts(token)
            phrase = predicate(token, drop=leaning, resolved=resolved)
            if leaning and phrase is not None and not (resolved or _has_content(phrase, token)):
                # "contributed to this report": the adjunct is the whole point; keep it.
                phrase = predicate(token, resolved=resolved)
            if phrase is None:
                continue
            bare = not resolved and not _has_content(phrase, token)
            if bare and not _is_telling_bare_verb(token, phrase):
                continue
            words = [t.text for t in phrase]
            if words[0].lower() in SINGULAR_AUX and phrase[0].dep_.startswith("aux"):
                words[0] = SINGULAR_AUX[words[0].lower()]
            text = join_tokens(phrase, resolved)
            if words[0] != phrase[0].text:
                text = words[0] + text[len(phrase[0].text) :]
            reported = speech and any(c.dep_ == "ccomp" for c in token.children)
            confidence = 0.65 if reported else 0.8
            if len(phrase) > 20 or bare:
                confidence -= 0.1
            question = lower_moved_opener(f"Who {text}?", token)
            yield self._candidate(question, person, unit, index, confidence)

    def _passive_agent_questions(
        self, people: People, units: list[tuple[int, Span]]
    ) -> Iterator[Candidate]:
        """ "$4.5 million in emergency funds released by Sun Flint Wells" -> "Who
        released $4.5 million in emergency funds?"."""
        for mention in people.mentions:
            agent = _titled_agent(mention, people) or mention.root
            by = agent.head if agent.dep_ == "pobj" else _bare_agent(mention)
            if by is None or by.dep_ != "agent":
                continue
            if any(
                c.dep_ in {"conj", "cc"} for c in (*mention.root.children, *agent.children)
            ) or _joined_after(agent, by.head):
                continue  # "signed by Miles Stone and the presidents of …": not hers alone
            verb = by.head
            person = people.full_name(mention)
            located = unit_of(verb, units)
            if person is None or located is None or grammar.in_quotation(verb):
                continue
            index, unit = located
            leading = verb.lemma_.lower() in LEADING_VERBS
            phrase = passive_owner(verb, indefinite=leading)
            if phrase is not None and phrase[0].lower_ in {"a", "an"}:
                # "An WXY team led by Mission Chief Heath Roe is expected to …" -> "Who
                # leads the WXY team?": the team is now the one the article speaks of.
                owner = f"the {join_tokens(phrase[1:])}"
                tense = "VBZ" if _in_present(verb) else "VBD"
                question = f"Who {grammar.inflect(verb, tense)} {owner}?"
                yield self._candidate(question, person, unit, index, 0.65)
            elif phrase is not None:
                owner = join_tokens(phrase)
                if phrase[0].is_sent_start and phrase[0].pos_ != "PROPN":
                    owner = owner[:1].lower() + owner[1:]  # "The three-judge panel, led by …"
                question = f"Who {grammar.inflect(verb, 'VBD')} {owner}?"
                yield self._candidate(question, person, unit, index, 0.7)
            elif verb.dep_ in {"ROOT", "conj", "ccomp"}:
                # "The mission was led by … Doe Major" -> "Who led the mission?"
                slot = grammar.locate(list(agent.subtree))
                if slot is None or slot.role != "agent":
                    continue
                asked = grammar.ask(slot, "Who", singular=True)
                if asked is not None:
                    question = lower_moved_opener(asked.text, verb)
                    yield self._candidate(question, person, unit, index, asked.confidence - 0.1)

    # (b) the person holding a title ---------------------------------------------------
    def _title_questions(
        self, article: ParsedArticle, people: People, units: list[tuple[int, Span]]
    ) -> Iterator[Candidate]:
        """ "Who is the ABC. Assistant Secretary of Birch ...?" from appositions and titles."""
        found: list[Candidate] = []
        holders: dict[str, set[str]] = {}
        for mention in people.mentions:
            person = people.full_name(mention)
            located = unit_of(mention.root, units)
            if person is None or located is None:
                continue
            index, unit = located
            owned = _owned_title(mention, article)
            if owned is not None:
                # "Its director, Storm Cloud, …" after a sentence about Volga Avionika.
                question = f"Who is {owned}?"
                holders.setdefault(question.lower(), set()).add(person.text)
                found.append(self._candidate(question, person, unit, index, 0.7))
            titles = (
                (_apposed_title(mention, people), 0.9, False),
                (_preceding_title(mention, people), 0.85, True),
                (_title_before_comma(mention, people), 0.75, True),
            )
            for title, confidence, before_name in titles:
                if title is None or _leans_back(title):
                    continue
                named = _definite(title)
                if _held_by_many(title):
                    # "ABC. District Rain" names nobody; "... of the Western District of
                    # Pennsylvania" after the name does.
                    qualifier = _name_qualifier(mention, people)
                    if qualifier is None:
                        continue
                    named = f"{named} {join_tokens(qualifier)}"
                if before_name and "," in named:
                    continue  # "the Northern District of Westland, Acting Harbor Attorney": the end
                    # of another person's title before this one's, not one title
                question = f"Who is {named}?"
                holders.setdefault(question.lower(), set()).add(person.text)
                found.append(self._candidate(question, person, unit, index, confidence))
        # A title two people hold in one article ("President") names neither of them.
        yield from (c for c in found if len(holders[c.question.lower()]) == 1)

    # (c) the person interviewed -------------------------------------------------------
    def _interview_questions(
        self, people: People, units: list[tuple[int, Span]]
    ) -> Iterator[Candidate]:
        """ "Who did William Banks interview?" from "William Banks interviews ... Thorn Wren"."""
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


def _fronted_report(verb: Token, quoted: set[int]) -> str | None:
    """The statement a closing ", <speaker> said/told reporters" reports, as a clause to put
    after "Who said": "After amendments, the government expects to raise X" -> "the government
    expects to raise X after amendments". None when it cannot stand alone."""
    clauses = [
        c for c in verb.children if c.dep_ in {"ccomp", "advcl", "parataxis"} and c.i < verb.i
    ]
    if len(clauses) != 1:
        return None
    clause = clauses[0]
    doc = verb.doc
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"}]
    closing = doc[clause.right_edge.i + 1] if clause.right_edge.i + 1 < len(doc) else None
    if len(subjects) != 1 or closing is None or closing.text != ",":
        return None
    if clause.left_edge.i != verb.sent.start:
        return None  # the statement is only part of the sentence
    tokens = [t for t in clause.subtree if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if any(t.text in QUOTE_MARKS or t.i in quoted or is_unresolved_pronoun(t) for t in tokens):
        return None  # a quotation is the quote generator's, not a reported statement
    subject = subjects[0]
    opener = [t for t in tokens if t.i < subject.left_edge.i]
    if opener and not (opener[-1].text == "," and _is_adjunct_run(opener[:-1], clause)):
        return None
    opener = opener[:-1]
    body = [t for t in tokens if t.i >= subject.left_edge.i]
    text = join_tokens(body)
    if body[0].pos_ != "PROPN" and body[0].text != "I":
        text = text[:1].lower() + text[1:]
    if opener:
        tail = join_tokens(opener)
        if opener[0].pos_ != "PROPN":
            tail = tail[:1].lower() + tail[1:]
        text = f"{text} {tail}"
    return text


def _is_adjunct_run(tokens: list[Token], clause: Token) -> bool:
    """Whether tokens are whole adjuncts of the clause ("After amendments", "On Monday")."""
    heads = [t for t in tokens if t.head.i == clause.i]
    if not heads or any(t.dep_ not in {"prep", "npadvmod"} for t in heads):
        return False
    covered = {t.i for head in heads for t in head.subtree}
    return all(t.i in covered or t.text == "," for t in tokens)


def _titled_agent(mention: Span, people: People) -> Token | None:
    """The title a name stands in apposition to as the object of "by": "chaired by the
    Minister of Birch for Foreign Affairs, Jeje Odongo, who …" -> "Minister"."""
    title = mention.root.head
    if mention.root.dep_ != "appos" or title.dep_ != "pobj" or title.i > mention.start:
        return None
    words = [t for t in title.doc[title.left_edge.i : mention.start] if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    return title if _is_title(words, people) else None


def _joined_after(agent: Token, verb: Token) -> bool:
    """Whether "and"/"or" follows the agent's phrase, which the parser may hang on the verb:
    "led by the Chief Justice, Martha Koome, and two other judges" is not hers alone."""
    doc = agent.doc
    index = agent.right_edge.i + 1
    while index < len(doc) and doc[index].text == ",":
        index += 1
    if index >= len(doc) or doc[index].lower_ not in {"and", "or"}:
        return False
    return any(c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "NUM"} for c in verb.children)


def _bare_agent(mention: Span) -> Token | None:
    """The "by" the parser left without its object before a titled name: "led by Mission
    Chief Heath Roe" parsed with "Roe" as the sentence's subject."""
    doc = mention.doc
    index = mention.start - 1
    while index >= 0 and mention.start - index <= MAX_AGENT_TITLE and doc[index].text[:1].isupper():
        index -= 1
    if index < 0 or doc[index].lower_ != "by":
        return None
    by = doc[index]
    return by if not any(c.dep_ == "pobj" for c in by.children) else None


def _in_present(verb: Token) -> bool:
    """Whether the clause a modifier hangs in is in the present or future tense."""
    clause = verb
    while clause.dep_ not in {"ROOT", "ccomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    tags = {clause.tag_} | {c.tag_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    return bool(tags & {"VBZ", "VBP", "MD"}) and "VBD" not in tags


def _has_content(phrase: list[Token], verb: Token) -> bool:
    """Whether a verb phrase says something ("was also designated" alone does not)."""
    return any(t.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"} and t.i != verb.i for t in phrase)


def _shares_the_subject(subject: Token | None, verb: Token, people: People) -> bool:
    """ "Jacob Stein of the … Section and Clay Banks prosecuted the case": another person joined
    by "and" between the subject and its verb (however the parser attached it)."""
    if subject is None or subject.i > verb.i:
        return False
    between = verb.doc[subject.i + 1 : verb.i]
    own = people.at(subject)
    joined = any(t.lower_ in {"and", "or", "&"} for t in between)
    return joined and any((mention := people.at(t)) is not None and mention != own for t in between)


def _is_copula_with_definite(token: Token) -> bool:
    """ "X is the pilot": a "be" whose complement is a definite noun (not "a geologist")."""
    if token.pos_ != "AUX" or token.lemma_ != "be" or token.dep_ not in {"ROOT", "conj"}:
        return False
    for child in token.children:
        if child.dep_ == "attr" and child.pos_ == "NOUN":
            return any(
                (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in child.children
            )
    return False


def _is_telling_bare_verb(verb: Token, phrase: list[Token]) -> bool:
    """ "Rain Dawn Dusk dissented.": an active verb that says something on its own."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_VERBS:
        return False
    if any(c.dep_ in {"auxpass", "dobj", "ccomp", "xcomp", "prt"} for c in verb.children):
        return False
    return all(t.i == verb.i or t.dep_ in {"aux", "neg"} for t in phrase)


def _leaning_adjuncts(verb: Token) -> list[Token]:
    """Adjuncts that lean on an earlier sentence ("on July 3 of that year"): left out."""
    return [
        child
        for child in verb.children
        if child.dep_ in {"prep", "npadvmod", "advmod"}
        and any(t.dep_ == "det" and t.lower_ in DEMONSTRATIVES for t in child.subtree)
    ]


def _resolved_objects(verb: Token, article: ParsedArticle) -> dict[int, str]:
    """ "passed the Sky Wolf Bear Ash ..., and Sun Star Moon signed it": the
    object "it" as the one law named before it in the same sentence (else nothing)."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"]
    if len(objects) != 1:
        return {}
    pronoun = objects[0]
    sentence = pronoun.sent
    named = [law for law in article.laws if sentence.start <= law.start and law.end <= pronoun.i]
    if len({law.text for law in named}) != 1:
        return {}
    law = named[-1]
    # Another thing "it" could stand for (a noun between the law and "it") makes it unsure.
    between = article.doc[law.end : pronoun.i]
    if any(t.dep_ in {"nsubj", "dobj", "nsubjpass"} and t.pos_ == "NOUN" for t in between):
        return {}
    doc = article.doc
    text = law.text
    if law.start > 0 and doc[law.start - 1].lower_ == "the":
        text = f"the {text}"
    return {pronoun.i: text}


def _owned_title(mention: Span, article: ParsedArticle) -> str | None:
    """ "Its director, Storm Cloud" -> "the director of Volga Avionika", when the sentence
    before is about one organization (its subject); None when "its" is not that certain."""
    title = mention.root.head
    if mention.root.dep_ != "appos" or title.i >= mention.start or title.pos_ != "NOUN":
        return None
    if title.lemma_.lower() not in TITLE_WORDS or title.lemma_.lower() in GENERIC_TITLES:
        return None
    owners = [c for c in title.children if c.dep_ == "poss"]
    if [c.lower_ for c in owners] != ["its"] or len(list(title.lefts)) != 1:
        return None
    index = article.sentence_index(title.idx)
    if index == 0 or article.sentence_paragraphs[index] != article.sentence_paragraphs[index - 1]:
        return None
    previous = article.sentences[index - 1]
    subject = subject_of(previous.root)
    if subject is None or subject.ent_type_ != "ORG" or subject.ent_iob_ == "":
        return None
    name = next((ent for ent in previous.ents if ent.start <= subject.i < ent.end), None)
    if name is None or article.kind_of(name.text) != "ORG":
        return None
    text = name.text
    if name.start > 0 and article.doc[name.start - 1].lower_ == "the":
        text = f"the {text}"
    return f"the {title.text.lower()} of {text}"


def _held_by_many(title: list[Token]) -> bool:
    """Whether a title is one many people hold at once ("ABC. District Rain", "Assistant
    Attorney General", "Trial Attorney"), unlike "Ford Attorney General" or "XYZ
    Administrator"."""
    words = [t.lower_ for t in title]
    if any(word in {"of", "for", "to"} for word in words):
        return False  # "Secretary of Birch for ...": the portfolio makes it one post
    heads = [word for word in words if word in TITLE_WORDS]
    if any(word in JUNIOR_TITLE_WORDS for word in words):
        return True
    if words[-2:] == ["attorney", "general"]:
        return False
    return bool(heads) and heads[-1] in MANY_HOLDER_TITLES


def _name_qualifier(mention: Span, people: People) -> list[Token] | None:
    """The "of/for <name>" phrase right after a name: "Sand Snow [of the Western District
    of Pennsylvania]"."""
    doc = mention.doc
    if mention.end >= len(doc) or doc[mention.end].lower_ not in {"of", "for", "to"}:
        return None
    preposition = doc[mention.end]
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].pos_ != "PROPN":
        return None
    # "… Section and Assistant ABC. Attorney Clay Banks": a coordinated name is not part of it.
    conjuncts = [c for c in objects[0].children if c.dep_ == "conj"]
    if any(all(people.at(t) is None for t in c.subtree) for c in conjuncts):
        return None  # "Computer Crime and Intellectual Property Section": one name, misparsed
    joined = {t.i for c in objects[0].children if c.dep_ in {"cc", "conj"} for t in c.subtree}
    tokens = [preposition, *(t for t in objects[0].subtree if t.i not in joined)]
    if len(tokens) > MAX_TITLE_TOKENS or tokens[-1].i != tokens[0].i + len(tokens) - 1:
        return None
    if any(people.at(t) is not None or t.pos_ in {"VERB", "AUX", "PRON"} for t in tokens):
        return None
    return tokens


def _leans_back(title: list[Token]) -> bool:
    """ "the leader of the country": a title whose object is a bare "the <noun>" that stands
    for something named before."""
    return any(
        t.dep_ == "pobj"
        and t.pos_ == "NOUN"
        and t.text.islower()
        and [c.lower_ for c in t.children] == ["the"]
        for t in title
    )


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
    """ "Thorn Wren, ABC. Assistant Secretary of Birch ..., said": the apposition."""
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
    """ "North Korean leader Banks Robin Hart": the capitalised title right before the name."""
    doc = mention.doc
    index = mention.start - 1
    while index >= 0 and doc[index].lower_ in HONORIFICS:
        index -= 1  # "Health Secretary Heath. Copper Flint"
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

    "and" and "," belong to a title only inside its "of"/"for" part ("Secretary of Birch for
    Democracy, Human Rights and Labor"); before that they join two things ("In JKL,
    Birch Pine spokesperson"). The title word must end the run or open that part, so
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
    """ "the leader of the country, Banks Robin Hart": a definite title set off before the name."""
    doc = mention.doc
    comma = mention.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and not (after.is_punct or after.is_space):
        return None
    head = doc[comma - 1]
    # "the Minister of Birch for Foreign Affairs, Jeje Odongo": a capitalised title is PROPN.
    while head.head.i != head.i and head.head.i < comma and head.head.pos_ in TITLE_POS:
        head = head.head
    if head.pos_ not in {"NOUN", "PROPN"} or head.lemma_.lower() not in TITLE_WORDS:
        return None
    tokens = [t for t in head.subtree if t.i < comma]
    if not tokens or tokens[-1].i != comma - 1:
        return None
    if tokens[0].lower_ != "the" and not _has_possessor(tokens):
        return None
    return tokens if _is_title(tokens, people) else None
