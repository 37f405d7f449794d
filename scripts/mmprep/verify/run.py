# SPDX-License-Identifier: GPL-2.0
"""mmprep-verify: convert Debian's linux-source-6.12 with mmprep-convert and
check that every converted file still compiles, against the real 6.12
headers with the mmap_prepare API backported (scripts/api-backport).

Usage: scripts/mmprep-verify [--quick] [-j N] [-o FILE] [--keep] [PATH...]

  PATH      folders or files of the kernel tree to convert (default: all)
  --quick   drivers/char drivers/misc drivers/uio fs (a few minutes)
  -j N      parallel jobs for the converter and make (default: nproc)
  -o FILE   the JSON summary (default: bench/verify.json of this checkout)
  --keep    keep the scratch tree (verify-6.12/src) after the run

In ${MMPREP_CACHE:-~/.cache/mmprep}/verify-6.12/: src/ is a hard-link copy
of the tree with the backport applied (files are replaced, never written
through), build/ an x86_64 allmodconfig O= folder (prepared once), logs/
the logs of the last run.  The converter rewrites src/ in place; each .c
file it changes (and the users of a changed header: the .c files that
include it and name what changed there, and its first includer) is built
as the 6.12 original first (make -k path/file.o, C=1 CHECK=sparse), then
converted (sparse and mmprep-check through Kbuild's CHECK=).  Compiler and
sparse warnings of the converted file that the original does not have
(compared without line numbers) are "new"; WERROR is off, so that a
warning of an original is not an error.  A file whose original does not
build in x86_64 allmodconfig is tried in the other configurations (UML,
riscv without an MMU, powerpc64, sparc64: scripts/mmprep/verify/configs.py,
each in its own build-NAME/ folder, prepared when a file needs it; one
whose cross compiler is missing is skipped with a note).  Files whose
original builds in none are listed apart and not counted.

Exit status: 0 every converted file builds, 1 a converted file whose
original builds does not, 2 usage or setup error.
Environment: MMPREP_CACHE, MMPREP_KSRC (the kernel tree), MMPREP_VERIFY_CONVERT
(the converter to run, for the tests; default scripts/mmprep-convert).
"""

import fcntl
import filecmp
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter

from mmprep import kbuild
from mmprep import records as R
from mmprep.verify import configs as C

PROG = "mmprep-verify"
# scripts/
HERE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOP = os.path.dirname(HERE)
QUICK = ("drivers/char", "drivers/misc", "drivers/uio", "fs")
TOOLS = ("make", "gcc", "flex", "bison", "bc", "sparse", "patch", "spatch")
# the files a converted hook may be in (de-linked before the converter runs)
CANDIDATES = r"\.mmap[[:space:]]*=|success_hook|error_hook"
BACKPORT_HEADERS = ("include/linux/mmap_prepare_backport_types.h",
		    "include/linux/mmap_prepare_backport.h")
# the arch/ folders of the first configuration: the first includer of a
# changed header is one it compiles, as far as the path tells
ARCHES = C.CONFIGS[0].arches


class VerifyError(Exception):
	"""A one-line error: exit status 2."""


class Interrupted(Exception):
	pass


def die(msg):
	raise VerifyError(msg)


def say(msg):
	sys.stdout.flush()
	sys.stderr.write("%s: %s\n" % (PROG, msg))
	sys.stderr.flush()


def read_text(path):
	"""The text of a log or source file ("" when it does not exist)."""
	try:
		with open(path, encoding="utf-8", errors="replace") as fp:
			return fp.read()
	except FileNotFoundError:
		return ""


def remove(path):
	"""rm -rf path (faster than shutil.rmtree on a kernel tree)."""
	subprocess.run(["rm", "-rf", "--", path], stdin=subprocess.DEVNULL, check=False)


def tail(path, n=20):
	"""The last n lines of path, to stderr."""
	lines = read_text(path).split("\n")
	if lines and lines[-1] == "":
		lines.pop()
	sys.stdout.flush()
	sys.stderr.write("".join(l + "\n" for l in lines[-n:]))


def jq_text(v):
	"""A value the way a jq string interpolation writes it."""
	if v is None:
		return "null"
	if isinstance(v, bool):
		return "true" if v else "false"
	return str(v)


def pad(s, n):
	return s + " " * max(n - len(s), 1)


class Options:
	def __init__(self):
		self.jobs = str(os.cpu_count() or 1)
		self.out_json = os.path.join(TOP, "bench", "verify.json")
		self.keep = False
		self.paths = []


