#!/usr/bin/env python3
"""Writes the seed corpora (tests/fuzz/corpus/<name>/) and the regression inputs
(tests/fuzz/regressions/<name>/) of the libFuzzer targets. Deterministic: re-running it rewrites the
same files. Real-looking inputs: the SIECLE fixtures of tests/fixtures/students/, the exports
tests/support/make_siecle.py writes, small CSVs, ZIPs and HTTP heads. A regression input is the
smallest file showing a defect found by probing the product (docs/rules/security.md,
docs/rules/student-import.md); it goes to regressions/ (run once by `make test`, never
mutated), and to corpus/ too when it is small enough to be a useful seed.

usage: tests/fuzz/make_seeds.py"""
import io
import pathlib
import subprocess
import sys
import tempfile
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "students"


def write(kind, target, name, data):
    folder = HERE / kind / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def seed(target, name, data):
    write("corpus", target, name, data)


def regression(target, name, data):
    write("regressions", target, name, data)


def make_siecle(*args):
    with tempfile.TemporaryDirectory() as folder:
        out = pathlib.Path(folder) / "out.xml"
        subprocess.run([sys.executable, str(ROOT / "tests" / "support" / "make_siecle.py"), *args, str(out)],
                       check=True)
        return out.read_bytes()


def zip_of(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 9, 1, 8, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()


FREGATA_HEADER = ("Identifiant unique*;Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;"
                  "Nom d'usage;Code sexe*;Date de naissance (jj/mm/aaaa)*;Code commune naissance**;"
                  "Libellé commune naissance**;Code département naissance*;Code pays naissance*;Statut*;"
                  "Code MEF*;Division*\n")
SUP_HEADER = ("Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;"
              "Date de naissance (jj/mm/aaaa)*;Email;Numéro étudiant*;Composante;Équipe pédagogique;Groupe;"
              "Diplôme;Régime\n")

# Invalid UTF-8 (docs/rules/security.md "Text input"): what a strict reader refuses.
OVERLONG_SLASH = b"\xc0\xaf"                # '/' in two bytes
OVERLONG_NUL = b"\xe0\x80\x80"              # NUL in three bytes
SURROGATE = b"\xed\xa0\x80"                 # U+D800
ABOVE_MAX = b"\xf4\x90\x80\x80"             # U+110000
FIVE_BYTES = b"\xf8\x88\x80\x80\x80"        # an old 5-byte form
NUL = b"\x00"


def siecle():
    for path in sorted(FIXTURES.glob("*.xml")):
        seed("siecle", path.name, path.read_bytes())
    small = make_siecle("--uai", "0759901A", "--pupils", "3", "--left", "1", "--classes", "6A,6B")
    seed("siecle", "make-siecle-3-pupils-iso-8859-15.xml", small)
    seed("siecle", "make-siecle-3-pupils-utf-8.xml",
         small.decode("iso-8859-15").replace('encoding="ISO-8859-15"', 'encoding="UTF-8"').encode("utf-8"))
    seed("siecle", "bom-cdata-comment.xml",
         b"\xef\xbb\xbf<?xml version='1.0'?>\n<BEE_ELEVES><PARAMETRES><UAJ><![CDATA[0759901A]]></UAJ></PARAMETRES>"
         b"<!-- c --><DONNEES><ELEVES><ELEVE ELEVE_ID='7'><ID_NATIONAL>123456789AB</ID_NATIONAL><?pi x?>"
         b"<NOM_DE_FAMILLE>NO\xc3\x8bL</NOM_DE_FAMILLE><PRENOM>\xc5\x92dipe</PRENOM><CODE_SEXE>1</CODE_SEXE>"
         b"<DATE_NAISS>29/02/2012</DATE_NAISS><CODE_PAYS>100</CODE_PAYS><SCOLARITE_AN_DERNIER><CODE_MEF>1"
         b"</CODE_MEF></SCOLARITE_AN_DERNIER></ELEVE></ELEVES><STRUCTURES><STRUCTURES_ELEVE ELEVE_ID='7'>"
         b"<STRUCTURE><CODE_STRUCTURE>Inactifs</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>"
         b"<STRUCTURE><CODE_STRUCTURE>5B</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>"
         b"</STRUCTURES_ELEVE></STRUCTURES></DONNEES></BEE_ELEVES>\n")
    # Item 17: a DOCTYPE leaked libxml2's document (14 KB per import).
    doctype = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE BEE_ELEVES [<!ENTITY e "x">]>\n'
               b"<BEE_ELEVES><PARAMETRES><UAJ>0759901A</UAJ></PARAMETRES><DONNEES><ELEVES/></DONNEES>"
               b"</BEE_ELEVES>\n")
    regression("siecle", "item17-doctype-leak.xml", doctype)
    # Item 12: a line break or a C1 control inside a name (XML allows both) must not reach the database.
    regression("siecle", "item12-control-characters-in-name.xml",
               small.decode("iso-8859-15").replace('encoding="ISO-8859-15"', 'encoding="UTF-8"')
               .replace("<PRENOM>", "<PRENOM>A\n\u0085B").encode("utf-8"))
    # Item 12: a name above U+10FFFF must not reach the database (libxml2 refuses it: a seed only).
    seed("siecle", "item12-name-above-u10ffff.xml",
               small.decode("iso-8859-15").replace('encoding="ISO-8859-15"', 'encoding="UTF-8"')
               .encode("utf-8").replace(b"<PRENOM>", b"<PRENOM>" + ABOVE_MAX, 1))


