"""Lossless TOML editing (corpusdiff.tomledit) on its own: every other byte stays."""

from __future__ import annotations

import tomllib

import pytest

from corpusdiff.tomledit import EditError, edit_table, keypath, scan

CONFIG = """\
# My stories.
default = "bridge"   # opened by `corpusdiff`

[comparisons.bridge]
title = "The bridge"
articles = ["news/*.txt"]   # all of them

[comparisons.bridge.labels]
courier = "The Courier"

# kept for later
[comparisons.port]
articles = ["port/a.txt", "port/b.txt"]
"""


def test_keypath_quotes_only_what_needs_it() -> None:
    assert keypath(("comparisons", "a b", "articles", 0)) == 'comparisons."a b".articles[0]'
    assert keypath(("comparisons", "seeds")) == "comparisons.seeds"


def test_scan_knows_the_line_of_every_key() -> None:
    layout = scan(CONFIG)
    assert layout is not None
    assert layout.line(("default",)) == 2
    assert layout.line(("comparisons", "bridge", "articles")) == 6
    assert layout.line(("comparisons", "bridge", "labels", "courier")) == 9
    # a key that is not written: its nearest written parent
    assert layout.line(("comparisons", "port", "options", "threshold")) == 12
    assert scan("not = [valid") is None


def test_a_changed_value_is_rewritten_in_its_own_line() -> None:
    rendered = ('[comparisons.bridge]\ntitle = "The bridge"\narticles = ["news/*.txt"]\n\n'
                '[comparisons.bridge.labels]\ncourier = "Courier"\n')
    out = edit_table(CONFIG, ("comparisons", "bridge"), rendered)
    assert out == CONFIG.replace('courier = "The Courier"', 'courier = "Courier"')


def test_a_new_table_is_appended_and_nothing_else_moves() -> None:
    rendered = '[comparisons.ferry]\narticles = ["ferry/*.md"]\n'
    out = edit_table(CONFIG, ("comparisons", "ferry"), rendered)
    assert out.startswith(CONFIG)
    assert tomllib.loads(out)["comparisons"]["ferry"] == {"articles": ["ferry/*.md"]}


def test_removing_a_table_keeps_the_rest_byte_for_byte() -> None:
    out = edit_table(CONFIG, ("comparisons", "port"), None)
    assert "port" not in tomllib.loads(out)["comparisons"]
    assert out.startswith(CONFIG.split("# kept for later")[0].rstrip("\n"))
    assert "# My stories." in out and "# all of them" in out


def test_a_new_key_goes_at_the_end_of_its_table() -> None:
    rendered = ('[comparisons.port]\narticles = ["port/a.txt", "port/b.txt"]\n'
                'title = "Port strike"\n')
    out = edit_table(CONFIG, ("comparisons", "port"), rendered)
    assert out == CONFIG + 'title = "Port strike"\n'


def test_crlf_files_stay_crlf() -> None:
    text = CONFIG.replace("\n", "\r\n")
    rendered = '[comparisons.ferry]\narticles = ["f/*.md"]\n'
    out = edit_table(text, ("comparisons", "ferry"), rendered)
    assert out.startswith(text) and "\n" not in out.replace("\r\n", "")


def test_an_edit_that_would_change_other_tables_is_refused() -> None:
    # the table is also written inline inside its parent: no line edit can touch it alone
    text = 'comparisons = { bridge = { articles = ["a.txt", "b.txt"] } }\n'
    rendered = '[comparisons.bridge]\narticles = ["c.txt", "d.txt"]\n'
    try:
        out = edit_table(text, ("comparisons", "bridge"), rendered)
    except EditError:
        return
    # if it could be done, it reads back as exactly that change
    assert tomllib.loads(out) == {"comparisons": {"bridge": {"articles": ["c.txt", "d.txt"]}}}


@pytest.mark.parametrize("key", [("comparisons", "bridge"), ("comparisons", "port")])
def test_rewriting_a_table_with_its_own_data_changes_nothing(key: tuple[str, str]) -> None:
    import tomli_w

    data = tomllib.loads(CONFIG)
    table = data["comparisons"][key[1]]
    rendered = tomli_w.dumps({"comparisons": {key[1]: table}})
    assert edit_table(CONFIG, key, rendered) == CONFIG
