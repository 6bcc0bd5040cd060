"""Cleaning pasted articles: boilerplate, headline, captions, bylines and subheads go."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation.cleaning import clean_text, guess_title

SEED_ARTICLE = (
    Path(__file__).resolve().parent.parent.parent
    / "seeds"
    / ("us-official-warns-north-korean-leader.txt")
)
BODY = (
    "The city council voted on Tuesday to build 12 new bridges over the river.\n\n"
    "Construction will begin next spring, the mayor said."
)


@pytest.fixture(scope="module")
def seed_raw() -> str:
    """The seed article as pasted, with its page furniture."""
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_clean(seed_raw: str) -> str:
    """The cleaned seed article."""
    return clean_text(seed_raw)


def test_seed_keeps_story_paragraphs_separated_by_blank_lines(seed_clean: str) -> None:
    paragraphs = seed_clean.split("\n\n")
    assert paragraphs[0].startswith("The latest U.S. sanctions on North Korea are aimed")
    assert paragraphs[-1].startswith("It is estimated that between 80,000 and 120,000 people")
    assert len(paragraphs) == 13
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in paragraphs)


@pytest.mark.parametrize(
    "furniture",
    [
        "Accessibility links",
        "Breaking News",
        "US Official Warns North Korean Leader Over Human Rights Abuses",
        "FILE - North Korean leader",
        "William Kim interviews",
        "Strong warning",
        "Continued violations",
        "Cho Eun Jung contributed",
    ],
)
def test_seed_drops_page_furniture(seed_clean: str, furniture: str) -> None:
    assert furniture not in seed_clean


def test_seed_keeps_original_characters(seed_clean: str) -> None:
    assert "“Democratic countries that respect human rights don’t go to war" in seed_clean
    assert "the North Korea Sanctions and Policy Enhancement Act of 2016 enacted" in seed_clean


def test_guess_title_returns_the_headline(seed_raw: str) -> None:
    assert guess_title(seed_raw) == "US Official Warns North Korean Leader Over Human Rights Abuses"


def test_guess_title_is_none_without_a_headline() -> None:
    assert guess_title(BODY) is None
    assert guess_title("") is None


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "Print",
        "Follow us",
        "Related",
        "Comments",
        "Skip to main content",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "© 2024 Example News. All rights reserved.",
        "FILE PHOTO: The river seen from the old bridge in 2019.",
        "In this photo taken on May 3, workers repair the road.",
        "Workers repair the road near the bridge on May 3. (AP Photo/Jane Doe)",
        "Photo: City Hall",
        "By Jane Doe",
        "By Jane Doe and John Roe, Associated Press",
        "Reporting by John Roe; Editing by Jane Doe",
        "Jane Doe contributed to this report.",
        "Bridges and budgets",
    ],
)
def test_furniture_lines_are_dropped_anywhere(line: str) -> None:
    text = f"Big Bridge Plan Approved\n\n{BODY.replace(chr(10) * 2, chr(10) * 2 + line + chr(10))}"
    assert clean_text(text) == BODY


def test_a_line_repeated_verbatim_loses_every_copy() -> None:
    caption = "The mayor speaks to reporters outside City Hall in Springfield on Tuesday."
    text = f"{caption}\n\n{BODY}\n\n{caption}"
    assert clean_text(text) == BODY


def test_a_story_sentence_starting_with_by_is_kept() -> None:
    text = "By the end of the year, the council had spent $4 million on repairs.\n\n" + BODY
    assert clean_text(text).startswith("By the end of the year")


def test_whitespace_is_normalised_and_hard_wraps_are_joined() -> None:
    text = (
        "  The council\u00a0voted   on Tuesday to build\nnew bridges over the river.  "
        "\r\n\r\n\r\nIt agreed."
    )
    assert clean_text(text) == (
        "The council voted on Tuesday to build new bridges over the river.\n\nIt agreed."
    )


def test_html_is_reduced_to_the_article_text() -> None:
    page = (
        "<html><head><title>Bridge plan approved</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Bridge plan approved</h1>"
        "<p>The city council voted on Tuesday to build 12 new bridges over the river.</p>"
        "<p>Construction will begin next spring, the mayor said on Wednesday evening.</p>"
        "</article><footer>© 2024 Example News. All rights reserved.</footer></body></html>"
    )
    cleaned = clean_text(page)
    assert "The city council voted on Tuesday to build 12 new bridges over the river." in cleaned
    assert "<" not in cleaned and "©" not in cleaned
    assert guess_title(page) == "Bridge plan approved"


def test_an_html_fragment_has_its_tags_stripped() -> None:
    assert clean_text("<p>The council voted <b>twice</b> on the plan.</p>") == (
        "The council voted twice on the plan."
    )


@pytest.mark.parametrize("text", ["", "   \n\n  ", "12 34 56", "Share\nPrint"])
def test_text_without_a_story_cleans_to_nothing(text: str) -> None:
    assert clean_text(text) == ""


@pytest.mark.parametrize(
    ("first", "story"),
    [
        (
            "SAN JOSÉ, COSTA RICA — Former finance minister Andrea Solís Vargas won Costa Rica’s"
            " presidential runoff on Sunday.",
            "Former finance minister Andrea Solís Vargas won Costa Rica’s presidential runoff on"
            " Sunday.",
        ),
        (
            "MONTEVIDEO, URUGUAY — The European Union and Mercosur signed a free trade agreement.",
            "The European Union and Mercosur signed a free trade agreement.",
        ),
        (
            "WASHINGTON — A Ukrainian man was sentenced on Tuesday to 13 years in federal prison.",
            "A Ukrainian man was sentenced on Tuesday to 13 years in federal prison.",
        ),
        (
            "(Reuters) - Shares of the carmaker fell 4% on Monday after it cut its forecast.",
            "Shares of the carmaker fell 4% on Monday after it cut its forecast.",
        ),
        (
            "LONDON, Jan. 5 (Reuters) - The Bank of England held interest rates at 5.25%.",
            "The Bank of England held interest rates at 5.25%.",
        ),
        (
            "Westland– Today, the harbor office named five new officials of the port.",
            "Today, the harbor office named five new officials of the port.",
        ),
        (
            "Port Hope – The harbor office named five new officials of the port.",
            "The harbor office named five new officials of the port.",
        ),
    ],
)
def test_a_dateline_is_stripped_from_the_first_paragraph(first: str, story: str) -> None:
    cleaned = clean_text(f"{first}\n\n{BODY}")
    assert cleaned.split("\n\n")[0] == story
    assert cleaned.endswith(BODY)


@pytest.mark.parametrize(
    "first",
    [
        "NASA — the agency that runs the station — said the crew was safe on Friday.",
        "U.S. officials - speaking on condition of anonymity - said talks had stalled.",
        "A federal appeals court — the 6th Circuit — upheld the law on Tuesday.",
    ],
)
def test_a_sentence_with_a_dash_is_not_a_dateline(first: str) -> None:
    assert clean_text(f"{first}\n\n{BODY}").split("\n\n")[0] == first


def test_only_the_first_paragraph_loses_a_dateline() -> None:
    later = "WASHINGTON — Lawmakers returned to the capital on Monday after the recess."
    cleaned = clean_text(f"{BODY}\n\n{later}")
    assert cleaned.endswith(later)


def test_press_release_contact_footers_are_dropped_but_story_lines_kept() -> None:
    text = (
        "The ministry said the coastal road would reopen in May after repairs.\n\n"
        "For further information, please contact the Press Office at press@example.gov.\n\n"
        "Media contact: Jane Roe, 555-0100.\n\n"
        "For more information about the risks, doctors said patients should read the label."
    )
    cleaned = clean_text(text)
    assert "Press Office" not in cleaned
    assert "Jane Roe" not in cleaned
    assert "coastal road would reopen in May" in cleaned
    assert "doctors said patients should read the label" in cleaned


def test_a_list_items_marker_is_dropped() -> None:
    text = (
        "The council named two officials today in a long statement to the press.\n\n"
        "- Marcus Bell is a major in the national guard and has served for many years.\n"
        "• Lisa Moreno is the secretary of the defence council and works with the guard."
    )
    paragraphs = clean_text(text).split("\n\n")
    assert paragraphs[1].startswith("Marcus Bell is a major")
    assert paragraphs[2].startswith("Lisa Moreno is the secretary")
