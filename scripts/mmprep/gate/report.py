# SPDX-License-Identifier: GPL-2.0
"""The gate's report: text (the kernel test robot's shape), SARIF 2.1.0 or
JUnit XML.

  findings  the patched tree's records (match.match()): status new or old,
            changed (on a line the patch adds or rewrites), severity
  errors    [{tool, file, where, message}]: a tool that could not run
  checked   {tool: [files]}: the tools that ran and the files each checked
  sources   {file: [lines]} of the patched files
"""

import json
from xml.sax.saxutils import escape, quoteattr

from .match import counted


def tag(f):
	if f["tool"] in ("sparse", "cc"):
		return f["tool"]
	if f["tool"] == "checkpatch":
		return "checkpatch:" + f["check"]
	return f["check"]


def location(f):
	s = "%s:%d:" % (f["file"], f["line"])
	if f.get("column"):
		s += "%d:" % f["column"]
	return s


def diagnostic(f):
	return "%s %s: %s [%s]" % (location(f), f["severity"], f["message"], tag(f))


def plural(n, word):
	return "%d %s%s" % (n, word, "" if n == 1 else "s")


def error_line(e):
	where = {"both": "on the base and the patched tree", "head": "on the patched tree",
		 "base": "on the base tree"}.get(e["where"], "")
	head = "%s: " % e["file"] if e["file"] else ""
	return "%serror: %s could not check it%s: %s [tool-error]" % (
		head, e["tool"], " " + where if where else "", e["message"])


def nfiles(checked):
	files = set()
	for v in checked.values():
		files.update(v)
	return len(files)


def text(findings, errors, checked, sources):
	new = [f for f in findings if f["status"] == "new"]
	fails = [f for f in new if counted(f)]
	notes = [f for f in new if not counted(f)]
	elsewhere = [f for f in fails if not f["changed"]]
	nold = len([f for f in findings if f["status"] == "old"])
	out = ""
	if findings:
		out += "All findings in the patched files (new ones prefixed by >>"
		if any(not f["changed"] for f in new):
			out += ", new ones on lines the patch leaves alone by +>"
		out += "):\n\n"
		blocks = []
		for file in sorted({f["file"] for f in findings}):
			lines = []
			prev = None
			for f in (x for x in findings if x["file"] == file):
				if f["function"] != prev:
					lines.append("%s: %s" % (file, "At top level:" if not f["function"]
								  else "In function '%s':" % f["function"]))
				prev = f["function"]
				if f["status"] == "new":
					mark = ">> " if f["changed"] else "+> "
				else:
					mark = "   "
				lines.append(mark + diagnostic(f))
				if f["status"] == "new":
					src = sources.get(file, [])
					code = src[f["line"] - 1] if 0 < f["line"] <= len(src) else ""
					lines.append("%8d | %s" % (f["line"], code))
			blocks.append("\n".join(lines))
		out += "\n\n".join(blocks) + "\n\n"
	if errors:
		out += "\n".join("!! " + error_line(e) for e in errors) + "\n\n"
	out += "mmprep-gate: "
	if not fails:
		out += "no new findings"
	else:
		tools = {}
		for f in fails:
			tools[f["tool"]] = tools.get(f["tool"], 0) + 1
		out += "%s (%s)" % (plural(len(fails), "new finding"),
				    ", ".join("%s: %d" % (t, tools[t]) for t in sorted(tools)))
		if elsewhere:
			out += ", %d on lines the patch leaves alone" % len(elsewhere)
	if notes:
		out += "; %s, not counted" % plural(len(notes), "new note")
	if nold:
		out += "; %d pre-existing" % nold
	if errors:
		out += "; %s" % plural(len(errors), "tool error")
	out += "; " + plural(nfiles(checked), "checked file")
	return out + "\n"


def _level(sev):
	return sev if sev in ("error", "note") else "warning"


