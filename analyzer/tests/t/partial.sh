#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A file analysed in part (a header that does not exist) says so wherever a finding of it
# goes: text findings carry "(partial: 'x.h' not found)" before the [check] tag, every JSON
# record of the file has "partial", and a per-file JSON record with status "note" exists
# even when there is no finding; SARIF has the note as a tool execution notification and
# "partial" in each result's properties. A whole file has "partial": null and no note.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
prog=${MMPREP_CHECK:-$here/../mmprep-check}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mmprep-partial.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0
bad() { echo "partial: $*"; status=1; }

cat > "$tmp/part.c" <<'C'
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmprep_no_such_header.h>

static int part_prepare(struct vm_area_desc *desc)
{
	struct vm_area_struct *vma = find_vma(desc->mm, desc->start);

	return vma ? -EBUSY : 0;
}

const struct file_operations part_fops = {
	.mmap_prepare = part_prepare,
};
C
cat > "$tmp/quiet.c" <<'C'
#include <linux/fs.h>
#include <linux/mmprep_no_such_header.h>

static int quiet_prepare(struct vm_area_desc *desc)
{
	return desc->start ? 0 : -EINVAL;
}

const struct file_operations quiet_fops = {
	.mmap_prepare = quiet_prepare,
};
C
cat > "$tmp/whole.c" <<'C'
#include <linux/fs.h>
#include <linux/mm.h>

static int whole_prepare(struct vm_area_desc *desc)
{
	return find_vma(desc->mm, desc->start) ? -EBUSY : 0;
}

const struct file_operations whole_fops = {
	.mmap_prepare = whole_prepare,
};
C
cd "$tmp" || exit 1

# text
"$prog" part.c > out 2> err
rc=$?
[ $rc -eq 1 ] || bad "text: exit $rc, expected 1"
n=$(grep -c " (partial: 'linux/mmprep_no_such_header.h' not found) \[vma-in-prepare\]\$" out)
if [ "$n" -ne 1 ] || [ "$(wc -l < out)" -ne 1 ]; then
	bad "text: $n findings with the partial marker, expected 1: $(cat out)"
fi
grep -q "^part.c: note: 'linux/mmprep_no_such_header.h' file not found" err ||
	bad "text: no note on stderr: $(cat err)"
"$prog" whole.c > out 2> err
grep -q partial out err && bad "text: a whole file is marked partial: $(cat out err)"
[ -s err ] && bad "text: a whole file has a note: $(cat err)"

# JSON: every record of the file, and the per-file note record
"$prog" --format=json part.c quiet.c whole.c > out.json 2> err
python3 - out.json <<'PY' || status=1
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
why = "'linux/mmprep_no_such_header.h' not found"
def fail(msg):
    print("partial: json: " + msg)
    sys.exit(1)
for r in recs:
    if "partial" not in r:
        fail("a record has no partial key: %s" % r)
    want = None if r["file"] == "whole.c" else why
    if r["partial"] != want:
        fail("%s: partial is %r, expected %r" % (r["file"], r["partial"], want))
notes = sorted(r["file"] for r in recs if r["status"] == "note")
if notes != ["part.c", "quiet.c"]:
    fail("note records for %s, expected part.c and quiet.c" % notes)
for r in recs:
    if r["status"] == "note" and (r["severity"] != "note" or r["check"] is not None):
        fail("a note record is not a note: %s" % r)
if sorted(set(r["file"] for r in recs if r["status"] == "finding")) != ["part.c", "whole.c"]:
    fail("findings: %s" % recs)
PY

# SARIF
"$prog" --format=sarif part.c > out.sarif 2> err
python3 - out.sarif <<'PY' || status=1
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
why = "'linux/mmprep_no_such_header.h' not found"
notes = run["invocations"][0]["toolExecutionNotifications"]
if not any(n["level"] == "note" and "mmprep_no_such_header.h" in n["message"]["text"]
           for n in notes):
    print("partial: sarif: no tool execution notification: %s" % notes)
    sys.exit(1)
for res in run["results"]:
    if res.get("properties", {}).get("partial") != why:
        print("partial: sarif: a result without properties.partial: %s" % res)
        sys.exit(1)
PY
exit $status
