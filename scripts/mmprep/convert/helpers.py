# SPDX-License-Identifier: GPL-2.0
#
# mmprep.convert.helpers: helpers that take the VMA with their hooks.
#
# A hook that passes its VMA to a function of the tree (relay_mmap_buf(buf,
# vma), daxdev_mapping_supported(vma, dax_dev)) is declined by the semantic
# patch as vma-passed.  Upstream gave such a helper a descriptor form and
# moved every caller with it.  The planner here finds, for the hooks of a
# run declined so, the helpers they pass the VMA to (the hook's file, its
# folder, include/), their definitions (one per configuration, in one
# file) and every use of their names across the tree.  A group (the hooks
# and helpers that share helpers) can change when every use of a helper is
# a call, from a hook of the run or a helper of the group, that passes the
# caller's own VMA where the helper takes it; else the group is declined,
# naming the member that blocks.  mmprep-convert then runs the semantic
# patch with MMPREP_HELPERS over the group's files and keeps the result
# only if every member converts (driver.py, Run.helper_pass).

import os
import re

from mmprep import effects as E
from mmprep import index as IX

ID = r"[A-Za-z_]\w*"
_NAME_END = re.compile(r"(" + ID + r")\s*$")
_PAREN_END = re.compile(r"\)\s*$")
# Calls of the VMA that the semantic patch rewrites or declines by itself:
# never helpers to plan.
KNOWN = set("""
vm_flags_set vm_flags_clear vm_flags_mod file_accessed remap_pfn_range
io_remap_pfn_range vm_iomap_memory vm_map_pages vm_map_pages_zero
vm_insert_pages generic_file_mmap generic_file_readonly_mmap shmem_zero_setup
vma_set_anonymous vma_pages remap_vmalloc_range remap_vmalloc_range_partial
dma_mmap_coherent dma_mmap_wc dma_mmap_attrs dma_mmap_pages
dma_mmap_noncontiguous vm_insert_page vmf_insert_pfn vmf_insert_mixed
vm_insert_pfn find_vma vma_lookup zap_vma_ptes vma_kernel_pagesize
vm_flags_reset vm_flags_reset_once vm_flags_init vma_set_file vfs_mmap
call_mmap dma_buf_mmap vm_map_ram
""".split())
MAX_DEPTH = 3
KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "do", "else",
	    "case", "goto", "typeof", "__typeof__", "defined"}


def read(path):
	with open(path, encoding="utf-8", errors="surrogateescape") as fp:
		return fp.read()


def param_name(p):
	ids = re.findall(ID, re.sub(r"\[.*?\]", "", p))
	return ids[-1] if ids else None


def _before(pattern, code, k):
	"""pattern (anchored at its end) searched in the 512 characters before
	code[k]; first in the 64 before: a match there that does not start
	at that window's edge nor just after a word character is the one
	the wider search finds."""
	w = max(0, k - 64)
	m = pattern.search(code, w, k)
	if m and (w == 0 or (m.start() > w and not re.match(r"\w", code[m.start() - 1]))):
		return m
	return pattern.search(code, max(0, k - 512), k)


