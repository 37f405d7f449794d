# SPDX-License-Identifier: GPL-2.0
"""The records of mmprep-convert: one JSON object per hook.

records.schema.json beside this file is the schema (JSON Schema 2020-12)
that every producer follows and every consumer reads:

  status     converted, convertible, declined, error, timeout, parse-error
  rule       converted/convertible: the conversion rules applied, comma-
             separated (fields, flags, remap, ..., mapped, nested), or
             "rename" for a file that only binds or declares a hook
             converted in another file
  reason_id  every other status: a stable id from the catalogue
             (x-reasons: id -> category and text template)
  reason     the same in words, for humans; no tool decides on it

A reason's category is "manual" (a human converts it), "mapped" (the
per-mapping state belongs in vm_ops->mapped), "keep" (the hook stays
.mmap on purpose: it stacks another file's mmap) or "failure" (the tool
could not decide).

Shards: --shard=I/N keeps the files whose index in the sorted list
(C collation, counted from 0) is I modulo N, in every tool (in_shard()).

Usage: python3 -m mmprep.records validate [FILE...]   check records (stdin)
       python3 -m mmprep.records ids [CATEGORY]        the reason ids
       python3 -m mmprep.records check-sources FILE... reason ids named in
                                                       sources exist
       python3 -m mmprep.records summary [FILE...]     hooks per status, then
                                                       file:line: function: reason
                                                       of each hook not converted
       python3 -m mmprep.records tables [FILE...]      Markdown tables: hooks
                                                       converted per rule, hooks
                                                       not converted per reason id
"""

import json
import os
import re
import sys

SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "records.schema.json")

with open(SCHEMA_PATH, encoding="utf-8") as _fp:
	SCHEMA = json.load(_fp)

STATUSES = tuple(SCHEMA["properties"]["status"]["enum"])
LEVELS = tuple(SCHEMA["properties"]["api"]["enum"])
REASONS = SCHEMA["x-reasons"]
CATEGORIES = ("manual", "mapped", "keep", "failure")
# the statuses of a hook that is (or would be) rewritten
DONE = ("converted", "convertible")
FAILED = ("error", "timeout", "parse-error")
TOOL = "mmprep-convert"
_KEYS = tuple(SCHEMA["properties"])
_RULE = re.compile(SCHEMA["properties"]["rule"]["pattern"])


def category(reason_id):
	"""The category of a reason id (KeyError for an unknown one)."""
	return REASONS[reason_id]["category"]


def make(file, line, function, status, api, hook="file_operations.mmap", rule=None,
	 reason_id=None, reason=None, **extra):
	"""A record with the keys in the schema's order."""
	rec = {"tool": TOOL, "file": file, "line": int(line), "function": function,
	       "hook": hook, "status": status, "api": api}
	if rule:
		rec["rule"] = rule
	if reason_id:
		rec["reason_id"] = reason_id
		rec["reason"] = reason if reason is not None else REASONS[reason_id]["text"]
	rec.update(extra)
	return rec


def dumps(rec):
	"""One record as one line, the way every tool writes them."""
	return json.dumps(rec, sort_keys=True)


def sort_key(rec):
	return (rec.get("file", ""), rec.get("line", 0), rec.get("function", ""),
		rec.get("status", ""))


def validate(rec):
	"""The problems of one record against the schema (empty when fine)."""
	errs = []
	if not isinstance(rec, dict):
		return ["not a JSON object"]
	for k in SCHEMA["required"]:
		if k not in rec:
			errs.append("no '%s'" % k)
	for k in rec:
		if k not in _KEYS:
			errs.append("unknown key '%s'" % k)
	if rec.get("tool", TOOL) != TOOL:
		errs.append("tool is not %s" % TOOL)
	for k in ("file", "function", "hook", "reason"):
		if k in rec and not isinstance(rec[k], str):
			errs.append("'%s' is not a string" % k)
	line = rec.get("line", 0)
	if not isinstance(line, int) or isinstance(line, bool) or line < 0:
		errs.append("'line' is not a line number")
	st = rec.get("status")
	if st is not None and st not in STATUSES:
		errs.append("unknown status '%s'" % st)
	if "api" in rec and rec["api"] not in LEVELS:
		errs.append("unknown api '%s'" % rec["api"])
	rid = rec.get("reason_id")
	if rid is not None and rid not in REASONS:
		errs.append("unknown reason_id '%s'" % rid)
	if st in DONE:
		if not isinstance(rec.get("rule"), str) or not _RULE.match(rec["rule"]):
			errs.append("%s without a rule" % st)
	elif st is not None:
		if rid is None or "reason" not in rec:
			errs.append("%s without reason_id and reason" % st)
	b = rec.get("blocked_by")
	if b is not None:
		if not isinstance(b, dict) or not all(k in b for k in ("function", "file", "line")):
			errs.append("'blocked_by' needs function, file and line")
		elif b.get("reason_id", "defined-elsewhere") not in REASONS:
			errs.append("unknown blocked_by reason_id '%s'" % b["reason_id"])
	return errs


def in_shard(index, shard):
	"""Whether the index-th file (from 0, in sorted order) is in shard (I, N)."""
	return shard is None or index % shard[1] == shard[0]


