#!/usr/bin/env python3
"""Checks the include rules of docs/adr/0002-bounded-contexts.md (ARCHITECTURE.md, "Invariants"):
1. core/ includes only the standard library and tl/expected.hpp;
2. no bounded context includes storage/, web/, app/, SOCI, Beast/Asio or mstch;
3. a context includes another one only along the allowed-dependency table (no cycles);
4. assessment/ does no I/O (no <fstream>, <iostream>, <cstdio>, <chrono> clocks, <random> devices);
5. application/ (the use cases, docs/adr/0008) reaches storage only through its ports: it includes
   neither storage/, web/, app/ nor SOCI, Beast or mstch;
6. web/ includes no storage/ header and never names SOCI: handlers call application/.
Prints one line per violation and exits 1 if there is any."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src"
CONTEXTS = ["core", "identity", "organizations", "content", "assessment", "campaigns", "certification", "referent"]
ALLOWED = {
    "core": set(),
    "identity": {"core"},
    "content": {"core"},
    "organizations": {"core", "identity"},
    "assessment": {"core", "content"},
    "campaigns": {"core", "identity", "organizations", "content", "assessment"},
    "certification": {"core", "identity", "organizations", "content", "assessment"},
    "referent": {"core", "identity", "organizations", "content", "campaigns", "certification"},
    "application": set(CONTEXTS),
    "storage": set(CONTEXTS) | {"application"},
    "mail": {"core"},
    "web": set(CONTEXTS) | {"application", "mail"},
    "app": set(CONTEXTS) | {"application", "storage", "mail", "web", "app"},
}
FORBIDDEN_IN_CONTEXTS = re.compile(r"^(soci/|boost/|mstch/|sqlite3|libpq|CLI/|spdlog/)")
FORBIDDEN_IN_APPLICATION = re.compile(r"^(soci/|boost/|mstch/|sqlite3|libpq|CLI/)")  # logging is allowed
CORE_ALLOWED_THIRD_PARTY = {"tl/expected.hpp"}
ASSESSMENT_FORBIDDEN = {"fstream", "iostream", "cstdio", "filesystem", "thread"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
NAMES_SOCI = re.compile(r"\bsoci\b", re.IGNORECASE)

violations = []
for path in sorted(ROOT.rglob("*.[ch]pp")):
    layer = path.relative_to(ROOT).parts[0]
    is_test = path.name.endswith("_test.cpp")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if layer == "web" and NAMES_SOCI.search(line):
            violations.append(f"src/{path.relative_to(ROOT)}:{number}: web/ may not name SOCI (use application/)")
        match = INCLUDE.match(line)
        if not match:
            continue
        kind, target = match.groups()
        where = f"src/{path.relative_to(ROOT)}:{number}"
        first = target.split("/")[0]
        if kind == '"' and first in ALLOWED and first != layer:
            if first not in ALLOWED.get(layer, set()):
                violations.append(f"{where}: {layer}/ may not include {target}")
            continue
        if (layer in CONTEXTS or layer == "application") and not is_test:
            if layer == "core" and kind == "<" and "/" in target and target not in CORE_ALLOWED_THIRD_PARTY:
                violations.append(f"{where}: core/ includes only the standard library and tl/expected.hpp")
            forbidden = FORBIDDEN_IN_APPLICATION if layer == "application" else FORBIDDEN_IN_CONTEXTS
            if forbidden.match(target):
                violations.append(f"{where}: {layer}/ may not include {target} (SQL and HTTP stay in storage/ and web/)")
            if layer == "assessment" and target in ASSESSMENT_FORBIDDEN:
                violations.append(f"{where}: assessment/ is pure and may not include <{target}>")

for violation in violations:
    print(violation)
sys.exit(1 if violations else 0)
