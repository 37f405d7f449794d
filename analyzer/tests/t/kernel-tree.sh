#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Kernel-tree mode on a fake tree (no real kernel needed): scripts/kernel-config prepares
# an O= folder once per tree through the tree's make (defconfig, olddefconfig, prepare) and
# records the checker command line of drivers/char/mem.c; mmprep-check reuses it for a
# file of another folder, with that folder's -I paths and KBUILD_MODNAME, and no shims.
# A folder that is not a tree is one error line (exit 2); a tree whose make fails is one
# error line from kernel-config (exit 1) and mmprep-check exits 2 with no other line.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
prog=${MMPREP_CHECK:-$here/../mmprep-check}
kconfig=$(cd "$here/../../scripts" && pwd)/kernel-config
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mmprep-tree.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export MMPREP_CACHE="$tmp/cache" MMPREP_KERNEL_CONFIG="$kconfig"
status=0
bad() { echo "kernel-tree: $*"; status=1; }

tree=$tmp/linux
mkdir -p "$tree/include/linux" "$tree/arch" "$tree/scripts" "$tree/drivers/char" \
	"$tree/drivers/misc/fake"
touch "$tree/Kconfig"
printf '#!/bin/sh\nexit 0\n' > "$tree/scripts/config"
chmod +x "$tree/scripts/config"
echo 'int mem_probe;' > "$tree/drivers/char/mem.c"
# the tree's headers: what the shims would not have
cat > "$tree/include/linux/fs.h" <<'C'
struct vm_area_struct;
struct vm_area_desc {
	unsigned long start, end;
};
struct file_operations {
	int (*mmap_prepare)(struct vm_area_desc *desc);
};
struct vm_area_struct *fake_tree_find_vma(unsigned long addr);
C
# a header only the file's own folder has (Kbuild's -I $(src))
echo '#define FAKE_LOCAL_OK 1' > "$tree/drivers/misc/fake/fake_local.h"
# Kbuild, reduced to what kernel-config asks of it
cat > "$tree/Makefile" <<'MK'
srctree := $(CURDIR)
defconfig olddefconfig:
	@mkdir -p $(O) && echo CONFIG_FAKE=y >> $(O)/.config
prepare modules_prepare:
	@mkdir -p $(O)/include/generated
drivers/char/mem.o:
	@cd $(O) && $(CHECK) -D__linux__ -Wbitwise -Wp,-MMD,drivers/char/.mem.o.d -nostdinc \
		-I$(srctree)/include -I./include -D__KERNEL__ -DCONFIG_FAKE_MMU=1 \
		-I$(srctree)/drivers/char -Idrivers/char -DKBUILD_MODFILE='"drivers/char/mem"' \
		-DKBUILD_BASENAME='"mem"' -DKBUILD_MODNAME='"mem"' -D__KBUILD_MODNAME=kmod_mem \
		$(srctree)/drivers/char/mem.c
MK
cat > "$tree/drivers/misc/fake/fake-drv.c" <<'C'
#include <linux/fs.h>
#include <fake_local.h>

#if FAKE_LOCAL_OK && defined(CONFIG_FAKE_MMU)
static int fake_helper(struct vm_area_desc *desc)
{
	struct vm_area_struct *vma = fake_tree_find_vma(desc->start);

	return vma ? 1 : 0;
}
#else
static int fake_helper(struct vm_area_desc *desc)
{
	return 0;
}
#endif

_Static_assert(sizeof(KBUILD_MODNAME) == sizeof("fake_drv"), "KBUILD_MODNAME");

static int fake_prepare(struct vm_area_desc *desc)
{
	return fake_helper(desc);
}

const struct file_operations fake_fops = {
	.mmap_prepare = fake_prepare,
};
C

# not a tree
out=$("$kconfig" "$tmp" 2>&1)
rc=$?
[ $rc -eq 2 ] || bad "not a tree: exit $rc, expected 2"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || bad "not a tree: expected one line: $out"

# the tree: prepared once, from a folder inside it too
obj=$(cd "$tree/drivers" && "$kconfig" 2> "$tmp/err")
rc=$?
[ $rc -eq 0 ] || bad "kernel-config: exit $rc: $(cat "$tmp/err")"
case $obj in "$MMPREP_CACHE"/trees/*) ;; *) bad "kernel-config printed '$obj'" ;; esac
[ -f "$obj/.mmprep-config-done" ] || bad "no stamp in $obj"
grep -qx -- '-I./include' "$obj/mmprep-cflags" || bad "no recorded flags: $(cat "$obj/mmprep-cflags")"
again=$("$kconfig" "$tree" 2> "$tmp/err")
if [ "$again" != "$obj" ] || [ -s "$tmp/err" ]; then
	bad "second run: '$again' $(cat "$tmp/err")"
fi

"$prog" --format=json "$tree/drivers/misc/fake/fake-drv.c" > "$tmp/out" 2> "$tmp/err"
rc=$?
[ $rc -eq 1 ] || bad "check: exit $rc, expected 1: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && bad "check: stderr: $(cat "$tmp/err")"
python3 - "$tmp/out" <<'PY' || status=1
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
got = [(r["line"], r["check"], r["partial"]) for r in recs]
if got != [(7, "vma-in-prepare", None)]:  # the CONFIG_FAKE_MMU helper, whole
    print("kernel-tree: check: %s" % recs)
    sys.exit(1)
PY
"$prog" --print-clang-args "$tree/drivers/misc/fake/fake-drv.c" > "$tmp/args"
for want in "-I$tree/drivers/misc/fake" "-I$obj/drivers/misc/fake" \
	"-DKBUILD_MODNAME=\"fake_drv\"" "-I$tree/include"; do
	tr ' ' '\n' < "$tmp/args" | tr -d "'" | grep -qx -- "$want" || bad "args: no $want: $(cat "$tmp/args")"
done
grep -q 'analyzer/include\|MMPREP_API' "$tmp/args" && bad "args: shims in tree mode: $(cat "$tmp/args")"
# --shims: the bundled headers instead (fake_local.h is then missing: partial)
"$prog" --shims "$tree/drivers/misc/fake/fake-drv.c" > "$tmp/out" 2>&1
grep -q "fake_local.h' file not found" "$tmp/out" || bad "--shims: $(cat "$tmp/out")"

# a tree whose make fails: kernel-config says so in one line, mmprep-check adds none
broken=$tmp/broken
cp -r "$tree" "$broken"
printf 'defconfig:\n\t@echo "*** no configuration for you" >&2; exit 1\n' > "$broken/Makefile"
out=$("$kconfig" "$broken" 2>&1 >/dev/null)
rc=$?
[ $rc -eq 1 ] || bad "broken: kernel-config exit $rc, expected 1"
out=$(printf '%s\n' "$out" | grep -v ': preparing .* (defconfig')
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || bad "broken: expected one error line: $out"
printf '%s\n' "$out" | grep -q 'no configuration for you' || bad "broken: the cause is not named: $out"
"$prog" "$broken/drivers/misc/fake/fake-drv.c" > "$tmp/out" 2> "$tmp/err"
rc=$?
[ $rc -eq 2 ] || bad "broken: mmprep-check exit $rc, expected 2"
[ -s "$tmp/out" ] && bad "broken: stdout: $(cat "$tmp/out")"
n=$(grep -cv ': preparing .* (defconfig' "$tmp/err")
[ "$n" -eq 1 ] || bad "broken: mmprep-check: expected one error line: $(cat "$tmp/err")"
exit $status