def parse_shard(text):
	"""'I/N' as (I, N), or ValueError."""
	m = re.fullmatch(r"([0-9]+)/([0-9]+)", text or "")
	if not m:
		raise ValueError("--shard takes I/N")
	i, n = int(m.group(1)), int(m.group(2))
	if n == 0 or i >= n:
		raise ValueError("--shard I/N needs 0 <= I < N")
	return (i, n)


def c_key(path):
	"""The order every tool sorts paths in: by bytes, as LC_ALL=C sort does."""
	return path.encode("utf-8", "surrogateescape")


def c_sorted(items):
	"""Sorted and unique the way LC_ALL=C sort -u does."""
	return sorted(set(items), key=c_key)


def shard(items, spec):
	"""The items (sorted the way the tools sort paths) of shard spec (I, N)."""
	return [x for i, x in enumerate(c_sorted(items)) if in_shard(i, spec)]


def read(lines, where="-"):
	"""Records from JSON lines; ValueError names the first bad line."""
	out = []
	for n, text in enumerate(lines, 1):
		if not text.strip():
			continue
		try:
			out.append(json.loads(text))
		except ValueError as e:
			raise ValueError("%s:%d: not JSON: %s" % (where, n, e)) from None
	return out


RID = re.compile(r"""\brid\s*=\s*["']([a-z0-9-]+)["']|reason_id["']?\s*[:=]\s*["']([a-z0-9-]+)["']""")


def tally(recs):
	"""The counts of the README's tables and of make bench: hooks (a "rename"
	record is a file that only binds or declares a hook converted in another
	file, not a hook), those converted or convertible ("done") and per rule
	(a hook may have several), the others ("left") and per reason id (their
	status when they have none)."""
	hooks = [r for r in recs if r.get("rule") != "rename"]
	done = [r for r in hooks if r.get("status") in DONE]
	rules = {}
	for r in done:
		for name in r.get("rule", "").split(","):
			rules[name] = rules.get(name, 0) + 1
	left = [r for r in hooks if r.get("status") not in DONE]
	ids = {}
	for r in left:
		rid = r.get("reason_id") or r.get("status")
		ids[rid] = ids.get(rid, 0) + 1
	return {"hooks": len(hooks), "done": len(done), "rules": rules, "left": len(left),
		"reasons": ids}


def tables(recs, out):
	"""The README's tables: converted hooks per rule (a hook may have
	several), the others per reason id with its category and text."""
	t = tally(recs)
	rules, ids = t["rules"], t["reasons"]
	out.write("| converted: %d hooks (rules; a hook may use several) | hooks |\n"
		  "| --- | ---: |\n" % t["done"])
	for name in sorted(rules, key=lambda x: (-rules[x], x)):
		out.write("| %s | %d |\n" % (name, rules[name]))
	out.write("\n| not converted: %d hooks (reason id) | category | reason | hooks |\n"
		  "| --- | --- | --- | ---: |\n" % t["left"])
	for rid in sorted(ids, key=lambda x: (-ids[x], x)):
		r = REASONS.get(rid, {})
		text = re.sub(r"\[.*?\]", "", r.get("text", rid)).replace("|", "\\|")
		out.write("| `%s` | %s | %s | %d |\n" % (rid, r.get("category", "failure"), text,
							 ids[rid]))


def main(argv):
	if not argv or argv[0] in ("-h", "--help"):
		sys.stdout.write(__doc__.split("Usage: ", 1)[1].replace("       ", ""))
		return 0 if argv else 2
	cmd, args = argv[0], argv[1:]
	if cmd == "ids":
		for rid, r in REASONS.items():
			if not args or r["category"] in args:
				print(rid)
		return 0
	if cmd == "validate":
		bad = 0
		for path in args or ["-"]:
			fp = sys.stdin if path == "-" else open(path, encoding="utf-8")
			with fp:
				for n, text in enumerate(fp, 1):
					if not text.strip():
						continue
					try:
						errs = validate(json.loads(text))
					except ValueError:
						errs = ["not JSON"]
					for e in errs:
						print("%s:%d: %s" % (path, n, e))
						bad += 1
		return 1 if bad else 0
	if cmd == "check-sources":
		bad = 0
		for path in args:
			with open(path, encoding="utf-8") as fp:
				for n, text in enumerate(fp, 1):
					for m in RID.finditer(text):
						rid = m.group(1) or m.group(2)
						if rid not in REASONS:
							print("%s:%d: unknown reason id '%s'" % (path, n, rid))
							bad += 1
		return 1 if bad else 0
	if cmd in ("summary", "tables"):
		recs = []
		try:
			for path in args or ["-"]:
				fp = sys.stdin if path == "-" else open(path, encoding="utf-8")
				with fp:
					recs += read(fp, path)
		except (OSError, ValueError) as e:
			sys.stderr.write("mmprep.records: %s\n" % e)
			return 2
		if cmd == "tables":
			tables(recs, sys.stdout)
			return 0
		counts = {}
		for r in recs:
			counts[r.get("status")] = counts.get(r.get("status"), 0) + 1
		for st in sorted(counts, key=lambda x: (-counts[x], str(x))):
			print("%7d %s" % (counts[st], st))
		for r in recs:
			if r.get("status") not in DONE:
				print("%s:%s: %s: %s" % (r.get("file"), r.get("line"), r.get("function"),
							 r.get("reason")))
		return 0
	sys.stderr.write("mmprep.records: unknown command '%s' (see --help)\n" % cmd)
	return 2


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
