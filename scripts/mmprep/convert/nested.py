# SPDX-License-Identifier: GPL-2.0
#
# mmprep.convert.nested: find the driver-private nested mmap hooks of a
# kernel tree for mmprep-convert (family 7), and re-type their declarators.
#
# A nested hook type is a member "int (*m)(struct S *, struct
# vm_area_struct *)" of struct S itself (uio_info.mmap,
# vmbus_channel.mmap_ring_buffer): an outer .mmap calls it as
# E->m(E, vma).  Converting one means changing, together, the member's
# type, every function pointer of that type (parameters that carry an
# implementation to the member), every implementation, and every outer
# call (bridged through compat_set_desc_from_vma() + __compat_vma_mmap()).
#
# Usage (python3 -m mmprep.convert.nested, with scripts/ on PYTHONPATH):
#   nested plan ROOT SCOPE         print one JSON object per nested hook
#                                  type with an implementation or an outer
#                                  call in SCOPE (a file of paths, one per
#                                  line, relative to the current folder)
#   nested retype FILE S...        rewrite in FILE the declarators of type
#                                  int (*)(struct S *, struct vm_area_struct *)
#                                  to take struct vm_area_desc *desc instead
#
# Paths in the plan are relative to the current folder; "bad" names the
# first reason the type cannot be converted (null when it can).

import json
import os
import re
import subprocess
import sys

from mmprep import index as IX

ID = r"[A-Za-z_][A-Za-z_0-9]*"
OPTID = r"(?:" + ID + r")?"
MEMBER = re.compile(r"\(\s*\*\s*(" + ID + r")\s*\)\s*\(\s*struct\s+(" + ID +
		    r")\s*\*\s*" + OPTID + r"\s*,\s*struct\s+vm_area_struct\s*\*\s*" +
		    OPTID + r"\s*\)\s*;")


# White space, also across the " * " of a comment's next line (kernel-doc
# that spells the type out).
SP = r"(?:\s|\n[ \t]*\*(?![/)]))*"


def declarator(s):
	"""Function pointers to int (*)(struct S *, struct vm_area_struct *)."""
	return re.compile(r"(\(\s*\*\s*" + ID + r"\s*\)\s*\(\s*struct\s+" + s +
			  r"\s*\*\s*" + OPTID + r"\s*," + SP + r")(struct\s+vm_area_struct\s*\*\s*" +
			  OPTID + r")(\s*\))")


def implementation(s):
	return re.compile(r"(?:^|\n)(?:static\s+)?(?:inline\s+)?int\s+(" + ID +
			  r")\s*\(\s*struct\s+" + s + r"\s*\*\s*" + ID +
			  r"\s*,\s*struct\s+vm_area_struct\s*\*\s*" + ID + r"\s*\)\s*\{")


def read(path):
	with open(path, encoding="utf-8", errors="surrogateescape") as fp:
		return fp.read()


def enclosing_structs(text, pos):
	"""Names of the structs around text[pos], innermost first."""
	names = []
	depth = 0
	for i in range(pos - 1, -1, -1):
		c = text[i]
		if c == "}":
			depth += 1
		elif c == "{":
			if depth:
				depth -= 1
				continue
			m = re.search(r"struct\s+(" + ID + r")\s*$", text[max(0, i - 200):i])
			if m:
				names.append(m.group(1))
	return names


def enclosing_function(text, pos):
	"""The name before the "(" that opens the parameter list around pos."""
	depth = 0
	for i in range(pos - 1, -1, -1):
		c = text[i]
		if c == ")":
			depth += 1
		elif c == "(":
			if depth:
				depth -= 1
				continue
			m = re.search(r"(" + ID + r")\s*$", text[max(0, i - 200):i])
			return m.group(1) if m else None
	return None


def rel(path, cwd):
	r = os.path.relpath(path, cwd)
	return None if r.startswith("..") else r


def in_scope(path, scope):
	for s in scope:
		s = os.path.normpath(s)
		if s == "." or path == s or path.startswith(s + "/"):
			return True
	return False


def line_of(text, pos):
	return text.count("\n", 0, pos) + 1


def plan(root, paths):
	"""The groups (one dict per nested hook type) in reach of paths."""
	cwd = os.getcwd()
	scope = [rel(os.path.abspath(p), cwd) or p for p in paths if p]
	# Everything but the uses of an implementation's name is in files
	# that name vm_area_struct: one pass over the tree, then in memory.
	texts = {}
	for path in IX.files_naming(["vm_area_struct"], [root]):
		texts[path] = read(path)
	types = {}
	for path in sorted(texts):
		text = texts[path]
		for m in MEMBER.finditer(text):
			member, s = m.group(1), m.group(2)
			structs = enclosing_structs(text, m.start())
			if not structs or structs[0] != s:
				continue
			t = types.setdefault((s, member), {"decl": []})
			t["decl"].append((path, line_of(text, m.start())))
	found = [scan(texts, s, member, t) for (s, member), t in sorted(types.items())]
	# One more pass over the tree for the uses of every candidate.
	names = sorted(set(n for f in found for n in f["impl"]))
	uses = []
	if names:
		# GNU grep is slow with many -w patterns: the files first, with
		# one alternation, then their lines.
		hits = sorted(IX.files_naming(names, [root], word=False), key=os.fsencode)
		args = ["grep", "-nwHI"]
		for n in names:
			args += ["-e", n]
		if hits:
			res = subprocess.run(args + ["--"] + hits, stdout=subprocess.PIPE,
					     stderr=subprocess.DEVNULL, env=IX.GREP_ENV, encoding="utf-8",
					     errors="surrogateescape", check=False)
			uses = [h.split(":", 2) for h in res.stdout.splitlines()]
	groups = []
	for f in found:
		group = examine(cwd, scope, f, uses)
		if group:
			groups.append(group)
	return groups


