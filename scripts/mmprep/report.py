# SPDX-License-Identifier: GPL-2.0
"""mmprep-report: where a kernel tree stands in the move to mmap_prepare.

Usage: mmprep-report --tree DIR [--format html|md|json|csv|records] [-o OUT]
                     [--compare OLD] [--api=LEVEL] [-j N] [PATH...]

  --tree DIR        the kernel tree (it must have a MAINTAINERS file)
  --format F        html (one self-contained page), md (short, for a mailing
                    list), json (the full report), csv (one row per hook),
                    records (the raw JSON lines, to merge shards with --from);
                    default: from the extension of -o, else md
  -o OUT            write OUT (replaced atomically) instead of stdout
  --compare OLD     what changed since OLD: a tree, or a --format=json report
  --api=LEVEL       target API level for the converter and the analyzer:
                    6.19, 7.0, 7.1 or 7.2 (default 7.2)
  -j N              parallel jobs (default: number of CPUs)
  PATH...           only these files or folders, relative to the tree
  --link-base URL   hook links: URL + file + "#n" + line, or a template with
                    %f and %l (default: file:// links into the tree)
  --title TEXT      page and Markdown title
  --md-limit N      subsystems listed in Markdown (default 40)
  --build DIR       compile_commands.json folder for the analyzer (default:
                    the tree's own if it has one, else the shim headers)
  --shard=I/N       only the I-th of N deterministic slices of the files
  --from FILE       render from saved --format=records output (repeatable)
                    instead of scanning
  --no-cache        do not read or write the record cache
  -q, --quiet       no progress on stderr

Each file that may bind an mmap hook goes through scripts/mmprep-convert
--json (classification), files with .mmap_prepare hooks through
analyzer/mmprep-check (findings), and all of them through the initialiser
scan of reports/mmprep-report-gen (other hook types); the records are grouped
by MAINTAINERS entry and directory. Converter and analyzer records are cached
per file content, tool version and API level in
${MMPREP_CACHE:-~/.cache/mmprep}/report-records/.

Exit status: 0 when the report was written, 2 on a usage or input error.
"""

# The orchestration only: the renderer and the report model are the C
# program reports/mmprep-report-gen, called as "scan" (the initialiser scan
# of the files) and "render" (records to a report).  Records are JSON lines
# read through mmprep.records; the file list is sharded by mmprep.records.

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading

from mmprep import api as API
from mmprep import cli
from mmprep import records as R

PROG = "mmprep-report"
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FORMATS = ("html", "md", "json", "csv", "records")
# the extension of -o -> the default format
EXTENSIONS = ((".html", "html"), (".htm", "html"), (".json", "json"), (".csv", "csv"),
	      (".jsonl", "records"))
# what the file list is grepped for: a file that may bind an mmap hook
SCAN_WORDS = ("mmap", "vm_area_", "success_hook", "error_hook")
# the converter's own prefilter, and the old action hooks
CONVERT_RE = r"\.mmap[[:space:]]*=|success_hook|error_hook"
ACTION_RE = r"success_hook|error_hook"
TIMEOUT = re.compile(rb'"status": *"timeout"')


class Usage(Exception):
	"""A usage or input error: one line on stderr, exit 2."""


class Interrupted(Exception):
	"""SIGINT or SIGTERM: clean up and exit 130."""


def die(msg):
	raise Usage(msg)


def env(name, default):
	"""${NAME:-default}."""
	return os.environ.get(name) or default


# -- paths the way the shell spells them ---------------------------------

def dirname(p):
	"""dirname(1)."""
	p = p.rstrip("/") or ("/" if p.startswith("/") else p)
	if "/" not in p:
		return "."
	d = p.rsplit("/", 1)[0].rstrip("/")
	return d or "/"


def basename(p):
	"""basename(1)."""
	s = p.rstrip("/")
	if not s:
		return "/" if p else ""
	return s.rsplit("/", 1)[-1]


def _same(a, b):
	try:
		return os.path.samefile(a, b)
	except OSError:
		return False


def absolute(path):
	"""The folder path as "cd PATH && pwd" prints it: symbolic links kept,
	relative to $PWD."""
	if not path.startswith("/"):
		base = os.environ.get("PWD", "")
		if not base.startswith("/") or not _same(base, "."):
			base = os.getcwd()
		path = os.path.join(base, path)
	norm = os.path.normpath(path)
	return norm if _same(norm, path) else os.path.realpath(path)


