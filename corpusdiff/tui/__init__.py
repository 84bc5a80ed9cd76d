"""The terminal UI (Textual). The only package of corpusdiff that imports Textual."""
