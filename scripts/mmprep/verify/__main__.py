# SPDX-License-Identifier: GPL-2.0
"""python3 -m mmprep.verify: scripts/mmprep-verify without its wrapper.
Kbuild's checker (--kbuild-checker=STAGE, once per compiled file) imports
only what it needs."""

import sys

if __name__ == "__main__":
	if sys.argv[1:2] and sys.argv[1].startswith("--kbuild-checker="):
		from mmprep.verify import checker
		sys.exit(checker.main(sys.argv[1][len("--kbuild-checker="):], sys.argv[2:]))
	from mmprep.verify.run import main
	sys.exit(main(sys.argv[1:]))
