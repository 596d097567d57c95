"""Review-by dates in the admin: the date moved on at each publication, the
"Review due" report and its dashboard panel."""
