"""The admin's sign-in form, with its password field labelled.

Wagtail's LoginForm redefines the password field without a label, so Django
names it after the field, "Password", in English on a Spanish sign-in page.
"""

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm


class LabelledLoginForm(LoginForm):
    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(
            attrs={"placeholder": gettext_lazy("Enter password")}
        ),
        strip=False,
    )