def digits(text):
	"""A count the shell scripts accept: digits only, not "0"."""
	return bool(re.fullmatch(r"[0-9]+", text)) and text != "0"


# -- the command line ----------------------------------------------------

class Options:
	"""The command line, as given."""

	def __init__(self):
		self.tree = ""
		self.format = ""
		self.out = ""
		self.compare = ""
		self.api = "7.2"
		self.jobs = str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
				else os.cpu_count() or 1)
		self.link_base = ""
		self.title = ""
		self.md_limit = "40"
		self.build = ""
		self.shard = ""
		self.froms = []
		self.cache = True
		self.quiet = False
		self.paths = []


# the options that take a value (--NAME VALUE or --NAME=VALUE) -> attribute
VALUED = {"--tree": "tree", "--format": "format", "--output": "out", "--compare": "compare",
	  "--api": "api", "--link-base": "link_base", "--title": "title",
	  "--md-limit": "md_limit", "--build": "build", "--shard": "shard", "--from": "froms"}


def parse(argv):
	"""The options; None for --help (at once, as the shell version did)."""
	o = Options()
	i = 0
	while i < len(argv):
		a = argv[i]
		name, _, value = a.partition("=")
		if a in VALUED or a in ("-o", "-j"):
			if i + 1 >= len(argv):
				die("%s needs a value (see --help)" % a)
			name, value = a, argv[i + 1]
			i += 1
		elif a.startswith("-j"):
			name, value = "-j", a[2:]
		elif "=" in a and (name in VALUED or name == "--jobs"):
			pass
		elif a == "--no-cache":
			name, o.cache = None, False
		elif a in ("-q", "--quiet"):
			name, o.quiet = None, True
		elif a in ("-h", "--help"):
			return None
		elif a == "--":
			o.paths += argv[i + 1:]
			break
		elif a.startswith("-"):
			die("unknown option '%s' (see --help)" % a)
		else:
			name = None
			o.paths.append(a)
		if name == "--from":
			o.froms.append(value)
		elif name in ("-o", "--output"):
			o.out = value
		elif name in ("-j", "--jobs"):
			o.jobs = value
		elif name is not None:
			setattr(o, VALUED[name], value)
		i += 1
	return o


def check(o):
	"""Every argument checked, in the order of the shell version, before any
	work starts; paths made absolute."""
	if not o.tree:
		die("--tree DIR is required (see --help)")
	if not os.path.isdir(o.tree):
		die("%s: no such directory" % o.tree)
	if not os.path.isfile(os.path.join(o.tree, "MAINTAINERS")):
		die("%s is not a kernel tree: it has no MAINTAINERS file" % o.tree)
	o.tree = absolute(o.tree)
	if not o.format:
		o.format = next((f for ext, f in EXTENSIONS if o.out.endswith(ext)), "md")
	if o.format not in FORMATS:
		die("unknown format '%s' (html, md, json, csv or records)" % o.format)
	if o.api not in API.names():
		die("unknown API level '%s' (%s)" % (o.api, API.listing()))
	if not digits(o.jobs):
		die("-j takes a positive number, not '%s'" % o.jobs)
	if not digits(o.md_limit):
		die("--md-limit takes a positive number, not '%s'" % o.md_limit)
	if o.shard:
		try:
			o.shard = R.parse_shard(o.shard)
		except ValueError as e:
			die(str(e))
	else:
		o.shard = None
	for p in o.paths:
		if p.startswith("/") or p.startswith("../") or "/../" in p or p == "..":
			die("%s: a PATH is relative to the tree and inside it" % p)
		if not os.path.exists(os.path.join(o.tree, p)):
			die("%s: no such file or directory in %s" % (p, o.tree))
	for f in o.froms:
		if not os.path.isfile(f) or not os.access(f, os.R_OK):
			die("--from %s: cannot read it" % f)
		check_records(f)
	if o.compare and o.format == "records":
		die("--compare makes a report, not records: use --format html, md, json or csv")
	if o.compare:
		if os.path.isdir(o.compare):
			if not os.path.isfile(os.path.join(o.compare, "MAINTAINERS")):
				die("%s is not a kernel tree: it has no MAINTAINERS file" % o.compare)
			o.compare = absolute(o.compare)
		elif os.path.isfile(o.compare) and os.access(o.compare, os.R_OK):
			try:
				with open(o.compare, "rb") as fp:
					rep = json.loads(fp.read().decode("utf-8", "replace"))
			except (OSError, ValueError):
				rep = None
			if not isinstance(rep, dict) or rep.get("schema") != "mmprep-report/1":
				die("--compare %s: not a --format=json report of this version" % o.compare)
			o.compare = os.path.join(absolute(dirname(o.compare)), basename(o.compare))
		else:
			die("--compare %s: no such tree or report" % o.compare)
	if o.build:
		if not os.path.isfile(os.path.join(o.build, "compile_commands.json")):
			die("--build %s: no compile_commands.json there" % o.build)
		o.build = absolute(o.build)
	elif os.path.isfile(os.path.join(o.tree, "compile_commands.json")):
		o.build = o.tree
	if o.out:
		odir = dirname(o.out)
		if not os.path.isdir(odir):
			die("cannot write %s: no directory %s" % (o.out, odir))
		try:
			fd, probe = tempfile.mkstemp(prefix=".mmprep-report.", dir=odir)
			os.close(fd)
			os.unlink(probe)
		except OSError:
			die("cannot write %s: %s is not writable" % (o.out, odir))
		o.out = os.path.join(absolute(odir), basename(o.out))
	if not o.link_base:
		o.link_base = "file://%s/" % o.tree


