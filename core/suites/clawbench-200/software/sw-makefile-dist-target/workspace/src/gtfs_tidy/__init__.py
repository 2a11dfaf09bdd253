"""gtfs-tidy: validate and package the Lakeside Transit GTFS feed."""

__version__ = "1.4.0"
