// SPDX-License-Identifier: GPL-2.0-only
/// Convert f_op->mmap hooks to f_op->mmap_prepare.
///
/// The .mmap hook receives a VMA that already exists; .mmap_prepare receives
/// a struct vm_area_desc before any VMA is set up, and requests the page-table
/// work (remap, ioremap, kernel pages) as an mmap action that the core runs
/// after the hook has returned.  This semantic patch rewrites the hook
/// signature, the vma->vm_* fields, the flag helpers and the mapping calls,
/// and renames the hook in every file_operations table that names it.
///
/// A hook is converted only when every use of its VMA is understood.  Hooks
/// that store or pass on the VMA, map several ranges, use remap_vmalloc_range()
/// or dma_mmap_*(), act on the result of the mapping call, or need a helper the
/// target API level lacks are left alone and reported with the reason.
///
/// The target API level is chosen with -D api_6_19, -D api_7_0, -D api_7_1 or
/// -D api_7_2 (the default).
//
// Confidence: High
// Copyright: (C) 2026 The mmprep authors.
// Comments: The ops-table alignment is restored by scripts/mmprep-convert.
// Comments: XXX hooks bound through runtime assignments are only reported.
// Options: --no-includes --include-headers
// Requires: 1.1.1
// Keywords: mmap, mmap_prepare, vm_area_desc, mmap_action

virtual patch
virtual context
virtual org
virtual report
virtual api_6_19
virtual api_7_0
virtual api_7_1
virtual api_7_2
virtual global
virtual nested
virtual helper

@initialize:python@
@@
import json
import os
import re
import time

LEVEL = 702

# Hooks found in ops tables: (file, name) -> dict
HOOKS = {}
# (file, name) of each function with the .mmap signature
DEFS = {}
# per hook: list of (line, reason)
WHY = {}
# per hook: set of (line, col) of VMA uses that a rule understands
SEEN = {}
# per hook: list of (line, col, text) of all VMA uses
VUSES = {}
# per hook: references to the hook name outside its ops entries
REFS = {}
# per hook: list of conversion rules that apply
RULES = {}
# per hook: action calls found: list of (line, col, kind)
ACTIONS = {}
# call position -> how to rewrite it
PLAN = {}
# hooks approved for conversion: (file, name) -> new name
OK = {}
# per hook: uses of the file parameter
FUSES = {}
DONE = set()
RECORDED = set()
# (hook, line, col) of a VMA use -> the function it is passed to
CALLV = {}
# (hook, line, col) of a VMA use -> the function pointer "E->m" it is passed to
CALLM = {}
# vm_operations_struct name -> its .open callback; those with .mapped
VMOPS = {}
VMOPS_MAPPED = set()
# hook -> vm_operations_struct names assigned to vma->vm_ops
VMASSIGN = {}
# hook -> (open callback, ops, line) of a final open(vma) call
MCALL = {}
# open callback -> {"v": its VMA parameter, "bad": reason or None}
OPENDEF = {}
OALLOWED = set()
# ops name -> [(function, line)] of its &OPS uses
OPSREFS = {}
# approved per-mapping moves: hook name -> (open callback, ops)
MAPPED = {}
# vma_set_anonymous() calls on the private path of a hook: position keys
ANONPOS = set()
# (file, function) that call ->f_op->mmap() themselves (R19)
R19DISP = set()
R19SEEN = set()

def r19_report(X, p, org):
	"""One report or org line per ->f_op->mmap test (R19)."""
	if pkey(p) in R19SEEN:
		return
	R19SEEN.add(pkey(p))
	msg = "%s: tests %s->f_op->mmap: use can_mmap_file(%s) (R19)" % (
		p[0].current_element, norm(X), norm(X))
	if org:
		cocci.print_main(msg, p)
	else:
		coccilib.report.print_report(p[0], "WARNING: " + msg)

VMA_BITS = [
	"READ", "WRITE", "EXEC", "SHARED", "MAYREAD", "MAYWRITE", "MAYEXEC",
	"MAYSHARE", "GROWSDOWN", "UFFD_MISSING", "PFNMAP", "MAYBE_GUARD",
	"UFFD_WP", "LOCKED", "IO", "SEQ_READ", "RAND_READ", "DONTCOPY",
	"DONTEXPAND", "LOCKONFAULT", "ACCOUNT", "NORESERVE", "HUGETLB", "SYNC",
	"ARCH_1", "WIPEONFORK", "DONTDUMP", "SOFTDIRTY", "MIXEDMAP", "HUGEPAGE",
	"NOHUGEPAGE", "MERGEABLE", "ALLOW_ANY_UNCACHED", "DROPPABLE",
	"UFFD_MINOR", "SEALED",
]

LEVEL_NAMES = {619: "6.19", 700: "7.0", 701: "7.1", 702: "7.2"}

# Conversion families.  A hook belongs to the most demanding family among
# the rules it needs (FAMILY_ORDER, first wins).  The per-family semantic
# patches in cocci/ are this file with FAMILY set (scripts/cocci-families):
# each converts the hooks of its family, whole, and the fields family also
# reports the hooks that are left to a human, so that the family files
# together make exactly the change of this file.  None: every family.
FAMILY = None
FAMILY_ORDER = ["nested", "mapped", "error_override", "actions", "flags", "fields"]
FAMILY_OF = {
	"mapped": "mapped", "error-override": "error_override",
	"remap": "actions", "remap-full": "actions", "ioremap": "actions",
	"ioremap-full": "actions", "simple-ioremap": "actions",
	"map-pages": "actions", "generic-file": "actions",
	"shmem-zero": "actions", "anonymous": "actions", "flags": "flags",
	"fields": "fields", "nested": "nested",
}

def family(rules):
	fams = set(FAMILY_OF[r] for r in rules)
	for f in FAMILY_ORDER:
		if f in fams:
			return f
	return "fields"

def in_family(fam):
	return FAMILY is None or FAMILY == fam

def reports_declines():
	return in_family("fields") or (NESTED_MODE and in_family("nested"))

# Hooks that are not static but that mmprep-convert found referenced only
# from ops tables, prototypes and EXPORT_SYMBOL*() across the tree: they are
# converted like static ones, and the files that bind or declare them
# follow the rename.
GLOBAL = set(os.environ.get("MMPREP_GLOBAL", "").split())
# Global hooks bound by the ops tables of other files (mmprep-convert's
# tree index found their definition here and checked every other use):
# their definition counts as bound.  Each is in GLOBAL too; in a file
# with no ops table, the rule xdef below finds them for the hook rules.
XDEF = set(os.environ.get("MMPREP_XDEF", "").split()) if GLOBAL else set()

# Family 7, nested hooks: a driver-private hook type, a member
# int (*m)(struct S *, struct vm_area_struct *) of struct S called from an
# outer .mmap as E->m(E, vma).  mmprep-convert finds them across the tree
# and runs this file with -D nested and MMPREP_NESTED set to
# {"impl": {implementation: "S.m"}, "members": {m: "S"}}: the
# implementations are converted like hooks (their first parameter stays),
# the outer calls are bridged through compat_set_desc_from_vma() and
# __compat_vma_mmap(), and nothing else in the file is looked at.
_NESTED = json.loads(os.environ.get("MMPREP_NESTED") or "{}")
NESTED = _NESTED.get("impl", {})
NMEMBERS = _NESTED.get("members", {})
NESTED_MODE = bool(_NESTED)
# outer functions that write vma->vm_private_data; bridged call sites
NPRIV = set()
NBRIDGED = {}
# nested hook calls: position key -> (function, line, member); outer
# functions bridged, those that return the call; names used per function
NCALLS = {}
NOK = set()
NRET = set()
NUSED = {}
NDECL = set()
NCALLPOS = {}
# hook -> what its macro for another configuration becomes
ALIASES = {}

# Helpers that take the VMA with their hooks: mmprep-convert plans them
# across the tree (mmprep.convert.helpers) and runs this file with
# -D nested -D helper and MMPREP_HELPERS set to
# {helper: {"vma": index of its VMA parameter, "const": true when it only
# reads}}.  A helper's body goes through the rules of a hook body, its VMA
# parameter becomes a (const) struct vm_area_desc *desc, it keeps its name,
# and the calls helper(..., vma, ...) in the hooks and helpers converted
# with it pass desc.
HELPERS = json.loads(os.environ.get("MMPREP_HELPERS") or "{}")

def helper_found(f, vma, pf):
	"""A definition of a helper of MMPREP_HELPERS (one per configuration)."""
	if f not in HELPERS:
		return
	k = (pf[0].file, f)
	HOOKS.setdefault(k, {"ops": set(), "line": pf[0].line})
	d = DEFS.get(k)
	if d is not None and d["vma"] != vma:
		why(k, pf[0].line, "its definitions name the VMA %s and %s" % (d["vma"], vma),
		    rid="vma-use")
		return
	if d is None:
		DEFS[k] = {"file": None, "vma": vma, "line": pf[0].line,
			   "col": pf[0].column, "pos": pf[0]}

def helper_vma(f, v):
	"""v is the VMA of f, a helper converted here."""
	return f in DONE and f in HELPERS and OKN[f]["vma"] == v

def nested_messages():
	"""(position, message) of family 7 for the report and org modes."""
	out = []
	for k in sorted(DEFS):
		f = k[1]
		if f not in NESTED:
			continue
		if k in OK:
			msg = "WARNING: %s: %s implementation can take a struct vm_area_desc (%s)" % (
				f, NESTED[f], ",".join(RULES.get(k, ["nested"])))
		elif "reason" in HOOKS.get(k, {}):
			line, reason = HOOKS[k]["reason"]
			msg = "WARNING: %s: %s implementation needs manual conversion (line %s): %s" % (
				f, NESTED[f], line, reason)
		else:
			continue
		out.append((DEFS[k]["pos"], msg))
	for key in sorted(NCALLS):
		fn, line, m = NCALLS[key]
		if fn in NOK:
			msg = "WARNING: %s: %s.%s() can be called through compat_set_desc_from_vma() " \
			      "and __compat_vma_mmap()" % (fn, NMEMBERS[m], m)
		else:
			msg = "WARNING: %s: %s.%s() call needs manual conversion" % (
				fn, NMEMBERS[m], m)
		out.append((NCALLPOS[key], msg))
	return out

def nested_verdict():
	"""Each call of a nested hook is bridged, or its caller is reported."""
	bad = set()
	for key, (fn, line, m) in sorted(NCALLS.items()):
		kind = NBRIDGED.get(key)
		if kind is None:
			reason = reason_of("nested-bridge-call",
				"calls %s.%s in a way the bridge does not handle: '%s'" % (
				NMEMBERS[m], m, source_line(key[0], line)))
		elif LEVEL < 701:
			reason = reason_of("nested-bridge-level",
				 "the bridge for %s.%s needs compat_set_desc_from_vma() " \
				 "and __compat_vma_mmap(), 7.1" % (NMEMBERS[m], m))
		elif "desc" in NUSED.get(fn, ()) or \
		     (kind == "return" and "err" in NUSED.get(fn, ())):
			reason = reason_of("nested-bridge-names",
				 "the bridge for %s.%s needs the names desc and err, " \
				 "already used in %s()" % (NMEMBERS[m], m, fn))
		else:
			if kind == "return":
				NRET.add(fn)
			NOK.add(fn)
			continue
		bad.add(fn)
		record((key[0], fn), line, "declined", reason=reason,
		       hook="%s.%s" % (NMEMBERS[m], m))
	NOK.difference_update(bad)

def def_found(f, T, fparam, vma, pf):
	"""A function with a hook's signature: keep it if it is one."""
	k = (pf[0].file, f)
	t = str(T).replace(" ", "")
	if NESTED_MODE:
		if f not in NESTED or t != "struct%s*" % NESTED[f].split(".")[0]:
			return
		HOOKS.setdefault(k, {"ops": set(), "line": pf[0].line})
		param = None
	else:
		if k not in HOOKS and f in XDEF and t == "structfile*":
			HOOKS[k] = {"ops": set(), "line": pf[0].line}
		if k not in HOOKS or t != "structfile*":
			return
		param = fparam
	DEFS[k] = {"file": param, "vma": vma, "line": pf[0].line,
		   "col": pf[0].column, "pos": pf[0]}
	if f in NESTED:
		rule(k, "nested")
		if LEVEL < 701:
			why(k, pf[0].line, "the bridge for a nested hook needs "
			    "compat_set_desc_from_vma() and __compat_vma_mmap(), 7.1",
			    rid="nested-bridge-level")

def new_name(f):
	return f if f.endswith("prepare") else f + "_prepare"

def global_elsewhere(f):
	"""A hook cleared for a tree-wide rename whose definition is elsewhere."""
	return f in GLOBAL and not any(k[1] == f for k in DEFS)

def norm(s):
	return re.sub(r"\s+", "", str(s))

def hkey(p):
	return (p[0].file, p[0].current_element)

def is_hook_use(p, name, vma):
	k = hkey(p)
	return k in DEFS and DEFS[k]["vma"] == name

class Reason(str):
	"""A reason to decline in words, with its stable id (rid) from
	scripts/mmprep/records.schema.json."""

def reason_of(rid, text):
	r = Reason(text)
	r.rid = rid
	return r

def why(k, line, reason, prio=0, rid=None):
	"""Record a reason to decline; a lower prio wins, then the first line."""
	WHY.setdefault(k, []).append((prio, int(line), reason_of(rid, reason)))

def seen(p):
	SEEN.setdefault(hkey(p), set()).add((p[0].line, p[0].column))

def rule(k, name):
	lst = RULES.setdefault(k, [])
	if name not in lst:
		lst.append(name)

def pkey(p):
	return (p[0].file, p[0].line, p[0].column)

def planned(p, kind):
	return PLAN.get(pkey(p)) == kind

def approved(p):
	return hkey(p) in OK

def approved_def(p):
	return (p[0].file, p[0].current_element) in OK

# approved hooks by name, for the rewrites: name -> dict
OKN = {}

def reset():
	for d in (HOOKS, DEFS, WHY, SEEN, VUSES, RULES, ACTIONS, PLAN, OK,
		  FUSES, OKN, FLEFT, CALLV, VMOPS, VMASSIGN, MCALL, OPENDEF,
		  OPSREFS, MAPPED, CALLM):
		d.clear()
	DONE.clear()
	for d in (NPRIV, NBRIDGED, NCALLS, NOK, NRET, NUSED, NDECL, NCALLPOS, ALIASES):
		d.clear()
	VMOPS_MAPPED.clear()
	OALLOWED.clear()
	ANONPOS.clear()
	RTAIL.clear()
	SIZEVARS.clear()
	for d in (MSCALLS, MLOCALS, MSUNDO, VMCLOSE, MSTATE):
		d.clear()
	MSNAMES.clear()
	MSFNS.clear()
	MSCAND.clear()

def tvma(p, v):
	o = OKN.get(p[0].current_element)
	return o is not None and o["vma"] == v

def tok(p):
	return p[0].current_element in OKN

