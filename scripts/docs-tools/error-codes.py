#!/usr/bin/env python3
"""Writes the error-code reference (a DocC article) from the code.

Every `static let name: Self = "code"` in an `extension SsoError.Code` under Sources/ is one
code; its `///` comment is the meaning. What a user should do comes from error-guidance.md,
one entry per code family (a code prefix). The run fails when a code has no comment, no family
covers it, or a family covers no code, so the page cannot drift from the code.

usage: error-codes.py OUTPUT.md
"""
import glob
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
DECLARATION = re.compile(r'^\s*(public |package )?static let (\w+): (?:Self|SsoError\.Code) = "([a-z0-9_.]+)"')


def codes():
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Sources", "**", "*.swift"), recursive=True)):
        lines = open(path, encoding="utf-8").read().split("\n")
        inside = False
        for index, line in enumerate(lines):
            if line.startswith("extension SsoError.Code"):
                inside = True
            elif line.startswith("}"):
                inside = False
            match = DECLARATION.match(line)
            if not (inside and match):
                continue
            comment, back = [], index - 1
            while back >= 0 and lines[back].strip().startswith("///"):
                comment.insert(0, lines[back].strip()[3:].strip())
                back -= 1
            module = os.path.relpath(path, os.path.join(ROOT, "Sources")).split(os.sep)[0]
            found.append({"code": match.group(3), "name": match.group(2), "module": module,
                          "public": bool(match.group(1)), "meaning": " ".join(comment),
                          "where": f"{os.path.relpath(path, ROOT)}:{index + 1}"})
    return found


def guidance():
    families, current = [], None
    for line in open(os.path.join(os.path.dirname(__file__), "error-guidance.md"), encoding="utf-8"):
        heading = re.match(r"^## `([a-z0-9_.]+)\*?`\s*(?:—\s*(.*))?$", line.rstrip())
        if heading:
            current = {"prefix": heading.group(1), "title": heading.group(2) or "", "text": []}
            families.append(current)
        elif current is not None:
            current["text"].append(line.rstrip("\n"))
    advice = re.compile(r"^- `([a-z0-9_.]+)`: (.+)$")
    for family in families:
        family["advice"] = {m.group(1): m.group(2) for m in map(advice.match, family["text"]) if m}
        family["text"] = "\n".join(line for line in family["text"] if not advice.match(line)).strip()
    return families


def family_of(code, families):
    matching = [f for f in families if code == f["prefix"] or code.startswith(f["prefix"])]
    return max(matching, key=lambda f: len(f["prefix"])) if matching else None


def cell(text):
    # Symbol links in a doc comment resolve in the declaring module, not on this page.
    return re.sub(r"``([^`]+)``", r"`\1`", text).replace("|", "\\|")


def main():
    output = sys.argv[1]
    all_codes, families = codes(), guidance()
    problems = []
    seen = {}
    for entry in all_codes:
        if not entry["meaning"]:
            problems.append(f"{entry['where']}: {entry['code']} has no doc comment")
        if entry["code"] in seen and seen[entry["code"]]["where"] != entry["where"]:
            problems.append(f"{entry['where']}: {entry['code']} is also declared at {seen[entry['code']]['where']}")
        seen[entry["code"]] = entry
        entry["family"] = family_of(entry["code"], families)
        if entry["family"] is None:
            problems.append(f"{entry['where']}: no family in error-guidance.md covers {entry['code']}")
    for family in families:
        if not any(e["family"] is family for e in all_codes):
            problems.append(f"error-guidance.md: family {family['prefix']} covers no code")
        if not family["text"] and not family["advice"]:
            problems.append(f"error-guidance.md: family {family['prefix']} says nothing")
        for code in family["advice"]:
            if code not in seen or family_of(code, families) is not family:
                problems.append(f"error-guidance.md: advice for {code}, which is not a code of {family['prefix']}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    page = [
        "# Error codes",
        "",
        "Every code an `SsoError` can carry, what it means and what to do about it.",
        "",
        "## Overview",
        "",
        "``/SsoCore/SsoError`` has a stable, dotted ``/SsoCore/SsoError/code`` to branch on and a",
        "``/SsoCore/SsoError/message`` for people; neither ever holds a secret. Codes never change",
        "meaning; new ones may be added. This page is generated from the declarations",
        "(`scripts/docs-tools/error-codes.py`), so it lists exactly the codes the library has.",
        "The meaning comes from each code's doc comment, the advice from its family.",
        "",
        f"{len(all_codes)} codes in {len(families)} families.",
        "",
    ]
    for family in families:
        members = sorted((e for e in all_codes if e["family"] is family), key=lambda e: e["code"])
        title = f" — {family['title']}" if family["title"] else ""
        page += [f"## `{family['prefix']}`{title}", ""]
        if family["text"]:
            page += [family["text"], ""]
        page += ["| Code | Meaning | What to do |", "| --- | --- | --- |"]
        for entry in members:
            todo = family["advice"].get(entry["code"], "See above.")
            todo = todo[:1].upper() + todo[1:]
            page.append(f"| `{entry['code']}` | {cell(entry['meaning'])} | {cell(todo)} |")
        page.append("")
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(page))
    print(f"error-codes.py: {len(all_codes)} codes, {len(families)} families -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
