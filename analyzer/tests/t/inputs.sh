#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Inputs: the Kbuild checker protocol writes nothing into the tree; a compile database with
# relative paths works with and without FILE arguments and writes nothing; a broken or
# missing database and a timed-out file are one clear error line and exit 2.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
prog=${MMPREP_CHECK:-$here/../mmprep-check}
cases=$(cd "$here/../../testcases/check" && pwd)
inc=$(cd "$here/../include" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mmprep-in.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0
bad() { echo "inputs: $*"; status=1; }

mkdir -p "$tmp/src" "$tmp/build"
cp "$cases/vma-in-prepare.c" "$tmp/src/drv.c"
ln -s "$inc" "$tmp/shims"

# Kbuild: make C=1 CHECK=mmprep-check runs "CHECK CHECKFLAGS c_flags file.c" in the objtree
(cd "$tmp/build" && "$prog" -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise \
	-Wno-return-void -Wno-unknown-attribute -D__x86_64__ --arch=x86 -mlittle-endian -m64 \
	-Wp,-MMD,src/.drv.o.d -MD -MF drv.d -nostdinc -I../shims -isystem ../shims \
	-include ../shims/linux/kernel.h -D__KERNEL__ -fno-strict-aliasing -fno-PIE \
	-mcmodel=kernel -mfunction-return=thunk-extern -fzero-call-used-regs=used-gpr \
	-fconserve-stack -Werror=implicit-function-declaration -DKBUILD_MODNAME='"drv"' \
	-o drv.o -c ../src/drv.c > out 2> err)
rc=$?
[ $rc -eq 1 ] || bad "kbuild: exit $rc, expected 1: $(head -3 "$tmp/build/err")"
# findings on stderr, as sparse prints them: make -s shows them
grep -q '^../src/drv.c:[0-9]*:[0-9]*: warning: .*\[vma-in-prepare\]$' "$tmp/build/err" ||
	bad "kbuild: no vma-in-prepare finding on stderr"
[ -s "$tmp/build/out" ] && bad "kbuild: stdout is not empty: $(head -3 "$tmp/build/out")"
for f in src/.drv.o.d drv.d drv.o; do
	[ -e "$tmp/build/$f" ] && bad "kbuild: $f was written"
done
# --no-kbuild: the same command line, findings on stdout
(cd "$tmp/build" && "$prog" --no-kbuild -nostdinc -I../shims -D__KERNEL__ \
	-include ../shims/linux/kernel.h ../src/drv.c > out 2> err)
grep -q '\[vma-in-prepare\]$' "$tmp/build/out" || bad "--no-kbuild: no finding on stdout"
grep -q '\[vma-in-prepare\]$' "$tmp/build/err" && bad "--no-kbuild: finding on stderr"
# flags after -- are the user's: stdout; --kbuild forces stderr
(cd "$tmp/build" && "$prog" ../src/drv.c -- -nostdinc -I../shims -D__KERNEL__ > out 2> err)
grep -q '\[vma-in-prepare\]$' "$tmp/build/out" || bad "flags after --: no finding on stdout"
(cd "$tmp/build" && "$prog" --kbuild ../src/drv.c > out 2> err)
grep -q '\[vma-in-prepare\]$' "$tmp/build/err" || bad "--kbuild: no finding on stderr"
[ -s "$tmp/build/out" ] && bad "--kbuild: stdout is not empty"
rm -f "$tmp/build/out" "$tmp/build/err"

# compile database with relative paths, as gen_compile_commands.py writes it
cat > "$tmp/build/compile_commands.json" <<JSON
[
  {
    "directory": "$tmp/build",
    "file": "../src/drv.c",
    "arguments": ["gcc", "-nostdinc", "-I../shims", "-D__KERNEL__", "-fconserve-stack",
                  "-Wp,-MMD,.drv.o.d", "-MD", "-MF", "drv.d", "-c", "-o", "drv.o",
                  "../src/drv.c"]
  }
]
JSON
(cd "$tmp" && "$prog" -p build > out.all 2>&1)
rc=$?
[ $rc -eq 1 ] || bad "compile db: exit $rc, expected 1: $(head -3 "$tmp/out.all")"
grep -q '^src/drv.c:.*\[vma-in-prepare\]$' "$tmp/out.all" || bad "compile db: no finding"
(cd "$tmp" && "$prog" -p build src/drv.c > out.one 2>&1)
cmp -s "$tmp/out.all" "$tmp/out.one" || bad "compile db: FILE run differs from the all-entries run"
ls "$tmp/build" | grep -v -x compile_commands.json | grep -q . && bad "compile db: files written"

echo '[ { "directory": ' > "$tmp/build/compile_commands.json"
out=$(cd "$tmp" && "$prog" -p build 2>&1)
rc=$?
[ $rc -eq 2 ] || bad "broken db: exit $rc, expected 2"
[ "$(echo "$out" | wc -l)" -eq 1 ] || bad "broken db: expected one line, got: $out"
out=$("$prog" -p "$tmp/nowhere" 2>&1)
rc=$?
[ $rc -eq 2 ] || bad "missing db: exit $rc, expected 2"
[ "$(echo "$out" | wc -l)" -eq 1 ] || bad "missing db: expected one line, got: $out"

# a per-file time limit
{
	echo '#include <linux/mm.h>'
	i=0
	while [ $i -lt 3000 ]; do
		echo "int f$i(struct vm_area_desc *d) { return d->pgoff == $i; }"
		i=$((i + 1))
	done
} > "$tmp/big.c"
out=$("$prog" --timeout=0.01 "$tmp/big.c" 2>&1)
rc=$?
[ $rc -eq 2 ] || bad "timeout: exit $rc, expected 2"
echo "$out" | grep -q 'big.c: error: timed out after 0.01 s' || bad "timeout: $out"
exit $status
