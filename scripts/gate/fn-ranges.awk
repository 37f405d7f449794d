# SPDX-License-Identifier: GPL-2.0
#
# fn-ranges.awk: the functions of a C file in kernel style, one line each:
#   <first line><TAB><last line><TAB><name>
# from the first line of the declaration to the closing brace.  Used by
# scripts/mmprep-gate to name the function of a sparse or checkpatch
# finding.  A light scanner, not a parser: comments, strings, character
# constants and preprocessor lines are skipped; a top-level "{" opens a
# function when the declaration before it has a "(" that no "=" precedes.

function name_of(h,    s) {
	s = h
	sub(/\(.*/, "", s)
	sub(/[ \t]+$/, "", s)
	if (match(s, /[A-Za-z_][A-Za-z0-9_]*$/))
		return substr(s, RSTART, RLENGTH)
	return ""
}

function is_function(h,    p, e) {
	p = index(h, "(")
	if (p == 0)
		return 0
	e = index(h, "=")
	return e == 0 || e > p
}

{
	line = $0
	# preprocessor lines and their continuations
	if (in_pp || (!in_comment && line ~ /^[ \t]*#/)) {
		in_pp = (line ~ /\\$/)
		next
	}
	# comments, strings and character constants
	out = ""
	i = 1
	n = length(line)
	while (i <= n) {
		c = substr(line, i, 1)
		if (in_comment) {
			if (c == "*" && substr(line, i + 1, 1) == "/") {
				in_comment = 0
				i += 2
			} else {
				i++
			}
			continue
		}
		if (c == "/" && substr(line, i + 1, 1) == "*") {
			in_comment = 1
			out = out " "
			i += 2
			continue
		}
		if (c == "/" && substr(line, i + 1, 1) == "/")
			break
		if (c == "\"" || c == "'") {
			q = c
			i++
			while (i <= n && substr(line, i, 1) != q) {
				if (substr(line, i, 1) == "\\")
					i++
				i++
			}
			out = out q q
			i++
			continue
		}
		out = out c
		i++
	}
	line = out

	if (depth == 0) {
		if (hdr == "" && line ~ /^[A-Za-z_]/) {
			hdr = line
			hstart = NR
		} else if (hdr != "") {
			hdr = hdr " " line
		}
	}
	n = length(line)
	for (i = 1; i <= n; i++) {
		c = substr(line, i, 1)
		if (c == "{") {
			if (depth == 0 && hdr != "" && is_function(hdr)) {
				in_fn = 1
				fname = name_of(hdr)
				fstart = hstart
			}
			depth++
		} else if (c == "}") {
			if (depth > 0)
				depth--
			if (depth == 0) {
				if (in_fn && fname != "")
					print fstart "\t" NR "\t" fname
				in_fn = 0
				hdr = ""
			}
		} else if (c == ";" && depth == 0) {
			hdr = ""
		}
	}
}