def csv():
    for path in sorted(FIXTURES.glob("*.csv")):
        seed("csv", path.name, path.read_bytes())
    seed("csv", "fregata-quoted-bom-crlf.csv",
         ("\ufeff" + FREGATA_HEADER).encode("utf-8").replace(b"\n", b"\r\n")
         + '"4581234567H";"Zoé ""Zozo""";;;"DUPONT; DURAND";;F;29/02/2012;75056;;75;99100;ST;MEF2;"6A"\r\n'
           .encode("utf-8"))
    seed("csv", "sup-two-students.csv",
         SUP_HEADER + "Inès;;;Martin;;03/04/2005;ines@example.org;E001;UFR;Équipe 1;G1;Licence;FI\n"
                      "Noé;Jean;;Petit;;31/12/2004;;E002;;;G2;;\n")
    seed("csv", "establishments-comma.csv", "uai,nom,email\n0759901A,Collège Test,ce.0759901a@ac-paris.fr\n")
    # Item 4: 5,000 bad rows gave unbounded errors (a regression file only: too big for a seed).
    rows = "".join(f"{i:010d}X;;;;;;Z;31/02/2010;;;;12;XX;;\n" for i in range(5000))
    regression("csv", "item4-5000-bad-rows.csv", FREGATA_HEADER + rows)
    # Item 12: invalid UTF-8 or a control character in a name (the UTF-8 decoder lets code points above
    # U+10FFFF through; nothing refuses NUL or a line break inside a quoted name).
    good = "4581234567F;Léa;;;Corse;;M;01/01/1990;2A214;;2A;99100;AP;MEF1;6A\n".encode("utf-8")
    for label, bad in (("overlong", OVERLONG_SLASH), ("surrogate", SURROGATE)):
        seed("csv", f"item12-{label}-in-name.csv", FREGATA_HEADER.encode("utf-8") + good.replace(b"L\xc3\xa9a", b"L" + bad))
    for label, bad in (("above-u10ffff", ABOVE_MAX), ("five-bytes", FIVE_BYTES), ("nul", NUL)):
        regression("csv", f"item12-{label}-in-name.csv",
                   FREGATA_HEADER.encode("utf-8") + good.replace(b"L\xc3\xa9a", b"L" + bad))
    regression("csv", "item12-line-break-in-name.csv",
               FREGATA_HEADER.encode("utf-8") + good.replace(b";L\xc3\xa9a;", b';"L\xc3\xa9a\nDROP";'))


def zips():
    two = (FIXTURES / "siecle-with-two-valid-students.xml").read_bytes()
    seed("zip", "one-xml.zip", zip_of([("siecle.xml", two)]))
    seed("zip", "one-xml-stored-in-folder.zip", zip_of([("export/", b""), ("export/ELEVES.XML", two)],
                                                        zipfile.ZIP_STORED))
    seed("zip", "two-xml.zip", zip_of([("a.xml", two), ("b.xml", two)]))
    seed("zip", "hidden-entry.zip", zip_of([("siecle.xml", two), ("__MACOSX/._siecle.xml", b"x"),
                                            (".DS_Store", b"")]))
    seed("zip", "no-xml.zip", zip_of([("readme.txt", b"bonjour")]))
    seed("zip", "empty.zip", zip_of([]))
    seed("zip", "ratio-bomb.zip", zip_of([("siecle.xml", b"<a>" + b" " * 200000 + b"</a>")]))
    # Item 12: an entry name libzip takes for UTF-8 (a code point above U+10FFFF) went raw into the
    # refusal's message, which the outcome JSON cannot hold (nlohmann::json::dump throws).
    regression("zip", "item12-entry-name-above-u10ffff.zip",
               zip_of([("siecle.xml", two), ("b.txt", b"x")]).replace(b"b.txt", ABOVE_MAX + b"t"))
    # Item 1: a 26,000-character entry name overflowed the stack in std::regex_match.
    regression("zip", "item1-26000-char-entry-name.zip", zip_of([("a" * 26000 + ".xml", two)]))


