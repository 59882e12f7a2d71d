#!/usr/bin/env python3
"""Builds data/medical/ from the public ICD-10-CM and Health Canada DPD files.

Usage:
  prepare_medical.py --icd10 ICD10_JSON_GZ --dpd DPD_ALLFILES_ZIP \
      [--exclusions tools/data/drug_name_exclusions.txt] \
      [--ambiguous tools/data/drug_names_ambiguous.txt] [--out data/medical]

Writes:
  icd10cm_codes.tsv   code without dot TAB description, every code (billable
                      or not), sorted by code.
  dpd_products.tsv    DIN TAB brand name, human drugs of the marketed file.
  drug_names.txt      distinct ingredient and brand names, lower case, ASCII
                      folded, one per line (see DrugNames for the rules).
  drug_names_ambiguous.txt  the reviewed names that are also people's or
                      places' names; detectors want a dose or a label for them.

Deterministic: same inputs, same bytes out.
"""
import argparse
import csv
import gzip
import io
import json
import os
import re
import unicodedata
import zipfile

# Generic manufacturers put their name before the molecule ("APO-METFORMIN",
# "SANDOZ DICLOFENAC"): the molecule is already an ingredient name and the
# company name is no drug.
COMPANY_PREFIXES = {
    "aa", "accel", "ach", "ag", "amb", "apo", "auro", "bio", "dom", "euro",
    "gd", "gen", "gln", "jamp", "lupin", "m", "mar", "mdk", "med", "mint",
    "mylan", "nat", "natco", "nb", "novo", "nra", "odan", "pat", "pdp",
    "pharma", "pms", "pmsc", "pro", "prz", "ratio", "reddy", "riva", "sandoz",
    "sdz", "septa", "spc", "taro", "teva", "van", "zds", "act", "ava", "sanis",
    "auro", "vivimed", "glenmark", "apotex", "pharmascience", "mantra",
    "marcan", "sivem", "nu", "bmd", "ipg", "jampcare", "sun", "cipher",
    "dr", "ranbaxy",
}

# Salt and form words that follow a molecule ("LOSARTAN POTASSIUM"): the
# molecule alone is what notes say.
SALT_WORDS = {
    "acetate", "besylate", "bitartrate", "calcium", "citrate", "dihydrate",
    "disodium", "fumarate", "hcl", "hydrobromide", "hydrochloride",
    "hyclate", "magnesium", "maleate", "mesylate", "monohydrate", "phosphate",
    "potassium", "propionate", "sodium", "succinate", "sulfate", "sulphate",
    "tartrate", "trihydrate", "valerate", "dipropionate", "furoate",
    "bromide", "chloride", "decanoate", "lactate", "nitrate", "oxalate",
    "pamoate", "tosylate", "xinafoate", "hemifumarate", "anhydrous",
    "erbumine", "tromethamine", "dimesylate", "cilexetil", "medoxomil",
    "axetil", "base",
}

MIN_LENGTH = 4
MAX_WORDS = 3


def fold(text):
    """Lower case, accents removed, every non-alphanumeric run one space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.split(r"[^a-z0-9]+", text.lower())).strip()


def read_lines(path):
    if not path:
        return set()
    with open(path, encoding="utf-8") as f:
        return {fold(l) for l in f if l.strip() and not l.startswith("#")}


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")


def icd10_codes(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        codes = json.load(f)
    rows = []
    for code, (_, description) in sorted(codes.items()):
        description = " ".join(description.split())
        rows.append(f"{code.replace('.', '').upper()}\t{description}")
    return rows


def dpd_rows(zip_path, member):
    with zipfile.ZipFile(zip_path) as z:
        text = z.read(member).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


# drug.txt: DRUG_CODE, PRODUCT_CATEGORIZATION, CLASS, DIN, BRAND_NAME, ...
# ingred.txt: DRUG_CODE, ACTIVE_INGREDIENT_CODE, INGREDIENT, ...
def human_products(zip_path):
    return [r for r in dpd_rows(zip_path, "drug.txt") if r[2] == "Human"]


def products_tsv(products):
    by_din = {}
    for r in products:
        din, brand = r[3].strip(), " ".join(r[4].split())
        if re.fullmatch(r"[0-9]{8}", din) and brand:
            by_din.setdefault(din, brand)
    return [f"{din}\t{brand}" for din, brand in sorted(by_din.items())]


def usable(name, exclusions):
    words = name.split()
    return (len(name) >= MIN_LENGTH and 0 < len(words) <= MAX_WORDS
            and all(w.isalpha() for w in words) and name not in exclusions)


def ingredient_names(zip_path, codes):
    names = set()
    for r in dpd_rows(zip_path, "ingred.txt"):
        if r[0] not in codes:
            continue
        main = fold(re.sub(r"\(.*?\)", " ", r[2]))
        names.add(main)
        words = main.split()
        if len(words) > 1 and all(w in SALT_WORDS for w in words[1:]):
            names.add(words[0])
    return names


def brand_names(products):
    """Head word of each brand ("ADVIL PLUS ACETAMINOPHEN" -> "advil"),
    unless it is a manufacturer's prefix."""
    names = set()
    for r in products:
        words = fold(r[4]).split()
        if words and words[0] not in COMPANY_PREFIXES:
            names.add(words[0])
    return names


def drug_names(zip_path, products, exclusions):
    codes = {r[0] for r in products}
    names = ingredient_names(zip_path, codes) | brand_names(products)
    return sorted(n for n in names if usable(n, exclusions))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icd10", required=True)
    parser.add_argument("--dpd", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--exclusions",
                        default=os.path.join(here, "drug_name_exclusions.txt"))
    parser.add_argument("--ambiguous",
                        default=os.path.join(here, "drug_names_ambiguous.txt"))
    parser.add_argument("--out", default="data/medical")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write_lines(os.path.join(args.out, "icd10cm_codes.tsv"),
                icd10_codes(args.icd10))
    products = human_products(args.dpd)
    write_lines(os.path.join(args.out, "dpd_products.tsv"),
                products_tsv(products))
    names = drug_names(args.dpd, products, read_lines(args.exclusions))
    write_lines(os.path.join(args.out, "drug_names.txt"), names)
    ambiguous = sorted(read_lines(args.ambiguous) & set(names))
    write_lines(os.path.join(args.out, "drug_names_ambiguous.txt"), ambiguous)


if __name__ == "__main__":
    main()