def tvname(v):
	return any(o["vma"] == v for o in OKN.values())

def tfile(p, f):
	o = OKN.get(p[0].current_element)
	return o is not None and o["param"] == f

def tsig(f):
	return f in OKN and f not in HELPERS

# Locals that hold the size of the mapping: (file, hook, name) -> {"uses",
# "bad"}.  A remap of that size from vm_start maps the whole VMA.
SIZEVARS = {}

def size_alias(p, z):
	"""z is a local of the hook at p set once to the size of the VMA, and
	used elsewhere than the remap (its initialiser then stays in use)."""
	if p is None:
		return False
	d = SIZEVARS.get((p[0].file, p[0].current_element, norm(z)))
	return d is not None and not d["bad"] and d["uses"] >= 2

def rkind(v, s, z, pr, p=None):
	full = (norm(s) == v + "->vm_start" and
		(norm(z) in (v + "->vm_end-" + v + "->vm_start",
			     "vma_pages(" + v + ")<<PAGE_SHIFT") or size_alias(p, z)))
	prot = "" if norm(pr) == v + "->vm_page_prot" else "_prot"
	return ("full" if full else "partial") + prot

def remap_kind(fn, v, s, z, pr, p=None):
	"""remap, remap_full, ioremap or ioremap_full, as rkind() sees the call."""
	io = "io" if fn.startswith("io_") else ""
	full = rkind(v, s, z, pr, p).startswith("full")
	return "%sremap%s" % (io, "_full" if full else "")

def act_name(fn, full):
	base = "mmap_action_ioremap" if fn.startswith("io_") else "mmap_action_remap"
	return base + ("_full" if full else "")

def ok_use(p):
	"""A use of the VMA parameter that a rule understood, in an approved hook."""
	k = hkey(p)
	return k in OK and (p[0].line, p[0].column) in SEEN.get(k, set())

# file parameter uses left after the rewrites: (file, hook) -> set of positions
FLEFT = {}

def file_inline(p):
	u = FLEFT.get(p[0].current_element, set())
	return len(u) == 1 and (p[0].line, p[0].column) in u

def file_local(f):
	return len(FLEFT.get(f, set())) > 1

def ctx_ok(p):
	for k, h in HOOKS.items():
		if k in OK and k[0] == p[0].file and (p[0].line, p[0].column) in h["ops"]:
			return True
	return False

def bits(mask):
	"""Split a VM_* mask into VMA_*_BIT names, or None."""
	s = norm(mask)
	while s.startswith("(") and s.endswith(")"):
		s = s[1:-1]
	out = []
	for part in s.split("|"):
		part = part.strip("()")
		m = re.match(r"^VM_([A-Z0-9_]+)$", part)
		if not m or m.group(1) not in VMA_BITS:
			return None
		out.append("VMA_%s_BIT" % m.group(1))
	return out

def bitlist(mask):
	return ", ".join(bits(mask) or ["__mmprep_bad_mask__"])

def test_name(mask, all_bits):
	n = len(bits(mask) or [])
	if LEVEL == 700:
		return "vma_desc_test_flags"
	if all_bits and n > 1:
		return "vma_desc_test_all"
	return "vma_desc_test" if n == 1 else "vma_desc_test_any"

def is_new_name(n):
	return any(OKN[f]["new"] == n for f in DONE)

def is_old_vma(v):
	return any(OKN[f]["vma"] == v for f in DONE)

def record_done():
	for f in sorted(DONE):
		o = OKN[f]
		if "error" in o:
			continue
		record((o["file"], f), o["line"], "converted", rule_name=",".join(o["rules"]))

def source_line(path, line):
	try:
		with open(path, encoding="utf-8", errors="replace") as fp:
			for i, text in enumerate(fp, 1):
				if i == int(line):
					return " ".join(text.split())
	except OSError:
		pass
	return "?"

# Calls that may stand as statements in a hook that is converted: the
# rewritten mapping calls, flag helpers, and calls without lasting effect.
HARMLESS = set("""
vm_flags_set vm_flags_clear vm_flags_mod file_accessed
remap_pfn_range io_remap_pfn_range vm_iomap_memory vm_map_pages
vm_map_pages_zero vm_insert_pages generic_file_mmap
generic_file_readonly_mmap shmem_zero_setup
mutex_lock mutex_unlock mutex_lock_interruptible spin_lock spin_unlock
spin_lock_irq spin_unlock_irq spin_lock_irqsave spin_unlock_irqrestore
spin_lock_bh spin_unlock_bh raw_spin_lock raw_spin_unlock read_lock
read_unlock write_lock write_unlock down_read up_read down_write up_write
rcu_read_lock rcu_read_unlock lockdep_assert_held might_sleep
printk pr_debug pr_info pr_notice pr_warn pr_err pr_crit pr_alert
pr_emerg pr_devel pr_cont pr_warn_once pr_err_once pr_info_once
pr_warn_ratelimited pr_err_ratelimited pr_debug_ratelimited
dev_dbg dev_info dev_notice dev_warn dev_err dev_crit dev_alert dev_emerg
dev_warn_once dev_err_once dev_info_once dev_dbg_ratelimited
dev_warn_ratelimited dev_err_ratelimited
WARN_ON WARN_ON_ONCE WARN WARN_ONCE BUG_ON BUG BUILD_BUG_ON
trace_printk no_printk
""".split())

# Driver logging helpers (gossip_debug, ntfs_inode_warn, foo_dbg, ...).
LOGGING = re.compile(r"(^|_)(dbg|debug|warn|warning|err|error|info|notice|printk|log)$|^[a-z]printk$")

def harmless(fn):
	return fn in HARMLESS or fn.startswith("trace_") or LOGGING.search(fn) is not None

# Calls that the rules above rewrite or that are the hook's own business.
CONVERTED = set("""
vm_flags_set vm_flags_clear vm_flags_mod file_accessed remap_pfn_range
io_remap_pfn_range vm_iomap_memory vm_map_pages vm_map_pages_zero
vm_insert_pages generic_file_mmap generic_file_readonly_mmap shmem_zero_setup
vma_set_anonymous
""".split())

# What the callees of the hooks do, decided from their bodies in the tree
# by scripts/mmprep/effects.py (python3 -m mmprep.effects --tree T FILE...):
# mmprep-convert passes it as MMPREP_EFFECTS (the JSON, or a file holding
# it).  Without it (the semantic patch run on its own) HARMLESS above is
# the rule: the usual locks, logging and tracing.  With MMPREP_EFFECTS_WAIT
# set, the file may not be there yet: mmprep-convert starts spatch while it
# finishes the analysis, and the file appears whole (a rename).  This runs
# once, before spatch starts its jobs; it gives up once the folder of the
# file is gone (mmprep-convert stopped).
def _load_effects():
	v = os.environ.get("MMPREP_EFFECTS", "").strip()
	if not v:
		return None
	if not v.startswith("{"):
		if os.environ.get("MMPREP_EFFECTS_WAIT"):
			d = os.path.dirname(v) or "."
			while not os.path.exists(v):
				if not os.path.isdir(d):
					raise RuntimeError("MMPREP_EFFECTS: %s is gone" % d)
				time.sleep(0.01)
		with open(v, encoding="utf-8") as fp:
			v = fp.read()
	d = json.loads(v)
	for part in ("functions", "calls", "hooks"):
		d.setdefault(part, {})
	return d

EFFECTS = _load_effects()

def split_top(s):
	"""The arguments of an expression list, split at top-level commas."""
	out, cur, d = [], "", 0
	for c in str(s):
		if c in "([{":
			d += 1
		elif c in ")]}":
			d -= 1
		if c == "," and d == 0:
			out.append(cur.strip())
			cur = ""
		else:
			cur += c
	if cur.strip() or out:
		out.append(cur.strip())
	return out

# A hook that hands the mapping to another file's mmap (->f_op->mmap,
# vfs_mmap(), backing_file_mmap()) stacks on it; one that calls another
# mmap hook type (v4l2's vdev->fops->mmap, kernfs_ops->mmap, a library's
# vb2_mmap()) dispatches to it.  Both keep .mmap (stacked-mmap).
FILE_STACKERS = ("vfs_mmap", "call_mmap", "backing_file_mmap", "compat_vma_mmap")

def stack_why(what, callee=None):
	"""The text of a stacked-mmap reason: what is called, through callee."""
	via = "%s() calls %s" % (callee, what) if callee and callee != what else what
	if re.search(r"f_op->mmap(\(\))?$", what) or what in FILE_STACKERS or \
	   callee in FILE_STACKERS:
		return "stacks another file's mmap (%s): keep .mmap" % via
	return "dispatches to another mmap implementation (%s): keep .mmap" % via

CONST_ARG = re.compile(r"^([A-Z][A-Z0-9_]*|\d+|true|false)$")

def effect_of(fn, es):
	"""The effects.py summary of a call fn(es), or None."""
	args = [norm(a) for a in split_top(es)]
	if any(CONST_ARG.match(a) for a in args):
		key = fn + "|" + ",".join(a if CONST_ARG.match(a) else "" for a in args)
		if key in EFFECTS["calls"]:
			return EFFECTS["calls"][key]
	return EFFECTS["functions"].get(fn)

def effect_why(k, fn, es, line):
	"""Why a call made for its effect keeps the hook from converting, or None."""
	if fn in CONVERTED:
		return None
	# a handle the hook took from a call and gives back here (free_xid(xid)
	# after xid = get_xid()), or a call of a take / give-back pair of the
	# hook (ocfs2_inode_lock_atime() ... ocfs2_inode_unlock()):
	# mmprep.effects.handles() and givebacks()
	if EFFECTS is not None and norm(es) in \
	   EFFECTS["hooks"].get(k[1], {}).get("handles", {}).get(fn, ()):
		return None
	if EFFECTS is None:
		if harmless(fn):
			return None
		return None, None
	s = effect_of(fn, es)
	if s is None or s.get("verdict") == "unknown":
		# A body that is not in the tree (or calls one that is not):
		# logging and tracing by their names, else unknown.
		if fn.startswith("trace_") or LOGGING.search(fn):
			return None
		return None, None
	v = s.get("verdict")
	if v == "none":
		return None
	if v in ("lock", "unlock"):
		h = EFFECTS["hooks"].get(k[1], {})
		if h.get("locks") == "balanced":
			return None
		return ("calls %s() for its effect at mmap time: %s; the hook %s" % (
			fn, s.get("why", ""), h.get("locks", "does not pair its locks")),
			"effect-call")
	if v == "state":
		return ("per-mapping state (%s: %s) must move to vm_ops->mapped: "
			"review by hand" % (fn, s.get("why", "")), "per-mapping-state")
	return None, None

# Per-mapping state taken by a call of the hook itself and undone in the
# close callback of the vm_ops it installs (afs, stm): at 7.1+ the call
# moves into a generated vm_ops->mapped, the undo on the hook's own
# failure path goes (R20: taken once).  (file, hook) -> [(fn, args, line,
# col)] of the calls at the top level of the hook; -> {local: {...}} of its
# locals; -> [(fn, args, line)] of the undo calls on its failure path.
MSCALLS = {}
# the functions called as per-mapping state in a hook of the file: mscall
# looks only at those (matching every call on every path costs minutes on
# a large hook, perf_mmap)
MSFNS = {}
MSCAND = set()
MLOCALS = {}
MSUNDO = {}
# vm_operations_struct name -> its .close callback
VMCLOSE = {}
# approved moves: hook name -> {"fn", "args", "decls", "ops", "new", "undo"}
MSTATE = {}
C_WORDS = set("""sizeof const volatile struct union enum unsigned signed int long
short char void bool NULL true false typeof __typeof__""".split())

def ms_counts(fn, args):
	"""The count keys fn(args) changes, relative to the objects the caller
	names (the form of effects.py's close_counts)."""
	s = effect_of(fn, ", ".join(args)) or {}
	out = set()
	for c in s.get("counts", []):
		m = re.match(r"arg(\d+)$", c)
		if m:
			# the argument itself is the counter (kref_get(&x->ref))
			if int(m.group(1)) < len(args):
				a = norm(args[int(m.group(1))]).lstrip("&*")
				p = re.search(r"(->|\.)", a)
				out.add(a[p.start():] if p else a)
			continue
		out.add(c)
		for a in args:
			a = norm(a).lstrip("&*")
			m = re.search(r"(->|\.)", a)
			if m:
				out.add(a[m.start():] + c)
	return out

def ms_derive(k, text, need, depth=0):
	"""Collect in need the locals text uses; a reason when it needs
	something the file does not give."""
	d = DEFS[k]
	toks = re.findall(r"->|\.|[A-Za-z_]\w*|\S", text)
	for i, t in enumerate(toks):
		if not re.match(r"[A-Za-z_]\w*$", t) or t in C_WORDS:
			continue
		if i > 0 and toks[i - 1] in ("->", ".", "struct", "union", "enum"):
			continue
		if t == d["vma"]:
			return "the VMA"
		if t == d["file"]:
			continue
		if i + 1 < len(toks) and toks[i + 1] == "(":
			s = (EFFECTS or {}).get("functions", {}).get(t)
			if s is None or s.get("verdict") != "none":
				return "%s(), which is not known to be a plain read" % t
			continue
		loc = MLOCALS.get(k, {}).get(t)
		if loc is None:
			continue	# a global, a constant, an enum
		if loc["bad"] or loc["init"] is None or depth > 8:
			return "the local '%s', not set once from the file" % t
		if t not in need:
			r = ms_derive(k, loc["init"], need, depth + 1)
			if r:
				return r
			need.append(t)
	return None

def ms_candidates():
	"""The state calls mscall looks for: those of hooks with one state
	call and at most its undo (ms_verdict moves nothing else), at 7.1+."""
	MSCAND.clear()
	if LEVEL < 701 or EFFECTS is None:
		return
	for k, fns in MSFNS.items():
		lines = set(w[1] for w in WHY.get(k, [])
			    if getattr(w[2], "rid", None) == "per-mapping-state")
		if len(lines) <= 2:
			MSCAND.update(fns)

