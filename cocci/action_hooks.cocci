// SPDX-License-Identifier: GPL-2.0-only
/// Replace the mmap action hooks that Linux 7.2 removes.
///
/// From 6.19 to 7.1 an mmap_prepare hook could set desc->action.error_hook
/// to replace the errno of a failed action, and desc->action.success_hook to
/// run code on the new VMA.  7.2 removes both: an error hook that always
/// returns one negative errno becomes desc->action.error_override = -E...;
/// and a success hook that only makes the VMA anonymous (the /dev/zero
/// private-mapping trick) becomes vma_desc_set_anonymous(desc) at the point
/// of assignment.  The hook functions are removed when nothing else uses
/// them.
///
/// Any other use of the two fields is left alone and reported: post-map work
/// belongs in vm_ops->mapped, and an errno that depends on the error needs a
/// human.  A function is converted only when every hook use in it is.
/// Nothing changes below API level 7.2 (-D api_6_19, api_7_0, api_7_1),
/// where the fields still exist; -D api_7_2 is the default.
//
// Confidence: High
// Copyright: (C) 2026 The mmprep authors.
// Comments: success_hook and error_hook are never generated.
// Comments: XXX only statements "D->action.X_hook = fn;" with D a struct
// Comments: vm_area_desc pointer are converted; other uses are reported.
// Options: --no-includes --include-headers
// Requires: 1.1.1
// Keywords: mmap_prepare, mmap_action, success_hook, error_hook, error_override

virtual patch
virtual context
virtual org
virtual report
virtual scan
virtual api_6_19
virtual api_7_0
virtual api_7_1
virtual api_7_2

@initialize:python@
@@
import json
import os
import re

LEVEL = 702
LEVEL_NAMES = {619: "6.19", 700: "7.0", 701: "7.1", 702: "7.2"}

# Per file:
# every use of a hook field: (line, col) -> site dict
SITES = {}
# error hooks that always return one errno: name -> "-EXXX"
ERRNO = {}
# error hooks that return a positive constant: name -> text
POSITIVE = {}
# error hooks that end in a constant errno after other work: names
MORE = set()
# success hooks that only make the VMA anonymous: set of names
ANON = set()
# every function definition: name -> {"line", "static"}
DEFS = {}
# prototypes: name -> number of them
PROTOS = {}
# desc changed after success_hook is set: function -> first line
AFTER = {}
# verdicts: function -> {"ok": bool, "line", "reason", "sites"}
FUNCS = {}
# approved (function, field, hook) triples for the rewrites
TODO = set()
# hook functions to remove
REMOVE = set()
# rewrites done: function -> count
DONE = {}
CURFILE = [None]
RECORDED = set()

ERRNO_NAME = re.compile(r"^E[A-Z0-9_]+$")


def level_name():
	return LEVEL_NAMES.get(LEVEL, str(LEVEL))


def active():
	"""The fields are gone only from 7.2 on."""
	return LEVEL >= 702


def reset():
	for d in (SITES, ERRNO, POSITIVE, DEFS, PROTOS, AFTER, FUNCS, DONE):
		d.clear()
	for s in (ANON, MORE, TODO, REMOVE):
		s.clear()
	files = cocci.files()
	CURFILE[0] = files[0] if files else None


class Reason(str):
	"""A reason in words, with its stable id (rid) from
	scripts/mmprep/records.schema.json."""


def reason_of(rid, text):
	r = Reason(text)
	r.rid = rid
	return r


def record(fn, line, status, rule_name=None, reason=None):
	path = os.environ.get("MMPREP_RECORDS")
	tag = (CURFILE[0], fn, status)
	if tag in RECORDED:
		return
	RECORDED.add(tag)
	if not path:
		return
	rec = {"tool": "mmprep-convert", "file": CURFILE[0], "line": int(line),
	       "function": fn, "hook": "file_operations.mmap_prepare",
	       "status": status, "api": level_name()}
	if rule_name:
		rec["rule"] = rule_name
	if reason:
		rec["reason"] = reason
		rec["reason_id"] = getattr(reason, "rid", None) or "internal"
	with open(path, "a", encoding="utf-8") as fp:
		fp.write(json.dumps(rec, sort_keys=True) + "\n")


