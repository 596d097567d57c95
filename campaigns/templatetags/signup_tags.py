"""The sign-up form's fields, tied to their errors for screen readers."""

from django import template

register = template.Library()


@register.simple_tag
def field_with_errors(field):
    """A form field's widget tied to its error message for screen readers."""
    attrs = {}
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.id_for_label}-error"
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)