class Source:
	"""A file's text (comments blanked), its top-level functions and
	directive lines."""

	def __init__(self, path):
		self.path = path
		self.raw = read(path)
		self.text = E.strip(self.raw)
		self.directive = set()
		cont = False
		for n, line in enumerate(self.text.split("\n"), 1):
			if cont or re.match(r"[ \t]*#", line):
				self.directive.add(n)
				cont = line.endswith("\\")
			else:
				cont = False
		code = "\n".join(" " * len(l) if n in self.directive else l
				 for n, l in enumerate(self.text.split("\n"), 1))
		self.funcs = []
		# Only the braces count: the walk goes from one to the next.
		braces = [(m.start(), m.group(0)) for m in re.finditer(r"[{}]", code)]
		kinds = [c for _, c in braces]
		d = 0
		b = 0
		while b < len(braces):
			i, c = braces[b]
			if c == "{":
				if d == 0:
					f = self._func_at(code, i)
					if f is not None:
						b = E.match_close(kinds, b, "{", "}")
						if b >= len(braces):
							break
						f["close"] = braces[b][0]
						self.funcs.append(f)
						b += 1
						continue
				d += 1
			else:
				d = max(0, d - 1)
			b += 1

	def line_of(self, off):
		return self.text.count("\n", 0, off) + 1

	def _func_at(self, code, i):
		"""The function whose body opens at code[i] ("{"), or None."""
		j = i - 1
		# attributes after the parameters: __acquires(x), __must_hold(x)
		while True:
			while j >= 0 and code[j].isspace():
				j -= 1
			if j < 0 or code[j] != ")":
				return None
			k = E.match_open(code, j)
			if k < 0:
				return None
			# (the name just before: searched in a window, not in all
			# of code[:k], which made a file's scan quadratic)
			m = _before(_NAME_END, code, k)
			if not m:
				return None
			if m.group(1).startswith("__") and _before(_PAREN_END, code, m.start()):
				j = m.start() - 1
				continue
			break
		name = m.group(1)
		if name in KEYWORDS:
			return None
		h = max(code.rfind(";", 0, m.start()), code.rfind("}", 0, m.start()))
		head = code[h + 1:m.start()]
		if "=" in head or not head.strip():
			return None
		return {"name": name, "off": m.start(), "line": self.line_of(m.start()),
			"params": E.split_text(code[k + 1:j]), "head": head, "open": i,
			"static": re.search(r"\bstatic\b", head) is not None}

	def func_of(self, off):
		for f in self.funcs:
			if f["open"] < off < f["close"]:
				return f
		return None

	def defs(self, name):
		return [f for f in self.funcs if f["name"] == name]

	def vma_index(self, f):
		"""The index of f's struct vm_area_struct * parameter, or None."""
		for i, p in enumerate(f["params"]):
			if re.match(r"(const\s+)?struct\s+vm_area_struct\s*\*\s*" + ID + r"$", p.strip()):
				return i
		return None

	def calls_with(self, f, var):
		"""(callee, index, offset) of the calls in f that pass var as an argument."""
		body = self.text[f["open"]:f["close"]]
		out = []
		for m in re.finditer(r"(?<![\w.>])(" + ID + r")\s*\(", body):
			if m.group(1) in KEYWORDS:
				continue
			o = f["open"] + m.end() - 1
			e = E.match_close(self.text, o)
			if e >= len(self.text):
				continue
			for i, a in enumerate(E.split_text(self.text[o + 1:e])):
				if a == var:
					out.append((m.group(1), i, f["open"] + m.start()))
		return out


