# SPDX-License-Identifier: GPL-2.0
"""mmprep-series: the conversion of a tree as a patch series a maintainer would apply.

One run of mmprep-convert over the PATHs; its change is split into one patch
per conversion group (a driver's hooks; everything a group changes together),
ordered so that no patch comes before one it needs, and written in
git format-patch form: commit messages that tell a reviewer what changed and
why, Signed-off-by from git config, an optional cover letter with the counts of
the records, and To:/Cc: from the tree's get_maintainer.pl.  With --verify,
every patch is applied in order on a copy of the tree and the files it touches
are compiled after it.  Nothing is ever sent, and the tree is never written.
"""

import collections
import concurrent.futures
import email.utils
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time

from mmprep import api, kbuild

PROG = 'mmprep-series'
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEVELS = tuple(name for name, _ in api.LEVELS)
WRAP = 72

USAGE = """\
Usage: mmprep-series [--api=LEVEL] [-o DIR] [--base REV] [--cover] [--to-cc]
                     [--json] [--verify BUILD_DIR] [-j N] PATH...

Run at the top of a kernel tree (git or not).  Converts the .mmap hooks of
PATH... with mmprep-convert and writes the change as a patch series, one
patch per conversion group, in git format-patch form.

  --api=LEVEL        API level of the conversion: 6.19, 7.0, 7.1 or 7.2
                     (default 7.2)
  -o DIR             write the patches to DIR (default: the current folder)
  --base REV         record REV as the series' base-commit (a git tree whose
                     files the series touches are as in REV)
  --cover            also write 0000-cover-letter.patch: the counts per rule
                     and per subsystem, and what was left for a human and why
  --to-cc            To: and Cc: of each patch from scripts/get_maintainer.pl
                     (b4 and git send-email read them; nothing is sent)
  --json             print the converter's records, each converted hook with
                     the patch that holds it, instead of the file names
  --verify BUILD_DIR apply the patches in order on a copy of the tree and
                     compile the files each one touches, with the .config of
                     the O= folder BUILD_DIR (on 6.12 through the API backport)
  --obsolete         also write patches for files that MAINTAINERS marks
                     obsolete (left out by default: checkpatch asks for no
                     unnecessary changes there; the cover letter lists them)
  -j N               parallel jobs for the converter and make (default: nproc)

Exit status: 0 the series was written (and compiled), 1 a file the converter
could not handle or a patch that does not compile, 2 usage or setup error.
"""


class Fatal(Exception):
    """A one-line error: exit status 2."""


def die(msg):
    raise Fatal(msg)


def say(msg):
    print('%s: %s' % (PROG, msg), file=sys.stderr)


def run(cmd, cwd=None, env=None, check=True):
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                       errors='replace')
    if check and p.returncode != 0:
        first = (p.stderr.strip().splitlines() or ['exit %d' % p.returncode])[-1]
        die('%s failed: %s' % (os.path.basename(cmd[0]) if cmd[0] != 'git' else
                               'git ' + cmd[1], first))
    return p


# ---------------------------------------------------------------- arguments

def parse_args(argv):
    opt = {'api': api.DEFAULT, 'out': '.', 'base': None, 'cover': False, 'to_cc': False,
           'json': False, 'obsolete': False, 'verify': None, 'jobs': os.cpu_count() or 1, 'paths': []}
    valued = {'--api': 'api', '-o': 'out', '--output-directory': 'out', '--base': 'base',
              '--verify': 'verify', '-j': 'jobs', '--jobs': 'jobs'}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--':
            opt['paths'] += argv[i + 1:]
            break
        if a in ('-h', '--help'):
            sys.stdout.write(USAGE)
            sys.exit(0)
        if a in ('--cover', '--cover-letter'):
            opt['cover'] = True
        elif a == '--to-cc':
            opt['to_cc'] = True
        elif a == '--json':
            opt['json'] = True
        elif a == '--obsolete':
            opt['obsolete'] = True
        elif a in valued:
            if i + 1 >= len(argv):
                die('%s needs a value (see --help)' % a)
            opt[valued[a]] = argv[i + 1]
            i += 1
        elif a.startswith('--') and '=' in a and a.split('=', 1)[0] in valued:
            k, v = a.split('=', 1)
            opt[valued[k]] = v
        elif re.match(r'^-j[0-9]+$', a):
            opt['jobs'] = a[2:]
        elif a.startswith('-') and a != '-':
            die("unknown option '%s' (see --help)" % a)
        else:
            opt['paths'].append(a)
        i += 1
    if opt['api'] not in LEVELS:
        die("unknown API level '%s' (%s or %s)" % (opt['api'], ', '.join(LEVELS[:-1]),
                                                   LEVELS[-1]))
    if not re.match(r'^[1-9][0-9]*$', str(opt['jobs'])):
        die("-j takes a positive number, not '%s'" % opt['jobs'])
    opt['jobs'] = int(opt['jobs'])
    if not opt['paths']:
        die('no PATH given (see --help)')
    if opt['base'] is not None and not opt['base']:
        die('--base needs a revision')
    return opt


# ---------------------------------------------------------------- the tree

def check_tree(top):
    missing = [f for f in ('MAINTAINERS', 'Makefile', 'Kbuild')
               if not os.path.isfile(os.path.join(top, f))]
    if missing:
        die('%s is not the top of a kernel tree (no %s): run mmprep-series there'
            % (top, ', '.join(missing)))


def rel_paths(top, paths):
    out = []
    for p in paths:
        a = os.path.normpath(os.path.join(top, p))
        if a != top and not a.startswith(top + os.sep):
            die('%s: outside the kernel tree %s' % (p, top))
        if not os.path.exists(a):
            die('%s: no such file or directory' % p)
        out.append(os.path.relpath(a, top))
    return out


def git_worktree(top):
    """The top of the git work tree holding TOP, or None."""
    p = run(['git', 'rev-parse', '--show-toplevel'], cwd=top, check=False)
    if p.returncode != 0:
        return None
    return os.path.realpath(p.stdout.strip())


def identity(top, in_git):
    """(name, email) for From: and Signed-off-by: git config (GIT_AUTHOR_* override)."""
    def conf(key):
        p = run(['git', 'config', key], cwd=top if in_git else None, check=False)
        return p.stdout.strip() if p.returncode == 0 else ''
    name = os.environ.get('GIT_AUTHOR_NAME') or conf('user.name')
    mail = os.environ.get('GIT_AUTHOR_EMAIL') or conf('user.email')
    if not name or not mail:
        die('no %s for Signed-off-by: set it with git config --global %s'
            % ('user.name' if not name else 'user.email',
               'user.name "Your Name"' if not name else 'user.email you@example.org'))
    return name, mail