def strip_comments(text):
	"""Blank out comments and string literals, keeping the line breaks."""
	def blank(m):
		return re.sub(r"[^\n]", " ", m.group(0))
	return re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"',
		      blank, text, flags=re.S)


def source():
	try:
		with open(CURFILE[0], encoding="utf-8", errors="replace") as fp:
			return fp.read()
	except (OSError, TypeError):
		return ""


def source_line(line):
	lines = source().split("\n")
	if 0 < int(line) <= len(lines):
		return " ".join(lines[int(line) - 1].split())
	return "?"


def add_site(fn, line, col, col_end, fld):
	key = (int(line), int(col))
	if key not in SITES:
		SITES[key] = {"fn": fn, "line": int(line), "col": int(col),
			      "col_end": int(col_end), "fld": fld, "hook": None,
			      "reason": None}
	return SITES[key]


def text_sites():
	"""Hook field uses that spatch did not see (unparsed code,
	initialisers): they keep their function from being converted."""
	text = strip_comments(source())
	fn = "-"
	seen = set(l for (l, c) in SITES)
	for i, s in enumerate(text.split("\n"), 1):
		# A function starts at column 0 and ends with a "}" there; a
		# top-level initialiser is named after its variable.
		m = re.match(r"^(?:[A-Za-z_].*?\b)?([A-Za-z_]\w*)\s*\([^;]*$", s)
		if m:
			fn = m.group(1)
		m = re.match(r"^(?:[A-Za-z_].*?\b)?([A-Za-z_]\w*)\s*(\[[^]]*\]\s*)*=", s)
		if m:
			fn = m.group(1)
		for m in re.finditer(r"(\.|->)\s*(success_hook|error_hook)\b", s):
			if i not in seen:
				site = add_site(fn, i, m.start(2), m.end(2), m.group(2))
				site["text"] = True
		if s.startswith("}"):
			fn = "-"


def site_reason(s):
	h = s["hook"]
	fld = s["fld"]
	if s.get("text"):
		return reason_of("hook-field-unparsed",
			"%s is used where spatch does not see it (unparsed code "
			"or an initialiser): '%s'" % (fld, source_line(s["line"])))
	if h is None:
		return reason_of("hook-field-form",
			"%s is used in a form no rule converts: '%s'" % (
				fld, source_line(s["line"])))
	if h == "NULL":
		return reason_of("hook-field-null",
			"%s is set to NULL: drop the assignment by hand" % fld)
	if h not in DEFS:
		return reason_of("hook-function-elsewhere",
			"the %s function %s() is not in this file" % (fld, h))
	if DEFS[h]["count"] > 1:
		return reason_of("hook-function-ifdef",
			"the %s function %s() has %d definitions (#ifdef?): "
			"convert by hand" % (fld, h, DEFS[h]["count"]))
	if fld == "error_hook":
		if h in POSITIVE:
			return reason_of("error-hook-positive",
				"error_hook %s() returns %s, not a negative errno" % (
					h, POSITIVE[h]))
		if h in MORE and h not in ERRNO:
			return reason_of("error-hook-more",
				"error_hook %s() does more than return a constant "
				"errno" % h)
		if h not in ERRNO:
			return reason_of("error-hook-not-errno",
				"error_hook %s() is not a constant errno" % h)
		return None
	if h not in ANON:
		return reason_of("success-hook-post-map",
			"success_hook %s() does post-map work: "
			"move it to vm_ops->mapped by hand" % h)
	if s["fn"] in AFTER:
		return reason_of("success-hook-vm-ops",
			"success_hook %s(): desc->vm_ops may be set after it "
			"(line %d): place vma_desc_set_anonymous() by hand" % (
				h, AFTER[s["fn"]]))
	return None


def refs(text, name):
	return len(re.findall(r"\b%s\b" % re.escape(name), text))


