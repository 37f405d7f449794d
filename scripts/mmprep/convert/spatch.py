# SPDX-License-Identifier: GPL-2.0
"""Running spatch over a batch of files, failures kept with their files.

A batch is a list of Item(n, path, input): the file's number, its path as
the user named it, and what spatch reads (the file or the result of an
earlier semantic patch).  spatch runs once over scratch copies
(--file-groups, -j, --out-place), so that it starts once per job rather than
once per file.  Results go to a Results object: the new text of each file
that changed, its records with its own path and lines, and how it went.
spatch reports an exception or a timeout in one file ("EXN: ... in FILE")
and goes on: that stays with the file.  If spatch itself fails, each file of
the batch is run alone, so that the failure stays with its file too.
"""

import collections
import difflib
import json
import os
import shutil
import subprocess
import tempfile

Item = collections.namedtuple("Item", "n path input")

# spatch's warning about our prototype rules: not an error message
NOISE = "should desc be a metavariable"


class State:
	"""How one file went through a chain of semantic patches."""

	def __init__(self):
		self.rc = 0		# 0, 124 (timeout), anything else: failure
		self.err = ""		# the first line of the failure
		self.records = []	# dicts, lines in the file as the user has it
		self.out = None		# the converted text (bytes), None if unchanged


def read_bytes(path):
	with open(path, "rb") as fp:
		return fp.read()


def _lines(data):
	return data.decode("utf-8", "replace").splitlines()


def relines(orig, now, records):
	"""Records whose "line" counts in now (a rewritten orig), with the line
	of orig they come from (the first line of a rewritten stretch)."""
	ops = difflib.SequenceMatcher(None, _lines(orig), _lines(now), autojunk=False).get_opcodes()

	def back(n):
		for tag, i1, i2, j1, j2 in ops:
			if j1 < n <= j2 or (j1 == j2 and n == j1 + 1):
				return n - j1 + i1 if tag == "equal" else i1 + 1
		return n
	out = []
	for r in records:
		r = dict(r)
		r["line"] = back(int(r["line"]))
		out.append(r)
	return out


class Runner:
	"""spatch with the options of one converter run."""

	def __init__(self, work, apidef, jobs, timeout, spflags):
		self.work = work
		self.apidef = apidef
		self.jobs = jobs
		self.timeout = timeout
		self.spflags = spflags
		self.env = dict(os.environ)

	def run(self, states, cocci, batch, flags, env=None):
		"""One semantic patch over batch; states[n] gets the outcome.  env,
		when given, is the environment instead of self.env."""
		if not batch:
			return
		scratch = tempfile.mkdtemp(prefix="scratch.", dir=self.work)
		try:
			self._run(states, cocci, batch, flags, scratch, env)
		finally:
			shutil.rmtree(scratch, ignore_errors=True)

	def _run(self, states, cocci, batch, flags, b, env_in):
		sized = []
		for it in batch:
			os.mkdir(os.path.join(b, str(it.n)))
			dst = os.path.join(b, str(it.n), os.path.basename(it.path))
			shutil.copyfile(it.input, dst)
			sized.append((os.path.getsize(dst), dst))
		# One group a file, the largest first: spatch's workers take the
		# next file as they finish, so a long file does not hold up the end.
		sized.sort(key=lambda x: (-x[0], x[1]))
		groups = os.path.join(b, "groups")
		with open(groups, "w", encoding="utf-8", errors="surrogateescape") as fp:
			for _, p in sized:
				fp.write(p + "\n\n")
		recpath = os.path.join(b, "records.json")
		open(recpath, "w").close()
		# spatch's --timeout holds for each file; this one only keeps a
		# wedged spatch from hanging the whole run.
		limit = self.timeout * ((len(batch) + self.jobs - 1) // self.jobs) + 30
		cmd = ["timeout", "-k", "5", str(limit), "spatch", "--very-quiet", "--no-includes",
		       "--include-headers", "--no-show-diff", "-D", "patch", "-D", self.apidef]
		cmd += flags + self.spflags
		cmd += ["--timeout", str(self.timeout), "--jobs", str(self.jobs), "--chunksize", "1",
			"--sp-file", cocci, "--out-place", "--file-groups", groups]
		env = dict(self.env if env_in is None else env_in, MMPREP_RECORDS=recpath)
		res = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
				     stderr=subprocess.PIPE, env=env, check=False)
		rc = res.returncode
		if rc < 0:
			rc = 128 - rc
		if rc != 0 and len(batch) > 1:
			for it in batch:
				self.run(states, cocci, [it], flags, env_in)
			return
		err = res.stderr.decode("utf-8", "replace").splitlines()
		# Exceptions and timeouts as spatch reported them, by file.
		exn = {}
		for line in err:
			if not line.startswith("EXN: "):
				continue
			i = line.find(" in " + b + "/")
			if i < 0:
				continue
			rest = line[i + len(b) + 5:]
			n = rest.split("/", 1)[0]
			exn.setdefault(n, line[5:i])
		# The records of each file, by the scratch folder they name.
		byn = {str(it.n): it for it in batch}
		recs = collections.defaultdict(list)
		with open(recpath, encoding="utf-8", errors="surrogateescape") as fp:
			for text in fp:
				if not text.strip():
					continue
				r = json.loads(text)
				f = r.get("file") or ""
				if not f.startswith(b + "/"):
					continue
				n = f[len(b) + 1:].split("/", 1)[0]
				if n in byn:
					r["file"] = byn[n].path
					recs[n].append(r)
		ferr = ""
		if rc != 0:
			ferr = next((l for l in err if NOISE not in l), "")
		for it in batch:
			st = states[it.n]
			frc = rc
			msg = ferr
			if rc == 0 and str(it.n) in exn:
				msg = exn[str(it.n)]
				frc = 124 if "Timeout" in msg else 1
			if frc != 0:
				# A file that failed keeps no record: the caller reports it.
				st.rc, st.err, st.records = frc, msg, []
				continue
			got = recs.get(str(it.n), [])
			if got and it.input != it.path:
				got = relines(read_bytes(it.path), read_bytes(it.input), got)
			st.records.extend(got)
			res_path = os.path.join(b, str(it.n), os.path.basename(it.path)) + ".cocci_res"
			if os.path.exists(res_path):
				st.out = read_bytes(res_path)
