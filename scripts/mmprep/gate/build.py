# SPDX-License-Identifier: GPL-2.0
"""How the gate compiles: one compile_commands.json per side.

In a kernel tree the commands come from the build folder, read the way the
kernel's own scripts/clang-tools/gen_compile_commands.py reads it (the first
line of each object's .cmd file, matched by the same pattern, so that
module lines ending in "; ./tools/objtool/objtool ..." and every other .cmd
shape are handled), and, for a file the build did not compile, from the base
tree's own Makefiles in print-only mode (make -n: nothing is run).  A file
the base tree does not have (a new driver) borrows the command of its
nearest neighbour.  Each side's database points the source-tree paths of a
command at that side's copy of the touched folders first, then at the
user's checkout, so that relative includes ("../hv/hyperv_vmbus.h" and the
"hv_trace.h" that one includes) resolve as in a full tree.

Outside a kernel tree the commands use the analyzer's shim headers at the
--api level.
"""

import json
import os
import re
import shlex
import subprocess

# scripts/clang-tools/gen_compile_commands.py (Linux 6.12), _LINE_PATTERN
_LINE_PATTERN = re.compile(
	r"^(saved)?cmd_[^ ]*\.o := (?P<command_prefix>.* )(?P<file_path>[^ ]*\.[cS]) *(;|$)")

# Kbuild's CHECKFLAGS (the top Makefile and arch/*/Makefile)
CHECKFLAGS = ["-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__", "-Wbitwise",
	      "-Wno-return-void", "-Wno-unknown-attribute"]

# The warnings of a kernel build, for the shim mode (a subset of the top
# Makefile's KBUILD_CFLAGS that does not depend on the compiler version).
SHIM_CFLAGS = ["-std=gnu11", "-fno-strict-aliasing", "-Wall", "-Wundef",
	       "-Werror=strict-prototypes", "-Wno-trigraphs",
	       "-Werror=implicit-function-declaration", "-Werror=implicit-int",
	       "-Werror=return-type", "-Wno-format-security", "-Wno-unused-function"]


def is_kernel_tree(top):
	return os.path.isfile(os.path.join(top, "Makefile")) and \
		os.path.isfile(os.path.join(top, "Kconfig")) and \
		os.path.isdir(os.path.join(top, "include", "linux"))


def is_build_dir(d):
	return os.path.isfile(os.path.join(d, ".config")) and \
		os.path.isfile(os.path.join(d, "include", "generated", "autoconf.h"))


def srctree_of(obj, top):
	"""The source tree a build folder was made for."""
	if os.path.realpath(obj) == os.path.realpath(top):
		return top
	src = os.path.join(obj, "source")
	if os.path.islink(src):
		return os.path.realpath(src)
	mk = os.path.join(obj, "Makefile")
	if os.path.isfile(mk):
		with open(mk, encoding="utf-8", errors="replace") as f:
			for line in f:
				m = re.match(r"^include (.*)/Makefile$", line.rstrip("\n"))
				if m:
					return m.group(1)
	return top


def kbuild_checkflags(obj):
	"""CHECKFLAGS for sparse, from the build's .config."""
	cfg = {}
	arch = ""
	with open(os.path.join(obj, ".config"), encoding="utf-8", errors="replace") as f:
		for i, line in enumerate(f):
			m = re.match(r"^# Linux/(\S+) ", line)
			if i < 5 and m and not arch:
				arch = m.group(1)
			m = re.match(r"^(CONFIG_[A-Za-z0-9_]+)=(.*)", line)
			if m:
				cfg[m.group(1)] = m.group(2)
	flags = list(CHECKFLAGS)
	if cfg.get("CONFIG_X86_64") == "y":
		flags.append("-D__x86_64__")
	elif cfg.get("CONFIG_X86_32") == "y":
		flags.append("-D__i386__")
	if arch:
		flags.append("--arch=" + arch)
	flags.append("-mbig-endian" if cfg.get("CONFIG_CPU_BIG_ENDIAN") == "y" else "-mlittle-endian")
	flags.append("-m64" if cfg.get("CONFIG_64BIT") == "y" else "-m32")
	return flags


def cmdfile_of(obj, rel_c):
	o = rel_c[:-2] + ".o"
	d, b = os.path.split(o)
	return os.path.join(obj, d, "." + b + ".cmd")


def read_cmdfile(path):
	"""The compile command of a .cmd file as argument words (the source file
	last), or None: gen_compile_commands.py's process_line()."""
	try:
		with open(path, encoding="utf-8", errors="surrogateescape") as f:
			line = f.readline()
	except OSError:
		return None
	m = _LINE_PATTERN.match(line.rstrip("\n"))
	if not m:
		return None
	prefix = m.group("command_prefix").replace(r"\#", "#").replace("$(pound)", "#")
	prefix = prefix.replace("$$", "$")
	try:
		return shlex.split(prefix) + [m.group("file_path")]
	except ValueError:
		return None


def _shell_commands(line):
	"""The simple commands of a shell line, as word lists (quotes removed,
	nothing evaluated)."""
	lx = shlex.shlex(line, posix=True, punctuation_chars=";&|()<>")
	lx.whitespace_split = True
	lx.commenters = ""
	cmds = [[]]
	try:
		for tok in lx:
			if tok and all(ch in ";&|()<>" for ch in tok):
				cmds.append([])
			else:
				cmds[-1].append(tok)
	except ValueError:
		pass
	return [c for c in cmds if c]


