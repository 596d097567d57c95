from django.apps import AppConfig


class SignInConfig(AppConfig):
    """Staff sign-in: the second factor, its management on the account page, and
    one throttle for every form that takes a password."""

    name = "home.sign_in"
    label = "sign_in"
    verbose_name = "Staff sign-in"

    def ready(self):
        from . import throttle

        throttle.connect_receivers()
