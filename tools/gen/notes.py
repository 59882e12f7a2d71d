"""Free text: visit notes and referral letters (English and French), with
context words near values and decoys the contract must not find."""

import datetime

from . import contract as C
from . import people as P
from .truth import TextUnit, V

RULE = "-" * 48          # longer than the context window: isolates decoys
EN_DATE = ["iso", "iso_slash", "dmy_slash", "mdy_slash", "dmy_dash",
           "dmy_dot", "mon_d_y", "month_d_y", "d_mon_y", "d_month_y"]


def _pid(p):
    return p.pid if p else None


def vdate(d, form, p, intent, why=""):
    """A date in free text. A document is read in one day/month order (its
    unambiguous numeric dates decide), so a US-style date whose day is 12 or
    less, which would read day first beside the document's day-first dates,
    is written with its month name instead."""
    if form == "mdy_slash" and d.day <= 12:
        form = "month_d_y"
    return V("date", P.fmt_date(d, form), d.isoformat(), _pid(p), intent, why)


def vphone(d, form, p, ext=None, ext_form=0):
    if form == "bare":
        return V("phone_bare", d, C.phone_e164(d), _pid(p), "phone")
    return V("phone", P.fmt_phone(d, form, ext, ext_form),
             C.phone_e164(d, ext), _pid(p), "phone")


def vpostal(pc, p, nospace=False):
    v = pc.replace(" ", "") if nospace else pc
    return V("postal_upper", v, pc, _pid(p), C.POSTAL)


def vo(kind, value, p, norm=None):
    return V(kind, value, norm or value, _pid(p))


def vstaff(provider, with_title=True):
    """A clinician's name (`Dr. ` stays outside the value)."""
    first, last, full = P.staff_parts(provider)
    return V("staff_name", full, full, None, role="staff")


def vdecoy(value, cat, why):
    return V("decoy", value, None, None, "none", why, cat=cat)


def staff_signature(u, ctx, provider, lead="Electronically signed by Dr. "):
    """A signature line; the signature and the clinician's name in it."""
    first, last, full = P.staff_parts(provider)
    sig = V("signature", lead + full, full, None, role="staff")
    if u.line(sig):
        ctx.truth.add(u.source, "staff_name", full, full, None, "text",
                      "staff")


def letterhead(u, ctx, r, fr=False):
    c = ctx.clinic
    name, street, city, postal, decoy_name = r.choice(P.SITES)
    if fr and name == P.SITES[0][0]:
        name = c["name_fr"]
    shown = name if fr else name.upper()
    u.line(V("service_location", shown, name, None))
    u.line(V("service_address", f"{street}, {city} {c['prov']}",
             f"{street}, {city} {c['prov']}", None), "  ",
           vpostal(postal, None))
    if decoy_name:
        ctx.truth.decoy(u.source, decoy_name, "street name in a clinic "
                        "address", "name")
    ctx.truth.decoy(u.source, city, "city in a clinic address", "name")
    tel = "Téléphone" if fr else "Tel"
    u.add(r, lambda: [f"{tel} ", vphone(c["phone"], "paren", None),
                      "   Fax ", vphone(c["fax"], "paren", None)],
          lambda: [f"{tel}: ", vphone(c["phone"], "dash", None),
                   " | Fax: ", vphone(c["fax"], "dash", None)])
    u.line(RULE)


def decoys(u, ctx, r, fr=False):
    """Values the contract must not find (each line isolated by RULE)."""
    stamp = datetime.date(2024, r.randint(1, 12), r.randint(1, 28))
    digits10 = P.rand_phone_digits(r, ["306", "639", "403"])
    good9 = P.rand_sin(r)
    bad9 = good9[:8] + str((int(good9[8]) + r.randint(1, 9)) % 10)
    bad_pc = r.choice("DFIOQU") + "1A 1A1"
    low_pc = ctx.clinic["postal"].lower()
    rx = [
        lambda: ["Printed ", V("date", stamp.isoformat(), None, None, "none",
                               "no context")],
        lambda: ["Page generated ", V("date", P.fmt_date(stamp, "iso_slash"),
                                      None, None, "none", "no context")],
        lambda: ["Requisition order ", V("phone_bare", digits10, None, None,
                                         "none", "bare digits, no context")],
        lambda: ["Order ", V("phone_bare", digits10, None, None, "none",
                             "bare digits, no context"), " processed"],
        lambda: ["Reference no. ", V("sin", good9, None, None, "none",
                                     "nine digits, no context")],
        lambda: ["SIN (unverified): ", V("sin", bad9, None, None, "none",
                                         "bad check digit")],
        lambda: ["Mail stop ", V("plain_decoy", bad_pc, None, None, "none",
                                 "invalid postal letters")],
        lambda: ["Courier route ", V("postal_lower", low_pc, None, None,
                                     "none", "lower case without label")],
        lambda: ["DOB as keyed: ", V("date_invalid", "2023-02-30", None, None,
                                     "none", "not a calendar date")],
    ]
    for mk in r.sample(rx, r.randint(2, 4)):
        u.line(RULE)
        u.add(r, mk)
    other_decoys(u, ctx, r)


