"""docpress: the documentation site builder of the Harbourside Library Consortium."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "vendor"))
