#!/usr/bin/env python3
"""Checks that what the code cites is in the repository (CONTRIBUTING.md, "Rules"): the next
maintainer has only the repository, so the rules are written in docs/rules/ and cited from there.

In every tracked text file under src/, tests/, scripts/ and content/, a line fails when it
1. names a document kept outside the repository (the shared/ folder, the reference notes on the
   national platform, the stack measurements, a seed document "seed 00N") or a numbered section of
   one ("§3.1"; sections of RFCs and other standards are fine);
2. cites a work item by number ("issue 5", "issues 4 and 6", "issue #12"); a code name such as
   `import_issue.cpp` or "an import issue" is fine;
3. starts a `Rule:` comment whose comment block (the line and the comment lines after it) names no
   docs/rules/*.md page or docs/adr/ record;
4. names a docs/rules/ page or docs/adr/ record that does not exist, or a section of a docs/rules/
   page ("docs/rules/accounts.md "Passwords"") that is not one of its headings.
Prints one `file:line: reason` per failure and exits 1 if there is any."""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKED = ("src", "tests", "scripts", "content")
SELF = "scripts/check_citations.py"

OUTSIDE = [
    (re.compile(r"(?<![\w.-])shared/"), "cites the shared/ folder, which is not in the repository"),
    (re.compile(r"pix-reference|cat-reference|stack-measurements"),
     "cites reference notes kept outside the repository"),
    (re.compile(r"\bseeds? (?:document )?0\d\d\b"), "cites a seed document kept outside the repository"),
    (re.compile(r"\b[Ii]ssues?\s*(?:#\s*\d|\d)"), "cites an issue number"),
]
SECTION_SIGN = re.compile(r"§\s*\d")
STANDARD = re.compile(r"\b(RFC|Unicode|ISO|ECMA|IEEE|ANSSI|RGAA|WCAG)\b")
CITATION = re.compile(r"docs/(rules|adr)/[\w./-]*[\w-]")
SECTIONS = re.compile(r'\s*,?\s*"([^"]+)"')
COMMENT = re.compile(r"^\s*(//+|#+|--|\*|\"\"\"|''')\s?")


def tracked_files():
    try:
        listed = subprocess.run(["git", "ls-files", "--", *CHECKED], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        listed = [str(p.relative_to(ROOT)) for top in CHECKED for p in (ROOT / top).rglob("*") if p.is_file()]
    return sorted(f for f in listed if f != SELF)


def read_text(path):
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def headings(page, cache={}):
    if page not in cache:
        text = read_text(ROOT / page) or ""
        cache[page] = {m.group(1).strip() for m in re.finditer(r"^#+\s+(.+?)\s*#*\s*$", text, re.M)}
    return cache[page]


def uncommented(line):
    return COMMENT.sub("", line, count=1)


def check_citation(target, after, where, errors):
    """A docs/rules or docs/adr path: the file must exist, and quoted sections be headings of it."""
    target = target.rstrip(".")
    if target.startswith("docs/adr/"):
        number = re.match(r"docs/adr/(\d{4})", target)
        found = (ROOT / target).is_file() or (number and any((ROOT / "docs/adr").glob(number.group(1) + "-*.md")))
        if not found:
            errors.append(f"{where}: cites {target}, which does not exist")
        return
    if target in ("docs/rules", "docs/rules/"):
        return
    if not (ROOT / target).is_file():
        errors.append(f"{where}: cites {target}, which does not exist")
        return
    position = 0
    while True:
        quoted = SECTIONS.match(after, position)
        if not quoted:
            break
        if quoted.group(1) not in headings(target):
            errors.append(f'{where}: cites "{quoted.group(1)}", which is not a section of {target}')
        position = quoted.end()


def check_file(name, text, errors):
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        where = f"{name}:{number}"
        for pattern, reason in OUTSIDE:
            if pattern.search(line):
                errors.append(f"{where}: {reason}")
        if SECTION_SIGN.search(line) and not STANDARD.search(line):
            errors.append(f"{where}: cites a numbered section of a document outside the repository")
        for citation in CITATION.finditer(line):
            after = line[citation.end():]
            if not after.strip() and number < len(lines):
                after = uncommented(lines[number])  # the section may open the next comment line
            check_citation(citation.group(0), after, where, errors)
        if "Rule:" in line:
            block = [line[line.index("Rule:"):]]
            # A comment of its own line goes on over the comment lines below; one after code ends here.
            continues = COMMENT.match(line) is not None
            for following in lines[number:number + 8] if continues else []:
                if "Rule:" in following or not COMMENT.match(following) or not uncommented(following).strip():
                    break
                block.append(uncommented(following))
            if not CITATION.search(" ".join(block)):
                errors.append(f"{where}: a Rule: comment must cite its docs/rules/ page (or docs/adr/ record)")


def main():
    errors = []
    for name in tracked_files():
        text = read_text(ROOT / name)
        if text is not None:
            check_file(name, text, errors)
    for error in errors:
        print(error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
