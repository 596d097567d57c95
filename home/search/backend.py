"""PostgreSQL full-text search that stems each page in its own language.

The stock backend indexes every object with one text-search configuration. Here an
object is indexed with the configuration of its locale (Spanish pages with
"spanish", English ones with "english"), and each language's searches run through
a backend alias whose SEARCH_CONFIG matches, so "campañas" finds "campaña" and
"immigrants" finds "immigrant". (Overrides registry: postgres-index-per-language.)
"""

import copy

from wagtail.search.backends.database.postgres import postgres

LANGUAGE_CONFIGS = {"en": "english", "es": "spanish"}


class LocaleAwareIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        """Index each language's objects with that language's configuration."""
        by_config = {}
        for obj in objs:
            locale = getattr(obj, "locale", None)
            code = locale.language_code if locale is not None else None
            by_config.setdefault(
                LANGUAGE_CONFIGS.get(code, self.backend.config), []
            ).append(obj)
        for config, group in by_config.items():
            postgres.PostgresIndex.add_items(self._with_config(config), model, group)

    def _with_config(self, config):
        backend = copy.copy(self.backend)
        backend.config = config
        index = copy.copy(self)
        index.backend = backend
        return index


class LocaleAwarePostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = LocaleAwareIndex


SearchBackend = LocaleAwarePostgresSearchBackend