def other_decoys(u, ctx, r):
    """Values shaped like the other categories that are none of them."""
    d = lambda n: "".join(r.choice("0123456789") for _ in range(n))
    on_bad = P.bad_luhn(r.choice("12345678") + d(9), r)
    bc_body = "9" + d(8)
    bc_bad = bc_body + str((int(C.bc_phn_check(bc_body) or 0) + 1) % 10)
    card = P.rand_card(r)[1]
    card_bad = P.fmt_card(P.bad_luhn(card, r), "space")
    rx = [
        lambda: [vdecoy("Will", "name", "auxiliary verb"),
                 " call back with the results."],
        lambda: [vdecoy("May", "name", "modal verb"),
                 " repeat the test in three months if needed."],
        lambda: ["Use the ", vdecoy("Grant Avenue", "name", "street name"),
                 " entrance after hours."],
        lambda: ["Claim no. ", vdecoy(on_bad, "health_insurance_number",
                                      "fails the Ontario check digit")],
        lambda: ["Batch ", vdecoy(bc_bad, "health_insurance_number",
                                  "BC shape, wrong check digit")],
        lambda: ["Courier waybill ", vdecoy(card_bad, "payment_card",
                                            "card shape, fails Luhn")],
        lambda: ["Specimen rack ", vdecoy("Bay E11", "diagnosis",
                                          "ICD-10 shape, a room")],
        lambda: ["Shipping box weight ", vdecoy("12 kg", "weight",
                                                "a parcel, not a person")],
        lambda: ["Form ", vdecoy("AB123456", "government_id",
                                 "passport shape, a form number")],
    ]
    for mk in r.sample(rx, r.randint(2, 4)):
        u.line(RULE)
        u.add(r, mk)


