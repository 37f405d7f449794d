# SPDX-License-Identifier: GPL-2.0
"""The tools the gate runs on each side, and their output read into
finding records:

  {side, tool, check, file, line, column, function, severity, message, key}

A tool that cannot run on a file gives a failure (a one-line message)
instead; the gate reports failures, it does not drop them.
"""

import json
import os
import re
import subprocess

_LOC = re.compile(r"^([^:]+):(\d+):(\d+): ")
_CC_DIAG = re.compile(r"^(.+?):(\d+):(?:(\d+):)? (fatal error|error|warning): (.*)$")
_CC_FN = re.compile(r"^(.+?): In function [\u2018'`](.+?)[\u2019']")
_CC_TOP = re.compile(r"^(.+?): At top level:$")
_CC_OPT = re.compile(r" \[(-W[^\]]+|-f[^\]]+)\]$")
_CHECKPATCH = re.compile(r"^([^:]+):(\d+): (ERROR|WARNING|CHECK):([A-Z0-9_]+): (.*)$")

PARTIAL = "partial analysis"
MISSING_INCLUDE = re.compile(r"(unable to open '|No such file or directory|file not found)")


def finding(side, tool, check, file, line, column, severity, message, function="", key=None):
	return {"side": side, "tool": tool, "check": check, "file": file, "line": line,
		"column": column, "function": function or "", "severity": severity,
		"message": message, "key": key}


def run(argv, cwd=None, env=None, timeout=None):
	"""(exit status, stdout, stderr) as text; exit status 127 when the
	program cannot be started."""
	try:
		p = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
				   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
				   check=False)
	except OSError as e:
		return 127, "", "%s: %s" % (argv[0], e.strerror)
	except subprocess.TimeoutExpired:
		return 124, "", "%s: timed out after %d s" % (os.path.basename(argv[0]), timeout)
	return (p.returncode, p.stdout.decode("utf-8", "surrogateescape"),
		p.stderr.decode("utf-8", "surrogateescape"))


def first_line(*texts, default="failed"):
	for t in texts:
		for line in t.split("\n"):
			if line.strip():
				return line.strip()
	return default


def c_env():
	env = dict(os.environ)
	env["LC_ALL"] = "C"
	env.pop("GCC_COLORS", None)
	return env


class Namer:
	"""Turns the paths tools print into tree-relative paths."""

	def __init__(self, side_dir, top, obj=None):
		self.prefixes = [d.rstrip("/") + "/" for d in (side_dir, top) if d]
		if obj:
			self.prefixes.append(obj.rstrip("/") + "/")

	def __call__(self, path, cwd=None):
		if cwd and not path.startswith("/"):
			path = os.path.normpath(os.path.join(cwd, path))
		elif path.startswith("/"):
			path = os.path.normpath(path)
		for p in self.prefixes:
			if path.startswith(p):
				return path[len(p):]
		if path.startswith("./"):
			path = path[2:]
		return path


def mmprep_check(check, api, db_dir, src, side, name):
	"""mmprep-check -p on one file: (findings, failure or None)."""
	rc, out, err = run([check, "--format=json", "--api=" + api, "-p", db_dir, src],
			   env=c_env())
	findings = []
	failure = None
	for line in out.split("\n"):
		if not line.strip():
			continue
		try:
			r = json.loads(line)
		except ValueError:
			failure = "mmprep-check printed something that is not JSON"
			continue
		if not isinstance(r, dict):
			continue
		status = r.get("status")
		if r.get("partial"):
			p = r.get("partial")
			failure = failure or PARTIAL + (": " + p if isinstance(p, str) else "")
		if status == "finding":
			findings.append(finding(side, r.get("tool") or "mmprep-check",
						r.get("check") or "mmprep-check", name(r.get("file") or src),
						r.get("line") or 0, r.get("column"),
						r.get("severity") or "warning", r.get("message") or "",
						r.get("function") or ""))
		elif status in ("error", "timeout"):
			failure = failure or "%s%s" % (
				"timed out: " if status == "timeout" else "", r.get("message") or status)
	if rc >= 2 and failure is None:
		errs = [l for l in err.split("\n") if l.strip() and ": note: " not in l]
		failure = first_line("\n".join(errs), default="exit status %d" % rc)
	return findings, failure


