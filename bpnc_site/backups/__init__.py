"""Portable backups of the whole site and restoring them (``backup_site``,
``restore_site``). Installed as an app for its commands."""
