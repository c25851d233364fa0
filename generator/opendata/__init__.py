"""Open data: the published catalogue as JSON, CSV and a Frictionless Data Package.

:mod:`.records` is the one mapping of a :class:`~generator.model.product.Product` to a plain,
public record (what is derived sits under ``derived``; nothing private is copied);
:mod:`.columns` flattens a record into the CSV's columns; :mod:`.csvfile` writes CSV for
Excel; :mod:`.package` describes the files in ``datapackage.json``; :mod:`.export` ties them
into the files of ``du-lieu/``. Nothing here imports the site engine.
"""
