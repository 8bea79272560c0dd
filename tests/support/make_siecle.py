#!/usr/bin/env python3
"""Writes a synthetic SIECLE "Élèves sans adresses" export (BEE_ELEVES, ISO-8859-15) with fake pupils,
for the demo data, the browser test and `make bench` (a 3,000-pupil lycée).

usage: make_siecle.py --uai 0759901A --pupils 3000 [--seed 1] [--classes 6A,6B] [--left 0] OUT.xml
       make_siecle.py --demo [--school-year 2026] [--uai U] [--classes 7A,7B] --pupils 95 OUT.xml
Names are drawn from short lists; INEs are unique (10 digits + letter); a few pupils have left
(DATE_SORTIE) when --left is given. Deterministic for a given seed.

--demo writes the pupils of the demo Collège Jeanne-Barret (UAI 0759901A, or --uai) exactly as
src/app/demo_pupils.cpp makes them for the school year of today (or of --school-year): its first 90
pupils are the demo's, the next ones newcomers (classes 6A, 5A, 4A, 3A in turn, or --classes)."""
import argparse
import datetime
import random

FIRST = ["Inès", "Lucas", "Chloé", "Noé", "Zoé", "Léo", "Maël", "Anaïs", "Théo", "Éloïse", "Jules", "Lina",
         "Hugo", "Manon", "Sacha", "Rose", "Adam", "Jade", "Nathan", "Louise", "Gaël", "Cœlio", "Ambre", "Yanis"]
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
        "SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
        "MOREL", "GIRARD", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS"]


GIRLS = ["Jade", "Louise", "Emma", "Alice", "Ambre", "Lina", "Rose", "Chloé", "Mia", "Léna", "Anna", "Inès", "Julia",
         "Zoé", "Manon", "Lou", "Nina", "Iris", "Éloïse", "Agathe"]
BOYS = ["Gabriel", "Léo", "Raphaël", "Louis", "Arthur", "Jules", "Adam", "Maël", "Lucas", "Hugo", "Noah", "Nathan",
        "Sacha", "Théo", "Gaël", "Tom", "Paul", "Yanis", "Noé", "Malo"]
DEMO_LEVELS = [("6A", "10010012110", 11), ("5A", "10110001110", 12), ("4A", "10210001110", 13),
               ("3A", "10310019110", 14)]


def school_year_start(today=None):
    """The year the current school year started (September 1st starts a new one)."""
    today = today or datetime.datetime.now(datetime.timezone.utc).date()
    return today.year if today.month >= 9 else today.year - 1


def mix(index, salt):
    """A well-mixed 32-bit number for pupil `index` and one of its traits, as in src/app/demo_pupils.cpp."""
    value = (index * 2654435761 + salt * 97) & 0xFFFFFFFF
    value = ((value ^ (value >> 15)) * 2246822519) & 0xFFFFFFFF
    return value ^ (value >> 13)


def demo_pupil(index, school_year, classes=None):
    """Pupil `index` (from 1) of the demo school, as src/app/demo_pupils.cpp makes it (in one of
    `classes` instead of its level's class when given)."""
    division, mef, age = DEMO_LEVELS[(index - 1) % 4]
    if classes:
        division = classes[(index - 1) % len(classes)]
    girl = mix(index, 1) % 2 == 0
    names = GIRLS if girl else BOYS
    first = mix(index, 2) % len(names)
    second = mix(index, 3) % len(names)
    if second == first:
        second = (second + 1) % len(names)
    return {"ine": f"{index:05d}{mix(index, 7) % 100000:05d}{'ABCDEFGHJK'[index % 10]}",
            "last": LAST[mix(index, 4) % len(LAST)], "first": names[first], "second": names[second],
            "sex": "2" if girl else "1",
            "born": f"{1 + mix(index, 5) % 28:02d}/{1 + mix(index, 6) % 12:02d}/{school_year - age}",
            "mef": mef, "division": division}