def decide():
	if not active():
		return
	text_sites()
	for s in sorted(SITES.values(), key=lambda s: (s["line"], s["col"])):
		f = FUNCS.setdefault(s["fn"], {"ok": True, "line": s["line"],
					       "reason": None, "sites": []})
		f["sites"].append(s)
		s["reason"] = site_reason(s)
		if s["reason"] and f["ok"]:
			f.update(ok=False, line=s["line"], reason=s["reason"])
	for fn in sorted(FUNCS):
		f = FUNCS[fn]
		if not f["ok"]:
			record(fn, f["line"], "declined", reason=f["reason"])
			continue
		for s in f["sites"]:
			TODO.add((fn, s["fld"], s["hook"]))
	# A hook function goes when its name appears only in its definition,
	# its prototypes and the assignments that are rewritten.
	text = strip_comments(source())
	uses = {}
	for f in FUNCS.values():
		if f["ok"]:
			for s in f["sites"]:
				uses[s["hook"]] = uses.get(s["hook"], 0) + 1
	for h, n in uses.items():
		d = DEFS[h]
		if d["static"] and refs(text, h) == 1 + PROTOS.get(h, 0) + n:
			REMOVE.add(h)


def todo(p, fld, h):
	return (p[0].current_element, fld, h) in TODO


def done(p):
	fn = p[0].current_element
	DONE[fn] = DONE.get(fn, 0) + 1


def record_done():
	for fn in sorted(FUNCS):
		f = FUNCS[fn]
		if not f["ok"]:
			continue
		if DONE.get(fn, 0) != len(f["sites"]):
			record(fn, f["line"], "error",
			       reason="internal: %d of %d hook uses rewritten" % (
				       DONE.get(fn, 0), len(f["sites"])))
		else:
			record(fn, f["line"], "converted", rule_name="action-hooks")


def new_form(s):
	if s["fld"] == "error_hook":
		return "%s->action.error_override = %s" % (s["desc"], ERRNO[s["hook"]])
	return "vma_desc_set_anonymous(%s)" % s["desc"]


def message(s):
	f = FUNCS[s["fn"]]
	if f["ok"]:
		return "%s: %s is gone in 7.2: use %s" % (s["fn"], s["fld"], new_form(s))
	where = "" if f["line"] == s["line"] else " (line %d)" % f["line"]
	return "%s: %s is gone in 7.2: needs manual conversion%s: %s" % (
		s["fn"], s["fld"], where, f["reason"])


def site_at(p):
	return SITES.get((int(p[0].line), int(p[0].column)))

@script:python depends on api_6_19@
@@
LEVEL = 619

@script:python depends on api_7_0@
@@
LEVEL = 700

@script:python depends on api_7_1@
@@
LEVEL = 701

// Files in scope: they name one of the two fields, or bind an
// mmap_prepare hook.  These rules give spatch's token prefilter the names
// to look for (make coccicheck then skips every other file);
// scripts/mmprep-convert runs this file only on files that name a field
// and sets "scan", so that uses in code spatch cannot parse are reported
// even when nothing else in the file is.
@anyuse@
expression E;
@@
(
 E.success_hook
|
 E->success_hook
|
 E.error_hook
|
 E->error_hook
)

@anyinit@
identifier S, x, fops, f;
expression E;
@@
(
struct S x = { ..., .success_hook = E, ... };
|
struct S x = { ..., .error_hook = E, ... };
|
struct file_operations fops = { ..., .mmap_prepare = f, ... };
)

@script:python depends on (anyuse || anyinit || scan)@
@@
reset()

// ---------------------------------------------------------------------
// Every use of the two fields, and the uses that the rewrites understand.
// ---------------------------------------------------------------------

@site depends on (anyuse || anyinit || scan)@
expression E;
identifier fld = {success_hook, error_hook};
position p;
@@
(
 E.fld@p
|
 E->fld@p
)

@script:python depends on (anyuse || anyinit || scan)@
fld << site.fld;
p << site.p;
@@
add_site(p[0].current_element, p[0].line, p[0].column, p[0].column_end, fld)

@assign depends on (anyuse || anyinit || scan) disable ptr_to_array@
struct vm_area_desc *D;
identifier fld = {success_hook, error_hook};
identifier h;
position p;
@@
D->action.fld@p = h;

@script:python depends on (anyuse || anyinit || scan)@
D << assign.D;
fld << assign.fld;
h << assign.h;
p << assign.p;
@@
s = add_site(p[0].current_element, p[0].line, p[0].column, p[0].column_end, fld)
s["hook"] = h
s["desc"] = str(D)

