"""Campaign sign-ups (and meeting RSVPs, which are sign-ups too): the model, the
public form and its endpoint, the consent wording each person agreed to, the
confirmation email, the neighbour's own page to see or erase their data, staff's
list, export and privacy requests in the admin, and the retention period."""
