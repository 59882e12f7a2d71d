"""JSON and XML records: FHIR Bundles, NDJSON bulk exports, an XML export."""

import json
from xml.sax.saxutils import escape as xesc

from . import contract as C
from . import people as P


def _patient_resource(ctx, src, p, base):
    """FHIR Patient; `base` is the JSON path prefix of the resource."""
    tr, r = ctx.truth, ctx.rng
    f = lambda key, fam, v, n, intent=None: tr.field(
        src, f"{base}.{key}", fam, v, n, p.pid, intent)
    f("identifier.value", "mrn", p.mrn, p.mrn)
    ident = [{"system": "https://wascana-fc.ca/fhir/mrn", "value": p.mrn}]
    if p.hn:
        f("identifier.value", "health_number", p.hn, p.hn.replace(" ", ""))
        ident.append({"system": f"https://health.gov.{p.prov.lower()}.ca/hn",
                      "value": p.hn})
    f("name.family", "name", p.last, p.last)
    f("name.given", "name", p.first, p.first)
    if p.middle:
        f("name.given", "name", p.middle, p.middle)
    telecom = []
    for kind, d, ext in p.phones:
        form = r.choice(["dash", "paren", "plus1", "dot", "space", "bare"])
        if form == "bare":
            f("telecom.value", "phone_bare", d, C.phone_e164(d))
            telecom.append({"system": "phone", "value": d, "use": "home"})
            continue
        v = P.fmt_phone(d, form, ext, r.randint(0, 2))
        f("telecom.value", "phone", v, C.phone_e164(d, ext))
        telecom.append({"system": "phone", "value": v,
                        "use": {"cell": "mobile"}.get(kind, kind)})
    if p.email:
        f("telecom.value", "email", p.email, p.email.lower())
        telecom.append({"system": "email", "value": p.email})
    f("birthDate", "date", p.dob.isoformat(), p.dob.isoformat(), C.DOB)
    f("address.line", "street_address", p.address, p.address)
    f("address.city", "city", p.city, p.city)
    f("address.state", "province", p.prov, p.prov)
    pc = p.postal if r.random() < 0.8 else p.postal.replace(" ", "")
    f("address.postalCode", "postal", pc, p.postal)
    gp_first, gp_last, gp = P.staff_parts(p.gp)
    tr.field(src, f"{base}.generalPractitioner.display", "staff_name", p.gp,
             gp, None, role="staff")
    extra = {"generalPractitioner": [{"display": p.gp}]}
    kin = ctx.kin_of(p)
    if kin:
        rel = r.choice(P.KIN_RELATIONS)
        tr.field(src, f"{base}.contact.name.text", "related_name", kin[1],
                 kin[1], kin[0].pid if kin[0] else None, role="related")
        extra["contact"] = [{"relationship": [{"text": rel[2]}],
                             "name": {"text": kin[1]}}]
    return {"resourceType": "Patient", "id": p.pid.lower(),
            "meta": {"lastUpdated": "2024-03-01T10:15:00Z"},
            "identifier": ident,
            "name": [{"use": "official", "family": p.last,
                      "given": [p.first] + ([p.middle] if p.middle else [])}],
            "telecom": telecom,
            "gender": {"F": "female", "M": "male"}[p.sex],
            "birthDate": p.dob.isoformat(),
            "address": [{"line": [p.address], "city": p.city,
                         "state": p.prov, "postalCode": pc, "country": "CA"}],
            **extra}


