"""mailrelay - the outbound mail relay of the Lumen platform."""
__version__ = "2.6.3"