def demo_export(pupils, school_year, uai="0759901A", classes=None):
    eleves, structures = [], []
    for index in range(1, pupils + 1):
        p = demo_pupil(index, school_year, classes)
        eleves.append(
            f'      <ELEVE ELEVE_ID="{index}">\n'
            f"        <ID_NATIONAL>{p['ine']}</ID_NATIONAL>\n"
            f"        <NOM_DE_FAMILLE>{p['last']}</NOM_DE_FAMILLE>\n"
            f"        <NOM_USAGE></NOM_USAGE>\n"
            f"        <PRENOM>{p['first']}</PRENOM>\n"
            f"        <PRENOM2>{p['second']}</PRENOM2>\n"
            f"        <CODE_SEXE>{p['sex']}</CODE_SEXE>\n"
            f"        <DATE_NAISS>{p['born']}</DATE_NAISS>\n"
            f"        <CODE_PAYS>100</CODE_PAYS>\n"
            f"        <CODE_DEPARTEMENT_NAISS>075</CODE_DEPARTEMENT_NAISS>\n"
            f"        <CODE_COMMUNE_INSEE_NAISS>75056</CODE_COMMUNE_INSEE_NAISS>\n"
            f"        <CODE_MEF>{p['mef']}</CODE_MEF>\n"
            f"        <CODE_STATUT>ST</CODE_STATUT>\n"
            "      </ELEVE>\n")
        structures.append(
            f'      <STRUCTURES_ELEVE ELEVE_ID="{index}">\n'
            f"        <STRUCTURE><CODE_STRUCTURE>{p['division']}</CODE_STRUCTURE>"
            f"<TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>\n"
            f"      </STRUCTURES_ELEVE>\n")
    return ('<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_ELEVES VERSION="2.1">\n'
            f"  <PARAMETRES>\n    <UAJ>{uai}</UAJ>\n    <ANNEE_SCOLAIRE>{school_year}</ANNEE_SCOLAIRE>\n"
            "  </PARAMETRES>\n  <DONNEES>\n    <ELEVES>\n" + "".join(eleves) + "    </ELEVES>\n    <STRUCTURES>\n"
            + "".join(structures) + "    </STRUCTURES>\n  </DONNEES>\n</BEE_ELEVES>\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uai")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--school-year", type=int)
    parser.add_argument("--pupils", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--classes", default="")
    parser.add_argument("--left", type=int, default=0)
    parser.add_argument("out")
    args = parser.parse_args()
    if args.demo:
        with open(args.out, "wb") as handle:
            handle.write(demo_export(args.pupils, args.school_year or school_year_start(), args.uai or "0759901A",
                                     args.classes.split(",") if args.classes else None)
                         .encode("iso-8859-15"))
        return
    if not args.uai:
        parser.error("--uai is required (or --demo)")
    rng = random.Random(args.seed)
    classes = args.classes.split(",") if args.classes else [
        f"{level}{letter}" for level in ("2NDE", "1RE", "TLE") for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:12]]
    pupils, structures = [], []
    for index in range(1, args.pupils + 1):
        ine = f"{rng.randrange(10**9, 10**10)}{'ABCDEFGHJK'[index % 10]}"
        ine = f"{index:05d}{ine[5:]}"
        left = index <= args.left
        born = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2007, 2013)}"
        pupils.append(
            f'      <ELEVE ELEVE_ID="{index}">\n'
            f"        <ID_NATIONAL>{ine}</ID_NATIONAL>\n"
            f"        <NOM_DE_FAMILLE>{rng.choice(LAST)}</NOM_DE_FAMILLE>\n"
            f"        <NOM_USAGE></NOM_USAGE>\n"
            f"        <PRENOM>{rng.choice(FIRST)}</PRENOM>\n"
            f"        <PRENOM2>{rng.choice(FIRST)}</PRENOM2>\n"
            f"        <CODE_SEXE>{rng.choice('12')}</CODE_SEXE>\n"
            f"        <DATE_NAISS>{born}</DATE_NAISS>\n"
            f"        <CODE_PAYS>100</CODE_PAYS>\n"
            f"        <CODE_DEPARTEMENT_NAISS>075</CODE_DEPARTEMENT_NAISS>\n"
            f"        <CODE_COMMUNE_INSEE_NAISS>75056</CODE_COMMUNE_INSEE_NAISS>\n"
            f"        <CODE_MEF>20010018110</CODE_MEF>\n"
            f"        <CODE_STATUT>ST</CODE_STATUT>\n"
            + (f"        <DATE_SORTIE>15/10/2026</DATE_SORTIE>\n" if left else "")
            + "      </ELEVE>\n")
        structures.append(
            f'      <STRUCTURES_ELEVE ELEVE_ID="{index}">\n'
            f"        <STRUCTURE><CODE_STRUCTURE>{classes[(index - 1) % len(classes)]}</CODE_STRUCTURE>"
            f"<TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>\n"
            f"        <STRUCTURE><CODE_STRUCTURE>LV2-ESP</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>\n"
            f"      </STRUCTURES_ELEVE>\n")
    text = ('<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_ELEVES VERSION="2.1">\n'
            f"  <PARAMETRES>\n    <UAJ>{args.uai}</UAJ>\n    <ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>\n  </PARAMETRES>\n"
            "  <DONNEES>\n    <ELEVES>\n" + "".join(pupils) + "    </ELEVES>\n    <STRUCTURES>\n"
            + "".join(structures) + "    </STRUCTURES>\n  </DONNEES>\n</BEE_ELEVES>\n")
    with open(args.out, "wb") as handle:
        handle.write(text.encode("iso-8859-15"))


if __name__ == "__main__":
    main()
