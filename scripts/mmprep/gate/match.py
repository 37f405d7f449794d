# SPDX-License-Identifier: GPL-2.0
"""Which findings of the patched tree the patch introduces.

A finding's fingerprint is (tool, check, file, function, message with
numbers stripped, or its key when it has one), so that it survives line
shifts; a base file's findings count under the file's new name when the
patch renames it.  Per fingerprint, as smatch's new_bugs.pl does, the
patched tree's occurrences in excess of the base's are new, on whatever line
they sit.  Occurrences on lines the patch leaves alone are matched to the
base's first; of those on added or changed lines, the ones whose source line
the patch also removed (moved code) are matched next; the rest, in line
order, are new.  A new occurrence on a line the patch did not change keeps
"changed": false, so that a reader sees that the cause is elsewhere.
"""

import json
import re

_NUM = re.compile(r"(?<![A-Za-z0-9_])(0[xX][0-9A-Fa-f]+|[0-9]+)(?![A-Za-z0-9_])")

COUNTED = ("warning", "error")


def norm(msg):
	return _NUM.sub("N", msg)


def fingerprint(f):
	return json.dumps([f["tool"], f["check"], f["file"], f["function"],
			   f.get("key") or norm(f["message"])], separators=(",", ":"))


def match(findings, renames, keep, added, removed, sources, fn_of):
	"""findings: records of both sides; renames {old: new}; keep(record):
	whether a record is in scope; added {file: set of lines}; removed {file:
	set of stripped texts}; sources {file: [lines]} of the patched files;
	fn_of(side, file, line): the function around a line.  Returns the head
	records, each with status "new" or "old", "changed" and "fingerprint",
	sorted by place."""
	alls = []
	for f in findings:
		f = dict(f)
		if not f.get("function"):
			f["function"] = fn_of(f["side"], f["file"], f["line"])
		if f["side"] == "base":
			f["file"] = renames.get(f["file"], f["file"])
		if not keep(f):
			continue
		f["fingerprint"] = fingerprint(f)
		alls.append(f)
	base_count = {}
	for f in alls:
		if f["side"] == "base":
			base_count[f["fingerprint"]] = base_count.get(f["fingerprint"], 0) + 1
	groups = {}
	for f in alls:
		if f["side"] == "head":
			groups.setdefault(f["fingerprint"], []).append(f)
	out = []
	for fp, occ in groups.items():
		cb = base_count.get(fp, 0)
		file = occ[0]["file"]
		add = added.get(file, set())
		rem = removed.get(file, set())
		src = sources.get(file, [])
		for f in occ:
			f["changed"] = f["line"] in add
		same = sorted((f for f in occ if not f["changed"]),
			      key=lambda f: (f["line"], f["column"] or 0))
		cand = [f for f in occ if f["changed"]]
		for f in cand:
			text = src[f["line"] - 1].strip() if 0 < f["line"] <= len(src) else ""
			f["moved"] = text in rem
		cand.sort(key=lambda f: (0 if f["moved"] else 1, f["line"], f["column"] or 0))
		left = max(cb - len(same), 0)
		for i, f in enumerate(same):
			f["status"] = "old" if i < cb else "new"
		for i, f in enumerate(cand):
			f["status"] = "old" if i < left else "new"
			del f["moved"]
		for f in occ:
			del f["side"]
			f.pop("subject", None)
			out.append(f)
	out.sort(key=lambda f: (f["file"], f["line"], f["column"] or 0, f["tool"], f["check"],
				f["message"]))
	return out


def counted(f):
	"""A new finding that fails the gate: notes are shown, not counted."""
	return f["status"] == "new" and f["severity"] in COUNTED
