# SPDX-License-Identifier: GPL-2.0
"""What a call made in an .mmap hook does, decided from the callee's body.

An .mmap_prepare hook may run for a mapping that is then merged or fails:
what it does must not be per-mapping state (R2).  A lock taken and released
in the hook, a read, a memset(), logging or tracing are fine; an allocation
kept, a reference, a counter, a list insert or a runtime-PM get are
per-mapping state, which belongs in vm_ops->mapped.

This module decides it from the callee's body: in the hook's own file, in
the files of the driver's folder (its headers and sources) and in the
headers under include/ of the kernel tree (indexed once with Universal
Ctags and cached).  Function-like macros count as bodies.  Only functions
whose body is in none of these places (the out-of-line locking, allocation
and runtime-PM core, the arch atomics and bit operations, compiler
builtins) are described by the small tables _LOCKS, _NONE, _COUNT, _ALLOC
and _REFS; the inline reference and list helpers of include/linux, when
their headers are not in the tree read, by _ABSENT.

A body is read as tokens, not parsed: the effects found are
  lock / unlock  a lock taken or released (the object, relative to the
                 parameters); a function whose locks are taken and released
                 on every way out has none left;
  count          a counter or reference changed (++, +=, an atomic, a get or
                 put), with the member path that names it;
  alloc          memory allocated and not freed in the same function;
  publish        a pointer parameter stored in memory that outlives the call
                 (a list insert);
  unknown        a call through a pointer, or a callee with no body found
                 and no table entry.
Writes of values into memory that outlives the call (a flag, memset()) are
idempotent and are not state.  The verdict of a function: "state" if it has
a count, alloc or publish effect; else "unknown" if it has an unknown one;
else "lock" / "unlock" for a function that only takes or only releases a
lock (f2fs_down_read()); else "none".

Lock pairing is a conservative approximation on the token stream: each lock
taken must be released later in the same function, and every "return"
between the two must be preceded, in its own block, by the release; a
"goto" between them must lead to a label followed by the release.  A
trylock in "if (!trylock(x)) ..." holds the lock after that statement.

Usage: python3 -m mmprep.effects --tree TREE FILE...
prints one JSON object: {"functions": {name: {"verdict", "why", "counts",
"stacks", "def"}}, "calls": {"name|,CONST": {...}}, "hooks": {name: {"locks",
"close_counts"}}} for every function the
.mmap hooks of FILE call (directly or through the file's own functions),
for scripts/mmprep-convert to hand to the semantic patch as MMPREP_EFFECTS.
"""

import bisect
import hashlib
import json
import os
import re
import subprocess
import sys

# ---------------------------------------------------------------------
# The table: functions whose body is not in the tree mmprep reads (the
# core's out-of-line functions, arch inline assembly, compiler builtins).
# Each maps to the effects of one call; "argN" names the N-th argument.
# A value may be a function of the argument texts (for the runtime-PM core,
# whose effect depends on its flags).
# ---------------------------------------------------------------------

def _rpm(args):
	if len(args) > 1 and "RPM_GET_PUT" in args[1]:
		return [("count", "arg0->power.usage_count")]
	return []

_LOCKS = {
	# name: (kind, argument index of the lock object or None)
	"mutex_lock_nested": ("lock", 0), "mutex_lock_interruptible_nested": ("lock", 0),
	"mutex_lock_killable_nested": ("lock", 0), "mutex_lock_io_nested": ("lock", 0),
	"mutex_lock": ("lock", 0), "mutex_lock_interruptible": ("lock", 0),
	"mutex_lock_killable": ("lock", 0), "mutex_lock_io": ("lock", 0),
	"mutex_trylock": ("trylock", 0), "mutex_unlock": ("unlock", 0),
	"down_read": ("lock", 0), "down_read_nested": ("lock", 0),
	"down_read_killable": ("lock", 0), "down_read_interruptible": ("lock", 0),
	"down_read_trylock": ("trylock", 0), "up_read": ("unlock", 0),
	"down_write": ("lock", 0), "down_write_nested": ("lock", 0),
	"down_write_killable": ("lock", 0), "down_write_trylock": ("trylock", 0),
	"up_write": ("unlock", 0), "down": ("lock", 0), "down_interruptible": ("lock", 0),
	"down_killable": ("lock", 0), "down_trylock": ("trylock", 0), "up": ("unlock", 0),
	"_raw_spin_lock": ("lock", 0), "_raw_spin_lock_bh": ("lock", 0),
	"_raw_spin_lock_irq": ("lock", 0), "_raw_spin_lock_irqsave": ("lock", 0),
	"_raw_spin_lock_nested": ("lock", 0), "_raw_spin_trylock": ("trylock", 0),
	"_raw_spin_unlock": ("unlock", 0), "_raw_spin_unlock_bh": ("unlock", 0),
	"_raw_spin_unlock_irq": ("unlock", 0), "_raw_spin_unlock_irqrestore": ("unlock", 0),
	"_raw_read_lock": ("lock", 0), "_raw_read_unlock": ("unlock", 0),
	"_raw_write_lock": ("lock", 0), "_raw_write_unlock": ("unlock", 0),
	"_raw_read_lock_irqsave": ("lock", 0), "_raw_read_unlock_irqrestore": ("unlock", 0),
	"_raw_write_lock_irqsave": ("lock", 0), "_raw_write_unlock_irqrestore": ("unlock", 0),
	"__srcu_read_lock": ("lock", 0), "__srcu_read_unlock": ("unlock", 0),
	"__rcu_read_lock": ("lock", None), "__rcu_read_unlock": ("unlock", None),
	# a seqcount's write section: its sequence counts the writers in
	# and out again (i_size_write()), it is not a counter of the mapping
	"write_seqcount_begin": ("lock", 0), "write_seqcount_begin_nested": ("lock", 0),
	"raw_write_seqcount_begin": ("lock", 0), "do_write_seqcount_begin": ("lock", 0),
	"do_write_seqcount_begin_nested": ("lock", 0),
	"do_raw_write_seqcount_begin": ("lock", 0),
	"write_seqcount_end": ("unlock", 0), "raw_write_seqcount_end": ("unlock", 0),
	"do_write_seqcount_end": ("unlock", 0), "do_raw_write_seqcount_end": ("unlock", 0),
	"write_seqlock": ("lock", 0), "write_seqlock_bh": ("lock", 0),
	"write_seqlock_irq": ("lock", 0), "write_seqlock_irqsave": ("lock", 0),
	"write_sequnlock": ("unlock", 0), "write_sequnlock_bh": ("unlock", 0),
	"write_sequnlock_irq": ("unlock", 0), "write_sequnlock_irqrestore": ("unlock", 0),
}

