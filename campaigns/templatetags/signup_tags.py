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
    # The HTML required attribute already tells screen readers; aria-required
    # only stands in where the widget cannot carry it (a group of checkboxes).
    if field.field.required and "required" not in field.build_widget_attrs({}):
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)
