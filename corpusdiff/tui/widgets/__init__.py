"""Widgets of the corpusdiff terminal UI, one a file."""