# Out-of-line functions without lasting effect on shared state: lockdep and
# sparse annotations, might_sleep(), logging, tracing and warning back ends,
# memory and string primitives on the memory they are given (idempotent).
_NONE = re.compile(r"""^(
	lock_acquire|lock_release|lock_acquired|lock_contended|lock_is_held_type|
	lockdep_\w+|__might_sleep|__might_resched|__might_fault|__cant_sleep|
	__cant_migrate|might_fault|_printk|printk|vprintk\w*|__dynamic_\w+|
	dev_printk_emit|_dev_\w+|__warn_printk|warn_slowpath_fmt|__warn|
	__WARN_printf|__builtin_\w+|memset|memcpy|memmove|memcmp|strlen|strcmp|
	strncmp|strscpy|strnlen|__fortify_\w+|fortify_panic|__read_overflow\w*|
	__write_overflow\w*|trace_\w+|__trace_\w+|kasan_\w+|kcsan_\w+|kmsan_\w+|
	instrument_\w+|check_object_size|__check_object_size|preempt_count_add|
	preempt_count_sub|__preempt_count_\w+|preempt_schedule\w*|dynamic_preempt_schedule\w*|
	arch_test_bit\w*|arch_local_irq_\w+|arch_irqs_disabled\w*|
	arch_local_save_flags|native_\w+|__rcu_read_lock_held|rcu_read_lock_held\w*|
	rcu_is_watching|debug_lockdep_rcu_enabled|__kcsan_\w+|
	arch_set_bit|arch_clear_bit|arch___set_bit|arch___clear_bit|
	arch_test_and_set_bit|arch_test_and_clear_bit|file_accessed|touch_atime|
	kfree|kvfree|vfree|kfree_sensitive|__free_pages|free_pages|
	init_wait_entry|prepare_to_wait\w*|finish_wait|schedule|schedule_timeout|
	io_schedule\w*|__WARN_FLAGS|__WARN_\w+|__warn_\w+|report_bug|
	_find_\w+_bit\w*|__bitmap_\w+|__sw_hweight\w*|
	refcount_warn_saturate|BUG|panic|dump_stack|cond_resched|__cond_resched|
	__mb|__rmb|__wmb|__smp_mb\w*|__smp_rmb|__smp_wmb|mb|rmb|wmb|smp_mb\w*|smp_rmb|
	smp_wmb|barrier|barrier_data|__dma_mb|__dma_rmb|__dma_wmb|dma_mb|dma_rmb|dma_wmb
)$""", re.X)

_COUNT = re.compile(r"""^(raw_|arch_)?atomic(64|_long)?_(
	inc|dec|add|sub|inc_return\w*|dec_return\w*|add_return\w*|sub_return\w*|
	fetch_add\w*|fetch_sub\w*|fetch_inc\w*|fetch_dec\w*|inc_not_zero|
	add_unless|dec_and_test|sub_and_test|inc_and_test|add_negative\w*|
	dec_if_positive|inc_unless_negative|dec_unless_positive|fetch_add_unless|
	try_cmpxchg\w*|cmpxchg\w*|xchg\w*)$""", re.X)

_ALLOC = re.compile(r"""^(__)?(k|kv|v)(m|z|c)alloc\w*$|^__kmalloc\w*|^kmalloc_\w+|
	^kmem_cache_alloc\w*|^alloc_pages\w*|^__alloc_pages\w*|^__get_free_pages$|
	^get_zeroed_page\w*|^kstrdup\w*|^kmemdup\w*|^__vmalloc\w*|^vmalloc\w*|
	^alloc_page\w*|^kvmalloc\w*|^krealloc\w*""", re.X)

_REFS = {
	# reference counts taken or dropped out of line
	"get_device": "arg0->kobj.kref", "put_device": "arg0->kobj.kref",
	"try_module_get": "arg0->refcnt", "module_put": "arg0->refcnt",
	"__pm_runtime_resume": _rpm, "__pm_runtime_suspend": _rpm, "__pm_runtime_idle": _rpm,
	"percpu_ref_get_many": "arg0", "percpu_ref_put_many": "arg0",
}

# The core reference, runtime-PM and list helpers are static inlines of
# include/linux: their bodies decide when the tree has its headers.  When
# it does not (a driver tree of its own, a header the search misses),
# these describe them, so that a get and its put still pair up.
_ABSENT = {
	"kref_get": "arg0", "kref_get_unless_zero": "arg0", "kref_put": "arg0",
	"kref_put_mutex": "arg0", "kref_put_lock": "arg0",
	"refcount_inc": "arg0", "refcount_inc_not_zero": "arg0", "refcount_add": "arg0",
	"refcount_dec": "arg0", "refcount_dec_and_test": "arg0",
	"refcount_sub_and_test": "arg0",
	"get_file": "arg0->f_count", "fput": "arg0->f_count",
	"pm_runtime_get": "arg0->power.usage_count",
	"pm_runtime_get_sync": "arg0->power.usage_count",
	"pm_runtime_resume_and_get": "arg0->power.usage_count",
	"pm_runtime_get_noresume": "arg0->power.usage_count",
	"pm_runtime_put": "arg0->power.usage_count",
	"pm_runtime_put_sync": "arg0->power.usage_count",
	"pm_runtime_put_autosuspend": "arg0->power.usage_count",
	"pm_runtime_put_noidle": "arg0->power.usage_count",
	"percpu_ref_get": "arg0", "percpu_ref_put": "arg0",
}


def absent(name, args):
	"""The effects of a call whose body is not in the tree, or None."""
	if name in ("list_add", "list_add_tail", "list_add_rcu", "list_add_tail_rcu"):
		return [("publish", "arg0")]
	if name in _ABSENT:
		return [("count", _ABSENT[name])]
	return None


def primitive(name, args):
	"""The effects of a call to a table function, or None if not in the table."""
	if name in _LOCKS:
		kind, i = _LOCKS[name]
		obj = "arg%d" % i if i is not None else name.replace("unlock", "lock")
		return [(kind, obj)]
	if _COUNT.match(name):
		return [("count", "arg0")]
	if name in _REFS:
		r = _REFS[name]
		return r(args) if callable(r) else [("count", r)]
	if _ALLOC.match(name):
		return [("alloc", name)]
	if _NONE.match(name):
		return []
	return None


# ---------------------------------------------------------------------
# Reading C: comments and strings out, tokens, bodies.
# ---------------------------------------------------------------------

