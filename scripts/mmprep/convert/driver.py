# SPDX-License-Identifier: GPL-2.0
"""mmprep-convert: turn f_op->mmap hooks into f_op->mmap_prepare hooks.

Usage: mmprep-convert [--diff | --in-place | --report | --json]
                      [--api=LEVEL] [-j N] [--timeout=SECONDS]
                      [--shard=I/N] [--cocci=FILE] PATH...

  --diff        print a unified diff (a/ and b/ paths relative to the
                current directory; apply with patch -p1 or git apply)
  --in-place    rewrite the files (each file is replaced atomically)
  --report      one line per hook not converted: file:line: function: reason
  --json        one JSON record per hook (converted, declined, error)
  --api=LEVEL   target kernel API level: 6.19, 7.0, 7.1 or 7.2 (default 7.2)
  -j N          parallel spatch processes (default: number of CPUs)
  --timeout=S   give up on a file after S seconds (default 120)
  --shard=I/N   only handle the I-th of N deterministic slices of the files
  --cocci=FILE  semantic patch to run, repeatable, each on the result of
                the last (default: cocci/all/mmap_prepare.cocci, every
                family in one pass, then cocci/action_hooks.cocci)
  --records=F   also write the JSON records to F, whatever the mode

A PATH is a file or a directory; directories are prefiltered so that only
files that bind an .mmap hook reach spatch.  The coccicheck words work too:
MODE=patch|report, J=N, V=1 and SPFLAGS=... in the environment.

Exit status: 0 when every file was handled (whether or not anything
changed), 1 when some file timed out or could not be processed (they are
listed), 2 on a usage error or a missing path.
"""

import concurrent.futures
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from mmprep import api as API
from mmprep import cli
from mmprep import effects as E
from mmprep import index as IX
from mmprep import records as R
from mmprep.convert import helpers as H
from mmprep.convert import nested as N
from mmprep.convert import touchups as T
from mmprep.convert.spatch import Item, Runner, State, NOISE, read_bytes

PROG = "mmprep-convert"
# the virtual rule of each API level: "7.1" -> api_7_1
LEVELS = {n: "api_" + n.replace(".", "_") for n in API.names()}
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


class Usage(Exception):
	"""A usage error: one line on stderr, exit 2."""


def die(msg):
	raise Usage(msg)


class Options:
	def __init__(self):
		self.mode = "diff"
		self.api = "7.2"
		self.jobs = os.environ.get("J") or str(os.cpu_count() or 1)
		self.timeout = "120"
		self.shard = None
		self.coccis = []
		self.verbose = os.environ.get("V", "0") or "0"
		self.records = None
		self.paths = []


def parse(argv):
	o = Options()
	mode = os.environ.get("MODE", "")
	if mode == "report":
		o.mode = "report"
	elif mode not in ("", "patch"):
		die("MODE=%s is not supported (patch or report)" % mode)
	i = 0
	while i < len(argv):
		a = argv[i]

		def need(what):
			if i + 1 >= len(argv):
				die(what)
			return argv[i + 1]
		if a == "--diff":
			o.mode = "diff"
		elif a == "--in-place":
			o.mode = "inplace"
		elif a == "--report":
			o.mode = "report"
		elif a == "--json":
			o.mode = "json"
		elif a.startswith("--api="):
			o.api = a[6:]
		elif a == "--api":
			o.api = need("--api needs a level")
			i += 1
		elif a == "-j":
			o.jobs = need("-j needs a number")
			i += 1
		elif a.startswith("-j"):
			o.jobs = a[2:]
		elif a.startswith("--jobs="):
			o.jobs = a[7:]
		elif a.startswith("--timeout="):
			o.timeout = a[10:]
		elif a.startswith("--shard="):
			o.shard = a[8:]
		elif a.startswith("--cocci="):
			o.coccis.append(a[8:])
		elif a.startswith("--records="):
			o.records = a[10:]
		elif a in ("-v", "--verbose"):
			o.verbose = "1"
		elif a in ("-h", "--help"):
			return None
		elif a == "--":
			o.paths += argv[i + 1:]
			break
		elif a.startswith("-"):
			die("unknown option '%s' (see --help)" % a)
		else:
			o.paths.append(a)
		i += 1
	if o.api not in LEVELS:
		die("unknown API level '%s' (%s)" % (o.api, API.listing()))
	if not re.fullmatch(r"[0-9]+", o.jobs) or int(o.jobs) == 0:
		die("-j takes a positive number, not '%s'" % o.jobs)
	o.jobs = int(o.jobs)
	if not re.fullmatch(r"[0-9]+", o.timeout) or int(o.timeout) == 0:
		die("--timeout takes a positive number of seconds")
	o.timeout = int(o.timeout)
	if o.shard is not None:
		try:
			o.shard = R.parse_shard(o.shard)
		except ValueError as e:
			die(str(e))
	if not o.paths:
		die("no PATH given (see --help)")
	if not o.coccis:
		o.coccis = [os.path.join(TOP, "cocci/all/mmap_prepare.cocci"),
			    os.path.join(TOP, "cocci/action_hooks.cocci")]
	for c in o.coccis:
		if not os.access(c, os.R_OK) or not os.path.isfile(c):
			die("cannot read semantic patch '%s'" % c)
	if shutil.which("spatch") is None:
		die("spatch not found (install coccinelle: scripts/setup-deps)")
	return o


def norm_path(p):
	p = re.sub(r"^\./", "", p)
	return re.sub(r"//+", "/", p)


# The start of a struct file_operations initialiser, as the semantic patch's
# hook rule matches it (an array of them too).
FOPS_INIT = re.compile(r"\bstruct\s+file_operations\s+\w[^;{}=]*=\s*\{")
MMAP_INIT = re.compile(r"\.\s*mmap\s*=")
FOP_MMAP = re.compile(r"->\s*f_op\s*->\s*mmap[^_a-z0-9]")
MMAP_BOUND = re.compile(r"\.\s*mmap\s*=\s*([A-Za-z_]\w*)\s*[,}]")
# hooks the semantic patch knows are defined elsewhere
GENERIC = ("generic_file_mmap", "generic_file_readonly_mmap")
# The reasons the semantic patch gives only when nothing else stands in
# the way of a hook (its verdict): with "not static" in the way, the main
# run would have declined the hook for that.
AFTER_STATIC = ("several-actions", "action-not-last", "vma-passed", "vma-use")


def binds_fops(path):
	"""Whether path has ".mmap =" inside a struct file_operations
	initialiser: a file whose only ".mmap =" are those of other ops
	(dma_buf_ops, snd_pcm_ops, ib_device_ops) gives spatch nothing to do.
	Comments are not looked at: one there only keeps the file in."""
	try:
		text = read_text(path)
	except OSError:
		return True
	for m in FOPS_INIT.finditer(text):
		o = m.end() - 1
		if MMAP_INIT.search(text, o, E.match_close(text, o, "{", "}") + 1):
			return True
	return False


def prefilter(paths):
	"""The files to examine: a hook is bound by an ".mmap =" initialiser of
	a struct file_operations; code on the 6.19-7.1 action API names
	success_hook or error_hook."""
	files = []
	for p in paths:
		if os.path.isdir(p):
			# R19: a test of ->f_op->mmap becomes can_mmap_file().
			hits, actions, fops = IX.find_files(
				(r"\.mmap[[:space:]]*=", [p], (".c",), False),
				("success_hook|error_hook", [p], (".c",), True),
				(r"->[[:space:]]*f_op[[:space:]]*->[[:space:]]*mmap[^_a-z0-9]", [p],
				 (".c",), False))
			files += [f for f in hits if binds_fops(f)] + actions + fops
		elif os.path.isfile(p):
			files.append(p)
		else:
			die("%s: no such file or directory" % p)
	return R.c_sorted(norm_path(f) for f in files)


