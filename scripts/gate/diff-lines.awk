# SPDX-License-Identifier: GPL-2.0
#
# diff-lines.awk: the lines a patch adds or changes, from "git diff -U0"
# output (a/ and b/ prefixes), one record per line:
#   A <file> <line>   line <line> of <file> (the patched file) is new or changed
#   D <file> <text>   <text> was removed from <file> (the patched file's name,
#                     or the old name when the file is deleted)
# Fields are separated by tabs; <text> is the rest of the line.

function unquote(s,    out, i, c, n) {
	if (substr(s, 1, 1) != "\"")
		return s
	s = substr(s, 2)
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\"")
			break
		if (c != "\\") {
			out = out c
			continue
		}
		i++
		c = substr(s, i, 1)
		if (c ~ /[0-7]/) {
			n = substr(s, i, 1) * 64 + substr(s, i + 1, 1) * 8 + substr(s, i + 2, 1)
			i += 2
			out = out sprintf("%c", n)
		} else if (c == "n") {
			out = out "\n"
		} else if (c == "t") {
			out = out "\t"
		} else {
			out = out c
		}
	}
	return out
}

function header_path(s) {
	s = unquote(s)
	sub(/\t.*/, "", s)
	if (s == "/dev/null")
		return ""
	return substr(s, index(s, "/") + 1)
}

in_hunk {
	c = substr($0, 1, 1)
	if (c == "-") {
		print "D\t" file "\t" substr($0, 2)
		old_left--
	} else if (c == "+") {
		new_left--
	} else if (c == " ") {
		old_left--
		new_left--
	}
	if (c == "-" || c == "+" || c == " " || c == "\\") {
		if (old_left <= 0 && new_left <= 0)
			in_hunk = 0
		next
	}
	in_hunk = 0
}

/^--- / {
	old = header_path(substr($0, 5))
	next
}

/^\+\+\+ / {
	file = header_path(substr($0, 5))
	if (file == "")
		file = old
	next
}

/^@@ -[0-9]+(,[0-9]+)? \+[0-9]+(,[0-9]+)? @@/ {
	h = $0
	sub(/^@@ -/, "", h)
	split(h, part, " ")
	old_left = 1
	if (index(part[1], ",") > 0)
		old_left = substr(part[1], index(part[1], ",") + 1) + 0
	nw = substr(part[2], 2)
	start = nw + 0
	new_left = 1
	if (index(nw, ",") > 0) {
		start = substr(nw, 1, index(nw, ",") - 1) + 0
		new_left = substr(nw, index(nw, ",") + 1) + 0
	}
	for (i = 0; i < new_left; i++)
		print "A\t" file "\t" (start + i)
	in_hunk = (old_left > 0 || new_left > 0)
	next
}