def _care_resources(ctx, src, p, base, what=None):
    """Encounters, Observations, Conditions, MedicationStatements (only the
    resource type `what` when given)."""
    tr, r = ctx.truth, ctx.rng
    out = []
    want = lambda t: what is None or what == t
    ref = {"reference": f"Patient/{p.pid.lower()}"}
    for i, v in enumerate(p.visits if want("Encounter") else []):
        start = f"{v.isoformat()}T{r.randint(8, 17):02d}:" \
                f"{r.choice(['00', '30'])}:00-06:00"
        # period.start has no context word, and a date run into `T` has no
        # clean boundary: the contract finds nothing here.
        tr.field(src, f"{base}.period.start", "date_never", start,
                 v.isoformat(), p.pid, C.SERVICE)
        site = r.choice(P.SITES)[0]
        tr.field(src, f"{base}.serviceProvider.display", "service_location",
                 site, site, p.pid)
        out.append({"resourceType": "Encounter", "id": f"enc-{p.pid[1:]}-{i}",
                    "status": "finished",
                    "class": {"system": "http://terminology.hl7.org/"
                              "CodeSystem/v3-ActCode", "code": "AMB"},
                    "subject": ref, "period": {"start": start},
                    "serviceProvider": {"display": site}})
    for j, (d, name, loinc, val, unit) in enumerate(
            p.labs if want("Observation") else []):
        tr.field(src, f"{base}.effectiveDateTime", "date", d.isoformat(),
                 d.isoformat(), p.pid, C.SERVICE)
        tr.field(src, f"{base}.code.coding.display", "lab_test", name,
                 name, p.pid)
        num = float(val) if "." in val else int(val)
        tr.field(src, f"{base}.valueQuantity.value", "lab_result",
                 json.dumps(num), val, p.pid)
        out.append({"resourceType": "Observation",
                    "id": f"obs-{p.pid[1:]}-{j}", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org",
                                         "code": loinc, "display": name}]},
                    "subject": ref, "effectiveDateTime": d.isoformat(),
                    "valueQuantity": {"value": num, "unit": unit}})
    if want("Observation") and p.visits:
        for kind, name, loinc, num, unit in (
                ("height", "Body height", "8302-2", p.height, "cm"),
                ("weight", "Body weight", "29463-7", p.weight, "kg")):
            tr.field(src, f"{base}.valueQuantity.value", kind, str(num),
                     f"{num} {unit}", p.pid)
            out.append({"resourceType": "Observation",
                        "id": f"obs-{p.pid[1:]}-{kind}", "status": "final",
                        "category": [{"text": "vital-signs"}],
                        "code": {"coding": [{"system": "http://loinc.org",
                                             "code": loinc,
                                             "display": name}]},
                        "subject": ref,
                        "valueQuantity": {"value": num, "unit": unit}})
    for code, text in p.diagnoses if want("Condition") else []:
        tr.field(src, f"{base}.code.coding.code", "diagnosis_code", code, code,
                 p.pid)
        tr.field(src, f"{base}.code.coding.display", "diagnosis_text", text,
                 code, p.pid)
        out.append({"resourceType": "Condition", "subject": ref,
                    "code": {"coding": [{"system": "http://hl7.org/fhir/sid/"
                                         "icd-10", "code": code,
                                         "display": text}]}})
    # A Bundle holds MedicationStatements; a Bulk export may hold requests.
    med = "MedicationRequest" if what == "MedicationRequest" \
        else "MedicationStatement"
    dosage = "dosageInstruction" if med == "MedicationRequest" else "dosage"
    for name, strength, sig, din in p.meds if want(med) else []:
        tr.field(src, f"{base}.medicationCodeableConcept.text", "medication",
                 f"{name} {strength}", name, p.pid)
        tr.field(src, f"{base}.medicationCodeableConcept.coding.code", "din",
                 din, din, p.pid)
        out.append({"resourceType": med, "subject": ref,
                    "status": "active",
                    "medicationCodeableConcept": {
                        "coding": [{"system": "https://health-products."
                                    "canada.ca/dpd-bdpp/din", "code": din}],
                        "text": f"{name} {strength}"},
                    dosage: [{"text": sig}]})
    return out


def fhir_bundle(ctx, src, pats):
    entries = []
    for p in pats:
        res = [_patient_resource(ctx, src, p, "entry.resource")]
        res += _care_resources(ctx, src, p, "entry.resource")
        for x in res:
            entries.append({"fullUrl": f"urn:uuid:{ctx.uuid()}",
                            "resource": x})
    b = {"resourceType": "Bundle", "id": ctx.uuid(), "type": "collection",
         "timestamp": "2024-03-01T10:15:00-06:00", "entry": entries}
    return json.dumps(b, indent=2, ensure_ascii=False).encode("utf-8")


def ndjson(ctx, src, pats, what):
    lines = []
    for p in pats:
        if what == "Patient":
            res = [_patient_resource(ctx, src, p, "")]
        else:
            res = _care_resources(ctx, src, p, "", what)
        lines += [json.dumps(x, ensure_ascii=False, separators=(",", ":"))
                  for x in res]
    return ("\n".join(lines) + "\n").encode("utf-8")


