"""Campaign sign-ups: the model, the public form and its endpoint, staff's list and
export in the admin, and answering privacy requests."""