def visit_note(ctx, src, p, visit):
    r = ctx.rng
    u = TextUnit(ctx.truth, src)
    letterhead(u, ctx, r)
    u.add(r, lambda: ["Printed ", V("date", P.fmt_date(ctx.today, "iso"),
                                    None, None, "none", "no context")])
    u.line("")
    she = "her" if p.sex == "F" else "him"
    u.add(r, lambda: ["Patient: ", vo("name", p.name, p), "    DOB: ",
                      vdate(p.dob, r.choice(EN_DATE), p, C.DOB)],
          lambda: ["Name: ", vo("name", p.name, p), "   Date of birth: ",
                   vdate(p.dob, r.choice(EN_DATE), p, C.DOB)],
          lambda: ["Patient ", vo("name", p.name, p), ", born ",
                   vdate(p.dob, "month_d_y", p, C.DOB)])
    u.add(r, lambda: ["MRN: ", vo("mrn", p.mrn, p), "   Patient no.: ",
                      vo("patient_number", p.pid, p), "   Health card: ",
                      vo("health_number", p.hn, p, p.hn.replace(" ", ""))])
    u.line("Address: ", vo("street_address", p.address, p), ", ",
           vo("city", p.city, p), " ", p.prov, "  ",
           vpostal(p.postal, p, r.random() < 0.2))
    home, _ = p.phone("home")
    u.add(r, lambda: ["Phone: ", vphone(home, r.choice(P.PHONE_FORMATS), p)],
          lambda: ["Home phone ", vphone(home, "bare", p)],
          lambda: ["Tel. ", vphone(home, r.choice(P.PHONE_FORMATS), p)])
    for kind, d, ext in p.phones[1:]:
        u.add(r, lambda: [f"{kind.capitalize()}: ",
                          vphone(d, r.choice(P.PHONE_FORMATS), p, ext,
                                 r.randint(0, 2))])
    if p.email:
        u.line("Email: ", V("email", p.email, p.email.lower(), p.pid))
    if p.sin and r.random() < 0.6:
        u.add(r, lambda: ["SIN: ", V("sin", P.fmt_sin(p.sin, "space"), p.sin,
                                     p.pid, C.SIN)],
              lambda: ["Social insurance number ",
                       V("sin", P.fmt_sin(p.sin, r.choice(P.SIN_FORMATS)),
                         p.sin, p.pid, C.SIN)])
    u.line("")
    u.add(r, lambda: ["Visit date: ", vdate(visit, r.choice(EN_DATE), p,
                                            C.SERVICE)],
          lambda: ["Date of service: ", vdate(visit, "iso", p, C.SERVICE)],
          lambda: ["Seen on ", vdate(visit, r.choice(EN_DATE), p, C.SERVICE)])
    u.line("Provider: Dr. ", vstaff(r.choice(P.PROVIDERS)))
    kin = ctx.kin_of(p)
    if kin:
        rel = r.choice(P.KIN_RELATIONS)[0]
        u.line(f"Emergency contact: {'her' if p.sex == 'F' else 'his'} "
               f"{rel} ", V("related_name", kin[1], kin[1],
                            kin[0].pid if kin[0] else None, role="related"))
    u.line("")
    u.line("Past medical history: ",
           vo("medical_history", "; ".join(p.history), p), ".")
    u.line("Subjective:")
    u.line(f"{p.first} reports feeling generally well, some fatigue in the "
           "afternoons. No chest pain, no shortness of breath.")
    u.line("Objective:")
    wf, hf = r.choice([("kg", "cm"), ("kg", "m"), ("lb", "ft")])
    u.line(f"BP {r.randint(105, 165)}/{r.randint(60, 99)}, HR "
           f"{r.randint(55, 105)}, weight ",
           vo("weight", P.fmt_weight(p.weight, wf), p, f"{p.weight} kg"),
           ", height ",
           vo("height", P.fmt_height(p.height, hf), p, f"{p.height} cm"), ".")
    if p.diagnoses:
        u.line("Assessment:")
        for code, text in p.diagnoses:
            u.line("- ", vo("diagnosis_text", text, p, code), " (",
                   vo("diagnosis_code", code, p), ")")
    if p.meds:
        u.line("Plan:")
        for name, strength, sig, din in p.meds:
            if r.random() < 0.4:
                u.line("- Continue ", vo("medication", f"{name} {strength}",
                                         p, name),
                       f", {sig} (DIN ", vo("din", din, p), ").")
            else:
                u.line("- Continue ", vo("medication", f"{name} {strength}",
                                         p, name), f", {sig}.")
    for (d, name, loinc, val, unit) in [l for l in p.labs if l[0] == visit]:
        u.add(r, lambda: [vo("lab_result", f"{name}: {val} {unit}", p, val),
                          ", collected ", vdate(d, r.choice(EN_DATE), p,
                                                C.SERVICE)],
              lambda: [vo("lab_result", f"{name} {val} {unit}", p, val),
                       " (specimen ", vdate(d, "iso", p, C.SERVICE), ")"])
    fu = visit + datetime.timedelta(days=r.choice([14, 28, 42, 90]))
    u.line("")
    u.add(r, lambda: ["Follow-up appointment on ",
                      vdate(fu, "month_d_y", p, C.SERVICE), "."],
          lambda: ["Return visit booked for ", vdate(fu, "d_month_y", p,
                                                     C.SERVICE), "."],
          lambda: ["Next appointment: ", vdate(fu, "iso", p, C.SERVICE)])
    cell = p.phone("cell")[0]
    u.add(r, lambda: [f"If concerns, call {she} at ",
                      vphone(cell, r.choice(P.PHONE_FORMATS), p), "."],
          lambda: ["Call back number ", vphone(cell, "bare", p)],
          lambda: ["Contact: ", vphone(cell, "bare", p)])
    # PHI the contract does not find: a date after a plain `date` word.
    u.line(RULE)
    u.add(r, lambda: ["Last updated ", vdate(visit, "iso", p, None,
                                             C.SERVICE)])
    decoys(u, ctx, r)
    u.line(RULE)
    staff_signature(u, ctx, r.choice(P.PROVIDERS))
    return u.text().encode("utf-8")


