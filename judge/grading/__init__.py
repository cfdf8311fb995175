"""Grading a class: gradebooks, and where judgments run (a local pool or a Dask cluster)."""