def ms_verdict(k):
	"""Move the hook's per-mapping state into a generated vm_ops->mapped."""
	f = k[1]
	ws = [w for w in WHY.get(k, []) if getattr(w[2], "rid", None) == "per-mapping-state"]
	if not ws or LEVEL < 701 or f in MAPPED or EFFECTS is None:
		return
	undo = dict(((u[2], u[0]), u) for u in MSUNDO.get(k, []))
	calls = dict((c[2], c) for c in MSCALLS.get(k, []))
	state = [calls[l] for l in sorted(set(w[1] for w in ws)) if l in calls and
		 not any(u[0] == l for u in undo)]
	if len(state) != 1:
		return
	fn, args, line, col = state[0]
	ops = sorted(VMASSIGN.get(k, set()))
	if len(ops) != 1 or ops[0] in VMOPS_MAPPED or \
	   [r for r in OPSREFS.get(ops[0], []) if r[0] != f]:
		return
	ops = ops[0]
	mine = ms_counts(fn, args)
	close = set(EFFECTS["hooks"].get(f, {}).get("close_counts", []))
	reason = None
	# the state as the hook's own reason named it (with the callee's why)
	what = fn
	for w in ws:
		m = re.match(r"per-mapping state \((%s(: .*)?)\) must move" % re.escape(fn), str(w[2]))
		if w[1] == line and m:
			what = m.group(1)
			break
	if not mine or not (mine & close) or ops not in VMCLOSE:
		reason = ("per-mapping state (%s) is not undone in the close callback of "
			  "%s: it cannot move to vm_ops->mapped (R20)" % (what, ops),
			  "mapped-state-close")
	else:
		need = []
		why_arg = ms_derive(k, ", ".join(args), need)
		clash = [n for n in need if n in ("start", "end", "pgoff", "file", "vm_private_data")]
		if not why_arg and clash:
			why_arg = "the local '%s', a name the mapped callback's parameters take" % clash[0]
		if why_arg:
			reason = ("per-mapping state (%s) cannot move to vm_ops->mapped: "
				  "its arguments need %s" % (fn, why_arg), "mapped-state-arg")
	# Every other per-mapping state of the hook is that state's undo on
	# the hook's failure path.
	undone = []
	for l in sorted(set(w[1] for w in ws)):
		if l == line:
			continue
		u = [x for x in MSUNDO.get(k, []) if x[2] == l]
		if not u or not (ms_counts(u[0][0], u[0][1]) & mine):
			return
		undone.append(u[0])
	WHY[k] = [w for w in WHY[k] if getattr(w[2], "rid", None) != "per-mapping-state"]
	if reason:
		why(k, line, reason[0], rid=reason[1])
		return
	loc = MLOCALS.get(k, {})
	rn = lambda s: re.sub(r"\b%s\b" % re.escape(DEFS[k]["file"]), "file", s)
	MSTATE[f] = {"fn": fn, "call": rn("%s(%s)" % (fn, ", ".join(args))),
		     "decls": ["%s%s%s = %s" % (loc[n]["type"], "" if loc[n]["type"].endswith("*") else " ",
						n, rn(loc[n]["init"])) for n in need],
		     "proto": VMCLOSE[ops][1] < int(DEFS[k]["line"]),
		     "ops": ops, "undo": set(x[0] for x in undone),
		     "new": mapped_name(VMOPS[ops]) if ops in VMOPS else
			    re.sub(r"_(vm_?)?ops$", "", ops) + "_mapped"}
	# Locals that only served the moved call and its undo go with them.
	gone = [MSTATE[f]["call"]] + ["%s(%s)" % (x[0], ", ".join(x[1])) for x in undone]
	drop = set()
	more = True
	while more:
		more = False
		for n in need:
			if n in drop:
				continue
			w = re.compile(r"\b%s\b" % re.escape(n))
			used = sum(len(w.findall(t)) for t in gone) + \
			       sum(len(w.findall(loc[d]["init"])) for d in drop)
			if loc[n].get("uses", 0) <= used:
				drop.add(n)
				more = True
	MSTATE[f]["drop"] = drop
	rule(k, "mapped")

# names of the locals of the hooks that take per-mapping state
MSNAMES = set()

def ms_names():
	MSNAMES.clear()
	for k, loc in MLOCALS.items():
		if any(getattr(w[2], "rid", None) == "per-mapping-state" for w in WHY.get(k, [])):
			MSNAMES.update(loc)

def ctext(s):
	"""C text as spatch prints a metavariable, with the kernel's spacing."""
	s = " ".join(str(s).split())
	s = re.sub(r"\s*(->|\.)\s*", r"\1", s)
	s = re.sub(r"(\w)\s+\(", r"\1(", s)
	s = re.sub(r"\(\s+", "(", s)
	s = re.sub(r"\s+\)", ")", s)
	s = re.sub(r"\s*\[\s*", "[", s)
	s = re.sub(r"\s+\]", "]", s)
	s = re.sub(r"\s+,", ",", s)
	s = re.sub(r"(^|[(,]\s*|[=!]\s)([&*!~-])\s+", r"\1\2", s)
	return s

def ms_of(p, key):
	f = p[0].current_element
	return MSTATE[f].get(key) if f in MSTATE and f in OKN else None

def ms_ops(ops, proto=False):
	for f, m in sorted(MSTATE.items()):
		if f in OKN and m["ops"] == ops and (m["proto"] or not proto):
			return m["new"]
	return None

# Shape 2b: remaps followed by a tail: position key -> what was matched.
RTAIL = {}
UNLOCK = re.compile(r"(^|_)unlock(_\w+)?$|^up(_read|_write)?$")

def rtail_unlock(k, fn, arg, upto):
	"""Whether fn(arg) releases a lock that the hook took (and releases on
	every way out)."""
	if not UNLOCK.search(fn):
		return False
	if EFFECTS is not None:
		s = effect_of(fn, arg)
		if s is None or s.get("verdict") != "unlock":
			return False
		if EFFECTS["hooks"].get(k[1], {}).get("locks") != "balanced":
			return False
	elif fn not in HARMLESS:
		return False
	# The lock is taken in the hook itself, before the remap.
	d = DEFS[k]
	body = []
	try:
		with open(k[0], encoding="utf-8", errors="replace") as fp:
			body = fp.read().split("\n")[int(d["line"]) - 1:int(upto) - 1]
	except OSError:
		return False
	text = norm("\n".join(body))
	return any(m.group(1) != fn for m in re.finditer(
		r"\b(\w*lock\w*|down\w*)\(%s[,)]" % re.escape(norm(arg)), text))

def rtail_verdict(key, d):
	"""Plan a remap whose tail only sets fields, unlocks and returns 0."""
	k, v = d["k"], d["vma"]
	if key in PLAN:
		return
	tail = [d["tail"][p] for p in sorted(d["tail"])]
	if tail == ["return0;"] and d["s1"].startswith("return"):
		return	# shape 2 (if_remap)
	m = re.match(r"^(\{?)(?:(\w+)\((.*)\);)?return-([A-Z][A-Z0-9_]*);(\}?)$", d["s1"])
	if not m or (m.group(1) == "{") != (m.group(5) == "}"):
		return
	err_unlock = (m.group(2), m.group(3)) if m.group(2) else None
	if err_unlock and not rtail_unlock(k, err_unlock[0], err_unlock[1], d["line"]):
		return
	if not tail or tail[-1] != "return0;":
		return
	unlocks = set()
	field = re.compile(r"^%s->(vm_ops|vm_private_data)=(.+);$" % re.escape(v))
	for t in tail[:-1]:
		f = field.match(t)
		if f:
			if re.search(r"\b%s\b" % re.escape(v), f.group(2)) or \
			   re.search(r"\w\(", f.group(2)):
				return
			continue
		u = re.match(r"^(\w+)\((.*)\);$", t)
		if u and rtail_unlock(k, u.group(1), u.group(2), d["line"]):
			unlocks.add((u.group(1), u.group(2)))
			continue
		return
	# The lock the error branch releases is the one the tail releases.
	if unlocks != (set([err_unlock]) if err_unlock else set()):
		return
	if LEVEL < 702:
		why(k, d["line"],
		    "the error returned by %s() is replaced: needs error_override (7.2)" % d["fn"],
		    rid="needs-level")
	else:
		PLAN[key] = "if_" + d["kind"]
		rule(k, d["kind"].replace("_", "-"))
		rule(k, "error-override")

def mapped_name(op):
	return op[:-len("_open")] + "_mapped" if op.endswith("_open") else op + "_mapped"

def mapped_open(hook):
	m = MAPPED.get(hook)
	return m[0] if m and hook in OKN else None

def is_mapped_open(op):
	return any(m[0] == op for h, m in MAPPED.items() if h in OKN)

def is_mapped_new(name):
	return any(mapped_name(m[0]) == name for h, m in MAPPED.items() if h in OKN)

def level_name():
	return LEVEL_NAMES.get(LEVEL, str(LEVEL))

def record(k, line, status, rule_name=None, reason=None, hook="file_operations.mmap"):
	tag = (k, status)
	if tag in RECORDED:
		return
	RECORDED.add(tag)
	path = os.environ.get("MMPREP_RECORDS")
	if not path:
		return
	if k[1] in NESTED and hook == "file_operations.mmap":
		hook = NESTED[k[1]]
	if k[1] in HELPERS and hook == "file_operations.mmap":
		hook = "helper"
	rec = {"tool": "mmprep-convert", "file": k[0], "line": int(line),
	       "function": k[1], "hook": hook, "status": status,
	       "api": level_name()}
	if rule_name:
		rec["rule"] = rule_name
	if reason:
		rec["reason"] = reason
		rec["reason_id"] = getattr(reason, "rid", None) or "internal"
	with open(path, "a", encoding="utf-8") as fp:
		fp.write(json.dumps(rec, sort_keys=True) + "\n")

// ---------------------------------------------------------------------
// Hooks: functions named by .mmap in a file_operations initialiser.
// ---------------------------------------------------------------------

@hook@
identifier fops, f;
position pops;
@@
(
struct file_operations fops = { ..., .mmap = f@pops, ... };
|
struct file_operations fops[...] = { ..., { ..., .mmap = f@pops, ... }, ... };
)

// A hook of MMPREP_XDEF: bound by an ops table of another file.  (Its
// VMA parameter gives spatch's token prefilter a word to look for.)
@xdef@
identifier xf : script:python() { xf in XDEF };
identifier xv;
@@
int xf(..., struct vm_area_struct *xv) { ... }

// What one file's rules found is forgotten before the next file; with
// -D global before every file, which may only follow renames (a header:
// global_elsewhere() must not see the definitions of the file before).
@script:python depends on (hook || nested || xdef || global)@
@@
reset()

@script:python depends on (hook || nested || xdef) && api_6_19@
@@
LEVEL = 619

@script:python depends on (hook || nested || xdef) && api_7_0@
@@
LEVEL = 700

@script:python depends on (hook || nested || xdef) && api_7_1@
@@
LEVEL = 701

@script:python depends on hook@
f << hook.f;
pops << hook.pops;
@@
HOOKS.setdefault((pops[0].file, f), {"ops": set(), "line": pops[0].line})
HOOKS[(pops[0].file, f)]["ops"].add((pops[0].line, pops[0].column))

// Every function with the signature of a hook; def_found() keeps the
// hooks (bound above, or the nested implementations).
@def depends on (hook || nested || xdef)@
identifier f, fparam, vma;
type T, R;
position pf;
position ph : script:python(f) { f in HELPERS };
@@
(
int f@pf(T fparam, struct vm_area_struct *vma) { ... }
|
R f@pf@ph(..., struct vm_area_struct *vma, ...) { ... }
)

@script:python depends on (hook || nested || xdef)@
f << def.f;
T << def.T;
file << def.fparam;
vma << def.vma;
pf << def.pf;
@@
def_found(f, T, file, vma, pf)

@script:python depends on helper@
f << def.f;
vma << def.vma;
pf << def.pf;
@@
helper_found(f, vma, pf)

@nonstatic depends on (hook || nested || xdef)@
identifier def.f;
position pf;
@@
int f@pf(...) { ... }

@isstatic depends on (hook || nested || xdef)@
identifier def.f;
position nonstatic.pf;
@@
static int f@pf(...) { ... }

@script:python depends on (hook || nested || xdef) && !isstatic@
f << def.f;
pf << nonstatic.pf;
@@
# Reported only when nothing else stands in the way: mmprep-convert then
# looks for the hook's other uses across the tree.
if (pf[0].file, f) not in DEFS or f in HELPERS:
	pass
elif f in NESTED:
	why((pf[0].file, f), pf[0].line,
	    "implements %s but is not static: callers in other files would need the same change" % NESTED[f],
	    rid="nested-not-static")
elif f not in GLOBAL:
	why((pf[0].file, f), pf[0].line,
	    "hook is not static: callers in other files would need the same change",
	    prio=9, rid="not-static")

// EXPORT_SYMBOL*(hook) follows a tree-wide rename.
@export depends on (hook || nested || xdef)@
declarer d =~ "^EXPORT_SYMBOL";
identifier def.f;
position pe;
@@
(
d(f@pe);
|
d(f@pe, ...);
)

@script:python depends on (hook || nested || xdef)@
f << def.f;
pe << export.pe;
@@
k = (pe[0].file, f)
if k in DEFS:
	if f in NESTED or f not in GLOBAL:
		why(k, pe[0].line,
		    "hook is exported: callers in other files would need the same change",
		    prio=0 if f in NESTED else 9, rid="exported")
	HOOKS[k]["ops"].add((pe[0].line, pe[0].column))

// Every use of the hook's name other than its ops entries.
@ref depends on (hook || nested || xdef)@
identifier def.f;
position pr;
@@
f@pr

@script:python depends on (hook || nested || xdef)@
f << def.f;
pr << ref.pr;
@@
# The uses of a nested implementation were checked by mmprep-convert.
k = (pr[0].file, f)
h = HOOKS.get(k)
if h is not None and k in DEFS and f not in NESTED and f not in HELPERS and \
   (pr[0].line, pr[0].column) not in h["ops"]:
	why(k, pr[0].line, "%s is also used outside file_operations.mmap" % f,
	    rid="name-used-elsewhere")

// Every use of the VMA parameter inside a hook.
@vuse depends on (hook || nested || xdef)@
identifier def.vma;
position pv;
@@
vma@pv

@script:python depends on (hook || nested || xdef)@
vma << def.vma;
pv << vuse.pv;
@@
k = hkey(pv)
if k in DEFS and DEFS[k]["vma"] == vma:
	VUSES.setdefault(k, []).append((pv[0].line, pv[0].column))

// Every use of the file parameter inside a hook.
@fuse depends on (hook || nested || xdef)@
identifier def.fparam;
position pu;
@@
fparam@pu

@script:python depends on (hook || nested || xdef)@
file << def.fparam;
pu << fuse.pu;
@@
k = hkey(pu)
if k in DEFS and DEFS[k]["file"] == file:
	FUSES.setdefault(k, set()).add((pu[0].line, pu[0].column))

// The descriptor is called desc: a hook that already uses that name is
// left alone rather than guessed at.
@descname depends on (hook || nested || xdef)@
identifier d =~ "^desc$";
position pd;
@@
d@pd

@script:python depends on (hook || nested || xdef)@
pd << descname.pd;
@@
k = hkey(pd)
if k in DEFS:
	why(k, pd[0].line, "the name 'desc' is already used in the hook",
	    rid="desc-name-taken")

// Family 7: every call of a nested hook, and the two shapes that the
// bridge rewrites: "ret = E->m(E, vma);" and "return E->m(E, vma);" in a
// function that has the file and the VMA.
@ncall depends on nested@
identifier m;
expression E;
expression list es;
position p;
@@
E->m@p(es)

