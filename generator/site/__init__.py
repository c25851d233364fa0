"""The public site: page content computed from the model; engine-neutral (no MkDocs import)."""
