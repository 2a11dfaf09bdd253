"""Typed client models for the Lumen Orders API."""
__api_version__ = "1.4.0"
