"""Quiz forms: one question's answer with its navigation buttons, bare CSRF action forms, and
the JSON body of an autosave."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, SubmitField
from wtforms.validators import Length, Optional, ValidationError

from quizapp.quiz.grading import CHOICE_FORMATS
from quizapp.quiz.services import MAX_TEXT_ANSWER, choice_order_key, chosen_index

if TYPE_CHECKING:
    from wtforms import Field

    from quizapp.quiz.services import ShownQuestion


class ActionForm(FlaskForm):
    """A button that changes something (start, submit): only the CSRF token."""


class AnswerForm(FlaskForm):
    """What every question page posts: which question, and where to go next."""

    question_id = HiddenField()
    # Fingerprint of the choices shown, so an edit made while the page was open is noticed.
    order_key = HiddenField()
    go_previous = SubmitField("Previous")
    go_next = SubmitField("Next")
    go_finish = SubmitField("Submit quiz")

    expected_question_id: int = 0
    expected_order_key: str = ""

    def shows_stale_choices(self) -> bool:
        """Whether the posted page showed choices that the teacher has changed since."""
        posted = self.order_key.data
        return self.is_submitted() and bool(posted) and posted != self.expected_order_key

    def validate_question_id(self, field: Field) -> None:
        """Refuse an answer meant for another question (a stale tab or a forged form)."""
        if field.data != str(self.expected_question_id):
            raise ValidationError("That answer was for a different question. Please try again.")


class ChoiceAnswerForm(AnswerForm):
    """A multiple-choice or true/false question: radio values are indices, nothing more."""

    choice = RadioField(validators=[Optional()], validate_choice=False)

    def validate_choice(self, field: Field) -> None:
        """Accept only an index of a choice shown on this page."""
        if field.data not in {value for value, _label in field.choices}:
            raise ValidationError("Please choose one of the choices shown.")

    def value(self) -> int | None:
        """Return the chosen index, or None when nothing is chosen."""
        return int(self.choice.data) if self.choice.data else None


class TextAnswerForm(AnswerForm):
    """A short-answer question: one text box."""

    reply = StringField(
        validators=[
            Optional(),
            Length(
                max=MAX_TEXT_ANSWER,
                message=f"Please keep your reply under {MAX_TEXT_ANSWER} characters.",
            ),
        ]
    )

    def value(self) -> str | None:
        """Return the typed text, or None when the box is empty."""
        text = (self.reply.data or "").strip()
        return text or None


def answer_form(response: ShownQuestion) -> ChoiceAnswerForm | TextAnswerForm:
    """Build the form for one question of an attempt, showing the answer saved so far."""
    form: ChoiceAnswerForm | TextAnswerForm
    if response.format in CHOICE_FORMATS:
        choice_form = ChoiceAnswerForm()
        choice_form.choice.label.text = response.prompt
        choice_form.choice.choices = [
            (str(index), text) for index, text in enumerate(response.choice_order)
        ]
        if not choice_form.is_submitted():
            index = chosen_index(response)
            choice_form.choice.data = None if index is None else str(index)
        form = choice_form
    else:
        text_form = TextAnswerForm()
        text_form.reply.label.text = response.prompt
        if not text_form.is_submitted():
            text_form.reply.data = response.answer or ""
        form = text_form
    form.expected_question_id = response.question_id
    form.expected_order_key = choice_order_key(response.choice_order)
    if not form.is_submitted():
        form.question_id.data = str(response.question_id)
        form.order_key.data = form.expected_order_key
    return form


class AutosaveDataError(ValueError):
    """An autosave body that is not `{"question_id": int, "order_key": str, "value": …}`."""


@dataclass(frozen=True, slots=True)
class AutosaveData:
    """What static/js/autosave.js posts: the same fields as the page's form, as JSON."""

    question_id: int
    order_key: str | None
    value: int | str | None


def autosave_data(payload: object) -> AutosaveData:
    """Check the shape of an autosave body; the answer itself is checked by the service."""
    if not isinstance(payload, dict):
        raise AutosaveDataError(
            'Send a JSON object: {"question_id": …, "order_key": …, "value": …}.'
        )
    question_id = payload.get("question_id")
    if isinstance(question_id, bool) or not isinstance(question_id, int):
        raise AutosaveDataError("question_id must be the question's number.")
    order_key = payload.get("order_key")
    if order_key is not None and not isinstance(order_key, str):
        raise AutosaveDataError("order_key must be the text the page was given.")
    value = payload.get("value")
    if isinstance(value, bool) or not (value is None or isinstance(value, int | str)):
        raise AutosaveDataError("value must be a choice's number, the typed text, or null.")
    return AutosaveData(question_id=question_id, order_key=order_key or None, value=value)
