"""The forms of signing in: the password (labelled), a code, and the password
with the current factor again before a change to the second factor."""

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm

from .devices import check_code, code_refused_message


class LabelledLoginForm(LoginForm):
    """Wagtail's LoginForm redefines the password field without a label, so
    Django names it after the field, "Password", in English on a Spanish
    sign-in page."""

    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(
            attrs={"placeholder": gettext_lazy("Enter password")}
        ),
        strip=False,
    )


def code_field(label):
    return forms.CharField(
        label=label,
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


def without_spaces(code):
    return "".join(code.split())


class CodeForm(forms.Form):
    NEW_APP_REFUSED = gettext_lazy(
        "That code did not work. Scan the QR code again and type the newest code."
    )

    code = code_field(gettext_lazy("Code"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs["autofocus"] = True

    def clean_code(self):
        return without_spaces(self.cleaned_data["code"])


class ConfirmIdentityForm(forms.Form):
    """Before the second factor changes: the password and the current factor
    (a code from the app, or a recovery code), so that a session left open or
    taken over cannot change it."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = code_field(
        gettext_lazy("A code from your authenticator app, or a recovery code")
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.device = None
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                gettext_lazy("That is not your password."), code="wrong_password"
            )
        return password

    def clean_code(self):
        code = without_spaces(self.cleaned_data["code"])
        if "password" not in self.cleaned_data:  # checked first; no code spent
            return code
        self.device = check_code(self.user, code)
        if self.device is None:
            raise forms.ValidationError(code_refused_message(self.user))
        return code
