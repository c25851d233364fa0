"""Trade-promotion events: ``events/<id>.yaml`` files, validated and modelled like products.

``load.py`` (the product loader with the event schema), ``schema.py`` (schema findings),
``checks.py`` (dates, products, booths), ``build.py`` → ``model.py`` (the typed ``Event``),
``validate.py`` (the orchestration ``generator.validate`` calls). Importing the package
registers its finding messages.
"""

from . import checks, schema

__all__ = ["checks", "schema"]
