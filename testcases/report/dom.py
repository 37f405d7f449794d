#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# dom.py: read a DOM that "chromium --dump-dom" printed.
#
# Usage: dom.py column FILE TABLE-ID INDEX   cell texts of a column, body order
#        dom.py attr FILE TABLE-ID KEY ATTR  an attribute of the header KEY
#        dom.py text FILE ELEMENT-ID         the text of an element
import html.parser
import sys


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []         # open elements: (tag, attrs)
        self.table = None       # id of the table we are in
        self.section = None     # thead / tbody
        self.rows = {}          # table id -> list of rows (lists of cell texts)
        self.heads = {}         # table id -> list of header attribute dicts
        self.cell = None        # text of the open cell
        self.ids = {}           # element id -> text
        self.capture = []       # ids being captured

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.table = a.get("id")
        elif tag in ("thead", "tbody"):
            self.section = tag
        elif tag == "tr" and self.table and self.section == "tbody":
            self.rows.setdefault(self.table, []).append([])
        elif tag in ("td", "th"):
            self.cell = ""
            if tag == "th" and self.table:
                self.heads.setdefault(self.table, []).append(a)
        if "id" in a:
            self.ids[a["id"]] = ""
            self.capture.append(a["id"])
        self.stack.append((tag, a.get("id")))

    def handle_endtag(self, tag):
        while self.stack:
            t, i = self.stack.pop()
            if i in self.capture:
                self.capture.remove(i)
            if t == tag:
                break
        if tag in ("td", "th") and self.cell is not None:
            if tag == "td" and self.table and self.section == "tbody":
                self.rows[self.table][-1].append(self.cell.strip())
            self.cell = None
        elif tag == "table":
            self.table = None
            self.section = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        for i in self.capture:
            self.ids[i] += data


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    dom = Dom()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    if cmd == "column":
        for row in dom.rows.get(sys.argv[3], []):
            print(row[int(sys.argv[4])])
    elif cmd == "attr":
        for h in dom.heads.get(sys.argv[3], []):
            if h.get("data-key") == sys.argv[4]:
                print(h.get(sys.argv[5], ""))
    elif cmd == "text":
        print(dom.ids.get(sys.argv[3], ""))
    else:
        sys.exit("dom.py: unknown command " + cmd)


main()
