#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Garbage in: a binary file, truncated C, a 100k-line file, compile_commands.json that is
# binary, truncated, of the wrong types or empty: each is exit 2 and exactly one line on
# stderr (nothing on stdout), never a crash, a sanitizer report or a hang.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
prog=${MMPREP_CHECK:-$here/../mmprep-check}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mmprep-garbage.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0
bad() { echo "garbage: $*"; status=1; }

# one_line NAME PATTERN CMD...: exit 2, one stderr line matching PATTERN, empty stdout
one_line() {
	name=$1 pattern=$2
	shift 2
	(cd "$tmp" && timeout 60 "$@" > out 2> err)
	rc=$?
	[ $rc -eq 2 ] || bad "$name: exit $rc, expected 2: $(head -c 300 "$tmp/err")"
	[ -s "$tmp/out" ] && bad "$name: stdout: $(head -c 300 "$tmp/out")"
	n=$(wc -l < "$tmp/err")
	[ "$n" -eq 1 ] || bad "$name: $n lines on stderr, expected 1: $(head -c 600 "$tmp/err")"
	grep -q -- "$pattern" "$tmp/err" || bad "$name: '$pattern' not in: $(cat "$tmp/err")"
}

# a fixed pseudo-random binary (reproducible): bytes 0..255 scrambled
python3 -c '
import sys
b = bytes((i * 167 + 13) % 256 for i in range(20000))
sys.stdout.buffer.write(b"mmap_prepare\0" + b)' > "$tmp/binary.c"
one_line "binary FILE" "binary.c: error: cannot parse" "$prog" binary.c
printf '#include <linux/fs.h>\nstatic int p(struct vm_area_desc *desc)\n{\n\tif (desc->start\n' \
	> "$tmp/trunc.c"
one_line "truncated C" "trunc.c: error: cannot parse: 4:" "$prog" trunc.c
python3 -c '
print("#include <linux/mm.h>")
for i in range(100000):
    print("static int f%d(struct vm_area_desc *d) { return d->pgoff == %d; }" % (i, i))
' > "$tmp/big.c"
one_line "100k lines" "big.c: error: timed out after 2 s" "$prog" --timeout=2 big.c
one_line "no database" "nowhere/compile_commands.json: No such file" "$prog" -p nowhere

mkdir "$tmp/db"
db=$tmp/db/compile_commands.json
head -c 3000 "$tmp/binary.c" > "$db"
one_line "binary database" "cannot load the compilation database" "$prog" -p db
printf '[ { "directory": "/tmp", "file": "x.c", "argu' > "$db"
one_line "truncated database" "cannot load the compilation database" "$prog" -p db
echo '[{"directory": 5, "file": ["x"], "arguments": {"a": 1}}]' > "$db"
one_line "wrong types" "cannot load the compilation database" "$prog" -p db
echo '{"directory": "/tmp"}' > "$db"
one_line "not an array" "cannot load the compilation database" "$prog" -p db
echo '[]' > "$db"
one_line "empty database" "no compile commands" "$prog" -p db
: > "$db"
one_line "empty file" "compile" "$prog" -p db
exit $status
