"""Share cards: the picture a shared page shows when it has none of its own,
drawn by the server in the page's language (drawing.py), named by a digest of
what it shows (cards.py) and served with long cache headers (views.py)."""
