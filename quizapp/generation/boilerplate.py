"""Word lists and patterns for the page furniture that cleaning removes from pasted articles."""

from __future__ import annotations

import re

# Whole lines (compared lower-cased, without trailing ":" or "|") that are navigation or widgets.
NAVIGATION_LINES = frozenset(
    {
        "accessibility links",
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "breaking news",
        "live",
        "latest",
        "latest news",
        "top stories",
        "more stories",
        "most read",
        "most popular",
        "trending",
        "related",
        "related stories",
        "related articles",
        "related content",
        "related topics",
        "read more",
        "read next",
        "see also",
        "see all",
        "more",
        "show more",
        "load more",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share via email",
        "print",
        "print this page",
        "email",
        "e-mail",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "reddit",
        "telegram",
        "pinterest",
        "copy link",
        "link copied",
        "follow us",
        "follow",
        "subscribe",
        "sign up",
        "sign in",
        "log in",
        "register",
        "newsletter",
        "comments",
        "comment",
        "view comments",
        "leave a comment",
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "menu",
        "search",
        "home",
        "close",
        "back to top",
        "listen",
        "listen to this article",
        "watch",
        "video",
        "audio",
        "photos",
        "gallery",
        "next",
        "previous",
        "topics",
        "tags",
        "about us",
        "contact us",
        "privacy policy",
        "terms of use",
        "terms of service",
        "cookie policy",
        "cookie settings",
        "manage cookies",
        "accept",
        "accept all",
        "reject all",
    }
)

# Lines that are widgets or notices when they match anywhere (cookie banners, copyright, CTAs).
NOTICE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bcookies?\b.*\b(?:use|accept|consent|policy|settings|experience)\b", re.I),
    re.compile(r"\b(?:use|accept|consent to)\b.*\bcookies?\b", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"^(?:©|\(c\)|copyright\b)", re.I),
    re.compile(r"^(?:click|tap) here\b", re.I),
    re.compile(r"^(?:sign up|subscribe)\b.*\b(?:newsletter|updates|inbox|alerts)\b", re.I),
    re.compile(r"^(?:share|follow|like) (?:us|this|on)\b", re.I),
    re.compile(r"^(?:updated|published|posted|last updated|first published)\b[^.]{0,60}$", re.I),
    re.compile(r"^\d+\s*(?:min|minute)s?\s+read$", re.I),
    re.compile(r"^(?:image|video|media) (?:source|caption|copyright)\b", re.I),
    re.compile(r"^(?:this|the) (?:article|story) (?:has been|was) (?:updated|corrected)\b", re.I),
)

# Photo captions and credits.
CAPTION_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^FILE\s*(?:PHOTO)?\s*[-–—:]"),
    re.compile(r"^FILE PHOTO\b"),
    re.compile(
        r"^(?:in )?this (?:file )?(?:photo|image|picture|handout photo|still image)\b", re.I
    ),
    re.compile(
        r"^(?:photo|photograph|image|picture|caption|pictured|credit|photo credit)s?\s*:", re.I
    ),
    re.compile(r"^(?:photo|photograph|image) (?:by|courtesy of)\b", re.I),
    # "(AP Photo/Jon Chol Jin)", "(Marsh/Banks Hong-Ji)", "(Getty Images)", "Marsh/Banks Hong-Ji".
    re.compile(
        r"\([A-Z][A-Za-z]{1,11}(?: Photo| Images| photo)(?:/[^)]*)?\)\.?$"
        r"|\([A-Z][A-Za-z]{1,11}/[^)]*\)\.?$"
        r"|\b[A-Z]{2,6} Photo/[^\s].*$"
        r"|\b[A-Z]{2,8}/[A-Z][\w. -]+$"
        r"|\(?(?:Getty Images|Associated Press|Shutterstock|AFP via Getty Images)\)?\.?$"
    ),
    re.compile(r"^\(?photo\b[^)]*\)$", re.I),
)

