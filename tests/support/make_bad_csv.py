#!/usr/bin/env python3
"""Writes a Fregata CSV (docs/rules/student-import.md "Fregata CSV") in which EVERY row is refused,
for the bounded-errors test and to measure the import's memory and time on a bad file
(docs/rules/student-import.md "Bounded errors").

usage: make_bad_csv.py (--rows N | --size-mb M) OUT.csv
Each row has a unique identifier and four errors: no first name, a sex code that is neither M nor F,
an impossible birth date and a country code that is not an INSEE one."""
import argparse

HEADER = ("Identifiant unique*;Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;"
          "Code sexe*;Date de naissance (jj/mm/aaaa)*;Code commune naissance**;Libellé commune naissance**;"
          "Code département naissance*;Code pays naissance*;Statut*;Code MEF*;Division*\n")


def row(index):
    return f"{index:010d}X;;;;MARTIN;;Z;31/02/2010;75056;;75;100;ST;M1;6A\n"


def main():
    parser = argparse.ArgumentParser()
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--rows", type=int)
    size.add_argument("--size-mb", type=float)
    parser.add_argument("out")
    args = parser.parse_args()
    rows = args.rows if args.rows is not None else \
        (int(args.size_mb * 1024 * 1024) - len(HEADER.encode())) // len(row(0))
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for index in range(1, rows + 1):
            handle.write(row(index))


if __name__ == "__main__":
    main()
