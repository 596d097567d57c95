"""The sign-up form on campaign pages, and what it accepts."""

import unicodedata

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext_lazy as _

from .consent import FIRST_EMAIL_WORDING, FIRST_TEXT_WORDING, ConsentText
from .models import Signup

# [0-9], not \d, which would also take other scripts' digits.
zip_code_validator = RegexValidator(
    r"^[0-9]{5}(-[0-9]{4})?$", _("Enter a 5-digit ZIP code, like 60632.")
)
phone_validator = RegexValidator(
    r"^[0-9+()\-.\s]{7,30}$",
    _("Enter a phone number using digits, spaces, +, ( ) or -."),
)


# Bidirectional-text controls: embeddings, overrides, isolates and marks.
DIRECTION_MARKS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


# The database cannot be reached (the form is then given back as it was typed).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class SignupForm(forms.ModelForm):
    # Left empty by people; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent_version = forms.CharField(
        required=False, max_length=19, widget=forms.HiddenInput
    )

    class Meta:
        model = Signup
        fields = [
            "name",
            "email",
            "phone",
            "zip_code",
            "language",
            "consent",
            "text_consent",
        ]
        labels = {
            "name": _("Your name"),
            "email": _("Your email"),
            "phone": _("Phone (optional)"),
            "zip_code": _("ZIP code (optional)"),
            "language": _("Language we should write to you in"),
            "consent": FIRST_EMAIL_WORDING,
            "text_consent": FIRST_TEXT_WORDING,
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "zip_code": forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric"}
            ),
            "language": forms.RadioSelect,
        }
        error_messages = {
            "name": {"required": _("Please tell us your name.")},
            "email": {
                "required": _("Please give us your email so we can reach you."),
                "invalid": _("Please enter a valid email, like name@example.com."),
            },
        }

    # Set by the view when a valid sign-up could not be stored.
    not_saved = False

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.form_language = language or settings.LANGUAGE_CODE
        if language and not self.is_bound:
            self.initial.setdefault("language", language)
        # The wording this form shows, recorded with the sign-up: the page may
        # have been served from the cache before the wording changed.
        try:
            wording = ConsentText.current(self.form_language)
        except DATABASE_UNAVAILABLE:
            wording = None  # the form alone, given back with what was typed
        if wording is not None:
            self.initial["consent_version"] = wording.pk
            self.fields["consent"].label = wording.email_wording
            self.fields["text_consent"].label = wording.text_wording
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _(
            "Please agree to be contacted so we can keep you informed."
        )
        self.fields["phone"].validators.append(phone_validator)
        self.fields["zip_code"].validators.append(zip_code_validator)

    def clean_name(self):
        """Accents and every script are welcome; markup and control characters
        are refused, and invisible direction marks (which can make a name show
        reversed in staff's lists) are dropped."""
        name = unicodedata.normalize("NFC", self.cleaned_data["name"])
        if any(char in "<>" for char in name) or any(
            unicodedata.category(char) == "Cc" and not char.isspace() for char in name
        ):
            raise forms.ValidationError(_("Please use only letters and spaces."))
        name = "".join(char for char in name if char not in DIRECTION_MARKS)
        name = " ".join(name.split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."))
        return name

    def consent_wording(self):
        """The wording the form showed, to record with the sign-up; the current
        one if the form came without it (or with another language's)."""
        version = self.cleaned_data.get("consent_version") or ""
        shown = ConsentText.objects.filter(
            language=self.form_language, pk=int(version) if version.isdigit() else 0
        ).first()
        return shown or ConsentText.current(self.form_language)

    def clean_phone(self):
        return " ".join(self.cleaned_data["phone"].split())

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