def check_records(path):
	"""A --from file: JSON lines, one object each (mmprep.records.read), the
	converter's records valid against the schema (mmprep.records.validate;
	the analyzer's and the scan's are the renderer's to check)."""
	try:
		with open(path, "rb") as fp:
			lines = fp.read().decode("utf-8", "replace").split("\n")
		recs = R.read(lines, path)
	except (OSError, ValueError):
		recs = None
	if recs is None or not all(isinstance(r, dict) for r in recs):
		die("--from %s: not JSON-lines records (--format=records output)" % path)
	numbers = [n for n, text in enumerate(lines, 1) if text.strip()]
	for n, r in zip(numbers, recs):
		errs = R.validate(r) if r.get("tool") == R.TOOL else []
		if errs:
			die("--from %s:%d: %s: not a converter record of this version"
			    % (path, n, errs[0]))


# -- running the tools -----------------------------------------------------

class Tools:
	"""The programs the report runs, and the versions the cache is keyed by."""

	def __init__(self):
		self.conv = env("MMPREP_CONVERT", os.path.join(TOP, "scripts/mmprep-convert"))
		self.check = env("MMPREP_CHECK", os.path.join(TOP, "analyzer/mmprep-check"))
		# installed: the analyzer is in the PATH
		if not os.access(self.check, os.X_OK) and not os.environ.get("MMPREP_CHECK") \
		   and shutil.which("mmprep-check"):
			self.check = shutil.which("mmprep-check")
		self.gen = env("MMPREP_REPORT_GEN", os.path.join(TOP, "reports/mmprep-report-gen"))
		self.spatch_version = None
		self.conv_version = None
		self.check_version = ""
		self.check_label = ""

	def versions(self, build):
		"""The versions of spatch, of the converter (every semantic patch
		under cocci/, the converter and spatch) and of the analyzer (its
		binary, its version and the compilation database)."""
		if shutil.which("spatch") is None:
			die("spatch not found (install coccinelle: scripts/setup-deps)")
		first = first_line(output(["spatch", "--version"])).split()
		self.spatch_version = first[2] if len(first) > 2 else ""
		h = hashlib.sha256()
		files = []
		for d in (os.path.join(TOP, "cocci"), os.path.join(TOP, "scripts/mmprep")):
			for root, _, names in os.walk(d):
				for n in names:
					p = os.path.join(root, n)
					if n.endswith((".cocci", ".py", ".json")) and \
					   os.path.isfile(p) and not os.path.islink(p):
						files.append(p)
		for p in sorted(files, key=os.fsencode) + [self.conv]:
			try:
				with open(p, "rb") as fp:
					h.update(fp.read())
			except OSError:
				pass	# a missing converter fails when it runs
		h.update(os.fsencode(self.spatch_version) + b"\n")
		self.conv_version = h.hexdigest()[:16]
		if os.access(self.check, os.X_OK) and os.path.isfile(self.check):
			label = first_line(output([self.check, "--version"]))
			if label.startswith("mmprep-check "):
				label = label[len("mmprep-check "):]
			self.check_label = label
			text = sha256_line(self.check, "-") + os.fsencode(label) + b"\n"
			if build:
				text += sha256_line(os.path.join(build, "compile_commands.json"), "-")
			self.check_version = hashlib.sha256(text).hexdigest()[:16]


