# SPDX-License-Identifier: GPL-2.0
#
# emit.jq: print the gate's result (match.jq output) as text, SARIF 2.1.0 or
# JUnit XML.
#
#   jq -r --arg format text|sarif|junit --slurpfile sources S --slurpfile checked C
#
# $sources  {file: [line texts]} of the patched files (text: the source line
#           under each new finding)
# $checked  {tool: [files]}: the tools that ran and the files each checked
#           (SARIF: one run per tool; JUnit: one testcase per tool and file)

def tag:
	if .tool == "sparse" then "sparse"
	elif .tool == "checkpatch" then "checkpatch:" + .check
	else .check end;

def location:
	"\(.file):\(.line):" + (if (.column // 0) > 0 then "\(.column):" else "" end);

def diagnostic:
	"\(location) \(.severity): \(.message) [\(tag)]";

def pad($w): tostring | (" " * ([$w - length, 0] | max) // "") + .;

def plural($n; $word): "\($n) \($word)" + (if $n == 1 then "" else "s" end);

def text:
	.findings as $all
	| ($all | map(select(.status == "new"))) as $new
	| ($all | map(select(.status == "context")) | length) as $ncontext
	| ($all | map(select(.status == "old")) | length) as $nold
	| ([$checked[0][]] | add // [] | unique | length) as $nfiles
	| (if ($all | length) > 0 then
		"All findings in the patched files (new ones prefixed by >>"
		+ (if $ncontext > 0 then ", new ones on lines the patch leaves alone by +>"
		   else "" end)
		+ "):\n\n"
		+ ([$all | group_by(.file)[]
		    | reduce .[] as $f ({prev: null, out: []};
			(if $f.function != .prev then
				.out += ["\($f.file): " + (if $f.function == "" then "At top level:"
					else "In function '\($f.function)':" end)]
			 else . end)
			| .prev = $f.function
			| .out += [({new: ">> ", context: "+> "}[$f.status] // "   ") + ($f | diagnostic)]
			| if $f.status == "new" then
				.out += [(($f.line | pad(8)) + " | "
					+ (($sources[0][$f.file] // [])[$f.line - 1] // ""))]
			  else . end)
		    | .out | join("\n")] | join("\n\n"))
		+ "\n\n"
	  else "" end)
	+ "mmprep-gate: "
	+ (if ($new | length) == 0 then "no new findings"
	   else plural($new | length; "new finding") + " ("
		+ ([$new | group_by(.tool)[] | "\(.[0].tool): \(length)"] | join(", ")) + ")" end)
	+ (if $nold > 0 then "; \($nold) pre-existing" else "" end)
	+ (if $ncontext > 0 then "; \($ncontext) new on lines the patch leaves alone, not counted"
		+ " (--any-line counts them)" else "" end)
	+ "; " + plural($nfiles; "checked file");

def sarif:
	.findings as $all
	| {
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		version: "2.1.0",
		runs: [$checked[0] | keys[] as $tool
			| ($all | map(select(.status == "new" and .tool == $tool))) as $res
			| {
				tool: {driver: {
					name: $tool,
					informationUri: "https://github.com/mmprep/mmprep",
					rules: [$res[].check] | unique | map({id: ., name: .,
						shortDescription: {text: "\($tool): \(.)"}})
				}},
				automationDetails: {id: "mmprep-gate/"},
				columnKind: "utf16CodeUnits",
				results: [$res[] | {
					ruleId: .check,
					level: (if .severity == "error" then "error" else "warning" end),
					message: {text: .message},
					locations: [{
						physicalLocation: {
							artifactLocation: {uri: .file, uriBaseId: "%SRCROOT%"},
							region: ({startLine: .line}
								+ (if (.column // 0) > 0 then {startColumn: .column}
								   else {} end))
						}
					} + (if .function != "" then
						{logicalLocations: [{name: .function, kind: "function"}]}
					     else {} end)],
					partialFingerprints: {"mmprepGate/v1": .fingerprint},
					baselineState: "new"
				}],
				invocations: [{executionSuccessful: true}]
			}]
	  };

def junit:
	.findings as $all
	| [$checked[0] | to_entries[] | .key as $tool | .value[] as $file
	   | {tool: $tool, file: $file,
	      failures: [$all[] | select(.status == "new" and .tool == $tool and .file == $file)]}]
	  as $cases
	| ($cases | map(.failures | length) | add // 0) as $nfail
	| "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	+ "<testsuites name=\"mmprep-gate\" tests=\"\($cases | length)\" failures=\"\($nfail)\">\n"
	+ ([$cases | group_by(.tool)[]
	    | "  <testsuite name=\"\(.[0].tool | @html)\" tests=\"\(length)\" failures=\""
	      + "\(map(.failures | length) | add)\" errors=\"0\" skipped=\"0\">\n"
	      + ([.[] | "    <testcase classname=\"\(.tool | @html)\" name=\"\(.file | @html)\""
		  + (if (.failures | length) == 0 then "/>"
		     else ">\n"
			+ ([.failures[] | "      <failure type=\"\(.check | @html)\" message=\""
			    + "\("\(.file):\(.line): \(.message)" | @html)\">"
			    + "\(diagnostic | @html)</failure>"] | join("\n"))
			+ "\n    </testcase>" end)] | join("\n"))
	      + "\n  </testsuite>"] | join("\n"))
	+ (if ($cases | length) > 0 then "\n" else "" end)
	+ "</testsuites>";

if $format == "sarif" then sarif
elif $format == "junit" then junit
else text end
