"""A student in a real browser: register, take the seed quiz, resume it, review the score."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer
from tests.browser.flows import (
    KeyEntry,
    answer,
    answer_inputs,
    answer_key,
    current_question,
    expect_answer_kept,
    follow,
    go_next,
    go_previous,
    log_in,
    nav,
    open_article,
    percent,
    position,
    register,
    shown_score,
    start_quiz,
    submit_quiz,
    unlabelled_inputs,
)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_new_student_takes_the_seed_quiz_and_finds_it_in_my_scores(
    page: Page, live_server: LiveServer, unique_email: Callable[[str], str]
) -> None:
    article = live_server.seed_article()
    key = answer_key(live_server, article.id)
    assert len(key) >= 3, "the seed article should have a worthwhile quiz"
    one_choice = [e.prompt for e in key if e.format != "short_answer" and len(e.choices) < 2]
    assert not one_choice, f"choice questions with fewer than 2 choices: {one_choice}"

    register(page, unique_email("student"), "Ada Student")
    open_article(page, article.title)
    assert start_quiz(page) == (1, len(key))

    seen: list[KeyEntry] = []
    given: list[str] = []
    for number in range(1, len(key) + 1):
        assert position(page) == (number, len(key))
        entry = current_question(page, key)
        seen.append(entry)
        # The first answer is wrong on purpose, so the score shows the server really grades.
        given.append(answer(page, entry, right=number != 1))
        if number == 2:
            go_previous(page)
            assert position(page) == (1, len(key))
            expect_answer_kept(page, seen[0], given[0])
            go_next(page)
            assert position(page) == (2, len(key))
            expect_answer_kept(page, entry, given[1])
        if number < len(key):
            go_next(page)
        else:
            expect(page.get_by_role("button", name="Next", exact=True)).to_have_count(0)

    assert sorted(entry.prompt for entry in seen) == sorted(entry.prompt for entry in key)
    expected = len(key) - 1
    assert submit_quiz(page) == (expected, len(key), percent(expected, len(key)))

    nav(page).get_by_role("link", name="My scores", exact=True).click()
    attempts = page.get_by_role("region", name="All attempts")
    row = attempts.get_by_role("row").filter(has_text=article.title)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"{expected} / {len(key)}")
    expect(row).to_contain_text(f"{percent(expected, len(key))}%")
    expect(page.get_by_role("region", name="Scores over time")).to_be_visible()
    row.get_by_role("link", name="Review").click()
    assert shown_score(page) == (expected, len(key), percent(expected, len(key)))
    # The review names the right answer of the question answered wrongly, with its evidence.
    expect(page.locator("main")).to_contain_text(seen[0].answer)
    expect(page.locator("main")).to_contain_text(seen[0].evidence)


def test_a_reload_and_a_new_login_resume_the_open_attempt(
    new_page: Callable[..., Page], live_server: LiveServer, unique_email: Callable[[str], str]
) -> None:
    article = live_server.seed_article()
    key = answer_key(live_server, article.id)
    email = unique_email("student")
    page = new_page()

    register(page, email, "Resuming Student")
    open_article(page, article.title)
    start_quiz(page)
    first = current_question(page, key)
    first_given = answer(page, first)
    go_next(page)
    page.reload()
    assert position(page) == (2, len(key))

    follow(page, page.get_by_role("button", name="Log out"))
    page.context.clear_cookies()
    log_in(page, email, PASSWORD)
    follow(page, nav(page).get_by_role("link", name="Articles", exact=True))
    follow(page, page.locator("main").get_by_role("link", name=article.title, exact=True))
    follow(page, page.get_by_role("button", name="Resume quiz"))
    assert position(page) == (2, len(key))
    go_previous(page)
    expect_answer_kept(page, first, first_given)


def test_the_quiz_works_from_the_keyboard_and_every_input_has_a_label(
    page: Page, live_server: LiveServer, unique_email: Callable[[str], str]
) -> None:
    article = live_server.seed_article()
    key = answer_key(live_server, article.id)

    page.goto("/auth/register")
    assert unlabelled_inputs(page) == []
    page.goto("/auth/login")
    assert unlabelled_inputs(page) == []

    register(page, unique_email("student"), "Keyboard Student")
    open_article(page, article.title)
    start_quiz(page)
    assert unlabelled_inputs(page) == []

    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.type, document.activeElement.id]")
        if focused[0] in ("radio", "text"):
            break
    else:
        pytest.fail("Tab never reached the answer inputs of the question page")

    entry = current_question(page, key)
    if focused[0] == "radio":
        page.keyboard.press("Space")
        checked = answer_inputs(page).and_(page.locator(":checked"))
        expect(checked).to_have_count(1)
    else:
        page.keyboard.type(entry.answer)
        expect(page.locator("main").get_by_role("textbox")).to_have_value(entry.answer)


def test_phone_width_collapses_the_menu_and_never_scrolls_sideways(
    new_page: Callable[..., Page], live_server: LiveServer, unique_email: Callable[[str], str]
) -> None:
    article = live_server.seed_article()
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    no_sideways_scroll = "() => document.documentElement.scrollWidth <= window.innerWidth"

    page.goto("/")
    menu = page.get_by_role("button", name="Toggle navigation")
    expect(menu).to_be_visible()
    expect(nav(page).get_by_role("link", name="Register", exact=True)).to_be_hidden()
    assert page.evaluate(no_sideways_scroll)
    menu.click()
    nav(page).get_by_role("link", name="Register", exact=True).click()
    assert page.evaluate(no_sideways_scroll)

    register_fields = {
        "Email": unique_email("student"),
        "Display name": "Phone Student",
        "Password": PASSWORD,
        "Password again": PASSWORD,
    }
    for label, value in register_fields.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Register", exact=True).click()

    page.get_by_role("button", name="Toggle navigation").click()
    open_article(page, article.title)
    assert page.evaluate(no_sideways_scroll), "the article page scrolls sideways on a phone"
    start_quiz(page)
    assert page.evaluate(no_sideways_scroll), "the question page scrolls sideways on a phone"
