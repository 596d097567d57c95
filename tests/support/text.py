import html as html_entities
import re


def visible_text(html):
    """What a reader sees: tags and scripts dropped, white space folded."""
    if isinstance(html, bytes):
        html = html.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", html_entities.unescape(text)).replace(" :", ":")