@script:python depends on nested@
m << ncall.m;
p << ncall.p;
@@
if m in NMEMBERS:
	NCALLS[pkey(p)] = (p[0].current_element, p[0].line, m)
	NCALLPOS[pkey(p)] = p[0]

@nassign depends on nested@
identifier outer, fp, vma;
identifier m : script:python() { m in NMEMBERS };
expression E, ret;
position p;
@@
  outer(struct file *fp, ..., struct vm_area_struct *vma) {
  <+...
  ret = E->m@p(E, vma);
  ...+>
  }

@script:python depends on nested@
p << nassign.p;
@@
NBRIDGED[pkey(p)] = "assign"

@nreturn depends on nested@
identifier outer, fp, vma;
identifier m : script:python() { m in NMEMBERS };
expression E;
position p;
@@
  outer(struct file *fp, ..., struct vm_area_struct *vma) {
  <+...
  return E->m@p(E, vma);
  ...+>
  }

@script:python depends on nested@
p << nreturn.p;
@@
NBRIDGED[pkey(p)] = "return"

// The descriptor does not carry vm_private_data: a value the outer
// function stored is copied in, or the bridge would clear it.
@npriv depends on nested@
identifier outer, fp, vma;
expression E;
@@
  outer(struct file *fp, ..., struct vm_area_struct *vma) {
  <+...
  vma->vm_private_data = E
  ...+>
  }

@script:python depends on nested@
outer << npriv.outer;
@@
NPRIV.add(outer)

@nnames depends on nested@
identifier x =~ "^(desc|err)$";
position p;
@@
x@p

@script:python depends on nested@
x << nnames.x;
p << nnames.p;
@@
NUSED.setdefault(p[0].current_element, set()).add(x)

@script:python depends on nested@
@@
nested_verdict()

// A macro of the hook's name for another configuration
// ("#else #define f generic_file_mmap", "#define f NULL"): it follows the
// rename when it names NULL or a generic helper with a _prepare form.
@malias depends on (hook || nested || xdef)@
identifier f, X;
position p;
@@
#define f@p X

@script:python depends on (hook || nested || xdef)@
f << malias.f;
X << malias.X;
p << malias.p;
@@
k = (p[0].file, f)
if k in DEFS:
	if X in ("generic_file_mmap", "generic_file_readonly_mmap"):
		ALIASES[f] = X + "_prepare"
	elif X == "NULL":
		ALIASES[f] = X
	else:
		why(k, p[0].line, "is also a macro for %s in another configuration" % X,
		    rid="macro-alias")

// Calls that receive the VMA, to name them when no rule understands them.
@vcall depends on (hook || nested || xdef)@
identifier def.vma;
identifier fn;
expression list es1, es2;
position pc, pv;
@@
fn@pc(es1, vma@pv, es2)

@script:python depends on (hook || nested || xdef)@
fn << vcall.fn;
pv << vcall.pv;
@@
if hkey(pv) in DEFS:
	CALLV[(hkey(pv), pv[0].line, pv[0].column)] = fn
	stk = EFFECTS and (EFFECTS["functions"].get(fn) or {}).get("stacks")
	if stk:
		why(hkey(pv), pv[0].line, stack_why(stk, fn), prio=-1, rid="stacked-mmap")

// A helper of MMPREP_HELPERS called with the VMA where it takes it.
@hcall depends on helper@
identifier def.vma;
identifier fn;
expression list es1, es2;
position pc : script:python(fn) { fn in HELPERS };
position pv;
@@
fn@pc(es1, vma@pv, es2)

@script:python depends on helper@
fn << hcall.fn;
es1 << hcall.es1;
pv << hcall.pv;
@@
if hkey(pv) in DEFS and len(split_top(es1)) == HELPERS[fn]["vma"]:
	seen(pv)

// Calls through a function pointer that receive the VMA, to name them;
// another mmap implementation called so (proc_ops->proc_mmap,
// kernfs_ops->mmap) is a proxy, which keeps .mmap.  The nested shape
// E->m(E, vma) is family 7's.
@mcallv depends on (hook || nested || xdef)@
identifier def.vma;
expression E;
identifier M;
expression list es1, es2;
position pc, pv;
@@
E->M@pc(es1, vma@pv, es2)

@script:python depends on (hook || nested || xdef)@
obj << mcallv.E;
mem << mcallv.M;
es1 << mcallv.es1;
pv << mcallv.pv;
@@
k = hkey(pv)
if k in DEFS:
	CALLM[(k, pv[0].line, pv[0].column)] = "%s->%s" % (norm(obj), mem)
	if re.search(r"(^|_)mmap$", mem) and norm(es1) != norm(obj) and not NESTED_MODE:
		why(k, pv[0].line, stack_why("%s->%s" % (norm(obj), mem)), prio=-1,
		    rid="stacked-mmap")

// A hook that tests or calls another file's ->f_op->mmap stacks on it
// (ecryptfs tests its lower file): it keeps .mmap.
@fopmmap depends on (hook || nested || xdef)@
expression X;
position p;
@@
(
X->f_op->mmap@p
|
can_mmap_file@p(X)
)

@script:python depends on (hook || nested || xdef)@
X << fopmmap.X;
p << fopmmap.p;
@@
k = hkey(p)
if k in DEFS and norm(X) != DEFS[k]["file"]:
	why(k, p[0].line, "stacks another file's mmap (%s->f_op->mmap): keep .mmap" % norm(X),
	    prio=-1, rid="stacked-mmap")

// /dev/zero: a private mapping made anonymous.  The call must be on the
// private path: after a shared mapping has returned, or under a test that
// the mapping is not shared.
@anon depends on (hook || nested || xdef)@
identifier def.vma;
expression E;
statement S;
position pa;
@@
(
if (vma->vm_flags & VM_SHARED)
	return E;
...
vma_set_anonymous@pa(vma);
|
if (vma->vm_flags & VM_SHARED) {
	...
	return E;
}
...
vma_set_anonymous@pa(vma);
|
if (!(vma->vm_flags & VM_SHARED)) {
	...
	vma_set_anonymous@pa(vma);
	...
} else S
|
if (!(vma->vm_flags & VM_SHARED)) {
	...
	vma_set_anonymous@pa(vma);
	...
}
)

@script:python depends on (hook || nested || xdef)@
pa << anon.pa;
@@
if hkey(pa) in DEFS:
	ANONPOS.add(pkey(pa))

// ---------------------------------------------------------------------
// Known reasons to leave a hook to a human.
// ---------------------------------------------------------------------

@human depends on (hook || nested || xdef)@
identifier fn = {remap_vmalloc_range, remap_vmalloc_range_partial,
		 dma_mmap_coherent, dma_mmap_wc, dma_mmap_attrs, dma_mmap_pages,
		 dma_mmap_noncontiguous, vm_insert_page, vmf_insert_pfn,
		 vmf_insert_mixed, vm_insert_pfn, find_vma, vma_lookup,
		 zap_vma_ptes, vma_kernel_pagesize, vm_flags_reset,
		 vm_flags_reset_once, vm_flags_init, vma_set_anonymous,
		 vma_set_file, vfs_mmap, call_mmap, dma_buf_mmap,
		 vm_map_ram};
expression list es;
position ph;
@@
fn@ph(es)

@script:python depends on (hook || nested || xdef)@
fn << human.fn;
ph << human.ph;
@@
k = hkey(ph)
HUMAN_WHY = {
	"remap_vmalloc_range": "remap_vmalloc_range() has no mmap_action equivalent",
	"remap_vmalloc_range_partial": "remap_vmalloc_range_partial() has no mmap_action equivalent",
	"vm_insert_page": "vm_insert_page() needs a persistent page array for mmap_action_map_kernel_pages()",
	"vm_flags_reset": "vm_flags_reset() replaces all flags: review by hand",
	"vm_flags_reset_once": "vm_flags_reset_once() replaces all flags: review by hand",
	"vm_flags_init": "vm_flags_init() replaces all flags: review by hand",
	"vma_set_anonymous": "vma_set_anonymous() on the new VMA: only /dev/zero may use vma_desc_set_anonymous()",
	"vma_set_file": "vma_set_file() changes reference ownership: review by hand",
	"vfs_mmap": "stacks another file's mmap (vfs_mmap): keep .mmap",
	"call_mmap": "stacks another file's mmap (call_mmap): keep .mmap",
	"find_vma": "looks up a VMA (find_vma): the VMA does not exist yet",
	"vma_lookup": "looks up a VMA (vma_lookup): the VMA does not exist yet",
	"zap_vma_ptes": "zap_vma_ptes() needs the VMA",
}
HUMAN_RID = {
	"remap_vmalloc_range": "no-action-equivalent",
	"remap_vmalloc_range_partial": "no-action-equivalent",
	"vm_insert_page": "needs-page-array",
	"vm_flags_reset": "flags-reset", "vm_flags_reset_once": "flags-reset",
	"vm_flags_init": "flags-reset",
	"vma_set_anonymous": "anonymous-mapping", "vma_set_file": "vma-set-file",
	"vfs_mmap": "stacked-mmap", "call_mmap": "stacked-mmap",
	"find_vma": "vma-lookup", "vma_lookup": "vma-lookup",
}
if k in DEFS:
	if fn.startswith("dma_mmap_"):
		why(k, ph[0].line, "%s() has no mmap_action equivalent" % fn,
		    rid="no-action-equivalent")
	elif fn == "vma_set_anonymous" and pkey(ph) in ANONPOS:
		if LEVEL < 702:
			why(k, ph[0].line, "vma_set_anonymous() on a private mapping needs "
			    "vma_desc_set_anonymous() (7.2)", rid="needs-level")
	else:
		why(k, ph[0].line, HUMAN_WHY.get(fn, "%s() needs the VMA" % fn),
		    rid=HUMAN_RID.get(fn, "needs-vma"))

// Per-mapping state taken at mmap time belongs in vm_ops->mapped.
@state depends on (hook || nested || xdef)@
identifier fn = {kref_get, refcount_inc, atomic_inc, atomic_long_inc,
		 get_file, kmalloc, kzalloc, kcalloc, kvmalloc, kvzalloc,
		 vmalloc, vzalloc, list_add, list_add_tail, pm_runtime_get,
		 pm_runtime_get_sync, pm_runtime_resume_and_get, get_device,
		 try_module_get, percpu_ref_get};
expression list es;
position ps;
@@
fn@ps(es)

@script:python depends on (hook || nested || xdef)@
fn << state.fn;
es << state.es;
ps << state.ps;
@@
k = hkey(ps)
if k in DEFS and not (EFFECTS is not None and norm(es) in
		      EFFECTS["hooks"].get(k[1], {}).get("handles", {}).get(fn, ())):
	MSFNS.setdefault(k, set()).add(fn)
	why(k, ps[0].line,
	    "per-mapping state (%s) must move to vm_ops->mapped: review by hand" % fn,
	    rid="per-mapping-state")

// A call made only for its effect: unless it is known to be harmless at
// prepare time, the hook may be publishing per-mapping state (the afs bug of
// 6.17) that belongs in vm_ops->mapped.  Leave it to a human.
@effect depends on (hook || nested || xdef)@
identifier fn;
expression list es;
position pe;
@@
fn@pe(es);

@script:python depends on (hook || nested || xdef)@
fn << effect.fn;
es << effect.es;
pe << effect.pe;
@@
k = hkey(pe)
if k in DEFS and not re.search(r"\b%s\b" % re.escape(DEFS[k]["vma"]), str(es)):
	w = effect_why(k, fn, es, pe[0].line)
	if w is None:
		pass
	elif w[0] is None:
		why(k, pe[0].line,
		    "calls %s() for its effect at mmap time: if it sets up per-mapping state, "
		    "that belongs in vm_ops->mapped; review by hand" % fn, prio=1, rid="effect-call")
	else:
		if w[1] == "per-mapping-state":
			MSFNS.setdefault(k, set()).add(fn)
		why(k, pe[0].line, w[0], prio=1, rid=w[1])

// The VMA pointer stored for later.
@store depends on (hook || nested || xdef)@
identifier def.vma;
expression E;
position pst;
@@
E = vma@pst

@script:python depends on (hook || nested || xdef)@
vma << def.vma;
pst << store.pst;
@@
k = hkey(pst)
if k in DEFS and DEFS[k]["vma"] == vma:
	why(k, pst[0].line, "stores the VMA pointer: the VMA does not exist yet",
	    rid="vma-stored")

// Fields that are read-only in the descriptor, or write-only.
@rofield depends on (hook || nested || xdef)@
identifier def.vma;
identifier fld = {vm_start, vm_end, vm_mm, vm_file, vm_flags};
expression E;
assignment operator aop;
position pw;
@@
vma@pw->fld aop E

@script:python depends on (hook || nested || xdef)@
vma << def.vma;
fld << rofield.fld;
pw << rofield.pw;
@@
k = hkey(pw)
if k in DEFS and DEFS[k]["vma"] == vma:
	why(k, pw[0].line, "writes vma->%s, which the descriptor does not allow" % fld,
	    rid="readonly-field")

// ---------------------------------------------------------------------
// Mapping calls that become mmap actions.
// ---------------------------------------------------------------------

@acall depends on (hook || nested || xdef)@
identifier fn = {remap_pfn_range, io_remap_pfn_range, vm_iomap_memory,
		 vm_map_pages, vm_map_pages_zero, vm_insert_pages};
expression list es;
position pa;
@@
fn@pa(es)

@script:python depends on (hook || nested || xdef)@
fn << acall.fn;
pa << acall.pa;
@@
k = hkey(pa)
if k in DEFS:
	ACTIONS.setdefault(k, []).append((pa[0].line, pa[0].column, fn))

@aloop depends on (hook || nested || xdef)@
identifier fn = {remap_pfn_range, io_remap_pfn_range, vm_iomap_memory,
		 vm_map_pages, vm_map_pages_zero, vm_insert_pages};
expression list es;
position pl;
@@
(
for (...;...;...) { <+... fn@pl(es) ...+> }
|
while (...) { <+... fn@pl(es) ...+> }
)

@script:python depends on (hook || nested || xdef)@
fn << aloop.fn;
pl << aloop.pl;
@@
k = hkey(pl)
if k in DEFS:
	why(k, pl[0].line, "%s() in a loop: one action per mapping" % fn,
	    rid="action-in-loop")

// A local that holds the size of the mapping, for the remaps above and
// below: set once, at its declaration, and never written again.
@sizevar depends on (hook || nested || xdef)@
identifier def.vma, z;
type T;
position pz;
@@
(
T z@pz = vma->vm_end - vma->vm_start;
|
T z@pz = vma_pages(vma) << PAGE_SHIFT;
)

@script:python depends on (hook || nested || xdef)@
z << sizevar.z;
T << sizevar.T;
pz << sizevar.pz;
@@
if hkey(pz) in DEFS and norm(T) in ("size_t", "unsignedlong"):
	SIZEVARS[(pz[0].file, pz[0].current_element, z)] = {"uses": 0, "bad": False,
		"decl": (pz[0].line, pz[0].column)}