class Planner:
	"""The helper groups of a run's vma-passed hooks."""

	def __init__(self, root, cwd, hooks, declined):
		"""hooks: {(file, function)} declined as vma-passed; declined:
		{(file, function): record} of every hook of the run that is not
		converted (files relative to cwd)."""
		self.root = root
		self.cwd = cwd
		self.hooks = hooks
		self.declined = declined
		self.tree = E.Tree(root if os.path.isdir(os.path.join(root, "include")) else None)
		self.sources = {}
		self.helpers = {}	# name -> {"file", "defs", "vma", "const", "bad"}
		self.edges = {}		# member (file, function) -> set of helper names
		self.where = {}		# member -> (file, line)

	def src(self, rel):
		s = self.sources.get(rel)
		if s is None:
			s = Source(self.abs(rel))
			self.sources[rel] = s
		return s

	def abs(self, rel):
		return rel if os.path.isabs(rel) else os.path.join(self.cwd, rel)

	def rel(self, path):
		path = os.path.abspath(path)
		if path.startswith(self.cwd + "/"):
			return path[len(self.cwd) + 1:]
		return path

	def places(self, name, near):
		"""Where a definition of name may be: near, its folder, include/."""
		return [self.rel(p) for p in self.tree._places(name, self.abs(near))]

	def find(self, name, near):
		"""(file, [definitions]) of a function that takes a VMA, or None."""
		for p in self.places(name, near):
			if not p.endswith((".c", ".h")) or not os.path.isfile(self.abs(p)):
				continue
			# a file that does not name it is not parsed
			if name not in (self.tree.raw(self.abs(p)) or ""):
				continue
			try:
				s = self.src(p)
			except OSError:
				continue
			ds = s.defs(name)
			if ds:
				return p, ds
		return None

	def callees(self, member, f, s):
		"""The helpers member (definition f in s) passes its VMA to."""
		vi = s.vma_index(f)
		if vi is None:
			return []
		var = param_name(f["params"][vi])
		out = []
		for callee, idx, off in s.calls_with(f, var):
			if callee in KNOWN or callee == f["name"] or callee.startswith("vma_desc"):
				continue
			out.append((callee, idx, off))
		return out

	def plan(self):
		"""Groups: [{"hooks": [(file, fn)], "helpers": [names], "name",
		"bad": None or (reason_id, text, blocking member, where)}]."""
		todo = []
		for k in sorted(self.hooks):
			s = self.src(k[0])
			fs = s.defs(k[1])
			if len(fs) != 1:
				continue
			self.where[k] = (k[0], fs[0]["line"])
			todo.append((k, fs[0], s, 0))
		while todo:
			k, f, s, depth = todo.pop(0)
			for callee, idx, off in self.callees(k, f, s):
				if callee in self.helpers:
					self.edges.setdefault(k, set()).add(callee)
					continue
				found = self.find(callee, k[0])
				if found is None:
					continue
				hf, ds = found
				hs = self.src(hf)
				h = {"file": hf, "defs": ds, "vma": hs.vma_index(ds[0]), "bad": None,
				     "line": ds[0]["line"], "depth": depth + 1}
				# an mmap implementation of its own (a file and a VMA)
				# is not a helper
				if h["vma"] is None or (len(ds[0]["params"]) == 2 and re.match(
						r"(const\s+)?struct\s+file\s*\*", ds[0]["params"][0].strip())):
					continue
				self.helpers[callee] = h
				self.edges.setdefault(k, set()).add(callee)
				self.where[(hf, callee)] = (hf, ds[0]["line"])
				h["bad"] = self.check_defs(callee, h, hs)
				if depth + 1 < MAX_DEPTH and h["bad"] is None:
					for d in ds:
						todo.append(((hf, callee), d, hs, depth + 1))
		self.check_uses()
		return self.groups()

	def check_defs(self, name, h, hs):
		if h["file"].startswith("/"):
			return ("helper-definition", ", which cannot change with its callers: it is "
				"defined in %s, outside the current folder (run from the top of the tree)" %
				h["file"], (h["file"], name), h["line"])
		for d in h["defs"]:
			if hs.vma_index(d) != h["vma"] or len(d["params"]) != len(h["defs"][0]["params"]):
				return ("helper-definition", ", which cannot change with its callers: its "
					"definitions at %s:%d and %s:%d differ" % (
					h["file"], h["line"], h["file"], d["line"]), (h["file"], name), d["line"])
			if not d["static"]:
				return ("helper-definition", ", which cannot change with its callers: "
					"%s:%d is not static" % (h["file"], d["line"]), (h["file"], name), d["line"])
		v = param_name(h["defs"][0]["params"][h["vma"]])
		h["const"] = all(self.only_reads(hs, d, param_name(d["params"][h["vma"]]) or v)
				 for d in h["defs"])
		return None

	@staticmethod
	def only_reads(s, f, v):
		body = s.text[f["open"]:f["close"]]
		w = re.escape(v)
		if re.search(r"\b" + w + r"\s*->\s*\w+\s*(=(?!=)|\|=|&=|\+=|-=|\^=|\+\+|--)", body):
			return False
		if re.search(r"&\s*" + w + r"\s*->", body):
			return False
		for m in re.finditer(r"(" + ID + r")\s*\(([^;]*)", body):
			if m.group(1) in ("is_nommu_shared_mapping", "is_cow_mapping", "vma_pages",
					  "file_inode") or m.group(1) in KEYWORDS:
				continue
			if re.search(r"(^|[(,\s])" + w + r"\s*[,)]", m.group(2)):
				return False
		return True

	def check_uses(self):
		"""Every use of a helper's name: a call from a member that passes
		its own VMA where the helper takes it."""
		# (a helper that is already blocked needs no look at its uses)
		names = sorted(n for n, h in self.helpers.items() if h["bad"] is None)
		if not names:
			return
		files = sorted(set(IX.files_naming(names, [self.root])), key=os.fsencode)
		members = set(self.edges) | set((h["file"], n) for n, h in self.helpers.items())
		for path in files:
			rel = self.rel(path)
			try:
				s = self.src(rel)
			except OSError:
				continue
			for name in names:
				h = self.helpers[name]
				if h["bad"] is not None:
					continue
				for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?!\w)", s.text):
					bad = self.use_bad(s, rel, name, h, m, members)
					if bad:
						h["bad"] = bad
						break

	def use_bad(self, s, rel, name, h, m, members):
		line = s.line_of(m.start())
		if rel == h["file"] and any(d["off"] == m.start() for d in h["defs"]):
			return None
		f = s.func_of(m.start())
		where = "%s:%d" % (rel, line)
		code = " ".join(s.raw.split("\n")[line - 1].split())
		if line in s.directive or f is None:
			return ("helper-caller", ", whose use at %s is not converted in this run: '%s'" % (
				where, code), (rel, ""), line)
		caller = "%s (%s)" % (f["name"], where)
		k = (rel, f["name"])
		rest = s.text[m.end():]
		if not re.match(r"\s*\(", rest):
			return ("helper-caller", ", whose use in %s is not converted in this run: '%s'" % (
				caller, code), k, line)
		if k not in members:
			r = self.declined.get(k)
			if r is not None:
				return ("helper-caller", ", whose caller %s is not converted in this run: %s" % (
					caller, r.get("reason")), k, line)
			return ("helper-caller", ", whose caller %s is not converted in this run: "
				"it is not a hook of the run" % caller, k, line)
		o = m.end() + len(rest) - len(rest.lstrip())
		e = E.match_close(s.text, o)
		args = E.split_text(s.text[o + 1:e]) if e < len(s.text) else []
		vi = s.vma_index(f)
		var = param_name(f["params"][vi]) if vi is not None else None
		if var is None or h["vma"] >= len(args) or args[h["vma"]] != var:
			return ("helper-caller", ", whose caller %s is not converted in this run: "
				"it does not pass its own VMA" % caller, k, line)
		return None

	def groups(self):
		"""Connected hooks and helpers."""
		parent = {}

		def find(x):
			while parent.setdefault(x, x) != x:
				x = parent[x]
			return x
		for k, hs in self.edges.items():
			for n in hs:
				parent[find(("h", n))] = find(("m", k))
				h = self.helpers[n]
				parent[find(("m", (h["file"], n)))] = find(("h", n))
		comps = {}
		for x in list(parent):
			comps.setdefault(find(x), []).append(x)
		out = []
		for xs in comps.values():
			hooks = sorted(set(x[1] for x in xs if x[0] == "m" and x[1] in self.hooks))
			names = sorted(set(x[1] for x in xs if x[0] == "h"))
			if not hooks or not names:
				continue
			first = min(names, key=lambda n: (self.helpers[n]["depth"], n))
			bad = None
			for n in sorted(names, key=lambda n: (self.helpers[n]["depth"], n)):
				if self.helpers[n]["bad"] is not None:
					bad = (n,) + self.helpers[n]["bad"]
					break
			out.append({"hooks": hooks, "helpers": names, "name": first, "bad": bad})
		out.sort(key=lambda g: g["name"])
		return out

	def helper_effects(self, names):
		"""The effects of the helpers' callees (mmprep.effects), as
		file_effects gives them for hooks."""
		return helper_effects(self.tree, self.helper_defs(names))

	def helper_defs(self, names):
		"""(name, the absolute path of its file) of the helpers names."""
		return [(n, os.path.abspath(self.abs(self.helpers[n]["file"]))) for n in names]


