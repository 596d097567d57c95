"""Sign-up exports that are safe to open in a spreadsheet."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Keep spreadsheet programs from running text typed by the public."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


# The columns of staff's export (CSV and XLSX), and of a privacy request's answer.
EXPORT_FIELDS = (
    "name",
    "email",
    "phone",
    "zip_code",
    "language",
    "signed_up_in",
    "campaign",
    "consent",
    "created_at",
)