def search_root():
	"""The top of the kernel tree around the current folder, or the folder."""
	d = os.getcwd()
	while d != "/":
		if os.path.isfile(os.path.join(d, "MAINTAINERS")) and os.path.isfile(os.path.join(d, "Kbuild")):
			return d
		d = os.path.dirname(d)
	return os.getcwd()


def read_text(path):
	with open(path, encoding="utf-8", errors="surrogateescape") as fp:
		return fp.read()


def split_lines(text):
	lines = text.split("\n")
	if lines and lines[-1] == "":
		lines.pop()
	return lines


WORD = r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])"
NESTED_QUICK = (r"struct\s+(?!file\b)\w+\s*\*\s*\w+\s*,\s*struct\s+vm_area_struct\s*\*\s*\w+\s*\)|"
		r"((?:\w+\s*(?:->|\.)\s*)*\w+)\s*->\s*\w+\s*\(\s*\1\s*,\s*\w+\s*\)")


# In the process of the callee effects: the tree, the analyzer and what it
# found so far (effects_job()).
_EFFECTS = {}


def effects_ready():
	"""Nothing: the process of the callee effects has its modules loaded."""
	return None


def helper_job(defs):
	"""In the process of the callee effects: the effects of the helpers
	defs (mmprep.convert.helpers.helper_effects()), or the error."""
	try:
		return H.helper_effects(_EFFECTS["tree"], defs), None
	except SystemExit as e:	# ctags missing or failing
		return None, str(e)


def effects_job(root, files, extra):
	"""In the process of the callee effects: add the effects of files (and
	of extra, hooks bound elsewhere) to those found so far, with the same
	analyzer (its memo depends on the order of the analyses).  Returns
	(effects so far, None), or (None, the error)."""
	try:
		if not _EFFECTS:
			tree = E.Tree(root)
			_EFFECTS.update(tree=tree, an=E.Analyzer(tree),
					out={"functions": {}, "calls": {}, "hooks": {}})
		for f in files:
			E.merge(_EFFECTS["out"], E.file_effects(f, _EFFECTS["tree"], _EFFECTS["an"], extra))
	except SystemExit as e:	# ctags missing or failing
		return None, str(e)
	return _EFFECTS["out"], None


class Background:
	"""fn() in a thread of its own.  A daemon: if this process stops, so
	does it (a spatch run it started gives up once the work folder is
	gone)."""

	def __init__(self, fn):
		self.failed = []

		def run():
			try:
				fn()
			except BaseException as e:	# given back by error()
				self.failed.append(e)
		self.thread = threading.Thread(target=run, daemon=True)
		self.thread.start()

	def error(self):
		"""Once fn() is done: what it raised, or None."""
		self.thread.join()
		return self.failed[0] if self.failed else None


