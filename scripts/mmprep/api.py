# SPDX-License-Identifier: GPL-2.0
"""The f_op->mmap_prepare API levels and names: the one table.

Levels are the kernel releases whose mmap_prepare API differs (6.19, 7.0,
7.1, 7.2; ../shared/api/mmap_prepare.md section 1), coded MAJOR * 100 +
MINOR.  Each API name records the level it appears at, the level that
removes or renames it (with its successor) and the advice mmprep-check
prints.  The analyzer reads this table through a generated C header
(`python3 -m mmprep.api c-header`), shell through `python3 -m mmprep.api
levels`, Python by import.

Usage: python3 -m mmprep.api levels | default | code LEVEL | c-header
       python3 -m mmprep.api backport-types TEMPLATE SHARED

backport-types writes the backport's <linux/mmap_prepare_backport_types.h>:
TEMPLATE with its TYPES_INCLUDE line replaced by the declarations of SHARED
(the shims' <linux/mmap_prepare_types.h>, between its marker comments) with
MMPREP_API fixed at BACKPORT_LEVEL.
"""

import re
import sys
from collections import namedtuple

# (name, code), oldest first.
LEVELS = (("6.19", 619), ("7.0", 700), ("7.1", 701), ("7.2", 702))
DEFAULT = "7.2"

# kind: "function", "macro" (function-like), "field" (of struct RECORD), "enum" (a constant).
# since/removed: level codes (0: before 6.19 / never).  absent: the advice printed when the
# name is used where the headers do not declare it (functions and macros; None: not
# reported).  removal: the advice printed while it is declared but a later level removes it.
# backport: whether scripts/api-backport declares it on 6.12 (at 7.2, when present there).
Name = namedtuple("Name", "name kind record since removed successor absent removal backport")


def _n(name, kind, since, removed=0, successor=None, absent=None, removal=None,
       record=None, backport=True):
	return Name(name, kind, record, since, removed, successor, absent, removal, backport)


NAMES = (
	_n("vma_desc_test_flags", "macro", 700, 701, "vma_desc_test_any",
	   absent="it is the 7.0 name: from 7.1 use vma_desc_test_any() for 'any of' or "
	   "vma_desc_test() for one bit",
	   removal="it is renamed in 7.1: use vma_desc_test_any() for 'any of' or "
	   "vma_desc_test() for one bit"),
	_n("vma_desc_test_flags_mask", "function", 700, 701, "vma_desc_test_any_mask",
	   absent="it is the 7.0 name: from 7.1 use vma_desc_test_any_mask()",
	   removal="it is renamed vma_desc_test_any_mask() in 7.1"),
	_n("vma_desc_test", "function", 701,
	   absent="it exists from 7.1 (one bit); on 7.0 use vma_desc_test_flags(), on 6.19 "
	   "desc->vm_flags & VM_*"),
	_n("vma_desc_test_any", "macro", 701,
	   absent="it exists from 7.1; on 7.0 use vma_desc_test_flags(), on 6.19 "
	   "desc->vm_flags & (VM_* | ...)"),
	_n("vma_desc_test_any_mask", "function", 701),
	_n("vma_desc_test_all", "macro", 701,
	   absent="it exists from 7.1; before, test the flags by hand"),
	_n("vma_desc_set_flags", "macro", 700,
	   absent="it exists from 7.0; on 6.19 use desc->vm_flags |= VM_*"),
	_n("vma_desc_clear_flags", "macro", 700,
	   absent="it exists from 7.0; on 6.19 use desc->vm_flags &= ~VM_*"),
	_n("mk_vma_flags", "macro", 700, absent="it exists from 7.0"),
	_n("vma_desc_is_cow_mapping", "function", 700,
	   absent="it exists from 7.0; on 6.19 use is_cow_mapping(desc->vm_flags)"),
	_n("mmap_action_simple_ioremap", "function", 701,
	   absent="it exists from 7.1; before, keep vm_iomap_memory() in .mmap"),
	_n("mmap_action_map_kernel_pages", "function", 701,
	   absent="it exists from 7.1; before, keep vm_insert_pages() in .mmap"),
	_n("mmap_action_map_kernel_pages_full", "function", 701,
	   absent="it exists from 7.1; before, keep vm_map_pages() in .mmap"),
	_n("range_in_vma_desc", "function", 701, absent="it exists from 7.1"),
	_n("compat_set_desc_from_vma", "function", 701,
	   absent="it exists from 7.1; before, build the descriptor with a designated "
	   "initializer"),
	_n("vma_desc_set_anonymous", "function", 702,
	   absent="it exists from 7.2; before, keep the driver on .mmap (do not use "
	   "success_hook)"),
	_n("vm_flags", "field", 619, 700, "vma_flags", record="vm_area_desc"),
	_n("vma_flags", "field", 619, record="vm_area_desc"),
	_n("action", "field", 619, record="vm_area_desc"),
	_n("success_hook", "field", 619, 702, None, record="mmap_action"),
	_n("error_hook", "field", 619, 702, "error_override", record="mmap_action"),
	_n("error_override", "field", 702, record="mmap_action"),
	_n("hide_from_rmap_until_complete", "field", 619, record="mmap_action"),
	_n("mapped", "field", 701, record="vm_operations_struct"),
	# 7.0's bitmap view of a VMA's flags; the backport leaves 6.12's vm_area_struct as it is
	_n("flags", "field", 700, record="vm_area_struct", backport=False),
	_n("MMAP_NOTHING", "enum", 619),
	_n("MMAP_REMAP_PFN", "enum", 619),
	_n("MMAP_IO_REMAP_PFN", "enum", 619),
	_n("MMAP_SIMPLE_IO_REMAP", "enum", 701),
	_n("MMAP_MAP_KERNEL_PAGES", "enum", 701),
)