def check_outdir(out):
    try:
        os.makedirs(out, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix='.mmprep-series.', dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        die('cannot write in %s: %s' % (out, e.strerror or e))


# ---------------------------------------------------------------- the converter's diff

def lines_of(text):
    """TEXT's lines with their newlines, split at newlines only: kernel sources have form
    feeds, which str.splitlines() would take for line ends."""
    return re.findall(r'[^\n]*\n|[^\n]+$', text)


def parse_diff(text):
    """{path: [hunk]} of a unified diff (a/ b/ paths); a hunk is (old_start, old_len, lines)."""
    files = collections.OrderedDict()
    lines = lines_of(text)
    i = 0
    cur = None
    while i < len(lines):
        ln = lines[i]
        if ln.startswith('--- ') and i + 1 < len(lines) and lines[i + 1].startswith('+++ '):
            path = lines[i + 1][4:].rstrip('\n').split('\t')[0]
            if not path.startswith('b/'):
                die('internal: unexpected path in the converter diff: %s' % path)
            cur = files.setdefault(path[2:], [])
            i += 2
            continue
        m = re.match(r'^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@', ln)
        if m and cur is not None:
            old_len = int(m.group(2)) if m.group(2) is not None else 1
            new_len = int(m.group(4)) if m.group(4) is not None else 1
            body = []
            i += 1
            o = n = 0
            while i < len(lines) and (o < old_len or n < new_len or
                                      lines[i].startswith('\\')):
                h = lines[i]
                if h.startswith('\\'):
                    if body:
                        body[-1] = (body[-1][0], body[-1][1].rstrip('\n'))
                elif h[:1] in (' ', '-', '+') or h in ('\n',):
                    tag = h[:1] if h != '\n' else ' '
                    body.append((tag, h[1:] if h != '\n' else '\n'))
                    o += tag != '+'
                    n += tag != '-'
                else:
                    break
                i += 1
            cur.append((int(m.group(1)), old_len, body))
            continue
        i += 1
    return files


def apply_hunks(path, old, hunks):
    src = lines_of(old)
    out = []
    pos = 0
    for start, old_len, body in hunks:
        at = start - 1 if old_len else start
        if at < pos:
            die('internal: overlapping hunks in the converter diff of %s' % path)
        out += src[pos:at]
        pos = at
        for tag, text in body:
            if tag in (' ', '-'):
                if pos >= len(src) or src[pos] != text:
                    die('internal: the converter diff of %s does not match the file' % path)
                pos += 1
            if tag in (' ', '+'):
                out.append(text)
    out += src[pos:]
    return ''.join(out)


def convert(top, paths, opt):
    conv = os.environ.get('MMPREP_SERIES_CONVERT') or os.path.join(HERE, 'mmprep-convert')
    tmp = tempfile.mkdtemp(prefix='mmprep-series.')
    try:
        recf = os.path.join(tmp, 'records.json')
        cmd = [conv, '--diff', '--api=' + opt['api'], '-j', str(opt['jobs']),
               '--records=' + recf, '--'] + paths
        p = subprocess.run(cmd, cwd=top, capture_output=True, text=True, errors='replace')
        sys.stderr.write(p.stderr)
        if p.returncode >= 2 or not os.path.exists(recf):
            die('mmprep-convert failed (exit %d)' % p.returncode)
        records = []
        with open(recf, encoding='utf-8') as f:
            for ln in f:
                if ln.strip():
                    records.append(json.loads(ln))
        return p.stdout, records, p.returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read(path):
    with open(path, encoding='utf-8', errors='surrogateescape', newline='') as f:
        return f.read()


# ---------------------------------------------------------------- groups

class Patch:
    def __init__(self, files):
        self.files = sorted(files)
        self.records = []      # converted records of the group
        self.others = []       # records of its files that were not converted
        self.subject = ''
        self.prefix = ''
        self.number = 0
        self.name = ''
        self.message = ''
        self.to = []
        self.cc = []


class Union:
    def __init__(self, items):
        self.up = {i: i for i in items}

    def find(self, x):
        while self.up[x] != x:
            self.up[x] = self.up[self.up[x]]
            x = self.up[x]
        return x

    def join(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.up[max(a, b)] = min(a, b)


IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
# the arch/ folders of the build --verify compiles in
X86 = frozenset(('x86',))


def changed_lines(old, new):
    """The lines of OLD and NEW that the other does not have (a cheap, exact enough diff)."""
    a = collections.Counter(old.split('\n'))
    b = collections.Counter(new.split('\n'))
    return list((a - b).elements()) + list((b - a).elements())


def new_name(fn):
    return fn if fn.endswith('prepare') else fn + '_prepare'


def one_driver(top, d):
    """Whether the changed files of folder D are one driver: a file system's folder,
    or a folder whose Makefile builds one object (the files of a composite module)."""
    parts = d.split('/')
    if parts[0] == 'fs' and len(parts) > 1:
        return True
    for name in ('Kbuild', 'Makefile'):
        path = os.path.join(top, d, name)
        if os.path.isfile(path):
            text = read(path).replace('\\\n', ' ')
            objs = set()
            for m in re.finditer(r'^[ \t]*obj-[^\s:+=]*[ \t]*[:+]?=(.*)$', text, re.M):
                objs.update(w for w in m.group(1).split() if w.endswith('.o'))
            return len(objs) == 1
    return False


def prepares(p, changes):
    """The patch turns ->f_op->mmap tests into can_mmap_file() (R19)."""
    plus, minus = plus_minus(p, changes)
    return any('can_mmap_file(' in ln for ln in plus) and \
        any(re.search(r'->f_op->mmap\b(?!_)', ln) for ln in minus)


def make_groups(top, changes, records):
    """Patches of the changed files.  A file's hooks stay together, and with them: the
    members of the records' groups (the planner's "group"), the files a global hook is
    renamed in (its "rename" records) and the changed files that name it (headers),
    the files of a nested hook type and of its bridges, and the files of one driver
    (one_driver).  A changed file that names no hook is a patch of its own."""
    files = list(changes)
    uf = Union(files)
    conv = [r for r in records if r.get('status') == 'converted' and r.get('file') in changes]
    # The planner's groups: records with the same "group" change together.
    grouped = collections.defaultdict(list)
    for r in records:
        if r.get('group') and r.get('file') in changes and \
           r.get('status') in ('converted', 'declined'):
            grouped[r['group']].append(r['file'])
    for fs in grouped.values():
        for f in fs[1:]:
            uf.join(fs[0], f)
    # a changed file with no record of its own (a header whose helper takes the
    # descriptor now) goes with the group its changed lines name
    for g, fs in grouped.items():
        kind, _, name = g.partition(':')
        if kind not in ('helper', 'hook') or not name:
            continue
        word = re.compile(r'\b%s\b' % re.escape(name))
        for f in files:
            if f not in fs and any(word.search(ln) for ln in changed_lines(*changes[f])):
                uf.join(fs[0], f)
    # Hooks that are not file_operations.mmap (nested hook types) change as one.
    by_hook = collections.defaultdict(list)
    for r in conv:
        if not r.get('hook', '').startswith('file_operations.'):
            by_hook[r['hook']].append(r['file'])
    for fs in by_hook.values():
        for f in fs[1:]:
            uf.join(fs[0], f)
    # The definition of a global hook, for its rename records: the file whose new text
    # defines fn_prepare( without "static".
    defines = {}
    for r in conv:
        if 'rename' in r.get('rule', '').split(','):
            continue
        nn = new_name(r['function'])
        pat = re.compile(r'^(?!static\b)[A-Za-z].*\b%s\(' % re.escape(nn), re.M)
        if pat.search(changes[r['file']][1]):
            defines.setdefault(r['function'], []).append(r['file'])
    for r in conv:
        if 'rename' in r.get('rule', '').split(','):
            for f in defines.get(r['function'], []):
                uf.join(f, r['file'])
    # Changed files without a converted hook of their own (headers, bridges of nested
    # hooks): with the hooks their changed lines name.
    names = collections.defaultdict(set)
    members = collections.defaultdict(set)
    for r in conv:
        names[r['function']].add(r['file'])
        names[new_name(r['function'])].add(r['file'])
        hook = r.get('hook', '')
        if '.' in hook and not hook.startswith('file_operations.'):
            names[hook.split('.')[0]].add(r['file'])
            members[hook.split('.', 1)[1]].add(r['file'])
    own = {r['file'] for r in conv}
    gdef = {f for fs in defines.values() for f in fs}
    for f in files:
        if f in own and not f.endswith('.h'):
            continue
        lines = changed_lines(*changes[f])
        idents = set()
        for ln in lines:
            idents.update(IDENT.findall(ln))
        hit = set()
        for i in idents:
            hit |= {g for g in names.get(i, ()) if g != f}
        if 'compat_set_desc_from_vma' in idents:
            for m, fs in members.items():
                if any(re.search(r'(->|\.)%s\s*\(' % re.escape(m), ln) for ln in lines):
                    hit |= {g for g in fs if g != f}
        for g in sorted((hit & gdef) or hit):
            uf.join(f, g)
    by_dir = collections.defaultdict(list)
    for f in files:
        by_dir[os.path.dirname(f)].append(f)
    for d, fs in by_dir.items():
        if len(fs) > 1 and d and one_driver(top, d):
            for f in fs[1:]:
                uf.join(fs[0], f)
    parts = collections.defaultdict(list)
    for f in files:
        parts[uf.find(f)].append(f)
    patches = [Patch(fs) for fs in parts.values()]
    where = {f: p for p in patches for f in p.files}
    for r in records:
        p = where.get(r.get('file'))
        if p is None:
            continue
        (p.records if r.get('status') == 'converted' else p.others).append(r)
    return patches


DEF = re.compile(r'^((?:[A-Za-z_][\w \t\*]*?[\s\*])?)([A-Za-z_]\w*)\s*\([^;]*$')
PROTO = re.compile(r'^(?:extern\s+)?[A-Za-z_][\w \t\*]*?[\s\*]([A-Za-z_]\w*)\s*\(.*\);\s*$')
MACRO = re.compile(r'^#\s*define\s+([A-Za-z_]\w*)')


def definitions(p, changes):
    """(global, all): the functions, prototypes and macros the new text of the patch
    defines that its old text did not name; global leaves out static functions."""
    glob, every = set(), set()
    for f in p.files:
        old, new = changes[f]
        olds = set(IDENT.findall(old))
        for ln in new.split('\n'):
            m = DEF.match(ln)
            name, static = None, False
            if m:
                name, static = m.group(2), bool(re.search(r'\bstatic\b', m.group(1)))
            else:
                m = MACRO.match(ln) or (PROTO.match(ln) if f.endswith('.h') else None)
                if m:
                    name, static = m.group(1), not f.endswith('.h')
            if name is None or name in olds:
                continue
            every.add(name)
            if not static:
                glob.add(name)
    return glob, every
def order(patches, changes):
    """Patches in an order where none comes before one whose definitions it uses;
    patches that need each other are one."""
    while True:
        defs = [definitions(p, changes) for p in patches]
        prov = [d[0] for d in defs]
        uses = []
        for p, d in zip(patches, defs):
            ids = set()
            for f in p.files:
                ids.update(IDENT.findall(changes[f][1]))
            uses.append(ids - d[1])
        need = {i: {j for j in range(len(patches)) if j != i and prov[j] & uses[i]}
                for i in range(len(patches))}
        # Tarjan's strongly connected components
        index, low, stack, on, comps = {}, {}, [], set(), []

        def strong(v, counter=[0]):
            index[v] = low[v] = counter[0]
            counter[0] += 1
            stack.append(v)
            on.add(v)
            for w in need[v]:
                if w not in index:
                    strong(w)
                    low[v] = min(low[v], low[w])
                elif w in on:
                    low[v] = min(low[v], index[w])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                comps.append(comp)
        for v in range(len(patches)):
            if v not in index:
                strong(v)
        big = [c for c in comps if len(c) > 1]
        if not big:
            break
        merged = []
        gone = set()
        for c in big:
            q = Patch([f for i in c for f in patches[i].files])
            for i in c:
                q.records += patches[i].records
                q.others += patches[i].others
                gone.add(i)
            merged.append(q)
        patches = [p for i, p in enumerate(patches) if i not in gone] + merged
    # Kahn's algorithm.  Among the patches that are ready, those that turn
    # ->f_op->mmap tests into can_mmap_file() come first, those that convert nothing
    # before those that do: a test of ->f_op->mmap fails on a file whose driver a
    # later patch converts.  Then the first file's path.
    def rank(k):
        q = patches[k]
        if prepares(q, changes):
            return (0 if not q.records else 1, q.files)
        return (2, q.files)
    done, out = set(), []
    while len(out) < len(patches):
        ready = [i for i in range(len(patches)) if i not in done and need[i] <= done]
        i = min(ready, key=rank)
        done.add(i)
        out.append(patches[i])
    return out


# ---------------------------------------------------------------- subjects

PREFIX_SEG = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9_.,/+#@-]*$')
NOT_PREFIX = {'treewide', 'tree-wide', 'all', 'revert'}


def subject_prefix(s):
    s = s.strip()
    if re.match(r'^(Revert|Reapply|Merge)\b', s):
        return None
    s = re.sub(r'^(\[[^\]]*\]\s*)+', '', s)
    parts = s.split(': ')
    k = 0
    while k < len(parts) - 1 and k < 3 and PREFIX_SEG.match(parts[k]):
        k += 1
    if not k or parts[0].lower() in NOT_PREFIX:
        return None
    return ': '.join(parts[:k])


def history(top, files):
    """{file: [subject, ...]} newest first, from one pass over the git history."""
    out = collections.defaultdict(list)
    if not files:
        return out
    p = run(['git', 'log', '--no-merges', '--relative', '--format=%x01%s', '--name-only', '--'] +
            sorted(files), cwd=top, check=False)
    if p.returncode != 0:
        return out
    subj = None
    want = set(files)
    for ln in p.stdout.splitlines():
        if ln.startswith('\x01'):
            subj = ln[1:]
        elif ln and subj is not None and ln in want:
            out[ln].append(subj)
    return out


def dir_prefix(path, is_dir):
    """The prefix upstream would use, from the place in the tree: drivers/char/hpet.c
    -> "char: hpet", drivers/misc/bcm-vk/ -> "misc: bcm-vk", fs/ceph/ -> "ceph",
    fs/smb/client/ -> "smb: client", arch/x86/.../resctrl/ -> "x86/resctrl",
    kernel/relay.c -> "relay", mm/secretmem.c -> "mm: secretmem"."""
    parts = path.split('/')
    if not is_dir:
        stem = os.path.splitext(parts[-1])[0]
        parts = parts[:-1]
    else:
        stem = None
    if parts and parts[0] == 'arch' and len(parts) >= 2:
        last = parts[-1]
        if len(parts) > 2 and last not in ('kernel', 'mm', 'lib', 'include'):
            return '%s/%s' % (parts[1], last)
        return parts[1]
    if parts and parts[0] == 'fs':
        if len(parts) == 1:
            return 'fs'
        return ': '.join(parts[1:3])
    if parts == ['kernel'] and stem:
        return stem
    if parts and parts[0] == 'drivers':
        parts = parts[1:]
    if not parts:
        return stem or 'drivers'
    if len(parts) == 1 and stem:
        return '%s: %s' % (parts[0], stem)
    return ': '.join(parts[:2])


def place(files):
    """The file, or the common folder of the .c files, of a patch."""
    cs = [f for f in files if f.endswith('.c')] or list(files)
    if len(cs) == 1:
        return cs[0], False
    return os.path.commonpath(cs) or '.', True


def prefix_for(files, hist):
    counts = collections.Counter()
    recent = {}
    n = 0
    for f in files:
        for s in hist.get(f, []):
            pre = subject_prefix(s)
            if pre:
                counts[pre] += 1
                recent.setdefault(pre, n)
            n += 1
    if counts:
        return min(counts, key=lambda k: (-counts[k], recent[k]))
    path, is_dir = place(files)
    return dir_prefix(path, is_dir)


def rules_of(r):
    return [x for x in r.get('rule', '').split(',') if x]


def hooks_of(p):
    """The converted hooks of the patch, without the files that only follow a rename
    and without library helpers bound directly (.mmap = generic_file_mmap)."""
    out = []
    for r in p.records:
        if 'rename' in rules_of(r) or r['function'] in LIBRARY:
            continue
        if r['function'] not in out:
            out.append(r['function'])
    return out


def subjects(patches, changes, hist):
    for p in patches:
        cfiles = [f for f in p.files if f.endswith('.c')] or p.files
        p.prefix = prefix_for(cfiles, hist)
    seen = collections.Counter(p.prefix for p in patches)
    for p in patches:
        if seen[p.prefix] > 1:
            path, is_dir = place(p.files)
            stem = os.path.basename(path) if is_dir else os.path.splitext(
                os.path.basename(path))[0]
            if not p.prefix.endswith(stem):
                p.prefix = '%s: %s' % (p.prefix, stem)
    for p in patches:
        rules = {x for r in p.records for x in rules_of(r)}
        bound = [r for r in p.records if r['function'] in LIBRARY]
        if not p.records and prepares(p, changes):
            what = 'test for an mmap hook with can_mmap_file()'
        elif not p.records:
            what = 'prepare for mmap_prepare'
        elif rules == {'action-hooks'}:
            what = 'replace the removed mmap_action hooks with their 7.2 forms'
        elif len(hooks_of(p)) + bool(bound) > 1:
            what = 'replace deprecated mmap hooks with mmap_prepare'
        else:
            what = 'replace deprecated mmap hook with mmap_prepare'
        p.subject = '%s: %s' % (p.prefix, what)


# ---------------------------------------------------------------- commit messages

# The first release with each helper of the new API: mmprep.api's table, and the
# helpers it does not list because every level it knows has them.
SINCE = {
    'mmap_action_remap': '6.19', 'mmap_action_remap_full': '6.19',
    'mmap_action_ioremap': '6.19', 'mmap_action_ioremap_full': '6.19',
    'vma_desc_size': '6.19', 'vma_desc_pages': '6.19', 'shmem_zero_setup_desc': '6.19',
    'generic_file_mmap_prepare': '6.17', 'generic_file_readonly_mmap_prepare': '6.17',
    'can_mmap_file': '6.17', '__compat_vma_mmap': '7.1', 'is_nommu_shared_vma_flags': '7.0',
}
SINCE.update({n.name: '%d.%d' % divmod(n.since, 100) for n in api.NAMES
              if n.kind in ('function', 'macro') and n.since})
OLD_API = ('remap_pfn_range', 'io_remap_pfn_range', 'vm_iomap_memory', 'vm_map_pages',
           'vm_map_pages_zero', 'vm_insert_pages', 'vm_flags_set', 'vm_flags_clear',
           'vm_flags_mod', 'vma_pages', 'generic_file_mmap', 'generic_file_readonly_mmap',
           'shmem_zero_setup', 'is_cow_mapping', 'vma_set_anonymous',
           'is_nommu_shared_mapping')
LIBRARY = ('generic_file_mmap', 'generic_file_readonly_mmap')
FLAG_HELPERS = ('vma_desc_set_flags', 'vma_desc_clear_flags', 'vma_desc_test_flags',
                'vma_desc_test', 'vma_desc_test_any', 'vma_desc_test_all',
                'vma_desc_is_cow_mapping', 'is_nommu_shared_vma_flags')
ACTION_RULES = ('remap', 'remap-full', 'ioremap', 'ioremap-full', 'simple-ioremap',
                'map-pages')
NOT_CALLS = ('if', 'for', 'while', 'switch', 'return', 'sizeof', 'defined')

RATIONALE = (
    'The f_op->mmap hook is deprecated. It is handed a VMA that the core has not '
    'finished setting up, and what a driver changes there happens behind the back '
    'of the core. f_op->mmap_prepare is called before the VMA exists and describes '
    'the mapping in a struct vm_area_desc; work on the VMA itself, such as '
    'remapping a physical range, is requested as an action that the core performs '
    'once the VMA is in place.')


def fill(text, indent=''):
    return textwrap.fill(text, WRAP, initial_indent=indent,
                         subsequent_indent=' ' * len(indent), break_on_hyphens=False,
                         break_long_words=False)


def listing(items, conj='and'):
    items = list(items)
    if len(items) <= 1:
        return ''.join(items)
    return '%s %s %s' % (', '.join(items[:-1]), conj, items[-1])


def calls(lines):
    """The functions called on LINES: statements, not the definitions at column 0."""
    return [m for ln in lines if ln[:1].isspace()
            for m in re.findall(r'\b([A-Za-z_]\w*)\s*\(', ln) if m not in NOT_CALLS]


def plus_minus(p, changes):
    """The added and removed lines of a patch (as a diff would show them)."""
    plus, minus = [], []
    for f in p.files:
        old, new = changes[f]
        a = collections.Counter(old.split('\n'))
        b = collections.Counter(new.split('\n'))
        minus += list((a - b).elements())
        plus += list((b - a).elements())
    return plus, minus


def mapped_callbacks(p, changes):
    """[(callback, [calls in its body])] of the vm_ops->mapped callbacks the patch adds."""
    out = []
    for f in p.files:
        old, new = changes[f]
        for name in re.findall(r'^\s*\.mapped\s*=\s*(\w+)\s*,', new, re.M):
            if re.search(r'^\s*\.mapped\s*=\s*%s\s*,' % re.escape(name), old, re.M):
                continue
            m = re.search(r'^(?:static\s+)?int\s+%s\s*\([^)]*\)\s*\{(.*?)^\}' %
                          re.escape(name), new, re.M | re.S)
            body = m.group(1).split('\n') if m else []
            out.append((name, list(dict.fromkeys(calls(body)))))
    return out


def fn_list(names):
    return listing(['%s()' % n for n in names])


def since(c):
    """c() with the release that brought it when that is later than 6.17."""
    v = SINCE.get(c)
    if v and tuple(map(int, v.split('.'))) > (6, 17):
        return '%s() (%s)' % (c, v)
    return c + '()'


def become(old, new):
    return '%s %s %s' % (fn_list(old), 'become' if len(old) > 1 else 'becomes',
                         listing(since(c) for c in new))


def rule_sentences(p, changes, api):
    """What changed and why, for a reviewer: one paragraph per kind of change, each
    naming the calls of the diff it is about."""
    plus, minus = plus_minus(p, changes)
    added = list(dict.fromkeys(calls(plus)))
    removed = list(dict.fromkeys(calls(minus)))
    new_api = [c for c in added if c in SINCE and c not in removed]
    old_api = [c for c in removed if c in OLD_API and c not in added]
    told = set()
    rules = []
    for r in p.records:
        for x in rules_of(r):
            if x not in rules:
                rules.append(x)
    text = '\n'.join(plus)
    out = []

    def pick(names, cands):
        got = [c for c in names if c in cands]
        told.update(got)
        return got

    if prepares(p, changes):
        told.add('can_mmap_file')
        out.append(
            'Whether a file can be mapped was tested with ->f_op->mmap. A file whose '
            'driver is converted to mmap_prepare has no ->mmap, so the test would '
            'refuse it; can_mmap_file() is true for either hook. This comes before '
            'the conversions of the drivers such a file may stack on.')
    sets = sorted(set(re.findall(r'\bdesc->(\w+)\s*=[^=]', text)))
    reads = sorted(set(re.findall(r'\bdesc->(\w+)', text)) - set(sets) -
                   {'action', 'vma_flags', 'vm_flags'})
    sz = pick(new_api, ('vma_desc_size', 'vma_desc_pages'))
    pick(old_api, ('vma_pages',))
    bits = []
    if reads:
        bits.append('reads %s' % listing('desc->' + f for f in reads))
    if sets:
        bits.append('sets %s' % listing('desc->' + f for f in sets))
    if sz:
        bits.append('takes the size of the mapping from %s' % fn_list(sz))
    if bits:
        if len(hooks_of(p)) > 1:
            bits = [re.sub(r'^(\w+)s ', r'\1 ', b) for b in bits]
        out.append('The %s %s where %s the VMA.' % (
            'hooks' if len(hooks_of(p)) > 1 else 'hook', listing(bits),
            'they used' if len(hooks_of(p)) > 1 else 'it used'))
    elif 'fields' in rules and set(rules) <= {'fields', 'rename'}:
        out.append('Only the signature changes: the hook does not use the VMA.')
    if 'flags' in rules or any(c in FLAG_HELPERS for c in new_api):
        n = pick(new_api, FLAG_HELPERS)
        o = pick(old_api, ('vm_flags_set', 'vm_flags_clear', 'vm_flags_mod', 'is_cow_mapping',
                           'is_nommu_shared_mapping'))
        setting = [c for c in n if c.endswith(('set_flags', 'clear_flags'))]
        testing = [c for c in n if c not in setting]
        verb = listing((['set'] if setting else []) + (['tested'] if testing else []))
        if n:
            out.append('The VMA flags are %s on the descriptor with %s%s.' % (
                verb, listing(since(c) for c in n),
                ' instead of %s' % fn_list(o) if o else ' instead of on the VMA'))
        elif 'desc->vm_flags' in text:
            out.append('The VMA flags are changed in desc->vm_flags, as the %s descriptor '
                       'holds them, instead of %s.' % (api, fn_list(o) or 'on the VMA'))
    if any(x in rules for x in ACTION_RULES):
        o = pick(old_api, ('remap_pfn_range', 'io_remap_pfn_range', 'vm_iomap_memory',
                           'vm_map_pages', 'vm_map_pages_zero', 'vm_insert_pages'))
        n = pick(new_api, [c for c in new_api if c.startswith('mmap_action_')])
        s = '%s: the core performs it once the VMA exists, after the hook has returned, ' \
            'and a failure still fails the mmap() call. It was the last thing the old ' \
            'hook did, so nothing in the hook depended on its result.' % (
                become(o, n) if o and n else 'The mapping call becomes an action')
        if 'mmap_action_simple_ioremap' in n and 'vm_iomap_memory' in o:
            s += ' mmap_action_simple_ioremap() checks the physical range against the ' \
                 'size of the mapping as vm_iomap_memory() did.'
        if 'map-pages' in rules:
            s += ' The bounds checks the old helper made are kept in the hook.'
        if re.search(r'\bdesc->page_prot\s*=[^=]', text) and \
                any(c.startswith(('mmap_action_remap', 'mmap_action_ioremap')) for c in n):
            s += ' desc->page_prot is set before the action is requested, since the ' \
                 'action maps with it.'
        out.append(s)
    if 'error-override' in rules:
        errs = sorted(set(re.findall(r'error_override\s*=\s*(-E[A-Z0-9]+)', text)))
        e = listing(errs, 'or') or 'its errno'
        out.append('The old hook returned %s for any failure of the mapping call; with '
                   'the call now an action, desc->action.error_override = %s keeps that '
                   '(7.2).' % (e, e))
    if 'generic-file' in rules:
        called = list(dict.fromkeys(re.findall(
            r'\b(generic_file\w*_mmap_prepare)\s*\(', text)))
        bound = list(dict.fromkeys(re.findall(
            r'=\s*(generic_file\w*_mmap_prepare)\s*[,;]', text)))
        told.update(called + bound + list(LIBRARY))
        if called:
            olds = [c[:-len('_prepare')] for c in called]
            out.append('%s, the same helper%s in descriptor form.' % (
                become(olds, called), 's' if len(called) > 1 else ''))
        if bound:
            olds = [c[:-len('_prepare')] for c in bound]
            tables = sum(len(re.findall(r'=\s*generic_file\w*_mmap_prepare\s*[,;]',
                                        changes[f][1])) for f in p.files)
            out.append('The ops table%s that bound %s directly now bind%s %s.' % (
                's' if tables > 1 else '', fn_list(olds), '' if tables > 1 else 's',
                fn_list(bound)))
    if 'shmem-zero' in rules:
        pick(new_api, ('shmem_zero_setup_desc',))
        pick(old_api, ('shmem_zero_setup',))
        out.append('shmem_zero_setup() becomes shmem_zero_setup_desc(), which sets up '
                   'the shmem file on the descriptor instead of the VMA.')
    if 'anonymous' in rules or 'vma_desc_set_anonymous' in new_api:
        pick(new_api, ('vma_desc_set_anonymous',))
        pick(old_api, ('vma_set_anonymous',))
        out.append('vma_set_anonymous() on the new VMA becomes vma_desc_set_anonymous() '
                   '(7.2): the core makes the private mapping anonymous when it sets up '
                   'the VMA, and the mapping keeps its file.')
    if 'nested' in rules:
        types = sorted({r['hook'] for r in p.records
                        if not r.get('hook', '').startswith('file_operations.')})
        impl = sorted({r['function'] for r in p.records if 'nested' in rules_of(r)})
        pick(new_api, ('compat_set_desc_from_vma', '__compat_vma_mmap'))
        out.append('The driver-private hook %s takes the descriptor too: its '
                   'implementations %s are converted in the same way, and the caller '
                   'builds a descriptor from its VMA with compat_set_desc_from_vma() '
                   '(7.1) and applies it with __compat_vma_mmap().' % (
                       listing(types), fn_list(impl)))
    if 'action-hooks' in rules:
        out.append('mmap_action.success_hook and error_hook are gone in 7.2: an '
                   'error_hook that only returned a constant errno becomes '
                   'desc->action.error_override, a success_hook that only made the '
                   'mapping anonymous becomes vma_desc_set_anonymous().')
        told.update(('vma_desc_set_anonymous',))
    # per-mapping state moved to vm_ops->mapped, whatever rule did it
    for cb, body in mapped_callbacks(p, changes):
        state = [c for c in body if c not in SINCE]
        via = [c for c in removed if c not in added and c not in OLD_API and
               c not in body and not c.startswith(('vm_flags_', 'vma_'))]
        what = 'per-mapping state%s' % (' (%s)' % fn_list(state) if state else '')
        who = [r['function'] for r in p.records if 'mapped' in rules_of(r)]
        who = fn_list(dict.fromkeys(who)) if who and len(hooks_of(p)) > 1 else 'The old hook'
        if via:
            first = '%s called %s, which takes %s.' % (who, fn_list(via), what)
        else:
            first = '%s took %s.' % (who, what)
        closes = any(re.search(r'\.mapped\s*=\s*%s\s*,' % re.escape(cb), blk) and
                     re.search(r'\.close\s*=', blk)
                     for f in p.files for blk in re.findall(r'\{[^{}]*\}', changes[f][1]))
        out.append(
            '%s At mmap_prepare time there is no VMA yet, and the mapping can still fail '
            'after the hook has returned, which would leave that state behind: it moves '
            'to a new vm_ops->mapped callback, %s(), which the core calls once the VMA '
            'exists (7.1)%s.' % (first, cb, '; vm_ops->close still undoes it'
                                 if closes else ''))
    # what no paragraph above named: said plainly, from the diff
    rest_new = [c for c in new_api if c not in told]
    rest_old = [c for c in old_api if c not in told and c not in LIBRARY]
    if rest_new or rest_old:
        if rest_old and rest_new:
            out.append('%s.' % become(rest_old, rest_new))
        elif rest_new:
            out.append('The hook uses %s.' % listing(since(c) for c in rest_new))
        else:
            out.append('The hook no longer calls %s.' % fn_list(rest_old))
    # global hooks: their declarations and the ops tables of other files follow
    others = [f for f in p.files if f.endswith('.h')] + sorted(
        {r['file'] for r in p.records if 'rename' in rules_of(r)})
    for fn in hooks_of(p):
        named = [f for f in others if any(re.search(r'\b%s\b' % re.escape(fn), ln)
                                          for ln in changed_lines(*changes[f]))]
        decl = [f for f in named if f.endswith('.h')]
        tabs = [f for f in named if not f.endswith('.h')]
        bits = []
        if decl:
            bits.append('its declaration in %s' % listing(decl))
        if tabs:
            bits.append('the ops table%s in %s' % ('s' if len(tabs) > 1 else '',
                                                    listing(tabs)))
        if bits:
            plural = len(bits) > 1 or len(tabs) > 1
            out.append('%s() is not static: %s %s the new name.'
                       % (fn, listing(bits), 'follow' if plural else 'follows'))
    return out


def helper_sentences(p, changes):
    """A helper the planner changed with its callers (group "helper:NAME"): where it is,
    and that its callers are the hooks of this patch."""
    out = []
    groups = []
    for r in p.records:
        g = r.get('group') or ''
        if g.startswith('helper:') and g not in groups:
            groups.append(g)
    for g in groups:
        name = g.split(':', 1)[1]
        callers = []
        for r in p.records:
            if r.get('group') == g and r['function'] not in callers:
                callers.append(r['function'])
        defn = re.compile(r'^\S.*\b%s\s*\(' % re.escape(name))
        where = [f for f in p.files if any(defn.search(ln) for ln in changed_lines(*changes[f]))]
        out.append('%s()%s takes the struct vm_area_desc instead of the VMA; %s, %s, %s '
                   'with it.' % (name, ' in %s' % listing(where) if where else '',
                                 'its callers' if len(callers) > 1 else 'its caller',
                                 listing('%s()' % c for c in callers),
                                 'change' if len(callers) > 1 else 'changes'))
    return out


def message(p, changes, api, author):
    hooks = hooks_of(p)
    paras = []
    if p.records:
        paras.append(fill(RATIONALE))
    rules = sorted({x for r in p.records for x in rules_of(r)})
    if hooks and rules != ['action-hooks']:
        paras.append(fill('Convert %s.' % listing('%s() to %s()' % (a, new_name(a))
                                                  for a in hooks)))
    for s in helper_sentences(p, changes):
        paras.append(fill(s))
    for s in rule_sentences(p, changes, api):
        paras.append(fill(s))
    left = {}
    for r in p.others:
        if r.get('function'):
            left.setdefault(r['function'], r.get('reason') or r.get('status'))
    for fn, why in left.items():
        paras.append(fill('%s() %s on .mmap: %s.' % (
            fn, 'stays' if p.records else 'itself stays', why.rstrip('.'))))
    if rules:
        paras.append(fill('Made with mmprep-convert for the %s API (rules: %s).'
                          % (api, ', '.join(rules))))
    else:
        paras.append(fill('Made with mmprep-convert for the %s API.' % api))
    paras.append('Signed-off-by: %s <%s>' % author)
    return p.subject + '\n\n' + '\n\n'.join(paras) + '\n'


# ---------------------------------------------------------------- git format-patch

def git_env(author, date):
    env = dict(os.environ)
    for k in ('GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY',
              'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CONFIG'):
        env.pop(k, None)
    env.update({'GIT_CONFIG_NOSYSTEM': '1', 'GIT_CONFIG_GLOBAL': os.devnull,
                'GIT_AUTHOR_NAME': author[0], 'GIT_AUTHOR_EMAIL': author[1],
                'GIT_COMMITTER_NAME': author[0], 'GIT_COMMITTER_EMAIL': author[1],
                'GIT_AUTHOR_DATE': date, 'GIT_COMMITTER_DATE': date, 'LC_ALL': 'C',
                'TZ': os.environ.get('TZ', 'UTC')})
    return env


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', errors='surrogateescape', newline='') as f:
        f.write(text)


class Scratch:
    """A git repository of the touched files only, one commit a patch, for git
    format-patch: blob ids are those of the tree, so git am -3 works there."""

    def __init__(self, top, changes, patches, author, date):
        self.dir = tempfile.mkdtemp(prefix='mmprep-series.')
        self.env = git_env(author, date)
        self.count = len(patches)
        self.changes = changes
        g = self.git
        g('init', '-q', '-b', 'series')
        attrs = os.path.join(top, '.gitattributes')
        write(os.path.join(self.dir, '.git', 'info', 'attributes'),
              read(attrs) if os.path.isfile(attrs) else '*.[ch] diff=cpp\n')
        for f, (old, _) in changes.items():
            write(os.path.join(self.dir, f), old)
        g('add', '-f', '--', *changes)
        g('commit', '-q', '--allow-empty', '-m', 'base')
        self.base = g('rev-parse', 'HEAD').stdout.strip()
        for p in patches:
            for f in p.files:
                write(os.path.join(self.dir, f), changes[f][1])
            g('add', '-f', '--', *p.files)
            msgf = os.path.join(self.dir, '.git', 'mmprep-msg')
            write(msgf, p.message)
            g('commit', '-q', '--cleanup=verbatim', '-F', msgf)

    def git(self, *args):
        return run(['git'] + list(args), cwd=self.dir, env=self.env)

    def diff(self, n):
        """The plain diff of commit N (1-based) for patch(1)."""
        return self.git('diff', '--no-color', '--no-ext-diff', 'HEAD~%d' % (self.count - n + 1),
                        'HEAD~%d' % (self.count - n)).stdout

    def format_patch(self, outdir, cover, description, base):
        args = ['format-patch', '-q', '--zero-commit', '--subject-prefix=PATCH', '-o', outdir]
        if cover:
            self.git('config', 'branch.series.description', description)
            args += ['--cover-letter', '--cover-from-description=subject']
        if cover or self.count > 1:
            args.append('--numbered')
        if base:
            args.append('--base=' + self.base)
        args.append(self.base + '..HEAD')
        self.git(*args)
        return sorted(os.listdir(outdir))

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def patch_name(number, subject):
    """git format-patch's file name, NNNN-sanitized-subject.patch, made here so that it
    does not depend on the output folder: letters, digits, "." and "_" kept, any other
    run of characters one "-", at most 52 of them, no "." or "-" at the end."""
    out, space = [], 2
    i = 0
    while i < len(subject):
        c = subject[i]
        if c.isascii() and (c.isalnum() or c in '._'):
            if space == 1:
                out.append('-')
            space = 0
            out.append(c)
            while c == '.' and i + 1 < len(subject) and subject[i + 1] == '.':
                i += 1
        else:
            space |= 1
        i += 1
    name = ''.join(out)[:52].rstrip('.-')
    return '%04d-%s.patch' % (number, name)


def add_headers(text, to, cc):
    """To:/Cc: after the Subject: of a format-patch message, formatted as git does."""
    if not to and not cc:
        return text
    lines = text.split('\n')
    i = next(k for k, ln in enumerate(lines) if ln.startswith('Subject: '))
    i += 1
    while i < len(lines) and lines[i].startswith(' '):
        i += 1
    add = []
    for key, who in (('To', to), ('Cc', cc)):
        if who:
            add.append('%s: %s' % (key, ',\n    '.join(who)))
    return '\n'.join(lines[:i] + add + lines[i:])


def obsolete_files(top, files, jobs):
    """The files MAINTAINERS marks obsolete, asked the way checkpatch.pl asks
    (get_maintainer.pl --status); none without the script."""
    gm = os.path.join(top, 'scripts', 'get_maintainer.pl')
    if not os.path.isfile(gm) or not os.path.isfile(os.path.join(top, 'MAINTAINERS')):
        return set()

    def status(f):
        p = run(['perl', gm, '--status', '--nom', '--nol', '--nogit', '--nogit-fallback',
                 '-f', f], cwd=top, check=False)
        return f if p.returncode == 0 and re.search(r'obsolete', p.stdout, re.I) else None
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        return {f for f in pool.map(status, sorted(files)) if f}


def maintainers(top, patch_file):
    base = ['perl', os.path.join(top, 'scripts', 'get_maintainer.pl'), '--nogit',
            '--nogit-fallback', '--nogit-chief-penguins', '--norolestats']
    res = []
    for extra in ('--nol', '--nom'):
        p = run(base + [extra, patch_file], cwd=top, check=False)
        if p.returncode != 0:
            die('scripts/get_maintainer.pl failed: %s' %
                (p.stderr.strip().splitlines() or ['exit %d' % p.returncode])[0])
        res.append([ln.strip() for ln in p.stdout.splitlines() if ln.strip()])
    to = list(dict.fromkeys(res[0]))
    cc = [x for x in dict.fromkeys(res[1]) if x not in to]
    if not to and cc:
        # no maintainer (an orphaned or unmaintained driver): to its most specific list
        to, cc = cc[:1], cc[1:]
    return to, cc


# ---------------------------------------------------------------- cover letter

def cover_description(patches, records, paths, api, hist, verified, left_out=()):
    conv = [r for r in records if r.get('status') == 'converted']
    hooks = [r for r in conv if 'rename' not in rules_of(r)]
    n = len([p for p in patches if p.records])
    prep = len([p for p in patches if not p.records])
    subj = 'replace deprecated mmap hooks with mmap_prepare in %d %s' % (
        n, 'driver' if n == 1 else 'drivers')
    paras = [subj, fill(RATIONALE)]
    first = ''
    if prep:
        first = ' The first %s ->f_op->mmap tests into can_mmap_file(), which ' \
                'accepts either hook, so that a file stacked on a converted one can ' \
                'still be mapped.' % ('patch turns' if prep == 1 else '%d patches turn' % prep)
    paras.append(fill(
        'This series converts %d %s in %s, one patch per driver: hooks that share a '
        'helper, a prototype or an ops table change in the same patch, so that each '
        'patch builds on its own.%s mmprep-convert made the changes for the %s API and '
        'mmprep-series split them; each commit message says what changed in its driver '
        'and why.' % (len(hooks), 'hook' if len(hooks) == 1 else 'hooks', listing(paths),
                      first, api)))
    if verified:
        paras.append(fill(verified))
    per_rule = collections.Counter(x for r in hooks for x in r.get('rule', '').split(',') if x)
    rows = ['Converted hooks per rule (a hook may use several):', '']
    w = max([len(k) for k in per_rule] + [4])
    for k, v in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        rows.append('  %-*s %5d' % (w, k, v))
    paras.append('\n'.join(rows))
    # per subsystem: the prefix of the patch, or of the file for a hook left alone
    where = {}
    for p in patches:
        for f in p.files:
            where[f] = p.prefix
    sub = collections.defaultdict(lambda: [0, 0])
    for r in records:
        if r.get('status') == 'converted':
            if 'rename' in r.get('rule', '').split(','):
                continue
            sub[where.get(r['file']) or prefix_for([r['file']], hist)][0] += 1
        else:
            sub[where.get(r['file']) or prefix_for([r['file']], hist)][1] += 1
    w = max([len(k) for k in sub] + [9])
    rows = ['Hooks per subsystem:', '', '  %-*s %9s %5s' % (w, 'subsystem', 'converted',
                                                           'left')]
    for k in sorted(sub):
        rows.append('  %-*s %9d %5d' % (w, k, sub[k][0], sub[k][1]))
    paras.append('\n'.join(rows))
    left = [r for r in records if r.get('status') != 'converted']
    if left:
        rows = ['Left on .mmap for a human (%d %s):' % (len(left), 'hook' if len(left) == 1
                                                        else 'hooks')]
        by = collections.defaultdict(list)
        for r in left:
            by[r.get('reason_id') or r.get('status')].append(r)
        for key in sorted(by, key=lambda k: (-len(by[k]), k)):
            rows.append('')
            rows.append('  %s (%d):' % (key, len(by[key])))
            for r in sorted(by[key], key=lambda r: (r['file'], r.get('line', 0))):
                rows.append(textwrap.fill(
                    '%s:%s: %s(): %s' % (r['file'], r.get('line', 0), r.get('function') or '-',
                                         r.get('reason') or r.get('status')),
                    WRAP, initial_indent='    ', subsequent_indent='      ',
                    break_on_hyphens=False, break_long_words=False))
        paras.append('\n'.join(rows))
    if left_out:
        rows = ['Converted but not in this series: MAINTAINERS marks these files '
                'obsolete, and checkpatch asks for no unnecessary changes there '
                '(mmprep-series --obsolete writes them):', '']
        for p in left_out:
            fns = sorted({r['function'] for r in p.records if r.get('function')})
            rows.append('  %s%s' % (' '.join(p.files),
                                    ' (%s)' % ', '.join(fns) if fns else ''))
        paras.append('\n'.join(rows))
    return '\n\n'.join(paras) + '\n'


# ---------------------------------------------------------------- --verify

def cache_dir():
    c = os.environ.get('MMPREP_CACHE')
    if c:
        return c
    return os.path.join(os.environ.get('XDG_CACHE_HOME') or
                        os.path.join(os.path.expanduser('~'), '.cache'), 'mmprep')


def users(src, header, old, new):
    """The .c files that include HEADER and name an identifier that only its changed
    code has, and the first one an x86 build compiles (mmprep.kbuild, as mmprep-verify
    and the gate choose them)."""
    return sorted(set(kbuild.header_users(src, header, old, new, X86)))


def make_objs(src, obj, files, jobs, log):
    for f in files:
        try:
            os.unlink(os.path.join(obj, f[:-2] + '.o'))
        except FileNotFoundError:
            pass
    if not files:
        return set(), ''
    env = dict(os.environ, LANG='C', LC_ALL='C')
    p = subprocess.run(['make', '-C', src, 'O=' + obj, '-k', '-j%d' % jobs, '-Otarget'] +
                       [f[:-2] + '.o' for f in files], env=env, capture_output=True,
                       text=True, errors='replace')
    with open(log, 'a', encoding='utf-8') as fh:
        fh.write(p.stdout + p.stderr)
    ok = {f for f in files if os.path.exists(os.path.join(obj, f[:-2] + '.o'))}
    return ok, p.stdout + p.stderr


def first_error(out, f, src):
    for ln in out.splitlines():
        ln = ln.replace(src + '/', '')
        if (' error: ' in ln or 'fatal error:' in ln) and (f in ln or f[:-2] + '.o' in ln):
            return ln.strip()
    for ln in out.splitlines():
        ln = ln.replace(src + '/', '')
        if ' error: ' in ln or 'fatal error:' in ln:
            return ln.strip()
    return 'no object and no compiler error'


def ignore_objects(root):
    """copytree's ignore: the objects of a built folder, not its host tools."""
    def ignore(d, names):
        rel = os.path.relpath(d, root).split(os.sep)[0]
        if rel in ('scripts', 'tools'):
            return []
        return [n for n in names if n.endswith(('.o', '.ko', '.a')) or n in (
            'vmlinux', 'vmlinux.o', 'vmlinux.a', 'System.map', 'bzImage')]
    return ignore


def verify(top, patches, scratch, build_dir, jobs):
    """Apply the patches in order on a hard-link copy of the tree (with the API
    backport where the tree lacks the API) and compile the files each touches with
    the configuration of BUILD_DIR.  Returns (ok, summary line, per-patch results)."""
    work = os.path.join(cache_dir(), 'series-verify')
    os.makedirs(work, exist_ok=True)
    lock = open(os.path.join(work, '.lock'), 'w')
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        die('another mmprep-series --verify is running in %s' % work)
    src = os.path.join(work, 'src')
    obj = os.path.join(work, 'build')
    logs = os.path.join(work, 'logs')
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(logs, ignore_errors=True)
    os.makedirs(logs)
    stamp = os.path.join(work, '.stamp')
    try:
        say('verify: hard-link copy of %s in %s' % (top, src))
        os.makedirs(src)
        entries = [os.path.join(top, e) for e in sorted(os.listdir(top)) if e != '.git']
        run(['cp', '-al', '--'] + entries + [src])
        # the files the patches write, and the backport's, are replaced, never written
        # through their links
        backport = os.path.join(HERE, 'api-backport', 'apply')
        fs_h = read(os.path.join(src, 'include', 'linux', 'fs.h'))
        api = 'native'
        if run([backport, '--check', src], check=False).returncode == 0:
            p = run([backport, src], check=False)
            if p.returncode != 0:
                die('the API backport does not apply: %s' % p.stderr.strip())
            api = 'backport'
        elif 'mmap_prepare' not in fs_h:
            die('%s has no mmap_prepare API and the 6.12 backport does not fit it' % top)
        for p in patches:
            for f in p.files:
                a = os.path.join(src, f)
                tmp = a + '.mmprep-series'
                shutil.copy2(a, tmp)
                os.replace(tmp, a)
        # the O= folder: a copy of BUILD_DIR (never written), kept while its .config is
        # the same, so that only the first run prepares it
        conf = read(os.path.join(build_dir, '.config'))
        if not os.path.isfile(os.path.join(obj, '.config')) or \
                read(os.path.join(obj, '.config')) != conf:
            say('verify: copying %s to %s' % (build_dir, obj))
            shutil.rmtree(obj, ignore_errors=True)
            shutil.copytree(build_dir, obj, symlinks=True, ignore=ignore_objects(build_dir))
            try:
                os.unlink(os.path.join(obj, 'source'))
            except FileNotFoundError:
                pass
        say('verify: make prepare modules_prepare in %s' % obj)
        env = dict(os.environ, LANG='C', LC_ALL='C')
        p = subprocess.run(['make', '-s', '-C', src, 'O=' + obj, '-j%d' % jobs, 'prepare',
                            'modules_prepare'], env=env, capture_output=True, text=True,
                           errors='replace')
        with open(os.path.join(logs, 'prepare'), 'w', encoding='utf-8') as fh:
            fh.write(p.stdout + p.stderr)
        if p.returncode != 0:
            die('make prepare failed in %s (see %s)' % (obj, os.path.join(logs, 'prepare')))
        with open(stamp, 'w'):
            pass
        time.sleep(0.05)
        # what each patch compiles: its .c files and the users of its headers
        targets = []
        for p in patches:
            t = {f for f in p.files if f.endswith('.c')}
            for f in p.files:
                if f.endswith('.h'):
                    t.update(users(src, f, *scratch.changes[f]))
            targets.append(sorted(t))
        allt = sorted({f for t in targets for f in t})
        say('verify: building the %d original objects' % len(allt))
        orig_ok, _ = make_objs(src, obj, allt, jobs, os.path.join(logs, 'orig.make'))
        results = []
        failed = 0
        compiled = 0
        for k, p in enumerate(patches, 1):
            pf = os.path.join(logs, '%04d.diff' % k)
            write(pf, scratch.diff(k))
            q = run(['patch', '-d', src, '-p1', '-F0', '-N', '-s', '--no-backup-if-mismatch',
                     '-i', pf], check=False)
            want = [f for f in targets[k - 1] if f in orig_ok]
            skip = [f for f in targets[k - 1] if f not in orig_ok]
            if q.returncode != 0:
                results.append({'patch': k, 'applies': False, 'compiled': [],
                                'failed': [], 'skipped': skip,
                                'error': (q.stdout + q.stderr).strip().splitlines()[:1]})
                say('verify: [%d/%d] %s: does not apply' % (k, len(patches), p.subject))
                failed += 1
                continue
            ok, out = make_objs(src, obj, want, jobs, os.path.join(logs, 'conv.make'))
            bad = [f for f in want if f not in ok]
            compiled += len(ok)
            res = {'patch': k, 'applies': True, 'compiled': sorted(ok), 'failed': bad,
                   'skipped': skip}
            if bad:
                failed += 1
                res['error'] = [first_error(out, f, src) for f in bad]
                say('verify: [%d/%d] %s: FAILED: %s' % (k, len(patches), p.subject,
                                                        '; '.join(res['error'])))
            else:
                say('verify: [%d/%d] %s: %d compiled%s' % (
                    k, len(patches), p.subject, len(ok),
                    ', %d not built in this configuration (%s)' % (len(skip), ', '.join(skip))
                    if skip else ''))
            results.append(res)
        written = run(['find', top, '-path', os.path.join(top, '.git'), '-prune', '-o',
                       '-type', 'f', '-newer', stamp, '-print'], check=False).stdout.split()
        if written:
            die('the copy wrote through a hard link into %s: %s' % (top, written[0]))
        cfg = os.path.basename(build_dir.rstrip('/'))
        summary = None
        if not failed:
            summary = ('Each patch was applied in order and the files it touches were '
                       'compiled after it (mmprep-series --verify, %d objects, the '
                       'configuration of %s%s).' % (
                           compiled, cfg, ', with the mmap_prepare API backported to this '
                           'tree' if api == 'backport' else ''))
        return not failed, summary, results
    finally:
        shutil.rmtree(src, ignore_errors=True)
        lock.close()


# ---------------------------------------------------------------- main

def main(argv):
    try:
        return series(argv)
    except Fatal as e:
        say(str(e))
        return 2
    except KeyboardInterrupt:
        return 130


def series(argv):
    opt = parse_args(argv)
    top = os.path.realpath(os.getcwd())
    check_tree(top)
    paths = rel_paths(top, opt['paths'])
    gtop = git_worktree(top)
    in_git = gtop is not None
    author = identity(top, in_git)
    out = os.path.abspath(opt['out'])
    check_outdir(out)
    base = None
    if opt['base']:
        if not in_git:
            die('--base %s: %s is not a git tree' % (opt['base'], top))
        p = run(['git', 'rev-parse', '--verify', '--quiet', opt['base'] + '^{commit}'],
                cwd=top, check=False)
        if p.returncode != 0:
            die('--base %s: no such commit' % opt['base'])
        base = p.stdout.strip()
    if opt['to_cc'] and not os.path.isfile(os.path.join(top, 'scripts', 'get_maintainer.pl')):
        die('--to-cc: %s has no scripts/get_maintainer.pl' % top)
    if opt['verify']:
        bd = os.path.abspath(opt['verify'])
        if not os.path.isfile(os.path.join(bd, '.config')):
            die('--verify %s: no .config there (make O=%s allmodconfig prepare)'
                % (opt['verify'], opt['verify']))
        if shutil.which('make') is None or shutil.which('patch') is None:
            die('--verify needs make and patch (scripts/setup-deps --kernel)')
        opt['verify'] = bd

    diff, records, conv_rc = convert(top, paths, opt)
    parsed = parse_diff(diff)
    changes = collections.OrderedDict()
    for f in sorted(parsed):
        old = read(os.path.join(top, f))
        changes[f] = (old, apply_hunks(f, old, parsed[f]))
    if not changes:
        say('no hook converted in %s: no series written' % ' '.join(paths))
        if opt['json']:
            for r in records:
                print(json.dumps(r, sort_keys=True))
        return 1 if conv_rc else 0
    if base:
        p = run(['git', 'diff', '--quiet', base, '--'] + list(changes), cwd=top, check=False)
        if p.returncode != 0:
            dirty = run(['git', 'diff', '--name-only', base, '--'] + list(changes),
                        cwd=top, check=False).stdout.split()
            die('--base %s: %s differs from it; the series is made from the files as they '
                'are' % (opt['base'], dirty[0] if dirty else 'a touched file'))

    patches = order(make_groups(top, changes, records), changes)
    left_out = []
    if not opt['obsolete']:
        old = obsolete_files(top, changes, opt['jobs'])
        left_out = [p for p in patches if set(p.files) & old]
        patches = [p for p in patches if not set(p.files) & old]
        for p in left_out:
            say('left out %s: MAINTAINERS marks %s obsolete (--obsolete writes it)' % (
                ' '.join(p.files), ' '.join(sorted(set(p.files) & old))))
        if not patches:
            say('every change is in files MAINTAINERS marks obsolete: no series written')
            return 1 if conv_rc else 0
    hist = {}
    if in_git:
        hist = history(top, {r['file'] for r in records} | set(changes))
    subjects(patches, changes, hist)
    for k, p in enumerate(patches, 1):
        p.number = k
        p.message = message(p, changes, opt['api'], author)

    date = os.environ.get('SOURCE_DATE_EPOCH')
    date = email.utils.formatdate(int(date) if date else time.time(), localtime=False)
    scratch = Scratch(top, changes, patches, author, date)
    tmpout = None
    try:
        verified = None
        status = 1 if conv_rc else 0
        if opt['verify']:
            ok, verified, _ = verify(top, patches, scratch, opt['verify'], opt['jobs'])
            if not ok:
                status = 1
        desc = cover_description(patches, records, paths, opt['api'], hist, verified,
                                 left_out) if opt['cover'] else ''
        tmpout = tempfile.mkdtemp(prefix='.mmprep-series.', dir=out)
        names = scratch.format_patch(tmpout, opt['cover'], desc, base)
        texts = {n: read(os.path.join(tmpout, n)) for n in names}
        cover = [n for n in names if n.startswith('0000-')]
        pnames = [n for n in names if not n.startswith('0000-')]
        for p, n in zip(patches, pnames):
            p.name = patch_name(p.number, p.subject)
            texts[p.name] = texts.pop(n)
            os.rename(os.path.join(tmpout, n), os.path.join(tmpout, p.name))
        names = cover + [p.name for p in patches]
        if base:
            for n in names:
                texts[n] = texts[n].replace('base-commit: ' + scratch.base,
                                            'base-commit: ' + base)
        if opt['to_cc']:
            allto, allcc = [], []
            with concurrent.futures.ThreadPoolExecutor(opt['jobs']) as pool:
                found = list(pool.map(lambda q: maintainers(top, os.path.join(tmpout, q.name)),
                                      patches))
            for p, (to, cc) in zip(patches, found):
                p.to, p.cc = to, cc
                texts[p.name] = add_headers(texts[p.name], to, cc)
                allto += p.to
                allcc += p.cc
            allto = list(dict.fromkeys(allto))
            allcc = [x for x in dict.fromkeys(allcc) if x not in allto]
            for n in cover:
                texts[n] = add_headers(texts[n], allto, allcc)
        for n in names:
            write(os.path.join(tmpout, n), texts[n])
        for n in names:
            os.replace(os.path.join(tmpout, n), os.path.join(out, n))
    finally:
        scratch.cleanup()
        if tmpout:
            shutil.rmtree(tmpout, ignore_errors=True)
    if opt['json']:
        holder = {f: p for p in patches for f in p.files}
        for r in records:
            p = holder.get(r.get('file'))
            if r.get('status') == 'converted' and p is not None:
                r = dict(r, patch=p.number, patch_file=p.name)
            print(json.dumps(r, sort_keys=True))
    else:
        for n in names:
            print(os.path.relpath(os.path.join(out, n)))
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
