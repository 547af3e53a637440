#!/usr/bin/env python3
"""Checks the links between catalogs that DocC cannot resolve.

DocC resolves a symbol or article link only within a module and its dependencies, so a page
that points "up" (SsoCore to Sso, Sso to SsoHummingbird) uses a plain link to the page's path in
the combined archive: [`SsoEngine`](/documentation/sso/ssoengine). This fails when such a path
names no page of the archive.

usage: web-links.py ARCHIVE
"""
import glob
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
LINK = re.compile(r"\]\((/documentation/[^)#\s]*)")


def main():
    data = os.path.join(sys.argv[1], "data")
    broken = []
    files = glob.glob(os.path.join(ROOT, "Sources", "**", "*.md"), recursive=True)
    files += glob.glob(os.path.join(ROOT, "Sources", "**", "*.swift"), recursive=True)
    for path in files:
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            for target in LINK.findall(line):
                if not os.path.exists(data + target.rstrip("/") + ".json"):
                    broken.append(f"{os.path.relpath(path, ROOT)}:{number}: no page at {target}")
    for entry in broken:
        print(entry)
    if broken:
        print(f"{len(broken)} links name no page of the archive", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