# The struct vm_area_desc, struct mmap_action and enum mmap_action_type of every level are
# declared once, in analyzer/include/linux/mmap_prepare_types.h between these lines.
TYPES_BEGIN = "/* mmprep: mmap_prepare types begin */"
TYPES_END = "/* mmprep: mmap_prepare types end */"
# The line of the backport's template that the declarations replace, and their level.
TYPES_INCLUDE = "#include <linux/mmap_prepare_types.h>"
BACKPORT_LEVEL = 702


class ApiError(Exception):
	pass


def names():
	"""The level names, oldest first: ["6.19", "7.0", "7.1", "7.2"]."""
	return [n for n, _ in LEVELS]


def codes():
	return [c for _, c in LEVELS]


def listing():
	"""For messages: "6.19, 7.0, 7.1 or 7.2"."""
	ns = names()
	return "%s or %s" % (", ".join(ns[:-1]), ns[-1])


def code(level):
	""""7.1" or "701" -> 701; ApiError for a level this table does not know."""
	for n, c in LEVELS:
		if level in (n, str(c)):
			return c
	raise ApiError("unknown API level '%s' (%s)" % (level, listing()))


def name(level_code):
	for n, c in LEVELS:
		if c == level_code:
			return n
	raise ApiError("unknown API level code %s" % level_code)


def present(entry, level_code):
	"""Whether the headers of level level_code declare entry."""
	return entry.since <= level_code and not (entry.removed and entry.removed <= level_code)


def lookup(api_name, record=None):
	for e in NAMES:
		if e.name == api_name and e.record == record:
			return e
	raise KeyError(api_name)


def _c_str(s):
	if s is None:
		return "NULL"
	return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def c_header():
	"""The table as C initializers for analyzer/api.c (a generated, uncommitted header)."""
	out = ["/* SPDX-License-Identifier: GPL-2.0 */",
	       "/* Generated by python3 -m mmprep.api c-header from scripts/mmprep/api.py:"
	       " do not edit. */",
	       "#ifndef MMPREP_API_TABLE_H", "#define MMPREP_API_TABLE_H", "",
	       "#define API_TABLE_DEFAULT %d" % code(DEFAULT), "",
	       "#define API_TABLE_LEVELS \\"]
	out += ['\t{ %s, %d }, \\' % (_c_str(n), c) for n, c in LEVELS]
	out += ["", "/* name, record, since, removed, successor, absent, removal */",
		"#define API_TABLE_NAMES \\"]
	for e in NAMES:
		out.append("\t{ %s, %s, %d, %d, %s, \\" % (_c_str(e.name), _c_str(e.record),
							      e.since, e.removed,
							      _c_str(e.successor)))
		out.append("\t  %s, \\" % _c_str(e.absent))
		out.append("\t  %s }, \\" % _c_str(e.removal))
	out += ["", "#endif", ""]
	return "\n".join(out)


_DIRECTIVE = re.compile(r"^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$")
_TOKEN = re.compile(r"\s*(\d+|MMPREP_API|&&|\|\||==|!=|>=|<=|[<>()!])")