def _located(text, side, tool, name, cwd):
	"""sparse's "file:line:col: warning: msg" lines, continuations appended."""
	out = []
	cur = None
	for line in text.split("\n"):
		m = _LOC.match(line)
		if not m:
			continue
		rest = line[m.end():]
		if rest.startswith("warning: ") or rest.startswith("error: "):
			sev, msg = rest.split(": ", 1)
			cur = finding(side, tool, tool, name(m.group(1), cwd), int(m.group(2)),
				      int(m.group(3)), sev, msg)
			out.append(cur)
		elif cur is not None:
			cur["message"] += "; " + rest.strip()
	return out


def sparse(argv, cwd, side, name):
	"""sparse: (findings, failure or None).  sparse exits 0 even on errors
	in the code; anything else, with no diagnostic, means it did not run."""
	rc, _, err = run(argv, cwd=cwd, env=c_env())
	findings = _located(err, side, "sparse", name, cwd)
	failure = None
	if rc != 0 and not any(f["severity"] == "error" for f in findings):
		other = [l for l in err.split("\n") if l.strip() and not _LOC.match(l)]
		failure = first_line("\n".join(other), default="exit status %d" % rc)
	return findings, failure


def cc(argv, cwd, side, name):
	"""The compiler: (findings, failure or None).  Errors and warnings are
	findings (check: the -W option, or "error"/"warning"); notes go."""
	rc, out, err = run(argv, cwd=cwd, env=c_env())
	findings = []
	fn = {}
	seen = set()
	for line in (err + "\n" + out).split("\n"):
		m = _CC_FN.match(line)
		if m:
			fn[m.group(1)] = m.group(2)
			continue
		m = _CC_TOP.match(line)
		if m:
			fn[m.group(1)] = ""
			continue
		m = _CC_DIAG.match(line)
		if not m:
			continue
		path, ln, col, sev, msg = m.groups()
		sev = "error" if sev == "fatal error" else sev
		opt = _CC_OPT.search(msg)
		check = opt.group(1) if opt else sev
		if check.startswith("-Werror="):
			check = "-W" + check[len("-Werror="):]
		f = finding(side, "cc", check, name(path, cwd), int(ln), int(col) if col else None,
			    sev, msg, fn.get(path, ""))
		k = (f["file"], f["line"], f["column"], f["message"])
		if k not in seen:
			seen.add(k)
			findings.append(f)
	failure = None
	if rc != 0 and not any(f["severity"] == "error" for f in findings):
		failure = first_line(err, out, default="exit status %d" % rc)
	return findings, failure


def checkpatch_findings(text):
	"""checkpatch --terse --showfile --show-types lines."""
	out = []
	for line in text.split("\n"):
		m = _CHECKPATCH.match(line)
		if not m or m.group(2) == "0":
			continue
		out.append(finding("head", "checkpatch", m.group(4), m.group(1), int(m.group(2)),
				   None, "error" if m.group(3) == "ERROR" else "warning", m.group(5)))
	return out


def convert_records(text):
	"""mmprep-convert --json records of base/FILE and WT/FILE: (findings,
	[(side, file, failure)])."""
	findings = []
	failures = []
	for line in text.split("\n"):
		if not line.strip():
			continue
		try:
			r = json.loads(line)
		except ValueError:
			failures.append(("head", "", "mmprep-convert printed something that is not JSON"))
			continue
		parts = (r.get("file") or "").split("/", 1)
		side = "base" if parts[0] == "base" else "head"
		file = parts[1] if len(parts) > 1 else parts[0]
		status = r.get("status")
		if status == "converted" and r.get("hook") == "file_operations.mmap":
			findings.append(finding(side, "mmprep-convert", "deprecated-mmap", file,
				r.get("line") or 0, None, "warning",
				"%s(): .mmap hook that scripts/mmprep-convert converts to .mmap_prepare "
				"(rules: %s); f_op->mmap is deprecated" % (r.get("function"), r.get("rule")),
				r.get("function") or "", key="convertible"))
		elif status in ("error", "timeout", "parse-error"):
			failures.append((side, file, "%s: %s" % (status, r.get("reason") or "")))
	return findings, failures