// ---------------------------------------------------------------------
// The hook functions.
// ---------------------------------------------------------------------

@fdef depends on (anyuse || anyinit || scan)@
identifier h;
type T;
parameter list ps;
position p;
@@
T h@p(ps) { ... }

@script:python depends on (anyuse || anyinit || scan)@
h << fdef.h;
p << fdef.p;
@@
d = DEFS.setdefault(h, {"line": int(p[0].line), "static": False, "count": 0})
d["count"] += 1

@fstatic depends on (anyuse || anyinit || scan)@
identifier h;
type T;
parameter list ps;
@@
static T h(ps) { ... }

@script:python depends on (anyuse || anyinit || scan)@
h << fstatic.h;
@@
if h in DEFS:
	DEFS[h]["static"] = True

@proto depends on (anyuse || anyinit || scan)@
identifier h;
type T;
parameter list ps;
position p;
@@
T h@p(ps);

@script:python depends on (anyuse || anyinit || scan)@
h << proto.h;
@@
PROTOS[h] = PROTOS.get(h, 0) + 1

// error_hook is only called with an error, so "if (err)" always holds.
@errdef depends on (anyuse || anyinit || scan)@
identifier h, err;
constant C;
@@
int h(int err)
{
(
 return -C;
|
 return (-C);
|
 if (err) return -C; return err;
|
 if (err) return -C; return 0;
|
 if (err != 0) return -C; return err;
|
 if (err != 0) return -C; return 0;
|
 if (err < 0) return -C; return err;
|
 if (err < 0) return -C; return 0;
|
 if (!err) return 0; return -C;
|
 if (!err) return err; return -C;
|
 if (err == 0) return 0; return -C;
|
 if (err == 0) return err; return -C;
|
 return err ? -C : 0;
|
 return err ? -C : err;
)
}

@script:python depends on (anyuse || anyinit || scan)@
h << errdef.h;
C << errdef.C;
@@
c = str(C).strip()
if ERRNO_NAME.match(c) or (c.isdigit() and 1 <= int(c) <= 4095):
	ERRNO[h] = "-" + c

@errpos depends on (anyuse || anyinit || scan)@
identifier h, err;
constant C;
@@
int h(int err)
{
(
 return C;
|
 return (C);
)
}

@script:python depends on (anyuse || anyinit || scan)@
h << errpos.h;
C << errpos.C;
@@
if not str(C).strip().startswith("-"):
	POSITIVE[h] = str(C).strip()

@errmore depends on (anyuse || anyinit || scan)@
identifier h, err;
constant C;
@@
int h(int err)
{
 ...
 return -C;
}

@script:python depends on (anyuse || anyinit || scan)@
h << errmore.h;
@@
MORE.add(h)

@anondef depends on (anyuse || anyinit || scan)@
identifier h, v;
@@
int h(const struct vm_area_struct *v)
{
(
 vma_set_anonymous(v);
|
 vma_set_anonymous((struct vm_area_struct *)v);
)
 return 0;
}

@script:python depends on (anyuse || anyinit || scan)@
h << anondef.h;
@@
ANON.add(h)

// vma_desc_set_anonymous() takes effect where success_hook was set: the
// descriptor must not be changed after that point.
@after_ops depends on (anyuse || anyinit || scan)@
struct vm_area_desc *D;
expression H, E;
position p;
@@
D->action.success_hook = H;
... when any
D->vm_ops@p = E

@script:python depends on (anyuse || anyinit || scan)@
p << after_ops.p;
@@
fn = p[0].current_element
AFTER[fn] = min(AFTER.get(fn, int(p[0].line)), int(p[0].line))

@after_call depends on (anyuse || anyinit || scan)@
struct vm_area_desc *D;
expression H;
identifier fn;
expression list es1, es2;
position p;
@@
D->action.success_hook = H;
... when any
fn@p(es1, D, es2)

@script:python depends on (anyuse || anyinit || scan)@
fn << after_call.fn;
p << after_call.p;
@@
if not fn.startswith("mmap_action_"):
	f = p[0].current_element
	AFTER[f] = min(AFTER.get(f, int(p[0].line)), int(p[0].line))

// ---------------------------------------------------------------------
// The verdict, one per function that uses a hook field.
// ---------------------------------------------------------------------

