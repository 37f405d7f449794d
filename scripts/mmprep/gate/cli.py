# SPDX-License-Identifier: GPL-2.0
"""mmprep-gate: lint a patch the way a CI bot does.  The patch is applied in
a temporary git worktree; the files it touches are checked before and after
(mmprep-check, sparse, a build check with the compiler, the semantic patches
in report mode, checkpatch) and what the patch introduces is reported.

Usage: mmprep-gate [options] [PATCH-or-MBOX...]      (inside a git tree)

  --base REV         with no PATCH, check the commits REV..HEAD (default
                     REV: git merge-base HEAD @{upstream}); with PATCHes,
                     apply them on REV instead of HEAD
  --format=FMT       text (default; kernel test robot style, new findings
                     prefixed by ">>", or "+>" on a line the patch leaves
                     alone), sarif (SARIF 2.1.0) or junit
  -o FILE            write the report to FILE (replaced atomically)
  -C DIR             check the git tree at DIR (PATCH paths stay relative
                     to the current directory)
  --build-dir=DIR    Kbuild O= folder to take compile commands from (default:
                     $KBUILD_OUTPUT, else the tree itself when configured,
                     else the folder scripts/kernel-config prepares)
  --api=LEVEL        mmap_prepare API level: 6.19, 7.0, 7.1 or 7.2 (default:
                     read from the tree's headers; 7.2 with the shims); in a
                     kernel tree it picks messages and rules, never headers
  --checkpatch=FILE  the checkpatch.pl to run (default: the tree's own)
  --keep-going       a tool that cannot run on a file is reported, but the
                     exit status is decided by the findings alone
  --any-line         accepted for compatibility: findings on every line of
                     the touched files count anyway
  --no-sparse, --no-checkpatch, --no-convert   leave a tool out
  -j N               parallel jobs (default: number of CPUs)
  --keep             keep the worktree and the work files, and say where
                     (the commits made there then stay in the repository's
                     object store until git gc prunes them)
  -q, --quiet        no notes on stderr

A PATCH is the output of git diff or diff -u (applied with git apply), or
an mbox from git format-patch (applied with git am); "-" reads stdin.
Nothing from the patch is run: no build, no script, no hook; compile
commands come from the base tree's build.  Patches that write outside the
tree (.., absolute paths, symlinks leaving it, .git, through a symlink)
are refused.

A finding is new when the base does not have it, on whatever line of the
files checked.  Every touched .c file, and for a touched header the .c
files that include it and name what changed, is compiled before and after;
a new compiler error or warning is a finding of the tool cc.

Exit status: 0 no new finding, 1 new findings, 2 error (not a git tree,
a patch that does not apply or is refused, a broken mbox, a tool that
could not run on a file unless --keep-going).
"""

import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from mmprep import api, kbuild

from . import build, match, patchpaths, report, source, tools

PROG = "mmprep-gate"
HERE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MMPREP = os.path.dirname(HERE)
# users of a touched header compiled at most
MAX_USERS = 32


class GateError(Exception):
	"""A one-line error: exit status 2, no report."""


class Interrupted(Exception):
	pass


def usage():
	return __doc__.split("\n\n", 1)[1].rstrip("\n") + "\n"


class Options:
	def __init__(self):
		self.base_rev = ""
		self.format = "text"
		self.output = ""
		self.tree_dir = ""
		self.build_dir = os.environ.get("KBUILD_OUTPUT", "")
		self.build_dir_given = False
		self.api = ""
		self.checkpatch = ""
		self.sparse = True
		self.use_checkpatch = True
		self.convert = True
		self.keep_going = False
		self.jobs = os.cpu_count() or 1
		self.keep = False
		self.quiet = False
		self.patches = []


def parse_args(argv):
	o = Options()
	jobs = None
	i = 0

	def arg(name):
		nonlocal i
		if i + 1 >= len(argv):
			raise GateError("%s needs an argument (see --help)" % name)
		i += 1
		return argv[i]

	while i < len(argv):
		a = argv[i]
		if a == "--base":
			o.base_rev = arg(a)
		elif a.startswith("--base="):
			o.base_rev = a[7:]
		elif a == "--format":
			o.format = arg(a)
		elif a.startswith("--format="):
			o.format = a[9:]
		elif a in ("-o", "--output"):
			o.output = arg(a)
		elif a.startswith("--output="):
			o.output = a[9:]
		elif a == "-C":
			o.tree_dir = arg(a)
		elif a == "--build-dir":
			o.build_dir = arg(a)
			o.build_dir_given = True
		elif a.startswith("--build-dir="):
			o.build_dir = a[12:]
			o.build_dir_given = True
		elif a == "--api":
			o.api = arg(a)
		elif a.startswith("--api="):
			o.api = a[6:]
		elif a.startswith("--checkpatch="):
			o.checkpatch = a[13:]
		elif a == "--no-sparse":
			o.sparse = False
		elif a == "--no-checkpatch":
			o.use_checkpatch = False
		elif a == "--no-convert":
			o.convert = False
		elif a == "--any-line":
			pass
		elif a == "--keep-going":
			o.keep_going = True
		elif a == "-j":
			jobs = arg(a)
		elif a.startswith("-j"):
			jobs = a[2:]
		elif a == "--keep":
			o.keep = True
		elif a in ("-q", "--quiet"):
			o.quiet = True
		elif a in ("-h", "--help"):
			sys.stdout.write(usage())
			sys.exit(0)
		elif a == "--":
			o.patches += argv[i + 1:]
			break
		elif a == "-":
			o.patches.append("-")
		elif a.startswith("-"):
			raise GateError("unknown option '%s' (see --help)" % a)
		else:
			o.patches.append(a)
		i += 1
	if o.format not in report.FORMATS:
		raise GateError("unknown format '%s' (text, sarif or junit)" % o.format)
	if o.api and o.api not in api.names():
		raise GateError("unknown API level '%s' (%s)" % (o.api, api.listing()))
	if jobs is not None:
		if not jobs.isdigit() or int(jobs) == 0:
			raise GateError("-j takes a positive number, not '%s'" % jobs)
		o.jobs = int(jobs)
	return o