def referral_en(ctx, src, p, visit):
    r = ctx.rng
    u = TextUnit(ctx.truth, src)
    letterhead(u, ctx, r)
    u.add(r, lambda: ["Date: ", V("date", P.fmt_date(ctx.today, "month_d_y"),
                                  None, None, "none", "letter date")])
    u.line("")
    u.add(r, lambda: ["Re: ", vo("name", p.name, p), ", DOB ",
                      vdate(p.dob, r.choice(EN_DATE), p, C.DOB), ", HSN ",
                      vo("health_number", p.hn, p, p.hn.replace(" ", ""))])
    u.line("")
    doc = r.choice(P.PROVIDERS)
    u.line("Dear Dr. ", vstaff(doc), ",")
    u.line("")
    title = "Mrs." if p.sex == "F" else "Mr."
    pron, obj = ("She", "her") if p.sex == "F" else ("He", "him")
    u.add(r, lambda: [f"I am referring {title} ", vo("name", p.last, p),
                      ", born ", vdate(p.dob, r.choice(["month_d_y",
                                                         "d_month_y"]),
                                       p, C.DOB), ", for assessment."],
          lambda: [f"I am referring {title} ", vo("name", p.last, p),
                   " (date of birth ", vdate(p.dob, "dmy_slash", p, C.DOB),
                   ") for assessment."])
    if p.diagnoses:
        code, text = p.diagnoses[0]
        u.line(f"{pron} has a history of ", vo("diagnosis_text", text.lower(),
                                                p, code), ".")
    if p.meds:
        items = []
        for name, strength, _sig, _din in p.meds:
            items += [", " if items else "",
                      vo("medication", f"{name} {strength}", p, name)]
        u.line("Current medications: ", *[x for x in items if x != ""], ".")
    u.add(r, lambda: [f"{pron} was last seen in our clinic on ",
                      vdate(visit, r.choice(EN_DATE), p, C.SERVICE), "."],
          lambda: [f"At the visit of ", vdate(visit, "month_d_y", p,
                                               C.SERVICE), " we noted"
                   " worsening symptoms."])
    home, _ = p.phone("home")
    if p.email:
        u.add(r, lambda: [f"{pron} can be reached at ",
                          vphone(home, r.choice(P.PHONE_FORMATS), p),
                          " or by email at ", V("email", p.email,
                                                p.email.lower(), p.pid), "."])
    else:
        u.add(r, lambda: [f"Please call {obj} at ",
                          vphone(home, r.choice(P.PHONE_FORMATS + ["bare"]),
                                 p), " to book."])
    if p.sin and r.random() < 0.5:
        his = "Her" if p.sex == "F" else "His"
        u.add(r, lambda: [f"{his} social insurance number, ",
                          V("sin", P.fmt_sin(p.sin, "dash"), p.sin, p.pid,
                            C.SIN), ", is on file."])
    u.line("")
    u.line("Sincerely,")
    u.line("")
    staff_signature(u, ctx, r.choice(P.PROVIDERS), "/s/ Dr. ")
    decoys(u, ctx, r)
    return u.text().encode("utf-8")


def referral_fr(ctx, src, p, visit):
    r = ctx.rng
    u = TextUnit(ctx.truth, src)
    letterhead(u, ctx, r, fr=True)
    u.add(r, lambda: [f"{ctx.clinic['city']}, le ",
                      V("date", P.fmt_date(ctx.today, "fr"), None, None,
                        "none", "letter date")])
    u.line("")
    u.line("Objet : demande de consultation en médecine interne")
    u.line(RULE)
    ne = "née" if p.sex == "F" else "né"
    qui = "Patiente" if p.sex == "F" else "Patient"
    u.add(r, lambda: [f"{qui} : ", vo("name", p.name, p), f", {ne} le ",
                      vdate(p.dob, "fr", p, C.DOB)],
          lambda: [f"{qui} : ", vo("name", p.name, p), " (DDN : ",
                   vdate(p.dob, "dmy_slash", p, C.DOB), ")"])
    u.add(r, lambda: ["Numéro d'assurance maladie : ",
                      vo("health_number", p.hn, p, p.hn.replace(" ", ""))])
    if p.sin:
        u.add(r, lambda: ["NAS : ", V("sin", P.fmt_sin(p.sin, "space"), p.sin,
                                      p.pid, C.SIN)])
    u.line("Adresse : ", vo("street_address", p.address, p), ", ",
           vo("city", p.city, p), " (", p.prov, ") ", vpostal(p.postal, p))
    home, _ = p.phone("home")
    u.add(r, lambda: ["Tél. : ", vphone(home, r.choice(["space", "dash"]), p)],
          lambda: ["Téléphone : ", vphone(home, "bare", p)])
    if p.email:
        u.line("Courriel : ", V("email", p.email, p.email.lower(), p.pid))
    u.line("")
    u.line("Madame, Monsieur,")
    art = "la" if p.sex == "F" else "le"
    u.add(r, lambda: [f"Je vous remercie de bien vouloir recevoir {art} "
                      "patient(e) en consultation le ",
                      vdate(visit, "fr", p, C.SERVICE), "."],
          lambda: ["Admission : ", vdate(visit, "iso", p, C.SERVICE)])
    u.line(RULE)
    # `visite` is not the word `visit`: no context, the contract misses it.
    u.add(r, lambda: ["Visite du ", vdate(visit, "fr", p, None, C.SERVICE)])
    if p.diagnoses:
        code, _t = p.diagnoses[0]
        u.line("Diagnostic principal : ", vo("diagnosis_code", code, p))
    if p.meds:
        items = []
        for name, strength, _sig, _din in p.meds:
            items += [", " if items else "",
                      vo("medication", f"{name} {strength}", p, name)]
        u.line("Médication : ", *[x for x in items if x != ""])
    u.line("")
    u.line("Veuillez agréer mes salutations distinguées.")
    u.line("Dr ", vstaff("Dr. Marc Lapointe"))
    decoys(u, ctx, r, fr=True)
    return u.text().encode("utf-8")


