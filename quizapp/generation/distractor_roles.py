"""What a wrong choice must share with the answer: the sort of body, the role of a person,
the counted noun; and what it must not be: another form of the answer, a group of people
offered as a body, or a second right answer from the same sentence."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from quizapp.generation import distractor_lists as lists
from quizapp.generation.lexicon_facts import COUNTRY_HEADS
from quizapp.generation.names import is_formal_country_name
from quizapp.generation.normalize import normalize
from quizapp.generation.types import ParsedArticle, kind_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SORT_BY_WORD = {word: sort for sort, words in lists.ORG_SORTS.items() for word in words}
_ROLE_BY_WORD = {word: role for role, words in lists.ROLE_GROUPS.items() for word in words}
# A name's head ends where its complement starts ("Ministry | of Finance").
_COMPLEMENT = re.compile(r"\s(?:of|for|on|in|at|to)\s|,|\(")
_POSSESSIVE_SPLIT = re.compile(r"['’]s?\s")
_WORD = re.compile(r"[\w.&'’-]+")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&"})
# A one-word plural name of people: "Democrats", "Republicans", "Conservatives", "Maoists".
_PEOPLE_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ists|crats|ites|ives|ers)$")
# A plural name shorter than this is no group ("Bs").
_MIN_PLURAL = 4
# Words of a country's formal name that tell no country from another ("the People's
# Republic of …", "the United Kingdom of …").
_FORMAL_PLACE_WORDS = COUNTRY_HEADS | {
    "the", "of", "and", "people", "peoples", "democratic", "united", "federal", "federated",
    "islamic", "arab", "socialist", "popular", "state", "states", "union", "commonwealth",
}  # fmt: skip
# How far before a name a title may stand ("Chief District Judge Ann Lee": three words).
_TITLE_REACH = 4


# ---- organizations -----------------------------------------------------------------------


def org_sort(text: str) -> str | None:
    """The sort of a body from the head noun of its name ("the Ministry of Trade" ->
    "ministry", "the Court of Claims for the District" -> "court"), else from any telling
    word in it; None when its name tells nothing ("Acme", an acronym)."""
    name = _POSSESSIVE_SPLIT.split(" ".join(text.split()))[-1]  # "X's Office of Y" -> "Office of Y"
    head = _COMPLEMENT.split(f"{name} ", maxsplit=1)[0]
    words = [word.lower().strip(".") for word in _WORD.findall(head)]
    for word in reversed(words):
        if word in _SORT_BY_WORD:
            return _SORT_BY_WORD[word]
    for word in (word.lower().strip(".") for word in _WORD.findall(name)):
        if word in _SORT_BY_WORD:
            return _SORT_BY_WORD[word]
    return None


def head_word(text: str) -> str:
    """The last word of a name's head, lower-cased: "the Republic of Lakeside" -> "republic",
    "the X's Office of Y" -> "office" ("" for no words)."""
    name = _POSSESSIVE_SPLIT.split(" ".join(text.split()))[-1]
    head = _COMPLEMENT.split(f"{name} ", maxsplit=1)[0]
    words = [word.lower().strip(".") for word in _WORD.findall(head)]
    return words[-1] if words else ""


def org_rank(answer_sort: str | None, text_sort: str | None, text: str = "") -> int | None:
    """How well a body of `text_sort` stands beside an answer of `answer_sort`: 0 the same
    sort, 1 the same family, 2 a body whose sort is unknown; None when it is another kind."""
    if answer_sort is None:
        if text_sort is None:
            return 0
        return 1 if lists.ORG_FAMILIES.get(text_sort) in lists.LOOSE_ORG_FAMILIES else None
    if text_sort == answer_sort:
        return 0
    if text_sort is None:
        # A name that tells nothing may be a person or a title the model took for a body:
        # only an acronym (most stand for bodies of state) may stand beside a known sort.
        return None if answer_sort in lists.STRICT_ORG_SORTS or not is_acronym(text) else 2
    if lists.ORG_FAMILIES.get(text_sort) == lists.ORG_FAMILIES.get(answer_sort):
        return 1
    return None


def acronym_sorts(article: ParsedArticle) -> dict[str, str]:
    """The sort of each acronym the article spells out ("the Office of X (OX)")."""
    return article.memo("acronym_sorts", lambda: _find_acronym_sorts(article))


def _find_acronym_sorts(article: ParsedArticle) -> dict[str, str]:
    """Acronyms of the article's bodies -> the sort of the body they stand for."""
    found: dict[str, str] = {}
    names = list(dict.fromkeys(article.mentions.get("ORG", ())))
    acronyms = [name for name in names if is_acronym(name)]
    for acronym in acronyms:
        for name in names:
            sort = org_sort(name)
            if sort is not None and not is_acronym(name) and stands_for(acronym, name):
                found[acronym] = sort
                break
    return found


