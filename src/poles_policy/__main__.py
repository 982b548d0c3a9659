"""
``python -m poles_policy``: the ``poles-policy`` command, for an environment without its script.

>>> import subprocess, sys
>>> subprocess.run(
...     [sys.executable, "-m", "poles_policy", "--help"], capture_output=True, text=True, check=True
... ).stdout.startswith("usage: poles-policy")
True
"""

import sys

from poles_policy.cli import main

if __name__ == "__main__":
    sys.exit(main())
