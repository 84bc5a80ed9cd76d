"""Small corpora several test modules write into temporary folders."""

from __future__ import annotations

from pathlib import Path

#: three short reports of one invented story, for comparisons saved in a temporary folder
ARTICLES = {
    "courier": "Harbor bridge closes for repairs\n"
               "The Harbor Bridge will close for six weeks starting Monday, the city said.\n"
               "Crews will replace the deck joints that failed an inspection in May.\n",
    "gazette": "City shuts Harbor Bridge\n"
               "The Harbor Bridge will close for six weeks from Monday, city officials said.\n"
               "Ferry service will double during the closure.\n",
    "tribune": "Six-week bridge closure begins Monday\n"
               "Officials said the Harbor Bridge will close for six weeks starting Monday.\n"
               "Local shops fear losing customers while the bridge is shut.\n",
}


def write_news(root: Path) -> Path:
    """``root/news/`` with the three :data:`ARTICLES`; returns the folder."""
    folder = root / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder
