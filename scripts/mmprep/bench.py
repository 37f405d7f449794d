# SPDX-License-Identifier: GPL-2.0
"""mmprep-bench: measure mmprep on Debian's linux-source-6.12 against
baselines measured in the same run, and write bench/results.json.

Usage: scripts/mmprep-bench [--runs=N] [--quick] [--only=PART]
  --runs=N   repetitions of each timing, the median is kept (default 3;
             the make coccicheck way stops early once every run of it is
             over 10x mmprep-convert: the ratio's target is 3)
  --quick    conversion and report timings over drivers/char drivers/misc
             drivers/uio fs/ instead of the whole tree (to try it out)
  --only=convert|analyzer|gate|report  measure one part (the others are
             null in the JSON)

Conversion: scripts/mmprep-convert over the tree, against the same .cocci
files run the way "make coccicheck" runs them (spatch --dir TREE -j 2,
spatch's own prefilter on), and against spatch over exactly the files that
define hooks (one run per semantic patch, --file-groups).  Analyzer:
mmprep-check against clang -fsyntax-only with the same flags on the same
files of a prepared defconfig build, peak memory at -j 2, sparse as a
second reference.  Gate: mmprep-gate on a one-file patch and on a 16-file
patch (generic_file_mmap conversions of 16 filesystems) against the
prepared tree (testcases/run-real-gate --bench).  Report: mmprep-report
over the tree, once without its cache (the converter's cost) and with
it.  Timing is never asserted: this only measures and prints.
"""

# The hook counts come from the converter's records through
# mmprep.records.tally(), the same counts as "python3 -m mmprep.records
# tables": declined_per_reason is keyed by reason id.

import json
import math
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from mmprep import cli
from mmprep import records as R

PROG = "mmprep-bench"
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARTS = ("convert", "analyzer", "gate", "report")
QUICK = ("drivers/char", "drivers/misc", "drivers/uio", "fs")
JOBS = 2
COCCI = (os.path.join(TOP, "cocci/all/mmap_prepare.cocci"),
	 os.path.join(TOP, "cocci/action_hooks.cocci"))
# the coccicheck way's runs stop once each is over FAR times the converter's
FAR = 10
SPATCH = ["spatch", "-D", "patch", "--very-quiet", "--no-includes", "--include-headers"]


class Fatal(Exception):
	"""An error that ends the run: one line on stderr, and the exit status."""

	def __init__(self, msg, status=2):
		super().__init__(msg)
		self.status = status


def say(msg):
	sys.stderr.write("%s: %s\n" % (PROG, msg))
	sys.stderr.flush()


def parse(argv):
	"""(runs, quick, only); None for --help."""
	runs, quick, only = "3", False, None
	for a in argv:
		if a.startswith("--runs="):
			runs = a[len("--runs="):]
		elif a == "--quick":
			quick = True
		elif a.startswith("--only=") and a[len("--only="):] in PARTS:
			only = a[len("--only="):]
		elif a in ("-h", "--help"):
			return None
		else:
			raise Fatal("unknown argument '%s'" % a)
	if not re.fullmatch(r"[0-9]+", runs) or int(runs) == 0:
		raise Fatal("--runs takes a positive number")
	return int(runs), quick, only


def number(x, places=3):
	"""x rounded for the JSON (an integral value as an integer), or None."""
	if x is None:
		return None
	x = round(x, places)
	return int(x) if x == int(x) else x


def ratio(a, b):
	"""a / b to three places, or None."""
	if a is None or b is None or b == 0:
		return None
	return number(a / b)


def median(times):
	return number(statistics.median(times)) if times else None


def tool_output(cmd, stderr=subprocess.DEVNULL, cwd=None):
	"""The standard output of cmd ("" when it cannot run)."""
	try:
		res = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=stderr, check=False)
	except OSError:
		return ""
	return res.stdout.decode("utf-8", "replace")


def first_line(text):
	return text.split("\n", 1)[0]


def script_output(cmd):
	"""The output of one of our scripts that prints a path ($(cmd)); its
	failure ends the run with its status."""
	res = subprocess.run(cmd, stdout=subprocess.PIPE, check=False)
	if res.returncode != 0:
		raise Fatal("%s failed (status %d)" % (os.path.basename(cmd[0]), res.returncode),
			    res.returncode)
	return os.fsdecode(res.stdout).rstrip("\n")


def quiet(cmd, cwd):
	"""Run cmd in cwd, its output thrown away; its exit status."""
	try:
		return subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
				      stderr=subprocess.DEVNULL, check=False).returncode
	except OSError:
		return 127


# -- Kbuild's saved commands ---------------------------------------------------

def saved_command(cmdfile, obj):
	"""The command Kbuild saved in cmdfile for obj, up to its first ";"
	(what follows is objtool and the like); "" when there is none."""
	lead = "savedcmd_%s := " % obj
	with open(cmdfile, encoding="utf-8", errors="surrogateescape") as fp:
		for line in fp:
			if line.startswith(lead):
				return re.sub(r" *;.*", "", line[len(lead):].rstrip("\n"))
	return ""


def words(cmd):
	"""The arguments of a saved command after the compiler, split at blanks
	the way the shell splits an unquoted expansion (quotes stay)."""
	return cmd.split(" ", 1)[1].split() if " " in cmd else cmd.split()


class Bench:
	"""One bench run."""

	def __init__(self, runs, quick, only, work):
		self.runs = runs
		self.quick = quick
		self.only = only
		self.work = work
		self.scope = list(QUICK) if quick else ["."]
		self.tree = script_output([os.path.join(TOP, "scripts/kernel-tree")])
		self.conv = os.path.join(TOP, "scripts/mmprep-convert")
		self.check = os.path.join(TOP, "analyzer/mmprep-check")
		self.r = {}
		self.records = []
		self.hookfiles = []
		self.cmds = []
		self.build = None

	def part(self, name):
		return self.only in (None, name)

	def path(self, name):
		return os.path.join(self.work, name)

	def timed(self, name, steps, enough=None):
		"""The median wall-clock seconds of self.runs runs of steps(out, err),
		out and err the files name.out and name.err of the last run.  With
		enough(times) true after a run, the runs stop there; the number of
		runs made is kept in self.r[name + "_runs"]."""
		times = []
		for _ in range(self.runs):
			with open(self.path(name + ".out"), "wb") as out, \
			     open(self.path(name + ".err"), "wb") as err:
				t0 = time.monotonic()
				steps(out, err)
				times.append(time.monotonic() - t0)
			if enough and enough(times):
				break
		self.r[name + "_runs"] = len(times)
		return median(times)

	def in_tree(self, *cmds):
		"""steps for timed(): the commands one after the other in the tree."""
		def steps(out, err):
			for cmd in cmds:
				subprocess.run(cmd, cwd=self.tree, stdout=out, stderr=err, check=False)
		return steps

	# -- 1. conversion ---------------------------------------------------
	def conversion(self):
		scope = " ".join(self.scope)
		conv = [self.conv, "-j", str(JOBS), "--json"] + self.scope
		t_ours = None
		if self.only in ("gate", "report"):
			return
		if self.only == "analyzer":
			say("counting hooks: mmprep-convert over %s" % scope)
			with open(self.path("records.json"), "wb") as out:
				rc = subprocess.run(conv, cwd=self.tree, stdout=out, check=False).returncode
			if rc >= 2:
				raise Fatal("mmprep-convert exited with status %d" % rc, rc)
		else:
			say("conversion: mmprep-convert over %s (%d runs)" % (scope, self.runs))
			t_ours = self.timed("ours", self.in_tree(conv))
			shutil.copyfile(self.path("ours.out"), self.path("records.json"))
		with open(self.path("records.json"), "rb") as fp:
			try:
				self.records = R.read(fp.read().decode("utf-8", "replace").split("\n"),
						      "mmprep-convert --json")
			except ValueError as e:
				raise Fatal(str(e)) from None
		self.hookfiles = hookfiles = sorted(
			{r["file"] for r in self.records if isinstance(r.get("file"), str)},
			key=os.fsencode)
		if not self.part("convert"):
			return
		self.r["convert_s"] = t_ours
		say("conversion: spatch --dir, the make coccicheck way (%d runs, fewer when "
		    "every run takes over %dx mmprep-convert)" % (self.runs, FAR))
		# The whole-tree baseline takes 15 to 35 minutes a run: once every
		# run so far is over FAR times the converter's median, more runs
		# cannot bring the ratio near its target (>= 3).
		self.r["coccicheck_s"] = self.timed("coccicheck", self.in_tree(*[
			SPATCH + ["--cocci-file", c, "--dir", d, "--jobs", str(JOBS), "--chunksize", "1"]
			for c in COCCI for d in self.scope]),
			enough=lambda ts: t_ours is not None and min(ts) > FAR * t_ours)
		say("conversion: spatch over exactly the %d hook files (%d runs)"
		    % (len(hookfiles), self.runs))
		# spatch's own best way over exactly these files: one run per
		# semantic patch, each file a group of its own, -j as above.
		groups = self.path("hookgroups")
		with open(groups, "wb") as fp:
			fp.write(b"".join(os.fsencode(f) + b"\n\n" for f in hookfiles))
		self.r["hookfiles_only_s"] = self.timed("hookfiles", self.in_tree(*[
			SPATCH + ["--sp-file", c, "--file-groups", groups, "--jobs", str(JOBS),
				  "--chunksize", "1"] for c in COCCI]))

	# -- 2. analyzer -------------------------------------------------------
	def commands(self):
		"""Kbuild's command for each hook file that the prepared defconfig
		build compiles (the object built once when it is not yet)."""
		for f in self.hookfiles:
			o = (f[:-2] if f.endswith(".c") else f) + ".o"
			cmdfile = os.path.join(self.build, os.path.dirname(o), "." + os.path.basename(o) + ".cmd")
			if not os.path.isfile(cmdfile):
				if quiet(["make", "-s", "O=" + self.build, o], self.tree) != 0:
					continue
			if not os.path.isfile(cmdfile):
				continue
			cmd = saved_command(cmdfile, o)
			if cmd:
				self.cmds.append(cmd)

	def analyzer(self):
		"""mmprep-check, clang -fsyntax-only and sparse with Kbuild's flags,
		from the build folder (Kbuild runs commands there with paths into
		the source), and the analyzer's peak memory over all of them."""
		say("analyzer: preparing the defconfig build")
		self.build = script_output([os.path.join(TOP, "scripts/kernel-build")])
		self.commands()
		self.r["analyzer_files"] = len(self.cmds)
		if not self.cmds:
			return
		say("analyzer: %d hook files compile in that configuration (%d runs)"
		    % (len(self.cmds), self.runs))
		build = self.build

		def analyzer_all(out, err):
			for cmd in self.cmds:
				quiet([self.check, "--no-prefilter", "--quiet", "--exit-zero"] + words(cmd),
				      build)

		def syntax_all(out, err):
			# the line is a whole "clang -fsyntax-only ..." command, quoted
			for cmd in self.cmds:
				res = subprocess.run([self.check, "--print-clang-args"] + words(cmd),
						     cwd=build, stdout=subprocess.PIPE,
						     stderr=subprocess.DEVNULL, check=False)
				if res.returncode != 0:
					continue
				for line in res.stdout.decode("utf-8", "surrogateescape").split("\n"):
					if line.strip():
						quiet(shlex.split(line), build)

		def sparse_all(out, err):
			for cmd in self.cmds:
				quiet(["sparse"] + words(cmd), build)

		self.r["analyzer_s"] = self.timed("analyzer", analyzer_all)
		self.r["syntax_only_s"] = self.timed("syntax", syntax_all)
		self.r["sparse_s"] = self.timed("sparse", sparse_all)
		# Peak memory of one mmprep-check run over all of them at -j 2.
		files = [c.rsplit(" ", 1)[-1] for c in self.cmds]
		flags = self.cmds[0].split(" ", 1)[-1].rsplit(" ", 1)[0].split()
		p = subprocess.Popen([self.check, "--no-prefilter", "--quiet", "--exit-zero", "-j", "2"]
				     + files + ["--"] + flags, cwd=build, stdout=subprocess.DEVNULL,
				     stderr=subprocess.DEVNULL)
		_, status, usage = os.wait4(p.pid, 0)
		p.returncode = os.waitstatus_to_exitcode(status)
		# ru_maxrss: KiB, the largest of the process and its children
		self.r["analyzer_peak_rss_mib"] = math.floor(usage.ru_maxrss * 10 / 1024) / 10

	# -- 3. the gate and the report ----------------------------------------
	def gate(self):
		say("gate: mmprep-gate on a one-file and a 16-file patch against the prepared tree")
		with open(self.path("gate.json"), "wb") as out, \
		     open(self.path("gate.err"), "wb") as err:
			subprocess.run([os.path.join(TOP, "testcases/run-real-gate"), "--bench"],
				       stdout=out, stderr=err, check=False)
		try:
			with open(self.path("gate.json"), encoding="utf-8") as fp:
				g = json.load(fp)
		except ValueError:
			g = None
		if isinstance(g, dict):
			self.r["gate_one_file_s"] = g.get("gate_one_file_s")
			self.r["gate_16_files_s"] = g.get("gate_16_files_s")

	def report(self):
		report = [os.path.join(TOP, "scripts/mmprep-report"), "--tree", self.tree, "-q",
			  "-j", str(JOBS), "--format", "json", "-o", self.path("report.json")]
		rscope = self.scope if self.quick else []

		def once(*extra):
			with open(self.path("report.err"), "wb") as err:
				subprocess.run(report + list(extra) + rscope, stderr=err, check=False)
		say("report: mmprep-report over %s, once without its cache" % " ".join(self.scope))
		t0 = time.monotonic()
		once("--no-cache")
		self.r["report_tree_s"] = number(time.monotonic() - t0)
		say("report: the same with its cache (%d runs)" % self.runs)
		once()
		times = []
		for _ in range(self.runs):
			t0 = time.monotonic()
			once()
			times.append(time.monotonic() - t0)
		self.r["report_tree_cached_s"] = median(times)

	def run(self):
		self.conversion()
		if self.part("analyzer"):
			self.analyzer()
		if self.part("gate"):
			self.gate()
		if self.part("report"):
			self.report()
		return results(self)


