"""One throttle for every form that takes a password (or a code that stands in
for one), counted per address and per username in the cache every app server
shares (``RATELIMIT_USE_CACHE``).

django-axes pauses one account from one address after a few wrong passwords;
this adds what it does not see: one address trying passwords across many
accounts (a spray) or across forms (the admin's sign-in and Wagtail's own
sign-in for private pages share one allowance), one account guessed from many
addresses, and guesses at second-factor codes and page passwords.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language_from_path
from django_ratelimit.core import is_ratelimited

from home.throttling import over_limit, retry_after


@dataclass(frozen=True)
class PasswordForm:
    """A form that takes a password: which posts to it count."""

    url_name: str
    # Counted only when the post carries this field (the account page takes a
    # password only when it is being changed).
    when_posted: str = ""
    # Each post counts against the signed-in account too (codes, re-entered
    # passwords): a stolen session cannot guess on.
    per_account: bool = False

    def counts(self, request):
        return not self.when_posted or bool(request.POST.get(self.when_posted))


PASSWORD_FORMS = {
    form.url_name: form
    for form in (
        PasswordForm("wagtailadmin_login"),
        # Wagtail's sign-in for login-only pages, in each language.
        PasswordForm("wagtailcore_login"),
        # Pages and document collections shown for a shared password.
        PasswordForm("wagtailcore_authenticate_with_password"),
        PasswordForm("wagtaildocs_authenticate_with_password"),
        PasswordForm("wagtailadmin_password_reset"),
        PasswordForm(
            "wagtailadmin_account",
            when_posted="password-old_password",
            per_account=True,
        ),
        PasswordForm("two_factor_verify", per_account=True),
        PasswordForm("two_factor_setup", per_account=True),
        PasswordForm("two_step_confirm", per_account=True),
        PasswordForm("two_step_new_app", per_account=True),
    )
}
ADDRESS_GROUP = "sign-in:address"
ACCOUNT_GROUP = "sign-in:account"
USERNAME_GROUP = "sign-in:username"


def password_form(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    form = PASSWORD_FORMS.get(match.url_name)
    return form if form is not None and form.counts(request) else None


class SignInThrottleMiddleware:
    """Refuses a post to any password form once its address, its signed-in
    account or the username it names has had too many; after
    AuthenticationMiddleware, so the account is known."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            form = password_form(request)
            if form is not None:
                refused = refusal(request, form)
                if refused is not None:
                    return refused
        return self.get_response(request)


def refusal(request, form):
    """The 429 for a post that is one too many, or None to let it through."""
    if form.url_name == "wagtailadmin_password_reset":
        rate = settings.PASSWORD_RESET_RATE_LIMIT
        if over_limit(request, "sign-in:password-reset", rate):
            return too_many_attempts(request, rate)
        return None
    rate = settings.SIGN_IN_RATE_LIMIT
    if over_limit(request, ADDRESS_GROUP, rate):
        return too_many_attempts(request, rate)
    if form.per_account and request.user.is_authenticated:
        account_rate = settings.SIGN_IN_ACCOUNT_RATE_LIMIT
        if _count(request, ACCOUNT_GROUP, str(request.user.pk), account_rate, True):
            return too_many_attempts(request, account_rate)
    username = _username(request)
    if username:
        username_rate = settings.SIGN_IN_USERNAME_RATE_LIMIT
        if _count(request, USERNAME_GROUP, username, username_rate, False):
            return too_many_attempts(request, username_rate)
    return None


def _username(request):
    return request.POST.get("username", "").strip().lower()


def _count(request, group, value, rate, increment):
    return is_ratelimited(
        request,
        group=group,
        key=lambda _group, _request: value,
        rate=rate,
        method=is_ratelimited.ALL,
        increment=increment,
    )


def count_failed_password(sender, credentials, request=None, **kwargs):
    """A wrong password counts against the username it named, from any
    address: guessing one account from many addresses is paused too."""
    username = str(credentials.get("username", "")).strip().lower()
    if request is not None and username:
        _count(
            request,
            USERNAME_GROUP,
            username,
            settings.SIGN_IN_USERNAME_RATE_LIMIT,
            True,
        )


def connect_receivers():
    user_login_failed.connect(count_failed_password, dispatch_uid="sign-in-username")


def sign_in_address(request):
    """Where "back to sign in" goes: the form the visitor came from."""
    if request.path_info.startswith("/admin/"):
        return reverse("wagtailadmin_login")
    return request.get_full_path()


def too_many_attempts(request, rate):
    seconds = retry_after(rate)
    response = TemplateResponse(
        request,
        "sign_in/throttled.html",
        {
            "minutes": max(1, -(-seconds // 60)),
            "back": sign_in_address(request),
            "in_admin": get_language_from_path(request.path_info) is None,
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response.render()


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out account, in the reader's language."""
    cool_off = settings.AXES_COOLOFF_TIME
    response = TemplateResponse(
        request,
        "sign_in/locked_out.html",
        {
            "cooloff_minutes": int(cool_off.total_seconds() // 60),
            "back": sign_in_address(request),
        },
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response.render()
