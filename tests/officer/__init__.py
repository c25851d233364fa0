"""Tests of the commands officers run: ocop new, import, review, expiry."""
