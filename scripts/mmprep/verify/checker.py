# SPDX-License-Identifier: GPL-2.0
"""Kbuild's checker for mmprep-verify: make C=1 CHECK='mmprep-verify
--kbuild-checker=STAGE' runs it once per compiled file, with Kbuild's
CHECKFLAGS and the compiler flags, the source file last.  It runs sparse
(and, for a converted stage, mmprep-check) on the file and writes their
output and exit status to per-file logs under $MMPREP_VERIFY_LOGS/STAGE/:
FILE.sparse, FILE.sparse.rc, FILE.check (mmprep-check's JSON lines),
FILE.check.err and FILE.check.rc.  It always exits 0, so that make goes on
to compile the file.  Only the standard library's os and subprocess: it
starts once per file."""

import os
import subprocess


def is_converted(stage):
	"""Whether STAGE builds the converted files (conv, conv-CONFIG)."""
	return stage == "conv" or stage.startswith("conv-")


def run(cmd, out, err):
	"""cmd with stdout to the file out and stderr to err (None: to out);
	its exit status (127 when it cannot start)."""
	with open(out, "wb") as fo:
		if err is None:
			fe = subprocess.STDOUT
		else:
			fe = open(err, "wb")
		try:
			return subprocess.run(cmd, stdout=fo, stderr=fe, stdin=subprocess.DEVNULL,
					      check=False).returncode
		except OSError as e:
			(fo if err is None else fe).write(("%s: %s\n" % (cmd[0], e)).encode())
			return 127
		finally:
			if err is not None:
				fe.close()


def main(stage, args):
	src_file = args[-1] if args else ""
	prefix = os.environ["MMPREP_VERIFY_SRC"] + "/"
	rel = src_file[len(prefix):] if src_file.startswith(prefix) else src_file
	out = os.path.join(os.environ["MMPREP_VERIFY_LOGS"], stage, rel)
	os.makedirs(os.path.dirname(out), exist_ok=True)
	rc = run(["sparse"] + args, out + ".sparse", None)
	with open(out + ".sparse.rc", "w") as fp:
		fp.write("%d\n" % rc)
	if is_converted(stage):
		rc = run([os.environ["MMPREP_VERIFY_CHECK"], "--format=json", "--timeout=300"] + args,
			 out + ".check", out + ".check.err")
		with open(out + ".check.rc", "w") as fp:
			fp.write("%d\n" % rc)
	return 0
