"""Class forms: naming a class, joining one by code, and assigning an article."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, StringField, TimeField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget, TextInput

from quizapp.models import CLASS_NAME_MAX


class ActionForm(FlaskForm):
    """A button that changes something (delete, remove, new code): only the CSRF token."""


class ClassForm(FlaskForm):
    """A class's name."""

    name = StringField(
        "Class name",
        validators=[
            DataRequired("Give the class a name."),
            Length(max=CLASS_NAME_MAX, message=f"Keep the name under {CLASS_NAME_MAX} characters."),
        ],
    )


class JoinForm(FlaskForm):
    """The code a student got from their teacher."""

    code = StringField(
        "Class code",
        validators=[
            DataRequired("Type the code your teacher gave you."),
            Length(max=40, message="That is too long to be a class code."),
        ],
    )


class MultiCheckboxField(SelectMultipleField):
    """Several choices as a list of checkboxes (each with its own label)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AssignForm(FlaskForm):
    """Which article, for which classes, due when (in the school's time zone)."""

    # The service checks that the article and the classes are the teacher's, with clearer
    # messages than WTForms' "Not a valid choice".
    article = SelectField(
        "Article",
        coerce=int,
        validate_choice=False,
        validators=[DataRequired("Choose an article.")],
    )
    classes = MultiCheckboxField("Classes", coerce=int, validate_choice=False)
    # Plain text boxes, not the browser's date pickers: those split into segments that each take
    # a Tab and show no focus ring of their own, so keyboard users lose their place.
    due_date = DateField(
        "Due date (optional, as 2026-12-31)",
        validators=[Optional()],
        widget=TextInput(),
        render_kw={"placeholder": "YYYY-MM-DD", "autocomplete": "off", "inputmode": "numeric"},
    )
    due_time = TimeField(
        "Due time (optional, as 17:30; the end of the day when empty)",
        validators=[Optional()],
        widget=TextInput(),
        render_kw={"placeholder": "HH:MM", "autocomplete": "off", "inputmode": "numeric"},
    )