def text():
    seed("text", "declaration-iso-8859-15.xml", '<?xml version="1.0" encoding="ISO-8859-15"?>\n<A>\xe9\xa4</A>\n'
         .encode("latin-1"))
    seed("text", "declaration-windows-1252-single-quotes.xml", b"<?xml version='1.0' encoding='windows-1252'?><A>\x9c</A>")
    seed("text", "bom-utf-8.xml", "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?><A>Cœur</A>".encode("utf-8"))
    seed("text", "declaration-unsupported.xml", b'<?xml version="1.0" encoding="UTF-16"?><A/>')
    seed("text", "latin-1-lines.txt", "ligne 1\nligne 2 é\nligne 3 \xff\n".encode("latin-1"))
    # Item 12: every invalid UTF-8 form the strict reading refuses.
    seed("text", "item12-overlong-slash.txt", b"a" + OVERLONG_SLASH + b"b")
    seed("text", "item12-overlong-nul.txt", b"a" + OVERLONG_NUL + b"b")
    seed("text", "item12-surrogate.txt", b"a" + SURROGATE + b"b")
    seed("text", "item12-nul.txt", b"a" + NUL + b"b")
    regression("text", "item12-above-u10ffff.txt", b"a" + ABOVE_MAX + b"b")
    regression("text", "item12-five-bytes.txt", b"a" + FIVE_BYTES + b"b")


def answers():
    for name, text in (("word", "Paris"), ("accents-spaces", "  élève\u00a0"), ("apostrophe", "C\u2019est l\u2019été"),
                       ("number-comma", "3,5"), ("number-thousands", "1\u202f024"), ("fields", "Paris\n3.5\nété"),
                       ("dep-fields", "date de naissance\nville de naissance\nparis"), ("choices", "1\n3"),
                       ("combining", "e\u0301le\u0300ve"), ("punctuation-only", "?!..."),
                       ("invalid-utf-8", b"\xff\xfe" + SURROGATE)):
        seed("answer", name + ".txt", text)


def http():
    heads = {
        "get-root": "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "get-asset": "GET /assets/dsfr/dist/dsfr.min.css?v=1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "post-login-form": ("POST /connexion?retour=/orga/1/eleves HTTP/1.1\r\nHost: localhost\r\n"
                            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 48\r\n"
                            "Cookie: numeria_csrf=abc; numeria_session=def\r\n\r\n"
                            "csrf=abc&email=a%40b.fr&password=x+y%21&retour=%2F"),
        "api-patch-member": ("PATCH /api/v1/organizations/12/members/34 HTTP/1.1\r\nHost: localhost\r\n"
                             "Authorization: Bearer t\r\nContent-Length: 2\r\n\r\n{}"),
        "head-keep-alive": "HEAD /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "chunked": "POST /inscription HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\na=b\r\n0\r\n\r\n",
        "duplicate-headers": "GET /orga HTTP/1.1\r\nX-A: 1\r\nx-a: 2\r\nCookie: a=1\r\nCookie: b=2;c\r\n\r\n",
        "absolute-form": "GET http://evil.example/ HTTP/1.1\r\n\r\n",
        "bad-percent": "GET /orga/%zz/eleves HTTP/1.1\r\n\r\n",
        "nul-in-path": "GET /a%00b HTTP/1.1\r\n\r\n",
        # Item 2: header injection and open redirect through `retour`.
        "item2-retour-crlf": "GET /connexion?retour=/%0d%0aSet-Cookie:%20x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "item2-retour-tab": "GET /connexion?retour=/%09/evil.example HTTP/1.1\r\nHost: localhost\r\n\r\n",
        # Item 3: a large upload's head, read before any body byte.
        "item3-upload-head": ("POST /orga/1/eleves/import?format=siecle HTTP/1.1\r\nHost: localhost\r\n"
                              "Content-Type: application/octet-stream\r\nContent-Length: 20971520\r\n"
                              "X-CSRF-Token: abc\r\n\r\n"),
    }
    for name, head in heads.items():
        seed("http", name + ".txt", head)


def main():
    siecle()
    csv()
    zips()
    text()
    answers()
    http()


if __name__ == "__main__":
    main()