def _api_condition(expr, level_code, where):
	"""The value of an #if expression on MMPREP_API alone; None if it does not use it."""
	expr = re.sub(r"/\*.*?\*/|//.*$", "", expr).strip()
	if "MMPREP_API" not in expr:
		return None
	out, pos = [], 0
	while pos < len(expr):
		m = _TOKEN.match(expr, pos)
		if not m:
			raise ApiError("%s: '#if %s' mixes MMPREP_API with other terms" % (where, expr))
		t = m.group(1)
		out.append({"&&": " and ", "||": " or ", "!": " not ",
			    "MMPREP_API": str(level_code)}.get(t, t))
		pos = m.end()
	try:
		return bool(eval("".join(out), {"__builtins__": {}}))
	except SyntaxError:
		raise ApiError("%s: cannot evaluate '#if %s'" % (where, expr))


def resolve(text, level_code, where="<input>"):
	"""text with MMPREP_API fixed at level_code: of each #if/#elif/#else on MMPREP_API, the
	branch that holds stays, without its directives; other conditionals stay as they are."""
	out = []
	stack = []		# per open conditional: None (other) or [branch taken, emitting]
	for no, line in enumerate(text.split("\n"), 1):
		m = _DIRECTIVE.match(line)
		at = "%s:%d" % (where, no)
		emitting = all(f is None or f[1] for f in stack)
		if m:
			d, rest = m.group(1), m.group(2)
			if d in ("if", "ifdef", "ifndef"):
				v = _api_condition(rest, level_code, at) if d == "if" else None
				stack.append(None if v is None else [v, v])
				if v is not None:
					continue
			elif not stack:
				raise ApiError("%s: #%s without #if" % (at, d))
			elif stack[-1] is not None:
				f = stack[-1]
				if d == "elif":
					v = _api_condition(rest, level_code, at)
					if v is None:
						raise ApiError("%s: #elif on other terms after #if "
							       "MMPREP_API" % at)
					f[1] = v and not f[0]
					f[0] = f[0] or v
				elif d == "else":
					f[1] = not f[0]
					f[0] = True
				else:
					stack.pop()
				continue
			else:
				if d == "elif" and _api_condition(rest, level_code, at) is not None:
					raise ApiError("%s: #elif on MMPREP_API after another #if" % at)
				if d == "endif":
					stack.pop()
		if emitting:
			out.append(line)
	if stack:
		raise ApiError("%s: #if without #endif" % where)
	return "\n".join(out)


def backport_types(template, shared, where="mmap_prepare_types.h"):
	"""The backport's types header: template with TYPES_INCLUDE replaced (see the usage)."""
	lines = shared.split("\n")
	if lines.count(TYPES_BEGIN) != 1 or lines.count(TYPES_END) != 1:
		raise ApiError("%s: no '%s' ... '%s' section" % (where, TYPES_BEGIN, TYPES_END))
	b, e = lines.index(TYPES_BEGIN), lines.index(TYPES_END)
	if b > e:
		raise ApiError("%s: the types section ends before it begins" % where)
	body = resolve("\n".join(lines[b + 1:e]), BACKPORT_LEVEL, where)
	tl = template.split("\n")
	if tl.count(TYPES_INCLUDE) != 1:
		raise ApiError("the template has no line '%s'" % TYPES_INCLUDE)
	i = tl.index(TYPES_INCLUDE)
	return "\n".join(tl[:i] + [body] + tl[i + 1:])


def _read(path):
	try:
		with open(path, encoding="utf-8") as f:
			return f.read()
	except (OSError, UnicodeDecodeError) as e:
		raise ApiError("cannot read %s: %s" % (path, e))


def main(argv):
	if len(argv) == 1 and argv[0] == "levels":
		print(" ".join(names()))
	elif len(argv) == 1 and argv[0] == "default":
		print(DEFAULT)
	elif len(argv) == 2 and argv[0] == "code":
		print(code(argv[1]))
	elif len(argv) == 1 and argv[0] == "c-header":
		sys.stdout.write(c_header())
	elif len(argv) == 3 and argv[0] == "backport-types":
		sys.stdout.write(backport_types(_read(argv[1]), _read(argv[2]), argv[2]))
	else:
		sys.stderr.write("usage: python3 -m mmprep.api levels | default | code LEVEL | "
				 "c-header | backport-types TEMPLATE SHARED\n")
		return 2
	return 0


if __name__ == "__main__":
	try:
		sys.exit(main(sys.argv[1:]))
	except ApiError as e:
		sys.stderr.write("mmprep.api: %s\n" % e)
		sys.exit(2)
