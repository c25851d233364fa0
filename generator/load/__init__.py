"""Reading product files: finding them (:mod:`.discover`) and loading one
(:func:`.product.load_product`: bytes → text → YAML with marks → coerced to the schema).

Importing the package imports every module of it, so the loader's finding messages are
registered whatever was imported first.
"""

from . import characters, coerce, depth, discover, document, product, text, yamlerrors, yamlload

__all__ = ["characters", "coerce", "depth", "discover", "document", "product", "text",
           "yamlerrors", "yamlload"]
