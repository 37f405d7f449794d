# SPDX-License-Identifier: GPL-2.0
"""The tree index of one converter run: for the function names a run asks
about, where each is defined and declared, who calls it, which ops tables
bind it, whether it takes a struct vm_area_struct *.

Why a search and a small reader, not an indexer: a run asks about a
handful of names (the hooks that the first spatch pass could not decide
alone), and it needs more than an indexer gives.  Universal Ctags (which
effects.py uses on include/) knows definitions and prototypes but not the
calls nor the ops-table entries, and tagging the whole 6.12 tree means
parsing every file, so it would need a cache kept in step with the files.
One search (rg -lw, or grep -rlIw) for all the names of a run lists the
files that name them in well under a second on the whole 6.12 tree with
ripgrep (GNU grep: 0.9 s for four names, 2.5 s for fourteen; no cache
needed: nothing is kept between runs, so nothing goes stale), and the
reader below classifies each use in those few files: definition (static
or not, with its parameters), prototype (one or several lines), ops-table
entry (the struct type, the field, in an array or not), EXPORT_SYMBOL*(),
call, anything else (a macro, an address taken, an assignment).  Comments and
strings are blanked first, so a name in a comment is no use.
"""

import os
import re
import shutil
import subprocess

from mmprep import effects as E

WORDC = "A-Za-z0-9_"
# The searches over the tree use ripgrep when it is installed: it matches an
# alternation of names with a literal prefilter and reads files on every
# core (0.4 s against GNU grep's 2.5 s for 14 helper names over the 6.12
# tree).  grep is the fallback, in the C locale: the names are ASCII, and
# it matches a -w alternation about twice as fast there as in a UTF-8
# locale.  Either way binary files are left out, and so is nothing else
# (rg: --no-ignore --hidden, as grep -r reads them all).
# MMPREP_SEARCH=grep picks grep even so.
RG = shutil.which("rg") if os.environ.get("MMPREP_SEARCH", "rg") != "grep" else None
GREP_ENV = dict(os.environ, LC_ALL="C")


def grep(args):
	"""Start grep ARGS (a missing match is no error): the process, its
	output on .stdout."""
	return subprocess.Popen(["grep"] + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
				env=GREP_ENV)


