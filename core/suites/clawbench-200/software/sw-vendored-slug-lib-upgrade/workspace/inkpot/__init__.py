"""inkpot - the static site generator of the Riverside Courier."""
import os
import sys

# vendored pure-Python dependencies (see requirements.txt)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "vendor"))

__version__ = "4.2.0"
