# SPDX-License-Identifier: GPL-2.0
"""The users of a changed header in a kernel tree, chosen once for the gate
(mmprep-gate) and the verifier (mmprep-verify).

A changed header is checked through .c files that include it:

  includers()            the .c files that include it: by its include/ path
                         for a public header (include/, arch/*/include/;
                         a uapi header by its path under uapi/ as well),
                         anywhere in the tree; for a private one, by a quoted
                         path that leads to it from the includer's folder, or
                         by its bare name from the header's own folder and
                         below
  changed_identifiers()  the identifiers that only its changed code has
                         (comments and strings left out): a renamed
                         prototype, a re-typed member, ...; the descriptor
                         that every conversion brings (desc, vm_area_desc)
                         tells nothing and is left out
  first_includer()       the first includer a build of the given
                         architectures compiles, as far as its path (and,
                         when known, the build folder) tells
  header_users()         the first includer, and the includers that name a
                         changed identifier
"""

import os
import re
import subprocess
from collections import Counter

from mmprep.gate import source

# identifiers that every conversion changes and that tell nothing
UNTELLING = frozenset(("desc", "vm_area_desc"))
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PUBLIC = re.compile(r"^(?:arch/[^/]+/)?include/(.*)$")
_INCLUDE = re.compile(r'^\s*#\s*include\s*(["<])([^">]+)[">]', re.M)


def _decode(b):
	return b.decode("utf-8", "surrogateescape")


def read_text(path):
	"""The text of a file ("" when it cannot be read)."""
	try:
		with open(path, encoding="utf-8", errors="surrogateescape") as fp:
			return fp.read()
	except OSError:
		return ""


def grep_c(top, pattern, git=False):
	"""The .c files of the tree at top (paths relative to it, sorted) with a
	line that matches the extended regular expression pattern: git grep
	(tracked files) in a git tree, else grep -r."""
	if git:
		cmd = ["git", "grep", "-l", "-E", pattern, "--", "*.c"]
		env = dict(os.environ, GIT_OPTIONAL_LOCKS="0")
	else:
		cmd = ["grep", "-rlE", "--include=*.c", "--", pattern, "."]
		env = None
	p = subprocess.run(cmd, cwd=top, env=env, stdout=subprocess.PIPE,
			   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=False)
	files = set()
	for f in _decode(p.stdout).split("\n"):
		if f.startswith("./"):
			f = f[2:]
		if f:
			files.add(f)
	return sorted(files)


def includers(top, header, git=False):
	"""The .c files of the tree at top that include header (a path relative
	to top), sorted."""
	m = _PUBLIC.match(header)
	if m:
		names = [m.group(1)]
		if names[0].startswith("uapi/"):
			# include/uapi and arch/*/include/uapi are on the include
			# path too: <linux/x.h> as well as <uapi/linux/x.h>
			names.append(names[0][len("uapi/"):])
		return grep_c(top, r'#include[[:space:]]*[<"](%s)[>"]' % "|".join(
			re.escape(n) for n in names), git)
	base = os.path.basename(header)
	hdir = os.path.dirname(header)
	under = hdir + "/" if hdir else ""
	files = grep_c(top, r'#include[[:space:]]*["<]([^">]*/)?%s[">]' % re.escape(base), git)
	out = []
	for f in files:
		fdir = os.path.dirname(f)
		mine = (fdir + "/").startswith(under)
		for quote, x in _INCLUDE.findall(read_text(os.path.join(top, f))):
			if os.path.basename(x) != base:
				continue
			if (mine or (quote == '"' and
				     os.path.normpath(os.path.join(fdir, x)) == header)):
				out.append(f)
				break
	return out


def identifiers(text):
	"""Counter of the C identifiers of text."""
	return Counter(_IDENT.findall(text))


def changed_identifiers(old, new):
	"""The identifiers that appear only on the lines that differ between the
	texts old and new of a header (as many times in those lines as in both
	texts), comments and strings left out."""
	old = source.code_only(old)
	new = source.code_only(new)
	changed = Counter()
	for line in set(old.split("\n")) ^ set(new.split("\n")):
		changed.update(_IDENT.findall(line))
	whole = identifiers(old + "\n" + new)
	return {i for i, n in changed.items() if whole[i] == n} - UNTELLING


def other_arch(path, arches):
	"""Whether path is under arch/ of an architecture not in arches (None:
	any architecture is built)."""
	if arches is None or not path.startswith("arch/"):
		return False
	return path.split("/")[1] not in arches


def first_includer(files, arches, built=None):
	"""The first of files that a build of arches compiles: one it built
	(built(path) true) if any, else one that is not another architecture's,
	else the first."""
	ours = [f for f in files if not other_arch(f, arches)]
	done = [f for f in ours if built(f)] if built else []
	return (done or ours or files)[0]


def naming(top, files, ids):
	"""The files (paths relative to top) whose text names one of ids as a
	whole word, in the order given."""
	if not ids or not files:
		return []
	idre = re.compile(r"(?<![A-Za-z0-9_])(?:%s)(?![A-Za-z0-9_])" %
			  "|".join(re.escape(i) for i in sorted(ids)))
	return [f for f in files if idre.search(read_text(os.path.join(top, f)))]


def header_users(top, header, old, new, arches, built=None, compiled=(), any_arch=True,
		 git=False):
	"""The .c files to compile for a change of header (old and new are its
	texts): the first includer a build of arches compiles, unless one of
	compiled (files compiled anyway) includes it, then the other includers
	that name a changed identifier (with any_arch false, not those of
	another architecture).  Paths relative to top, whose files are read."""
	incl = includers(top, header, git)
	compiled = set(compiled)
	reached = any(f in compiled for f in incl)
	incl = [f for f in incl if f not in compiled]
	if not incl:
		return []
	chosen = [] if reached else [first_includer(incl, arches, built)]
	ids = changed_identifiers(old, new)
	rest = [f for f in incl if f not in chosen and (any_arch or not other_arch(f, arches))]
	return chosen + naming(top, rest, ids)
