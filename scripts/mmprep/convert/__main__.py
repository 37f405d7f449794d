# SPDX-License-Identifier: GPL-2.0
"""python3 -m mmprep.convert: scripts/mmprep-convert without its wrapper."""

import sys

from mmprep.convert.driver import main

if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
