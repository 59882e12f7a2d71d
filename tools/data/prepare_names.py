#!/usr/bin/env python3
"""Reduces public name and address lists into the project's data/ folders.

Usage:
  prepare_names.py --philter-first philter_firstnames.json \
      --philter-last philter_lastnames.json --nicknames names.csv \
      --libpostal-dir DIR --words american-english --out DATA_DIR

DIR holds libpostal's dictionary files renamed libpostal_{en,fr}_<name>.txt
(resources/dictionaries/{en,fr}/<name>.txt). DATA_DIR is the repository's
data/ folder; the script writes data/names/*.txt and data/address/*.txt that
come from those sources. The word list (SCOWL's american-english, as
packaged by Debian's wamerican) gives common_words.txt: lower-case English
words that are also in the name lists and have no capitalised (proper noun)
entry, plus the hand-written COMMON_EXTRA below. Hand-written lists (common words, provinces, cities)
are not touched. Output is sorted and deterministic.
"""
import argparse
import json
import os
import re
import shutil

# A name entry is letters (any script), with inner hyphens, apostrophes,
# periods or spaces. Anything else (digits, punctuation runs) is noise.
NAME_RE = re.compile(r"^[^\W\d_]+(?:[-' .][^\W\d_]+)*$")

# Titles the libpostal lists lack or that Canadian health records use.
EXTRA_TITLES = ["dr", "dre", "mr", "mrs", "ms", "miss", "mme", "m.", "mlle",
                "pr", "prof", "doctor", "docteur", "docteure", "madame",
                "monsieur", "mademoiselle", "mister", "mx", "sr", "sœur",
                "soeur", "father", "rev"]


# Words that are also names and that free text often capitalises (sentence
# starts, headings) or that the derivation misses because the word list also
# has them as proper nouns. They count against a name unless a title or a
# label supports it.
COMMON_EXTRA = """
will may grant young king bill mark rose faith hope page joy grace june april
august march january february july september october november december
monday tuesday wednesday thursday friday saturday sunday
chase hunter price bond case cash love summer winter autumn spring dawn
frank earl major rich sterling stone wood field lane hall park bay hill
brook brooks ford gay royal noble sage star sunny honey penny crystal amber
ruby pearl jade ivy iris lily daisy violet olive heather holly hazel
christian angel art dean don guy jack jean miles nick pat ray rob sue
will wade drew sandy dusty rusty red blue gray grey white black brown green
long short little small large north south east west new old sir lord
doctor nurse patient care health medical clinic clinical hospital general
lab laboratory test result results note notes history exam plan assessment
diagnosis impression review report discharge summary admission visit follow
chief complaint present illness social family medication medications allergy
allergies vital vitals signs normal abnormal negative positive pending final
blood pressure heart rate pulse temp weight height sugar glucose urine
pain chest head back neck left right bilateral acute chronic mild severe
dear sincerely regards thanks thank please yours truly cc re subject
the and or but for with from into over under after before during since
this that these those there here when where what who why how which
is are was were be been being has have had do does did not no yes
all any some each every both either neither other another such
he she they we you it his her their our your its him them us
mr mrs ms miss dr
le la les un une des du de et ou mais pour avec sans dans sur sous
il elle ils elles nous vous je tu on son sa ses leur leurs notre votre
est sont été être avoir fait faire a au aux ce cette ces qui que quoi
docteur infirmière infirmier patiente madame monsieur
janvier février fevrier mars avril mai juin juillet août aout
septembre octobre novembre décembre decembre
lundi mardi mercredi jeudi vendredi samedi dimanche
"""


def reduce_philter(path):
    with open(path, encoding="utf-8") as f:
        names = json.load(f)
    kept = set()
    for name in names:
        name = name.strip().lower()
        if len(name) >= 2 and NAME_RE.match(name):
            kept.add(name)
    return sorted(kept)


def common_words(words_path, names):
    lower, proper = set(), set()
    for word in read_lines(words_path):
        word = word.strip()
        if not word.isalpha():
            continue
        (lower if word.islower() else proper).add(word.lower())
    derived = (lower & names) - proper
    return sorted(derived | set(COMMON_EXTRA.split()))


def write_lines(path, header, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        for line in lines:
            f.write(line + "\n")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


def libpostal(args, lang, name):
    return os.path.join(args.libpostal_dir, "libpostal_%s_%s.txt" % (lang, name))


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--philter-first", required=True)
    p.add_argument("--philter-last", required=True)
    p.add_argument("--nicknames", required=True)
    p.add_argument("--libpostal-dir", required=True)
    p.add_argument("--words", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    names = os.path.join(args.out, "names")
    address = os.path.join(args.out, "address")

    first = reduce_philter(args.philter_first)
    last = reduce_philter(args.philter_last)
    write_lines(os.path.join(names, "first_names.txt"),
                ["Given names, lower case (philter-ucsf blacklist)."], first)
    write_lines(os.path.join(names, "last_names.txt"),
                ["Surnames, lower case (philter-ucsf blacklist)."], last)
    write_lines(os.path.join(names, "common_words.txt"),
                ["Common words that are also names (derived + hand-written)."],
                common_words(args.words, set(first) | set(last)))
    shutil.copyfile(args.nicknames, os.path.join(names, "nicknames.csv"))

    titles = set(EXTRA_TITLES)
    for lang in ("en", "fr"):
        for line in read_lines(libpostal(args, lang, "personal_titles")):
            titles.update(v.strip() for v in line.split("|") if v.strip())
    write_lines(os.path.join(names, "titles.txt"),
                ["Personal titles and their abbreviations, lower case."],
                sorted(titles))

    # Address vocabularies keep libpostal's `canonical|abbrev|...` lines.
    pairs = [("street_types", ["en", "fr"]), ("directionals", ["en", "fr"]),
             ("unit_types_numbered", ["en", "fr"]),
             ("unit_types_standalone", ["en"])]
    for name, langs in pairs:
        for lang in langs:
            lines = read_lines(libpostal(args, lang, name))
            write_lines(os.path.join(address, "%s_%s.txt" % (name, lang)),
                        ["libpostal %s/%s.txt: canonical|abbreviation|..." %
                         (lang, name)], lines)


if __name__ == "__main__":
    main()
