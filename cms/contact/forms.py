"""What a reader's question must be: every field checked, every message in Vietnamese.

    {"name": "Nguyễn Văn A", "email": "a@example.vn", "phone": "", "subject": "Hỏi về …",
     "message": "…", "consent": true, "website": ""}

``website`` is the honeypot: a field the frontend hides from people; a robot filling every
input fills it too (cms/contact/api.py drops such a message without a word).
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIELDS = ("name", "email", "phone", "subject", "message", "consent", "website")
HONEYPOT = "website"
# Digits with the usual separators: "0236 3822 123", "+84 236.3822.123", "(0236) 3822-123".
PHONE = re.compile(r"^\+?[0-9 .()\-]{8,20}$")
# Line breaks and other control characters: never in a name, subject or phone (they would
# end an e-mail header); the message may hold line breaks and tabs.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
LINE_BREAK = re.compile("[\r\n\t\x85\u2028\u2029]")


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value or "").strip()


def _single_line(value: str) -> str:
    if CONTROL.search(value) or LINE_BREAK.search(value):
        raise ValidationError(_("Please write this on one line."), code="line")
    return value


class ReaderQuestionForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Your name is too long (at most 100 characters)."),
        },
    )
    email = forms.EmailField(
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("This e-mail address is not valid."),
            "max_length": _("This e-mail address is too long."),
        },
    )
    phone = forms.CharField(
        required=False,
        max_length=20,
        error_messages={"max_length": _("This phone number is too long.")},
    )
    subject = forms.CharField(
        max_length=200,
        error_messages={
            "required": _("Please enter a subject."),
            "max_length": _("The subject is too long (at most 200 characters)."),
        },
    )
    message = forms.CharField(
        min_length=10,
        max_length=5000,
        error_messages={
            "required": _("Please write your question or feedback."),
            "min_length": _("Your message is too short (at least 10 characters)."),
            "max_length": _("Your message is too long (at most 5000 characters)."),
        },
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please agree to how we keep and use your message.")}
    )
    website = forms.CharField(required=False)

    def clean_name(self) -> str:
        return _single_line(_nfc(self.cleaned_data["name"]))

    def clean_subject(self) -> str:
        return _single_line(_nfc(self.cleaned_data["subject"]))

    def clean_phone(self) -> str:
        phone = _nfc(self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise ValidationError(
                _("This phone number is not valid (digits, spaces, + . - ( ) only)."),
                code="invalid",
            )
        if phone and sum(c.isdigit() for c in phone) < 8:
            raise ValidationError(_("This phone number is too short."), code="short")
        return phone

    def clean_message(self) -> str:
        message = _nfc(self.cleaned_data["message"])
        if CONTROL.search(message):
            raise ValidationError(_("The message holds characters that cannot be sent."))
        return message

    def clean(self) -> dict:
        data = super().clean()
        missing = not data.get("email") and not data.get("phone")
        if missing and not self.has_error("email") and not self.has_error("phone"):
            self.add_error(
                "email",
                ValidationError(
                    _("Please give an e-mail address or a phone number so we can answer."),
                    code="contact",
                ),
            )
        return data


def form_from_json(data: object) -> ReaderQuestionForm | dict[str, list[str]]:
    """The bound form, or {field: [message]} when the JSON is not an object of known fields
    with string (consent: boolean) values."""
    if not isinstance(data, dict):
        return {"__all__": [str(_("The request must be a JSON object."))]}
    errors: dict[str, list[str]] = {}
    for key, value in data.items():
        if key not in FIELDS:
            errors[str(key)] = [str(_("Unknown field."))]
        elif key == "consent":
            if not isinstance(value, bool):
                errors[key] = [str(_("Must be true or false."))]
        elif not isinstance(value, str):
            errors[key] = [str(_("Must be text."))]
    if errors:
        return errors
    bound = {k: v for k, v in data.items() if k != "consent"}
    if data.get("consent") is True:
        bound["consent"] = "on"
    return ReaderQuestionForm(bound)
