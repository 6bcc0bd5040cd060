"""Turns a pasted web article into the paragraphs of the story (boilerplate removed)."""

from __future__ import annotations

import html
import re
from collections import Counter

from quizapp.generation import boilerplate as bp

_TAG = re.compile(r"<[^>]*>")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|h[1-6]|tr|section|article|header|footer|figure)\b", re.I
)


def clean_text(text: str) -> str:
    """Return the story's paragraphs, separated by blank lines, without page furniture."""
    lines = _lines(_plain_text(text))
    keep = _story_flags(lines)
    paragraphs = [line for line, kept in zip(lines, keep, strict=True) if kept]
    if paragraphs:
        paragraphs[0] = strip_dateline(paragraphs[0])
    return "\n\n".join(paragraphs)


def strip_dateline(paragraph: str) -> str:
    """The paragraph without a leading dateline ("SAN JOSÉ, COSTA RICA — ", "(Marsh) - ")."""
    match = bp.DATELINE_PATTERN.match(paragraph)
    return paragraph[match.end() :] if match else paragraph


def guess_title(text: str) -> str | None:
    """Return the headline of a pasted article: the title-like line before its body, if any."""
    if bp.HTML_PATTERN.search(text):
        title = _html_title(text)
        if title:
            return title
    lines = _lines(_plain_text(text))
    index = _title_index(lines, _repeated_furniture(lines))
    return lines[index] if index is not None else None


def _plain_text(text: str) -> str:
    """The article as plain text: HTML goes through trafilatura (or has its tags stripped)."""
    if not bp.HTML_PATTERN.search(text):
        return text
    try:
        import trafilatura  # imported lazily: it is slow to import and only HTML needs it

        extracted = trafilatura.extract(text, include_comments=False, include_tables=False)
    except Exception:  # trafilatura raises assorted errors on broken markup
        extracted = None
    if extracted:
        return extracted
    stripped = _SCRIPT_OR_STYLE.sub(" ", text)
    stripped = _BLOCK_TAG.sub(lambda match: "\n" + match.group(0), stripped)
    return html.unescape(_TAG.sub(" ", stripped))


def _html_title(text: str) -> str | None:
    """The title trafilatura finds in an HTML page's metadata."""
    try:
        import trafilatura

        metadata = trafilatura.extract_metadata(text)
    except Exception:  # broken markup: fall back to the plain-text heuristics
        return None
    title = getattr(metadata, "title", None) if metadata else None
    if not isinstance(title, str):
        return None
    return _normalize_line(title) or None


# A list item's marker at the start of a line ("- ", "• "): the parser would read the item's
# first name as part of something else.
_LIST_MARKER = re.compile(r"^[-*•·–]\s+(?=\S)")


def _normalize_line(line: str) -> str:
    """One line with invisible characters dropped, runs of spaces made single and a list
    item's marker dropped."""
    line = bp.SPACE_PATTERN.sub(" ", line.translate(bp.INVISIBLE_CHARACTERS)).strip()
    return _LIST_MARKER.sub("", line)


def _lines(text: str) -> list[str]:
    """Non-empty normalised lines, hard-wrapped lines of one paragraph joined back."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    previous_blank = True
    for raw in text.split("\n"):
        line = _normalize_line(raw)
        if not line:
            previous_blank = True
            continue
        # A line that starts lower-case right after an unfinished line continues it.
        if (
            lines
            and not previous_blank
            and line[0].islower()
            and not _has_final_punctuation(lines[-1])
        ):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        previous_blank = False
    return lines


def _word_count(line: str) -> int:
    """The number of space-separated words in a line."""
    return len(line.split())


def _has_final_punctuation(line: str) -> bool:
    """Whether a line ends like a sentence (quotes and brackets after the stop allowed)."""
    return line.rstrip(bp.CLOSING_CHARACTERS).endswith(bp.FINAL_PUNCTUATION)


def _is_navigation(line: str) -> bool:
    """Navigation links, share buttons, cookie notices and the like."""
    key = line.lower().strip(" :|•·-–—>»")
    if key in bp.NAVIGATION_LINES:
        return True
    return any(pattern.search(line) for pattern in bp.NOTICE_PATTERNS)


def _is_caption(line: str) -> bool:
    """A photo caption or photo credit."""
    return any(pattern.search(line) for pattern in bp.CAPTION_PATTERNS)


def _is_byline(line: str) -> bool:
    """A byline or a credit line ("By Jane Doe", "... contributed to this report")."""
    return any(pattern.search(line) for pattern in bp.BYLINE_PATTERNS)


def _is_furniture(line: str) -> bool:
    """Any line that is never part of the story, wherever it stands."""
    return _is_navigation(line) or _is_caption(line) or _is_byline(line)


def _is_body(line: str) -> bool:
    """A paragraph of the story: it ends like a sentence and is longer than a subhead."""
    return _has_final_punctuation(line) and _word_count(line) > 3


def _repeated_furniture(lines: list[str]) -> set[str]:
    """Short lines that appear more than once verbatim (a caption shown twice)."""
    counts = Counter(lines)
    return {
        line
        for line, count in counts.items()
        if count > 1 and _word_count(line) <= bp.MAX_REPEATED_FURNITURE_WORDS
    }


def _title_index(lines: list[str], repeated: set[str]) -> int | None:
    """Index of the headline: the first title-like line before the first body paragraph."""
    for index, line in enumerate(lines):
        if line in repeated or _is_furniture(line):
            continue
        if _is_body(line):
            return None
        words = _word_count(line)
        if 2 <= words <= bp.MAX_TITLE_WORDS and not line.endswith((".", ":")):
            return index
    return None


def _story_flags(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to the story."""
    repeated = _repeated_furniture(lines)
    title = _title_index(lines, repeated)
    title_text = lines[title] if title is not None else None
    seen: set[str] = set()
    body_started = False
    flags: list[bool] = []
    for line in lines:
        keep = not (
            line in repeated
            or line == title_text
            or line in seen  # a long paragraph pasted twice keeps its first copy
            or _is_furniture(line)
            or (not _has_final_punctuation(line) and _word_count(line) <= bp.MAX_SUBHEAD_WORDS)
            or (not body_started and not _is_body(line))
        )
        seen.add(line)
        body_started = body_started or keep
        flags.append(keep)
    return flags
