"""Teacher forms: a new article (pasted or uploaded), a question of any format, GIFT imports."""

from __future__ import annotations

from typing import Any

import trafilatura
from flask import current_app
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from quizapp.models import TITLE_MAX, Question
from quizapp.quiz.numbers import format_number
from quizapp.teacher import services

UPLOAD_EXTENSIONS = ("txt", "html", "htm")
# Well under the app's MAX_CONTENT_LENGTH; a bigger body never reaches a form (the 413 page).
MAX_GIFT_BYTES = 1024 * 1024
FORMAT_CHOICES = [
    SelectChoice("multiple_choice", "Multiple choice"),
    SelectChoice("short_answer", "Short answer"),
    SelectChoice("true_false", "True / false"),
    SelectChoice("numeric", "Numeric (a number, with a tolerance)"),
]


class ArticleForm(FlaskForm):
    """Title plus the article's text, pasted or uploaded as a .txt or .html file."""

    title = StringField(
        "Title",
        validators=[
            DataRequired("Enter the article's title."),
            Length(max=TITLE_MAX, message=f"Keep the title under {TITLE_MAX} characters."),
        ],
    )
    text = TextAreaField("Article text (paste it here)", validators=[Optional()])
    upload = FileField(
        "…or upload a .txt or .html file",
        validators=[FileAllowed(UPLOAD_EXTENSIONS, "Upload a .txt or .html file.")],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article_text = ""

    def validate(self, extra_validators: Any = None) -> bool:
        """Check the fields and the one source of text (into `article_text`), all errors at once."""
        fields_ok = super().validate(extra_validators)
        if not fields_ok and (self.csrf_token.errors or self.upload.errors):
            return False
        pasted = (self.text.data or "").strip()
        upload = self.upload.data
        if pasted and upload:
            self.upload.errors.append("Paste the text or upload a file, not both.")
            return False
        if upload:
            text = self._read_upload()
            if text is None:
                return False
            field = self.upload
        else:
            text, field = pasted, self.text
        if not text.strip():
            field.errors.append("Paste the article's text or upload a file.")
            return False
        limit = current_app.config["MAX_ARTICLE_CHARS"]
        if len(text) > limit:
            field.errors.append(
                f"The article is too long ({len(text):,} characters; the limit is {limit:,})."
            )
            return False
        self.article_text = text
        return fields_ok

    def _read_upload(self) -> str | None:
        """The uploaded file's article text, or None with an error on the field."""
        data = self.upload.data.read()
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.upload.errors.append("The file is not UTF-8 text; save it as UTF-8 and retry.")
            return None
        if "\x00" in raw:
            self.upload.errors.append("That file is not a text file.")
            return None
        filename = (self.upload.data.filename or "").lower()
        if not filename.endswith((".html", ".htm")):
            return raw
        extracted = trafilatura.extract(raw, include_comments=False, include_tables=False)
        if not extracted:
            self.upload.errors.append("No article text could be found in that page.")
            return None
        return extracted


class QuestionForm(FlaskForm):
    """A question of any format; only the fields of the chosen format are used."""

    format = RadioField(
        "Kind of question",
        choices=FORMAT_CHOICES,
        default="multiple_choice",
        validators=[DataRequired("Choose the kind of question.")],
    )
    prompt = TextAreaField("Question (for true/false: the statement)")
    choice_1 = StringField("Choice 1")
    choice_2 = StringField("Choice 2")
    choice_3 = StringField("Choice 3")
    choice_4 = StringField("Choice 4")
    choice_5 = StringField("Choice 5")
    choice_6 = StringField("Choice 6")
    right = RadioField(
        "Which choice is right?",
        choices=[SelectChoice(str(number), f"Choice {number}") for number in range(1, 7)],
        validators=[Optional()],
    )
    accepted = TextAreaField("Accepted answers, one per line (the first is shown as the answer)")
    truth = RadioField(
        "The statement is",
        choices=[SelectChoice("True"), SelectChoice("False")],
        validators=[Optional()],
    )
    number = StringField("Right value (for example 1200, 1,200 or 3.5)")
    tolerance = StringField("Tolerance: replies this far either side are right (empty or 0: exact)")
    evidence = TextAreaField("Evidence: the sentence of the article with the answer (optional)")
    publish = BooleanField("Publish now (students see it straight away)", default=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.checked: services.QuestionInput | None = None

    @property
    def choice_fields(self) -> list[StringField]:
        """The six choice text fields in order."""
        return [getattr(self, f"choice_{number}") for number in range(1, 7)]

    def validate(self, extra_validators: Any = None) -> bool:
        """Check the fields, then the question's rules (kept in the service) into `checked`."""
        if not super().validate(extra_validators):
            return False
        try:
            self.checked = services.check_question(
                self.format.data or "",
                self.prompt.data or "",
                choices=[field.data or "" for field in self.choice_fields],
                right=int(self.right.data) - 1 if self.right.data else None,
                accepted=(self.accepted.data or "").splitlines(),
                truth=self.truth.data,
                evidence=self.evidence.data or "",
                number=self.number.data,
                tolerance=self.tolerance.data,
            )
        except services.InvalidQuestionError as error:
            self.show_errors(error)
            return False
        return True

    def show_errors(self, error: services.InvalidQuestionError) -> None:
        """Put each of a service's messages on the field it blames."""
        for name, message in error.errors.items():
            field = getattr(self, "choice_1" if name == "choices" else name, None)
            (field if field is not None else self.prompt).errors.append(message)

    def fill_from(self, question: Question) -> None:
        """Pre-fill the form with a stored question (for editing)."""
        self.format.data = question.format
        self.prompt.data = question.prompt
        self.evidence.data = question.evidence
        if question.format == "true_false":
            self.truth.data = question.answer
            return
        if question.format == "numeric":
            self.number.data = question.answer
            self.tolerance.data = format_number(question.tolerance or 0.0)
            return
        # The answer also fills the short-answer box, ready if the teacher switches format.
        self.accepted.data = "\n".join([question.answer, *question.accepted])
        if question.format == "multiple_choice":
            choices = _choices_with_answer(question.choices, question.answer)
            for field, choice in zip(self.choice_fields, choices, strict=False):
                field.data = choice
            self.right.data = str(choices.index(question.answer) + 1)


def _choices_with_answer(choices: list[str], answer: str) -> list[str]:
    """At most six choices that always include the right answer."""
    others = [choice for choice in choices if choice != answer]
    kept = [answer, *others][: services.MAX_CHOICES]
    return sorted(kept, key=lambda choice: choices.index(choice) if choice in choices else -1)


class GiftImportForm(FlaskForm):
    """One GIFT file; its text ends up in `gift_text` once validated."""

    upload = FileField(
        "GIFT file (.txt or .gift, UTF-8)",
        validators=[
            FileRequired("Choose a GIFT file to import."),
            FileAllowed(("txt", "gift"), "Upload a .txt or .gift file."),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gift_text = ""

    def validate(self, extra_validators: Any = None) -> bool:
        """Check the field, then that the file is small enough, UTF-8 and text."""
        if not super().validate(extra_validators):
            return False
        data = self.upload.data.read(MAX_GIFT_BYTES + 1)
        if len(data) > MAX_GIFT_BYTES:
            self.upload.errors.append(
                f"The file is larger than {MAX_GIFT_BYTES // 1024 // 1024} MB; "
                "split it into smaller files."
            )
            return False
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.upload.errors.append(
                f"The file is not UTF-8 text (a byte at position {error.start} cannot be read). "
                "Save it as UTF-8 and import it again; nothing was imported."
            )
            return False
        if "\x00" in text:
            self.upload.errors.append("That file is not a text file; nothing was imported.")
            return False
        self.gift_text = text
        return True


class ReplacementForm(FlaskForm):
    """The suggestion a teacher picked to replace a question."""

    key = HiddenField(validators=[DataRequired("Pick one of the suggestions.")])
