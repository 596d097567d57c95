"""The drill reads what a visitor sees: the page's heading and visible text, not
its metadata or scripts."""

from loadtest.freshness import expectations, shows

PAGE = """<html><head><title>Treatment Not Trauma [drill 3]</title>
<meta name="description" content="[drill notice 3]"></head>
<body><script>var x = "[drill notice 3]";</script>
<div role="status"><p>Drill [drill notice 2]</p></div>
<h1>Treatment Not <em>Trauma</em> [drill 3]</h1><p>More</p></body></html>"""


def test_the_heading_is_read_through_its_inline_tags():
    assert shows(PAGE, "h1", "Treatment Not Trauma [drill 3]")
    assert not shows(PAGE, "h1", "[drill 4]")


def test_text_in_the_head_or_a_script_is_not_visible():
    assert shows(PAGE, "text", "[drill notice 2]")
    assert not shows(PAGE, "text", "[drill notice 3]")


def test_each_publish_is_looked_for_in_both_languages_on_every_page():
    campaign = {"en": "/en/campaigns/t/", "es": "/es/campanas/t/"}
    index = {"en": "/en/campaigns/", "es": "/es/campanas/"}
    checks = expectations(7, ["/en/", "/es/"], campaign, index)
    assert ("/es/campanas/t/", "h1", "[simulacro 7]") in checks
    assert ("/en/campaigns/", "text", "[drill 7]") in checks
    assert ("/es/", "text", "[aviso 7]") in checks
    assert ("/en/", "text", "[drill notice 7]") in checks
