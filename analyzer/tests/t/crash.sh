#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A worker that crashes costs its own file only: the other files are analysed, the crash is
# one error line naming the file, and the exit status is 2.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
prog=${MMPREP_CHECK:-$here/../mmprep-check}
cd "$here/../../testcases/check" || exit 1
out=$(MMPREP_TEST_CRASH=both-hooks.c "$prog" -j 2 both-hooks.c vma-in-prepare.c 2>&1)
rc=$?
status=0
[ $rc -eq 2 ] || { echo "crash: exit $rc, expected 2"; status=1; }
echo "$out" | grep -q '^both-hooks.c: error: internal error: the analyzer crashed' ||
	{ echo "crash: no internal error line for both-hooks.c"; status=1; }
echo "$out" | grep -q '^vma-in-prepare.c:.*\[vma-in-prepare\]$' ||
	{ echo "crash: the other file was not analysed"; status=1; }
[ $status -eq 0 ] || echo "$out"
exit $status