# "git diff" and friends, immune to the user's configuration.
GDIFF = ["-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false", "-c", "diff.external=",
	 "-c", "color.ui=never", "-c", "core.quotePath=true"]
GDIFF_OPTS = ["--no-ext-diff", "--no-textconv", "--no-color", "--src-prefix=a/", "--dst-prefix=b/"]


def decode(b):
	return b.decode("utf-8", "surrogateescape")


def encode(s):
	return s.encode("utf-8", "surrogateescape")


def first_error(text):
	for line in text.split("\n"):
		if re.match(r"^(error|fatal|Patch failed)", line):
			return line
	for line in text.split("\n"):
		if line:
			return line
	return "failed"


def sparse_pattern(path):
	p = re.sub(r"([][*?\\!#])", r"\\\1", path)
	if p.endswith(" "):
		p = p[:-1] + "\\ "
	return "/" + p


class Gate:
	def __init__(self, opts):
		self.o = opts
		self.start_dir = os.getcwd()
		self.tmp = None
		self.wt = None
		self.wt_admin = None
		self.bg = []
		self.out_tmp = None
		self.t0 = time.monotonic()
		self.why_no_command = ""
		self.users = []

	# --- small helpers -------------------------------------------------

	def note(self, msg):
		if not self.o.quiet:
			sys.stderr.write("%s: note: %s\n" % (PROG, msg))

	def phase(self, what):
		if os.environ.get("MMPREP_GATE_TIMING") == "1":
			now = time.monotonic()
			sys.stderr.write("%s: %6d ms  %s\n" % (PROG, (now - self.t0) * 1000, what))
			self.t0 = now

	def abs_path(self, p):
		return p if p.startswith("/") else os.path.join(self.start_dir, p)

	def git(self, *args, cwd=None, check=True, input=None, env=None):
		"""git in the user's repository: stdout as bytes."""
		e = dict(os.environ if env is None else env)
		e["GIT_OPTIONAL_LOCKS"] = "0"
		p = subprocess.run(["git"] + list(args), cwd=cwd or self.top, input=input, env=e,
				   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
				   stdin=None if input is not None else subprocess.DEVNULL, check=False)
		if check and p.returncode != 0:
			raise GateError("git %s failed: %s" % (args[0], first_error(decode(p.stderr))))
		return p

	def gitw(self, *args, input=None):
		"""git in the worktree, whatever GIT_* variables the caller runs with."""
		env = dict(os.environ)
		for v in ("GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE"):
			env.pop(v, None)
		env.update({"GIT_DIR": self.wt_admin, "GIT_WORK_TREE": self.wt,
			    "GIT_OBJECT_DIRECTORY": self.objects,
			    "GIT_ALTERNATE_OBJECT_DIRECTORIES": self.alternates,
			    "GIT_COMMITTER_NAME": "mmprep", "GIT_COMMITTER_EMAIL": "mmprep@invalid",
			    "GIT_OPTIONAL_LOCKS": "0"})
		cmd = ["git", "-C", self.wt, "-c", "core.sparseCheckout=true",
		       "-c", "core.hooksPath=" + self.nohooks, "-c", "user.name=mmprep",
		       "-c", "user.email=mmprep@invalid", "-c", "commit.gpgSign=false",
		       "-c", "core.fsmonitor=false", "-c", "submodule.recurse=false",
		       "-c", "am.threeWay=false", "-c", "apply.whitespace=nowarn",
		       "-c", "gc.auto=0", "-c", "maintenance.auto=false"] + GDIFF + list(args)
		return subprocess.run(cmd, input=input, env=env, stdout=subprocess.PIPE,
				      stderr=subprocess.STDOUT if input is None else subprocess.PIPE,
				      stdin=None if input is not None else subprocess.DEVNULL,
				      check=False)

	def cleanup(self):
		for p in self.bg:
			try:
				os.killpg(p.pid, signal.SIGTERM)
			except OSError:
				pass
			try:
				p.wait()
			except OSError:
				pass
		if self.out_tmp:
			try:
				os.unlink(self.out_tmp)
			except OSError:
				pass
		if not self.tmp:
			return
		if self.o.keep:
			sys.stderr.write("%s: kept %s (worktree %s; remove it with: git worktree remove "
					 "--force %s)\n" % (PROG, self.tmp, self.wt, self.wt))
			return
		if self.wt:
			subprocess.run(["git", "-C", self.top, "worktree", "remove", "--force", self.wt],
				       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
				       stdin=subprocess.DEVNULL, check=False,
				       env=dict(os.environ, GIT_OPTIONAL_LOCKS="0"))
			# only our own entry, even if the remove failed half-way
			if self.wt_admin and os.path.isdir(self.wt_admin):
				shutil.rmtree(self.wt_admin, ignore_errors=True)
		shutil.rmtree(self.tmp, ignore_errors=True)

	# --- the steps -------------------------------------------------------

	def setup(self):
		o = self.o
		for i, p in enumerate(o.patches):
			if p == "-":
				continue
			if not os.path.isfile(p):
				raise GateError("%s: no such file" % p)
			if not os.access(p, os.R_OK):
				raise GateError("%s: cannot read it" % p)
			o.patches[i] = self.abs_path(p)
		if o.patches.count("-") > 1:
			raise GateError("stdin ('-') can be given once")
		if o.output:
			o.output = self.abs_path(o.output)
			if not os.path.isdir(os.path.dirname(o.output)):
				raise GateError("-o %s: no such folder" % o.output)
			if os.path.isdir(o.output):
				raise GateError("-o %s: is a folder" % o.output)
		if o.checkpatch:
			o.checkpatch = self.abs_path(o.checkpatch)
		if o.build_dir:
			o.build_dir = self.abs_path(o.build_dir)
		if shutil.which("git") is None:
			raise GateError("git not found (scripts/setup-deps)")
		here = self.start_dir
		if o.tree_dir:
			if not os.path.isdir(o.tree_dir):
				raise GateError("-C %s: no such folder" % o.tree_dir)
			here = os.path.abspath(o.tree_dir)
		env = dict(os.environ, GIT_OPTIONAL_LOCKS="0")
		p = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=here, env=env,
				   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
				   stdin=subprocess.DEVNULL, check=False)
		if decode(p.stdout).strip() != "true":
			raise GateError("%s is not inside a git work tree" % here)
		self.top = here
		self.top = decode(self.git("rev-parse", "--show-toplevel").stdout).strip()
		if self.git("rev-parse", "--verify", "-q", "HEAD^{commit}", check=False).returncode:
			raise GateError("the branch has no commit yet")
		common = decode(self.git("rev-parse", "--git-common-dir").stdout).strip()
		self.common = os.path.realpath(os.path.join(self.top, common))
		self.tmp = os.path.realpath(tempfile.mkdtemp(prefix="mmprep-gate."))

	def resolve_base(self):
		o = self.o
		if o.base_rev:
			p = self.git("rev-parse", "--verify", "-q", o.base_rev + "^{commit}", check=False)
			if p.returncode:
				raise GateError("--base %s: no such revision" % o.base_rev)
			self.base = decode(p.stdout).strip()
		elif o.patches:
			self.base = decode(self.git("rev-parse", "HEAD").stdout).strip()
		else:
			p = self.git("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}",
				     check=False)
			if p.returncode:
				raise GateError("HEAD has no upstream branch: pass --base REV (or a PATCH)")
			up = decode(p.stdout).strip()
			p = self.git("merge-base", "HEAD", up, check=False)
			if p.returncode:
				raise GateError("no merge base between HEAD and %s: pass --base REV" % up)
			self.base = decode(p.stdout).strip()

	def read_patches(self):
		"""self.items: [(name, kind, path, text)]."""
		o = self.o
		self.items = []
		if not o.patches:
			p = self.git(*GDIFF, "diff", *GDIFF_OPTS, "--binary", "--full-index", "--no-renames",
				     self.base, "HEAD")
			path = os.path.join(self.tmp, "range.patch")
			with open(path, "wb") as f:
				f.write(p.stdout)
			if not p.stdout:
				self.note("no changes between %s and HEAD" % (o.base_rev or self.base))
			self.items.append(("%s..HEAD" % self.base, "diff", path, decode(p.stdout)))
			return
		for p in o.patches:
			if p == "-":
				data = sys.stdin.buffer.read()
				path = os.path.join(self.tmp, "stdin.patch")
				with open(path, "wb") as f:
					f.write(data)
				name = "stdin"
			else:
				path = p
				try:
					with open(p, "rb") as f:
						data = f.read()
				except OSError as e:
					raise GateError("%s: cannot read it (%s)" % (p, e.strerror)) from None
				name = p[len(self.start_dir) + 1:] if p.startswith(self.start_dir + "/") else p
			text = decode(data)
			first = next((l for l in text.split("\n") if l.strip()), "")
			kind = "diff"
			if first.startswith("From ") or re.match(
					r"^(From|Date|Subject|Message-I[Dd]|Return-Path|Received|Delivered-To|"
					r"To|Cc|X-[A-Za-z-]+): ", first):
				kind = "mbox"
			self.items.append((name, kind, path, text))

	def check_paths(self):
		"""Path safety, before anything is applied: what each patch writes."""
		touched = set()
		links = []
		blind = set()
		for name, kind, path, text in self.items:
			r = patchpaths.scan(text)
			if r.error:
				raise GateError("%s: refused: %s" % (name, r.error))
			if r.sections == 0 and not name.endswith("..HEAD"):
				if kind == "mbox":
					raise GateError("%s: broken mbox: no patch in it" % name)
				raise GateError("%s: no patch in it" % name)
			touched.update(r.paths)
			links += r.links
			blind.update(r.blind_links)
			# symlinks of the base tree that the patch renames or copies
			for frm, to in r.renames:
				e = self.git("ls-tree", "-z", self.base, "--", frm, check=False).stdout
				e = decode(e).rstrip("\0")
				if e.startswith("120000 blob "):
					sha = e.split()[2].split("\t")[0]
					target = decode(self.git("cat-file", "blob", sha).stdout)
					links.append((to, target))
		for path, target in links:
			err = patchpaths.check_link(path, target)
			if err:
				raise GateError("refused: %s" % err)
		self.touched = sorted(touched)
		# Nothing may be written through a symlink: one of the base tree on
		# the way to a path the patch writes, or one the patch creates.
		new_links = {p for p, _ in links} | blind
		prefixes = set()
		for p in self.touched:
			comps = p.split("/")
			for i in range(1, len(comps)):
				prefixes.add("/".join(comps[:i]))
		for pre in sorted(prefixes):
			if pre in new_links:
				raise GateError("refused: the patch writes through the symlink '%s'" % pre)
		if prefixes:
			# one ls-tree per prefix: each names exactly that entry
			for pre in sorted(prefixes):
				out = decode(self.git("ls-tree", "-z", self.base, "--", pre,
						      check=False).stdout)
				for ent in out.split("\0"):
					if not ent:
						continue
					meta, _, name = ent.partition("\t")
					if name == pre and meta.startswith("120000 "):
						raise GateError("refused: the patch writes through the symlink "
								"'%s'" % pre)

	def make_worktree(self):
		o = self.o
		tmp = self.tmp
		self.nohooks = os.path.join(tmp, "nohooks")
		os.makedirs(self.nohooks)
		wt = os.path.join(tmp, os.path.basename(tmp))
		p = self.git("-c", "core.hooksPath=" + self.nohooks, "worktree", "add", "--quiet",
			     "--detach", "--no-checkout", wt, self.base, check=False)
		if p.returncode:
			raise GateError("cannot add a worktree: %s" % first_error(
				decode(p.stdout + p.stderr)))
		self.wt = wt
		# the worktree's own git folder, from its .git file (not from git,
		# which would answer with $GIT_DIR when the caller set it)
		with open(os.path.join(wt, ".git"), encoding="utf-8") as f:
			adm = f.read().strip()
		if not adm.startswith("gitdir: "):
			raise GateError("cannot find the git folder of the worktree")
		adm = adm[8:]
		if not adm.startswith("/"):
			adm = os.path.join(wt, adm)
		if not os.path.isdir(adm):
			raise GateError("cannot find the git folder of the worktree")
		self.wt_admin = os.path.realpath(adm)
		os.makedirs(os.path.join(tmp, "objects"))
		os.makedirs(os.path.join(self.wt_admin, "info"), exist_ok=True)
		self.objects = os.path.join(tmp, "objects")
		self.alternates = os.path.join(self.common, "objects")
		if o.keep:
			# a kept worktree must work on its own: its commits go to the repository
			self.objects = os.path.join(self.common, "objects")
			self.alternates = ""
		self.checkout(self.touched, [])

	def checkout(self, files, dirs):
		"""Only these files, and the files (not the subfolders) of these
		folders, are checked out; the rest is read from the user's checkout."""
		pats = [sparse_pattern(f) for f in files]
		for d in dirs:
			pats += [sparse_pattern(d) + "/*", "!" + sparse_pattern(d) + "/*/"]
		with open(os.path.join(self.wt_admin, "info", "sparse-checkout"), "wb") as f:
			f.write(encode("\n".join(pats) + "\n"))
		p = self.gitw("read-tree", "-mu", "HEAD")
		if p.returncode:
			raise GateError("cannot check out the base files: %s" % first_error(decode(p.stdout)))

	def keep_base(self):
		"""The base side of every touched file, kept before the patches
		change it."""
		self.based = os.path.join(self.tmp, "base")
		os.makedirs(self.based)
		for f in self.touched:
			src = os.path.join(self.wt, f)
			if os.path.isfile(src) and not os.path.islink(src):
				os.makedirs(os.path.dirname(os.path.join(self.based, f)), exist_ok=True)
				shutil.copyfile(src, os.path.join(self.based, f))

	def apply(self):
		for name, kind, path, text in self.items:
			if not text:
				continue	# no commits on top of the base
			if kind == "mbox":
				p = self.gitw("am", "--quiet", "--no-3way", path)
				if p.returncode:
					raise GateError("%s does not apply: %s" % (name, first_error(decode(p.stdout))))
			else:
				p = self.gitw("apply", "--index", path)
				if p.returncode:
					raise GateError("%s does not apply: %s" % (name, first_error(decode(p.stdout))))
				p = self.gitw("commit", "--quiet", "--no-verify", "--allow-empty", "-m",
					      "mmprep-gate: " + name)
				if p.returncode:
					raise GateError("cannot commit %s: %s" % (name, first_error(decode(p.stdout))))
		self.head = decode(self.gitw("rev-parse", "HEAD").stdout).strip()
		# Defence in depth: every symlink the change creates, checked again
		# with git's own view of it (renamed or copied links too).
		raw = decode(self.gitw("diff", "--raw", "-z", "--no-renames", self.base,
				       self.head).stdout).split("\0")
		i = 0
		while i < len(raw) - 1:
			meta = raw[i]
			if meta.startswith(":"):
				f = meta.split()
				path = raw[i + 1]
				if f[1] == "120000":
					target = decode(self.gitw("cat-file", "blob", f[3]).stdout)
					err = patchpaths.check_link(path, target)
					if err:
						raise GateError("refused: %s" % err)
				i += 2
			else:
				i += 1

	def changes(self):
		st = decode(self.gitw("diff", *GDIFF_OPTS, "-M", "--name-status", "-z", self.base,
				      self.head).stdout).split("\0")
		self.status = []	# (status letter, old path, new path)
		i = 0
		while i < len(st):
			s = st[i]
			if not s:
				i += 1
				continue
			if s[0] in "RC":
				self.status.append((s[0], st[i + 1], st[i + 2]))
				i += 3
			else:
				self.status.append((s[0], st[i + 1], st[i + 1]))
				i += 2
		u0 = decode(self.gitw("diff", *GDIFF_OPTS, "-M", "-U0", self.base, self.head).stdout)
		self.added, self.removed = source.changed_lines(u0)
		self.renames = {a: b for s, a, b in self.status if s == "R"}
		self.head_files = [b for s, a, b in self.status if s != "D"]
		self.head_c = [f for f in self.head_files if f.endswith(".c")]
		self.base_c = [a for s, a, b in self.status if s not in "DAC" and a.endswith(".c")]
		self.headers = [(s, a, b) for s, a, b in self.status if b.endswith(".h") or a.endswith(".h")]

	# --- environment -----------------------------------------------------

	def environment(self):
		o = self.o
		top = self.top
		self.kernel = build.is_kernel_tree(top)
		obj = None
		if o.build_dir:
			if build.is_build_dir(o.build_dir):
				obj = os.path.realpath(o.build_dir)
			elif o.build_dir_given:
				raise GateError("--build-dir %s: not a prepared Kbuild folder (no .config or "
						"include/generated/autoconf.h)" % o.build_dir)
		if obj is None and self.kernel and build.is_build_dir(top):
			obj = top
		if obj is None and self.kernel:
			obj = self.kernel_config()
		self.obj = obj if self.kernel else None
		if not self.kernel:
			self.note("not a kernel tree: checking with the analyzer's shim headers")
		self.check = os.environ.get("MMPREP_CHECK") or os.path.join(MMPREP, "analyzer",
									      "mmprep-check")
		if not os.access(self.check, os.X_OK):
			self.check = shutil.which("mmprep-check")
			if not self.check:
				raise GateError("mmprep-check is not built (make -C %s analyzer)" % MMPREP)
		self.shims = os.path.join(MMPREP, "analyzer", "include")
		if not os.path.isdir(self.shims):
			self.shims = os.path.join(os.path.dirname(self.check), "..", "share", "mmprep",
						  "include")
		self.convert = os.environ.get("MMPREP_CONVERT") or os.path.join(HERE, "mmprep-convert")
		if o.sparse and not shutil.which("sparse"):
			self.note("sparse is not installed: left out")
			o.sparse = False
		if o.convert and not shutil.which("spatch"):
			self.note("spatch is not installed: the semantic patches are left out")
			o.convert = False
		if o.use_checkpatch:
			if not o.checkpatch:
				cp = os.path.join(top, "scripts", "checkpatch.pl")
				if self.kernel and os.path.isfile(cp):
					o.checkpatch = cp
				else:
					o.use_checkpatch = False
			if o.use_checkpatch and not shutil.which("perl"):
				self.note("perl is not installed: checkpatch is left out")
				o.use_checkpatch = False
			if o.use_checkpatch and not os.path.isfile(o.checkpatch):
				raise GateError("--checkpatch: %s: no such file" % o.checkpatch)
		self.api_level()
		self.apinum = int(self.api.split(".")[0]) * 100 + int(self.api.split(".")[1])
		if self.obj:
			self.srctree = build.srctree_of(self.obj, top)
			self.checkflags = build.kbuild_checkflags(self.obj)
			self.cc_name = None
		else:
			self.srctree = top
			self.checkflags = list(build.CHECKFLAGS)
			self.cc_name = os.environ.get("CC") or shutil.which("gcc") or shutil.which("cc") \
				or "cc"

	def kernel_config(self):
		"""The build folder scripts/kernel-config prepares for the tree."""
		kc = os.path.join(HERE, "kernel-config")
		if not os.access(kc, os.X_OK):
			raise GateError("%s: a kernel tree without a configured build: pass --build-dir "
					"(scripts/kernel-config is not installed)" % self.top)
		self.note("no build folder given: using the one scripts/kernel-config prepares "
			  "(--build-dir picks another)")
		p = subprocess.run([kc, self.top], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
				   stdin=subprocess.DEVNULL, check=False)
		out = decode(p.stdout).strip()
		if p.returncode or not out or not build.is_build_dir(out):
			raise GateError("scripts/kernel-config %s failed: %s" % (
				self.top, tools.first_line(decode(p.stderr), default="exit status %d"
							   % p.returncode)))
		return os.path.realpath(out)

	def api_level(self):
		o = self.o
		self.api = o.api
		api_note = ""
		if not self.api:
			if self.kernel:
				words = set()
				inc = os.path.join(self.top, "include", "linux")
				pat = re.compile(r"error_override|vma_desc_test_any|\(\*mapped\)\(|"
						 r"vma_desc_set_flags|struct mmap_action|mmap_prepare")
				for n in sorted(os.listdir(inc)):
					if not n.endswith(".h"):
						continue
					try:
						with open(os.path.join(inc, n), encoding="utf-8",
							  errors="replace") as f:
							words.update(pat.findall(f.read()))
					except OSError:
						pass
				if "error_override" in words:
					self.api = "7.2"
				elif "vma_desc_test_any" in words or "(*mapped)(" in words:
					self.api = "7.1"
				elif "vma_desc_set_flags" in words:
					self.api = "7.0"
				elif "struct mmap_action" in words:
					self.api = "6.19"
				elif "mmap_prepare" in words:
					self.api, api_note = "6.19", "before 6.19"
				else:
					self.api, api_note = "7.2", "none"
			else:
				self.api = "7.2"
		if o.convert and api_note:
			if api_note == "none":
				self.note("the tree has no f_op->mmap_prepare: .mmap hooks are not reported")
			else:
				self.note("the tree's mmap_prepare predates the 6.19 actions: .mmap hooks are "
					  "not reported")
			o.convert = False

	# --- what to compile -------------------------------------------------

	def header_users(self):
		"""{header: [.c files]}: for each touched header, the .c files that
		include it and name an identifier only its changed code has, and,
		when no touched file includes it, the first includer the build
		compiles (mmprep.kbuild, as mmprep-verify chooses)."""
		users = {}
		arches = None
		built = None
		if self.obj:
			archs = os.path.join(self.obj, "arch")
			arches = set(os.listdir(archs)) if os.path.isdir(archs) else set()
			built = lambda f: os.path.isfile(build.cmdfile_of(self.obj, f))
		for s, a, b in self.headers:
			h = b if s != "D" else a
			if not h.endswith(".h"):
				continue
			old = self.side_text(self.based, a)
			new = self.side_text(self.wt, b) if s != "D" else ""
			chosen = kbuild.header_users(self.top, h, old, new, arches, built=built,
						     compiled=self.head_c, any_arch=False, git=True)
			if len(chosen) > MAX_USERS:
				self.note("%s: %d files include it and name what changed; the first %d are "
					  "compiled" % (h, len(chosen), MAX_USERS))
				chosen = chosen[:MAX_USERS]
			if chosen:
				users[h] = chosen
		return users

	@staticmethod
	def side_text(d, f):
		try:
			with open(os.path.join(d, f), encoding="utf-8", errors="surrogateescape") as fp:
				return fp.read()
		except OSError:
			return ""

	def materialize(self, users):
		"""Check out the folders of the files to compile (their files, not
		their subfolders) on both sides, so that relative includes resolve."""
		extra = sorted({f for fs in users.values() for f in fs})
		self.users = extra
		dirs = set()
		for f in self.touched + extra:
			if f.endswith((".c", ".h")):
				dirs.add(os.path.dirname(f))
		dirs.discard("")
		self.checkout(self.touched + extra, sorted(dirs))
		touched = set(self.touched)
		for d in sorted(dirs):
			src = os.path.join(self.wt, d)
			if not os.path.isdir(src):
				continue
			for n in os.listdir(src):
				rel = os.path.join(d, n) if d else n
				if rel in touched:
					continue
				s = os.path.join(src, n)
				t = os.path.join(self.based, rel)
				if os.path.lexists(t):
					continue
				if os.path.islink(s):
					os.makedirs(os.path.dirname(t), exist_ok=True)
					os.symlink(os.readlink(s), t)
				elif os.path.isfile(s):
					os.makedirs(os.path.dirname(t), exist_ok=True)
					os.link(s, t)

	def compile_db(self, subjects):
		"""self.db[side][rel] = argument words for the side's copy; files
		without a command go to self.errors."""
		words = {}
		# what the base tree does not have under that name: no command of its own
		new = {b for s, a, b in self.status if s in "ACR"}
		if self.obj:
			need = []
			use_cmd = os.environ.get("MMPREP_GATE_MAKE_N") != "1"

			def want(rel):
				"""The command of rel from its .cmd file, else ask make -n for it."""
				if rel in words or rel in need:
					return
				w = build.read_cmdfile(build.cmdfile_of(self.obj, rel)) if use_cmd else None
				if w:
					words[rel] = w
				else:
					need.append(rel)

			for side, rels in subjects.items():
				for rel in rels:
					if rel not in new:
						want(rel)
			donors = {}
			# a renamed or copied file: the command of its source
			sources = {b: a for st, a, b in self.status if st in "RC"}
			for side, rels in subjects.items():
				for rel in rels:
					if rel in new and rel not in donors:
						d = sources.get(rel) or build.donor_of(self.top, self.obj, rel, new)
						if d:
							donors[rel] = d
							want(d)
			why = ""
			if need:
				found, why = build.make_n_commands(self.obj, need, self.srctree)
				words.update(found)
				# make -n prints nothing for an object that is up to
				# date: its .cmd file then has the command.
				for rel in need:
					if rel not in words:
						w = build.read_cmdfile(build.cmdfile_of(self.obj, rel))
						if w:
							words[rel] = w
			for rel, d in donors.items():
				if d in words:
					words[rel] = words[d][:-1] + [os.path.join(self.srctree, rel)]
					self.note("%s is new: checked with the compile flags of %s" % (rel, d))
			self.why_no_command = why
		self.words = words
		rw = build.Rewriter(self.top, self.srctree, self.obj) if self.obj else None
		self.db = {}
		for side, rels in subjects.items():
			d = self.side_dir(side)
			entries = []
			self.db[side] = {}
			for rel in rels:
				src = os.path.realpath(os.path.join(d, rel))
				if self.obj:
					if rel not in words:
						continue
					args = [words[rel][0]] + rw.flags(words[rel], rel, d)
					directory = self.obj
				else:
					args = [self.cc_name] + build.shim_flags(self.top, d, rel, self.shims,
										 self.apinum)
					directory = d
				self.db[side][rel] = (directory, args, src)
				entries.append({"directory": directory, "file": src,
						"arguments": args + ["-c", src]})
			build.write_db(os.path.join(self.tmp, "db", side, "compile_commands.json"), entries)

	def side_dir(self, side):
		return self.based if side == "base" else self.wt

	# --- running the tools -----------------------------------------------

	def start_background(self):
		"""The semantic patches and checkpatch, in process groups of their own."""
		o = self.o
		self.convert_p = self.checkpatch_p = None
		if o.convert:
			lst = []
			wtname = os.path.basename(self.wt)
			for side, files in (("base", self.base_c), (wtname, self.head_c)):
				for f in files:
					p = os.path.join(self.tmp, side, f)
					if os.path.isfile(p) and not os.path.islink(p):
						if re.search(r"\.mmap[ \t\n]*=|success_hook|error_hook",
							     self.side_text(self.tmp, os.path.join(side, f))):
							lst.append(os.path.join(side, f))
			# no patched file with a hook: nothing of theirs can be new
			if any(not f.startswith("base/") for f in lst):
				self.convert_out = open(os.path.join(self.tmp, "convert.out"), "wb")
				self.convert_err = open(os.path.join(self.tmp, "convert.err"), "wb")
				self.convert_p = subprocess.Popen(
					[self.convert, "--json", "--api=" + self.api, "-j", str(o.jobs), "--"] + lst,
					cwd=self.tmp, stdout=self.convert_out, stderr=self.convert_err,
					stdin=subprocess.DEVNULL, start_new_session=True)
				self.bg.append(self.convert_p)
		if o.use_checkpatch and self.head_files:
			change = os.path.join(self.tmp, "change.patch")
			with open(change, "wb") as f:
				f.write(self.gitw("diff", *GDIFF_OPTS, "-M", self.base, self.head).stdout)
			opts = ["--terse", "--no-summary", "--showfile", "--show-types", "--no-signoff",
				"--color=never",
				"--ignore=COMMIT_MESSAGE,FILE_PATH_CHANGES,MISSING_SIGN_OFF,GERRIT_CHANGE_ID"]
			if o.checkpatch != os.path.join(self.top, "scripts", "checkpatch.pl"):
				opts.append("--no-tree")
			self.cp_out = open(os.path.join(self.tmp, "checkpatch.out"), "wb")
			self.cp_err = open(os.path.join(self.tmp, "checkpatch.err"), "wb")
			self.checkpatch_p = subprocess.Popen(["perl", o.checkpatch] + opts + [change],
							     cwd=self.top, stdout=self.cp_out,
							     stderr=self.cp_err, stdin=subprocess.DEVNULL,
							     start_new_session=True)
			self.bg.append(self.checkpatch_p)

	def fail(self, side, tool, file, msg):
		self.failures.append((side, tool, file, msg))

	def run_file(self, side, rel):
		"""mmprep-check, sparse and the compiler on one side of one file."""
		d = self.side_dir(side)
		ent = self.db[side].get(rel)
		if ent is None:
			return [], [(side, "mmprep-gate", rel, "no compile command for it in %s%s" % (
				self.obj, ": " + self.why_no_command if self.why_no_command else
				" (not built in this configuration?)"))], []
		directory, args, src = ent
		name = tools.Namer(d, self.top, self.obj)
		found = []
		fails = []
		ran = []
		f, why = tools.mmprep_check(self.check, self.api, os.path.join(self.tmp, "db", side),
					    src, side, name)
		found += f
		ran.append("mmprep-check")
		if why:
			fails.append((side, "mmprep-check", rel, why))
		if self.o.sparse:
			f, why = tools.sparse(["sparse"] + self.checkflags + args[1:] + [src],
					      directory, side, name)
			found += f
			ran.append("sparse")
			if why:
				fails.append((side, "sparse", rel, why))
		if self.obj:
			cmd = args + ["-fno-diagnostics-show-caret", "-fdiagnostics-color=never",
				      "-c", "-o", "/dev/null", src]
		else:
			cmd = args + build.SHIM_CFLAGS + ["-fno-diagnostics-show-caret",
							  "-fdiagnostics-color=never", "-fsyntax-only", src]
		f, why = tools.cc(cmd, directory, side, name)
		found += f
		for x in found:
			x["subject"] = rel
		ran.append("cc")
		if why:
			fails.append((side, "cc", rel, why))
		elif any(x["severity"] == "error" for x in f):
			# the analyzer's partial view of code that does not compile:
			# the compiler's errors say why
			fails = [x for x in fails if not (x[1] == "mmprep-check" and
							  x[3].startswith(tools.PARTIAL))]
		return found, fails, ran

	def run_tools(self, subjects):
		self.findings = []
		self.failures = []
		self.checked = {}
		jobs = [(side, rel) for side in ("base", "head") for rel in subjects[side]]
		with concurrent.futures.ThreadPoolExecutor(max_workers=self.o.jobs) as ex:
			results = list(ex.map(lambda j: self.run_file(*j), jobs))
		for (side, rel), (found, fails, ran) in zip(jobs, results):
			self.findings += found
			self.failures += fails
			if side == "head":
				for t in ran:
					self.checked.setdefault(t, set()).add(rel)
		self.phase("mmprep-check, sparse, cc")

	def wait_background(self):
		o = self.o
		if self.checkpatch_p:
			rc = self.checkpatch_p.wait()
			self.bg.remove(self.checkpatch_p)
			self.cp_out.close()
			self.cp_err.close()
			if rc <= 1:
				self.findings += tools.checkpatch_findings(self.side_text(self.tmp,
											  "checkpatch.out"))
				self.checked["checkpatch"] = set(self.head_files)
			else:
				self.fail("head", "checkpatch", "", "exit status %d: %s" % (
					rc, tools.first_line(self.side_text(self.tmp, "checkpatch.err"),
							     default="no message")))
		self.phase("checkpatch")
		if self.convert_p:
			rc = self.convert_p.wait()
			self.bg.remove(self.convert_p)
			self.convert_out.close()
			self.convert_err.close()
			if rc >= 2:
				self.fail("head", "mmprep-convert", "", tools.first_line(
					self.side_text(self.tmp, "convert.err"), default="exit status %d" % rc))
			else:
				found, fails = tools.convert_records(self.side_text(self.tmp, "convert.out"))
				self.findings += found
				for side, file, why in fails:
					self.fail(side, "mmprep-convert", file, why)
		if o.convert:
			# files without a hook were checked too: by the prefilter
			self.checked["mmprep-convert"] = set(self.head_c)
		self.phase("mmprep-convert (waited for)")

	def base_sanity(self):
		"""A base that does not build, or misses an include, is a setup
		problem: the comparison would be meaningless."""
		for f in self.findings:
			if f["side"] != "base" or f["severity"] != "error":
				continue
			if f["tool"] == "cc" or (f["tool"] == "sparse" and
						 tools.MISSING_INCLUDE.search(f["message"])):
				rel = f.get("subject") or f["file"]
				self.fail("base", f["tool"], rel, "the base does not compile with these flags: "
					  "%s:%d: %s" % (f["file"], f["line"], f["message"]))

	def errors(self):
		"""The failures, one per tool and file, the sides merged."""
		by = {}
		for side, tool, file, msg in self.failures:
			k = (tool, file)
			if k not in by:
				by[k] = {"tool": tool, "file": file, "where": side, "message": msg}
			elif by[k]["where"] != side:
				by[k]["where"] = "both"
				if side == "head":
					by[k]["message"] = msg
		return [by[k] for k in sorted(by)]

	# --- the whole run ---------------------------------------------------

	def main(self):
		o = self.o
		self.setup()
		self.resolve_base()
		self.read_patches()
		self.check_paths()
		self.phase("options, patch paths")
		self.make_worktree()
		self.phase("worktree")
		self.keep_base()
		self.apply()
		self.phase("applied")
		self.changes()
		self.phase("changed lines")
		self.environment()
		users = self.header_users()
		self.materialize(users)
		subjects = {"base": sorted(set(self.base_c) | set(self.users)),
			    "head": sorted(set(self.head_c) | set(self.users))}
		self.compile_db(subjects)
		self.phase("compile commands")
		self.start_background()
		self.run_tools(subjects)
		self.wait_background()
		self.base_sanity()
		for h, fs in users.items():
			for f in fs:
				self.note("%s: compiled as a user of %s" % (f, h))

		# --- match and report ---
		ranges = {}

		def fn_of(side, file, line):
			if not file.endswith((".c", ".h")):
				return ""
			k = (side, file)
			if k not in ranges:
				d = self.side_dir(side)
				p = os.path.join(d, file)
				ranges[k] = source.fn_ranges(self.side_text(d, file)) \
					if os.path.isfile(p) and not os.path.islink(p) else []
			return source.fn_at(ranges[k], line)

		scope = set(self.head_files) | set(self.users)
		keep = lambda f: f["tool"] == "cc" or f["file"] in scope
		sources = {}
		for f in sorted(scope):
			p = os.path.join(self.wt, f)
			if os.path.isfile(p) and not os.path.islink(p):
				text = self.side_text(self.wt, f)
				if "\0" not in text:
					sources[f] = text.split("\n")
		results = match.match(self.findings, self.renames, keep, self.added, self.removed,
				      sources, fn_of)
		for f in results:
			if f["file"] not in sources:
				text = self.side_text(self.wt, f["file"]) or self.side_text(self.top, f["file"])
				sources[f["file"]] = text.split("\n")
		errors = self.errors()
		checked = {t: sorted(v) for t, v in self.checked.items()}
		out = report.FORMATS[o.format](results, errors, checked, sources)
		self.phase("matched")
		for e in errors:
			sys.stderr.write("%s: %s\n" % (PROG, report.error_line(e)))
		if o.output:
			fd, self.out_tmp = tempfile.mkstemp(prefix=".mmprep-gate.",
							    dir=os.path.dirname(o.output))
			with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as f:
				f.write(out)
			os.chmod(self.out_tmp, 0o644)
			os.replace(self.out_tmp, o.output)
			self.out_tmp = None
		else:
			sys.stdout.write(out)
			sys.stdout.flush()
		self.phase("report")
		if errors and not o.keep_going:
			return 2
		return 1 if any(match.counted(f) for f in results) else 0


def _signal(signum, frame):
	del frame
	raise Interrupted(signum)


def main(argv=None):
	argv = sys.argv[1:] if argv is None else argv
	for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
		signal.signal(s, _signal)
	gate = None
	try:
		opts = parse_args(argv)
		gate = Gate(opts)
		return gate.main()
	except GateError as e:
		sys.stderr.write("%s: %s\n" % (PROG, e))
		return 2
	except Interrupted:
		return 130
	except BrokenPipeError:
		return 2
	finally:
		if gate is not None:
			signal.signal(signal.SIGINT, signal.SIG_IGN)
			gate.cleanup()