def sort_in_article(text: str, article: ParsedArticle) -> str | None:
    """A body's sort from its name or from what its acronym stands for in the article."""
    return org_sort(text) or acronym_sorts(article).get(kind_key(text))


def is_group_of_people(
    text: str, span: Span | None = None, article: ParsedArticle | None = None
) -> bool:
    """A group of people, not a body: a nationality or a party's members ("Democrats"), or
    a plural of a word the article uses as a name's adjective ("Tamils" beside "Tamil")."""
    if span is not None:
        if span.label_ == "NORP":
            return True
        if len(span) == 1 and span[0].tag_ == "NNPS":
            return True
    bare = kind_key(text)
    if " " in bare:
        return False
    if _PEOPLE_PLURAL.match(bare) is not None:
        return True
    if article is None or not bare.endswith("s") or len(bare) < _MIN_PLURAL:
        return False
    singular = bare[:-1]
    words = article.memo("capitalized_words", lambda: _capitalized_words(article))
    return singular in words


def _capitalized_words(article: ParsedArticle) -> frozenset[str]:
    """Every capitalised word of the article."""
    return frozenset(token.text for token in article.tokens if token.is_title)


# ---- one thing, two forms ----------------------------------------------------------------


def is_acronym(text: str) -> bool:
    """A short name in capitals ("UN", "U.K.", "NATO")."""
    letters = re.sub(r"[^A-Za-z]", "", kind_key(text))
    return 2 <= len(letters) <= 8 and letters.isupper() and " " not in kind_key(text).strip()


def stands_for(acronym: str, name: str) -> bool:
    """Whether `acronym` is made of the initials of `name` ("NTSB", "National Transportation
    Safety Board"), small words in or out."""
    letters = re.sub(r"[^A-Za-z]", "", kind_key(acronym)).upper()
    name = _POSSESSIVE_SPLIT.split(kind_key(name))[-1]  # "X's Office of Y" -> "Office of Y"
    words = [word for word in _WORD.findall(name) if word[:1].isalpha()]
    if len(letters) < 2 or len(words) < 2:
        return False
    every = "".join(word[0] for word in words).upper()
    capitals = "".join(word[0] for word in words if word.lower() not in _SMALL_WORDS).upper()
    return letters in {every, capitals}


def content_words(text: str) -> frozenset[str]:
    """The words that say which body or person a name is, not what it is or how it is
    written: "the Treasury" Department and "the Treasury" give {"treasury"}, "Oxford
    University" and "the University of Oxford" {"oxford"}."""
    words = normalize(text).split()
    telling = frozenset(word for word in words if word not in lists.GENERIC_ORG_WORDS)
    return telling or frozenset(words)


def same_thing(first: str, second: str, kind: str) -> bool:
    """Two forms of one thing: an acronym and its expansion, one name in another order or
    with its generic word dropped, a surname and the full name."""
    if not first.strip() or not second.strip():
        return False
    if kind in {"ORG", "GPE", "LAW"}:
        short, long = sorted((first, second), key=len)
        if is_acronym(short) and stands_for(short, long):
            return True
    if kind == "ORG":
        return content_words(first) == content_words(second)
    if kind == "GPE" and (is_formal_country_name(first) or is_formal_country_name(second)):
        # "the Republic of X" and "North X" may be one country: its name's own word is shared.
        return bool(_place_words(first) & _place_words(second))
    if kind == "PERSON":
        words_a, words_b = set(normalize(first).split()), set(normalize(second).split())
        return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)
    return False


