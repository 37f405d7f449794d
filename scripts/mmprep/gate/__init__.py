# SPDX-License-Identifier: GPL-2.0
"""mmprep-gate: the patch gate (python3 -m mmprep.gate, or scripts/mmprep-gate)."""
