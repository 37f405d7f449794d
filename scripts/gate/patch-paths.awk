# SPDX-License-Identifier: GPL-2.0
#
# patch-paths.awk: list what a patch (a plain diff or an mbox of patches)
# would write, before anything is applied, and refuse what must not be.
# Used by scripts/mmprep-gate; it reads the file headers the way git apply
# does (hunk line counts tell header lines from hunk lines).
#
# Output, one record per line, fields separated by tabs:
#   P <path>            a path the patch writes (prefix a/ or b/ removed)
#   L <path> <target>   <path> becomes a symlink to <target>
#   M <path>            <path> becomes a symlink, target not in the patch
#   R <from> <to>       a rename or copy
#   E <message>         a reason to refuse the patch
#   S <count>           non-zero when the file holds a patch (last line)
#
# Modes: run with -v mode=links to check "path<TAB>target" lines instead
# (symlink targets found elsewhere): prints E lines only.

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
		} else if (c == "a" || c == "b" || c == "f" || c == "r" || c == "v") {
			out = out "?"
		} else {
			out = out c
		}
	}
	return out
}

function refuse(msg) {
	print "E\t" msg
	bad = 1
}

# A path is refused when it is absolute, has a ".." component, names .git,
# or holds control characters.
function check_path(p, what,    n, i, comp) {
	if (p == "")
		return
	if (substr(p, 1, 1) == "/") {
		refuse(what " '" p "' is an absolute path")
		return
	}
	if (p ~ /[\001-\037\177]/) {
		refuse(what " '" p "' holds control characters")
		return
	}
	n = split(p, comp, "/")
	for (i = 1; i <= n; i++) {
		if (comp[i] == "..") {
			refuse(what " '" p "' leaves the tree (..)")
			return
		}
		if (tolower(comp[i]) == ".git") {
			refuse(what " '" p "' is inside .git")
			return
		}
	}
}

# Remove the a/ or b/ (any first component), as git apply -p1 does.
function strip1(p) {
	if (index(p, "/") == 0)
		return p
	return substr(p, index(p, "/") + 1)
}

# A symlink at <path> pointing to <target> must stay inside the tree.
function check_link(path, target,    n, i, comp, depth, m, dcomp) {
	if (substr(target, 1, 1) == "/") {
		refuse("symlink '" path "' points to the absolute path '" target "'")
		return
	}
	# depth of the folder holding the link
	m = split(path, dcomp, "/")
	depth = 0
	for (i = 1; i < m; i++)
		if (dcomp[i] != "" && dcomp[i] != ".")
			depth++
	n = split(target, comp, "/")
	for (i = 1; i <= n; i++) {
		if (comp[i] == "" || comp[i] == ".")
			continue
		if (comp[i] == "..") {
			depth--
			if (depth < 0) {
				refuse("symlink '" path "' points outside the tree ('" target "')")
				return
			}
		} else {
			if (depth == 0 && tolower(comp[i]) == ".git") {
				refuse("symlink '" path "' points into .git")
				return
			}
			depth++
		}
	}
}

# The path part of a "--- x" / "+++ x" line: quoted, or up to a tab.
function header_path(s) {
	if (substr(s, 1, 1) == "\"")
		return unquote(s)
	sub(/\t.*/, "", s)
	return s
}

function flush_link() {
	if (cur_link && cur_path != "") {
		if (link_target_seen)
			print "L\t" cur_path "\t" link_target
		else
			print "M\t" cur_path
	}
	cur_link = 0
	link_target_seen = 0
}

function emit(p) {
	check_path(p, "path")
	print "P\t" p
	cur_path = p
}

# mails may come with CRLF line ends
{ sub(/\r$/, "") }

mode == "links" {
	tab = index($0, "\t")
	if (tab > 0)
		check_link(substr($0, 1, tab - 1), substr($0, tab + 1))
	next
}

# Inside a hunk: count lines, catch the target of a new symlink.
in_hunk {
	c = substr($0, 1, 1)
	if (c == " " || $0 == "") {
		old_left--
		new_left--
	} else if (c == "-") {
		old_left--
	} else if (c == "+") {
		new_left--
		if (cur_link && !link_target_seen) {
			link_target = substr($0, 2)
			link_target_seen = 1
		}
	} else if (c == "\\") {
		# "\ No newline at end of file"
	} else {
		in_hunk = 0
	}
	if (in_hunk) {
		if (old_left <= 0 && new_left <= 0)
			in_hunk = 0
		next
	}
}

/^diff --git / {
	flush_link()
	sections++
	cur_path = ""
	rest = substr($0, 12)
	# Quoted names are unquoted and checked; unquoted ones are ambiguous
	# when they hold spaces, so every space-separated word is checked.
	if (index(rest, "\"") > 0) {
		while (rest != "") {
			sub(/^ +/, "", rest)
			if (substr(rest, 1, 1) == "\"") {
				q = unquote(rest)
				if (substr(q, 1, 1) == "/")
					check_path(q, "path")
				else
					emit(strip1(q))
				# skip the quoted word
				j = 2
				while (j <= length(rest)) {
					ch = substr(rest, j, 1)
					if (ch == "\\")
						j++
					else if (ch == "\"")
						break
					j++
				}
				rest = substr(rest, j + 1)
			} else {
				w = rest
				sub(/ .*/, "", w)
				rest = substr(rest, length(w) + 1)
				check_path(w, "path")
			}
		}
	} else {
		n = split(rest, word, " ")
		for (i = 1; i <= n; i++)
			check_path(word[i], "path")
		# "a/NAME b/NAME": the same name twice is unambiguous, even with
		# spaces (a mode change or a binary patch has no ---/+++ lines)
		half = (length(rest) - 1) / 2
		if (half == int(half) && substr(rest, half + 1, 1) == " " &&
		    substr(rest, 3, half - 2) == substr(rest, half + 4))
			emit(substr(rest, 3, half - 2))
	}
	next
}

/^--- / {
	p = header_path(substr($0, 5))
	if (p != "/dev/null") {
		if (substr(p, 1, 1) == "/")
			check_path(p, "path")
		else
			print "P\t" strip1(p)
		check_path(strip1(p), "path")
	}
	next
}

/^\+\+\+ / {
	plus_headers++
	p = header_path(substr($0, 5))
	if (p != "/dev/null") {
		if (substr(p, 1, 1) == "/")
			check_path(p, "path")
		else
			emit(strip1(p))
	}
	next
}

/^(rename|copy) from / {
	from_path = unquote(substr($0, index($0, "from ") + 5))
	check_path(from_path, "path")
	print "P\t" from_path
	next
}

/^(rename|copy) to / {
	p = unquote(substr($0, index($0, "to ") + 3))
	emit(p)
	print "R\t" from_path "\t" p
	next
}

/^(new file mode|new mode) 120000/ {
	cur_link = 1
	next
}

/^index [0-9a-f]+\.\.[0-9a-f]+ 120000/ {
	cur_link = 1
	next
}

/^@@ -[0-9]+(,[0-9]+)? \+[0-9]+(,[0-9]+)? @@/ {
	h = $0
	sub(/^@@ -/, "", h)
	split(h, part, " ")
	if (index(part[1], ",") > 0)
		old_left = substr(part[1], index(part[1], ",") + 1) + 0
	else
		old_left = 1
	nw = substr(part[2], 2)
	if (index(nw, ",") > 0)
		new_left = substr(nw, index(nw, ",") + 1) + 0
	else
		new_left = 1
	in_hunk = (old_left > 0 || new_left > 0)
	next
}

END {
	if (mode == "links")
		exit
	flush_link()
	print "S\t" (sections + plus_headers)
}
