"""Truth recording: one JSON line per occurrence of a value in a file.

`Truth.field()` records a value written into a labelled unit (CSV/SQL column,
JSON key, XML element, HL7 field: context "field"); `TextUnit` builds free
text line by line (context "text") and decides every value's kind from its
nearby words, per the contract. Every line also has the role of the person
the value belongs to (patient, staff, related; null for the clinic's own
details). Decoys are values that must not be found as a given category.
"""

import json

from . import contract as C


class Truth:
    def __init__(self, enabled=True):
        self.enabled = enabled
        self.lines = []
        self.counts = {}
        # (source, value, why, category): must not be found as `category`
        # (None: as any of the contract kinds' categories).
        self.decoys = []
        self._seen = {}           # (source, category) -> folded truth values

    def add(self, source, kind, value, normalized, patient, context="field",
            role=None):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if not self.enabled:
            return
        if role is None:
            role = C.ROLE_OF_KIND.get(kind) or ("patient" if patient
                                                else None)
        cat = C.category_of(kind)
        if cat is None:
            return
        self._seen.setdefault((source, cat), set()).add(value.lower())
        self.lines.append(
            '{"source":%s,"category":"%s","kind":"%s","value":%s,'
            '"normalized":%s,"patient":%s,"context":"%s","role":%s}\n' % (
                json.dumps(source, ensure_ascii=False), cat,
                kind, json.dumps(value, ensure_ascii=False),
                json.dumps(normalized, ensure_ascii=False),
                '"%s"' % patient if patient else "null", context,
                '"%s"' % role if role else "null"))

    def decoy(self, source, value, why, category=None):
        if self.enabled:
            self.decoys.append((source, value, why, category))

    def clean_decoys(self):
        """Drops decoys that equal or overlap a true value of their
        category in their source (a patient named May, a street that is
        also the patient's)."""
        keep = []
        for src, value, why, cat in self.decoys:
            if cat is not None:
                seen = self._seen.get((src, cat), ())
                v = value.lower()
                if any(v in t or t in v for t in seen):
                    continue
            keep.append((src, value, why, cat))
        self.decoys = keep

    def field(self, source, label, family, value, normalized, patient,
              intent=None, hl7=False, role=None):
        """Records `value` written as the whole text of a unit labelled
        `label`. family: email, phone, phone_bare, postal, date, date_label
        (YYYYMMDD / HL7 timestamp, label only), date_never (a form no
        detector reads, e.g. 2024-01-05T10:30), sin, or another kind.
        intent: for dates, the kind the value is (date_of_birth or
        service_date). role: as in add()."""
        if not self.enabled:
            return
        kinds = C.label_kinds(label, hl7)
        if family == "email":
            kind = "email"
        elif family == "phone":
            kind = "phone"
        elif family == "phone_bare":
            kind = "phone" if C.PHONE in kinds else "phone" + C.NOCONTEXT
        elif family == "postal":
            if value[0].isupper() or C.POSTAL in kinds:
                kind = C.POSTAL
            else:
                kind = C.POSTAL + C.NOCONTEXT
        elif family in ("date", "date_label", "date_never"):
            found = C.decide("date", kinds, {}) if family != "date_never" \
                else None
            if found is not None and found != intent:
                raise ValueError(f"label {label!r} reads {found}, not {intent}")
            kind = intent if found else intent + C.NOCONTEXT
        elif family == "sin":
            kind = C.SIN if C.SIN in kinds else C.SIN + C.NOCONTEXT
        else:
            _check_digits_safe(value, kinds)
            kind = family
        self.add(source, kind, value, normalized, patient, "field", role)

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(self.lines)


def _check_digits_safe(value, kinds):
    """A non-contract value must not be read as a SIN or a phone."""
    v = value.replace(" ", "").replace("-", "")
    if v.isdigit():
        if len(v) == 9 and C.SIN in kinds and C.sin_ok(v):
            raise ValueError(f"{value!r} would be found as a SIN")
        if len(v) == 10 and C.PHONE in kinds:
            raise ValueError(f"{value!r} would be found as a phone")


class V:
    """A value placed in free text. family as in Truth.field (date, phone,
    phone_bare, sin, postal, email, or another kind); intent: the contract
    kind it must be found as, "none" for a decoy (must not be found), or
    None for PHI the contract does not find (recorded as *_nocontext).
    family "decoy": a value that must not be found as category `cat`.
    role: as in Truth.add."""
    __slots__ = ("family", "value", "norm", "pid", "intent", "why", "role",
                 "cat")

    def __init__(self, family, value, norm=None, pid=None, intent=None,
                 why="", role=None, cat=None):
        self.family, self.value, self.norm, self.pid = family, value, norm, pid
        if intent is None and family in _ALWAYS:
            intent = _ALWAYS[family]      # found without context
        if family == "decoy":
            intent = "none"
        self.intent, self.why, self.role, self.cat = intent, why, role, cat


