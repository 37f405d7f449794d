# SPDX-License-Identifier: GPL-2.0
"""Text touch-ups of a converted file that spatch does not do itself.

realign()            an ops-table entry the conversion wrote back takes the
                     column its neighbours use
blank_after_decls()  a generated vm_ops->mapped callback gets a blank line
                     after its declarations
forward_desc()       a header that forward-declares struct vm_area_struct
                     for a prototype declares struct vm_area_desc too
fix_kdoc()           the kernel-doc above a renamed hook: its name, and the
                     parameters that are now one descriptor

Each takes and returns the text as a list of lines (without newlines).
"""

import re

ENTRY = re.compile(r"^[ \t]*\.[a-z_0-9]+[ \t]*=")
NEW_ENTRY = re.compile(r"^[ \t]*\.(mmap_prepare|mapped)[ \t]*=")
NEW_HEAD = re.compile(r"^[ \t]*\.(mmap_prepare|mapped)")


def width(s):
	"""The display width of s with tabs of 8."""
	w = 0
	for c in s:
		w = w + 8 - w % 8 if c == "\t" else w + 1
	return w


def eqcol(s):
	"""The column of "=" in ".x<ws>= v", or -1."""
	if re.match(r"^[ \t]*\.[a-z_0-9]+ =[ \t][ \t]", s) or re.match(r"^[ \t]*\.[a-z_0-9]+ =\t", s):
		return -1
	m = re.match(r"^[ \t]*\.[a-z_0-9]+[ \t]*=", s)
	return width(m.group(0)[:-1]) if m else -1


def valcol(s):
	"""The column of the value in ".x =<ws>v", or -1."""
	m = re.match(r"^[ \t]*\.[a-z_0-9]+ =[ \t]+", s)
	if m and (re.match(r"^[ \t]*\.[a-z_0-9]+ =\t", s) or re.match(r"^[ \t]*\.[a-z_0-9]+ =  ", s)):
		return width(m.group(0))
	return -1


def pad(frm, to, tabs):
	if tabs:
		p = ""
		while frm < to:
			p += "\t"
			frm = frm + 8 - frm % 8
		return " " if frm > to else p
	return " " * max(0, to - frm)


def realign(orig, lines):
	"""Entries .mmap_prepare/.mapped not in orig take their neighbours' layout:
	".x<tabs>= v" (the "=" aligned) or ".x =<tabs>v" (the values aligned)."""
	have = set(orig)
	out = list(lines)
	for i, s in enumerate(out):
		if not NEW_ENTRY.match(s) or s in have:
			continue
		nb = ""
		if i > 0 and ENTRY.match(lines[i - 1]):
			nb = lines[i - 1]
		elif i + 1 < len(lines) and ENTRY.match(lines[i + 1]):
			nb = lines[i + 1]
		tabs = "\t=" in nb or "=\t" in nb
		head = NEW_HEAD.match(s).group(0)
		rest = re.sub(r"^[ \t]*=[ \t]*", "", s[len(head):], count=1)
		if nb and valcol(nb) >= 0:
			col = width(head + " =")
			want = valcol(nb)
			s = head + " =" + (pad(col, want, tabs) if want > col else " ") + rest
		elif nb and eqcol(nb) >= 0:
			col = width(head)
			want = eqcol(nb)
			s = head + (pad(col, want, tabs) if want > col else " ") + "= " + rest
		else:
			s = head + " = " + rest
		out[i] = s
	return out


DECL = re.compile(r"^\t(const |static |struct |unsigned |signed |int |long |short |char |bool |"
		  r"void |u8 |u16 |u32 |u64 |s8 |s16 |s32 |s64 |[a-z_0-9]+_t )[^(]*[;=]")
MAPPED_SIG = re.compile(r"^static int [A-Za-z_0-9]+\(unsigned long start, unsigned long end,")


_CAST_DESC = re.compile(r"(\((?:const\s+)?(?:unsigned\s+|signed\s+)?[A-Za-z_]\w*(?:\s*\*)*\)) (desc\b)")


def cast_space(orig, lines):
	"""spatch prints a cast before a rewritten operand with a space,
	"(phys_addr_t) desc->pgoff"; kernel style (checkpatch --strict) has
	none.  Only lines the conversion wrote are touched."""
	old = set(orig)
	return [l if l in old else _CAST_DESC.sub(r"\1\2", l) for l in lines]


def blank_after_decls(lines):
	out = []
	gen = 0
	n = len(lines)
	for i, s in enumerate(lines):
		out.append(s)
		if MAPPED_SIG.match(s):
			gen = 1
		elif gen == 1 and s.startswith("{"):
			gen = 2
		elif gen == 2 and DECL.match(s):
			if i + 1 < n and lines[i + 1] != "" and not DECL.match(lines[i + 1]) and \
			   not lines[i + 1].startswith("}"):
				out.append("")
		elif gen == 2:
			gen = 0
	return out


def forward_desc(lines):
	"""struct vm_area_desc; before the first struct vm_area_struct; of a header."""
	if any(s.startswith("struct vm_area_desc;") for s in lines):
		return lines
	out = []
	done = False
	for s in lines:
		if not done and s.startswith("struct vm_area_struct;"):
			out.append("struct vm_area_desc;")
			done = True
		out.append(s)
	return out


def new_name(fn):
	return fn if fn.endswith("prepare") else fn + "_prepare"


def fix_kdoc(lines, old, new):
	"""The kernel-doc comment right above new(struct vm_area_desc *desc)."""
	keep = [True] * len(lines)
	lines = list(lines)
	sig = re.compile(r"(^|[^A-Za-z0-9_])" + new + r"\(struct vm_area_desc \*desc\)")
	name = re.compile(r"[ \t]" + old + r"(\(\))?[ \t]+-")
	param = re.compile(r"^[ \t]*\*[ \t]*@[A-Za-z_0-9]+:")
	cont = re.compile(r"^[ \t]*\*[ \t]+[^@ \t]")
	empty = re.compile(r"^[ \t]*\*[ \t]*$")
	indented = re.compile(r"^[ \t]*\*(\t|   )")
	for i, s in enumerate(lines):
		if not sig.search(s):
			continue
		# the comment must end right above the definition
		j = i - 1
		if j >= 0 and re.match(r"^(static |int |static int)", lines[j]) and ";" not in lines[j]:
			j -= 1
		if j < 0 or not re.match(r"^[ \t]*\*/[ \t]*$", lines[j]):
			continue
		st = j
		while st >= 0 and not re.match(r"^[ \t]*/\*\*", lines[st]):
			st -= 1
		if st < 0:
			continue
		done_desc = False
		k = st
		while k < j:
			if name.search(lines[k]):
				lines[k] = re.sub(old, lambda m: new, lines[k], count=1)
			if param.match(lines[k]):
				if not done_desc:
					lines[k] = " * @desc: the mapping being set up"
					done_desc = True
				else:
					keep[k] = False
				# continuation lines of a parameter
				while k + 1 < j and cont.match(lines[k + 1]) and \
				      not empty.match(lines[k + 1]) and indented.match(lines[k + 1]):
					k += 1
					keep[k] = False
			k += 1
	return [s for s, kp in zip(lines, keep) if kp]
