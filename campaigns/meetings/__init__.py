"""Meetings: the meeting page type, its index and the calendars neighbours add
to their phones (one event per meeting, one feed per language)."""
