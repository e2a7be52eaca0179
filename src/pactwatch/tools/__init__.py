"""Maintenance tools (documentation generators)."""
