#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# JSON lines carry the shared record keys; SARIF validates (required fields, rule ids =
# check names, 1-based regions, relative paths); text, JSON and SARIF agree on the count;
# the output is identical for -j 1 and -j 4.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
prog=${MMPREP_CHECK:-$here/../mmprep-check}
cases=$(cd "$here/../../testcases/check" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mmprep-out.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0
cd "$cases" || exit 1
files="desc-uninit-march-2026.c vma-in-prepare.c error-override.c both-hooks.c remap-range.c"

"$prog" --api=7.1 $files > "$tmp/text" 2>&1
"$prog" --api=7.1 --format=json $files > "$tmp/json" 2> "$tmp/json.err"
rc=$?
[ $rc -eq 1 ] || { echo "json run: exit $rc, expected 1"; status=1; }
"$prog" --api=7.1 --format=sarif $files > "$tmp/sarif" 2> "$tmp/sarif.err"
rc=$?
[ $rc -eq 1 ] || { echo "sarif run: exit $rc, expected 1"; status=1; }

python3 - "$tmp/json" <<'PY' || status=1
import json, sys
keys = {"tool": str, "file": str, "line": int, "column": int, "function": str,
        "check": str, "severity": str, "message": str, "status": str}
n = 0
for lineno, line in enumerate(open(sys.argv[1]), 1):
    rec = json.loads(line)
    n += 1
    for k, t in keys.items():
        if not isinstance(rec.get(k), t):
            print("json line %d: key %s missing or not %s" % (lineno, k, t.__name__))
            sys.exit(1)
    if rec["tool"] != "mmprep-check" or rec["severity"] not in ("warning", "note") or \
       rec["status"] != "finding":
        print("json line %d: unexpected tool/severity/status" % lineno)
        sys.exit(1)
if n == 0:
    print("json: no records")
    sys.exit(1)
PY

checks=$("$prog" --list-checks | awk '{print $1}')
python3 "$here/sarif-check.py" "$tmp/sarif" $checks || status=1

nt=$(grep -cE ': (warning|note): .* \[[a-z-]+\]$' "$tmp/text")
nj=$(wc -l < "$tmp/json")
ns=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' \
	"$tmp/sarif")
if [ "$nt" != "$nj" ] || [ "$nt" != "$ns" ]; then
	echo "counts differ: text $nt, json $nj, sarif $ns"
	status=1
fi

# absolute paths are reported relative to the current directory in SARIF
"$prog" --format=sarif "$cases/both-hooks.c" > "$tmp/abs.sarif"
python3 "$here/sarif-check.py" "$tmp/abs.sarif" || status=1
grep -q '"uri": "both-hooks.c"' "$tmp/abs.sarif" || { echo "sarif: path not relative"; status=1; }

# a file that does not parse: SARIF records the failure, exit 2
"$prog" --format=sarif cli-unparsable.c > "$tmp/bad.sarif" 2> /dev/null
rc=$?
[ $rc -eq 2 ] || { echo "unparsable sarif: exit $rc, expected 2"; status=1; }
grep -q '"executionSuccessful": false' "$tmp/bad.sarif" ||
	{ echo "unparsable sarif: executionSuccessful not false"; status=1; }

# -j does not change the output
all=$(ls *.c)
"$prog" --api=7.1 -j 1 $all > "$tmp/j1" 2>&1
"$prog" --api=7.1 -j 4 $all > "$tmp/j4" 2>&1
cmp -s "$tmp/j1" "$tmp/j4" || { echo "-j 1 and -j 4 differ"; diff "$tmp/j1" "$tmp/j4" | head; status=1; }
# --shard=I/N splits the files: the parts together are the whole
"$prog" --api=7.1 --shard=1/3 $all > "$tmp/s1" 2>&1
"$prog" --api=7.1 --shard=2/3 $all > "$tmp/s2" 2>&1
"$prog" --api=7.1 --shard=3/3 $all > "$tmp/s3" 2>&1
sort "$tmp/s1" "$tmp/s2" "$tmp/s3" > "$tmp/shards"
sort "$tmp/j1" > "$tmp/whole"
cmp -s "$tmp/shards" "$tmp/whole" || { echo "--shard parts differ from the whole"; status=1; }
exit $status
