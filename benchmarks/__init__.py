"""Benchmarks anyone can rerun (issue 13): ``benchmarks/run.py`` makes synthetic catalogues,
times the ``ocop`` command line and the baselines on them, and writes ``docs/benchmarks.md``."""
