"""A teacher in a real browser reorders by keyboard, imports GIFT, exports and reads statistics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp.models import User
from tests.browser.flows import log_in, nav, unlabelled_inputs

pytestmark = pytest.mark.browser

GIFT = b"""::One:: Which city opened the library? {=Springfield ~Shelbyville ~Capital City}

::Two:: How many books does it hold? {#80000:1000}

Match these. {=a -> b =c -> d}
"""


def card_titles(page: Page) -> list[str]:
    return page.locator("main ol > li h3").all_inner_texts()


def test_a_teacher_imports_reorders_by_keyboard_exports_and_opens_statistics(
    new_page: Callable[..., Page], make_account: Callable[..., User]
) -> None:
    teacher = make_account("teacher", name="Mr Okafor")
    title = f"Imported quiz ({teacher.id})"
    page = new_page()
    log_in(page, teacher.email)
    nav(page).get_by_role("link", name="Teacher", exact=True).click()
    page.get_by_role("link", name="Add article").first.click()
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Article text").fill(
        "Springfield opened a library.\n\nIt holds 80,000 books, the mayor said on Monday."
    )
    page.get_by_role("button", name="Add article").click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    before = len(card_titles(page))

    page.get_by_role("link", name="Import GIFT").click()
    assert unlabelled_inputs(page) == []
    page.get_by_label("GIFT file").set_input_files(
        {"name": "quiz.gift", "mimeType": "text/plain", "buffer": GIFT}
    )
    page.get_by_role("button", name="Import").click()
    expect(page.locator("main")).to_contain_text("Imported 2 questions as drafts.")
    expect(page.locator("main")).to_contain_text("Line 5: a matching question; skipped.")
    titles = card_titles(page)
    assert titles[-2:] == [
        f"{before + 1}. Which city opened the library?",
        f"{before + 2}. How many books does it hold?",
    ]

    # Keyboard only: focus the last question's "Move up" button and press Enter.
    page.get_by_role("button", name=f"↑ Move up question {before + 2}").focus()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text(f"The question is now number {before + 1}.")
    assert card_titles(page)[-2:] == [
        f"{before + 1}. How many books does it hold?",
        f"{before + 2}. Which city opened the library?",
    ]

    with page.expect_download() as download:
        page.get_by_role("link", name="Export GIFT").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.index("{#80000:1000}") < text.index("=Springfield")

    page.get_by_role("link", name="Item statistics").click()
    expect(page.locator("#few-attempts")).to_contain_text("this quiz has 0")
