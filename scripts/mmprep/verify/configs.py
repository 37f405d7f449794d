# SPDX-License-Identifier: GPL-2.0
"""The kernel configurations mmprep-verify builds in, in order.

Each is allmodconfig for make's ARCH= with the compiler CROSS_COMPILE=
names, and the fragment scripts/verify-configs/NAME.config as
KCONFIG_ALLCONFIG (the few symbols allmodconfig would not choose, and
WERROR off everywhere: a warning of a 6.12 original is not an error, the
warnings are compared).  Each has its own O= folder under the cache:
build/ for the first, build-NAME/ for the others, configured once (again
when the recipe changes) and prepared only in a run that has a file for
it.

A file is built in the first configuration whose build of its 6.12
original succeeds.  The first configuration tries every file; the others
only the files outside arch/ and those of the arch/ folders they build.  A
configuration whose compiler is missing is skipped (the package that
provides it is named).
"""

import os
import shutil

HERE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FRAGMENTS = os.path.join(HERE, "verify-configs")


class Config:
	"""name: what the summary and the table call it; arch, cross: make's
	ARCH= and CROSS_COMPILE= ("": the host's); package: the Debian package
	of the compiler (None: the host's gcc); arches: the arch/ folders it
	builds files of; folder: its O= folder under verify-6.12/."""

	def __init__(self, name, arch, cross, package, arches, folder=None):
		self.name = name
		self.arch = arch
		self.cross = cross
		self.package = package
		self.arches = frozenset(arches)
		self.folder = folder or "build-" + name
		self.fragment = os.path.join(FRAGMENTS, name + ".config")

	def make_args(self):
		"""The ARCH= and CROSS_COMPILE= words of every make in its folder."""
		out = []
		if self.arch:
			out.append("ARCH=" + self.arch)
		if self.cross:
			out.append("CROSS_COMPILE=" + self.cross)
		return out

	def compiler(self):
		return self.cross + "gcc"

	def available(self):
		return shutil.which(self.compiler()) is not None

	def may_build(self, path):
		"""Whether a .c file may be built here, as far as its path tells."""
		return not path.startswith("arch/") or path.split("/")[1] in self.arches

	def recipe(self):
		"""What the folder's marker holds: a change reconfigures it."""
		with open(self.fragment, encoding="utf-8") as fp:
			return "allmodconfig %s\nKCONFIG_ALLCONFIG:\n%s" % (" ".join(self.make_args()),
									    fp.read())

	def stage(self, stage):
		"""The name of a build stage (orig, conv) here: its make log is
		logs/STAGE.make, its checker logs under logs/STAGE/."""
		return stage if self.folder == "build" else "%s-%s" % (stage, self.name)

	def log(self, what):
		"""logs/WHAT (config, prepare) of this configuration."""
		return what if self.folder == "build" else "%s-%s" % (what, self.name)


CONFIGS = (
	Config("x86_64", "", "", None, ("x86",), folder="build"),
	Config("um", "um", "", None, ("um", "x86")),
	Config("riscv-nommu", "riscv", "riscv64-linux-gnu-", "gcc-riscv64-linux-gnu", ("riscv",)),
	Config("powerpc64", "powerpc", "powerpc64-linux-gnu-", "gcc-powerpc64-linux-gnu",
	       ("powerpc",)),
	Config("sparc64", "sparc64", "sparc64-linux-gnu-", "gcc-sparc64-linux-gnu", ("sparc",)),
)