def _search(pattern, roots, exts, word):
	if RG:
		# (rg's -w counts a non-ASCII letter as a word character: a
		# name glued to one, in a comment, is not a use anyway)
		cmd = [RG, "-l" + ("w" if word else ""), "--no-ignore", "--hidden", "--no-messages"]
		cmd += [a for e in exts for a in ("-g", "*" + e)]
		return subprocess.Popen(cmd + ["-e", pattern, "--"] + list(roots),
					stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
	return grep(["-rlIE" + ("w" if word else "")] + ["--include=*" + e for e in exts] +
		    ["-e", pattern, "--"] + list(roots))


def find_files(*queries):
	"""For each query (pattern, roots, exts, word): the files under the
	folders roots whose name ends with one of exts and that have a line
	matching the extended regular expression pattern (as whole words
	with word true).  The searches run side by side; one list each, in
	no set order."""
	procs = [_search(*q) for q in queries]
	out = []
	for p in procs:
		data = p.communicate()[0]
		out.append([l for l in os.fsdecode(data).split("\n") if l])
	return out


def files_naming(names, roots, word=True):
	"""The .c and .h files under roots that name one of names."""
	return find_files(("|".join(re.escape(n) for n in names), roots, (".c", ".h"), word))[0]


KEYWORDS = {"return", "else", "case", "goto", "sizeof", "do", "if", "while", "for",
	    "switch", "typeof", "__typeof__"}


class Use:
	"""One use of a name: kind is definition, prototype, ops, export, call
	or other."""

	def __init__(self, path, line, kind, text, **kw):
		self.path = path
		self.line = line
		self.kind = kind
		self.text = text	# the source line, its blanks squeezed
		self.static = kw.get("static", False)
		self.params = kw.get("params")	# definition, prototype: the text
		self.struct = kw.get("struct")	# ops: the initialised struct type
		self.field = kw.get("field")	# ops: the member
		self.array = kw.get("array", False)

	def __repr__(self):
		return "%s:%d: %s" % (self.path, self.line, self.kind)


# What blank() turns into spaces: a comment, or a string or character
# constant up to its closing quote, the end of its line or of the text (a
# backslash takes the next character with it, a newline too).
_LEXEME = re.compile(r'/\*.*?(?:\*/|\Z)|//[^\n]*|(["\'])(?:\\.|(?!\1)[^\\\n])*(?:\1|\n|\\?\Z)',
		     re.S)


# the start of a preprocessor line
_PP = re.compile(r"^[^\S\n]*#", re.M)


def _spaced(t):
	if "\n" not in t:
		return " " * len(t)
	return "\n".join(" " * len(l) for l in t.split("\n"))


def _spaces(m):
	t = m.group(0)
	if m.group(1) is None:
		return _spaced(t)
	if len(t) <= 2:
		return t
	return t[0] + _spaced(t[1:-1]) + t[-1]


def blank(text):
	"""text with comments, strings and character constants turned into
	spaces (newlines kept, so offsets and lines do not move)."""
	return _LEXEME.sub(_spaces, text)


def close_paren(text, i):
	"""The offset after the parenthesis closing the one at i, or None."""
	depth = 0
	for j in range(i, len(text)):
		if text[j] == "(":
			depth += 1
		elif text[j] == ")":
			depth -= 1
			if depth == 0:
				return j + 1
	return None


def hook_signature(params):
	"""Whether a parameter list is (struct file *, struct vm_area_struct *)."""
	ps = E.split_text(params or "")
	return len(ps) == 2 and re.match(r"(const\s+)?struct\s+file\s*\*", ps[0]) is not None and \
		re.match(r"struct\s+vm_area_struct\s*\*", ps[1]) is not None


class FileReader:
	"""The uses of some names in one file."""

	def __init__(self, path, text):
		self.path = path
		self.text = text
		self.code = blank(text)
		self.lines = text.split("\n")
		self.starts = [0]
		for l in self.lines:
			self.starts.append(self.starts[-1] + len(l) + 1)
		# the offsets of the braces open at each '{', for ops tables
		self._braces = None
		# preprocessor lines (with their continuations)
		self.pp = set()
		code = self.code.split("\n")
		for m in _PP.finditer(self.code):
			i = self.line_of(m.start())
			self.pp.add(i)
			while code[i - 1].endswith("\\") and i < len(code):
				i += 1
				self.pp.add(i)

	def line_of(self, off):
		lo, hi = 0, len(self.starts) - 1
		while lo < hi:
			mid = (lo + hi + 1) // 2
			if self.starts[mid] <= off:
				lo = mid
			else:
				hi = mid - 1
		return lo + 1

	def src(self, line):
		return " ".join(self.lines[line - 1].split())

	def open_braces(self, off):
		"""Offsets of the '{' still open at off, outermost first."""
		if self._braces is None:
			self._braces = []
			stack = []
			for m in re.finditer(r"[{}]", self.code):
				if m.group() == "{":
					stack.append(m.start())
				elif stack:
					self._braces.append((stack[-1], m.start(), len(stack)))
					stack.pop()
		opened = sorted((o, d) for o, c, d in self._braces if o < off < c)
		return [o for o, _ in opened]

	def statement_start(self, off):
		"""The offset after the last ; { } before off, preprocessor lines
		skipped."""
		i = off - 1
		while i >= 0:
			c = self.code[i]
			if c in ";{}":
				return i + 1
			if c == "\n" and self.line_of(i) in self.pp:
				return i + 1
			i -= 1
		return 0

	def uses(self, name):
		res = []
		for m in re.finditer(r"(?<![%s])%s(?![%s])" % (WORDC, re.escape(name), WORDC), self.code):
			res.append(self.classify(name, m.start(), m.end()))
		return res

	def classify(self, name, s, e):
		line = self.line_of(s)
		code = self.code
		text = self.src(line)
		if line in self.pp:
			return Use(self.path, line, "other", text)
		before = code[self.statement_start(s):s]
		if re.search(r"EXPORT_SYMBOL\w*\s*\(\s*$", before):
			return Use(self.path, line, "export", text)
		after = code[e:]
		mf = re.search(r"\.\s*([A-Za-z_]\w*)\s*=\s*$", code[max(0, s - 200):s])
		if mf and re.match(r"\s*[,}]", after):
			opened = self.open_braces(s)
			struct, array = None, False
			if opened:
				head = code[self.statement_start(opened[0]):opened[0]]
				mh = re.search(r"struct\s+(\w+)\s+(?:__\w+\s+)*\w+\s*(\[[^\]]*\])?\s*(?:__\w+(?:\([^)]*\))?\s*)*=\s*$",
					       head)
				if mh:
					struct = mh.group(1)
					array = bool(mh.group(2)) or len(opened) > 1
			return Use(self.path, line, "ops", text, struct=struct, field=mf.group(1),
				   array=array)
		mp = re.match(r"\s*\(", after)
		if mp:
			end = close_paren(code, e + mp.end() - 1)
			params = code[e + mp.end():end - 1] if end else None
			words = before.split()
			decl = bool(words) and all(re.fullmatch(r"[A-Za-z_]\w*|\*+", w) for w in words) and \
				not (set(words) & KEYWORDS) and \
				not re.search(r"[=(),?:!&|+<>-]", before)
			rest = code[end:end + 200] if end else ""
			static = "static" in words
			if decl and re.match(r"\s*(__\w+(\([^)]*\))?\s*)*;", rest):
				return Use(self.path, line, "prototype", text, static=static, params=params)
			if decl and re.match(r"\s*(__\w+(\([^)]*\))?\s*)*\{", rest):
				return Use(self.path, line, "definition", text, static=static, params=params)
			return Use(self.path, line, "call", text)
		return Use(self.path, line, "other", text)


class Index:
	"""The uses of names across a tree, built once per run: one search for
	all the names, then each file that names one read once."""

	def __init__(self, root, names, grep_paths=None, files=None):
		"""files, when given, are those under root that name one of names
		(more is no harm: each is read and searched again)."""
		self.root = root
		self.names = sorted(set(names))
		self.by_name = {n: [] for n in self.names}
		if not self.names:
			return
		if files is None:
			files = files_naming(self.names, grep_paths or [root])
		files = sorted(set(files), key=os.fsencode)
		for path in files:
			try:
				with open(path, encoding="utf-8", errors="surrogateescape") as fp:
					text = fp.read()
			except OSError:
				continue
			fr = FileReader(path, text)
			for n in self.names:
				if re.search(r"(?<![%s])%s(?![%s])" % (WORDC, re.escape(n), WORDC), text):
					self.by_name[n] += fr.uses(n)

	def uses(self, name):
		return self.by_name.get(name, [])

	def definitions(self, name, static=None):
		return [u for u in self.uses(name) if u.kind == "definition" and
			(static is None or u.static == static)]

	def prototypes(self, name):
		return [u for u in self.uses(name) if u.kind == "prototype"]

	def calls(self, name):
		return [u for u in self.uses(name) if u.kind == "call"]

	def bindings(self, name):
		return [u for u in self.uses(name) if u.kind == "ops"]

	def takes_vma(self, name):
		"""Whether a definition or prototype of name has a parameter of type
		struct vm_area_struct * (None when neither is in the tree)."""
		seen = [u for u in self.uses(name) if u.kind in ("definition", "prototype")]
		if not seen:
			return None
		return any(re.search(r"struct\s+vm_area_struct\s*\*", p)
			   for u in seen for p in E.split_text(u.params or ""))
