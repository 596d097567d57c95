import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def language_left_as_found():
    """A request to an /es/ address leaves Spanish active in the thread; tests
    that run next expect the language they would have found."""
    language = translation.get_language()
    yield
    translation.activate(language)
