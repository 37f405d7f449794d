#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check a SARIF log against the fields SARIF 2.1.0 requires, plus mmprep's own promises
(stable rule ids equal to check names, 1-based regions, relative artifact URIs).

Usage: sarif-check.py LOG.sarif [CHECK-NAME...]   (check names: the expected rule list)
Exit 0 when valid; prints one line per problem otherwise.
"""
import json
import sys

LEVELS = {"none", "note", "warning", "error"}


def main():
    problems = []

    def need(cond, what):
        if not cond:
            problems.append(what)

    with open(sys.argv[1]) as f:
        log = json.load(f)
    want_rules = sys.argv[2:]
    need(log.get("version") == "2.1.0", "version must be 2.1.0")
    need(isinstance(log.get("$schema"), str), "$schema should name the 2.1.0 schema")
    runs = log.get("runs")
    need(isinstance(runs, list) and runs, "runs must be a non-empty array")
    for run in runs or []:
        driver = run.get("tool", {}).get("driver", {})
        need(isinstance(driver.get("name"), str) and driver["name"],
             "tool.driver.name is required")
        rules = driver.get("rules", [])
        ids = [r.get("id") for r in rules]
        need(all(isinstance(i, str) and i for i in ids), "every rule needs an id")
        need(len(set(ids)) == len(ids), "rule ids must be unique")
        if want_rules:
            need(ids == want_rules, "rules %s != checks %s" % (ids, want_rules))
        for r in rules:
            sd = r.get("shortDescription", {})
            need(isinstance(sd.get("text"), str), "rule %s: shortDescription.text" % r.get("id"))
            lvl = r.get("defaultConfiguration", {}).get("level", "warning")
            need(lvl in LEVELS, "rule %s: bad level %s" % (r.get("id"), lvl))
        for inv in run.get("invocations", []):
            need(isinstance(inv.get("executionSuccessful"), bool),
                 "invocation.executionSuccessful is required")
        for i, res in enumerate(run.get("results", [])):
            where = "result %d" % i
            msg = res.get("message", {})
            need(isinstance(msg.get("text"), str) or isinstance(msg.get("id"), str),
                 where + ": message.text or message.id is required")
            rid = res.get("ruleId")
            need(rid in ids, where + ": ruleId %r is not a rule" % rid)
            idx = res.get("ruleIndex")
            if idx is not None:
                need(0 <= idx < len(ids) and ids[idx] == rid,
                     where + ": ruleIndex does not point at ruleId")
            need(res.get("level", "warning") in LEVELS, where + ": bad level")
            locs = res.get("locations", [])
            need(isinstance(locs, list) and locs, where + ": locations expected")
            for loc in locs:
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri")
                need(isinstance(uri, str) and uri, where + ": artifactLocation.uri")
                need(isinstance(uri, str) and not uri.startswith("/") and "://" not in uri,
                     where + ": uri %r must be relative" % uri)
                reg = phys.get("region", {})
                need(isinstance(reg.get("startLine"), int) and reg["startLine"] >= 1,
                     where + ": region.startLine must be >= 1")
                if "startColumn" in reg:
                    need(isinstance(reg["startColumn"], int) and reg["startColumn"] >= 1,
                         where + ": region.startColumn must be >= 1")
    for p in problems:
        print("sarif-check: %s: %s" % (sys.argv[1], p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
