"""kilnhost: plugin host of the Glowline kiln controller."""
__version__ = "2.4.0.dev0"