class Run:
	"""One converter run: the files, their states, the passes."""

	def __init__(self, o):
		self.o = o
		self.work = tempfile.mkdtemp(prefix="mmprep-convert.", dir=os.environ.get("TMPDIR", "/tmp"))
		self.runner = Runner(self.work, LEVELS[o.api], o.jobs, o.timeout,
				     (os.environ.get("SPFLAGS") or "").split())
		self.numbers = {}	# path -> n
		self.paths = []		# n - 1 -> path
		self.states = {}	# n -> State
		self.global_flags = []
		self.cleared = set()	# hooks global_pass cleared for a rename
		self.ncocci = None
		for c in o.coccis:
			if c.endswith("/mmap_prepare.cocci") or c.endswith("/mmap_prepare_nested.cocci"):
				self.ncocci = c
		self.nplan = []
		self.nplan_error = None
		self.nplan_thread = None
		self.nested = None	# the nested pass under way (nested_start())
		# (file, function) -> the group of its record (R.make group=)
		self.groups = {}
		# hooks bound in other files than their definition: name -> the
		# definition (mmprep.index.Use), and the files binding them
		self.xdefs = {}
		self.xbinders = {}
		self.xlater = []	# what xfile_outcome() does after global_rerun()
		self.ahead = None	# the plan of global_ahead()
		self.again = None	# (Background, files, states, then) of global_after()
		self.bound = {}		# file -> the names its file_operations bind
		self.naming = {}	# hook -> the files naming it (global_search())
		self.searched = None	# (names, files naming one of them)
		self.nfiles = 0		# the files of the main run are 1 .. nfiles
		self.effects_of = None	# the process of effects_job()
		self.effects_root = None
		self.effects_pending = []	# its jobs under way
		self.effects_n = 0	# the effects files written so far
		self.effects_out = None	# what the last one holds

	def number(self, path):
		"""The number of path's results; a file not examined yet (a header,
		a file outside PATH) gets the next one, with no record and a clean
		exit until a run writes its own."""
		n = self.numbers.get(path)
		if n is None:
			n = len(self.paths) + 1
			self.numbers[path] = n
			self.paths.append(path)
			self.states[n] = State()
		return n

	def input_of(self, n, states=None):
		st = (self.states if states is None else states)[n]
		if st.out:
			p = os.path.join(self.work, "%d.out" % n)
			with open(p, "wb") as fp:
				fp.write(st.out)
			return p
		return self.paths[n - 1]

	def text_of(self, n, states=None):
		"""The text of file n as the passes so far left it."""
		st = (self.states if states is None else states)[n]
		if st.out:
			return st.out.decode("utf-8", "surrogateescape")
		return read_text(self.paths[n - 1])

	# -- the chain of semantic patches ---------------------------------
	def run_list(self, ns, flags=None, env=None, states=None):
		"""The chain of semantic patches over the files ns, each file going
		through the result of the one before (with flags and env, or
		global_flags and the runner's environment), into states (or
		self.states)."""
		if states is None:
			states = self.states
		for n in ns:
			states[n] = State()
		for cocci in self.o.coccis:
			cflags = list(self.global_flags if flags is None else flags)
			hooks = cocci.endswith("/action_hooks.cocci")
			if hooks:
				cflags = ["-D", "scan"]
			batch = []
			for n in ns:
				st = states[n]
				if st.rc != 0:
					continue
				# Only the files that name the fields need the action
				# hook rules; "scan" makes them read the whole text.
				if hooks and not re.search(WORD % "(success_hook|error_hook)",
							   self.text_of(n, states)):
					continue
				batch.append(Item(n, self.paths[n - 1], self.input_of(n, states)))
			self.runner.run(states, cocci, batch, cflags, env)

	# -- hooks that are not static ---------------------------------------
	def global_pass(self):
		"""A hook that is not static (or is exported) is converted only when
		the rest of the tree names it in ways that can follow the rename:
		ops-table entries and one-line prototypes.  The semantic patch
		declines such hooks (not-static, exported) when nothing else stands
		in the way; they are looked up across the tree (the kernel tree
		around the current folder, else the current folder), and the ones
		that are clear are converted again with MMPREP_GLOBAL naming them,
		first in their own files, then in the files that bind or declare
		them.  When global_ahead() planned them before the main run, this
		only finishes its plan (global_after())."""
		if self.ahead is not None:
			if self.ahead_holds():
				self.global_after()
				return
			self.ahead_undo()
		globs, xs = self.declined_globals()
		xok = self.xfile_plan(xs)
		if not globs and not xok:
			self.xfile_outcome(xok)
			return
		for fn, (deff, _) in xok.items():
			globs.add((fn, deff))
		globs = sorted(globs, key=lambda x: (os.fsencode(x[0]), os.fsencode(x[1])))
		clear, ok, bad = self.global_search(globs, xok)
		self.global_groups(globs, clear, ok)
		self.global_rerun(globs, clear, ok)
		self.xfile_outcome(xok)
		self.global_bad(globs, bad)

	def declined_globals(self):
		"""From the records: the hooks declined for not being static or for
		being exported, (function, file); the hooks bound to a function of
		another file, function -> the files binding it."""
		globs = set()
		xs = {}
		for n in range(1, len(self.paths) + 1):
			for r in self.states[n].records:
				if r.get("status") == "declined" and \
				   r.get("reason_id") in ("not-static", "exported"):
					globs.add((r["function"], r["file"]))
				elif r.get("status") == "declined" and \
				     r.get("reason_id") == "defined-elsewhere":
					xs.setdefault(r["function"], set()).add(r["file"])
		for fn, _ in globs:
			xs.pop(fn, None)	# bound beside its definition too: below
		xs.pop("NULL", None)	# ".mmap = NULL" in some configuration
		return globs, xs

	def global_search(self, globs, xok):
		"""Every use of the hooks of globs across the tree: the hooks that
		are clear (every other use an ops-table entry or a one-line
		prototype), the files that name each (name -> set), and for the
		others the first use in the way (name -> (file, line, code))."""
		own = {}
		for fn, f in globs:
			own[fn] = f
		names = R.c_sorted(own)
		root = search_root()
		cwd = os.getcwd()
		files = self.naming_files(names)
		word = re.compile(WORD % ("(?:" + "|".join(map(re.escape, names)) + ")"))
		hits = []
		for path in R.c_sorted(files):
			try:
				text = read_text(path)
			except OSError:
				continue
			for i, line in enumerate(text.split("\n"), 1):
				if word.search(line):
					hits.append((path, i, line))
		# A file with a static function of the same name means that one.
		shadow = set()
		for path, _, text in hits:
			for f in names:
				if re.search(r"^(static|.*[^A-Za-z0-9_]static)[^A-Za-z0-9_].*[^A-Za-z0-9_]" +
					     f + r"[ \t]*\(", text):
					shadow.add((f, path))
		for f in names:
			self.naming.setdefault(f, set())
		bad = {}
		ok = {}
		for path, line, text in hits:
			rel = path[len(cwd) + 1:] if path.startswith(cwd + "/") else path
			for f in names:
				if not re.search(WORD % f, text):
					continue
				self.naming[f].add(os.path.abspath(path))
				if rel == own[f] or (f, path) in shadow:
					continue
				if re.match(r"[ \t]*(\*|/\*|//)", text):
					continue
				if rel.startswith("/"):
					bad.setdefault(f, (rel, line, None))
					continue
				if re.search(r"^[ \t]*\.mmap[ \t]*=[ \t]*" + f + r"[ \t]*,?[ \t]*$", text) or \
				   (re.search(r"(^|[^A-Za-z0-9_])" + f + r"[ \t]*\(", text) and
				    "vm_area_struct" in text and re.search(r"\);[ \t]*$", text)):
					ok.setdefault(f, set()).add(rel)
					continue
				bad.setdefault(f, (rel, line, " ".join(text.split())))
		for fn, (_, files) in xok.items():
			bad.pop(fn, None)	# the tree index checked them
			ok[fn] = set(files)
		return [f for f in names if f not in bad], ok, bad

	def naming_files(self, names):
		"""The files of the tree that name one of names, as the search of
		global_ahead() found them when it looked for all of them, else
		from a search (a name as part of a longer one counts)."""
		if self.searched is not None and set(names) <= self.searched[0]:
			return self.searched[1]
		return IX.files_naming(R.c_sorted(set(names)), [search_root()], word=False)

	def global_groups(self, globs, clear, ok):
		"""A cleared hook changes with the files that bind or declare it."""
		for f in clear:
			for fn, path in globs:
				if fn == f:
					self.groups[(path, f)] = "hook:" + f
			for path in ok.get(f, ()):
				self.groups[(path, f)] = "hook:" + f

	def global_bad(self, globs, bad, keep=lambda p: True):
		"""Hooks that stay declined for not being static or for being
		exported say where they are used (in the files keep() takes)."""
		for f, (rel, line, code) in sorted(bad.items()):
			if code is None:
				where = "%s:%d uses it (outside the current folder: run from the top of the tree)" % (rel, line)
			else:
				where = "%s:%d uses it: '%s'" % (rel, line, code)
			for fn, path in globs:
				if fn != f or not keep(path):
					continue
				st = self.states[self.number(path)]
				for r in st.records:
					if r.get("function") == f and r.get("status") == "declined" and \
					   r.get("reason_id") in ("not-static", "exported"):
						r["reason"] = r["reason"].split(":", 1)[0] + " and " + where
						r["group"] = "hook:" + f

	# -- the same, planned before the main run -------------------------
	def bound_globals(self, files):
		"""What the semantic patch will find in files, read from their text:
		the hooks bound there and defined there not static (or exported),
		(function, file), and the hooks bound there and defined elsewhere,
		function -> files.  A guess that ahead_holds() checks against the
		records."""
		globs = set()
		xs = {}
		for f in files:
			try:
				text = read_text(f)
			except OSError:
				continue
			fr = IX.FileReader(f, text)
			code = fr.code
			names = set()
			for m in FOPS_INIT.finditer(code):
				o = m.end() - 1
				for b in MMAP_BOUND.finditer(code, o, E.match_close(code, o, "{", "}") + 1):
					names.add(b.group(1))
			if not names:
				continue
			self.bound[f] = names
			for fn in R.c_sorted(names - {"NULL"} - set(GENERIC)):
				uses = fr.uses(fn)
				defs = [u for u in uses if u.kind == "definition" and
					IX.hook_signature(u.params)]
				if not defs:
					xs.setdefault(fn, set()).add(f)
				elif any(not u.static for u in defs) or any(u.kind == "export" for u in uses):
					globs.add((fn, f))
		for fn, _ in globs:
			xs.pop(fn, None)
		return globs, xs

	def global_ahead(self, files):
		"""The global pass planned from the files and the tree index before
		the main run (bound_globals()), so that the main run converts the
		hooks that are not static, their bindings and their prototypes with
		everything else: each file goes through spatch once.  Returns the
		files the main run needs besides files (definitions elsewhere,
		headers with prototypes)."""
		if os.environ.get("MMPREP_AHEAD", "1") == "0" or not files:
			return []
		globs, xs = self.bound_globals(files)
		# One search of the tree for the names of both plans.
		names = set(xs) | set(fn for fn, _ in globs)
		if names:
			self.searched = (names, self.naming_files(names))
		xok = self.xfile_plan(xs)
		for fn, (deff, _) in xok.items():
			globs.add((fn, deff))
		clear, ok, bad = self.global_search(globs, xok) if globs else ([], {}, {})
		mine = set(f for fn, f in globs if fn in clear)
		renamed = R.c_sorted(set(p for f in clear for p in ok.get(f, ())))
		xdef = [f for f in clear if f in self.xdefs]
		# A file that both defines a hook and follows the rename of
		# another is planned after the main run, as before.
		if set(renamed) & mine or any(self.defines(p, xdef) for p in renamed):
			self.ahead_undo()
			return []
		self.ahead = {"globs": globs, "xs": xs, "xok": xok, "clear": clear, "ok": ok,
			      "bad": bad, "renamed": renamed, "xdef": xdef}
		if not clear:
			return []
		self.runner.env["MMPREP_GLOBAL"] = " ".join(clear) + " "
		self.global_flags = ["-D", "global"]
		if xdef:
			self.runner.env["MMPREP_XDEF"] = " ".join(xdef) + " "
			self.effects_more(R.c_sorted(f for fn, f in globs if fn in xdef), xdef,
					  wait=False)
		have = set(self.paths)
		return [p for p in R.c_sorted(mine | set(renamed)) if p not in have]

	def nothing_to_do(self, files):
		"""The files of a plan of global_ahead() that spatch would leave as
		they are with no record: they define no hook (no struct
		vm_area_struct), name no success_hook or error_hook, test no
		->f_op->mmap, and bind only hooks of other files that stay
		declined at their definition, where their one record is."""
		if self.ahead is None:
			return set()
		held = set(fn for fn in self.xdefs if fn not in self.ahead["xok"])
		out = set()
		for f in files:
			names = self.bound.get(f)
			if not names or not names <= held:
				continue
			text = read_text(f)
			if "vm_area_struct" in text or re.search(WORD % "(success_hook|error_hook)", text) or \
			   FOP_MMAP.search(text):
				continue
			out.add(f)
		return out

	def ahead_holds(self):
		"""Whether the semantic patch saw the hooks as bound_globals() did:
		every hook it declined for not being static (or for being exported,
		or for being defined elsewhere, unless no other file defines it)
		was planned and not cleared, every cleared hook was defined where
		planned, and the files that follow a rename only renamed it."""
		a = self.ahead
		clear = set(a["clear"])
		globs, xs = self.declined_globals()
		if any(fn in clear or (fn, f) not in a["globs"] for fn, f in globs):
			return False
		if any(fn in clear or (fn in a["xs"] and not fs <= a["xs"][fn]) for fn, fs in xs.items()):
			return False
		# A hook bound to a function that the index saw defined in the
		# same file but spatch did not (it did not parse): planned now,
		# as after the main run, unless its definition is elsewhere.
		rest = {fn: fs for fn, fs in xs.items() if fn not in a["xs"]}
		if rest and self.xfile_plan(rest):
			return False
		for fn, f in a["globs"]:
			if fn not in clear:
				continue
			recs = [r for r in self.states[self.number(f)].records if r.get("function") == fn]
			# a hook it did not see defined there
			if any(r.get("rule") == "rename" for r in recs):
				return False
			# a hook declined for what the main run alone would have
			# named instead of "not static": planned after the main run
			if fn not in a["xok"] and \
			   any(r.get("status") == "declined" and r.get("reason_id") not in AFTER_STATIC
			       for r in recs):
				return False
		for fn in clear:
			for p in a["ok"].get(fn, ()):
				for r in self.states[self.number(p)].records:
					if r.get("function") == fn and r.get("rule") != "rename":
						return False
		return True

	def ahead_undo(self):
		"""Back to the plan after the main run: the main run again, plain."""
		self.set_global(())
		self.runner.env.pop("MMPREP_XDEF", None)
		self.xdefs, self.xbinders, self.xlater, self.groups = {}, {}, [], {}
		self.cleared = set()
		if self.ahead is not None:
			self.ahead = None
			ns = list(range(1, self.nfiles + 1))
			for n in range(self.nfiles + 1, len(self.paths) + 1):
				self.states[n] = State()
			if ns:
				self.run_list(ns)

	def set_global(self, names):
		"""MMPREP_GLOBAL and -D global for the hooks names, or neither."""
		if names:
			self.runner.env["MMPREP_GLOBAL"] = " ".join(R.c_sorted(names)) + " "
			self.global_flags = ["-D", "global"]
		else:
			self.runner.env.pop("MMPREP_GLOBAL", None)
			self.global_flags = []

	def global_after(self):
		"""global_pass() for a plan of global_ahead(): the files that renamed
		a hook that stayed declined go through spatch again without it;
		the groups, the records and MMPREP_GLOBAL end as global_pass()
		leaves them."""
		a = self.ahead
		clear = a["clear"]
		done = set()
		for fn, f in a["globs"]:
			if fn in clear:
				for r in self.states[self.number(f)].records:
					if r.get("function") == fn and r.get("status") == "converted":
						done.add(fn)
		globs = sorted(a["globs"], key=lambda x: (os.fsencode(x[0]), os.fsencode(x[1])))
		self.global_groups(globs, clear, a["ok"])
		self.cleared = set(clear)
		self.runner.env.pop("MMPREP_XDEF", None)
		stay = set(clear) - done
		again = []
		if stay:
			word = re.compile(WORD % ("(?:" + "|".join(map(re.escape, R.c_sorted(stay))) + ")"))
			again = [p for p in a["renamed"] if word.search(read_text(p))]
		# Later passes rename only the hooks converted here, and so do
		# the files that run again (as if the main run had been alone).
		self.set_global(done)
		if again:
			# In the background, while the helper pass plans:
			env, flags = dict(self.runner.env), list(self.global_flags)
			# Until settle(), the passes see these files as the main
			# run left them: their own hooks are the same.
			ns = [self.number(p) for p in again]
			fresh = {}
			self.again = (Background(lambda: self.run_list(ns, flags, env, fresh)),
				      set(again), fresh,
				      lambda: (self.xfile_outcome(a["xok"], lambda p: p in again),
					       self.global_bad(globs, a["bad"], lambda p: p in again)))
		# The records now; those of the files that run again once they
		# have (settle()).
		self.xfile_outcome(a["xok"])
		self.global_bad(globs, a["bad"])

	def settle(self, files=None):
		"""Wait for the files that run again in the background (all, or
		when one of files is among them) and finish their records."""
		if self.again is None or (files is not None and not self.again[1] & set(files)):
			return
		job, _, fresh, after = self.again
		self.again = None
		e = job.error()
		if e is not None:
			die("running the files that follow a rename again failed: %s" % e)
		self.states.update(fresh)
		after()

	def xfile_plan(self, xs):
		"""The hooks that the semantic patch found bound to a function of
		another file (defined-elsewhere), planned with the tree index: the
		definition (not static, the hook's signature, in one .c file) and
		every other use.  A hook whose other uses are all file_operations
		.mmap entries and prototypes is returned as name -> (definition
		file, files to rename), to be converted as a group; the others are
		declined as a group at their definition, naming the use that
		blocks.  The binding files' records are dropped (one record per
		hook, at its definition) unless no definition was found.  The
		records change in xfile_outcome(), once global_rerun() has run
		the files again."""
		if not xs:
			return {}
		root = search_root()
		cwd = os.getcwd()

		def rel(path):
			path = os.path.normpath(os.path.join(root, path))
			return path[len(cwd) + 1:] if path.startswith(cwd + "/") else path
		ix = IX.Index(root, xs, files=self.naming_files(xs))
		self.index = ix
		out = {}
		for f in R.c_sorted(xs):
			binders = R.c_sorted(xs[f])
			defs = [u for u in ix.definitions(f, static=False)
				if u.path.endswith(".c") and IX.hook_signature(u.params)]
			if len(defs) != 1:
				if defs:
					why = "%d definitions (%s)" % (len(defs), ", ".join(
						"%s:%d" % (rel(u.path), u.line) for u in defs))
				else:
					why = "no definition %s(struct file *, struct vm_area_struct *) " \
					      "that is not static in the tree" % f
				why = "hook is defined in another file or has an unusual signature: " + why
				self.xlater.append(
					lambda keep, f=f, b=binders, w=why: self.xfile_binder_reason(
						f, [x for x in b if keep(x)], "defined-elsewhere", w))
				continue
			d = defs[0]
			deff = rel(d.path)
			if deff.startswith("/"):
				reason = "%s:%d is outside the current folder: run from the " \
					 "top of the tree (it defines %s)" % (deff, d.line, f)
				self.xlater.append(
					lambda keep, f=f, b=binders, w=reason: self.xfile_binder_reason(
						f, [x for x in b if keep(x)], "outside-tree", w))
				continue
			# A .c file with a static function of that name means its
			# own; one in a header could be what a binding file means.
			shadow = set(u.path for u in ix.uses(f)
				     if u.kind in ("definition", "prototype") and u.static and
				     u.path.endswith(".c"))
			files = set()
			block = None
			for u in ix.uses(f):
				if u.path == d.path or u.path in shadow:
					continue	# the semantic patch checks the definition's file
				r = rel(u.path)
				if u.kind == "ops" and u.struct == "file_operations" and \
				   u.field == "mmap" and not u.array:
					pass
				elif u.kind == "prototype" and IX.hook_signature(u.params):
					pass
				else:
					block = block or u
					continue
				if r.startswith("/"):
					block = block or u
					continue
				files.add(r)
			self.xdefs[f] = d
			self.xbinders[f] = binders
			if block is None:
				out[f] = (deff, R.c_sorted(files))
				continue
			where = rel(block.path)
			if where.startswith("/"):
				rid = "outside-tree"
				reason = "%s:%d is outside the current folder: run from the top of the " \
					 "tree (it uses %s: '%s')" % (where, block.line, f, block.text)
			else:
				rid = "xfile-use"
				named = ", ".join(binders[:3])
				if len(binders) > 3:
					named += " and %d more" % (len(binders) - 3)
				reason = "hook is bound in %s, defined here, and %s:%d uses it in a way " \
					 "that cannot follow the rename: '%s'" % (
						 named, where, block.line, block.text)
			rec = R.make(deff, d.line, f, "declined", self.o.api, reason_id=rid,
				     reason=reason, group="hook:" + f)
			self.xlater.append(lambda keep, f=f, deff=deff, rec=rec: (
				self.xfile_drop(f, keep), keep(deff) and
				self.states[self.number(deff)].records.append(rec)))
		return out

	def xfile_binder_reason(self, f, binders, rid, reason):
		"""The binding files keep their decline of f, with this reason."""
		for b in binders:
			for r in self.states[self.number(b)].records:
				if r.get("function") == f and r.get("reason_id") == "defined-elsewhere":
					r["reason_id"] = rid
					r["reason"] = reason

	def xfile_drop(self, f, keep=lambda p: True):
		"""The records of f in the files that bind it (its record is at its
		definition), in the files keep() takes."""
		for b in self.xbinders.get(f, ()):
			if keep(b):
				st = self.states[self.number(b)]
				st.records = [r for r in st.records if r.get("function") != f]

	def xfile_outcome(self, xok, keep=lambda p: True):
		"""After global_rerun: a hook of another file converted or declined
		at its definition has its one record there; the files that bind
		it lose theirs.  With no record at the definition (spatch failed
		there) the binding files keep their decline.  Only the records of
		the files keep() takes change (a file that runs again later has
		its turn then)."""
		for later in self.xlater:
			later(keep)
		for f, (deff, files) in xok.items():
			recs = [r for r in self.states[self.number(deff)].records if r.get("function") == f]
			if not recs:
				continue
			if keep(deff):
				for r in recs:
					r["group"] = "hook:" + f
			for p in files:
				if keep(p):
					st = self.states[self.number(p)]
					st.records = [r for r in st.records if r.get("function") != f]
			self.xfile_drop(f, keep)

	def global_rerun(self, globs, clear, ok):
		"""Convert the cleared hooks, then the files naming them."""
		if not clear:
			return
		self.runner.env["MMPREP_GLOBAL"] = " ".join(clear) + " "
		self.global_flags = ["-D", "global"]
		self.cleared = set(clear)
		xdef = [f for f in clear if f in self.xdefs]
		if xdef:
			# The definition counts as bound (MMPREP_XDEF).
			self.runner.env["MMPREP_XDEF"] = " ".join(xdef) + " "
			self.effects_more(R.c_sorted(f for fn, f in globs if fn in xdef), xdef)
		mine = set(f for fn, f in globs if fn in clear)
		for f in mine:
			self.number(f)
		run = [n for n in range(1, len(self.paths) + 1) if self.paths[n - 1] in mine]
		# The files that bind or declare the hooks go through spatch with
		# the definitions when they can: a hook that does not convert at
		# its definition is not renamed there (below).
		ahead = R.c_sorted(set(p for f in clear for p in ok.get(f, ())))
		if set(ahead) & mine or any(self.defines(p, xdef) for p in ahead):
			ahead = []
		kept = {}
		for p in ahead:
			n = self.number(p)
			kept[n] = self.states[n]
		try:
			self.run_list(run + [self.number(p) for p in ahead])
		finally:
			self.runner.env.pop("MMPREP_XDEF", None)
			self.global_flags = ["-D", "global"]
		# Only the hooks that were converted there rename elsewhere.
		done = set()
		for n in run:
			for r in self.states[n].records:
				if r.get("status") == "converted" and r.get("function") in clear:
					done.add(r["function"])
		other = R.c_sorted(p for f in done for p in ok.get(f, ()))
		for n, st in kept.items():
			if self.paths[n - 1] not in other:
				self.states[n] = st
		if not done:
			# later passes rename no hook
			self.set_global(())
			return
		self.runner.env["MMPREP_GLOBAL"] = " ".join(R.c_sorted(done)) + " "
		if ahead:
			# run again where a hook that stayed declined was renamed
			word = re.compile(WORD % ("(?:" + "|".join(
				map(re.escape, R.c_sorted(set(clear) - done))) + ")"))
			other = [p for p in other if done != set(clear) and word.search(read_text(p))]
		self.run_list([self.number(p) for p in other])

	def defines(self, path, names):
		"""Whether path has a definition of one of names (the tree index)."""
		if not names:
			return False
		ap = os.path.abspath(path)
		return any(os.path.abspath(u.path) == ap and u.kind == "definition"
			   for f in names for u in self.index.uses(f))

	# -- helpers that take the VMA with their hooks ------------------------
	def helper_pass(self):
		"""Hooks declined because they pass the VMA to a helper of the
		tree: the helper takes a descriptor together with all its callers
		(mmprep.convert.helpers plans the groups; the semantic patch runs
		with MMPREP_HELPERS over their files and the result is kept when
		every member converts), or each hook of the group is declined
		naming the member that blocks."""
		# The helper rules run from the semantic patch of every family:
		# a helper and its hooks may be of different families.
		hcocci = os.path.join(TOP, "cocci/all/mmap_prepare.cocci")
		if not self.ncocci or not os.path.isfile(hcocci):
			return
		self.hcocci = hcocci
		hooks, declined = set(), {}
		glob = set(self.runner.env.get("MMPREP_GLOBAL", "").split()) | self.cleared
		for n in range(1, len(self.paths) + 1):
			for r in self.states[n].records:
				if r.get("status") in R.DONE:
					continue
				k = (r.get("file"), r.get("function"))
				declined.setdefault(k, r)
				if r.get("status") == "declined" and r.get("reason_id") == "vma-passed":
					hooks.add(k)
		# A hook that global_pass cleared stays declined when another file
		# names it: those bindings were not renamed.
		root = search_root()
		for k in sorted(k for k in hooks if k[1] in glob):
			own = os.path.abspath(k[0])
			naming = self.naming.get(k[1])
			if naming is None:
				naming = IX.files_naming([k[1]], [root])
			if any(os.path.abspath(p) != own for p in naming):
				hooks.discard(k)
		if not hooks:
			return
		pl = H.Planner(root, os.getcwd(), hooks, declined)
		groups = pl.plan()
		if not groups:
			return
		# (the files of the groups wait for their run in the background)
		self.settle(set(k[0] for g in groups for k in g["hooks"]) |
			    set(pl.helpers[n]["file"] for g in groups for n in g["helpers"]))
		# The helpers of a group above the one that blocks it (a helper
		# that is not static, or has another caller) are looked at first:
		# what blocks nearest the hooks is named.
		for g in groups:
			g["try"] = list(g["helpers"])
			if g["bad"] is not None:
				d = pl.helpers[g["bad"][0]]["depth"]
				g["try"] = [n for n in g["helpers"] if pl.helpers[n]["depth"] < d]
		self.helper_effects(pl, [n for g in groups for n in g["try"]])
		early = [g for g in groups if g["bad"] is not None and g["try"]]
		live = [g for g in groups if g["bad"] is None]
		# The nested types run beside the groups when their files are
		# apart from those the groups may change, the live ones' (the
		# same input, the same environment as after them).
		self.nested_start(self.helper_files(live, pl))
		# The early groups and the first run of the live ones go through
		# spatch together when nothing ties them.
		first = None
		if early:
			hstates = {}
			both = early + live if self.helper_apart(early, live, pl) else early
			self.helper_run(both, pl, hstates)
			if len(both) > len(early):
				first = hstates
			for g in early:
				bad = self.helper_outcome(g, pl, hstates, hooks=False)
				if bad is not None:
					g["bad"] = bad
		# A group that fails changes what its files become for the others
		# of the run: the groups that share a file with it run again
		# without it; the rest keep their result.
		final = {}
		while live:
			hstates, first = first, None
			if hstates is None:
				hstates = {}
				self.helper_run(live, pl, hstates)
			for g in live:
				g["bad"] = self.helper_outcome(g, pl, hstates)
			failed = set(f for g in live if g["bad"] is not None
				     for f in self.helper_files([g], pl))
			again = []
			for g in live:
				if g["bad"] is not None:
					continue
				mine = self.helper_files([g], pl)
				if failed.intersection(mine):
					again.append(g)
					continue
				for f in mine:
					final[self.number(f)] = hstates[self.number(f)]
			live = again
		for g in groups:
			self.helper_apply(g, pl, final)

	def helper_apart(self, a, b, pl):
		"""Whether the groups a and b give the same results run together as
		apart: no file in both, and no helper of one named in a file of
		the other (a function of that name there would be taken for it)."""
		if not a or not b:
			return False
		fa, fb = self.helper_files(a, pl), self.helper_files(b, pl)
		if set(fa) & set(fb):
			return False
		for files, groups in ((fa, b), (fb, a)):
			names = sorted(set(n for g in groups for n in g["try"]))
			word = re.compile(WORD % ("(?:" + "|".join(map(re.escape, names)) + ")"))
			if any(word.search(self.text_of(self.number(f))) for f in files):
				return False
		return True

	@staticmethod
	def helper_env(groups, pl):
		"""MMPREP_HELPERS for the helpers the groups try."""
		hs = {}
		for g in groups:
			for n in g["try"]:
				hs[n] = {"vma": pl.helpers[n]["vma"], "const": pl.helpers[n]["const"]}
		return hs

	@staticmethod
	def helper_files(groups, pl):
		return R.c_sorted(set(k[0] for g in groups for k in g["hooks"]) |
				set(pl.helpers[n]["file"] for g in groups for n in g["try"]))

	def helper_effects(self, pl, names):
		"""The callees of the helpers added to MMPREP_EFFECTS, found in
		the process of the callee effects (its tree has read most of
		the files already), by an analyzer of their own."""
		if self.effects_of is None or self.effects_out is None:
			return
		try:
			more, err = self.effects_of.submit(helper_job, pl.helper_defs(names)).result()
		except Exception as e:	# the process died
			die("callee effects failed: %s" % e)
		if err:
			die(err)
		E.merge(self.effects_out, more)
		self.effects_write(self.effects_out)

	def helper_run(self, groups, pl, hstates):
		"""The files of groups through the semantic patch with their
		helpers (MMPREP_HELPERS), into hstates."""
		env = dict(self.runner.env)
		env["MMPREP_HELPERS"] = json.dumps(self.helper_env(groups, pl), sort_keys=True)
		mine = self.cleared & set(k[1] for g in groups for k in g["hooks"])
		if mine:
			# A hook of these groups that global_pass cleared but did
			# not convert (it passes its VMA to a helper) is still
			# cleared here.  Not the others: their bindings and
			# prototypes in these files stay as they are.
			glob = set(env.get("MMPREP_GLOBAL", "").split()) | mine
			env["MMPREP_GLOBAL"] = " ".join(R.c_sorted(glob)) + " "
		batch = []
		for f in self.helper_files(groups, pl):
			n = self.number(f)
			hstates[n] = State()
			batch.append(Item(n, f, self.input_of(n)))
		self.runner.run(hstates, self.hcocci, batch,
				self.global_flags + ["-D", "nested", "-D", "helper"], env)

	def helper_outcome(self, g, pl, hstates, hooks=True):
		"""After helper_run: None when every member of g converted, else
		(helper, reason_id, text after "passes the VMA to HELPER()",
		blocking member, line)."""
		for n in sorted(g["try"], key=lambda n: (pl.helpers[n]["depth"], n)):
			h = pl.helpers[n]
			st = hstates.get(self.number(h["file"]))
			if st is None or st.rc != 0:
				return (n, "helper-body", ", which cannot take a descriptor: spatch failed on %s" %
					h["file"], (h["file"], n), h["line"])
			rs = [r for r in st.records if r.get("function") == n and r.get("hook") == "helper"]
			bad = [r for r in rs if r.get("status") != "converted"]
			if bad or not rs:
				why = bad[0].get("reason") if bad else "the semantic patch did not parse its definition"
				line = bad[0].get("line") if bad else h["line"]
				return (n, "helper-body", ", which cannot take a descriptor (%s:%s): %s" % (
					h["file"], line, why), (h["file"], n), line, bad[0] if bad else None)
		if not hooks:
			return None
		for k in g["hooks"]:
			st = hstates.get(self.number(k[0]))
			if st is None or st.rc != 0:
				return (g["name"], "helper-caller", ", whose caller %s (%s) is not converted: "
					"spatch failed" % (k[1], k[0]), k, 0)
			rs = [r for r in st.records if r.get("function") == k[1] and r.get("hook") != "helper"]
			bad = [r for r in rs if r.get("status") != "converted"]
			if bad or not rs:
				why = bad[0].get("reason") if bad else "no record"
				line = bad[0].get("line") if bad else pl.where.get(k, (k[0], 0))[1]
				return (g["name"], "helper-caller", ", whose caller %s (%s:%s) is not converted "
					"in this run: %s" % (k[1], k[0], line, why), k, line, bad[0] if bad else None)
		return None

	def helper_apply(self, g, pl, hstates):
		"""The group's files and hook records after the plan."""
		tag = "helper:" + g["name"]
		bad = g["bad"]
		if bad is None:
			files = set(k[0] for k in g["hooks"]) | set(pl.helpers[n]["file"] for n in g["helpers"])
			for f in files:
				n = self.number(f)
				if hstates[n].out:
					self.states[n].out = hstates[n].out
			for n in g["helpers"]:
				h = pl.helpers[n]
				st = self.states[self.number(h["file"])]
				if st.out:
					st.out = H.fix_kdoc(st.out, n, H.param_name(h["defs"][0]["params"][h["vma"]]))
		for k in g["hooks"]:
			st = self.states[self.number(k[0])]
			recs = [r for r in st.records if r.get("function") == k[1]]
			if bad is None:
				new = [dict(r, group=tag) for r in hstates[self.number(k[0])].records
				       if r.get("function") == k[1] and r.get("hook") != "helper"]
				st.records = [r for r in st.records if r.get("function") != k[1]] + new
				continue
			for r in recs:
				r["group"] = tag
				if r.get("status") != "declined":
					continue
				if k == bad[3] and len(bad) > 5 and bad[5] is not None:
					# the hook that blocks: its own reason
					own = bad[5]
					r["reason_id"], r["reason"], r["line"] = own["reason_id"], own["reason"], own["line"]
					continue
				r["reason_id"] = bad[1]
				r["reason"] = "passes the VMA to %s()%s" % (bad[0], bad[2])
				own = bad[5] if len(bad) > 5 and bad[5] is not None else {}
				r["blocked_by"] = {"function": bad[3][1], "file": bad[3][0], "line": int(bad[4] or 0),
						   "reason_id": own.get("reason_id") or bad[1]}

	# -- family 7, nested hooks --------------------------------------------
	def nested_plan(self):
		"""The nested hook types in reach of the paths (mmprep.convert.nested).
		It reads the tree, not the results, so it runs beside the callee
		effects and the main run."""
		try:
			self.nplan = self._nested_plan()
		except Usage as e:
			self.nplan_error = str(e)
		except Exception as e:	# reported by nested_pass()
			self.nplan_error = "nested-hooks failed: %s" % e

	def _nested_plan(self):
		if not self.ncocci:
			return []
		paths = self.o.paths
		plan_file = os.environ.get("MMPREP_NESTED_PLAN")
		if plan_file:
			# A caller that converts file after file from the top of the
			# tree plans the whole tree once: the types in reach of these
			# paths, as the planner would keep them.
			try:
				with open(plan_file, encoding="utf-8") as fp:
					groups = [json.loads(l) for l in fp if l.strip()]
			except (OSError, ValueError):
				raise Usage("cannot read MMPREP_NESTED_PLAN '%s'" % plan_file) from None
			ps = [re.sub(r"/+$", "", re.sub(r"^\./", "", p)) for p in paths]

			def reach(f):
				return any(d in (".", "") or f == d or f.startswith(d + "/") for d in ps)
			return [g for g in groups
				if any(reach(re.sub(r":[0-9]+$", "", c)) for c in g.get("callers", [])) or
				any(reach(i["file"]) for i in g.get("impl", {}).values())]
		# Cheap first: a nested hook in reach means an implementation-like
		# signature or a self-call E->m(E, x) in the paths.
		if IX.grep(["-rqP", "--include=*.c", NESTED_QUICK, "--"] + paths).wait() != 0:
			return []
		# In a process of its own: the plan is Python work, which a
		# thread would do in turns with the callee effects.
		ctx = multiprocessing.get_context("spawn")
		with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as ex:
			return ex.submit(N.plan, search_root(), paths).result()

	def nested_run(self, groups, nstates):
		"""The files of groups through the semantic patch with -D nested,
		each from the result of the main run."""
		impl = {}
		members = {}
		for g in groups:
			for i in g["impl"]:
				impl[i] = g["type"]
			members[g["member"]] = g["struct"]
		env = dict(self.runner.env, MMPREP_NESTED=json.dumps({"impl": impl, "members": members}))
		batch = []
		for g in groups:
			for f in g["files"]:
				n = self.number(f)
				nstates[n] = State()
				batch.append(Item(n, f, self.input_of(n)))
		self.runner.run(nstates, self.ncocci, batch, ["-D", "nested"], env)

	def nested_outcome(self, group, nstates, recs, files):
		"""After nested_run, the group's files re-typed and their records
		in recs; why the type cannot be converted, or None."""
		for f in group["files"]:
			n = self.number(f)
			st = nstates.get(n)
			if st is None or st.rc != 0:
				return "spatch failed on %s: %s" % (f, st.err if st else "")
			if not st.out:
				st.out = read_bytes(self.input_of(n))
			tmp = os.path.join(self.work, "retype")
			with open(tmp, "wb") as fp:
				fp.write(st.out)
			N.retype(tmp, [group["struct"]])
			st.out = read_bytes(tmp)
			recs.extend(st.records)
			files.append((n, f))
		for r in recs:
			if r.get("status") != "converted":
				return "%s (%s:%s): %s" % (r.get("function"), r.get("file"), r.get("line"),
							  r.get("reason"))
		for i in sorted(group["impl"]):
			if not any(r.get("function") == i and r.get("status") == "converted" for r in recs):
				return "%s was not converted" % i
		return None

	def nested_start(self, busy=()):
		"""The nested plan, once; when its types go through spatch together
		and none of their files is in busy (the files the helper pass
		may change), their run starts in the background: nested_pass()
		takes its result."""
		if self.nested is not None:
			return
		self.nplan_thread.join()
		if self.nplan_error:
			die(self.nplan_error)
		plan = self.nplan or []
		self.settle([f for g in plan for f in g.get("files", ())])
		if self.o.shard:
			plan = [g for i, g in enumerate(plan) if R.in_shard(i, self.o.shard)]
		# Types whose files and member names are apart go through spatch
		# together, else one at a time.
		good = [g for g in plan if g.get("bad") is None]
		fs = [f for g in good for f in g["files"]]
		ms = [g["member"] for g in good]
		together = len(fs) == len(set(fs)) and len(ms) == len(set(ms))
		nstates = {}
		self.nested = {"plan": plan, "good": good, "together": together, "states": nstates,
			       "job": None}
		if together and good and not set(fs) & set(busy):
			self.nested["job"] = Background(lambda: self.nested_run(good, nstates))

	def nested_pass(self):
		"""Family 7: a hook type private to a driver (uio_info.mmap), its
		implementations across the tree, the function pointers of that type
		and the outer calls change together, or not at all."""
		self.nested_start()
		plan, good, together = self.nested["plan"], self.nested["good"], self.nested["together"]
		nstates = self.nested["states"]
		if self.nested["job"] is not None:
			e = self.nested["job"].error()
			if e is not None:
				raise e
		elif together and good:
			self.nested_run(good, nstates)
		for g in plan:
			bad = g.get("bad")
			if bad is None and not together:
				nstates = {}
				self.nested_run([g], nstates)
			recs, files = [], []
			if bad is None:
				bad = self.nested_outcome(g, nstates, recs, files)
			if bad is None:
				for n, f in files:
					if read_bytes(f) != nstates[n].out:
						self.states[n].out = nstates[n].out
				for r in recs:
					if r.get("status") == "converted":
						r["group"] = "hook:" + g["type"]
						self.states[self.number(r["file"])].records.append(r)
				continue
			# Declined: each implementation says why.
			for fn in sorted(g["impl"]):
				i = g["impl"][fn]
				self.states[self.number(i["file"])].records.append(R.make(
					i["file"], i["line"], fn, "declined", self.o.api, hook=g["type"],
					reason_id="nested-group", reason="nested hook %s: %s" % (g["type"], bad),
					group="hook:" + g["type"]))

	# -- the result --------------------------------------------------------
	def finish(self):
		o = self.o
		self.settle()
		status = 0
		diff = []
		for n in range(1, len(self.paths) + 1):
			f = self.paths[n - 1]
			st = self.states[n]
			if st.rc in (124, 137):
				st.records = [R.make(f, 0, "", "timeout", o.api, reason_id="spatch-timeout",
						     reason="spatch timed out after %d s" % o.timeout)]
				status = 1
				continue
			if st.rc != 0:
				st.records = [R.make(f, 0, "", "error", o.api, reason_id="spatch-failed",
						     reason="spatch failed: " + (st.err or "exit %d" % st.rc))]
				status = 1
				continue
			# A hook whose definition spatch did not see although the file
			# defines it: the function did not parse.
			text = None
			for r in st.records:
				if r.get("reason_id") != "defined-elsewhere":
					continue
				if text is None:
					text = read_text(f)
				fn = re.escape(r["function"])
				if re.search(r"^[a-z].*[^a-zA-Z0-9_]" + fn + r"\([^;]*$", text, re.M):
					r["status"] = "parse-error"
					r["reason_id"] = "parse-error"
					r["reason"] = "spatch could not parse the hook function"
			# A converted hook that still names its VMA is a bug in a rule:
			# keep the file as it was rather than emit a wrong patch.
			if any(r.get("status") == "error" for r in st.records):
				status = 1
				continue
			if not st.out:
				continue
			orig = read_bytes(f)
			lines = T.realign(split_lines(orig.decode("utf-8", "surrogateescape")),
					  split_lines(st.out.decode("utf-8", "surrogateescape")))
			lines = T.blank_after_decls(lines)
			lines = T.cast_space(split_lines(orig.decode("utf-8", "surrogateescape")), lines)
			# A header that forward-declares struct vm_area_struct for a
			# prototype now needs struct vm_area_desc declared as well.
			if f.endswith(".h"):
				lines = T.forward_desc(lines)
			# (a hook that calls generic_file_mmap() has the rule
			# generic-file too: only the helpers themselves are not here)
			renamed = sorted(set(r["function"] for r in st.records
					     if r.get("status") == "converted" and
					     r.get("function") not in ("generic_file_mmap",
								       "generic_file_readonly_mmap")),
					 key=os.fsencode)
			for fn in renamed:
				lines = T.fix_kdoc(lines, fn, T.new_name(fn))
			new = ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape") if lines else b""
			if new == orig:
				continue
			if o.mode == "diff":
				diff.append((os.fsencode(f), self.diff(f, new)))
			elif o.mode == "inplace":
				replace(f, new)
		recs = []
		for n in range(1, len(self.paths) + 1):
			recs += self.states[n].records
		# What changes together: a hook renamed across files, else the
		# hooks of one file.
		for r in recs:
			g = self.groups.get((r.get("file"), r.get("function")))
			if g and r.get("status") in R.DONE + ("declined",):
				r.setdefault("group", g)
			elif r.get("status") in R.DONE:
				r.setdefault("group", "file:" + r.get("file", ""))
		# Sorted, so that the output does not depend on -j.
		recs.sort(key=lambda r: (R.sort_key(r), dump(r)))
		lines = [dump(r) for r in recs]
		if o.records:
			tmp = "%s.tmp.%d" % (o.records, os.getpid())
			try:
				with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as fp:
					fp.write("".join(l + "\n" for l in lines))
				os.replace(tmp, o.records)
			except OSError:
				try:
					os.unlink(tmp)
				except OSError:
					pass
				die("cannot write %s" % o.records)
		out = sys.stdout
		if o.mode == "diff":
			# in the order of the paths, as git diff gives them
			out.buffer.write(b"".join(d for _, d in sorted(diff)))
		elif o.mode == "json":
			out.write("".join(l + "\n" for l in lines))
		elif o.mode == "report":
			for r in recs:
				if r.get("status") in R.DONE:
					continue
				out.write("%s:%s: %s: %s\n" % (r.get("file"), r.get("line"),
							       r.get("function") or "-", r.get("reason")))
		out.flush()
		if o.mode not in ("report", "json"):
			for r in recs:
				if r.get("status") in R.FAILED:
					sys.stderr.write("%s:%s: %s: %s: %s\n" % (
						r.get("file"), r.get("line"), r.get("function"),
						r.get("status"), r.get("reason")))
		if o.verbose != "0":
			counts = {}
			for r in recs:
				counts[r.get("status")] = counts.get(r.get("status"), 0) + 1
			for s in sorted(counts):
				sys.stderr.write("%7d %s\n" % (counts[s], s))
		return status

	def diff(self, f, new):
		tmp = os.path.join(self.work, "new")
		with open(tmp, "wb") as fp:
			fp.write(new)
		res = subprocess.run(["diff", "-up", "--label", "a/" + f, "--label", "b/" + f, f, tmp],
				     stdout=subprocess.PIPE, check=False)
		return res.stdout

	def effects(self, files):
		"""What the hooks' callees do, from their bodies in the tree
		(mmprep.effects), for the semantic patch as MMPREP_EFFECTS.  A
		caller may pass its own (a file or the JSON) in the environment.
		The analysis is Python work: it runs in a process of its own
		(effects_job()) while this one plans the global pass, and
		effects_wait() writes it out."""
		if self.effects_of is None or not files:
			return
		root = search_root()
		self.effects_root = root if os.path.isdir(os.path.join(root, "include")) else None
		self.effects_pending = [self.effects_of.submit(effects_job, self.effects_root, files, ())]

	def effects_start(self):
		"""The process of the callee effects, started while the prefilter
		runs (Python and the modules take 0.3 s to load), unless the
		caller passes its own MMPREP_EFFECTS."""
		if os.environ.get("MMPREP_EFFECTS", "").strip():
			return
		ctx = multiprocessing.get_context("spawn")
		self.effects_of = concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx)
		self.effects_of.submit(effects_ready)

	def effects_more(self, files, extra=(), wait=True):
		"""Add the effects of files (and of the hooks named in extra,
		bound in other files) to MMPREP_EFFECTS, in the same process as
		the ones before, after them: its analyses so far stand.  With
		wait false, effects_wait() writes them out with the others."""
		if self.effects_of is None:
			return
		self.effects_pending.append(self.effects_of.submit(effects_job, self.effects_root,
								   files, tuple(extra)))
		if wait:
			self.effects_wait()

	def effects_path(self):
		"""The file the next effects_write() writes."""
		return os.path.join(self.work, "effects-%d.json" % (self.effects_n + 1))

	def effects_write(self, out):
		"""out in a new file, whole once it has its name (a spatch run
		under way may be waiting for it, or reading the one before), and
		MMPREP_EFFECTS naming it for the runs that start from now on."""
		p = self.effects_path()
		self.effects_n += 1
		self.effects_out = out
		tmp = p + ".tmp"
		with open(tmp, "w", encoding="utf-8") as fp:
			json.dump(out, fp, sort_keys=True)
		os.replace(tmp, p)
		self.runner.env["MMPREP_EFFECTS"] = p

	def effects_wait(self):
		"""MMPREP_EFFECTS once the analyses asked for are done.  Each job
		returns all the effects found so far: the last one has them all."""
		if not self.effects_pending:
			return
		out = None
		for job in self.effects_pending:
			try:
				out, err = job.result()
			except Exception as e:	# the process died
				die("callee effects failed: %s" % e)
			if err:
				die(err)
		self.effects_pending = []
		self.effects_write(out)

	def main_run(self, ns):
		"""The main run over the files ns.  While the callee effects are
		still under way, spatch starts (it reads the semantic patch, 1.4 s)
		and waits for them (MMPREP_EFFECTS_WAIT) in its own thread."""
		if not self.effects_pending:
			self.run_list(ns)
			return
		env = dict(self.runner.env, MMPREP_EFFECTS=self.effects_path(), MMPREP_EFFECTS_WAIT="1")
		job = Background(lambda: self.run_list(ns, None, env))
		self.effects_wait()
		e = job.error()
		if e is not None:
			raise e

	def main(self):
		o = self.o
		# The nested plan reads the tree, not the results: it runs beside
		# the prefilter, the callee effects and the main run.
		self.nplan_thread = threading.Thread(target=self.nested_plan, daemon=True)
		self.nplan_thread.start()
		self.effects_start()
		files = prefilter(o.paths)
		if o.shard:
			files = [x for i, x in enumerate(files) if R.in_shard(i, o.shard)]
		if o.verbose != "0":
			sys.stderr.write("%s: %d file(s) to examine\n" % (PROG, len(files)))
		for f in files:
			self.number(f)
		t0 = [time.monotonic()]

		def phase(name):
			# -v: where the time goes
			if o.verbose != "0":
				t = time.monotonic()
				sys.stderr.write("%s: %s: %.1f s\n" % (PROG, name, t - t0[0]))
				t0[0] = t
		self.effects(files)
		self.nfiles = len(files)
		extra = self.global_ahead(files)
		phase("global plan")
		idle = self.nothing_to_do(files)
		ns = [self.number(f) for f in files if f not in idle] + [self.number(p) for p in extra]
		# (the callee effects end while spatch starts)
		self.main_run(ns)
		phase("callee effects and main run")
		self.global_pass()
		phase("global and cross-file pass")
		self.helper_pass()
		phase("helper pass")
		self.nested_pass()
		phase("nested pass")
		rc = self.finish()
		phase("results")
		if self.effects_of is not None:
			self.effects_of.shutdown()
		return rc