@sizeuse depends on (hook || nested || xdef)@
identifier sizevar.z;
position pu;
@@
z@pu

@script:python depends on (hook || nested || xdef)@
z << sizevar.z;
pu << sizeuse.pu;
@@
d = SIZEVARS.get((pu[0].file, pu[0].current_element, z))
if d is not None:
	d["uses"] += 1

@sizeset depends on (hook || nested || xdef)@
identifier sizevar.z;
expression E;
assignment operator aop;
position pw;
@@
(
z@pw aop E
|
z@pw++
|
z@pw--
|
 ++z@pw
|
 --z@pw
|
 &z@pw
)

@script:python depends on (hook || nested || xdef)@
z << sizevar.z;
pw << sizeset.pw;
@@
d = SIZEVARS.get((pw[0].file, pw[0].current_element, z))
if d is not None and d["decl"] != (pw[0].line, pw[0].column):
	d["bad"] = True

// Shape 1: return remap_pfn_range(vma, start, pfn, size, prot);
@ret_remap depends on (hook || nested || xdef)@
identifier fn = {remap_pfn_range, io_remap_pfn_range};
identifier def.vma;
expression S, P, Z, PR;
position pa;
@@
return fn@pa(vma, S, P, Z, PR);

// Shape 2: if (remap_pfn_range(...)) return -E; ... return 0;
@if_remap depends on (hook || nested || xdef)@
identifier fn = {remap_pfn_range, io_remap_pfn_range};
identifier def.vma;
expression S, P, Z, PR;
constant C;
position pa;
@@
if (fn@pa(vma, S, P, Z, PR))
	return -C;
return 0;

@script:python depends on (hook || nested || xdef)@
fn << ret_remap.fn;
vma << def.vma;
s << ret_remap.S;
z << ret_remap.Z;
pr << ret_remap.PR;
pa << ret_remap.pa;
@@
k = hkey(pa)
if k in DEFS and DEFS[k]["vma"] == vma:
	kind = remap_kind(fn, vma, s, z, pr, pa)
	PLAN[pkey(pa)] = "ret_" + kind
	rule(k, kind.replace("_", "-"))

@script:python depends on (hook || nested || xdef)@
fn << if_remap.fn;
vma << def.vma;
s << if_remap.S;
z << if_remap.Z;
pr << if_remap.PR;
c << if_remap.C;
pa << if_remap.pa;
@@
k = hkey(pa)
if k in DEFS and DEFS[k]["vma"] == vma and pkey(pa) not in PLAN:
	kind = remap_kind(fn, vma, s, z, pr, pa)
	if LEVEL < 702:
		why(k, pa[0].line,
		    "the error returned by %s() is replaced: needs error_override (7.2)" % fn,
		    rid="needs-level")
	else:
		PLAN[pkey(pa)] = "if_" + kind
		rule(k, kind.replace("_", "-"))
		rule(k, "error-override")

// Shape 2b: the remap that is not the last statement (issue 13).  Its
// error branch returns an errno, after releasing the lock the hook took,
// and what follows it only sets fields the descriptor records anyway
// (vm_ops, vm_private_data), releases that lock and returns 0: the action
// runs after the hook whatever the order.  Anything else after it stays
// "not the last effect".
@if_remap_tail depends on (hook || nested || xdef)@
identifier fn = {remap_pfn_range, io_remap_pfn_range};
identifier def.vma;
expression S, P, Z, PR;
statement S1, T;
position pa, pt;
@@
if (fn@pa(vma, S, P, Z, PR)) S1
... when any
T@pt

@script:python depends on (hook || nested || xdef)@
fn << if_remap_tail.fn;
vma << def.vma;
s << if_remap_tail.S;
z << if_remap_tail.Z;
pr << if_remap_tail.PR;
s1 << if_remap_tail.S1;
t << if_remap_tail.T;
pa << if_remap_tail.pa;
pt << if_remap_tail.pt;
@@
k = hkey(pa)
if k in DEFS and DEFS[k]["vma"] == vma:
	d = RTAIL.setdefault(pkey(pa), {"k": k, "fn": fn, "line": pa[0].line,
		"kind": remap_kind(fn, vma, s, z, pr, pa), "vma": vma,
		"s1": norm(s1), "tail": {}})
	d["tail"][(int(pt[0].line), int(pt[0].column))] = norm(t)

@script:python depends on (hook || nested || xdef)@
@@
for key, d in sorted(RTAIL.items()):
	rtail_verdict(key, d)

// Shape 3: return vm_iomap_memory(vma, phys, len);
@ret_iomap depends on (hook || nested || xdef)@
identifier def.vma;
expression A, L;
position pa;
@@
return vm_iomap_memory@pa(vma, A, L);

@script:python depends on (hook || nested || xdef)@
vma << def.vma;
pa << ret_iomap.pa;
@@
k = hkey(pa)
if k in DEFS and DEFS[k]["vma"] == vma:
	if LEVEL < 701:
		why(k, pa[0].line, "vm_iomap_memory() needs mmap_action_simple_ioremap() (7.1)",
		    rid="needs-level")
	else:
		PLAN[pkey(pa)] = "ret_iomap"
		rule(k, "simple-ioremap")

// Shape 3b: vm_iomap_memory(vma, phys, len); return 0; (its result not
// looked at, as stm does): the simple ioremap action, whose failure now
// fails the mmap instead of leaving a mapping without pages.
@stmt_iomap depends on (hook || nested || xdef)@
identifier def.vma;
expression A, L;
position pa;
@@
vm_iomap_memory@pa(vma, A, L);
return 0;

@script:python depends on (hook || nested || xdef)@
vma << def.vma;
pa << stmt_iomap.pa;
@@
k = hkey(pa)
if k in DEFS and DEFS[k]["vma"] == vma:
	if LEVEL < 701:
		why(k, pa[0].line, "vm_iomap_memory() needs mmap_action_simple_ioremap() (7.1)",
		    rid="needs-level")
	else:
		PLAN[pkey(pa)] = "stmt_iomap"
		rule(k, "simple-ioremap")

// Shape 4: return vm_map_pages[_zero](vma, pages, num);
@ret_mappages depends on (hook || nested || xdef)@
identifier fn = {vm_map_pages, vm_map_pages_zero};
identifier def.vma;
expression P, N;
position pa;
@@
return fn@pa(vma, P, N);

@script:python depends on (hook || nested || xdef)@
fn << ret_mappages.fn;
vma << def.vma;
pa << ret_mappages.pa;
@@
k = hkey(pa)
if k in DEFS and DEFS[k]["vma"] == vma:
	if LEVEL < 701:
		why(k, pa[0].line, "%s() needs mmap_action_map_kernel_pages() (7.1)" % fn,
		    rid="needs-level")
	else:
		PLAN[pkey(pa)] = "ret_" + fn
		rule(k, "map-pages")

// A page array that dies with the hook cannot be handed to an action (R12).
@localpages depends on (hook || nested || xdef)@
identifier fn = {vm_map_pages, vm_map_pages_zero, vm_insert_pages};
identifier arr;
type T;
expression list es;
expression N;
position pa;
@@
T arr[N];
...
fn@pa(es)

@script:python depends on (hook || nested || xdef)@
fn << localpages.fn;
arr << localpages.arr;
es << localpages.es;
pa << localpages.pa;
@@
k = hkey(pa)
if k in DEFS and re.search(r"\b%s\b" % re.escape(arr), str(es)):
	why(k, pa[0].line, "%s() on a local page array: the action runs after the hook returns" % fn,
	    rid="local-page-array")
	PLAN.pop(pkey(pa), None)

// Shape 5: return vm_insert_pages(vma, addr, pages, &num);
@ret_insertpages depends on (hook || nested || xdef)@
identifier def.vma;
expression S, P;
identifier N;
position pa;
@@
return vm_insert_pages@pa(vma, S, P, &N);

@script:python depends on (hook || nested || xdef)@
vma << def.vma;
pa << ret_insertpages.pa;
@@
k = hkey(pa)
if k in DEFS and DEFS[k]["vma"] == vma:
	if LEVEL < 701:
		why(k, pa[0].line, "vm_insert_pages() needs mmap_action_map_kernel_pages() (7.1)",
		    rid="needs-level")
	elif pkey(pa) not in PLAN:
		PLAN[pkey(pa)] = "ret_insert_pages"
		rule(k, "map-pages")

// The VMA arguments of an accepted action call are understood.
@aargs depends on (hook || nested || xdef)@
identifier fn = {remap_pfn_range, io_remap_pfn_range, vm_iomap_memory,
		 vm_map_pages, vm_map_pages_zero, vm_insert_pages};
identifier def.vma;
expression list es;
position pa, pv;
@@
fn@pa(vma@pv, es)

@script:python depends on (hook || nested || xdef)@
pa << aargs.pa;
pv << aargs.pv;
@@
if pkey(pa) in PLAN:
	seen(pv)

// ---------------------------------------------------------------------
// Flags.
// ---------------------------------------------------------------------

@fset depends on (hook || nested || xdef)@
identifier fn = {vm_flags_set, vm_flags_clear};
identifier def.vma;
expression E;
position pf, pv;
@@
fn@pf(vma@pv, E)

@script:python depends on (hook || nested || xdef)@
fn << fset.fn;
e << fset.E;
pf << fset.pf;
pv << fset.pv;
@@
k = hkey(pf)
if k in DEFS:
	if LEVEL >= 700 and bits(e) is None:
		why(k, pf[0].line, "%s(): '%s' is not a list of VM_* bits" % (fn, e),
		    rid="flag-mask")
	else:
		PLAN[pkey(pf)] = fn
		seen(pv)
		rule(k, "flags")

@fmod depends on (hook || nested || xdef)@
identifier def.vma;
expression E1, E2;
position pf, pv;
@@
vm_flags_mod@pf(vma@pv, E1, E2);

@script:python depends on (hook || nested || xdef)@
e1 << fmod.E1;
e2 << fmod.E2;
pf << fmod.pf;
pv << fmod.pv;
@@
k = hkey(pf)
if k in DEFS:
	if LEVEL >= 700 and (bits(e1) is None or bits(e2) is None):
		why(k, pf[0].line, "vm_flags_mod(): masks are not lists of VM_* bits",
		    rid="flag-mask")
	else:
		PLAN[pkey(pf)] = "vm_flags_mod"
		seen(pv)
		rule(k, "flags")

// Flag tests: all bits, then any bit.
@ftestall depends on (hook || nested || xdef)@
identifier def.vma;
expression E;
position pv;
@@
(
 (vma@pv->vm_flags & E) == E
|
 (vma@pv->vm_flags & E) != E
)

@script:python depends on (hook || nested || xdef)@
e << ftestall.E;
pv << ftestall.pv;
@@
k = hkey(pv)
if k in DEFS:
	b = bits(e)
	if LEVEL >= 700 and b is None:
		why(k, pv[0].line, "flag test on '%s', not a list of VM_* bits" % e,
		    rid="flag-mask")
	elif LEVEL == 700 and len(b) > 1:
		why(k, pv[0].line, "test of all flags needs vma_desc_test_all() (7.1)",
		    rid="needs-level")
	else:
		PLAN[pkey(pv)] = "testall"
		seen(pv)
		rule(k, "flags")

@ftest depends on (hook || nested || xdef)@
identifier def.vma;
expression E;
position pv;
@@
vma@pv->vm_flags & E

@script:python depends on (hook || nested || xdef)@
e << ftest.E;
pv << ftest.pv;
@@
k = hkey(pv)
if k in DEFS and pkey(pv) not in PLAN:
	if LEVEL >= 700 and bits(e) is None:
		why(k, pv[0].line, "flag test on '%s', not a list of VM_* bits" % e,
		    rid="flag-mask")
	else:
		PLAN[pkey(pv)] = "test"
		seen(pv)
		rule(k, "flags")

@fcow depends on (hook || nested || xdef)@
identifier def.vma;
position pv;
@@
is_cow_mapping(vma@pv->vm_flags)

@script:python depends on (hook || nested || xdef)@
pv << fcow.pv;
@@
k = hkey(pv)
if k in DEFS:
	PLAN[pkey(pv)] = "cow"
	seen(pv)
	rule(k, "flags")

// ---------------------------------------------------------------------
// Fields and generic helpers.
// ---------------------------------------------------------------------

@fread depends on (hook || nested || xdef)@
identifier def.vma;
identifier fld = {vm_start, vm_end, vm_pgoff, vm_page_prot, vm_file, vm_mm};
position pv;
@@
vma@pv->fld

@script:python depends on (hook || nested || xdef)@
pv << fread.pv;
@@
if hkey(pv) in DEFS:
	seen(pv)

@fwrite depends on (hook || nested || xdef)@
identifier def.vma;
identifier fld = {vm_ops, vm_private_data};
expression E;
position pv;
@@
vma@pv->fld = E

@script:python depends on (hook || nested || xdef)@
pv << fwrite.pv;
@@
if hkey(pv) in DEFS:
	seen(pv)

@fsize depends on (hook || nested || xdef)@
identifier def.vma;
position pv;
@@
vma_pages(vma@pv)

@script:python depends on (hook || nested || xdef)@
pv << fsize.pv;
@@
if hkey(pv) in DEFS:
	seen(pv)

@fgen depends on (hook || nested || xdef)@
identifier fn = {generic_file_mmap, generic_file_readonly_mmap};
identifier def.fparam, def.vma;
position pg, pv;
@@
fn@pg(fparam, vma@pv)

@script:python depends on (hook || nested || xdef)@
fn << fgen.fn;
pg << fgen.pg;
pv << fgen.pv;
@@
k = hkey(pg)
if k in DEFS:
	seen(pv)
	PLAN[pkey(pg)] = fn
	rule(k, "generic-file")

@fshmem depends on (hook || nested || xdef)@
identifier def.vma;
position pg, pv;
@@
shmem_zero_setup@pg(vma@pv)

@script:python depends on (hook || nested || xdef)@
pg << fshmem.pg;
pv << fshmem.pv;
@@
k = hkey(pg)
if k in DEFS:
	seen(pv)
	PLAN[pkey(pg)] = "shmem"
	rule(k, "shmem-zero")

// nommu: the shared-mapping test has a descriptor form (7.0+; on 6.19
// desc->vm_flags still exists).
@fnommu depends on (hook || nested || xdef)@
identifier def.vma;
position pv;
@@
is_nommu_shared_mapping(vma@pv->vm_flags)

@script:python depends on (hook || nested || xdef)@
pv << fnommu.pv;
@@
k = hkey(pv)
if k in DEFS:
	seen(pv)
	rule(k, "flags")

// /dev/zero's private mapping: anonymous, keeping vm_file (7.2).
@fanon depends on (hook || nested || xdef)@
identifier def.vma;
position pg, pv;
@@
vma_set_anonymous@pg(vma@pv)

@script:python depends on (hook || nested || xdef)@
pg << fanon.pg;
pv << fanon.pv;
@@
k = hkey(pg)
if k in DEFS and pkey(pg) in ANONPOS and LEVEL >= 702:
	seen(pv)
	rule(k, "anonymous")

