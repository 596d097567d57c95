"""The drill's stale-page check reads the stylesheets pages link."""

import json

from loadtest.release import gone, stylesheets


def test_stylesheets_are_read_from_link_tags_whatever_the_attribute_order():
    html = (
        '<link rel="icon" href="/static/img/favicon.svg">'
        '<link rel="stylesheet" href="/static/css/site.abc.css">'
        '<LINK href="/static/css/print.def.css" rel="stylesheet" media="print">'
    )
    assert stylesheets(html) == [
        "/static/css/site.abc.css",
        "/static/css/print.def.css",
    ]


def test_gone_names_what_the_release_no_longer_has(tmp_path):
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {"css/site.css": "css/site.new.css"}})
    )
    before = {"/static/css/site.old.css", "/static/css/site.new.css"}
    assert gone(before, tmp_path) == {"/static/css/site.old.css"}
