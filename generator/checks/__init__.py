"""Semantic checks: what the JSON Schema cannot say. Each returns findings."""