def sarif(findings, errors, checked, sources):
	del sources
	runs = []
	tools = sorted(set(checked) | {e["tool"] for e in errors})
	for tool in tools:
		res = [f for f in findings if f["status"] == "new" and f["tool"] == tool]
		results = []
		for f in res:
			region = {"startLine": max(f["line"], 1)}
			if f.get("column"):
				region["startColumn"] = f["column"]
			loc = {"physicalLocation": {"artifactLocation": {"uri": f["file"],
									   "uriBaseId": "%SRCROOT%"},
						    "region": region}}
			if f["function"]:
				loc["logicalLocations"] = [{"name": f["function"], "kind": "function"}]
			results.append({
				"ruleId": f["check"],
				"level": _level(f["severity"]),
				"message": {"text": f["message"]},
				"locations": [loc],
				"partialFingerprints": {"mmprepGate/v1": f["fingerprint"]},
				"baselineState": "new",
				"properties": {"onChangedLine": f["changed"]},
			})
		inv = {"executionSuccessful": True}
		notes = []
		for e in errors:
			if e["tool"] != tool:
				continue
			n = {"level": "error", "message": {"text": error_line(e)}}
			if e["file"]:
				n["locations"] = [{"physicalLocation": {"artifactLocation": {
					"uri": e["file"], "uriBaseId": "%SRCROOT%"}}}]
			notes.append(n)
		if notes:
			inv = {"executionSuccessful": False, "toolExecutionNotifications": notes}
		runs.append({
			"tool": {"driver": {
				"name": tool,
				"informationUri": "https://github.com/mmprep/mmprep",
				"rules": [{"id": c, "name": c, "shortDescription": {"text": "%s: %s" % (tool, c)}}
					  for c in sorted({f["check"] for f in res})],
			}},
			"automationDetails": {"id": "mmprep-gate/"},
			"columnKind": "utf16CodeUnits",
			"results": results,
			"invocations": [inv],
		})
	log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
	       "runs": runs}
	return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def junit(findings, errors, checked, sources):
	del sources
	cases = []
	for tool in sorted(set(checked) | {e["tool"] for e in errors}):
		files = sorted(set(checked.get(tool, [])) |
			       {e["file"] for e in errors if e["tool"] == tool})
		for file in files:
			cases.append({
				"tool": tool, "file": file,
				"failures": [f for f in findings if counted(f) and f["tool"] == tool
					     and f["file"] == file],
				"notes": [f for f in findings if f["status"] == "new" and not counted(f)
					  and f["tool"] == tool and f["file"] == file],
				"errors": [e for e in errors if e["tool"] == tool and e["file"] == file]})
	nfail = sum(len(c["failures"]) for c in cases)
	nerr = sum(len(c["errors"]) for c in cases)
	out = ['<?xml version="1.0" encoding="UTF-8"?>',
	       '<testsuites name="mmprep-gate" tests="%d" failures="%d" errors="%d">'
	       % (len(cases), nfail, nerr)]
	for tool in sorted({c["tool"] for c in cases}):
		tc = [c for c in cases if c["tool"] == tool]
		out.append('  <testsuite name=%s tests="%d" failures="%d" errors="%d" skipped="0">'
			   % (quoteattr(tool), len(tc), sum(len(c["failures"]) for c in tc),
			      sum(len(c["errors"]) for c in tc)))
		for c in tc:
			head = '    <testcase classname=%s name=%s' % (quoteattr(tool),
								 quoteattr(c["file"] or "(all files)"))
			if not (c["failures"] or c["errors"] or c["notes"]):
				out.append(head + "/>")
				continue
			out.append(head + ">")
			for f in c["failures"]:
				out.append('      <failure type=%s message=%s>%s</failure>' % (
					quoteattr(f["check"]),
					quoteattr("%s:%d: %s" % (f["file"], f["line"], f["message"])),
					escape(diagnostic(f))))
			for e in c["errors"]:
				out.append('      <error type="tool-error" message=%s>%s</error>' % (
					quoteattr(e["message"]), escape(error_line(e))))
			if c["notes"]:
				out.append('      <system-out>%s</system-out>' % escape(
					"\n".join(diagnostic(f) for f in c["notes"])))
			out.append("    </testcase>")
		out.append("  </testsuite>")
	out.append("</testsuites>")
	return "\n".join(out) + "\n"


FORMATS = {"text": text, "sarif": sarif, "junit": junit}
