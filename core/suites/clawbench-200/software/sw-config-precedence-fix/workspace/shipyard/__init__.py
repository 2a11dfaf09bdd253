"""shipyard: deploy static sites to object storage."""
__version__ = "1.8.0"