def xml_export(ctx, src, pats):
    tr, r = ctx.truth, ctx.rng
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<patients system="Wascana EMR" version="4.2">\n',
           "  <exported>2024-03-01 10:15</exported>\n"]
    tr.decoy(src, "2024-03-01 10:15", "export timestamp, no context")
    dob_tag = r.choice(["dob", "birthDate", "dateOfBirth"])
    for p in pats:
        fld = lambda path, fam, v, n, intent=None: tr.field(
            src, "patients/patient/" + path, fam, v, n, p.pid, intent)
        o = [f'  <patient id="{p.pid}">\n']
        fld("@id", "patient_number", p.pid, p.pid)
        fld("mrn", "mrn", p.mrn, p.mrn)
        o.append(f"    <mrn>{p.mrn}</mrn>\n")
        fld("name/given", "name", p.first, p.first)
        fld("name/family", "name", p.last, p.last)
        o.append(f"    <name><given>{xesc(p.first)}</given>"
                 f"<family>{xesc(p.last)}</family></name>\n")
        dv = P.fmt_date(p.dob, r.choice(["iso", "dmy_slash", "iso"]))
        fld(dob_tag, "date", dv, p.dob.isoformat(), C.DOB)
        o.append(f"    <{dob_tag}>{dv}</{dob_tag}>\n")
        o.append(f"    <sex>{p.sex}</sex>\n")
        fld("address/street", "street_address", p.address, p.address)
        fld("address/city", "city", p.city, p.city)
        fld("address/province", "province", p.prov, p.prov)
        fld("address/postalCode", "postal", p.postal, p.postal)
        o.append(f"    <address><street>{xesc(p.address)}</street>"
                 f"<city>{xesc(p.city)}</city><province>{p.prov}</province>"
                 f"<postalCode>{p.postal}</postalCode></address>\n")
        for kind, d, ext in p.phones:
            tag = {"home": "homePhone", "cell": "cellPhone",
                   "work": "workPhone"}[kind]
            if r.random() < 0.3:
                v, fam = d, "phone_bare"
            else:
                v, fam = P.fmt_phone(d, r.choice(P.PHONE_FORMATS), ext,
                                     r.randint(0, 2)), "phone"
            fld(tag, fam, v, C.phone_e164(d, None if fam == "phone_bare"
                                          else ext))
            o.append(f"    <{tag}>{v}</{tag}>\n")
        if p.email:
            fld("email", "email", p.email, p.email.lower())
            o.append(f"    <email>{p.email}</email>\n")
        if p.sin:
            v = P.fmt_sin(p.sin, r.choice(P.SIN_FORMATS))
            fld("sin", "sin", v, p.sin)
            o.append(f"    <sin>{v}</sin>\n")
        if p.hn:
            fld("healthCard", "health_number", p.hn, p.hn.replace(" ", ""))
            o.append(f'    <healthCard province="{p.prov}">{p.hn}'
                     f"</healthCard>\n")
        o.append("    <visits>\n")
        for v in p.visits:
            form = r.choice(["iso", "d_month_y", "month_d_y", "dmy_slash"])
            dv = P.fmt_date(v, form)
            fld("visits/visit/visitDate", "date", dv, v.isoformat(),
                C.SERVICE)
            doc = r.choice(P.PROVIDERS)
            tr.field(src, "patients/patient/visits/visit/provider",
                     "staff_name", doc, P.staff_parts(doc)[2], None,
                     role="staff")
            site = r.choice(P.SITES)[0]
            fld("visits/visit/location", "service_location", site, site)
            o.append(f"      <visit><visitDate>{dv}</visitDate>"
                     f"<provider>{doc}</provider>"
                     f"<location>{xesc(site)}</location>")
            if p.diagnoses:
                code, text = r.choice(p.diagnoses)
                fld("visits/visit/diagnosis/@code", "diagnosis_code", code,
                    code)
                fld("visits/visit/diagnosis", "diagnosis_text", text, code)
                o.append(f'<diagnosis code="{code}">{xesc(text)}</diagnosis>')
            o.append("</visit>\n")
        o.append("    </visits>\n  </patient>\n")
        out += o
    out.append("</patients>\n")
    return "".join(out).encode("utf-8")
