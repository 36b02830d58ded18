"""One module per educational article; each defines ``ARTICLE`` (see the package docstring)."""
