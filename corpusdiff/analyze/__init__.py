"""Tables derived from sentences and groups: coverage, quotes, facts, omissions."""