def parse_args(argv):
	o = Options()
	i = 0
	while i < len(argv):
		a = argv[i]
		if a == "--quick":
			o.paths += QUICK
		elif a == "-j":
			if i + 1 >= len(argv):
				die("-j needs a number")
			i += 1
			o.jobs = argv[i]
		elif a.startswith("--jobs="):
			o.jobs = a[len("--jobs="):]
		elif a.startswith("-j"):
			o.jobs = a[2:]
		elif a == "-o":
			if i + 1 >= len(argv):
				die("-o needs a file")
			i += 1
			o.out_json = argv[i]
		elif a.startswith("--output="):
			o.out_json = a[len("--output="):]
		elif a == "--keep":
			o.keep = True
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
	if not re.fullmatch(r"[0-9]+", o.jobs) or int(o.jobs) == 0:
		die("-j takes a positive number, not '%s'" % o.jobs)
	o.jobs = int(o.jobs)
	o.paths = o.paths or ["."]
	for p in o.paths:
		if p.startswith("/") or "/../" in "/%s/" % p:
			die("%s: give paths relative to the top of the kernel tree" % p)
	o.out_json = os.path.join(os.getcwd(), o.out_json)
	d = os.path.dirname(o.out_json)
	try:
		os.makedirs(d, exist_ok=True)
	except OSError:
		die("cannot create the folder of %s" % o.out_json)
	return o


def sparse_lines(path, src):
	"""The diagnostics of a sparse log, one per line (with their indented
	continuation lines, "   expected ...", joined by " | "), without the
	tree prefix and line numbers, sorted."""
	out = []
	cur = ""
	for line in read_text(path).replace(src + "/", "").split("\n"):
		m = re.search(r":[0-9]+:[0-9]+: ", line)
		if not m:
			continue
		where, msg = line[:m.start()], line[m.end():]
		if msg[:1] in (" ", "\t") and cur:
			cur += " | " + msg.lstrip(" \t")
			continue
		if cur:
			out.append(cur)
		cur = where + ": " + msg
	if cur:
		out.append(cur)
	return sorted(out, key=R.c_key)


def new_lines(old, new):
	"""The lines of new (sorted) that old (sorted) does not have, counted
	as a multiset (comm -13)."""
	left = Counter(old)
	out = []
	for line in new:
		if left[line]:
			left[line] -= 1
		else:
			out.append(line)
	return out


def json_lines(path):
	"""The JSON objects of a file of JSON lines (lines that are not JSON
	objects are left out)."""
	out = []
	for line in read_text(path).split("\n"):
		if not line.strip():
			continue
		try:
			v = json.loads(line)
		except ValueError:
			continue
		if isinstance(v, dict):
			out.append(v)
	return out