def verified(path):
	"""files_compiled_ok of make verify's bench/verify.json, or None."""
	try:
		with open(path, encoding="utf-8") as fp:
			v = json.load(fp)
	except (OSError, ValueError):
		return None
	v = v.get("files_compiled_ok") if isinstance(v, dict) else None
	return None if v is False else v


def machine():
	"""The CPU model, the cores and the memory, as the bench reports them."""
	cpu = ""
	try:
		with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fp:
			for line in fp:
				if "model name" in line:
					cpu = line.rstrip("\n").rsplit(": ", 1)[-1]
					break
	except OSError:
		pass
	mem = ""
	try:
		with open("/proc/meminfo", encoding="utf-8") as fp:
			for line in fp:
				if line.startswith("MemTotal:"):
					mem = "%d GiB" % (int(line.split()[1]) // (1024 * 1024))
	except (OSError, ValueError, IndexError):
		pass
	cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
		else os.cpu_count()
	return {"cpu": cpu, "cores": cores, "memory": mem}


def results(b):
	"""bench/results.json: the timings of b, the machine, the tools and the
	hook counts of the converter's records (mmprep.records.tally)."""
	r = b.r
	t = R.tally(b.records)
	return {
		"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
		"machine": machine(),
		"tools": {"spatch": first_line(tool_output(["spatch", "--version"],
							   stderr=subprocess.STDOUT)),
			  "clang": first_line(tool_output(["clang-14", "--version"], stderr=None))},
		"scope": " ".join(b.scope),
		"runs": b.runs,
		"convert_s": r.get("convert_s"),
		"coccicheck_s": r.get("coccicheck_s"),
		"coccicheck_runs": r.get("coccicheck_runs"),
		"hookfiles_only_s": r.get("hookfiles_only_s"),
		"convert_vs_coccicheck_ratio": ratio(r.get("coccicheck_s"), r.get("convert_s")),
		"convert_hookfiles_ratio": ratio(r.get("convert_s"), r.get("hookfiles_only_s")),
		"analyzer_files": r.get("analyzer_files", 0),
		"analyzer_s": r.get("analyzer_s"),
		"syntax_only_s": r.get("syntax_only_s"),
		"sparse_s": r.get("sparse_s"),
		"analyzer_vs_syntax_ratio": ratio(r.get("analyzer_s"), r.get("syntax_only_s")),
		"analyzer_peak_rss_mib": r.get("analyzer_peak_rss_mib"),
		"gate_one_file_s": r.get("gate_one_file_s"),
		"gate_16_files_s": r.get("gate_16_files_s"),
		"report_tree_s": r.get("report_tree_s"),
		"report_tree_cached_s": r.get("report_tree_cached_s"),
		"files_verified_compiling": verified(os.path.join(TOP, "bench/verify.json")),
		"hooks_total": t["hooks"],
		"hooks_converted": t["done"],
		"hooks_declined": t["left"],
		"converted_per_rule": dict(sorted(t["rules"].items())),
		"declined_per_reason": dict(sorted(t["reasons"].items())),
	}


def text(v):
	"""v in the printed table: JSON, a string as it is."""
	return v if isinstance(v, str) else json.dumps(v)


def table(res, out):
	"""The summary printed at the end of a run, from results.json."""
	g = {k: text(v) for k, v in res.items() if not isinstance(v, dict)}
	lines = [
		"mmprep bench (%s, median of %s) on %s, %s cores"
		% (g["scope"], g["runs"], res["machine"]["cpu"], res["machine"]["cores"]),
		"",
		"| measure | seconds | ratio |",
		"| --- | --- | --- |",
		"| mmprep-convert | %s | |" % g["convert_s"],
		"| spatch --dir (make coccicheck way), %s run(s) | %s | %sx slower than"
		" mmprep-convert (target >= 3) |" % (g["coccicheck_runs"], g["coccicheck_s"],
						      g["convert_vs_coccicheck_ratio"]),
		"| spatch over the hook files only | %s | mmprep-convert takes %sx (target <= 1.5) |"
		% (g["hookfiles_only_s"], g["convert_hookfiles_ratio"]),
		"| mmprep-check, %s files | %s | %sx clang -fsyntax-only (target <= 1.3) |"
		% (g["analyzer_files"], g["analyzer_s"], g["analyzer_vs_syntax_ratio"]),
		"| clang -fsyntax-only, same flags | %s | |" % g["syntax_only_s"],
		"| sparse, same flags | %s | |" % g["sparse_s"],
		"| mmprep-check -j 2 peak RSS | %s MiB | (target < 1024) |" % g["analyzer_peak_rss_mib"],
		"| mmprep-gate, one-file patch, prepared tree | %s | (target < 10) |"
		% g["gate_one_file_s"],
		"| mmprep-gate, 16-file patch, prepared tree | %s | (target < 60) |"
		% g["gate_16_files_s"],
		"| mmprep-report, no cache | %s | |" % g["report_tree_s"],
		"| mmprep-report, cached | %s | |" % g["report_tree_cached_s"],
		"",
		"hooks: %s total, %s converted, %s not converted"
		% (g["hooks_total"], g["hooks_converted"], g["hooks_declined"]),
		"converted files compiling against the backported API (make verify): %s"
		% g["files_verified_compiling"],
		"converted per rule: %s" % ", ".join("%s %s" % kv
						    for kv in res["converted_per_rule"].items()),
		"not converted, per reason id:",
	]
	ids = res["declined_per_reason"]
	lines += ["  %s\t%s" % (ids[rid], rid) for rid in sorted(ids, key=lambda x: (-ids[x], x))]
	lines += ["", "written to bench/results.json"]
	out.write("\n".join(lines) + "\n")


def main(argv):
	for fp in (sys.stdout, sys.stderr):
		fp.reconfigure(encoding="utf-8", errors="surrogateescape")
	work = None
	try:
		args = parse(argv)
		if args is None:
			sys.stdout.write(__doc__)
			return 0
		out = os.path.join(TOP, "bench")
		os.makedirs(out, exist_ok=True)
		work = tempfile.mkdtemp(prefix="mmprep-bench.", dir=os.environ.get("TMPDIR") or "/tmp")
		res = Bench(*args, work).run()
		with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as fp:
			json.dump(res, fp, indent=2, ensure_ascii=False)
			fp.write("\n")
		table(res, sys.stdout)
		return 0
	except Fatal as e:
		sys.stderr.write("%s: %s\n" % (PROG, e))
		return e.status
	except KeyboardInterrupt:
		return 130
	except OSError as e:
		sys.stderr.write(cli.os_error(PROG, e))
		return 2
	finally:
		if work:
			shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
