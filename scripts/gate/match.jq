# SPDX-License-Identifier: GPL-2.0
#
# match.jq: which findings of the patched tree the patch introduces.
#
# Inputs (jq -n --slurpfile):
#   $findings  records {side: "base"|"head", tool, check, file, line, column,
#              function, severity, message, key}; key, when set, replaces the
#              message in the fingerprint
#   $changes   {renames: {old: new}, added: {file: [line]}, removed: {file: [text]},
#              files: [patched file]}
#   $ranges    {base: {file: [[first, last, name]]}, head: {...}}
#   $sources   {file: [text of line 1, 2, ...]} for the patched files
#
# A finding's fingerprint is (tool, check, file, function, message with numbers
# stripped), so that it survives line shifts; a base file's findings count
# under the file's new name when the patch renames it.  Per fingerprint, as
# smatch's new_bugs.pl does, the patched tree's occurrences in excess of the
# base's are new.  Occurrences on lines the patch leaves alone are matched to
# the base's first; of those on added or changed lines, the ones whose source
# line the patch also removed (moved code) are matched next; the rest, in
# line order, are new.  A new occurrence on an unchanged line is "context":
# listed, never counted (the patch did not write that line).
#
# Output: {findings: [record + {status: "new"|"old"|"context", fingerprint}]}

def norm:
	gsub("(?<![A-Za-z0-9_])(0[xX][0-9A-Fa-f]+|[0-9]+)(?![A-Za-z0-9_])"; "N");

def trim: sub("^\\s+"; "") | sub("\\s+$"; "");

def fn_at($side; $file; $line):
	[($ranges[0][$side][$file] // [])[] | select(.[0] <= $line and $line <= .[1]) | .[2]]
	| last // "";

$changes[0] as $c
| ($c.files | map({key: ., value: true}) | from_entries) as $touched
| [$findings[]
   | .function = (if (.function // "") == "" then fn_at(.side; .file; .line) else .function end)
   | if .side == "base" then .file = ($c.renames[.file] // .file) else . end
   | select($touched[.file])
   | .fingerprint = ([.tool, .check, .file, .function, (.key // (.message | norm))] | tojson)
  ] as $all
| ($all | map(select(.side == "base")) | group_by(.fingerprint)
   | map({key: .[0].fingerprint, value: length}) | from_entries) as $base_count
| [$all | map(select(.side == "head")) | group_by(.fingerprint)[]
   | ($base_count[.[0].fingerprint] // 0) as $cb
   | (.[0].file) as $file
   | (($c.added[$file] // []) | map({key: tostring, value: true}) | from_entries) as $added
   | (($c.removed[$file] // []) | map({key: trim, value: true}) | from_entries) as $removed
   | map(.changed = ($added[.line | tostring] // false)) as $occ
   | ($occ | map(select(.changed | not)) | sort_by(.line, .column)) as $same
   | ($occ | map(select(.changed))
      | map(.moved = ($removed[(($sources[0][$file] // [])[.line - 1] // "") | trim] // false))
      | sort_by((if .moved then 0 else 1 end), .line, .column)) as $cand
   | ([$cb - ($same | length), 0] | max) as $left
   | ($same | to_entries | map(.value + {status: (if .key < $cb then "old" else "context" end)}))
     + ($cand | to_entries | map(.value + {status: (if .key < $left then "old" else "new" end)}))
   | .[]
   | del(.changed, .moved, .side)
  ]
| {findings: sort_by(.file, .line, .column // 0, .tool, .check, .message)}