def dump(r):
	"""A record the way the converter has always printed them."""
	return json.dumps(r, ensure_ascii=False, separators=(",", ":"))


def replace(path, data):
	"""Replace path by data atomically, keeping its mode."""
	d = os.path.dirname(path) or "."
	try:
		fd, tmp = tempfile.mkstemp(prefix=".mmprep.", dir=d)
	except OSError:
		die("%s: cannot write in %s" % (path, d))
	try:
		with os.fdopen(fd, "wb") as fp:
			fp.write(data)
		try:
			shutil.copymode(path, tmp)
		except OSError:
			pass
		os.replace(tmp, path)
	except OSError:
		try:
			os.unlink(tmp)
		except OSError:
			pass
		die("%s: cannot write in %s" % (path, d))


def main(argv):
	for fp in (sys.stdout, sys.stderr):
		fp.reconfigure(encoding="utf-8", errors="surrogateescape")
	try:
		o = parse(argv)
		if o is None:
			sys.stdout.write(__doc__)
			return 0
		run = Run(o)
	except Usage as e:
		sys.stderr.write("%s: %s\n" % (PROG, e))
		return 2
	try:
		return run.main()
	except Usage as e:
		sys.stderr.write("%s: %s\n" % (PROG, e))
		return 2
	except KeyboardInterrupt:
		return 130
	except OSError as e:
		sys.stderr.write(cli.os_error(PROG, e))
		return 2
	finally:
		shutil.rmtree(run.work, ignore_errors=True)
