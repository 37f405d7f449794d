#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The one table of API levels and names (scripts/mmprep/api.py) agrees with the shims: every
# name is declared at exactly the levels the table gives, and the tools name its levels
# (testcases/run-api --shims-only; the full run also probes the 6.12 backport).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=$("$here/../../testcases/run-api" --shims-only 2>&1) || { echo "$out"; exit 1; }
