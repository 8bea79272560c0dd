#!/usr/bin/env python3
"""Writes a synthetic SIECLE "Élèves sans adresses" export (BEE_ELEVES, ISO-8859-15) with fake pupils,
for the demo data, the browser test and `make bench` (a 3,000-pupil lycée).

usage: make_siecle.py --uai 0759901A --pupils 3000 [--seed 1] [--classes 6A,6B] [--left 0] OUT.xml
Names are drawn from short lists; INEs are unique (10 digits + letter); a few pupils have left
(DATE_SORTIE) when --left is given. Deterministic for a given seed."""
import argparse
import random

FIRST = ["Inès", "Lucas", "Chloé", "Noé", "Zoé", "Léo", "Maël", "Anaïs", "Théo", "Éloïse", "Jules", "Lina",
         "Hugo", "Manon", "Sacha", "Rose", "Adam", "Jade", "Nathan", "Louise", "Gaël", "Cœlio", "Ambre", "Yanis"]
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
        "SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
        "MOREL", "GIRARD", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uai", required=True)
    parser.add_argument("--pupils", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--classes", default="")
    parser.add_argument("--left", type=int, default=0)
    parser.add_argument("out")
    args = parser.parse_args()
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
