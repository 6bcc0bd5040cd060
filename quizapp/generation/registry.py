"""The explicit registry of question generators, by question type."""

from __future__ import annotations

from quizapp.generation.clauses import ClauseGenerator
from quizapp.generation.how_many import HowManyGenerator
from quizapp.generation.quote import QuoteGenerator
from quizapp.generation.true_false import TrueFalseGenerator
from quizapp.generation.types import QuestionGenerator
from quizapp.generation.when import WhenGenerator
from quizapp.generation.where import WhereGenerator
from quizapp.generation.which_law import WhichLawGenerator
from quizapp.generation.which_org import WhichOrgGenerator
from quizapp.generation.who import WhoGenerator

GENERATORS: dict[str, QuestionGenerator] = {
    generator.type: generator
    for generator in (
        WhoGenerator(),
        QuoteGenerator(),
        HowManyGenerator(),
        WhichLawGenerator(),
        WhenGenerator(),
        WhereGenerator(),
        WhichOrgGenerator(),
        TrueFalseGenerator(),
        ClauseGenerator(),
    )
}
