#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The shim headers: a 6.12-style and an mmap_prepare-style sample driver compile cleanly
# (-Wall -Wextra -Werror) with gcc and clang at every API level, and mmprep-check finds
# nothing in them but notes. Every header also compiles on its own.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
inc=$here/../include
prog=${MMPREP_CHECK:-$here/../mmprep-check}
status=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mmprep-shim.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for api in 619 700 701 702; do
	for cc in gcc clang; do
		command -v $cc > /dev/null || continue
		for f in "$here"/shims/old_driver.c "$here"/shims/new_driver.c; do
			if ! $cc -fsyntax-only -nostdinc -I"$inc" -D__KERNEL__ -DMMPREP_API=$api \
			     -std=gnu11 -Wall -Wextra -Werror "$f"; then
				echo "shim-compile: $(basename "$f") fails with $cc at MMPREP_API=$api"
				status=1
			fi
		done
		# every header alone: gcc at the oldest level, clang at the newest (the
		# per-level parts are exercised by the sample drivers above)
		case $cc.$api in gcc.619|clang.702) ;; *) continue ;; esac
		for h in "$inc"/linux/*.h "$inc"/linux/*/*.h "$inc"/asm/*.h; do
			rel=${h#"$inc"/}
			printf '#include <%s>\n' "$rel" > "$tmp/one.c"
			if ! $cc -fsyntax-only -nostdinc -I"$inc" -DMMPREP_API=$api -std=gnu11 \
			     -Wall -Werror "$tmp/one.c"; then
				echo "shim-compile: <$rel> alone fails with $cc at MMPREP_API=$api"
				status=1
			fi
		done
	done
done
# sparse (__CHECKER__: __bitwise vma_flag_t, __private __vm_flags) must be quiet too
if command -v sparse > /dev/null; then
	for api in 619 700 701 702; do
		out=$(sparse -nostdinc -I"$inc" -D__KERNEL__ -DMMPREP_API=$api \
		      "$here"/shims/old_driver.c "$here"/shims/new_driver.c 2>&1)
		if [ -n "$out" ]; then
			echo "shim-compile: sparse warns at MMPREP_API=$api:"
			echo "$out"
			status=1
		fi
	done
fi
for api in 6.19 7.0 7.1 7.2; do
	out=$("$prog" --api=$api --no-prefilter "$here"/shims/old_driver.c \
	      "$here"/shims/new_driver.c 2>&1)
	rc=$?
	# notes name the level that removes an API the code may still use at $api
	out=$(printf '%s\n' "$out" | grep -v -E ': note: .* \[[a-z-]+\]$')
	if [ $rc -ne 0 ] || [ -n "$out" ]; then
		echo "shim-compile: mmprep-check --api=$api reports on the sample drivers:"
		echo "$out"
		status=1
	fi
done
exit $status
