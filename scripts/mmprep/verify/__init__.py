# SPDX-License-Identifier: GPL-2.0
"""mmprep-verify: every converted file of the 6.12 tree compiled against the
backported API (python3 -m mmprep.verify, or scripts/mmprep-verify)."""