def helper_effects(tree, defs):
	"""Planner.helper_effects() for defs, (name, absolute path) of each
	helper, with the definitions of the mmprep.effects.Tree tree."""
	an = E.Analyzer(tree)
	out = {"functions": {}, "calls": {}, "hooks": {}}
	for n, path in defs:
		s = tree.source(path)
		if s is None or n not in s.funcs:
			continue
		toks = E.tokens(s.funcs[n]["body"])
		for i in range(len(toks) - 1):
			t = toks[i]
			if re.match(ID + "$", t) and toks[i + 1] == "(" and t not in E.KEYWORDS and \
			   (i == 0 or toks[i - 1] not in ("->", ".")) and t not in out["functions"]:
				out["functions"][t] = E.summarize(an.effects_of(t, s.path, [], 1))
		effs = E.analyze(toks, s.path, an, 1)
		locks = [e for e in effs if e[0] in ("lock", "unlock")]
		out["hooks"][n] = {"locks": "balanced" if not locks else "%s %s on some way out" % (
			"takes" if locks[0][0] == "lock" else "releases", locks[0][1]),
			"close_counts": []}
	return out


def fix_kdoc(data, name, vma):
	"""The kernel-doc above each converted definition of helper name: its
	@vma: line describes the descriptor (data: the file's bytes)."""
	lines = data.decode("utf-8", "surrogateescape").split("\n")
	sig = re.compile(r"(^|[^\w])" + re.escape(name) + r"\s*\(")
	param = re.compile(r"^([ \t]*\*[ \t]*)@" + re.escape(vma) + r":")
	cont = re.compile(r"^[ \t]*\*(\t|   )[ \t]*[^@ \t]")
	drop = set()
	for i, s in enumerate(lines):
		if not sig.search(s) or s.rstrip().endswith(";"):
			continue
		j = i - 1
		if j >= 0 and not lines[j].strip().endswith("*/") and re.match(r"^[a-z]", lines[j]) and \
		   ";" not in lines[j]:
			j -= 1
		if j < 0 or not lines[j].strip().endswith("*/"):
			continue
		k = j
		while k >= 0 and "/**" not in lines[k]:
			k -= 1
		for m in range(max(k, 0), j):
			p = param.match(lines[m])
			if p:
				lines[m] = p.group(1) + "@desc: the mapping being set up"
				n = m + 1
				while n < j and cont.match(lines[n]):
					drop.add(n)
					n += 1
	out = [s for i, s in enumerate(lines) if i not in drop]
	return "\n".join(out).encode("utf-8", "surrogateescape")