// ---------------------------------------------------------------------
// Per-mapping work done by calling the driver's own vm_ops->open at the
// end of .mmap moves into a generated vm_ops->mapped callback (7.1+).
// ---------------------------------------------------------------------

@vmops depends on (hook || nested || xdef)@
identifier OPS, OPEN;
@@
struct vm_operations_struct OPS = { ..., .open = OPEN, ... };

@script:python depends on (hook || nested || xdef)@
ops << vmops.OPS;
op << vmops.OPEN;
@@
VMOPS[ops] = op

@vmopsmapped depends on (hook || nested || xdef)@
identifier OPS, M;
@@
struct vm_operations_struct OPS = { ..., .mapped = M, ... };

@script:python depends on (hook || nested || xdef)@
ops << vmopsmapped.OPS;
@@
VMOPS_MAPPED.add(ops)

@vmassign depends on (hook || nested || xdef)@
identifier def.vma;
identifier OPS;
position pv;
@@
vma@pv->vm_ops = &OPS

@script:python depends on (hook || nested || xdef)@
ops << vmassign.OPS;
pv << vmassign.pv;
@@
if hkey(pv) in DEFS:
	VMASSIGN.setdefault(hkey(pv), set()).add(ops)

// The open call must be the hook's last statement before "return 0;".
@mcall depends on (hook || nested || xdef)@
identifier def.vma;
identifier OPEN;
position pc, pv;
@@
OPEN@pc(vma@pv);
return 0;

@script:python depends on (hook || nested || xdef)@
op << mcall.OPEN;
pc << mcall.pc;
pv << mcall.pv;
@@
k = hkey(pc)
if k in DEFS:
	ops = [o for o in VMASSIGN.get(k, set()) if VMOPS.get(o) == op]
	if ops:
		MCALL[k] = (op, ops[0], pc[0].line)
		seen(pv)

// What the open callback does with its VMA, and the names it uses.
@odef depends on (hook || nested || xdef)@
identifier OPEN, v;
position po;
@@
static void OPEN@po(struct vm_area_struct *v) { ... }

@script:python depends on (hook || nested || xdef)@
op << odef.OPEN;
v << odef.v;
@@
OPENDEF[op] = {"v": v, "bad": None}

@ouse depends on (hook || nested || xdef)@
identifier odef.v;
position pv;
@@
v@pv

@oallowed depends on (hook || nested || xdef)@
identifier odef.v;
identifier fld = {vm_private_data, vm_start, vm_end, vm_pgoff};
position pv;
@@
v@pv->fld

@script:python depends on (hook || nested || xdef)@
pv << oallowed.pv;
@@
OALLOWED.add(pkey(pv))

@script:python depends on (hook || nested || xdef)@
v << odef.v;
pv << ouse.pv;
@@
op = pv[0].current_element
d = OPENDEF.get(op)
if d is not None and d["v"] == v and pkey(pv) not in OALLOWED and not d["bad"]:
	d["bad"] = "%s() uses the VMA: '%s'" % (op, source_line(pv[0].file, pv[0].line))

@onames depends on (hook || nested || xdef)@
identifier x =~ "^(start|end|pgoff|file|vm_private_data)$";
position px;
@@
x@px

@script:python depends on (hook || nested || xdef)@
x << onames.x;
px << onames.px;
@@
d = OPENDEF.get(px[0].current_element)
if d is not None and not d["bad"]:
	d["bad"] = "%s() already uses the name '%s'" % (px[0].current_element, x)

@opsref depends on (hook || nested || xdef)@
identifier vmops.OPS;
position pr;
@@
OPS@pr

@script:python depends on (hook || nested || xdef)@
ops << vmops.OPS;
pr << opsref.pr;
@@
if pr[0].current_element != ops:  # the definition itself
	OPSREFS.setdefault(ops, []).append((pr[0].current_element, pr[0].line))

@script:python depends on (hook || nested || xdef)@
f << def.f;
pf << def.pf;
@@
k = (pf[0].file, f)
if k in MCALL:
	op, ops, line = MCALL[k]
	d = OPENDEF.get(op)
	others = [r for r in OPSREFS.get(ops, []) if r[0] != f]
	if LEVEL < 701:
		why(k, line, "moving %s() to vm_ops->mapped needs 7.1" % op,
		    rid="mapped-needs-level")
	elif d is None:
		why(k, line, "%s() is not a static void function of this file" % op,
		    rid="mapped-open-kind")
	elif d["bad"]:
		why(k, line, "cannot move %s to vm_ops->mapped: %s" % (op, d["bad"]),
		    rid="mapped-open-body")
	elif ops in VMOPS_MAPPED:
		why(k, line, "%s already has a mapped callback" % ops,
		    rid="mapped-exists")
	elif others:
		why(k, int(others[0][1]),
		    "%s is also used outside this hook: a mapped callback would break it (R4)" % ops,
		    rid="mapped-ops-shared")
	else:
		MAPPED[f] = (op, ops)
		rule(k, "mapped")

// Per-mapping state taken by a call of the hook itself (afs, stm): the
// calls on every way through the hook, its locals, the undo calls on its
// failure path, and the close callbacks of the vm_ops.
@vmclose depends on (hook || nested || xdef)@
identifier OPS, CLOSE;
position po;
@@
struct vm_operations_struct OPS@po = { ..., .close = CLOSE, ... };

@script:python depends on (hook || nested || xdef)@
ops << vmclose.OPS;
cl << vmclose.CLOSE;
po << vmclose.po;
@@
VMCLOSE[ops] = (cl, int(po[0].line))

@script:python depends on (hook || nested || xdef)@
@@
ms_candidates()

@mscall depends on (hook || nested || xdef)@
identifier def.f, fn;
expression list es;
position ps : script:python(fn) { fn in MSCAND };
@@
f(...) {
... when any
fn@ps(es);
... when any
}

@script:python depends on (hook || nested || xdef)@
fn << mscall.fn;
es << mscall.es;
ps << mscall.ps;
@@
k = hkey(ps)
if k in DEFS:
	MSCALLS.setdefault(k, []).append((fn, [ctext(a) for a in split_top(es)],
					  int(ps[0].line), int(ps[0].column)))

@msundo depends on (hook || nested || xdef)@
identifier Y;
expression list es;
expression R;
statement S;
position pu;
@@
(
if (R == 0) S else Y@pu(es);
|
if (!R) S else Y@pu(es);
)
return R;

@script:python depends on (hook || nested || xdef)@
fn << msundo.Y;
es << msundo.es;
pu << msundo.pu;
@@
k = hkey(pu)
if k in DEFS:
	MSUNDO.setdefault(k, []).append((fn, [ctext(a) for a in split_top(es)],
					 int(pu[0].line)))

@mslocal depends on (hook || nested || xdef)@
type T;
identifier x;
position pd;
@@
T x@pd;

@script:python depends on (hook || nested || xdef)@
T << mslocal.T;
x << mslocal.x;
pd << mslocal.pd;
@@
k = hkey(pd)
if k in DEFS:
	MLOCALS.setdefault(k, {}).setdefault(x, {"type": ctext(T), "init": None,
		"bad": False, "decl": (pd[0].line, pd[0].column)})

@mslocali depends on (hook || nested || xdef)@
type T;
identifier x;
expression E;
position pd;
@@
T x@pd = E;

@script:python depends on (hook || nested || xdef)@
T << mslocali.T;
x << mslocali.x;
E << mslocali.E;
pd << mslocali.pd;
@@
k = hkey(pd)
if k in DEFS:
	MLOCALS.setdefault(k, {})[x] = {"type": ctext(T), "init": ctext(E),
		"bad": False, "decl": (pd[0].line, pd[0].column)}

@script:python depends on (hook || nested || xdef)@
@@
ms_names()

@mslocalw depends on (hook || nested || xdef)@
identifier x;
expression E;
assignment operator aop;
position pw : script:python(x) { x in MSNAMES };
@@
x@pw aop E

@script:python depends on (hook || nested || xdef)@
x << mslocalw.x;
pw << mslocalw.pw;
@@
d = MLOCALS.get(hkey(pw), {}).get(x)
if d is not None and d["decl"] != (pw[0].line, pw[0].column):
	d["bad"] = True

// (One match per name is enough here: none of these is the declaration.)
@mslocalx depends on (hook || nested || xdef)@
identifier def.f, x;
position pw;
@@
f(...) { <...
(
x@pw++
|
x@pw--
|
 ++x@pw
|
 --x@pw
|
 &x@pw
)
...> }

@script:python depends on (hook || nested || xdef)@
x << mslocalx.x;
pw << mslocalx.pw;
@@
d = MLOCALS.get(hkey(pw), {}).get(x)
if d is not None:
	d["bad"] = True

@msluse depends on (hook || nested || xdef)@
identifier x;
position pu : script:python(x) { x in MSNAMES };
@@
x@pu

@script:python depends on (hook || nested || xdef)@
x << msluse.x;
pu << msluse.pu;
@@
d = MLOCALS.get(hkey(pu), {}).get(x)
if d is not None and d["decl"] != (pu[0].line, pu[0].column):
	d["uses"] = d.get("uses", 0) + 1

@script:python depends on (hook || nested || xdef)@
@@
for k in sorted(DEFS):
	ms_verdict(k)

// Hooks whose function is not in this file.
@script:python depends on hook@
f << hook.f;
pops << hook.pops;
@@
k = (pops[0].file, f)
if NESTED_MODE:
	pass	# only the nested implementations are looked at
elif global_elsewhere(f):
	if in_family("fields"):
		record(k, pops[0].line, "converted", rule_name="rename")
elif k not in DEFS and f not in ("generic_file_mmap", "generic_file_readonly_mmap"):
	reason = reason_of("defined-elsewhere",
			   "hook is defined in another file or has an unusual signature")
	HOOKS[k]["reason"] = (int(pops[0].line), reason)
	if reports_declines():
		record(k, pops[0].line, "declined", reason=reason)

// ---------------------------------------------------------------------
// The verdict.
// ---------------------------------------------------------------------

@script:python verdict depends on (hook || nested || xdef)@
f << def.f;
pf << def.pf;
nf;
@@
k = (pf[0].file, f)
reasons = [(l, r) for (_, l, r) in sorted(WHY.get(k, []))]
if k not in DEFS:
	# a function with the signature of a hook that is not one
	cocci.include_match(False)
acts = ACTIONS.get(k, [])
if not reasons and len(acts) > 1:
	reasons = [(int(acts[1][0]), reason_of("several-actions",
		"%d mapping calls: one action per mapping" % len(acts)))]
if not reasons:
	for (line, col, fn) in acts:
		if (pf[0].file, line, col) not in PLAN:
			reasons.append((int(line), reason_of("action-not-last",
				"%s() is not the last effect of the hook" % fn)))
if not reasons:
	seen_k = SEEN.get(k, set())
	for (line, col) in sorted(VUSES.get(k, []), key=lambda x: (int(x[0]), int(x[1]))):
		if (line, col) not in seen_k:
			callee = CALLV.get((k, line, col))
			stk = EFFECTS and (EFFECTS["functions"].get(callee) or {}).get("stacks")
			if callee and stk:
				why_s = reason_of("stacked-mmap", stack_why(stk, callee))
			elif callee:
				why_s = reason_of("vma-passed", "passes the VMA to %s()" % callee)
			else:
				why_s = reason_of("vma-use",
					"uses the VMA in a way no rule converts: '%s'" %
					source_line(k[0], line))
			reasons.append((int(line), why_s))
			break
if k not in DEFS:
	pass
elif reasons:
	line, reason = reasons[0]
	HOOKS[k]["reason"] = (line, reason)
	if reports_declines():
		record(k, line, "declined", reason=reason)
	cocci.include_match(False)
elif not in_family(family(RULES.get(k) or ["fields"])):
	# converted by the semantic patch of another family
	cocci.include_match(False)
else:
	name = f if f in HELPERS else new_name(f)
	OK[k] = name
	if not RULES.get(k):
		rule(k, "fields")
	d = DEFS[k]
	OKN[f] = {"new": name, "vma": d["vma"], "file": k[0], "line": d["line"],
		  "param": d["file"], "rules": RULES[k]}
	coccinelle.nf = name

// ---------------------------------------------------------------------
// Rewrites, in order: actions, flags, fields, file, signature, ops.
//
// Every rewrite re-parses the file, so positions found above do not
// survive it: the rewrites below are keyed by the hook's name (approved
// hooks only) and recompute what they need from the matched text.
// ---------------------------------------------------------------------

@depends on (hook || nested || xdef) && patch@
identifier fn = {remap_pfn_range, io_remap_pfn_range};
identifier V : script:python() { tvname(V) };
expression S, P, Z, PR;
constant C;
identifier UNL;
expression L;
position pa : script:python(V, S, Z, PR) { tok(pa) and rkind(V, S, Z, PR, pa) == "full" };
fresh identifier act = script:python(fn) { act_name(fn, True) };
@@
(
- return fn@pa(V, S, P, Z, PR);
+ act(desc, P);
+ return 0;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ act(desc, P);
+ desc->action.error_override = -C;
  return 0;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	UNL(L);
-	return -C;
- }
+ act(desc, P);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	return -C;
- }
+ act(desc, P);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ act(desc, P);
+ desc->action.error_override = -C;
)

@depends on (hook || nested || xdef) && patch@
identifier fn = {remap_pfn_range, io_remap_pfn_range};
identifier V : script:python() { tvname(V) };
expression S, P, Z, PR;
constant C;
identifier UNL;
expression L;
position pa : script:python(V, S, Z, PR) { tok(pa) and rkind(V, S, Z, PR, pa) == "partial" };
fresh identifier act = script:python(fn) { act_name(fn, False) };
@@
(
- return fn@pa(V, S, P, Z, PR);
+ act(desc, S, P, Z);
+ return 0;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
  return 0;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	UNL(L);
-	return -C;
- }
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	return -C;
- }
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
)

@depends on (hook || nested || xdef) && patch@
identifier fn = {remap_pfn_range, io_remap_pfn_range};
identifier V : script:python() { tvname(V) };
expression S, P, Z, PR;
constant C;
identifier UNL;
expression L;
position pa : script:python(V, S, Z, PR) { tok(pa) and rkind(V, S, Z, PR, pa) == "full_prot" };
fresh identifier act = script:python(fn) { act_name(fn, True) };
@@
(
- return fn@pa(V, S, P, Z, PR);
+ desc->page_prot = PR;
+ act(desc, P);
+ return 0;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ desc->page_prot = PR;
+ act(desc, P);
+ desc->action.error_override = -C;
  return 0;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	UNL(L);
-	return -C;
- }
+ desc->page_prot = PR;
+ act(desc, P);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	return -C;
- }
+ desc->page_prot = PR;
+ act(desc, P);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ desc->page_prot = PR;
+ act(desc, P);
+ desc->action.error_override = -C;
)

