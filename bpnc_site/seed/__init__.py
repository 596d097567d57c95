"""The site's starting content: the data files in ``content/``, the loader that
builds pages and snippets from them, and the Spanish content PO applied through
wagtail-localize (``translation``). Installed as an app for its commands."""
