# SPDX-License-Identifier: GPL-2.0
"""What a patch (a plain diff or an mbox of patches) would write, read
before anything is applied, the way git apply reads file headers (hunk
line counts tell header lines from hunk lines), and what must be refused.

scan(text) returns a PatchPaths: the paths written, the symlinks created
(with their target when the patch gives it), the renames and copies, the
number of patch sections, and the first reason to refuse the patch.
"""

import re

_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")
_CTRL = re.compile(r"[\x01-\x1f\x7f]")


def unquote(s):
	"""A C-quoted git path ("a/\\303\\251.c") as a string; others as they are."""
	if not s.startswith('"'):
		return s
	out = bytearray()
	i = 1
	n = len(s)
	while i < n:
		c = s[i]
		if c == '"':
			break
		if c != "\\":
			out += c.encode("utf-8", "surrogateescape")
			i += 1
			continue
		i += 1
		c = s[i] if i < n else ""
		if c in "01234567" and c:
			out.append(int(s[i:i + 3], 8) & 0xff)
			i += 3
			continue
		out += {"n": b"\n", "t": b"\t", "a": b"?", "b": b"?", "f": b"?", "r": b"?",
			"v": b"?"}.get(c, c.encode("utf-8", "surrogateescape"))
		i += 1
	return out.decode("utf-8", "surrogateescape")


def check_path(p):
	"""Why the path p must not be written, or None."""
	if p == "":
		return None
	if p.startswith("/"):
		return "path '%s' is an absolute path" % p
	if _CTRL.search(p):
		return "path '%s' holds control characters" % p
	for comp in p.split("/"):
		if comp == "..":
			return "path '%s' leaves the tree (..)" % p
		if comp.lower() == ".git":
			return "path '%s' is inside .git" % p
	return None


def check_link(path, target):
	"""Why a symlink at path pointing to target must be refused, or None."""
	if target.startswith("/"):
		return "symlink '%s' points to the absolute path '%s'" % (path, target)
	depth = len([c for c in path.split("/")[:-1] if c not in ("", ".")])
	for comp in target.split("/"):
		if comp in ("", "."):
			continue
		if comp == "..":
			depth -= 1
			if depth < 0:
				return "symlink '%s' points outside the tree ('%s')" % (path, target)
		else:
			if depth == 0 and comp.lower() == ".git":
				return "symlink '%s' points into .git" % path
			depth += 1
	return None


def _strip1(p):
	"""Remove the a/ or b/ (any first component), as git apply -p1 does."""
	return p.split("/", 1)[1] if "/" in p else p


def _header_path(s):
	if s.startswith('"'):
		return unquote(s)
	return s.split("\t", 1)[0]


class PatchPaths:
	def __init__(self):
		self.paths = []		# what the patch writes
		self.links = []		# (path, target): new symlinks with their target
		self.blind_links = []	# new symlinks whose target the patch does not give
		self.renames = []	# (from, to), renames and copies
		self.sections = 0
		self.error = None

	def refuse(self, msg):
		if msg and self.error is None:
			self.error = msg


def scan(text):
	"""Read a patch or mbox (a str); see PatchPaths."""
	r = PatchPaths()
	in_hunk = False
	old_left = new_left = 0
	cur_path = ""
	cur_link = False
	link_target = None
	from_path = ""
	plus_headers = 0

	def flush_link():
		nonlocal cur_link, link_target
		if cur_link and cur_path:
			if link_target is not None:
				r.links.append((cur_path, link_target))
			else:
				r.blind_links.append(cur_path)
		cur_link = False
		link_target = None

	def emit(p):
		nonlocal cur_path
		r.refuse(check_path(p))
		r.paths.append(p)
		cur_path = p

	for line in text.split("\n"):
		if line.endswith("\r"):
			line = line[:-1]
		if in_hunk:
			c = line[:1]
			if c == " " or line == "":
				old_left -= 1
				new_left -= 1
			elif c == "-":
				old_left -= 1
			elif c == "+":
				new_left -= 1
				if cur_link and link_target is None:
					link_target = line[1:]
			elif c == "\\":
				pass
			else:
				in_hunk = False
			if in_hunk:
				if old_left <= 0 and new_left <= 0:
					in_hunk = False
				continue
		if line.startswith("diff --git "):
			flush_link()
			r.sections += 1
			cur_path = ""
			rest = line[11:]
			if '"' in rest:
				# quoted names are unquoted and checked; unquoted words
				# are ambiguous with spaces, so each word is checked
				while rest:
					rest = rest.lstrip(" ")
					if rest.startswith('"'):
						q = unquote(rest)
						if q.startswith("/"):
							r.refuse(check_path(q))
						else:
							emit(_strip1(q))
						j = 1
						while j < len(rest):
							if rest[j] == "\\":
								j += 1
							elif rest[j] == '"':
								break
							j += 1
						rest = rest[j + 1:]
					else:
						w = rest.split(" ", 1)[0]
						rest = rest[len(w):]
						r.refuse(check_path(w))
			else:
				for w in rest.split():
					r.refuse(check_path(w))
				# "a/NAME b/NAME": the same name twice is unambiguous,
				# even with spaces (mode changes, binary patches)
				if (len(rest) - 1) % 2 == 0:
					half = (len(rest) - 1) // 2
					if rest[half:half + 1] == " " and len(rest) > 4 and \
					   rest[2:half] == rest[half + 3:]:
						emit(rest[2:half])
			continue
		if line.startswith("--- "):
			p = _header_path(line[4:])
			if p != "/dev/null":
				if p.startswith("/"):
					r.refuse(check_path(p))
				else:
					r.paths.append(_strip1(p))
				r.refuse(check_path(_strip1(p)))
			continue
		if line.startswith("+++ "):
			plus_headers += 1
			p = _header_path(line[4:])
			if p != "/dev/null":
				if p.startswith("/"):
					r.refuse(check_path(p))
				else:
					emit(_strip1(p))
			continue
		m = re.match(r"^(rename|copy) from (.*)", line)
		if m:
			from_path = unquote(m.group(2))
			r.refuse(check_path(from_path))
			r.paths.append(from_path)
			continue
		m = re.match(r"^(rename|copy) to (.*)", line)
		if m:
			p = unquote(m.group(2))
			emit(p)
			r.renames.append((from_path, p))
			continue
		if re.match(r"^(new file mode|new mode) 120000", line) or \
		   re.match(r"^index [0-9a-f]+\.\.[0-9a-f]+ 120000", line):
			cur_link = True
			continue
		m = _HUNK.match(line)
		if m:
			old_left = int(m.group(1)) if m.group(1) is not None else 1
			new_left = int(m.group(2)) if m.group(2) is not None else 1
			in_hunk = old_left > 0 or new_left > 0
			continue
	flush_link()
	r.sections += plus_headers
	return r
