"""Whole pages for visitors who are not logged in: stored (``store``), served
before Django (``serving``), and purged exactly when what they show changes
(``purging``, ``signals``). Installed as an app so its receivers and hook load."""
