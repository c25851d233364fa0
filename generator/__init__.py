"""ocop-catalogue: validate OCOP product files and build the public catalogue.

The pipeline is load → validate → model → render → write; each stage has its own module.
The core never imports MkDocs.
"""

__version__ = "0.1.0"