def make_n_commands(obj, rel_cs, srctree):
	"""{rel.c: words} from the base tree's Makefiles, print-only."""
	if not rel_cs:
		return {}, ""
	targets = [c[:-2] + ".o" for c in rel_cs]
	env = dict(os.environ)
	for v in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):
		env.pop(v, None)
	env["LC_ALL"] = "C"
	p = subprocess.run(["make", "-C", obj, "-s", "-k", "-n"] + targets, env=env,
			   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
			   check=False)
	out = p.stdout.decode("utf-8", "surrogateescape")
	want = {}
	for c in rel_cs:
		want[c[:-2] + ".o"] = c
	found = {}
	for line in out.split("\n"):
		if " -c " not in line or ".o" not in line:
			continue
		for words in _shell_commands(line):
			if "-c" not in words or "-o" not in words:
				continue
			i = words.index("-o")
			if i + 1 >= len(words):
				continue
			target = words[i + 1]
			if target.startswith("./"):
				target = target[2:]
			src = words[-1]
			if target in want and src.endswith(".c") and want[target] not in found:
				found[want[target]] = words
	why = ""
	if len(found) < len(rel_cs):
		errs = [l for l in out.split("\n") if "***" in l or "No rule" in l]
		why = errs[0].strip() if errs else ""
	return found, why


def donor_of(top, obj, rel_c, exclude=()):
	"""The nearest .c file of the base tree in rel_c's folder or a parent
	(one the build compiled, if any), or None; never one of exclude (the
	files the base tree does not have)."""
	d = os.path.dirname(rel_c)
	while True:
		full = os.path.join(top, d)
		if os.path.isdir(full):
			cand = None
			try:
				names = sorted(os.listdir(full))
			except OSError:
				names = []
			for n in names:
				if not n.endswith(".c") or not os.path.isfile(os.path.join(full, n)):
					continue
				c = os.path.join(d, n) if d else n
				if c in exclude:
					continue
				if cand is None:
					cand = c
				if obj and os.path.isfile(cmdfile_of(obj, c)):
					cand = c
					break
			if cand:
				return cand
		if d in ("", "."):
			return None
		d = os.path.dirname(d)


class Rewriter:
	"""Compile words of the build tree turned into the words for one side:
	source-tree paths point into the side's folder first (the touched
	folders, base or patched), then into the user's checkout; build-folder
	paths stay; dependency and output flags go; folders that do not exist
	are left out (sparse refuses them)."""

	def __init__(self, top, srctree, obj):
		self.top = top
		self.src = srctree.rstrip("/")
		self.obj = obj

	def _abs(self, p):
		if p.startswith("/"):
			return p
		if p.startswith("./"):
			p = p[2:]
		if p == ".":
			return self.obj
		return os.path.join(self.obj, p)

	def _rel(self, p):
		if p == self.src:
			return "."
		if p.startswith(self.src + "/"):
			return p[len(self.src) + 1:]
		if p == self.top:
			return "."
		if p.startswith(self.top + "/"):
			return p[len(self.top) + 1:]
		return None

	def _dirflag(self, out, flag, p, side_dir):
		p = self._abs(p)
		r = self._rel(p)
		cands = [p] if r is None else [os.path.normpath(os.path.join(side_dir, r)),
						  os.path.normpath(os.path.join(self.top, r))]
		for c in cands:
			if os.path.isdir(c):
				out += [flag, c]

	def _fileflag(self, out, flag, p, side_dir):
		p = self._abs(p)
		r = self._rel(p)
		if r is None:
			out += [flag, p]
			return
		a = os.path.join(side_dir, r)
		out += [flag, a if os.path.isfile(a) else os.path.join(self.top, r)]

	def flags(self, words, rel_c, side_dir):
		"""The flags (no compiler, no source file) for rel_c on a side."""
		out = []
		i = 1
		n = len(words) - 1	# the source file is the last word
		while i < n:
			a = words[i]
			i += 1
			if a in ("-c", "-S", "-MD", "-MMD") or a.startswith("-Wp,-M"):
				continue
			if a in ("-o", "-MF", "-MT", "-MQ"):
				i += 1
				continue
			if a in ("-I", "-isystem", "-iquote", "-idirafter"):
				if i < n:
					self._dirflag(out, a, words[i], side_dir)
				i += 1
				continue
			if a.startswith("-I"):
				self._dirflag(out, "-I", a[2:], side_dir)
				continue
			if a in ("-include", "-imacros"):
				if i < n:
					self._fileflag(out, a, words[i], side_dir)
				i += 1
				continue
			out.append(a)
		# quoted includes the side's folder lacks: the user's checkout
		d = os.path.dirname(rel_c)
		q = os.path.join(self.top, d) if d else self.top
		if os.path.isdir(q):
			out += ["-iquote", q]
		return out


def shim_flags(top, side_dir, rel_c, shims, apinum):
	"""Flags for a file outside a kernel tree: the analyzer's shims."""
	d = os.path.dirname(rel_c)
	out = ["-nostdinc", "-I" + shims, "-D__KERNEL__", "-DMMPREP_API=%d" % apinum]
	for base in (side_dir, top):
		q = os.path.join(base, d) if d else base
		if base != side_dir and os.path.isdir(q):
			out += ["-iquote", q]
	for base in (side_dir, top):
		inc = os.path.join(base, "include")
		if os.path.isdir(inc):
			out += ["-I", inc]
	return out


def write_db(path, entries):
	"""entries: [{directory, file, arguments}] as compile_commands.json."""
	os.makedirs(os.path.dirname(path), exist_ok=True)
	with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
		json.dump(entries, f, indent=1)