# Bylines and credit lines that are about the article, not facts of the story.
BYLINE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "By Jane Doe", "By Jane Doe and John Roe, Associated Press", "By JANE DOE | MNO News".
    re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]*(?:[\s,|&]+(?:and\s+)?[A-Z][\w.'’-]*){0,8}\s*$"),
    re.compile(
        r"^\(?(?:reporting|writing|editing|additional reporting|compiled|written)\s+by\b", re.I
    ),
    re.compile(r"\bcontributed (?:to )?(?:this )?(?:report|story|article|reporting)\b", re.I),
    re.compile(
        r"^(?:this (?:report|story|article) (?:was|is) (?:written|produced|reported))\b", re.I
    ),
    re.compile(
        r"^(?:(?i:staff|associated press)|[A-Z]{2,6}) (?i:writer|reporter|correspondent)s?\b"
    ),
    re.compile(r"^(?:source|sources|credit|credits)\s*:", re.I),
    re.compile(r"^(?:the )?associated press contributed\b", re.I),
    # Press-release footers: "For further information, please contact …", "Media contact: …".
    re.compile(
        r"^(?:for (?:further|more|additional) information|(?:media|press) (?:contact|inquiries)"
        r"|(?:media|press) enquiries)\b[^.]{0,40}\b(?:contact|e-?mail|call|write|visit|:)",
        re.I,
    ),
)

# A paragraph ends with one of these (after closing quotes and brackets are taken off).
FINAL_PUNCTUATION = (".", "!", "?", "…", ":")
CLOSING_CHARACTERS = "\"'”’)]»"

# A line without final punctuation of at most this many words is a subhead ("Strong warning").
MAX_SUBHEAD_WORDS = 8
# A headline is at most this many words.
MAX_TITLE_WORDS = 25
# A repeated line of at most this many words is furniture (a caption shown twice); every copy
# goes. A longer repeated paragraph keeps its first copy.
MAX_REPEATED_FURNITURE_WORDS = 60

# Tags that mark a text as HTML rather than a plain pasted article.
HTML_PATTERN = re.compile(
    r"<(?:!doctype|html|head|body|article|main|div|p|br|span|a|h[1-6]|ul|ol|li|section|"
    r"header|footer|nav|figure|figcaption|img|script|style|table|strong|em|b|i)\b[^>]*>",
    re.I,
)
# Invisible characters pasted from web pages.
INVISIBLE_CHARACTERS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Characters that are spacing of some width.
SPACE_PATTERN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# A dateline opening the first paragraph: a place in capitals ("JKL", "SAN JOSÉ,
# COSTA RICA", "QRS, Uruguay"), an optional date ("Jan. 5") and agency ("(AP)",
# "(Marsh)"), then a dash; or the agency alone ("(Marsh) -"). Only the dash and the space
# after it go with it: the story starts at the next word, a capital ("XYZ — the agency" is
# a sentence, not a dateline).
_DATELINE_PLACE = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]*){0,3}"
_DATELINE_REGION = r"[A-ZÀ-ÖØ-Þ][\wÀ-ÿ.'’-]*(?: [A-ZÀ-ÖØ-Þ][\wÀ-ÿ.'’-]*){0,3}"
_DATELINE_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)"
_DATELINE_AGENCY = r"\((?:dpa|[A-Z][\w ]{1,30})\)"
# … or a place in title case ("Westland – Today, …"), one to three words.
_DATELINE_TITLED_PLACE = r"[A-ZÀ-ÖØ-Þ][a-zß-ÿ.'’-]+(?: [A-ZÀ-ÖØ-Þ][a-zß-ÿ.'’-]+){0,2}"
DATELINE_PATTERN = re.compile(
    rf"^(?:(?:{_DATELINE_PLACE}|{_DATELINE_TITLED_PLACE})(?:, {_DATELINE_REGION})?"
    rf"(?:,? {_DATELINE_DATE})?"
    rf"(?: {_DATELINE_AGENCY})?|{_DATELINE_AGENCY})"
    r"\s*(?:—|–|--|-)\s+(?=[A-ZÀ-ÖØ-Þ0-9“\"‘'])"
)
