# SPDX-License-Identifier: GPL-2.0
"""Reading sources and diffs: the lines a change adds and removes, and the
functions of a C file (to name the function of a finding that has none)."""

import re

from .patchpaths import unquote

_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def _diff_header_path(s):
	s = unquote(s).split("\t", 1)[0]
	if s == "/dev/null":
		return ""
	return s.split("/", 1)[1] if "/" in s else s


def changed_lines(diff_text):
	"""From "git diff -U0" output (a/ and b/ prefixes): ({file: set of line
	numbers the change adds or rewrites, in the new file}, {file: set of
	removed line texts, stripped}).  A deleted file keeps its old name."""
	added = {}
	removed = {}
	in_hunk = False
	old_left = new_left = 0
	old = file = ""
	for line in diff_text.split("\n"):
		if in_hunk:
			c = line[:1]
			if c == "-":
				removed.setdefault(file, set()).add(line[1:].strip())
				old_left -= 1
			elif c == "+":
				new_left -= 1
			elif c == " ":
				old_left -= 1
				new_left -= 1
			if c in ("-", "+", " ", "\\"):
				if old_left <= 0 and new_left <= 0:
					in_hunk = False
				continue
			in_hunk = False
		if line.startswith("--- "):
			old = _diff_header_path(line[4:])
			continue
		if line.startswith("+++ "):
			file = _diff_header_path(line[4:]) or old
			continue
		m = _HUNK.match(line)
		if m:
			old_left = int(m.group(1)) if m.group(1) is not None else 1
			start = int(m.group(2))
			new_left = int(m.group(3)) if m.group(3) is not None else 1
			added.setdefault(file, set()).update(range(start, start + new_left))
			in_hunk = old_left > 0 or new_left > 0
	return added, removed


def _strip_line(line, state):
	"""line without comments, strings and character constants; state holds
	whether a block comment is open."""
	out = []
	i = 0
	n = len(line)
	while i < n:
		c = line[i]
		if state["comment"]:
			if line.startswith("*/", i):
				state["comment"] = False
				i += 2
			else:
				i += 1
			continue
		if line.startswith("/*", i):
			state["comment"] = True
			out.append(" ")
			i += 2
			continue
		if line.startswith("//", i):
			break
		if c in "\"'":
			q = c
			i += 1
			while i < n and line[i] != q:
				if line[i] == "\\":
					i += 1
				i += 1
			out.append(q + q)
			i += 1
			continue
		out.append(c)
		i += 1
	return "".join(out)


def code_only(text):
	"""text without comments, strings and character constants, line by line."""
	state = {"comment": False}
	return "\n".join(_strip_line(l, state) for l in text.split("\n"))


def _name_of(hdr):
	s = hdr.split("(", 1)[0].rstrip()
	m = re.search(r"[A-Za-z_][A-Za-z0-9_]*$", s)
	return m.group(0) if m else ""


def _is_function(hdr):
	p = hdr.find("(")
	if p < 0:
		return False
	e = hdr.find("=")
	return e < 0 or e > p


def fn_ranges(text):
	"""The functions of a C file in kernel style: [(first, last, name)],
	from the first line of the declaration to the closing brace.  A light
	scanner, not a parser: comments, strings, character constants and
	preprocessor lines are skipped; a top-level "{" opens a function when
	the declaration before it has a "(" that no "=" precedes."""
	ranges = []
	state = {"comment": False}
	in_pp = False
	depth = 0
	hdr = ""
	hstart = 0
	in_fn = False
	fname = ""
	fstart = 0
	for nr, raw in enumerate(text.split("\n"), 1):
		if in_pp or (not state["comment"] and re.match(r"^[ \t]*#", raw)):
			in_pp = raw.endswith("\\")
			continue
		line = _strip_line(raw, state)
		if depth == 0:
			if hdr == "" and re.match(r"^[A-Za-z_]", line):
				hdr = line
				hstart = nr
			elif hdr != "":
				hdr = hdr + " " + line
		for c in line:
			if c == "{":
				if depth == 0 and hdr != "" and _is_function(hdr):
					in_fn = True
					fname = _name_of(hdr)
					fstart = hstart
				depth += 1
			elif c == "}":
				if depth > 0:
					depth -= 1
				if depth == 0:
					if in_fn and fname:
						ranges.append((fstart, nr, fname))
					in_fn = False
					hdr = ""
			elif c == ";" and depth == 0:
				hdr = ""
	return ranges


def fn_at(ranges, line):
	"""The innermost (last) function of ranges holding line, or ""."""
	name = ""
	for first, last, fn in ranges:
		if first <= line <= last:
			name = fn
	return name