class Verify:
	def __init__(self, o):
		self.o = o
		self.tmp = None
		self.json_tmp = None
		self.src = None
		self.lock = None
		# configuration skipped notes
		self.notes = []
		self.skipped = []
		# name -> whether it is prepared in this run
		self.ready_configs = {}
		self.t_prepare_other = 0.0
		self.built_in = {}
		self.first = C.CONFIGS[0]

	def now(self):
		return int(time.time()) - self.t0

	def run_to(self, log, cmd, cwd=None, env=None):
		"""cmd with stdout and stderr to the file log; its exit status."""
		with open(log, "wb") as fp:
			try:
				return subprocess.run(cmd, cwd=cwd, env=env, stdout=fp,
						      stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
						      check=False).returncode
			except OSError as e:
				fp.write(("%s: %s\n" % (cmd[0], e)).encode())
				return 127

	# --- setting up ----------------------------------------------------------

	def setup(self):
		o = self.o
		for tool in TOOLS:
			if not shutil.which(tool):
				die("%s is missing (scripts/setup-deps --kernel; apt-get install sparse)"
				    % tool)
		self.check = os.path.join(TOP, "analyzer", "mmprep-check")
		self.convert = os.environ.get("MMPREP_VERIFY_CONVERT") or \
			os.path.join(HERE, "mmprep-convert")
		if not os.access(self.check, os.X_OK):
			say("building analyzer/mmprep-check")
			sys.stderr.flush()
			p = subprocess.run(["make", "-s", "-C", TOP, "analyzer"], stdout=sys.stderr,
					   stdin=subprocess.DEVNULL, check=False)
			if p.returncode:
				die("cannot build analyzer/mmprep-check")
		cache = os.environ.get("MMPREP_CACHE") or os.path.join(
			os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
									 ".cache"), "mmprep")
		ksrc = os.environ.get("MMPREP_KSRC")
		if not ksrc:
			p = subprocess.run([os.path.join(HERE, "kernel-tree")], stdout=subprocess.PIPE,
					   stdin=subprocess.DEVNULL, check=False)
			ksrc = p.stdout.decode("utf-8", "surrogateescape").strip()
			if p.returncode or not ksrc:
				die("no kernel tree (scripts/kernel-tree)")
		if not os.path.isdir(ksrc):
			die("%s: no such folder (MMPREP_KSRC)" % ksrc)
		self.ksrc = ksrc = os.path.abspath(ksrc)
		for p in o.paths:
			if not os.path.lexists(os.path.join(ksrc, p)):
				die("%s: no such file or folder in %s" % (p, ksrc))
		self.work = os.path.join(cache, "verify-6.12")
		self.logs = os.path.join(self.work, "logs")
		os.makedirs(self.work, exist_ok=True)
		self.lock = open(os.path.join(self.work, ".lock"), "w")
		try:
			fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
		except OSError:
			die("another mmprep-verify is running in %s" % self.work)
		self.tmp = tempfile.mkdtemp(prefix="mmprep-verify.")
		self.src = os.path.join(self.work, "src")

	def cleanup(self):
		if self.tmp:
			shutil.rmtree(self.tmp, ignore_errors=True)
		if self.json_tmp:
			try:
				os.unlink(self.json_tmp)
			except OSError:
				pass
		if self.src and not self.o.keep:
			remove(self.src)

	def scratch_tree(self):
		"""src/: hard links to the cache, the backport applied, and the
		files a converted hook may be in copied (so that the converter,
		which replaces the files it rewrites, cannot write through)."""
		src, logs = self.src, self.logs
		say("scratch copy of %s in %s" % (self.ksrc, src))
		remove(src)
		remove(logs)
		os.makedirs(os.path.join(logs, "orig"))
		os.makedirs(os.path.join(logs, "conv"))
		p = subprocess.run(["cp", "-al", self.ksrc, src], stdin=subprocess.DEVNULL,
				   check=False)
		if p.returncode:
			die("cannot make a hard-link copy of %s in %s" % (self.ksrc, src))
		backport = os.path.join(logs, "backport")
		if self.run_to(backport, [os.path.join(HERE, "api-backport", "apply"), src]):
			sys.stdout.flush()
			sys.stderr.write(read_text(backport))
			die("the API backport does not apply to %s" % self.ksrc)
		p = subprocess.run(["grep", "-rlE", "--include=*.[ch]", "--", CANDIDATES] + self.o.paths,
				   cwd=src, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, check=False)
		for f in p.stdout.decode("utf-8", "surrogateescape").split("\n"):
			if not f:
				continue
			path = os.path.join(src, f)
			shutil.copy2(path, path + ".mmprep-verify")
			os.replace(path + ".mmprep-verify", path)

	def obj(self, cfg):
		"""The O= folder of a configuration."""
		return os.path.join(self.work, cfg.folder)

	def configure(self, cfg):
		"""The O= folder of cfg: allmodconfig with its fragment once (again
		when the recipe changed), then prepare (incremental).  Its
		failure: (log, what) (None when it is ready)."""
		obj, logs = self.obj(cfg), self.logs
		os.makedirs(obj, exist_ok=True)
		marker = os.path.join(obj, ".mmprep-verify-config")
		recipe = cfg.recipe()
		if read_text(marker) != recipe or not os.path.isfile(os.path.join(obj, ".config")):
			say("configuring %s (%s allmodconfig; once)" % (obj, cfg.name))
			if os.path.lexists(marker):
				os.unlink(marker)
			log = os.path.join(logs, cfg.log("config"))
			env = dict(os.environ, KCONFIG_ALLCONFIG=cfg.fragment)
			if self.run_to(log, ["make", "-s", "-C", self.src, "O=" + obj] + cfg.make_args()
				       + ["allmodconfig"], env=env):
				return log, "make allmodconfig failed"
			with open(marker, "w") as fp:
				fp.write(recipe)
		say("make prepare modules_prepare" + ("" if cfg is self.first else " in " + obj))
		log = os.path.join(logs, cfg.log("prepare"))
		if self.run_to(log, ["make", "-s", "-C", self.src, "O=" + obj, "-j%d" % self.o.jobs]
			       + cfg.make_args() + ["prepare", "modules_prepare"]):
			return log, "make prepare failed in %s (see %s)" % (obj, log)
		return None

	def ready(self, cfg):
		"""Whether a configuration after the first can build: its compiler
		is there and its folder is prepared (once per run).  When it
		cannot, a note says why."""
		if cfg.name in self.ready_configs:
			return self.ready_configs[cfg.name]
		t = time.time()
		ok = False
		if not cfg.available():
			self.skipped.append(cfg.name)
			self.notes.append("configuration %s skipped: %s is missing (Debian package %s)"
					  % (cfg.name, cfg.compiler(), cfg.package))
		else:
			failed = self.configure(cfg)
			if failed:
				self.skipped.append(cfg.name)
				tail(failed[0])
				self.notes.append("configuration %s skipped: %s" % (cfg.name, failed[1]))
			else:
				ok = True
		self.ready_configs[cfg.name] = ok
		self.t_prepare_other += time.time() - t
		return ok

	def stamp(self):
		"""The cache must never change: a write through a hard link of src/
		would show as a file of the cache newer than this stamp.  File
		times tick coarsely (a jiffy): a write in the stamp's own tick would
		not be newer, so the converter starts a tick later."""
		self.stamp_file = os.path.join(self.tmp, "stamp")
		with open(self.stamp_file, "w"):
			pass
		time.sleep(0.05)

	def cache_intact(self, what):
		p = subprocess.run(["find", self.ksrc, "-type", "f", "-newer", self.stamp_file],
				   stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, check=False)
		written = [f for f in p.stdout.decode("utf-8", "surrogateescape").split("\n") if f]
		if not written:
			return
		sys.stdout.flush()
		for f in written:
			sys.stderr.write("%s: written through a hard link: %s\n" % (PROG, f))
		die("%s changed files of %s; remove it and run scripts/kernel-tree to unpack it again"
		    % (what, self.ksrc))

	def run_converter(self):
		o = self.o
		say("%s --in-place -j %d %s" % (os.path.basename(self.convert), o.jobs,
						 " ".join(o.paths)))
		self.records_file = os.path.join(self.logs, "records.json")
		log = os.path.join(self.logs, "convert")
		self.conv_rc = self.run_to(log, [self.convert, "--in-place", "-j", str(o.jobs),
						 "--records=" + self.records_file, "--"] + o.paths,
					   cwd=self.src)
		if self.conv_rc >= 2 or not os.path.isfile(self.records_file):
			tail(log)
			die("mmprep-convert failed (exit %d)" % self.conv_rc)

	def read_records(self):
		"""The converter's records, checked against records.schema.json."""
		path = self.records_file
		try:
			with open(path, encoding="utf-8", errors="surrogateescape") as fp:
				lines = fp.read().split("\n")
		except OSError as e:
			die("cannot read %s: %s" % (path, e.strerror))
		recs = []
		for n, text in enumerate(lines, 1):
			if not text.strip():
				continue
			try:
				rec = json.loads(text)
			except ValueError:
				die("%s:%d: not JSON" % (path, n))
			errs = R.validate(rec)
			if errs:
				die("%s:%d: a record not of records.schema.json: %s" % (path, n, errs[0]))
			recs.append(rec)
		self.recs = recs

	# --- what to build ---------------------------------------------------

	def changed_files(self):
		"""The files the converter changed: no longer links into the cache
		(neither are the backport's files and the de-linked candidates,
		which a comparison tells apart).  A new file counts as changed."""
		backport = set(BACKPORT_HEADERS)
		with open(os.path.join(HERE, "api-backport", "linux-6.12.patch"), encoding="utf-8",
			  errors="surrogateescape") as fp:
			for line in fp:
				m = re.match(r"^\+\+\+ b/(\S*)", line)
				if m:
					backport.add(m.group(1))
		p = subprocess.run(["find", ".", "-type", "f", "-links", "1", "-printf", "%P\\0"],
				   cwd=self.src, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
				   check=False)
		single = [f for f in p.stdout.decode("utf-8", "surrogateescape").split("\0")
			  if f and f not in backport]
		changed = []
		for f in R.c_sorted(single):
			orig = os.path.join(self.ksrc, f)
			if not os.path.exists(orig) or \
			   not filecmp.cmp(orig, os.path.join(self.src, f), shallow=False):
				changed.append(f)
		self.changed = changed

	def subjects(self):
		"""[(file, why)]: the files with a converted hook, the other .c files
		the converter changed, and the users of a header it changed
		(mmprep.kbuild.header_users), sorted."""
		self.converted = R.c_sorted({r["file"] for r in self.recs if r["status"] == "converted"})
		conv = set(self.converted)
		subj = {}
		for f in self.converted:
			subj.setdefault(f, "converted")
		others = [f for f in self.changed if f not in conv]
		for f in others:
			if f.endswith(".c"):
				subj.setdefault(f, "changed")
		for h in others:
			if h.endswith(".c"):
				continue
			old = kbuild.read_text(os.path.join(self.ksrc, h))
			new = kbuild.read_text(os.path.join(self.src, h))
			for f in kbuild.header_users(self.src, h, old, new, ARCHES):
				subj.setdefault(f, "includes " + h)
		self.subj = [tuple(l.split("\t", 1)) for l in
			     R.c_sorted("%s\t%s" % (f, why) for f, why in subj.items())]

	# --- building --------------------------------------------------------

	def build(self, cfg, stage, cfiles):
		"""make -k the objects of cfiles in the folder of cfg; the files
		whose object was built.  The output goes to logs/STAGE.make
		(grouped by target with -Otarget)."""
		obj = self.obj(cfg)
		targets = []
		for f in cfiles:
			o = f[:-2] + ".o"
			try:
				os.unlink(os.path.join(obj, o))
			except FileNotFoundError:
				pass
			targets.append(o)
		if not targets:
			return []
		# LANG=C: plain quotes in compiler messages (Kbuild unexports LC_ALL).
		env = dict(os.environ, LANG="C", LC_ALL="C", MMPREP_VERIFY_LOGS=self.logs,
			   MMPREP_VERIFY_SRC=self.src, MMPREP_VERIFY_CHECK=self.check)
		env["PYTHONPATH"] = HERE + (":" + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
		# The checker runs once per file: this interpreter straight away,
		# not the entry script (nor a python3 found through a shim).
		check = " ".join(shlex.quote(w) for w in (
			sys.executable or "python3", "-m", "mmprep.verify", "--kbuild-checker=" + stage))
		self.run_to(os.path.join(self.logs, stage + ".make"),
			    ["make", "-C", self.src, "O=" + obj, "-k", "-j%d" % self.o.jobs, "-Otarget"]
			    + cfg.make_args() + ["C=1", "CHECK=" + check] + targets, env=env)
		return [f for f in cfiles if os.path.isfile(os.path.join(obj, f[:-2] + ".o"))]

	def first_error(self, stage, f):
		"""The first compiler error of f's target in logs/STAGE.make."""
		o = f[:-2] + ".o"
		inblock = False
		for line in read_text(os.path.join(self.logs, stage + ".make")).split("\n"):
			if re.match(r"^  [A-Z][A-Z_0-9]* ", line):
				inblock = line.split()[-1] == o
				continue
			if (inblock and re.search(r" error: |fatal error: |Error [0-9]", line)) or \
			   ("No rule to make target" in line and o in line):
				return line.replace(self.src + "/", "")
		return ""

	def cc_warnings(self, stage, f):
		"""The compiler's (and objtool's) warnings in the output of f's
		target in logs/STAGE.make: [(the warning without its line and
		column, the line as printed)], in the order printed."""
		o = f[:-2] + ".o"
		inblock = False
		out = []
		for line in read_text(os.path.join(self.logs, stage + ".make")).split("\n"):
			if re.match(r"^  [A-Z][A-Z_0-9]* ", line):
				inblock = line.split()[-1] == o
				continue
			line = line.replace(self.src + "/", "")
			m = inblock and re.match(r"^(.*?)(?::[0-9]+){0,2}: warning: (.*)$", line)
			if m:
				out.append(("%s: warning: %s" % (m.group(1), m.group(2)), line))
		return out

	def build_both(self):
		"""The originals, then the converted files, each in the folder of
		the first configuration that builds its original."""
		cfiles = [f for f, why in self.subj if f.endswith(".c")]
		keep = os.path.join(self.tmp, "converted-tree")
		for f in self.changed:
			os.makedirs(os.path.join(keep, os.path.dirname(f)), exist_ok=True)
			shutil.move(os.path.join(self.src, f), os.path.join(keep, f))
			if os.path.exists(os.path.join(self.ksrc, f)):
				shutil.copy2(os.path.join(self.ksrc, f), os.path.join(self.src, f))
		say("building the %d original objects" % len(cfiles))
		# file -> the configuration that built its original
		self.built_in = {}
		left = cfiles
		for cfg in C.CONFIGS:
			todo = left if cfg is self.first else [f for f in left if cfg.may_build(f)]
			if not todo or (cfg is not self.first and not self.ready(cfg)):
				continue
			if cfg is not self.first:
				say("building %d original objects in %s" % (len(todo), cfg.name))
			for f in self.build(cfg, cfg.stage("orig"), todo):
				self.built_in[f] = cfg
			left = [f for f in left if f not in self.built_in]
		self.t_orig = self.now()
		for f in self.changed:
			shutil.move(os.path.join(keep, f), os.path.join(self.src, f))
		# Only what built originally is built converted.
		say("building the %d converted objects" % len(self.built_in))
		self.conv_ok = set()
		for cfg in C.CONFIGS:
			todo = [f for f in cfiles if self.built_in.get(f) is cfg]
			if todo:
				self.conv_ok.update(self.build(cfg, cfg.stage("conv"), todo))
		self.t_conv = self.now()

	# --- results ---------------------------------------------------------

	def converted_recs(self, f):
		return [r for r in self.recs if r["file"] == f and r["status"] == "converted"]

	def all_rules(self, f):
		rules = set()
		for r in self.converted_recs(f):
			rules.update(x for x in r.get("rule", "").split(",") if x)
		return R.c_sorted(rules)

	def rules_at(self, f, line):
		"""The rules of the converted hook whose function holds line in the
		converted file (all rules of the file when none does)."""
		text = read_text(os.path.join(self.src, f)).split("\n")
		best = 0
		rules = ""
		for r in self.converted_recs(f):
			fn = r["function"]
			head = re.compile(r"^[^\s#].*(?<![A-Za-z0-9_])(?:%s|%s_prepare)\s*\(" %
					  (re.escape(fn), re.escape(fn)))
			starts = [n for n, l in enumerate(text, 1) if n <= line and head.search(l)]
			if starts and starts[-1] > best:
				best = starts[-1]
				rules = "%s (%s)" % (r.get("rule", ""), fn)
		return rules or ",".join(self.all_rules(f))

	def file_result(self, f, why):
		logs = self.logs
		fns = ",".join(r["function"] for r in self.converted_recs(f))
		res = {"file": f, "why": why, "changed": f in self.changed,
		       "rules": self.all_rules(f), "functions": fns.split(",") if fns else [],
		       "kind": "object" if f.endswith(".c") else "other", "config": None,
		       "original_builds": False, "compiled": None, "original_error": None,
		       "error": None, "rules_at_fault": None, "sparse_new_warnings": [],
		       "compiler_new_warnings": [],
		       "findings_count": None, "findings": [], "analyzer_error": None}
		if res["kind"] != "object":
			return res
		cfg = self.built_in.get(f)
		if cfg is None:
			# the error of the first configuration
			res["original_error"] = self.first_error("orig", f) or \
				"no object and no compiler error (see %s/orig.make)" % logs
			return res
		orig, conv = cfg.stage("orig"), cfg.stage("conv")
		res["config"] = cfg.name
		res["original_builds"] = True
		res["compiled"] = f in self.conv_ok
		if not res["compiled"]:
			err = self.first_error(conv, f) or \
				"no object and no compiler error (see %s/%s.make)" % (logs, conv)
			res["error"] = err
			m = re.match(r"^%s:([0-9]*):" % re.escape(f), err)
			line = int(m.group(1)) if m and m.group(1) else 0
			if err.startswith("include/linux/mmap_prepare_backport"):
				fault = "not a rule: the API backport (scripts/api-backport)"
			else:
				fault = self.rules_at(f, line)
			res["rules_at_fault"] = fault or "no converted hook in this file: " + why
			return res
		base = os.path.join(logs, "%s", f)
		res["sparse_new_warnings"] = new_lines(
			sparse_lines(base % orig + ".sparse", self.src),
			sparse_lines(base % conv + ".sparse", self.src))
		# The warnings of the compiler, compared the same way; the
		# converted file's own lines, as printed (with line numbers).
		left = Counter(k for k, line in self.cc_warnings(orig, f))
		for k, line in self.cc_warnings(conv, f):
			if left[k]:
				left[k] -= 1
			else:
				res["compiler_new_warnings"].append(line)
		if res["compiler_new_warnings"]:
			# allmodconfig builds with CONFIG_WERROR=y: a warning the
			# conversion adds breaks that build (the configurations here
			# turn it off only so that the original's own warnings do not)
			first = re.sub(r"^%s/" % re.escape(self.src), "", res["compiler_new_warnings"][0])
			res["compiled"] = False
			res["error"] = "%s (new: an error with CONFIG_WERROR=y)" % first
			m = re.match(r"^%s:([0-9]*):" % re.escape(f), first)
			fault = self.rules_at(f, int(m.group(1)) if m and m.group(1) else 0)
			res["rules_at_fault"] = fault or "no converted hook in this file: " + why
		rc = read_text(base % conv + ".check.rc").strip()
		if rc:
			found = [x for x in json_lines(base % conv + ".check")
				 if x.get("status") == "finding"]
			res["findings_count"] = len(found)
			res["findings"] = [{"line": x.get("line"), "check": x.get("check"),
					    "message": x.get("message")} for x in found]
			if not rc.isdigit() or int(rc) >= 2:
				err = [l for l in read_text(base % conv + ".check.err").split("\n") if l]
				res["analyzer_error"] = err[0] if err else "mmprep-check failed"
		else:
			res["analyzer_error"] = "mmprep-check did not run"
		return res

	def table(self, files):
		"""One line per file whose original builds, its details below; then
		the files not counted."""
		w = sys.stdout.write
		w(pad("file", 52) + pad("compiled", 10) + pad("sparse+", 9) + pad("findings", 10)
		  + "rules\n")
		yn = {True: "ok", False: "FAIL", None: "-"}
		for r in files:
			if not r["original_builds"]:
				continue
			sp = str(len(r["sparse_new_warnings"])) if r["compiled"] else "-"
			nf = "-" if r["findings_count"] is None else str(r["findings_count"])
			rules = ",".join(r["rules"]) if r["why"] == "converted" else "(%s)" % r["why"]
			if r["config"] != self.first.name:
				rules += " [%s]" % r["config"]
			w(pad(r["file"], 52) + pad(yn[r["compiled"]], 10) + pad(sp, 9) + pad(nf, 10)
			  + rules + "\n")
			if r["compiled"] is False:
				w("    error: %s\n    rule at fault: %s\n" % (jq_text(r["error"]),
									 jq_text(r["rules_at_fault"])))
			for s in r["compiler_new_warnings"]:
				w("    cc: %s\n" % s)
			for s in r["sparse_new_warnings"]:
				w("    sparse: %s\n" % s)
			for x in r["findings"]:
				w("    %s: line %s: %s\n" % (jq_text(x["check"]), jq_text(x["line"]),
							jq_text(x["message"])))
			if r["analyzer_error"] is not None:
				w("    mmprep-check: %s\n" % r["analyzer_error"])
		notbuilt = [r for r in files if not r["original_builds"]]
		if notbuilt:
			tried = [c.name for c in C.CONFIGS if self.ready_configs.get(c.name)]
			w("\nNot counted: %d file(s) whose 6.12 original builds in no configuration "
			  "here (%s; the error in %s):\n" % (len(notbuilt), ", ".join(tried),
							   self.first.name))
			for r in notbuilt:
				w("  %s: %s\n" % (r["file"], jq_text(r["original_error"])
						   if r["kind"] == "object" else "not an object file"))

	def summary(self, files, t):
		"""The JSON summary (bench/verify.json)."""
		# hooks as every tool counts them (mmprep.records.tally): a "rename"
		# record binds or declares a hook converted in another file
		hooks = [r for r in self.recs if r.get("rule") != "rename"]
		count = lambda st: sum(1 for r in hooks if r["status"] == st)
		with open(os.path.join(self.ksrc, "Makefile"), encoding="utf-8",
			  errors="replace") as fp:
			kver = []
			for line in fp:
				w = line.split()
				if w and w[0] in ("VERSION", "PATCHLEVEL", "SUBLEVEL"):
					kver.append(w[2] if len(w) > 2 else "")
		return {
			"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
			"tree": self.ksrc, "kernel": ".".join(kver),
			# the configurations that built an original (the first at least)
			"config": [c.name for c in C.CONFIGS
				   if c is self.first or c in self.built_in.values()],
			"configs_skipped": self.skipped,
			"compiler": first_line(["gcc", "--version"]),
			"sparse": first_line(["sparse", "--version"]),
			"api": "7.2", "paths": self.o.paths, "jobs": self.o.jobs,
			"hooks_converted": count("converted"), "hooks_declined": count("declined"),
			# the others: error, timeout, parse-error (and convertible, which
			# --in-place does not write)
			"hooks_error": sum(1 for r in hooks
					   if r["status"] not in ("converted", "declined")),
			"converter_exit": self.conv_rc,
			"files_changed": len(self.changed),
			"files_converted": sum(1 for r in files if r["why"] == "converted"),
			"files_changed_list": self.changed,
			"files_not_built_originally": sum(1 for r in files if not r["original_builds"]),
			"files_checked": sum(1 for r in files if r["original_builds"]),
			"files_compiled_ok": sum(1 for r in files if r["compiled"] is True),
			"files_failed": sum(1 for r in files if r["compiled"] is False),
			"files_sparse_new_warnings": sum(1 for r in files if r["sparse_new_warnings"]),
			"sparse_new_warnings": sum(len(r["sparse_new_warnings"]) for r in files),
			"files_compiler_new_warnings": sum(1 for r in files if r["compiler_new_warnings"]),
			"compiler_new_warnings": sum(len(r["compiler_new_warnings"]) for r in files),
			"files_with_findings": sum(1 for r in files if (r["findings_count"] or 0) > 0),
			"findings": sum(r["findings_count"] or 0 for r in files),
			"files_analyzer_error": sum(1 for r in files if r["analyzer_error"] is not None),
			"seconds": t,
			"files": files,
		}

	def write_json(self, data):
		"""The summary written beside its place and renamed over it."""
		out = self.o.out_json
		fd, self.json_tmp = tempfile.mkstemp(prefix=os.path.basename(out) + ".",
						     dir=os.path.dirname(out))
		umask = os.umask(0)
		os.umask(umask)
		os.fchmod(fd, 0o666 & ~umask)
		with os.fdopen(fd, "w", encoding="utf-8") as fp:
			fp.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
		os.replace(self.json_tmp, out)
		self.json_tmp = None

	def main(self):
		o = self.o
		self.setup()
		self.t0 = int(time.time())
		self.scratch_tree()
		t_copy = self.now()
		failed = self.configure(self.first)
		if failed:
			tail(failed[0])
			die(failed[1])
		self.ready_configs[self.first.name] = True
		t_prepare = self.now()
		self.stamp()
		self.run_converter()
		self.cache_intact("the converter")
		t_convert = self.now()
		self.read_records()
		self.changed_files()
		self.subjects()
		self.build_both()
		self.cache_intact("the build")
		files = [self.file_result(f, why) for f, why in self.subj]
		self.table(files)
		t_total = self.now()
		other = int(self.t_prepare_other)
		data = self.summary(files, {
			"copy_and_backport": t_copy, "prepare": t_prepare - t_copy,
			"convert": t_convert - t_prepare, "prepare_other_configs": other,
			"build_original": self.t_orig - t_convert - other,
			"build_converted": self.t_conv - self.t_orig, "total": t_total})
		self.write_json(data)
		w = sys.stdout.write
		w("\nhooks: %d converted, %d declined, %d errors\n" % (
			data["hooks_converted"], data["hooks_declined"], data["hooks_error"]))
		w("files: %d converted, %d not built originally, %d checked: %d compiled, %d failed, "
		  "%d with new compiler warnings, %d with new sparse warnings, %d with findings\n" % (
			  data["files_converted"], data["files_not_built_originally"],
			  data["files_checked"], data["files_compiled_ok"], data["files_failed"],
			  data["files_compiler_new_warnings"], data["files_sparse_new_warnings"],
			  data["files_with_findings"]))
		s = data["seconds"]
		w("time: %d s (convert %d s, original %d s, converted %d s)\n" % (
			s["total"], s["convert"], s["build_original"], s["build_converted"]))
		changed = set(self.changed)
		conv = set(self.converted)
		notes = ["%s has a converted hook but did not change" % f
			 for f in self.converted if f not in changed]
		notes += ["%s changed without a converted hook" % f
			  for f in self.changed if f not in conv]
		notes += ["converter %s: %s:%s: %s: %s" % (r["status"], r["file"], r["line"],
							   r["function"], r.get("reason", ""))
			  for r in self.recs if r["status"] not in ("converted", "declined")]
		for n in notes + self.notes:
			w("note: %s\n" % n)
		say("summary in %s, logs in %s" % (o.out_json, self.logs))
		return 0 if data["files_failed"] == 0 else 1


def first_line(cmd):
	"""The first line a command prints (stdout and stderr)."""
	try:
		p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
				   stdin=subprocess.DEVNULL, check=False)
	except OSError:
		return ""
	return p.stdout.decode("utf-8", "replace").split("\n", 1)[0]


def _signal(signum, frame):
	raise Interrupted()


def main(argv):
	try:
		o = parse_args(argv)
	except VerifyError as e:
		sys.stderr.write("%s: %s\n" % (PROG, e))
		return 2
	if o is None:
		sys.stdout.write(__doc__)
		return 0
	v = Verify(o)
	signal.signal(signal.SIGTERM, _signal)
	try:
		return v.main()
	except VerifyError as e:
		sys.stdout.flush()
		sys.stderr.write("%s: %s\n" % (PROG, e))
		return 2
	except (KeyboardInterrupt, Interrupted):
		return 130
	finally:
		v.cleanup()