@depends on (hook || nested || xdef) && patch@
identifier fn = {remap_pfn_range, io_remap_pfn_range};
identifier V : script:python() { tvname(V) };
expression S, P, Z, PR;
constant C;
identifier UNL;
expression L;
position pa : script:python(V, S, Z, PR) { tok(pa) and rkind(V, S, Z, PR, pa) == "partial_prot" };
fresh identifier act = script:python(fn) { act_name(fn, False) };
@@
(
- return fn@pa(V, S, P, Z, PR);
+ desc->page_prot = PR;
+ act(desc, S, P, Z);
+ return 0;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ desc->page_prot = PR;
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
  return 0;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	UNL(L);
-	return -C;
- }
+ desc->page_prot = PR;
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR)) {
-	return -C;
- }
+ desc->page_prot = PR;
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
|
- if (fn@pa(V, S, P, Z, PR))
-	return -C;
+ desc->page_prot = PR;
+ act(desc, S, P, Z);
+ desc->action.error_override = -C;
)

@depends on (hook || nested || xdef) && patch@
identifier V : script:python() { tvname(V) };
expression A, L;
position pa : script:python() { tok(pa) };
@@
(
- return vm_iomap_memory@pa(V, A, L);
+ mmap_action_simple_ioremap(desc, A, L);
+ return 0;
|
- vm_iomap_memory@pa(V, A, L);
+ mmap_action_simple_ioremap(desc, A, L);
)

@depends on (hook || nested || xdef) && patch@
identifier V : script:python() { tvname(V) };
expression P, N;
position pa : script:python() { tok(pa) };
@@
(
- return vm_map_pages@pa(V, P, N);
+ if (desc->pgoff >= N)
+	return -ENXIO;
+ if (vma_desc_pages(desc) > N - desc->pgoff)
+	return -ENXIO;
+ mmap_action_map_kernel_pages_full(desc, P + desc->pgoff);
+ return 0;
|
- return vm_map_pages_zero@pa(V, P, N);
+ if (vma_desc_pages(desc) > N)
+	return -ENXIO;
+ mmap_action_map_kernel_pages_full(desc, P);
+ return 0;
)

@depends on (hook || nested || xdef) && patch@
identifier V : script:python() { tvname(V) };
expression S, P;
identifier N;
position pa : script:python() { tok(pa) };
@@
- return vm_insert_pages@pa(V, S, P, &N);
+ mmap_action_map_kernel_pages(desc, S, P, N);
+ return 0;

// Flags, 6.19: the descriptor still has vm_flags.
@depends on (hook || nested || xdef) && patch && api_6_19@
identifier V : script:python() { tvname(V) };
expression E, E1, E2;
position pf : script:python() { tok(pf) };
@@
(
- vm_flags_set@pf(V, E);
+ desc->vm_flags |= E;
|
- vm_flags_clear@pf(V, E);
+ desc->vm_flags &= ~(E);
|
- vm_flags_mod@pf(V, E1, E2);
+ desc->vm_flags |= E1;
+ desc->vm_flags &= ~(E2);
)

@depends on (hook || nested || xdef) && patch && api_6_19@
identifier V : script:python() { tvname(V) };
position pv : script:python() { tok(pv) };
@@
- V@pv->vm_flags
+ desc->vm_flags

@depends on (hook || nested || xdef) && patch && !api_6_19@
identifier V : script:python() { tvname(V) };
position pv : script:python() { tok(pv) };
@@
- is_nommu_shared_mapping(V@pv->vm_flags)
+ is_nommu_shared_vma_flags(&desc->vma_flags)

// Flags, 7.0 and later: VMA_*_BIT lists.
@depends on (hook || nested || xdef) && patch && !api_6_19@
identifier V : script:python() { tvname(V) };
expression E;
position pf : script:python() { tok(pf) };
fresh identifier b = script:python(E) { bitlist(E) };
@@
(
- vm_flags_set@pf(V, E);
+ vma_desc_set_flags(desc, b);
|
- vm_flags_clear@pf(V, E);
+ vma_desc_clear_flags(desc, b);
)

@depends on (hook || nested || xdef) && patch && !api_6_19@
identifier V : script:python() { tvname(V) };
expression E1, E2;
position pf : script:python() { tok(pf) };
fresh identifier b1 = script:python(E1) { bitlist(E1) };
fresh identifier b2 = script:python(E2) { bitlist(E2) };
@@
- vm_flags_mod@pf(V, E1, E2);
+ vma_desc_set_flags(desc, b1);
+ vma_desc_clear_flags(desc, b2);

@depends on (hook || nested || xdef) && patch && !api_6_19@
identifier V : script:python() { tvname(V) };
expression E;
position pv : script:python() { tok(pv) };
fresh identifier b = script:python(E) { bitlist(E) };
fresh identifier t = script:python(E) { test_name(E, True) };
@@
(
- (V@pv->vm_flags & E) == E
+ t(desc, b)
|
- (V@pv->vm_flags & E) != E
+ !t(desc, b)
)

@depends on (hook || nested || xdef) && patch && !api_6_19@
identifier V : script:python() { tvname(V) };
expression E;
position pv : script:python() { tok(pv) };
fresh identifier b = script:python(E) { bitlist(E) };
fresh identifier t = script:python(E) { test_name(E, False) };
@@
(
- (V@pv->vm_flags & E)
+ t(desc, b)
|
- V@pv->vm_flags & E
+ t(desc, b)
)

@depends on (hook || nested || xdef) && patch && !api_6_19@
identifier V : script:python() { tvname(V) };
position pv : script:python() { tok(pv) };
@@
- is_cow_mapping(V@pv->vm_flags)
+ vma_desc_is_cow_mapping(desc)

// A helper's file is the descriptor's file; the helpers converted with a
// hook or helper take its descriptor.
@depends on helper && patch@
identifier V : script:python() { tvname(V) };
position pv : script:python() { tok(pv) and pv[0].current_element in HELPERS };
@@
- V@pv->vm_file
+ desc->file

@depends on helper && patch@
identifier fn, V;
expression list es1, es2;
position pc : script:python(fn) { fn in HELPERS };
position pv : script:python(V) { tvma(pv, V) };
@@
  fn@pc(es1,
- V@pv
+ desc
  , es2)

// Sizes, then fields.
@depends on (hook || nested || xdef) && patch@
identifier V : script:python() { tvname(V) };
position pv : script:python() { tok(pv) };
@@
(
- V@pv->vm_end - V->vm_start
+ vma_desc_size(desc)
|
- vma_pages(V@pv)
+ vma_desc_pages(desc)
)

@depends on (hook || nested || xdef) && patch@
identifier V : script:python() { tvname(V) };
position pv : script:python() { tok(pv) };
@@
(
- V@pv->vm_start
+ desc->start
|
- V@pv->vm_end
+ desc->end
|
- V@pv->vm_pgoff
+ desc->pgoff
|
- V@pv->vm_page_prot
+ desc->page_prot
|
- V@pv->vm_file
+ desc->vm_file
|
- V@pv->vm_mm
+ desc->mm
|
- V@pv->vm_private_data
+ desc->private_data
|
- V@pv->vm_ops
+ desc->vm_ops
)

@depends on (hook || nested || xdef) && patch@
identifier fn = {generic_file_mmap, generic_file_readonly_mmap};
identifier F, V;
position pg : script:python() { tok(pg) };
fresh identifier nfn = fn ## "_prepare";
@@
- fn@pg(F, V)
+ nfn(desc)

@depends on (hook || nested || xdef) && patch@
identifier V : script:python() { tvname(V) };
position pg : script:python() { tok(pg) };
@@
- shmem_zero_setup@pg(V)
+ shmem_zero_setup_desc(desc)

@depends on (hook || nested || xdef) && patch && !api_6_19 && !api_7_0 && !api_7_1@
identifier V : script:python() { tvname(V) };
position pg : script:python() { tok(pg) };
@@
- vma_set_anonymous@pg(V)
+ vma_desc_set_anonymous(desc)

// ---------------------------------------------------------------------
// vm_ops->mapped: drop the open call, add the callback, hook it up.
// ---------------------------------------------------------------------

@depends on (hook || nested || xdef) && patch@
identifier OPEN, V;
position pc : script:python(OPEN) { tok(pc) and mapped_open(pc[0].current_element) == OPEN };
@@
- OPEN@pc(V);
  return 0;

@mnew depends on (hook || nested || xdef) && patch@
identifier OPEN : script:python() { is_mapped_open(OPEN) };
identifier v;
statement list SL;
fresh identifier NEW = script:python(OPEN) { mapped_name(OPEN) };
@@
static void OPEN(struct vm_area_struct *v)
{
	SL
}
+
+static int NEW(unsigned long start, unsigned long end, pgoff_t pgoff,
+	       const struct file *file, void **vm_private_data)
+{
+	SL
+	return 0;
+}

@depends on (hook || nested || xdef) && patch@
identifier OPEN : script:python() { is_mapped_open(OPEN) };
identifier OPS;
fresh identifier NEW = script:python(OPEN) { mapped_name(OPEN) };
@@
struct vm_operations_struct OPS = {
	...,
	.open = OPEN,
+	.mapped = NEW,
	...
};

@depends on (hook || nested || xdef) && patch@
identifier NEW : script:python() { is_mapped_new(NEW) };
identifier mnew.v;
@@
NEW(...) {
<...
(
- v->vm_private_data
+ *vm_private_data
|
- v->vm_start
+ start
|
- v->vm_end
+ end
|
- v->vm_pgoff
+ pgoff
)
...>
}

// Per-mapping state of the hook's own call (afs, stm): the call moves into
// a generated vm_ops->mapped, its undo on the failure path goes, and the
// vm_ops names the callback.
@depends on (hook || nested || xdef) && patch@
identifier X;
expression list es;
position p : script:python(X) { tok(p) and ms_of(p, "fn") == X };
@@
- X@p(es);

@depends on (hook || nested || xdef) && patch@
identifier Y;
expression list es;
expression R;
statement S;
position p : script:python(Y) { tok(p) and Y in (ms_of(p, "undo") or ()) };
@@
(
- if (R == 0) S else Y@p(es);
+ if (R == 0) S
|
- if (!R) S else Y@p(es);
+ if (!R) S
)

@depends on (hook || nested || xdef) && patch@
type T;
identifier x;
expression E;
position p : script:python(x) { tok(p) and x in (ms_of(p, "drop") or ()) };
@@
- T x@p = E;

@depends on (hook || nested || xdef) && patch@
identifier H : script:python() { H in MSTATE and H in OKN and bool(MSTATE[H]["decls"]) };
fresh identifier NEW = script:python(H) { MSTATE[H]["new"] };
fresh identifier DECLS = script:python(H) { ";\n\t".join(MSTATE[H]["decls"]) };
fresh identifier CALL = script:python(H) { MSTATE[H]["call"] };
@@
+static int NEW(unsigned long start, unsigned long end, pgoff_t pgoff,
+	       const struct file *file, void **vm_private_data)
+{
+	DECLS;
+
+	CALL;
+	return 0;
+}
+
  H(...) { ... }

@depends on (hook || nested || xdef) && patch@
identifier H : script:python() { H in MSTATE and H in OKN and not MSTATE[H]["decls"] };
fresh identifier NEW = script:python(H) { MSTATE[H]["new"] };
fresh identifier CALL = script:python(H) { MSTATE[H]["call"] };
@@
+static int NEW(unsigned long start, unsigned long end, pgoff_t pgoff,
+	       const struct file *file, void **vm_private_data)
+{
+	CALL;
+	return 0;
+}
+
  H(...) { ... }

@depends on (hook || nested || xdef) && patch@
identifier OPS : script:python() { ms_ops(OPS, True) is not None };
fresh identifier NEW = script:python(OPS) { ms_ops(OPS, True) };
@@
+static int NEW(unsigned long start, unsigned long end, pgoff_t pgoff,
+	       const struct file *file, void **vm_private_data);
+
  struct vm_operations_struct OPS = { ... };

@depends on (hook || nested || xdef) && patch@
identifier OPS : script:python() { ms_ops(OPS) is not None };
identifier CLOSE;
fresh identifier NEW = script:python(OPS) { ms_ops(OPS) };
@@
struct vm_operations_struct OPS = {
	...,
	.close = CLOSE,
+	.mapped = NEW,
	...
};

// ---------------------------------------------------------------------
// The file parameter: inline a single use, keep a local otherwise.
// ---------------------------------------------------------------------

@fleft depends on (hook || nested || xdef) && patch@
identifier F;
position pu : script:python(F) { tfile(pu, F) };
@@
F@pu

@script:python depends on (hook || nested || xdef)@
pu << fleft.pu;
@@
FLEFT.setdefault(pu[0].current_element, set()).add((pu[0].line, pu[0].column))

@depends on (hook || nested || xdef) && patch@
identifier F;
position pu : script:python(F) { tfile(pu, F) and file_inline(pu) };
@@
- F@pu
+ desc->file

// ---------------------------------------------------------------------
// Signature, prototypes and the ops tables.
// ---------------------------------------------------------------------

// The body starts with a statement: the new local needs a blank line.
@sig_local_stmt depends on (hook || nested || xdef) && patch@
identifier f, fparam, vma;
statement S;
position pf : script:python(f) { tsig(f) and file_local(f) };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
@@
- f@pf(struct file *fparam, struct vm_area_struct *vma)
+ nf(struct vm_area_desc *desc)
  {
+ struct file *fparam = desc->file;
+
  S
  ...
  }

@script:python depends on (hook || nested || xdef)@
f << sig_local_stmt.f;
@@
DONE.add(f)

@sig_local depends on (hook || nested || xdef) && patch@
identifier f, fparam, vma;
position pf : script:python(f) { tsig(f) and file_local(f) and f not in DONE };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
@@
- f@pf(struct file *fparam, struct vm_area_struct *vma)
+ nf(struct vm_area_desc *desc)
  {
++ struct file *fparam = desc->file;
  ...
  }

@script:python depends on (hook || nested || xdef)@
f << sig_local.f;
@@
DONE.add(f)

@sig depends on (hook || nested || xdef) && patch@
identifier f, fparam, vma;
position pf : script:python(f) { tsig(f) and f not in DONE };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
@@
- f@pf(struct file *fparam, struct vm_area_struct *vma)
+ nf(struct vm_area_desc *desc)
  { ... }

@script:python depends on (hook || nested || xdef)@
f << sig.f;
@@
DONE.add(f)

// A helper keeps its name; its VMA parameter becomes the descriptor,
// const when the helper only reads it.
@hsig depends on helper && patch@
identifier f;
position p : script:python(f) { f in OKN and f in HELPERS and not HELPERS[f]["const"] };
parameter list ps1, ps2;
identifier V;
type R;
@@
  R f@p(ps1,
- struct vm_area_struct *V
+ struct vm_area_desc *desc
  , ps2) { ... }

@script:python depends on helper@
f << hsig.f;
@@
DONE.add(f)

