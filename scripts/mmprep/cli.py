# SPDX-License-Identifier: GPL-2.0
"""What the command-line tools of scripts/mmprep/ say the same way."""


def os_error(prog, e):
	"""The line for an OSError that ends prog's run: "prog: FILE: reason"
	(no FILE when the error names none)."""
	where = e.filename or ""
	return "%s: %s%s\n" % (prog, where + ": " if where else "", e.strerror or e)