_TOKEN = re.compile(r"""
	(?P<id>[A-Za-z_]\w*) | (?P<num>\d[\w.]*) |
	(?P<op>->|\+\+|--|<<=|>>=|[-+*/%&|^]=|==|!=|<=|>=|&&|\|\||<<|>>|\.\.\.|[^\s\w])
""", re.X)

KEYWORDS = set("""
if else while for do switch case default return goto break continue sizeof
typeof __typeof__ __typeof _Static_assert static_assert struct union enum
const volatile static inline extern unsigned signed int long short char void
bool _Bool float double __always_inline noinline __must_check likely unlikely
asm __asm__ volatile __volatile__ __builtin_expect __attribute__ typeof_member _Generic
offsetof container_of __same_type BUILD_BUG_ON_ZERO
""".split())


_LEXEMES = re.compile(r"/\*.*?(?:\*/|\Z)|//[^\n]*|\"(?:\\.|[^\"\\])*(?:\"|\Z)|'(?:\\.|[^'\\])*(?:'|\Z)",
		      re.S)


def _blank(m):
	t = m.group(0)
	if t[0] == "/":
		return re.sub(r"[^\n]", " ", t)
	q = t[0]
	return q + " " * max(0, len(t) - 2) + (q if len(t) > 1 and t.endswith(q) else " ")


# After a newline: the name of a #define, or a line at the left margin
# (starting with a letter).  A search that starts with a literal newline
# skips from line to line; one anchored at ^ tries every character.
_LINE_START = re.compile(r"\n(?:[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)|([A-Za-z_][^\n]*))")
_CALLED = re.compile(r"([A-Za-z_]\w*)\s*\(")


def strip(text):
	"""Comments and string/char literals blanked; newlines kept."""
	return _LEXEMES.sub(_blank, text)


def tokens(text):
	return [m.group(0) for m in _TOKEN.finditer(text)]


def match_close(toks, i, o="(", c=")"):
	"""Index of the token closing toks[i] (an opening o), or len(toks).
	toks may be a text: its characters are the tokens."""
	d = 0
	for j in range(i, len(toks)):
		if toks[j] == o:
			d += 1
		elif toks[j] == c:
			d -= 1
			if d == 0:
				return j
	return len(toks)


def match_open(seq, i, o="(", c=")"):
	"""Index of the o opening seq[i] (a closing c), or -1."""
	d = 0
	while i >= 0:
		if seq[i] == c:
			d += 1
		elif seq[i] == o:
			d -= 1
			if d == 0:
				return i
		i -= 1
	return -1


def split_text(s):
	"""split_args() over the characters of a text: the parts, stripped
	("f(a, b)," is ["f(a, b)", ""]: a part left empty is kept)."""
	return ["".join(p).strip() for p in split_args(s)]


def split_args(toks):
	"""The top-level comma-separated arguments of a token list (or of the
	characters of a text): lists of tokens.  Every bracket kind nests."""
	out, cur, d = [], [], 0
	for t in toks:
		if t in "([{":
			d += 1
		elif t in ")]}":
			d -= 1
		if t == "," and d == 0:
			out.append(cur)
			cur = []
		else:
			cur.append(t)
	if cur or out:
		out.append(cur)
	return out


def text_of(toks):
	s = " ".join(toks)
	s = re.sub(r"\s*(->|\.|\[|\]|\(|\))\s*", r"\1", s)
	return re.sub(r"\s*&\s*", "&", s)


_DEF = re.compile(r"(?:^|[\s*])(?P<name>[A-Za-z_]\w*)\s*\((?P<params>[^;{}()]*(?:\([^()]*\)[^;{}()]*)*)\)\s*(?:__\w+(?:\([^()]*\))?\s*)*\{", re.M)
_ALIAS = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(?P<name>[A-Za-z_]\w*)[ \t]+(?P<to>[A-Za-z_]\w*)[ \t]*$", re.M)
_DIRECTIVE = re.compile(r"^[ \t]*#.*$", re.M)
_MACRO = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(?P<name>[A-Za-z_]\w*)\((?P<params>[^)]*)\)(?P<body>(?:[^\n]*\\\n)*[^\n]*)", re.M)


class Source:
	"""The function and macro definitions of one file.  funcs maps a name
	to its definition (params, ptext, body, line, macro, file): the first
	function of that name whose braces close, else its first function-like
	macro.  A definition is built the first time it is asked for: a run
	asks for a few names of a file, which may define hundreds."""

	def __init__(self, path, text=None):
		self.path = path
		if text is None:
			with open(path, encoding="utf-8", errors="replace") as fp:
				text = fp.read()
		self.raw = text
		self.text = strip(text)
		self._nl = None
		self._braces = [(m.start(), m.group(0)) for m in re.finditer(r"[{}]", self.text)]
		self._bpos = [b[0] for b in self._braces]
		self._defs = {}		# name -> its _DEF matches, in order
		for m in _DEF.finditer(self.text):
			name = m.group("name")
			if name not in KEYWORDS:
				self._defs.setdefault(name, []).append(m)
		self._macros = {}	# name -> its first _MACRO match
		for m in _MACRO.finditer(self.text):
			self._macros.setdefault(m.group("name"), m)
		self.funcs = _Funcs(self)
		self.aliases = {}
		for m in _ALIAS.finditer(self.text):
			self.aliases.setdefault(m.group("name"), m.group("to"))

	def _line(self, pos):
		if self._nl is None:
			self._nl = [m.start() for m in re.finditer(r"\n", self.text)]
		return bisect.bisect_left(self._nl, pos) + 1

	def definition(self, name):
		"""The definition of name in funcs, or None."""
		for m in self._defs.get(name, ()):
			start = m.end() - 1
			end = self._brace_end(start)
			if end is None:
				continue
			return {"params": params_of(m.group("params")), "ptext": m.group("params"),
				"body": _DIRECTIVE.sub("", self.text[start:end + 1]),
				"line": self._line(m.start("name")), "macro": False, "file": self.path}
		m = self._macros.get(name)
		if m is None:
			return None
		return {"params": [p.strip() for p in m.group("params").split(",") if p.strip()],
			"body": m.group("body").replace("\\\n", " "),
			"line": self._line(m.start("name")), "macro": True, "file": self.path}

	def _brace_end(self, i):
		"""The position of the brace closing the one at i, or None."""
		d = 0
		for k in range(bisect.bisect_left(self._bpos, i), len(self._braces)):
			j, c = self._braces[k]
			if c == "{":
				d += 1
			else:
				d -= 1
				if d == 0:
					return j
		return None


