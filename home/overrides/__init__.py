"""Every place the site reaches into a third-party package's internals, in one list.

Each entry says what is overridden, where (our module or file), why, the upstream
issue or pull request where there is one, and how to remove it. ``CHECKED_WITH``
names the versions every entry was last checked against;
tests/home/overrides/test_registry.py fails when an installed version differs,
naming the entries to check again. After checking them (and their tests in
tests/home/overrides/), set the new version here.

Only what leans on a package's private names, its URL layout, its template
blocks or markup, or its module constants belongs here; subclassing a class
through its documented hooks does not.
"""

from dataclasses import dataclass

# The versions every entry below was checked against (distribution names).
CHECKED_WITH = {
    "wagtail": "8.0.1",
    "wagtail-localize": "1.14.5",
    "django-redis": "7.0.0",
    "wagtail-modeladmin": "2.5.0",
}


@dataclass(frozen=True)
class Override:
    name: str
    packages: tuple  # the distributions (keys of CHECKED_WITH) it leans on
    what: str
    where: str
    why: str
    remove: str
    upstream: str = ""


OVERRIDES = [
    Override(
        name="localize-date-format",
        packages=("wagtail-localize",),
        what="Assigns DATE_FORMAT in wagtail_localize.models and "
        "wagtail_localize.views.edit_translation (module constants) and replaces "
        "StringTranslation.get_comment.",
        where="home/overrides/localize_dates.py, called from EditorialConfig.ready",
        why="The translation editor formats dates with strftime and '%-d %B %Y': "
        "English month names in the Spanish admin; an uploaded file's strings say "
        "'Translated with PO File'.",
        remove="When wagtail-localize formats these dates with Django's localised "
        "date formatting (or offers a setting), delete localize_dates.py and its "
        "call.",
    ),
    Override(
        name="localize-reviewed-urls",
        packages=("wagtail-localize",),
        what="Registers five of wagtail-localize's admin paths again (submit page "
        "and snippet for translation, update translations, stop translation, "
        "convert to alias) so that they match before wagtail-localize's own.",
        where="home/editorial/wagtail_hooks.py (reviewed_localize_actions); "
        "relies on home.editorial coming before wagtail_localize in "
        "INSTALLED_APPS",
        why="wagtail-localize checks only that a user may edit; publishing on "
        "sync, converting to an alias and stopping synchronisation change live "
        "content without review.",
        upstream="wagtail/wagtail-localize#655, #634 (drafts and review of "
        "translations)",
        remove="When wagtail-localize checks publish permission for these actions "
        "(or offers a hook), drop the five paths and localize_actions.py.",
    ),
    Override(
        name="localize-view-methods",
        packages=("wagtail-localize",),
        what="Subclasses SubmitPageTranslationView and SubmitSnippetTranslationView "
        "(get_form, get_success_message, get_default_success_url) and "
        "UpdateTranslationsView "
        "(get_form, form_valid: the 'publish_translations' field); wraps the "
        "convert_to_alias and stop_translation view functions.",
        where="home/editorial/localize_actions.py",
        why="Started translations are drafts and the message says so; the only "
        "language left to translate into is ticked; only those who may publish "
        "see 'publish immediately'.",
        upstream="wagtail/wagtail-localize#655",
        remove="Together with localize-reviewed-urls.",
    ),
    Override(
        name="localize-editor-template",
        packages=("wagtail-localize", "wagtail"),
        what="Extends wagtail_localize/admin/edit_translation.html: blocks "
        "content, bodyclass and extra_css; renders the upstream content with "
        "is_partial=True so that Wagtail's workflow status include leaves its "
        "dialog out, and renders the dialog itself with the snippet's review "
        "addresses; adds the panel 'Help to translate' (what changed, "
        "suggestions, glossary) after the editor.",
        where="home/editorial/templates/wagtail_localize/admin/edit_translation.html",
        why="The editor has no 'submit for review' or 'save draft' (translators "
        "cannot publish), its snippet status panel lacks the review addresses "
        "its workflow dialog links to, and it shows neither what changed since a "
        "segment was translated nor a translation memory or glossary.",
        upstream="wagtail/wagtail-localize#655; #502 (show what changed); #657 "
        "(translation memory)",
        remove="When the editor offers review (and the snippet dialog works), "
        "delete the template, editorial_tags.py's snippet_review_urls and "
        "review.py's two views; when it shows what changed and a memory, delete "
        "the translation_help tag, translation_help.py and its view.",
    ),
    Override(
        name="localize-editor-hidden-actions",
        packages=("wagtail-localize",),
        what="CSS hides the editor's 'Stop synced translation' and 'Convert to "
        "alias page' by their URLs (data-w-action-url-value$='/disable/', "
        "href*='/convert_to_alias/').",
        where="home/editorial/static/editorial/css/translation-editor.css",
        why="The editor offers those actions to everyone; the server refuses "
        "them (localize-reviewed-urls), this only keeps them out of sight.",
        remove="Together with localize-reviewed-urls.",
    ),
    Override(
        name="localize-report-menu-label",
        packages=("wagtail-localize",),
        what="Replaces the label of wagtail-localize's reports menu item, found "
        "by its URL (wagtail_localize:translations_report).",
        where="home/editorial/wagtail_hooks.py (reports_menu_in_the_readers_language)",
        why="wagtail-localize names the item with gettext once, in the language "
        "of whoever opens the admin first after a restart.",
        remove="When wagtail-localize labels it with gettext_lazy, delete the hook.",
    ),
    Override(
        name="whats-new-menu-label",
        packages=("wagtail",),
        what="Replaces the label of Wagtail's \"What's new in Wagtail\" help item, "
        "found by its name prefix 'whats-new-in-wagtail-'.",
        where="home/editorial/wagtail_hooks.py (help_menu_in_the_readers_language)",
        why="Built once at start-up with gettext, in one language for everyone.",
        upstream="wagtail/wagtail#10539 (the same fix elsewhere in the admin)",
        remove="When Wagtail labels it lazily, delete the hook and relabel().",
    ),
    Override(
        name="snippet-breadcrumbs",
        packages=("wagtail",),
        what="Builds SnippetViewSet.breadcrumbs_items in English and swaps the "
        "labels 'Home' and 'Snippets' for lazy translations.",
        where="home/editorial/snippet_views.py (TranslatableSnippetViewSet)",
        why="wagtail.snippets.views.snippets labels them with gettext at "
        "start-up, in whatever language is active then.",
        upstream="wagtail/wagtail#10539 (the same fix for the generic views)",
        remove="When Wagtail uses gettext_lazy there, delete breadcrumbs_items and "
        "BREADCRUMB_LABELS.",
    ),
    Override(
        name="route-for-request",
        packages=("wagtail",),
        what="Writes request._wagtail_route_for_request, where "
        "Page.route_for_request keeps its result, before calling Wagtail's "
        "serve view.",
        where="home/routing.py",
        why="Routes a page and its language's home in one query; Wagtail's serve "
        "view then uses that route instead of looking it up again.",
        remove="If Wagtail lets a site supply the route (a hook or a setting), use "
        "it; otherwise delete home/routing.py and point the URL at "
        "wagtail.views.serve (more queries per page).",
    ),
    Override(
        name="postgres-index-per-language",
        packages=("wagtail",),
        what="Subclasses PostgresIndex and indexes each object through a copy of "
        "the backend whose config (the text-search configuration) is its "
        "language's.",
        where="home/search/backend.py",
        why="Wagtail's PostgreSQL backend indexes every object with one "
        "configuration; Spanish pages need Spanish stemming.",
        remove="If Wagtail's database backend learns a per-locale configuration, "
        "use the stock backend with it and delete backend.py.",
    ),
    Override(
        name="stream-list-ids",
        packages=("wagtail",),
        what="Iterates every StreamValue before saving, so that its lazy children "
        "are converted and ListBlock items are stored in block form, with ids.",
        where="home/models/base.py (store_lists_with_ids, SitePage.save); "
        "bpnc_site/seed/loader.py (stable_stream)",
        why="A StreamValue built from raw data stores unconverted children as "
        "they came, list items without ids, from which wagtail-localize extracts "
        "no strings.",
        remove="When StreamValue.get_prep_value gives list items ids without "
        "converting (the test says so), delete the loops.",
    ),
    Override(
        name="seed-repair-list-format",
        packages=("wagtail",),
        what="Calls ListBlock._item_is_in_block_format (private).",
        where="bpnc_site/seed/repair.py, run once by the data migration "
        "bpnc_site/seed/migrations/0001_list_items_with_ids.py",
        why="Tells a legacy list item (bare value) from one in block form, as "
        "ListBlock does itself.",
        remove="Delete repair.py and make the migration a no-op once every install "
        "has migrated past it (and before any later migration changes a page or "
        "snippet table).",
    ),
    Override(
        name="role-names",
        packages=("wagtail",),
        what="post_init and pre_save receivers on Group, Workflow, every Task type "
        "and every log-entry model put a str subclass (RoleName) in their "
        "names and in the workflow titles log entries copied.",
        where="home/editorial/role_names.py",
        why="Wagtail shows these stored names as they are; the translator reads "
        "the English names of roles and of the review task.",
        remove="Replace with translation where the names are shown.",
    ),
    Override(
        name="cache-breaker",
        packages=("django-redis",),
        what="Subclasses django-redis's RedisCache and wraps each cache method "
        "(get, set, add, get_many, set_many, delete, delete_many, has_key, touch, "
        "incr, decr, clear) with the same signature; turns IGNORE_EXCEPTIONS off "
        "through OPTIONS.",
        where="bpnc_site/cache/breaker.py",
        why="A hung or absent Redis would cost every request its socket timeout; "
        "the breaker answers as a miss at once and logs an outage once.",
        remove="If django-redis gains a circuit breaker, configure it and delete "
        "breaker.py; on an upgrade, check the wrapped methods' signatures.",
    ),
    Override(
        name="package-catalogue",
        packages=("wagtail", "wagtail-localize", "wagtail-modeladmin"),
        what="Spanish for msgids of Wagtail, wagtail-localize, wagtail-modeladmin "
        "and Django (each entry names its module), found before the packages' "
        "own catalogues through LOCALE_PATHS.",
        where="locales/packages/es/LC_MESSAGES/django.po and djangojs.po",
        why="The packages' Spanish leaves these untranslated or says tú; the "
        "site says usted.",
        remove="Drop each entry the package's own catalogue gets right; an entry "
        "whose msgid the package no longer has does nothing (the test lists them).",
    ),
    Override(
        name="localize-editor-publish-action",
        packages=("wagtail-localize",),
        what="Reads the POST that wagtail-localize's translation editor sends when "
        "its footer's Publish is pressed (action=publish to the page or snippet "
        "edit view) and answers it first, from the before_edit_page and "
        "before_edit_snippet hooks.",
        where="home/editorial/review.py (refuse_publishing_english)",
        why="The editor publishes a translation whatever is still untranslated, "
        "putting English on the Spanish page; publishing it as it is goes through "
        "review ('Approve with N segments in English').",
        upstream="wagtail/wagtail-localize#832 (status of translations)",
        remove="When wagtail-localize refuses or warns before publishing an "
        "incomplete translation, delete refuse_publishing_english and its hooks.",
    ),
    Override(
        name="signup-export",
        packages=("wagtail-modeladmin", "wagtail"),
        what="Sign-ups are listed and exported by wagtail-modeladmin's "
        "ModelAdmin; SignupIndexView neutralises spreadsheet formulas through "
        "custom_field_preprocess keyed by IndexView.FORMAT_CSV and FORMAT_XLSX.",
        where="campaigns/signups/admin.py",
        why="wagtail-modeladmin is a separately maintained package on Wagtail 8; "
        "its export is what staff download.",
        remove="If wagtail-modeladmin stops supporting the installed Wagtail, move "
        "the sign-ups to a ModelViewSet (list_export) and drop the package.",
    ),
    Override(
        name="wagtail-workflow-notifiers",
        packages=("wagtail",),
        what="Disconnects the four email receivers wagtail.admin.signal_handlers "
        "connects to the workflow signals, by their dispatch_uid, and connects "
        "subclasses of the same notifiers (wagtail.admin.mail) in their place.",
        where="home/editorial/notifications/workflow.py, run from the app's "
        "ready(); the app comes after wagtail.admin in INSTALLED_APPS",
        why="Wagtail sends by SMTP inside the request and its group-task notifier "
        "listens for sender=TaskState, so the moderators' review (ReviewTaskState) "
        "told no moderator; the emails go through the outbox instead, once each.",
        remove="If Wagtail offers a setting to route its notifications (or sends "
        "through a task queue) and matches TaskState subclasses, drop the "
        "disconnect and keep only the notices.",
    ),
    Override(
        name="other-language-confirmations",
        packages=("wagtail",),
        what="Overrides the confirmation_text block of "
        "wagtailadmin/pages/confirm_unpublish.html, and copies "
        "wagtailadmin/pages/confirm_delete.html and "
        "wagtailadmin/shared/set_privacy.html (no block to extend) with one "
        "include added to each.",
        where="home/editorial/templates/wagtailadmin/pages/confirm_unpublish.html, "
        "home/editorial/templates/wagtailadmin/pages/confirm_delete.html, "
        "home/editorial/templates/wagtailadmin/shared/set_privacy.html, "
        "home/editorial/other_language.py",
        why="Unpublishing, deleting and privacy reach the page in the other "
        "language (editorial/signals.py, SitePage.get_view_restrictions); Wagtail's "
        "screens say so only through construct_translated_pages_to_cascade_actions, "
        "which would also take over the cascade, and never name the language.",
        remove="If Wagtail's delete screen and privacy modal gain blocks, extend them "
        "instead of the copies; the test pins the copied upstream files.",
    ),
    Override(
        name="admin-untranslated-markup",
        packages=("wagtail",),
        what="Copies of four Wagtail admin templates with their English words "
        "translated: wagtailadmin/home.html and shared/header.html (the search "
        "forms' hidden 'Search' button), shared/headers/_actions.html "
        "(aria-label 'Actions'), shared/side_panel_toggle.html (an empty "
        "counter printed as 'None').",
        where="home/editorial/templates/wagtailadmin/home.html, "
        "home/editorial/templates/wagtailadmin/shared/header.html, "
        "home/editorial/templates/wagtailadmin/shared/headers/_actions.html, "
        "home/editorial/templates/wagtailadmin/shared/side_panel_toggle.html",
        why="Wagtail writes these words without gettext, so screen-reader users "
        "of the Spanish admin hear English.",
        remove="When Wagtail translates them (compare each copy with the "
        "installed template), delete the copies.",
    ),
    Override(
        name="admin-untranslated-labels",
        packages=("wagtail", "wagtail-localize"),
        what="Gives wagtail-localize's Translation model a verbose name, its "
        "report's language filters labels, and Wagtail's page search view "
        "(SearchView) the names of what it lists.",
        where="home/overrides/admin_labels.py, called from EditorialConfig.ready",
        why="Without them the Spanish admin reads '36 translations', 'Source "
        "locale', 'Target locale' and '1-1 de 1 None'.",
        remove="When the packages name them with gettext_lazy, delete "
        "admin_labels.py and its call.",
    ),
    Override(
        name="localize-editor-script-words",
        packages=("wagtail-localize",),
        what="A script replaces two strings wagtail-localize's editor script "
        "writes without its catalogue: the heading '<source> to <target> "
        "translation' and the screen-reader label 'More actions'.",
        where="home/editorial/static/editorial/js/translation-editor.js, given "
        "its words by home/editorial/templates/wagtail_localize/admin/"
        "edit_translation.html",
        why="The translator reads 'Inglés to Español translation' above every "
        "segment list and hears 'More actions'.",
        remove="When wagtail-localize passes these strings through gettext, "
        "delete the script and the words element.",
    ),
    Override(
        name="signup-list-chart",
        packages=("wagtail-modeladmin",),
        what="Extends modeladmin/index.html and fills its content_main block "
        "(keeping block.super) to put the chart of sign-ups per week above the list.",
        where="campaigns/templates/campaigns/signups/admin/index.html, named by "
        "SignupAdmin.index_template_name",
        why="Staff asked to see sign-ups per week where they read the sign-ups; "
        "modeladmin's index view has no slot for content above its listing.",
        remove="If the sign-up list moves to a Wagtail ModelViewSet or "
        "modeladmin gains such a slot, show the chart there and delete the "
        "template and index_template_name.",
    ),
]


def by_name():
    return {override.name: override for override in OVERRIDES}


def to_recheck(installed):
    """{package: (checked, installed, [entry names])} for every package whose
    installed version (installed: {package: version}) is not the checked one."""
    return {
        package: (
            checked,
            installed.get(package),
            [entry.name for entry in OVERRIDES if package in entry.packages],
        )
        for package, checked in CHECKED_WITH.items()
        if installed.get(package) != checked
    }
