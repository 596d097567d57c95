"""The drill's neighbours read the sign-up form as a browser does."""

from loadtest.traffic import SignupForm


def test_the_sign_up_form_gives_its_action_and_hidden_fields():
    html = """
        <form method="get" action="/en/search/"><input type="hidden" name="q"></form>
        <form method="post" action="/en/signup/11/#signup" novalidate>
            <input type="hidden" name="key" value="abc123">
            <input type="text" name="website" value="">
            <input type="email" name="email">
        </form>
        <input type="hidden" name="outside" value="no">
    """
    form = SignupForm(html)
    assert form.action == "/en/signup/11/"
    assert form.hidden == {"key": "abc123"}


def test_a_page_without_a_sign_up_form_gives_no_action():
    assert SignupForm("<p>Sorry, something went wrong.</p>").action is None


def test_an_absolute_action_is_posted_to_its_path_through_the_proxy():
    html = '<form method="post" action="http://127.0.0.1/es/inscripcion/27/#signup">'
    assert SignupForm(html).action == "/es/inscripcion/27/"