class _Funcs:
	"""Source.funcs: name in funcs, funcs[name], each worked out once."""

	def __init__(self, src):
		self._src = src
		self._memo = {}

	def get(self, name, default=None):
		if name not in self._memo:
			self._memo[name] = self._src.definition(name)
		d = self._memo[name]
		return default if d is None else d

	def __contains__(self, name):
		return self.get(name) is not None

	def __getitem__(self, name):
		d = self.get(name)
		if d is None:
			raise KeyError(name)
		return d


def params_of(text):
	"""The parameter names of a prototype's parameter list, with pointer-ness."""
	out = []
	for p in split_args(tokens(text)):
		ids = [t for t in p if re.match(r"[A-Za-z_]\w*$", t) and t not in KEYWORDS]
		if not ids or p == ["void"]:
			continue
		name = ids[-1]
		out.append(name + ("*" if "*" in p else ""))
	return out


# ---------------------------------------------------------------------
# Where bodies are: the file, the driver's folder, the tree's include/.
# ---------------------------------------------------------------------

class Tree:
	def __init__(self, root=None, cache=None):
		self.root = os.path.abspath(root) if root else None
		self.cache = cache
		self._index = None
		self._sources = {}
		self._raw = {}
		self._dirs = {}
		self._words = {}
		self._memo = {}

	def source(self, path):
		s = self._sources.get(path)
		if s is None and path not in self._sources:
			text = self.raw(path)
			s = Source(path, text) if text is not None else None
			self._sources[path] = s
		return s

	def raw(self, path):
		"""The text of path (cached), or None."""
		if path not in self._raw:
			try:
				with open(path, encoding="utf-8", errors="replace") as fp:
					self._raw[path] = fp.read()
			except OSError:
				self._raw[path] = None
		return self._raw[path]

	def _names(self, path, name):
		"""Whether path may define name: parsing a file costs, a look at
		its lines does not.  Kernel style starts a definition at the left
		margin ("static int foo(", "foo(" under its type) and a macro
		with #define: a superset of what Source finds."""
		w = self._words.get(path)
		if w is None:
			names = set()
			margin = []
			for defined, line in _LINE_START.findall("\n" + (self.raw(path) or "")):
				if defined:
					names.add(defined)
				else:
					margin.append(line)
			# Margin lines start with a letter: no match runs from
			# one into the next, so they are searched as one text.
			names.update(_CALLED.findall("\n".join(margin)))
			w = self._words[path] = frozenset(names)
		return name in w

	def index(self):
		"""name -> [paths under include/] of function and macro definitions."""
		if self._index is not None:
			return self._index
		self._index = {}
		if not self.root or not os.path.isdir(os.path.join(self.root, "include")):
			return self._index
		lines = self._ctags()
		for ln in lines:
			parts = ln.split("\t")
			if len(parts) >= 2:
				self._index.setdefault(parts[0], []).append(parts[1])
		return self._index

	def _ctags(self):
		inc = os.path.join(self.root, "include")
		key = hashlib.sha1(("%s %s" % (self.root, os.stat(inc).st_mtime)).encode()).hexdigest()[:16]
		cdir = self.cache or os.path.join(
			os.environ.get("MMPREP_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "mmprep"),
			"effects")
		cfile = os.path.join(cdir, "include-%s.tsv" % key)
		try:
			with open(cfile, encoding="utf-8") as fp:
				return fp.read().splitlines()
		except OSError:
			pass
		try:
			out = subprocess.run(
				["ctags", "-R", "-x", "--kinds-C=fd", "--languages=C", "--langmap=C:.h",
				 "--_xformat=%N\t%F", "include"],
				cwd=self.root, capture_output=True, text=True, check=True).stdout
		except (OSError, subprocess.CalledProcessError) as e:
			raise SystemExit("mmprep.effects: cannot index %s with ctags: %s" % (inc, e))
		lines = sorted(set(out.splitlines()))
		try:
			os.makedirs(cdir, exist_ok=True)
			tmp = cfile + ".%d" % os.getpid()
			with open(tmp, "w", encoding="utf-8") as fp:
				fp.write("\n".join(lines) + "\n")
			os.replace(tmp, cfile)
		except OSError:
			pass
		return lines

	def alias(self, name, near):
		"""What an object-like macro "#define name other" names, or None."""
		k = ("alias", name, near)
		if k not in self._memo:
			self._memo[k] = self._alias(name, near)
		return self._memo[k]

	def _alias(self, name, near):
		for p in self._places(name, near):
			if not self._names(p, name):
				continue
			s = self.source(p)
			if s is not None and name in s.funcs:
				return None
			if s is not None and name in s.aliases:
				return s.aliases[name]
		return None

	def find(self, name, near):
		"""The definition of name: in near (a path), its folder, include/."""
		k = ("find", name, near)
		if k not in self._memo:
			self._memo[k] = self._find(name, near)
		return self._memo[k]

	def _find(self, name, near):
		for p in self._places(name, near):
			if not self._names(p, name):
				continue
			s = self.source(p)
			if s is not None and name in s.funcs and not (s.funcs[name]["macro"] and
								     not s.funcs[name]["body"].strip()):
				return s.funcs[name]
		return None

	def _places(self, name, near):
		d = os.path.dirname(os.path.abspath(near))
		if d not in self._dirs:
			try:
				sibs = sorted(os.listdir(d))
			except OSError:
				sibs = []
			self._dirs[d] = [os.path.join(d, f) for f in sibs if f.endswith(".h")] + \
				[os.path.join(d, f) for f in sibs if f.endswith(".c")]
		places = [os.path.abspath(near)] + self._dirs[d]
		for rel in self.index().get(name, []):
			places.append(os.path.abspath(os.path.join(self.root, rel)))
		return list(dict.fromkeys(places))


# ---------------------------------------------------------------------
# The analysis.
# ---------------------------------------------------------------------

MAX_DEPTH = 12


class Analyzer:
	def __init__(self, tree):
		self.tree = tree
		self.memo = {}
		self.active = set()

	def effects_of(self, name, near, args=(), depth=0):
		"""The effects of one call name(args) made from a file near."""
		prim = primitive(name, list(args))
		if prim is not None:
			return [subst(e, args) for e in prim]
		alias = self.tree.alias(name, near)
		if alias:
			return self.effects_of(alias, near, args, depth + 1)
		if depth > MAX_DEPTH or name in self.active:
			return [("unknown", name)]
		d = self.tree.find(name, near)
		if d is None:
			ab = absent(name, list(args))
			return [subst(e, args) for e in ab] if ab is not None else [("unknown", name)]
		consts = tuple((k, a) for k, a in enumerate(args) if CONST.match(a))
		key = (d["file"], name, consts)
		if key not in self.memo:
			self.active.add(name)
			try:
				self.memo[key] = self.body_effects(d, depth, dict(consts))
			finally:
				self.active.discard(name)
		out = []
		for e in self.memo[key]:
			e = subst(e, args)
			if e[0] == "call":
				if re.match(r"[A-Za-z_]\w*$", e[1]) and not re.match(r"arg\d+$", e[1]):
					if self.stacker(e[1], near):
						out.append(("stacks", e[1]))
					out += self.effects_of(e[1], near, [], depth + 1)
				elif re.match(r"arg\d+$", e[1]):
					out.append(e)
				else:
					out.append(("unknown", "a call through %s" % e[1]))
				continue
			out.append(e)
		return out

	def stacker(self, name, near):
		"""A call of name stacks another file's mmap: a dispatcher
		(STACKERS), or a function named *_mmap that is an mmap
		implementation itself (a file and a VMA) or whose body is not in
		the tree.  A *_mmap function of the tree that takes the VMA with
		other parameters is a helper: what it stacks, its body says."""
		if name in STACKERS:
			return True
		if not re.search(r"(^|_)mmap$", name):
			return False
		d = self.tree.find(name, near)
		if d is None or d.get("macro") or "ptext" not in d:
			return True
		return bool(re.match(r"\s*(const\s+)?struct\s+file\s*\*\s*\w*\s*,\s*struct\s+vm_area_struct\s*\*\s*\w*\s*$",
				     d["ptext"]))

	def body_effects(self, d, depth, consts=None):
		"""Effects of a body, its parameters named arg0, arg1..."""
		params = [p.rstrip("*") for p in d["params"]]
		pointers = {p.rstrip("*") for p in d["params"] if p.endswith("*")}
		toks = tokens(d["body"])
		# a parameter, not a member of the same name (next->prev in __list_add())
		toks = [("arg%d" % params.index(t)) if t in params and
			(k == 0 or toks[k - 1] not in ("->", ".")) else t
			for k, t in enumerate(toks)]
		for k, v in (consts or {}).items():
			toks = [v if t == "arg%d" % k else t for t in toks]
			toks = prune_switch(toks, v, v)
		ptrargs = {"arg%d" % params.index(p) for p in pointers}
		return analyze(toks, d["file"], self, depth, ptrargs, macro=d["macro"])

	def verdict(self, effs):
		return verdict(effs)


CONST = re.compile(r"^([A-Z][A-Z0-9_]*|\d+|true|false)$")


def prune_switch(toks, arg, value):
	"""A switch on a parameter bound to a constant keeps only its case."""
	out = list(toks)
	i = 0
	while i + 4 < len(out):
		if out[i] == "switch" and out[i + 1] == "(" and out[i + 2] == value and \
		   out[i + 3] == ")" and out[i + 4] == "{":
			end = match_close(out, i + 4, "{", "}")
			body = out[i + 5:end]
			labels = [j for j in range(len(body) - 2) if body[j] == "case" and
				  body[j + 1] == value and body[j + 2] == ":"]
			if not labels:
				labels = [j for j in range(len(body) - 1) if body[j] == "default" and
					  body[j + 1] == ":"]
			kept = []
			if labels:
				kept = body[labels[0]:]
				d = 0
				for j, t in enumerate(kept):
					if t in "({[":
						d += 1
					elif t in ")}]":
						d -= 1
					elif t == "break" and d == 0:
						kept = kept[:j]
						break
				kept = [t for t in kept if t not in ("case", "default")]
			out = out[:i] + ["{"] + kept + ["}"] + out[end + 1:]
		i += 1
	return out


STACKERS = {"vfs_mmap", "call_mmap", "backing_file_mmap", "compat_vma_mmap"}


def subst(e, args):
	"""An effect of a callee in terms of its caller's argument texts."""
	kind, obj = e[0], e[1]
	if not isinstance(obj, str):
		return e
	def rep(m):
		i = int(m.group(1))
		if i < len(args):
			a = args[i]
			return "(%s)" % a if re.search(r"[^\w>.\-&*\[\]]", a) else a
		return m.group(0)
	return (kind, re.sub(r"\barg(\d+)\b", rep, obj)) + tuple(e[2:])


def norm_obj(s):
	"""A lock or counter object, written the same way whatever the spelling."""
	s = re.sub(r"\s+", "", s)
	while s.startswith("(") and s.endswith(")") and match_close(list(s), 0) == len(s) - 1:
		s = s[1:-1]
	s = re.sub(r"^&\*", "", s)
	s = re.sub(r"\(\*(\w+)\)\.", r"\1->", s)
	s = re.sub(r"&\(([^()]*)\)", r"&\1", s)
	return s


def analyze(toks, near, an, depth, ptrargs=(), macro=False):
	"""Effects of a token stream (a body), lock pairs removed when paired."""
	effs = []
	events = []		# (index, kind, obj) of lock events
	locals_ = declared_locals(toks)
	n = len(toks)
	i = 0
	while i < n:
		t = toks[i]
		nxt = toks[i + 1] if i + 1 < n else ""
		# a call
		if re.match(r"[A-Za-z_]\w*$", t) and nxt == "(" and t not in KEYWORDS:
			prev = toks[i - 1] if i else ""
			close = match_close(toks, i + 1)
			args = [text_of(a) for a in split_args(toks[i + 2:close])]
			if prev in ("->", "."):
				if re.search(r"(^|_)mmap$", t):
					# another file's (->f_op->mmap()) or another hook type's
					via = "->f_op" if i > 1 and toks[i - 2] == "f_op" else ""
					effs.append(("stacks", "%s%s%s()" % (via, prev, t)))
				effs.append(("unknown", "a call through %s%s" % (prev, t)))
				i += 2
				continue
			if prev in ("struct", "union", "enum") or (prev == "" and not macro):
				i += 1
				continue
			if re.match(r"arg\d+$", t):
				# a macro's or a function's parameter called: resolved
				# where the caller's argument is known
				effs.append(("call", t))
				i += 2
				continue
			if prev != "define" and an.stacker(t, near):
				effs.append(("stacks", t))
			sub = list(dict.fromkeys(an.effects_of(t, near, args, depth + 1)))
			pure = all(e[0] in ("lock", "unlock", "trylock") for e in sub)
			for e in sub:
				if e[0] in ("lock", "unlock", "trylock"):
					if pure:
						events.append((i, e[0], norm_obj(e[1]), close))
				else:
					effs.append(e)
			i += 2
			continue
		# a call through a pointer: (*fn)(...) or fn_ptr(...) where fn_ptr is a parameter
		if t == ")" and nxt == "(" and i > 1 and toks[i - 2] == "*":
			effs.append(("unknown", "a call through a function pointer"))
		# increments and compound assignments of memory that outlives the call
		if t in ("++", "--"):
			lv = lvalue_before(toks, i) if i and re.match(r"[\w\])]", toks[i - 1]) else \
				lvalue_after(toks, i + 1)
			if lv and not is_local(lv, locals_):
				effs.append(("count", text_of(lv)))
		elif t in ("+=", "-=", "|=", "&=", "^=", "=") and i:
			lv = lvalue_before(toks, i)
			if lv and not is_local(lv, locals_):
				rhs = rhs_after(toks, i + 1)
				if t in ("+=", "-="):
					effs.append(("count", text_of(lv)))
				elif t == "=" and len(rhs) == 1 and rhs[0] in ptrargs and \
				     any(x in ("->", "*", "[") for x in lv):
					effs.append(("publish", "%s = %s" % (text_of(lv), rhs[0])))
		i += 1
	effs += pair_locks(toks, events)
	# allocations freed in the same function are not kept
	if any(e[0] == "alloc" for e in effs) and re.search(r"\b(kfree|kvfree|vfree)\b", " ".join(toks)):
		effs = [e for e in effs if e[0] != "alloc"]
	return effs


def declared_locals(toks):
	"""Names declared in a body (a type, then the name, then = ; , or [)."""
	out = set()
	for i in range(1, len(toks) - 1):
		if re.match(r"[A-Za-z_]\w*$", toks[i]) and toks[i + 1] in ("=", ";", ",", "[") and \
		   (re.match(r"[A-Za-z_]\w*$", toks[i - 1]) or toks[i - 1] == "*") and \
		   toks[i - 1] not in ("return", "goto", "case", "else") and \
		   not toks[i].startswith("arg"):
			j = i - 1
			while j >= 0 and toks[j] == "*":
				j -= 1
			if j >= 0 and re.match(r"[A-Za-z_]\w*$", toks[j]) and toks[j] not in ("return",):
				out.add(toks[i])
	return out


def lvalue_before(toks, i):
	"""The tokens of the expression that ends right before index i."""
	j = i - 1
	out = []
	while j >= 0:
		t = toks[j]
		if t in (")", "]"):
			k = match_open(toks, j, "(" if t == ")" else "[", t)
			# the condition of an if/while/for, or a cast, ends the lvalue
			if t == ")" and (k <= 0 or toks[k - 1] in KEYWORDS or
					 not re.match(r"[\w\])]", toks[k - 1]) and toks[k - 1] != "*"):
				if not (k > 0 and toks[k - 1] in ("(", "*", ",", "=", ";", "{", "}", "!")):
					break
				if k + 1 < len(toks) and toks[k + 1] not in ("*",):
					break
			out = toks[k:j + 1] + out
			j = k - 1
			continue
		if re.match(r"\w+$", t) or t in ("->", ".", "*"):
			if t == "*" and j > 0 and re.match(r"[\w)\]]", toks[j - 1]):
				break
			out.insert(0, t)
			j -= 1
			continue
		break
	return out


def lvalue_after(toks, i):
	out = []
	while i < len(toks) and (re.match(r"\w+$", toks[i]) or toks[i] in ("->", ".", "*")):
		out.append(toks[i])
		i += 1
	return out


def rhs_after(toks, i):
	out = []
	d = 0
	while i < len(toks):
		t = toks[i]
		if t in "([{":
			d += 1
		elif t in ")]}":
			if d == 0:
				break
			d -= 1
		elif t in (";", ",") and d == 0:
			break
		out.append(t)
		i += 1
	return out


def is_local(lv, locals_):
	"""An lvalue that is not memory reached through a pointer.  A plain
	name is taken for a local or a parameter (a file-scope variable
	written by name is not seen: a limit of reading tokens)."""
	base = [t for t in lv if t not in ("(", ")")]
	if not base:
		return True
	return not any(t in ("->", "*") for t in base)


def pair_locks(toks, events):
	"""The lock events of a body that are not paired on every way out."""
	out = []
	used = set()
	for a, (i, kind, obj, close) in enumerate(events):
		if kind not in ("lock", "trylock") or a in used:
			continue
		start = i
		if kind == "trylock":
			if i > 0 and toks[i - 1] == "return":
				out.append(("trylock", obj))
				continue
			# if (!trylock(x)) S: held after S; if (trylock(x)) S: held in S
			start = trylock_start(toks, i, close)
			if start is None:
				# a trylock retried until it succeeds (wait_event()):
				# held from there on
				start = close
		rel = [b for b, ev in enumerate(events) if b > a and b not in used and
		       ev[1] == "unlock" and ev[2] == obj and ev[0] > start]
		if not rel:
			out.append(("lock", obj))
			continue
		b = rel[0]
		j = events[b][0]
		if not exits_released(toks, start, j, obj, events):
			out.append(("lock", obj))
			used.add(b)
			continue
		used.add(b)
		# a later unlock of the same object on another way out is part of the pair
		for c in rel[1:]:
			used.add(c)
	for b, (i, kind, obj, close) in enumerate(events):
		if kind == "unlock" and b not in used:
			out.append(("unlock", obj))
	return out


def trylock_start(toks, i, close):
	"""Where a trylock at i holds its lock from, or None."""
	j = i - 1
	neg = False
	while j >= 0 and toks[j] in ("!", "("):
		if toks[j] == "!":
			neg = True
		j -= 1
	if j < 0 or toks[j] != "if":
		return None
	cond_end = match_close(toks, j + 1)
	if not neg:
		return cond_end
	# the statement after the condition
	k = cond_end + 1
	if k < len(toks) and toks[k] == "{":
		return match_close(toks, k, "{", "}")
	while k < len(toks) and toks[k] != ";":
		k += 1
	return k


def exits_released(toks, start, end, obj, events):
	"""Every return and goto between start and end is preceded by a release."""
	rel_pos = [ev[0] for ev in events if ev[1] == "unlock" and ev[2] == obj]
	for k in range(start + 1, end):
		if toks[k] == "return":
			bstart = block_start(toks, k)
			if not any(bstart < p < k for p in rel_pos):
				return False
		elif toks[k] == "goto" and k + 1 < len(toks):
			label = toks[k + 1]
			lpos = label_pos(toks, label)
			if lpos is None:
				return False
			if lpos > end:
				nret = next_return(toks, lpos)
				if not any(lpos < p < nret for p in rel_pos):
					return False
	return True


def block_start(toks, k):
	d = 0
	for j in range(k, -1, -1):
		if toks[j] == "}":
			d += 1
		elif toks[j] == "{":
			if d == 0:
				return j
			d -= 1
	return 0


def label_pos(toks, label):
	for j in range(len(toks) - 1):
		if toks[j] == label and toks[j + 1] == ":" and (j == 0 or toks[j - 1] in (";", "{", "}", ":")):
			return j
	return None


def next_return(toks, k):
	for j in range(k, len(toks)):
		if toks[j] == "return":
			return j
	return len(toks)


def verdict(effs):
	"""(verdict, why) of a list of effects."""
	for kind in ("count", "alloc", "publish"):
		for e in effs:
			if e[0] == kind:
				what = {"count": "changes %s", "alloc": "allocates (%s) and keeps it",
					"publish": "stores a pointer into shared memory (%s)"}[kind]
				return "state", what % e[1]
	for e in effs:
		if e[0] in ("unknown", "call"):
			return "unknown", "%s: no body found" % e[1] if not e[1].startswith(("->", ".", "a ")) \
				else e[1]
	locks = [e for e in effs if e[0] in ("lock", "trylock")]
	unlocks = [e for e in effs if e[0] == "unlock"]
	if locks and not unlocks:
		return "lock", "takes %s" % locks[0][1]
	if unlocks and not locks:
		return "unlock", "releases %s" % unlocks[0][1]
	if locks:
		return "unknown", "takes and releases locks in an order not understood"
	return "none", ""


# ---------------------------------------------------------------------
# Hooks of a file and what the semantic patch needs to know about them.
# ---------------------------------------------------------------------

_BIND = re.compile(r"\.mmap\s*=\s*&?\s*([A-Za-z_]\w*)")
_VMOPS = re.compile(r"(\w+)\s*->\s*vm_ops\s*=\s*&\s*(\w+)")


def ops_close(src, ops):
	m = re.search(r"struct\s+vm_operations_struct\s+%s\s*=\s*\{(.*?)\};" % re.escape(ops),
		      src.text, re.S)
	if not m:
		return None
	c = re.search(r"\.close\s*=\s*&?\s*(\w+)", m.group(1))
	return c.group(1) if c else None


def summarize(effs, near=None):
	v, why = verdict(effs)
	out = {"verdict": v, "why": why,
	       "counts": sorted({count_key(e[1]) for e in effs if e[0] == "count"})}
	st = [e[1] for e in effs if e[0] == "stacks"]
	if st:
		out["stacks"] = st[0]
	return out


def count_key(obj):
	"""A counter named by the members that reach it (the object's own name dropped)."""
	s = norm_obj(obj).lstrip("&*")
	s = s[s.rfind(")") + 1:]
	m = re.search(r"(->|\.)", s)
	return s[m.start():] if m else s


def call_key(name, args):
	"""A call's key when some argument is a constant: "f|,FLAG"."""
	if not any(CONST.match(a) for a in args):
		return name
	return name + "|" + ",".join(a if CONST.match(a) else "" for a in args)


def file_effects(path, tree, an=None, extra=()):
	"""The functions the .mmap hooks of path call (and those of the hooks
	named in extra, bound in other files), and the hooks' own lock pairing."""
	an = an or Analyzer(tree)
	src = tree.source(os.path.abspath(path))
	out = {"functions": {}, "calls": {}, "hooks": {}}
	if src is None:
		return out
	hooks = [h for h in dict.fromkeys(_BIND.findall(src.text) + list(extra)) if h in src.funcs]
	for h in hooks:
		d = src.funcs[h]
		toks = tokens(d["body"])
		calls = set()
		for _, name, argtoks, _ in _call_sites(toks):
			calls.add(name)
			args = [text_of(a) for a in argtoks]
			ck = call_key(name, args)
			if ck != name and ck not in out["calls"]:
				out["calls"][ck] = summarize(an.effects_of(name, src.path, args, 1))
		for c in sorted(calls):
			if c in out["functions"]:
				continue
			effs = an.effects_of(c, src.path, [], 1)
			if c in STACKERS:
				effs.append(("stacks", c))
			s = summarize(effs)
			dd = tree.find(c, src.path)
			if dd is not None:
				s["def"] = "%s:%d" % (os.path.relpath(dd["file"], tree.root) if tree.root else dd["file"], dd["line"])
			out["functions"][c] = s
		effs = analyze(toks, src.path, an, 1)
		locks = [e for e in effs if e[0] in ("lock", "unlock")]
		close_counts = []
		for _, ops in _VMOPS.findall(d["body"]):
			cl = ops_close(src, ops)
			if cl and cl in src.funcs:
				ce = an.effects_of(cl, src.path, ["vma"], 1)
				close_counts += [count_key(e[1]) for e in ce if e[0] == "count"]
		out["hooks"][h] = {
			"locks": "balanced" if not locks else "%s %s on some way out" % (
				"takes" if locks[0][0] == "lock" else "releases", locks[0][1]),
			"close_counts": sorted(set(close_counts)),
			"handles": handles(d["body"], toks),
		}

		def summary(fn, args):
			ck = call_key(fn, args)
			return out["calls"].get(ck) or out["functions"].get(fn)
		for fn, given in givebacks(toks, summary).items():
			hs = out["hooks"][h]["handles"].setdefault(fn, [])
			hs += [g for g in given if g not in hs]
	return out


_INT_DECL = re.compile(r"(?:^|[;{}])\s*(?:const\s+)?(?:(?:unsigned|signed|long|short|int|"
		       r"[us](?:8|16|32|64)|__[us](?:8|16|32|64))\s+)+([^;()*]*);")


def handles(body, toks):
	"""{release: [local]} of the hook's integer handles: a local of an
	integer type set from one call ("xid = get_xid();", "id =
	dax_read_lock();") and later passed alone to another call made as a
	statement ("free_xid(xid);").  That call gives back what the first
	took in the hook: it is not state the mapping keeps."""
	ints = set()
	for m in _INT_DECL.finditer(body):
		for part in split_args(tokens(m.group(1))):
			if part and re.match(r"[A-Za-z_]\w*$", part[0]):
				ints.add(part[0])
	taken = {}
	out = {}
	for i in range(len(toks) - 3):
		t = toks[i]
		if t in ints and toks[i + 1] == "=" and re.match(r"[A-Za-z_]\w*$", toks[i + 2]) and \
		   toks[i + 3] == "(" and toks[i + 2] not in KEYWORDS:
			taken.setdefault(t, (i, toks[i + 2]))
		elif re.match(r"[A-Za-z_]\w*$", t) and t not in KEYWORDS and toks[i + 1] == "(" and \
		     toks[i + 2] in taken and toks[i + 3] == ")" and \
		     i + 4 < len(toks) and toks[i + 4] == ";" and \
		     (i == 0 or toks[i - 1] in (";", "{", "}", ")", "else", ":")):
			at, fn = taken[toks[i + 2]]
			if at < i and fn != t:
				out.setdefault(t, [])
				if toks[i + 2] not in out[t]:
					out[t].append(toks[i + 2])
	return out


def _call_sites(toks):
	"""(start, name, [argument tokens], closing parenthesis) of each direct call."""
	out = []
	for i in range(len(toks) - 1):
		t = toks[i]
		if re.match(r"[A-Za-z_]\w*$", t) and toks[i + 1] == "(" and t not in KEYWORDS and \
		   (i == 0 or toks[i - 1] not in ("->", ".")):
			close = match_close(toks, i + 1)
			out.append((i, t, split_args(toks[i + 2:close]), close))
	return out


def _arg_names(args, res=None):
	"""The non-constant arguments of a call, without their "&"."""
	out = set()
	for a in args:
		a = "".join(a).lstrip("&")
		if a and not CONST.match(a):
			out.add(a)
	if res:
		out.add(res)
	return out


def _same_counter(ka, kb):
	"""Two count keys name the same member (reached from the object the
	two calls share, through the same members or others: a holder's
	->res->holders, the lock's ->holders)."""
	def member(k):
		return re.split(r"->|\.", re.sub(r"\[[^\]]*\]", "", k))[-1]
	return member(ka) == member(kb)


def _result_checked(toks, aend, res, k):
	"""The exit at k is in the "if" right after a call whose result is
	res, testing res (if (ret < 0) { ...; goto out; }): the call failed,
	nothing was taken."""
	s = aend + 1
	if not res or s >= len(toks) or toks[s] != "if" or toks[s + 1] != "(":
		return False
	cond_end = match_close(toks, s + 1)
	if res not in toks[s + 2:cond_end]:
		return False
	b = cond_end + 1
	if b < len(toks) and toks[b] == "{":
		end = match_close(toks, b, "{", "}")
	else:
		end = b
		while end < len(toks) and toks[end] != ";":
			end += 1
	return cond_end < k <= end


def givebacks(toks, summary):
	"""{function: [its arguments, without spaces]} of the calls of a hook
	that take and give back per-mapping-looking state within the hook: a
	call B made as a statement whose counters (summary(fn, args)["counts"])
	are all among those of an earlier call A of the same block, the two
	naming the same object (an argument, a holder passed by address, or
	A's result), with no way out between them but the test of A's result
	right after A.  ocfs2_inode_lock_atime(inode, .., &level, 1) ...
	ocfs2_inode_unlock(inode, level); gfs2_glock_nq_init(.., &gh) ...
	gfs2_glock_dq_uninit(&gh): a lock of the filesystem's own taken and
	released, like inode_lock()/inode_unlock(); what A changes besides
	(statistics, caches) is the lock's bookkeeping, not the mapping's."""
	sites = _call_sites(toks)
	n = len(toks)
	out = {}
	for bi, (i, fn, args, close) in enumerate(sites):
		if close + 1 >= n or toks[close + 1] != ";" or \
		   (i > 0 and toks[i - 1] not in (";", "{", "}", ":")):
			continue
		sb = summary(fn, ["".join(a) for a in args])
		if not sb or sb.get("verdict") != "state" or not sb.get("counts"):
			continue
		for j, afn, aargs, aclose in reversed(sites[:bi]):
			if afn == fn or block_start(toks, j) != block_start(toks, i):
				continue
			sa = summary(afn, ["".join(a) for a in aargs])
			if not sa or sa.get("verdict") != "state" or \
			   not all(any(_same_counter(ka, kb) for ka in sa.get("counts", ()))
				   for kb in sb["counts"]):
				continue
			res = None
			if j >= 2 and toks[j - 1] == "=" and re.match(r"[A-Za-z_]\w*$", toks[j - 2]) and \
			   (j < 3 or toks[j - 3] in (";", "{", "}")):
				res = toks[j - 2]
			elif j > 0 and toks[j - 1] not in (";", "{", "}", ":"):
				continue	# A's value used in an expression
			if not _arg_names(aargs, res) & _arg_names(args):
				continue
			aend = aclose + 1
			if aend >= n or toks[aend] != ";":
				continue
			if any(toks[k] in ("return", "goto") and not _result_checked(toks, aend, res, k)
			       for k in range(aend + 1, i)):
				continue
			for f, a in ((fn, args), (afn, aargs)):
				g = ",".join("".join(x) for x in a)
				out.setdefault(f, [])
				if g not in out[f]:
					out[f].append(g)
			break
	return out


RANK = {"state": 4, "unknown": 3, "lock": 2, "unlock": 2, "none": 0}


def merge(into, new):
	"""Two files' results, the more cautious verdict of a name winning."""
	for part in ("functions", "calls"):
		for name, s in new[part].items():
			old = into[part].get(name)
			if old is None or RANK[s["verdict"]] > RANK[old["verdict"]]:
				into[part][name] = s
	for name, h in new["hooks"].items():
		old = into["hooks"].get(name)
		if old is None or (old["locks"] == "balanced" and h["locks"] != "balanced"):
			into["hooks"][name] = h
	return into


def main(argv):
	import argparse
	ap = argparse.ArgumentParser(prog="python3 -m mmprep.effects",
				     description="Effects of the calls in .mmap hooks, as JSON.")
	ap.add_argument("--tree", help="top of the kernel tree (its include/ is read)")
	ap.add_argument("files", nargs="+", metavar="FILE")
	a = ap.parse_args(argv)
	if a.tree and not os.path.isdir(a.tree):
		sys.stderr.write("mmprep.effects: %s: not a folder\n" % a.tree)
		return 2
	for f in a.files:
		if not os.path.isfile(f):
			sys.stderr.write("mmprep.effects: %s: no such file\n" % f)
			return 2
	tree = Tree(a.tree)
	an = Analyzer(tree)
	out = {"functions": {}, "calls": {}, "hooks": {}}
	for f in a.files:
		merge(out, file_effects(f, tree, an))
	sys.stdout.write(json.dumps(out, sort_keys=True) + "\n")
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
