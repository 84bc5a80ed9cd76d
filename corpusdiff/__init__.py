"""corpusdiff: align news articles sentence by sentence and show what each outlet says."""

__version__ = "0.1.0"