_ALWAYS = {"email": "email", "phone": "phone", "postal_upper": C.POSTAL}


_FAMILY_OF_KIND = {C.DOB: "date", C.SERVICE: "date", "phone": "phone",
                   C.SIN: "sin", C.POSTAL: "postal"}


class TextUnit:
    """Free text built line by line. Every value's context is read from the
    40 bytes before it, both within its line and across lines (a unit may
    be a line or a whole paragraph); a line whose values read differently
    either way, or not as intended, is rejected and the caller tries
    another wording."""

    def __init__(self, truth, source, label=""):
        self.truth, self.source, self.label = truth, source, label
        self.label_kinds = C.label_kinds(label)
        self.parts = []
        self.tail = b""

    def text(self):
        return "".join(self.parts)

    def line(self, *items):
        """Adds one line (items: str or V; newline appended). Returns False,
        adding nothing, when a value would not read as intended."""
        recs = []
        line_b = b""
        after_value = False
        for it in items:
            if isinstance(it, str):
                if after_value and it and (it[0].isalnum()):
                    raise ValueError(f"no boundary after value: {it!r}")
                line_b += it.encode("utf-8")
                after_value = False
                continue
            vb = it.value.encode("utf-8")
            if line_b and (chr(line_b[-1]).isalnum() or line_b[-1] >= 0x80):
                raise ValueError(f"no boundary before {it.value!r}")
            after_value = True
            kind = self._kind(it, line_b)
            if kind is False:
                return False
            recs.append((it, kind))
            line_b += vb
        self.parts.append(line_b.decode("utf-8") + "\n")
        self.tail = (self.tail + line_b + b"\n")[-200:]
        for it, kind in recs:
            if kind == "decoy":
                self.truth.decoy(self.source, it.value, it.why, it.cat)
            elif kind:
                self.truth.add(self.source, kind, it.value, it.norm, it.pid,
                               "text", it.role)
        return True

    def _contexts(self, line_b):
        """Nearby context read within the line and across lines; None when
        a word is cut by the window's edge."""
        return (C.context_readings(line_b, len(line_b)) +
                C.context_readings(self.tail + line_b,
                                   len(self.tail) + len(line_b)))

    def _kind(self, it, line_b):
        ctxs = self._contexts(line_b)
        results = {self._kind_in(it, near) for near in ctxs}
        if len(results) != 1:          # the unit's extent would matter
            return False
        return results.pop()

    def _kind_in(self, it, near):
        fam = it.family
        lk = self.label_kinds
        if fam in ("email", "phone", "postal_upper"):
            found = {"email": "email", "phone": "phone",
                     "postal_upper": C.POSTAL}[fam]
        elif fam == "postal_lower":
            found = C.POSTAL if C.POSTAL in lk else None
        elif fam == "phone_bare":
            found = C.decide("phone", lk, near)
        elif fam == "sin":
            digits = it.value.replace(" ", "").replace("-", "")
            found = C.decide("sin", lk, near) if C.sin_ok(digits) else None
        elif fam == "date":
            try:
                found = C.decide("date", lk, near)
            except ValueError:
                return False
        elif fam in ("date_invalid", "plain_decoy"):
            found = None
        elif fam == "decoy":
            v = it.value.replace(" ", "").replace("-", "")
            if v.isdigit() and len(v) == 9 and C.sin_ok(v) and \
                    C.decide("sin", lk, near):
                return False
            if v.isdigit() and len(v) == 10 and C.decide("phone", lk, near):
                return False
            return "decoy"
        else:                       # another kind: must stay unfound
            v = it.value.replace(" ", "").replace("-", "")
            if v.isdigit() and len(v) == 9 and C.sin_ok(v) and \
                    C.decide("sin", lk, near):
                return False
            if v.isdigit() and len(v) == 10 and C.decide("phone", lk, near):
                return False
            return it.family
        if it.intent == "none":
            return "decoy" if found is None else False
        if it.intent is None:
            if found is not None:
                return False
            k = {"date": it.why or C.SERVICE, "phone_bare": "phone",
                 "sin": C.SIN, "postal_lower": C.POSTAL}.get(fam, fam)
            return k + C.NOCONTEXT
        return found if found == it.intent else False

    def add(self, rng, *makers):
        """Tries the line makers (each returns a list of items) in random
        order until one reads as intended."""
        order = list(makers)
        rng.shuffle(order)
        for _ in range(3):
            for mk in order:
                if self.line(*mk()):
                    return True
        raise ValueError(f"no wording fits in {self.source}: "
                         f"{[str(x) for x in makers[0]()]}")
