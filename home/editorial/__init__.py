"""The editorial workflow: roles and the review workflow, translation status and
its report, submitting translations for review, and language-aware permissions
for snippets. Installed as its own app (label "editorial") so that its hooks,
commands and templates live here too."""