@hsigc depends on helper && patch@
identifier f;
position p : script:python(f) { f in OKN and f in HELPERS and HELPERS[f]["const"] };
parameter list ps1, ps2;
identifier V;
type R;
@@
  R f@p(ps1,
- struct vm_area_struct *V
+ const struct vm_area_desc *desc
  , ps2) { ... }

@script:python depends on helper@
f << hsigc.f;
@@
DONE.add(f)

// (The name's constraint is on a position: spatch 1.1.1 fails to parse the
// next script rule after a #define rule with a constrained identifier.)
@depends on (hook || nested || xdef) && patch@
identifier f;
position p : script:python(f) { f in DONE and f in ALIASES };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
identifier X;
fresh identifier nx = script:python(f) { ALIASES[f] };
@@
- #define f@p X
+ #define nf nx

// A nested hook keeps its first parameter.
@nsig depends on nested && patch@
identifier f, fparam, vma;
type T;
position pf : script:python(f) { tsig(f) and f in NESTED and f not in DONE };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
@@
- f@pf(T fparam, struct vm_area_struct *vma)
+ nf(T fparam, struct vm_area_desc *desc)
  { ... }

@script:python depends on nested@
f << nsig.f;
@@
DONE.add(f)

@depends on nested && patch@
identifier f : script:python() { f in DONE and f in NESTED };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
type T1, T2;
identifier a, b;
@@
- int f(T1 a, T2 b);
+ int nf(T1 a, struct vm_area_desc *desc);

// Its name where it is stored or passed (mmprep-convert checked that
// these are its only uses).
@depends on nested && patch@
identifier f : script:python() { f in DONE and f in NESTED };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
@@
- f
+ nf

// The outer function bridges: a zeroed descriptor from the VMA (R7), the
// hook, then __compat_vma_mmap() runs its action and vm_ops->mapped.
@script:python ndesc depends on nested@
d;
e;
@@
coccinelle.d = cocci.make_ident("desc")
coccinelle.e = cocci.make_ident("err")

@depends on nested && patch@
identifier outer : script:python() { outer in NOK };
identifier fp, vma;
identifier m : script:python() { m in NMEMBERS };
expression E, ret;
identifier ndesc.d;
@@
  outer(struct file *fp, ..., struct vm_area_struct *vma) {
  <+...
+ compat_set_desc_from_vma(&d, fp, vma);
- ret = E->m(E, vma);
+ ret = E->m(E, &d);
+ if (!ret)
+ 	ret = __compat_vma_mmap(&d, vma);
  ...+>
  }

@depends on nested && patch@
identifier outer : script:python() { outer in NOK };
identifier fp, vma;
identifier m : script:python() { m in NMEMBERS };
expression E;
identifier ndesc.d, ndesc.e;
@@
  outer(struct file *fp, ..., struct vm_area_struct *vma) {
  <+...
+ compat_set_desc_from_vma(&d, fp, vma);
- return E->m(E, vma);
+ e = E->m(E, &d);
+ if (e)
+ 	return e;
+ return __compat_vma_mmap(&d, vma);
  ...+>
  }

@depends on nested && patch@
identifier outer : script:python() { outer in NOK and outer in NPRIV };
identifier fp, vma;
identifier ndesc.d;
@@
  outer(struct file *fp, ..., struct vm_area_struct *vma) {
  <+...
  compat_set_desc_from_vma(&d, fp, vma);
+ d.private_data = vma->vm_private_data;
  ...+>
  }

// Before 7.2, compat_set_desc_from_vma() leaves vm_ops NULL and
// __compat_vma_mmap() would write that back.
@depends on nested && patch && (api_7_1 || api_6_19 || api_7_0)@
identifier outer : script:python() { outer in NOK };
identifier fp, vma;
identifier ndesc.d;
@@
  outer(struct file *fp, ..., struct vm_area_struct *vma) {
  <+...
  compat_set_desc_from_vma(&d, fp, vma);
+ d.vm_ops = vma->vm_ops;
  ...+>
  }

// The new locals go first; a blank line follows them when the body
// starts with a statement.
@ndecl_stmt depends on nested && patch@
identifier outer : script:python() { outer in NOK and outer not in NRET };
identifier ndesc.d;
statement S;
position p;
@@
  outer@p(...) {
+ struct vm_area_desc d = {};
+
  S
  ...
  }

@script:python depends on nested@
p << ndecl_stmt.p;
@@
NDECL.add(p[0].current_element)

@depends on nested && patch@
identifier outer : script:python() { outer in NOK and outer not in NRET and
				     outer not in NDECL };
identifier ndesc.d;
@@
  outer(...) {
+ struct vm_area_desc d = {};
  ...
  }

@ndecl_ret_stmt depends on nested && patch@
identifier outer : script:python() { outer in NOK and outer in NRET };
identifier ndesc.d, ndesc.e;
statement S;
position p;
@@
  outer@p(...) {
+ struct vm_area_desc d = {};
+ int e;
+
  S
  ...
  }

@script:python depends on nested@
p << ndecl_ret_stmt.p;
@@
NDECL.add(p[0].current_element)

@depends on nested && patch@
identifier outer : script:python() { outer in NOK and outer in NRET and
				     outer not in NDECL };
identifier ndesc.d, ndesc.e;
@@
  outer(...) {
+ struct vm_area_desc d = {};
+ int e;
  ...
  }

@depends on (hook || nested || xdef) && patch@
identifier f : script:python() { f in DONE and f not in NESTED and f not in HELPERS };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
type T1, T2;
@@
- int f(T1, T2);
+ int nf(struct vm_area_desc *desc);

@depends on (hook || nested || xdef) && patch@
declarer d =~ "^EXPORT_SYMBOL";
identifier f;
position p : script:python(f) { f in DONE and OKN[f]["new"] != f };
fresh identifier nf = f ## "_prepare";
@@
  d(
- f@p
+ nf
  , ...);

// A hook converted in another file: its bindings and prototypes here (a
// prototype's parameter is named: checkpatch wants a name).
@script:python descident depends on global@
d;
@@
coccinelle.d = cocci.make_ident("desc")

@depends on global && patch && !context@
identifier f : script:python() { global_elsewhere(f) and in_family("fields") and
				 new_name(f) != f };
fresh identifier nf = f ## "_prepare";
identifier descident.d;
type T1, T2;
@@
  int
- f
+ nf
  (
- T1, T2
+ struct vm_area_desc *d
  );

@depends on global && patch && !context@
identifier f : script:python() { global_elsewhere(f) and in_family("fields") };
identifier a, b;
identifier descident.d;
type T1, T2;
@@
  int f(
- T1 a, T2 b
+ struct vm_area_desc *d
  );

@depends on global && patch && !context@
identifier f : script:python() { global_elsewhere(f) and in_family("fields") and
				 new_name(f) != f };
fresh identifier nf = f ## "_prepare";
identifier dd;
@@
  int
- f
+ nf
  (struct vm_area_desc *dd);

@depends on global && patch && !context@
identifier fops;
identifier f : script:python() { global_elsewhere(f) and in_family("fields") };
fresh identifier nf = script:python(f) { new_name(f) };
@@
struct file_operations fops = { ...,
  .
- mmap
+ mmap_prepare
  =
- f
+ nf
  , ... };

@depends on (hook || nested || xdef) && patch@
identifier f : script:python() { f in DONE and f not in HELPERS };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
identifier a, b;
type T1, T2;
@@
- int f(T1 a, T2 b);
+ int nf(struct vm_area_desc *desc);

@depends on (hook || nested || xdef) && patch@
identifier fops;
identifier f : script:python() { f in DONE };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
@@
struct file_operations fops = { ...,
  .
- mmap
+ mmap_prepare
  =
- f
+ nf
  , ... };

@depends on (hook || nested || xdef) && patch@
identifier fops;
identifier f : script:python() { f in DONE };
fresh identifier nf = script:python(f) { OKN[f]["new"] };
@@
struct file_operations fops[...] = { ..., { ...,
  .
- mmap
+ mmap_prepare
  =
- f
+ nf
  , ... }, ... };

// Safety net: a converted hook must not name its VMA any more.  If one
// does, a rule above is wrong; the driver then keeps the file unchanged.
@left depends on (hook || nested || xdef) && patch@
identifier nf : script:python() { is_new_name(nf) };
identifier V : script:python() { is_old_vma(V) };
identifier d;
position p;
@@
nf(..., struct vm_area_desc *d) { <+... V@p ...+> }

@script:python depends on (hook || nested || xdef)@
nf << left.nf;
p << left.p;
@@
for f in sorted(DONE):
	o = OKN[f]
	if o["new"] == nf:
		o["error"] = reason_of("internal",
			"internal: converted hook still uses the VMA at line %s" % p[0].line)
		record((o["file"], f), o["line"], "error", reason=o["error"])

// The same for a helper, whatever the place of its descriptor.
@hleft depends on helper && patch@
identifier f, V;
position p : script:python(V) { helper_vma(p[0].current_element, V) };
@@
f(...) { <+... V@p ...+> }

@script:python depends on helper@
p << hleft.p;
@@
o = OKN[p[0].current_element]
o["error"] = reason_of("internal",
	"internal: converted helper still uses the VMA at line %s" % p[0].line)
record((o["file"], p[0].current_element), o["line"], "error", reason=o["error"])

@script:python depends on (hook || nested || xdef) && patch@
@@
record_done()

// Hooks that are generic helpers with a known _prepare form.
@gops depends on (hook || nested || xdef) && patch@
identifier fops;
identifier fn = {generic_file_mmap, generic_file_readonly_mmap};
fresh identifier nfn = fn ## "_prepare";
position p : script:python() { in_family("actions") };
@@
struct file_operations fops = { ...,
  .
- mmap
+ mmap_prepare
  =
- fn@p
+ nfn
  , ... };

@script:python depends on (hook || nested || xdef) && patch@
fn << gops.fn;
p << gops.p;
@@
record((p[0].file, fn), p[0].line, "converted", rule_name="generic-file")

// ---------------------------------------------------------------------
// R19: whether a file can be mapped is can_mmap_file() (6.17+), which
// accepts .mmap_prepare as well; a test of ->f_op->mmap refuses a file
// whose driver was converted.  Any function of the file, hook or not; a
// function that calls ->f_op->mmap() itself (the dispatch) keeps its test.
// ---------------------------------------------------------------------

@r19disp@
expression X;
expression list es;
position p;
@@
X->f_op->mmap@p(es)

@script:python@
p << r19disp.p;
@@
R19DISP.add((p[0].file, p[0].current_element))

@r19 depends on patch@
expression X, E;
position p : script:python() { in_family("fields") and
			       (p[0].file, p[0].current_element) not in R19DISP };
@@
(
- !X->f_op->mmap@p
+ !can_mmap_file(X)
|
- X->f_op->mmap@p == NULL
+ !can_mmap_file(X)
|
- NULL == X->f_op->mmap@p
+ !can_mmap_file(X)
|
- X->f_op->mmap@p != NULL
+ can_mmap_file(X)
|
- X->f_op->mmap@p && E
+ can_mmap_file(X) && E
|
- E && X->f_op->mmap@p
+ E && can_mmap_file(X)
)

@r19if depends on patch@
expression X;
position p : script:python() { in_family("fields") and
			       (p[0].file, p[0].current_element) not in R19DISP };
statement S1, S2;
@@
(
  if (
- X->f_op->mmap@p
+ can_mmap_file(X)
  ) S1 else S2
|
  if (
- X->f_op->mmap@p
+ can_mmap_file(X)
  ) S1
)

@r19r depends on report || org@
expression X, E;
position p : script:python() { in_family("fields") and
			       (p[0].file, p[0].current_element) not in R19DISP };
@@
(
 !X->f_op->mmap@p
|
 X->f_op->mmap@p == NULL
|
 NULL == X->f_op->mmap@p
|
 X->f_op->mmap@p != NULL
|
 X->f_op->mmap@p && E
|
 E && X->f_op->mmap@p
)

@r19rif depends on report || org@
expression X;
statement S1, S2;
position p : script:python() { in_family("fields") and
			       (p[0].file, p[0].current_element) not in R19DISP };
@@
if (X->f_op->mmap@p) S1 else S2

@script:python depends on report@
X << r19r.X;
p << r19r.p;
@@
r19_report(X, p, False)

@script:python depends on report@
X << r19rif.X;
p << r19rif.p;
@@
r19_report(X, p, False)

@script:python depends on org@
X << r19r.X;
p << r19r.p;
@@
r19_report(X, p, True)

@script:python depends on org@
X << r19rif.X;
p << r19rif.p;
@@
r19_report(X, p, True)

// ---------------------------------------------------------------------
// Report, org and context output.
// ---------------------------------------------------------------------

@hookline@
identifier fops, hname;
position p;
@@
(
struct file_operations fops = { ..., .mmap = hname@p, ... };
|
struct file_operations fops[...] = { ..., { ..., .mmap = hname@p, ... }, ... };
)

@script:python depends on hookline && report@
hf << hookline.hname;
p << hookline.p;
@@
f = hf
k = (p[0].file, f)
if k in OK:
	msg = "WARNING: %s: .mmap can be converted to .mmap_prepare (%s)" % (
		f, ",".join(RULES.get(k, ["fields"])))
	record(k, DEFS[k]["line"], "convertible",
	       rule_name=",".join(RULES.get(k, ["fields"])))
	coccilib.report.print_report(p[0], msg)
elif f in ("generic_file_mmap", "generic_file_readonly_mmap"):
	if in_family("actions"):
		record(k, p[0].line, "convertible", rule_name="generic-file")
		coccilib.report.print_report(p[0],
			"WARNING: .mmap = %s can be .mmap_prepare = %s_prepare" % (f, f))
elif k in HOOKS and "reason" in HOOKS[k] and reports_declines():
	line, reason = HOOKS[k]["reason"]
	coccilib.report.print_report(p[0],
		"WARNING: %s: .mmap needs manual conversion (line %s): %s" % (f, line, reason))

@script:python depends on hookline && org@
hf << hookline.hname;
p << hookline.p;
@@
f = hf
k = (p[0].file, f)
if k in OK:
	cocci.print_main("%s: convertible (%s)" % (f, ",".join(RULES.get(k, ["fields"]))), p)
elif k in HOOKS and "reason" in HOOKS[k] and reports_declines():
	cocci.print_main("%s: manual: %s" % (f, HOOKS[k]["reason"][1]), p)

@depends on hookline && context@
identifier fops, f;
position p : script:python() { ctx_ok(p) };
@@
struct file_operations fops = { ...,
* .mmap = f@p
  , ... };

// Family 7: the implementations and the outer calls.
@script:python depends on nested && report@
@@
for pos, msg in nested_messages():
	coccilib.report.print_report(pos, msg)

@script:python depends on nested && org@
@@
for pos, msg in nested_messages():
	cocci.print_main(msg.replace("WARNING: ", ""), [pos])

@depends on nested && context@
identifier m;
expression E, V;
position p : script:python() { pkey(p) in NBRIDGED };
@@
* E->m@p(E, V)