def scan(texts, s, member, t):
	"""The files, candidate implementations, outer calls and carriers of
	the type s.member."""
	files = set(f for f, _ in t["decl"])
	impl = {}
	callers = []
	carriers = set()
	# Outer calls: E->m(E, ...) with the same E.
	call = re.compile(r"((?:" + ID + r"\s*(?:->|\.)\s*)*" + ID + r")\s*->\s*" +
			  member + r"\s*\(\s*([^,()]*?)\s*,\s*[^,()]+\)")
	quick = re.compile(r"->\s*" + member + r"\s*\(")
	decl = declarator(s)
	defn = implementation(s)
	tag = re.compile(r"struct\s+" + s + r"\s*\*")
	for path in sorted(texts):
		text = texts[path]
		if quick.search(text):
			for n, line in enumerate(text.split("\n"), 1):
				for m in call.finditer(line):
					if re.sub(r"\s", "", m.group(1)) == re.sub(r"\s", "", m.group(2)):
						callers.append((path, n))
						files.add(path)
		if not tag.search(text):
			continue
		# Implementations and function pointers of the type.
		for m in defn.finditer(text):
			impl.setdefault(m.group(1), (path, line_of(text, m.start(1))))
			files.add(path)
		for m in decl.finditer(text):
			files.add(path)
			fn = enclosing_function(text, m.start())
			if fn:
				carriers.add(fn)
	return {"s": s, "member": member, "files": files, "impl": impl,
		"callers": callers, "carriers": carriers}


def examine(cwd, scope, found, all_uses):
	"""The plan of one type, or None when nothing of it is in scope."""
	s, member = found["s"], found["member"]
	files, impl = found["files"], found["impl"]
	callers, carriers = found["callers"], found["carriers"]
	bad = None
	# Only a function whose name is taken as a value is an implementation
	# (a helper with the same signature that is only called is not).
	uses = [u for u in all_uses if len(u) == 3 and
		any(re.search(r"\b" + n + r"\b", u[2]) for n in impl)]
	if impl:
		taken = set()
		for path, line, text in uses:
			for n in impl:
				if re.search(r"\b" + n + r"\b(?!\s*\()", text) and \
				   not text.strip().startswith(("*", "/*", "//")):
					taken.add(n)
		impl = {n: v for n, v in impl.items() if n in taken}
	in_reach = any(in_scope(rel(p, cwd) or "", scope)
		       for p in [c[0] for c in callers] + [v[0] for v in impl.values()])
	if not impl or not in_reach:
		return None
	# Every use of an implementation must follow the rename: its
	# definition, a store into the member, an argument to a function that
	# takes the type, or a prototype.
	names = sorted(impl)
	for path, line, text in uses:
		code = text.strip()
		if code.startswith(("*", "/*", "//")):
			continue
		for n in names:
			if not re.search(r"\b" + n + r"\b", text):
				continue
			if (path, int(line)) == impl[n] or \
			   re.search(r"\b" + n + r"\s*\(\s*struct\s+" + s + r"\b", text) or \
			   re.search(r"(->|\.)\s*" + member + r"\s*=\s*" + n + r"\s*[;,]", text) or \
			   re.match(r"\s*\.\s*" + member + r"\s*=\s*" + n + r"\s*,?\s*$", text) or \
			   any(re.search(r"\b" + c + r"\s*\(.*\b" + n + r"\b\s*[,)](?!\s*\()", text)
			       for c in carriers):
				continue
			if bad is None:
				bad = "%s is used at %s:%s: '%s'" % (
					n, rel(path, cwd) or path, line, " ".join(code.split()))
	for p in sorted(files):
		if rel(p, cwd) is None and bad is None:
			bad = "%s is outside the current folder: run from the top of the tree" % p
	return {
		"type": "%s.%s" % (s, member), "struct": s, "member": member,
		"files": sorted(rel(p, cwd) or p for p in files),
		"impl": {n: {"file": rel(p, cwd) or p, "line": l}
			 for n, (p, l) in sorted(impl.items())},
		"callers": ["%s:%d" % (rel(p, cwd) or p, l) for p, l in sorted(callers)],
		"bad": bad,
	}


def retype(path, structs):
	text = read(path)
	new = text
	for s in structs:
		new = declarator(s).sub(lambda m: m.group(1) + "struct vm_area_desc *desc" +
					m.group(3), new)
	if new != text:
		tmp = path + ".retype"
		with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as fp:
			fp.write(new)
		os.replace(tmp, path)


def main(argv):
	if len(argv) == 4 and argv[1] == "plan":
		with open(argv[3], encoding="utf-8") as fp:
			paths = [l.strip() for l in fp if l.strip()]
		for group in plan(argv[2], paths):
			print(json.dumps(group, sort_keys=True))
	elif len(argv) >= 4 and argv[1] == "retype":
		retype(argv[2], argv[3:])
	else:
		sys.stderr.write("usage: nested plan ROOT SCOPE | retype FILE S...\n")
		return 2
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
