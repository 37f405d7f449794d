# SPDX-License-Identifier: GPL-2.0
"""The per-family semantic patches, generated from cocci/all/mmap_prepare.cocci.

A family file is the whole semantic patch with its FAMILY variable set: the
analysis is the same, so a hook is converted by exactly one family file (the
most demanding family it needs), converted whole, and the family files
together make the same change as the complete file.  They are build
products (make cocci writes them to build/cocci/), never committed.

Usage: python3 -m mmprep.convert.families [--check] [-o DIR] [SOURCE]
  -o DIR   where to write mmap_prepare_FAMILY.cocci (default: build/cocci
           of the mmprep tree)
  --check  write nothing; exit 1 if a family file in DIR is missing or stale
"""

import os
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FAMILIES = ("fields", "flags", "actions", "error_override", "mapped", "nested")

DESCRIBE = {
	"fields": """Convert f_op->mmap hooks to f_op->mmap_prepare: the ops table and fields.

Family 1 and 2 of mmprep: hooks that only describe the new mapping
(vm_ops, vm_private_data, page_prot, pgoff, size checks).  The hook becomes
int f_prepare(struct vm_area_desc *desc), vma->vm_* fields become desc
fields, and every file_operations table, forward declaration and
kernel-doc comment follows the rename.  This file also reports every hook
that no family converts, with the reason.""",
	"flags": """Convert f_op->mmap hooks to f_op->mmap_prepare: VMA flags.

Family 3 of mmprep: hooks that set, clear or test VMA flags.
vm_flags_set/clear/mod() and vma->vm_flags tests become the descriptor
flag helpers of the target API level (VMA_*_BIT lists from 7.0 on,
desc->vm_flags on 6.19).  The rest of such a hook is converted with it.""",
	"actions": """Convert f_op->mmap hooks to f_op->mmap_prepare: mapping actions.

Family 4 of mmprep: hooks that end in a mapping call.  remap_pfn_range(),
io_remap_pfn_range(), vm_iomap_memory(), vm_map_pages[_zero](),
vm_insert_pages(), generic_file_mmap() and shmem_zero_setup() become the
mmap_action_*() request or the _prepare/_desc helper; the action runs after
the hook returns, so only a call that is the hook's last effect is
converted.  The rest of such a hook is converted with it.""",
	"error_override": """Convert f_op->mmap hooks to f_op->mmap_prepare: errno translation.

Family 5 of mmprep: "if (remap_pfn_range(...)) return -EAGAIN; return 0;"
becomes the mapping action plus desc->action.error_override (7.2).  The
rest of such a hook is converted with it.""",
	"mapped": """Convert f_op->mmap hooks to f_op->mmap_prepare: per-mapping state.

Family 6 of mmprep: a hook that ends by calling the driver's own
vm_ops->open() (a reference, a counter) gets a generated vm_ops->mapped
callback with that body instead (7.1+), when those vm_ops serve no other
hook.  The rest of such a hook is converted with it.""",
	"nested": """Convert nested mmap hooks to take a struct vm_area_desc.

Family 7 of mmprep: a driver-private hook type, a member
int (*m)(struct S *, struct vm_area_struct *) of struct S that an outer
.mmap calls as E->m(E, vma) (uio_info.mmap, vmbus_channel.mmap_ring_buffer).
Its implementations are converted like hooks (the first parameter stays),
and the outer call is bridged: compat_set_desc_from_vma() fills a zeroed
descriptor (R7), then __compat_vma_mmap() runs the action (7.1+).  The
implementations, the member type and the outer calls must change together
across the tree: scripts/mmprep-convert finds them and runs this file with
-D nested and MMPREP_NESTED; without those it changes nothing.""",
}


class Error(Exception):
	pass


def generate(src_text, fam):
	"""The text of the family file fam from the text of the complete one."""
	lines = src_text.split("\n")
	if "FAMILY = None" not in lines:
		raise Error("no 'FAMILY = None' line in the semantic patch")
	# the body starts at the first "//" line (the end of the /// description)
	start = next((i for i, l in enumerate(lines) if l.rstrip() == "//"), None)
	if start is None:
		raise Error("no '//' line after the description")
	out = [lines[0]]
	for l in DESCRIBE[fam].split("\n"):
		out.append("/// " + l if l else "///")
	out += ["///",
		"/// Generated from cocci/all/mmap_prepare.cocci, which converts every",
		"/// family in one pass; each hook is converted by exactly one family file."]
	for l in lines[start:]:
		out.append('FAMILY = "%s"' % fam if l == "FAMILY = None" else l)
	return "\n".join(out)


def main(argv):
	check = False
	outdir = os.path.join(TOP, "build", "cocci")
	src = os.path.join(TOP, "cocci", "all", "mmap_prepare.cocci")
	args = list(argv)
	while args:
		a = args.pop(0)
		if a == "--check":
			check = True
		elif a == "-o" and args:
			outdir = args.pop(0)
		elif a.startswith("-o") and len(a) > 2:
			outdir = a[2:]
		elif a in ("-h", "--help"):
			sys.stdout.write(__doc__.split("\n\n", 2)[2])
			return 0
		elif a.startswith("-") or args:
			sys.stderr.write("cocci-families: unknown argument '%s'\n" % a)
			return 2
		else:
			src = a
	try:
		with open(src, encoding="utf-8") as fp:
			text = fp.read()
		texts = {fam: generate(text, fam) for fam in FAMILIES}
	except (OSError, Error) as e:
		sys.stderr.write("cocci-families: %s: %s\n" % (src, getattr(e, "strerror", None) or e))
		return 2
	status = 0
	if not check:
		try:
			os.makedirs(outdir, exist_ok=True)
		except OSError as e:
			sys.stderr.write("cocci-families: %s: %s\n" % (outdir, e.strerror))
			return 2
	for fam, new in texts.items():
		out = os.path.join(outdir, "mmap_prepare_%s.cocci" % fam)
		if check:
			try:
				with open(out, encoding="utf-8") as fp:
					same = fp.read() == new
			except OSError:
				same = False
			if not same:
				sys.stderr.write("cocci-families: %s is stale (run make cocci)\n" % out)
				status = 1
			continue
		fd, tmp = tempfile.mkstemp(prefix=".family.", dir=outdir)
		with os.fdopen(fd, "w", encoding="utf-8") as fp:
			fp.write(new)
		os.chmod(tmp, 0o644)
		os.replace(tmp, out)
	return status


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