def output(cmd):
	"""The standard output of cmd (nothing if it cannot run)."""
	try:
		res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
				     check=False)
	except OSError:
		return ""
	return res.stdout.decode("utf-8", "surrogateescape")


def first_line(text):
	"""The first line, as $(... | head -n 1) gives it."""
	return text.split("\n", 1)[0]


def sha256_line(path, name=None):
	"""The line sha256sum(1) prints for path (named name)."""
	h = hashlib.sha256()
	with open(path, "rb") as fp:
		for block in iter(lambda: fp.read(1 << 20), b""):
			h.update(block)
	name = path if name is None else name
	lead = ""
	if "\\" in name or "\n" in name:
		lead = "\\"
		name = name.replace("\\", "\\\\").replace("\n", "\\n")
	return os.fsencode("%s%s  %s\n" % (lead, h.hexdigest(), name))


def grep_l(args, files, cwd):
	"""The files of files that grep -l args matches, in their order."""
	out = []
	for i in range(0, len(files), 1000):
		res = subprocess.run(["grep", "-l"] + args + ["--"] + files[i:i + 1000], cwd=cwd,
				     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
		out += [os.fsdecode(l) for l in res.stdout.split(b"\n") if l]
	return out


def read_records(path):
	"""The records of a JSON-lines file of a tool."""
	with open(path, "rb") as fp:
		return R.read(fp.read().decode("utf-8", "replace").split("\n"), path)


def write_atomically(path, data):
	"""path replaced by data (bytes) through a temporary file beside it."""
	fd, tmp = tempfile.mkstemp(prefix=os.path.basename(path) + ".",
				   dir=os.path.dirname(path))
	try:
		with os.fdopen(fd, "wb") as fp:
			fp.write(data)
		os.replace(tmp, path)
	except BaseException:
		try:
			os.unlink(tmp)
		except OSError:
			pass
		raise


# -- jq's order and output, for the merged converter records ---------------

def jq_key(v):
	"""A sort key that orders JSON values the way jq's sort and unique do:
	null, false, true, numbers, strings (by bytes), arrays, objects (by their
	sorted keys, then by their values in that order)."""
	if v is None:
		return (0,)
	if v is False:
		return (1,)
	if v is True:
		return (2,)
	if isinstance(v, (int, float)):
		return (3, v)
	if isinstance(v, str):
		return (4, v.encode("utf-8", "surrogatepass"))
	if isinstance(v, list):
		return (5, [jq_key(x) for x in v])
	keys = sorted(v, key=lambda k: k.encode("utf-8", "surrogatepass"))
	return (6, [jq_key(k) for k in keys], [jq_key(v[k]) for k in keys])


def jq_dump(rec):
	"""One record as jq -c writes it."""
	text = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
	text = text.replace("\x7f", "\\u007f")
	return re.sub("[\ud800-\udfff]", "\ufffd", text)


def jq_text(v):
	"""v in a jq string interpolation."""
	return v if isinstance(v, str) else jq_dump(v)


def merge_convert(recs):
	"""The converter's records as the report reads them.  The run on the
	file that defines a global hook also writes the "rename" records of the
	files that bind it; those replace the "defined in another file" records
	of those files' own runs.  Sorted and unique in jq's order (the order
	of the records the shell version wrote)."""
	def hook(r):
		return "%s:%s" % (jq_text(r.get("file")), jq_text(r.get("function")))
	conv = {hook(r) for r in recs if r.get("status") == "converted"}
	keep = [r for r in recs
		if r.get("status") != "declined" or r.get("reason_id") != "defined-elsewhere"
		or hook(r) not in conv]
	out = []
	last = None
	for r in sorted(keep, key=jq_key):
		k = jq_key(r)
		if k != last:
			out.append(r)
		last = k
	return out


# -- the report --------------------------------------------------------------

class Report:
	"""One mmprep-report run: its options, tools and work folder."""

	def __init__(self, o, tools):
		self.o = o
		self.tools = tools
		self.cache_dir = os.path.join(env("MMPREP_CACHE", os.path.join(
			env("HOME", os.path.expanduser("~")), ".cache/mmprep")), "report-records")
		self.work = tempfile.mkdtemp(prefix="mmprep-report.", dir=env("TMPDIR", "/tmp"))
		self.progress = not o.quiet and sys.stderr.isatty()
		self.lock = threading.Lock()
		self.children = set()	# the tools running now
		self.total = self.done = 0	# files to analyse, analysed

	def say(self, msg):
		sys.stderr.write("%s: %s\n" % (PROG, msg))
		sys.stderr.flush()

	def path(self, name):
		return os.path.join(self.work, name)

	def child(self, cmd, cwd, out, err):
		"""Run a tool, known to stop() while it runs; its exit status as
		the shell gives it (128 + N for a signal)."""
		p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
		with self.lock:
			self.children.add(p)
		rc = p.wait()
		with self.lock:
			self.children.discard(p)
		return 128 - rc if rc < 0 else rc

	# -- the analyzer, one run per file, in parallel -------------------
	def check_one(self, n, f, key, cwd):
		"""The analyzer on f (from the top of the tree) into check.N.jsonl,
		a copy kept as the cache entry key unless key is empty or the result
		depends on more than the file."""
		res = self.path("check.%d.jsonl" % n)
		cmd = [self.tools.check, "--format=json", "--api=" + self.o.api, "--quiet",
		       "-j", "1"]
		if self.o.build:
			cmd += ["-p", self.o.build]
		with open(res, "wb") as out, open(res + ".err", "wb") as err:
			rc = self.child(cmd + [f], cwd, out, err)
		with open(res, "rb") as fp:
			data = fp.read()
		if rc >= 2 and b'"status"' not in data:
			with open(res + ".err", "rb") as fp:
				msg = fp.read().split(b"\n", 1)[0].decode("utf-8", "replace")
			data = (jq_dump({"tool": "mmprep-check", "file": f, "status": "error",
					 "message": "mmprep-check exited with status %d: %s" % (rc, msg)})
				+ "\n").encode("utf-8")
			with open(res, "wb") as fp:
				fp.write(data)
			key = None
		if TIMEOUT.search(data):
			key = None
		if key:
			os.makedirs(os.path.dirname(key), exist_ok=True)
			write_atomically(key, data)
		if self.progress:
			with self.lock:
				self.done += 1
				sys.stderr.write("\r%s: %s %d/%d %s\033[K" % (PROG, "check", self.done,
									    self.total, f))
				sys.stderr.flush()
		return res

	def parallel(self, fn, items):
		"""fn(*item) for each item, -j at a time; the first exception is raised."""
		jobs = int(self.o.jobs) or len(items)
		todo = list(items)
		errors = []

		def worker():
			while True:
				with self.lock:
					if not todo or errors:
						return
					item = todo.pop(0)
				try:
					fn(*item)
				except BaseException as e:	# pylint: disable=broad-except
					with self.lock:
						errors.append(e)
		threads = [threading.Thread(target=worker, daemon=True)
			   for _ in range(min(jobs, len(todo)))]
		for t in threads:
			t.start()
		for t in threads:
			while t.is_alive():
				t.join(0.2)
		if errors:
			raise errors[0]

	def run_check(self, files, cwd):
		"""The analyzer's records of files, from the cache or from a run; the
		cache key is the tool version, the API level, the path and the
		content of the file."""
		order = []
		todo = []
		version = self.tools.check_version
		for n, f in enumerate(files, 1):
			key = None
			if self.o.cache:
				s = sha256_line(os.path.join(cwd, f), f).split(b"  ", 1)[0].decode()
				key = os.path.join(self.cache_dir, "check", "%s-%s" % (version, self.o.api),
						   "%s@%s.jsonl" % (f, s))
			if key and os.path.isfile(key):
				order.append(key)
			else:
				todo.append((n, f, key, cwd))
				order.append(self.path("check.%d.jsonl" % n))
		if todo:
			self.total = len(todo)
			self.done = 0
			if not self.o.quiet and not self.progress:
				self.say("check: %d of %d file(s) not in the cache" % (len(todo), len(files)))
			self.parallel(self.check_one, todo)
			if self.progress:
				sys.stderr.write("\n")
		data = b""
		for p in order:
			with open(p, "rb") as fp:
				data += fp.read()
		return data

	# -- the converter, one run over the file set ------------------------
	def run_convert(self, files, cwd):
		"""The converter's records of files from ONE converter run over all
		of them (its global and nested passes see them together, and spatch
		starts once per job); the cache entry is the whole file set, keyed by
		the converter version, the API level and the paths and contents of
		the files."""
		if not files:
			return b""
		key = None
		if self.o.cache:
			sums = b"".join(sha256_line(os.path.join(cwd, f), f) for f in files)
			key = os.path.join(self.cache_dir, "convert",
					   "%s-%s" % (self.tools.conv_version, self.o.api),
					   "set-%s.jsonl" % hashlib.sha256(sums).hexdigest()[:32])
			if os.path.isfile(key):
				with open(key, "rb") as fp:
					return fp.read()
		if not self.o.quiet:
			self.say("convert: %d file(s), one converter run" % len(files))
		dest = self.path("convert.jsonl")
		with open(dest, "wb") as out, open(self.path("convert.err"), "wb") as err:
			rc = self.child([self.tools.conv, "--json", "--api=" + self.o.api,
					 "-j", self.o.jobs, "--"] + files, cwd, out, err)
		if rc >= 2:
			with open(self.path("convert.err"), "rb") as fp:
				msg = fp.read().split(b"\n", 1)[0].decode("utf-8", "surrogateescape")
			die("mmprep-convert exited with status %d: %s" % (rc, msg))
		with open(dest, "rb") as fp:
			data = fp.read()
		# a time-out depends on the load, not on the files
		if key and not TIMEOUT.search(data):
			os.makedirs(os.path.dirname(key), exist_ok=True)
			write_atomically(key, data)
		return data

	# -- all the records of a tree ---------------------------------------
	def collect(self, tree, dest):
		"""All the records of tree (scan, converter, analyzer) into dest."""
		o = self.o
		# a PATH of the new tree that the old one does not have yet holds
		# no hook there
		args = [p for p in o.paths if os.path.exists(os.path.join(tree, p))]
		if not o.paths:
			args = ["."]
		files = []
		if args:
			res = subprocess.run(["grep", "-rlF", "--include=*.c"]
					     + [x for w in SCAN_WORDS for x in ("-e", w)] + ["--"] + args,
					     cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
					     check=False)
			for l in res.stdout.split(b"\n"):
				f = os.fsdecode(l)
				if f and f != "/dev/null":
					files.append(re.sub(r"//+", "/", re.sub(r"^\./", "", f)))
		files = R.shard(files, o.shard)
		with open(self.path("files"), "wb") as fp:
			fp.write(b"".join(os.fsencode(f) + b"\n" for f in files))
		convert_list = grep_l(["-E", CONVERT_RE], files, tree)
		scan = self.path("scan.jsonl")
		with open(scan, "wb") as out:
			rc = subprocess.run([self.tools.gen, "scan", "--files-from=" + self.path("files")],
					    cwd=tree, stdout=out, check=False).returncode
		if rc != 0:
			die("the initialiser scan failed")
		conv = self.run_convert(convert_list, tree)
		# files with .mmap_prepare hooks or the old action hooks go to the analyzer
		check_list = [r.get("file") for r in read_records(scan)
			      if r.get("kind") == "binding" and isinstance(r.get("hook"), str)
			      and r["hook"].endswith("mmap_prepare") and isinstance(r.get("file"), str)]
		check_list = R.c_sorted(check_list + grep_l(["-E", ACTION_RE], convert_list, tree))
		if check_list and not self.tools.check_version:
			self.say("%s is not built (make): no analyzer findings" % self.tools.check)
			check_list = []
		checked = self.run_check(check_list, tree)
		recs = R.read(conv.decode("utf-8", "replace").split("\n"), "mmprep-convert")
		merged = "".join(jq_dump(r) + "\n" for r in merge_convert(recs))
		with open(scan, "rb") as fp:
			data = fp.read()
		with open(dest, "wb") as fp:
			fp.write(data + merged.encode("utf-8") + checked)

	# -- the whole run -------------------------------------------------------
	def main(self):
		o = self.o
		t = self.tools
		render = ["--api=" + o.api, "--link-base=" + o.link_base, "--md-limit=" + o.md_limit]
		if o.title:
			render.append("--title=" + o.title)
		render += ["--path=" + p for p in o.paths]
		if t.conv_version:
			render += ["--tool=spatch=" + t.spatch_version,
				   "--tool=mmprep-convert=" + t.conv_version]
			if t.check_label:
				render.append("--tool=mmprep-check=" + t.check_label)
		if o.compare:
			old = self.path("old.json")
			if os.path.isdir(o.compare):
				if not self.progress and not o.quiet:
					self.say("examining %s" % o.compare)
				self.collect(o.compare, self.path("old.records"))
				rc = subprocess.run([t.gen, "render", "--tree=" + o.compare, "--format=json",
						     "-o", old] + render + [self.path("old.records")],
						    check=False).returncode
				if rc != 0:
					return 2
			else:
				shutil.copyfile(o.compare, old)
			render.append("--compare=" + old)
		records = [self.path("records")]
		if o.froms:
			records = o.froms
		else:
			if not self.progress and not o.quiet and o.compare:
				self.say("examining %s" % o.tree)
			self.collect(o.tree, records[0])
		if o.format == "records":
			data = b""
			for r in records:
				with open(r, "rb") as fp:
					data += fp.read()
			if not o.out:
				sys.stdout.flush()
				sys.stdout.buffer.write(data)
				sys.stdout.flush()
			else:
				try:
					fd, tmp = tempfile.mkstemp(prefix=".mmprep-report.",
								   dir=os.path.dirname(o.out))
				except OSError:
					die("cannot write %s" % o.out)
				try:
					with os.fdopen(fd, "wb") as fp:
						fp.write(data)
					os.replace(tmp, o.out)
				except OSError:
					try:
						os.unlink(tmp)
					except OSError:
						pass
					die("cannot write %s" % o.out)
			return 0
		if o.out:
			render += ["-o", o.out]
		sys.stdout.flush()
		rc = subprocess.run([t.gen, "render", "--tree=" + o.tree, "--format=" + o.format]
				    + render + records, check=False).returncode
		return 0 if rc == 0 else 2

	def stop(self):
		"""The running tools stopped (on an interrupt)."""
		with self.lock:
			for p in self.children:
				try:
					p.terminate()
				except OSError:
					pass


def interrupted(signum, frame):
	raise Interrupted()


def main(argv):
	for fp in (sys.stdout, sys.stderr):
		fp.reconfigure(encoding="utf-8", errors="surrogateescape")
	signal.signal(signal.SIGINT, interrupted)
	signal.signal(signal.SIGTERM, interrupted)
	rep = None
	try:
		o = parse(argv)
		if o is None:
			sys.stdout.write(__doc__)
			return 0
		check(o)
		tools = Tools()
		if not os.access(tools.gen, os.X_OK):
			if not os.path.isfile(os.path.join(TOP, "reports/Makefile")):
				die("%s is missing (run make)" % tools.gen)
			sys.stderr.flush()
			if subprocess.run(["make", "-s", "-C", os.path.join(TOP, "reports")],
					  stdout=sys.stderr.fileno(), check=False).returncode != 0:
				die("cannot build %s" % tools.gen)
		rep = Report(o, tools)
		if not o.froms or o.compare:
			tools.versions(o.build)
		return rep.main()
	except Usage as e:
		sys.stderr.write("%s: %s\n" % (PROG, e))
		return 2
	except Interrupted:
		if rep:
			rep.stop()
		return 130
	except OSError as e:
		sys.stderr.write(cli.os_error(PROG, e))
		return 2
	finally:
		if rep:
			shutil.rmtree(rep.work, ignore_errors=True)


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