def intake_form(ctx, src, p, visit):
    """A registration form as text: government ids, measurements, history,
    next of kin, the patient's signature."""
    r = ctx.rng
    u = TextUnit(ctx.truth, src)
    letterhead(u, ctx, r)
    u.line("PATIENT INTAKE FORM")
    u.line("")
    u.line("Name: ", vo("name", p.name, p))
    u.add(r, lambda: ["Date of birth: ", vdate(p.dob, "iso", p, C.DOB)],
          lambda: ["DOB: ", vdate(p.dob, r.choice(EN_DATE), p, C.DOB)])
    u.add(r, lambda: ["Health card: ", vo("health_number", p.hn, p,
                                          p.hn.replace(" ", ""))])
    if p.dl:
        u.line("Photo ID checked: driver's licence ", vo("drivers_licence",
                                                         p.dl, p))
    if p.passport:
        u.line("Passport: ", vo("passport", p.passport, p))
    hf, wf = r.choice([("cm", "kg"), ("ft", "lb")])
    u.line("Height: ", vo("height", P.fmt_height(p.height, hf), p,
                          f"{p.height} cm"),
           "   Weight: ", vo("weight", P.fmt_weight(p.weight, wf), p,
                             f"{p.weight} kg"))
    u.line("History of surgery or other: ",
           vo("medical_history", ", ".join(p.history), p))
    kin = ctx.kin_of(p)
    if kin:
        rel = r.choice(P.KIN_RELATIONS)[0]
        u.line("Next of kin: ", V("related_name", kin[1], kin[1],
                                  kin[0].pid if kin[0] else None,
                                  role="related"), f" ({rel})")
    u.line("Family doctor: Dr. ", vstaff(p.gp))
    u.line("")
    u.line("I consent to the collection of my health information.")
    sig = f"/s/ {p.first} {p.last}"
    if u.line("Patient signature: ", V("signature", sig, p.name, p.pid)):
        ctx.truth.add(src, "name", p.name, p.name, p.pid, "text")
    other_decoys(u, ctx, r)
    return u.text().encode("utf-8")


def statement(ctx, src, p, visit):
    """A patient's billing statement: card payment, patient number."""
    r = ctx.rng
    u = TextUnit(ctx.truth, src)
    letterhead(u, ctx, r)
    u.line("STATEMENT OF ACCOUNT")
    u.line("")
    u.line(vo("name", p.name, p))
    u.line(vo("street_address", p.address, p))
    u.line(vo("city", p.city, p), " ", p.prov, "  ", vpostal(p.postal, p))
    u.line("")
    u.line("Patient no. ", vo("patient_number", p.pid, p))
    u.add(r, lambda: ["Date of service: ", vdate(visit, "iso", p,
                                                 C.SERVICE)])
    u.line("Uninsured service: medical note for employer   $35.00")
    if p.card:
        brand, digits = p.card
        u.line(f"Paid by {brand} ", vo("payment_card",
                                       P.fmt_card(digits, r.choice(
                                           ["space", "dash", "bare"])),
                                       p, digits), ".")
        u.line(RULE)
        u.line("Card on file: ", vdecoy("**** " + digits[-4:],
                                        "payment_card", "masked number"))
    other_decoys(u, ctx, r)
    return u.text().encode("utf-8")
