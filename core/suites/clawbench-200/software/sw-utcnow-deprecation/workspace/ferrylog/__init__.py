"""ferrylog: departure log and delay statistics for the Skerry Line ferries."""
__version__ = "2.1.3"
