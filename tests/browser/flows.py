"""What a person does in QuizApp, written once with the words on the page (issue 2, section 8)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from playwright.sync_api import Locator, Page, expect
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question
from tests.conftest import PASSWORD

if TYPE_CHECKING:
    from tests.browser.conftest import LiveServer

QUESTION_OF = re.compile(r"Question\s+(\d+)\s+of\s+(\d+)")
SCORE = re.compile(r"(\d+)\s*/\s*(\d+)\s*\((\d+)%\)")
_UNLABELLED_INPUTS_JS = """
() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter((el) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                  && !el.getAttribute('aria-labelledby'))
  .map((el) => el.outerHTML.slice(0, 120))
"""


@dataclass(frozen=True)
class KeyEntry:
    """What the test knows about one published question (never read from the page)."""

    prompt: str
    format: str
    answer: str
    choices: tuple[str, ...]
    evidence: str

    def wrong_choice(self) -> str:
        """A choice that is not the right answer."""
        wrong = [choice for choice in self.choices if choice != self.answer]
        assert wrong, f"{self.prompt!r} offers no choice but the right answer: {self.choices}"
        return wrong[0]


def answer_key(live_server: LiveServer, article_id: int) -> list[KeyEntry]:
    """The published questions of an article, read straight from the live database."""

    def load() -> list[KeyEntry]:
        questions = db.session.scalars(
            select(Question).where(
                Question.article_id == article_id, Question.status == "published"
            )
        )
        return [
            KeyEntry(q.prompt, q.format, q.answer, tuple(q.choices or ()), q.evidence)
            for q in questions
        ]

    return live_server.run(load)


def nav(page: Page) -> Locator:
    """The site's main navigation bar."""
    return page.get_by_role("navigation", name="Main")


def register(page: Page, email: str, name: str, password: str = PASSWORD) -> None:
    """Register through the "Register" link; registering logs the new student in."""
    page.goto("/")
    nav(page).get_by_role("link", name="Register", exact=True).click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password again").fill(password)
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Log in through the "Log in" link."""
    page.goto("/")
    nav(page).get_by_role("link", name="Log in", exact=True).click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def open_article(page: Page, title: str) -> None:
    """Go to "Articles" and open an article by the link that shows its title."""
    follow(page, nav(page).get_by_role("link", name="Articles", exact=True))
    follow(page, page.locator("main").get_by_role("link", name=title, exact=True))
    expect(page.get_by_role("heading", name=title).first).to_be_visible()


def start_quiz(page: Page) -> tuple[int, int]:
    """Press "Start quiz" on an article page; returns ("Question 1 of N") as (1, N)."""
    follow(page, page.get_by_role("button", name="Start quiz"))
    return position(page)


def position(page: Page) -> tuple[int, int]:
    """The "Question n of N" the page shows, as (n, N)."""
    label = page.get_by_text(QUESTION_OF).first
    expect(label).to_be_visible()
    match = QUESTION_OF.search(label.inner_text())
    assert match, "no 'Question n of N' on the question page"
    return int(match.group(1)), int(match.group(2))


def answer_inputs(page: Page) -> Locator:
    """The radio buttons or the text box the student answers with."""
    return page.get_by_role("radio").or_(page.get_by_role("textbox"))


def current_question(page: Page, key: list[KeyEntry]) -> KeyEntry:
    """The question on the page, found by its prompt in the answer form."""
    form = page.locator("main form").filter(has=answer_inputs(page)).first
    text = " ".join(form.inner_text().split())
    matches = [entry for entry in key if " ".join(entry.prompt.split()) in text]
    assert matches, f"the question on {page.url} matches no published question: {text[:200]!r}"
    return max(matches, key=lambda entry: len(entry.prompt))


def answer(page: Page, entry: KeyEntry, *, right: bool = True) -> str:
    """Answer the question on the page as a student would; returns the answer given."""
    main = page.locator("main")
    if entry.format == "short_answer":
        given = entry.answer if right else "not the answer at all"
        main.get_by_role("textbox").fill(given)
        return given
    given = entry.answer if right else entry.wrong_choice()
    main.get_by_role("radio", name=given, exact=True).check()
    return given


def expect_answer_kept(page: Page, entry: KeyEntry, given: str) -> None:
    """The answer given earlier is still selected or typed on the question's page."""
    main = page.locator("main")
    if entry.format == "short_answer":
        expect(main.get_by_role("textbox")).to_have_value(given)
    else:
        expect(main.get_by_role("radio", name=given, exact=True)).to_be_checked()


def follow(page: Page, control: Locator) -> None:
    """Click a link or button that loads another page, and wait until that page has loaded.

    A click returns once the browser has acted on it; the page it asked for may still be on
    its way. Reading, reloading or clicking on before then races the navigation ("Not attached
    to an active page"), so every click that leaves the page goes through here.
    """
    with page.expect_navigation(wait_until="load"):
        control.click()


def go_next(page: Page) -> None:
    """Press "Next" and wait for the next question's page."""
    follow(page, page.get_by_role("button", name="Next", exact=True))


def go_previous(page: Page) -> None:
    """Press "Previous" and wait for the previous question's page."""
    follow(page, page.get_by_role("button", name="Previous", exact=True))


def submit_quiz(page: Page) -> tuple[int, int, int]:
    """Press "Submit quiz" (accepting a confirmation, if any); returns the shown score."""
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Submit quiz").click()
    return shown_score(page)


def shown_score(page: Page) -> tuple[int, int, int]:
    """The "7 / 10 (70%)" score on the page, as (7, 10, 70)."""
    label = page.locator("main").get_by_text(SCORE).first
    expect(label).to_be_visible()
    match = SCORE.search(label.inner_text())
    assert match, "no score like '7 / 10 (70%)' on the page"
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def percent(score: int, maximum: int) -> int:
    """The whole percentage the app shows for a score."""
    return round(100 * score / maximum)


def unlabelled_inputs(page: Page) -> list[str]:
    """The page's inputs that have no label (a screen reader could not name them)."""
    return list(page.evaluate(_UNLABELLED_INPUTS_JS))