def _place_words(text: str) -> frozenset[str]:
    """The words of a place's name that say which place it is, not what form it has."""
    return frozenset(normalize(text).split()) - _FORMAL_PLACE_WORDS


# ---- people ------------------------------------------------------------------------------


def is_title(word: str) -> bool:
    """Whether a word is a title ("Commissar", "Judge")."""
    return word.lower().strip(".,") in _ROLE_BY_WORD


def role_of_words(words: list[str]) -> str | None:
    """The role group of the first title among `words` ("Judge" -> "court"); a rank word is
    military only with no other title ("Attorney General" is a lawyer, "Maj. Gen." a soldier)."""
    found = [_ROLE_BY_WORD.get(word.lower().strip(".,")) for word in words]
    found = [role for role in found if role is not None]
    civil = [role for role in found if role != "military"]
    return civil[0] if civil else found[0] if found else None


def person_roles(article: ParsedArticle) -> dict[str, str]:
    """Each person's role group in the article, from the title before the name ("Treasury
    Secretary X") or the appositive after it ("X, the country's finance minister")."""
    return article.memo("person_roles", lambda: _find_person_roles(article))


def _find_person_roles(article: ParsedArticle) -> dict[str, str]:
    """Role groups by full name; a later mention does not undo an earlier title."""
    roles: dict[str, str] = {}
    for span in article.spans.get("PERSON", ()):
        name = article.full_name(span.text)
        if name in roles:
            continue
        role = role_of_words(_title_before(span)) or role_of_words(_appositive_after(span))
        if role is not None:
            roles[name] = role
    return roles


def _title_before(span: Span) -> list[str]:
    """The capitalised or title words right before a name, nearest first."""
    doc = span.doc
    words: list[str] = []
    for index in range(span.start - 1, max(span.start - _TITLE_REACH, 0) - 1, -1):
        token: Token = doc[index]
        if token.is_punct or not (
            token.is_title or token.is_upper or token.lower_ in _ROLE_BY_WORD
        ):
            break
        words.append(token.text)
        if token.is_sent_start:
            break
    return words


def _appositive_after(span: Span) -> list[str]:
    """The words of an appositive after a name ("X, the finance minister, said")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return []
    words: list[str] = []
    for token in doc[span.end + 1 : span.end + 1 + _TITLE_REACH + 2]:
        if token.is_punct:
            break
        words.append(token.text)
    return words


# ---- a second right answer ---------------------------------------------------------------


def coordinated_with(answer: str, article: ParsedArticle, sentence_index: int) -> list[str]:
    """Names joined to the answer by "and"/"or" in its sentence ("A and B were sanctioned"):
    each is as right as the answer, so none may be a wrong choice."""
    if not 0 <= sentence_index < len(article.sentences):
        return []
    sentence = article.sentences[sentence_index]
    start = sentence.text.find(answer)
    if start < 0:
        return []
    start += sentence.start_char
    answer_span = sentence.doc.char_span(start, start + len(answer), alignment_mode="expand")
    if answer_span is None:
        return []
    root = answer_span.root
    partners = {token.i for token in root.conjuncts}
    if root.dep_ == "conj":  # the answer is itself the second conjunct
        partners.add(root.head.i)
        partners.update(token.i for token in root.head.conjuncts)
    partners -= {token.i for token in answer_span}
    found: list[str] = []
    for ent in _entities_by_sentence(article).get(sentence_index, ()):
        if any(token.i in partners for token in ent):
            found.append(ent.text)
    return found


def _entities_by_sentence(article: ParsedArticle) -> dict[int, list[Span]]:
    """The model's entities of each sentence, by sentence index (read once per article: a
    sentence's own `ents` walks the whole document's)."""

    def build() -> dict[int, list[Span]]:
        starts = [sentence.start for sentence in article.sentences]
        found: dict[int, list[Span]] = {}
        for ent in article.doc.ents:
            index = bisect.bisect_right(starts, ent.start) - 1
            if index >= 0 and ent.end <= article.sentences[index].end:
                found.setdefault(index, []).append(ent)
        return found

    return article.memo("entities_by_sentence", build)