@script:python depends on (anyuse || anyinit || scan)@
@@
decide()

// ---------------------------------------------------------------------
// Rewrites.  Each one re-parses the file, so they are keyed by names.
// ---------------------------------------------------------------------

@err_rw depends on (anyuse || anyinit || scan) && patch && !api_6_19 && !api_7_0 && !api_7_1 disable ptr_to_array@
struct vm_area_desc *D;
identifier h;
position p : script:python(h) { todo(p, "error_hook", h) };
fresh identifier e = script:python(h) { ERRNO.get(h, "__mmprep_no_errno__") };
@@
- D->action.error_hook = h@p;
+ D->action.error_override = e;

@script:python depends on (anyuse || anyinit || scan)@
p << err_rw.p;
@@
done(p)

@anon_rw depends on (anyuse || anyinit || scan) && patch && !api_6_19 && !api_7_0 && !api_7_1 disable ptr_to_array@
struct vm_area_desc *D;
identifier h;
position p : script:python(h) { todo(p, "success_hook", h) };
@@
- D->action.success_hook = h@p;
+ vma_desc_set_anonymous(D);

@script:python depends on (anyuse || anyinit || scan)@
p << anon_rw.p;
@@
done(p)

// The hook functions left unused.  The name comes from the rewrite that
// dropped the use, so that spatch's token prefilter keeps its meaning (a
// function definition rule is otherwise matched in every file).
@depends on patch && !api_6_19 && !api_7_0 && !api_7_1@
identifier err_rw.h;
type T;
parameter list ps;
position pp : script:python(h) { h in REMOVE };
@@
- T h@pp(ps) { ... }

@depends on patch && !api_6_19 && !api_7_0 && !api_7_1@
identifier anon_rw.h;
type T;
parameter list ps;
position pp : script:python(h) { h in REMOVE };
@@
- T h@pp(ps) { ... }

@depends on (err_rw || anon_rw) && patch && !api_6_19 && !api_7_0 && !api_7_1@
identifier h : script:python() { h in REMOVE };
type T;
parameter list ps;
@@
- T h(ps);

@script:python depends on (anyuse || anyinit || scan) && patch && !api_6_19 && !api_7_0 && !api_7_1@
@@
record_done()

// ---------------------------------------------------------------------
// Report, org and context output.
// ---------------------------------------------------------------------

@show depends on (anyuse || anyinit || scan)@
expression E;
identifier fld = {success_hook, error_hook};
position p;
@@
(
 E.fld@p
|
 E->fld@p
)

@script:python depends on (anyuse || anyinit || scan) && report@
p << show.p;
@@
s = site_at(p)
if s is not None and s["fn"] in FUNCS:
	f = FUNCS[s["fn"]]
	if f["ok"]:
		record(s["fn"], f["line"], "convertible", rule_name="action-hooks")
	coccilib.report.print_report(p[0], "WARNING: " + message(s))

// Uses that spatch did not parse have no position to report through.
@script:python depends on (anyuse || anyinit || scan) && report@
@@
for s in sorted(SITES.values(), key=lambda s: (s["line"], s["col"])):
	if s.get("text") and s["fn"] in FUNCS:
		print("%s:%d:%d-%d: WARNING: %s" % (CURFILE[0], s["line"], s["col"],
						    s["col_end"], message(s)))

@script:python depends on (anyuse || anyinit || scan) && org@
p << show.p;
@@
s = site_at(p)
if s is not None and s["fn"] in FUNCS:
	cocci.print_main(message(s), p)

@script:python depends on (anyuse || anyinit || scan) && org@
@@
class Where(object):
	pass
for s in sorted(SITES.values(), key=lambda s: (s["line"], s["col"])):
	if s.get("text") and s["fn"] in FUNCS:
		w = Where()
		w.file, w.line = CURFILE[0], s["line"]
		w.column, w.column_end = s["col"], s["col_end"]
		cocci.print_main(message(s), [w])

@depends on (anyuse || anyinit || scan) && context@
expression E;
identifier fld = {success_hook, error_hook};
position p : script:python() { site_at(p) is not None and site_at(p)["fn"] in FUNCS };
@@
(
* E.fld@p
|
* E->fld@p
)
