"""HL7 v2.5.1 messages: ORU^R01 lab results and ADT^A04 registrations."""

import datetime

from . import contract as C
from . import people as P
from .truth import TextUnit, V


def esc(s):
    return (s.replace("\\", "\\E\\").replace("|", "\\F\\").replace("^", "\\S\\")
            .replace("&", "\\T\\").replace("~", "\\R\\"))


def _ts(d, r, secs=False):
    s = f"{d.year}{d.month:02d}{d.day:02d}{r.randint(7, 18):02d}" \
        f"{r.choice(['00', '10', '20', '30', '40', '50'])}"
    return s + "00" if secs else s


def _compact(d):
    return f"{d.year}{d.month:02d}{d.day:02d}"


def _fields(seg, n, vals):
    f = [""] * (n + 1)
    f[0] = seg
    for i, v in vals.items():
        f[i] = v
    return "|".join(f).rstrip("|")


def pid_segment(ctx, src, p):
    tr, r = ctx.truth, ctx.rng
    f = {1: "1"}
    tr.field(src, "PID-3", "mrn", p.mrn, p.mrn, p.pid, hl7=True)
    pid3 = f"{p.mrn}^^^WFC^MR"
    if p.hn and r.random() < 0.8:
        tr.field(src, "PID-3", "health_number", p.hn, p.hn.replace(" ", ""),
                 p.pid, hl7=True)
        pid3 += f"~{esc(p.hn)}^^^{p.prov}^JHN"
    f[3] = pid3
    for n in (p.last, p.first, p.middle):
        if n:
            tr.field(src, "PID-5", "name", n, n, p.pid, hl7=True)
    f[5] = f"{esc(p.last)}^{esc(p.first)}^{esc(p.middle)}"
    dob = _compact(p.dob)
    tr.field(src, "PID-7", "date_label", dob, p.dob.isoformat(), p.pid,
             C.DOB, hl7=True)
    f[7] = dob
    f[8] = p.sex
    tr.field(src, "PID-11", "street_address", p.address, p.address, p.pid,
             hl7=True)
    pc = r.choices([p.postal, p.postal.replace(" ", ""), p.postal.lower()],
                   [80, 15, 5])[0]
    tr.field(src, "PID-11", "city", p.city, p.city, p.pid, hl7=True)
    tr.field(src, "PID-11", "province", p.prov, p.prov, p.pid, hl7=True)
    tr.field(src, "PID-11", "postal", pc, p.postal, p.pid, hl7=True)
    f[11] = f"{esc(p.address)}^^{esc(p.city)}^{p.prov}^{pc}^CAN^H"
    reps = []
    for kind, d, ext in p.phones:
        if kind == "work":
            continue
        form = r.choice(["dash", "paren", "space", "bare", "plus1", "dot"])
        if form == "bare":
            v = d
            tr.field(src, "PID-13", "phone_bare", v, C.phone_e164(d), p.pid,
                     hl7=True)
        else:
            v = P.fmt_phone(d, form)
            tr.field(src, "PID-13", "phone", v, C.phone_e164(d), p.pid,
                     hl7=True)
        reps.append(f"{v}^PRN^{'CP' if kind == 'cell' else 'PH'}")
    if p.email and r.random() < 0.6:
        tr.field(src, "PID-13", "email", p.email, p.email.lower(), p.pid,
                 hl7=True)
        reps.append(f"^NET^Internet^{p.email}")
    f[13] = "~".join(reps)
    work = [t for t in p.phones if t[0] == "work"]
    if work:
        _k, d, ext = work[0]
        v = P.fmt_phone(d, "dash", ext, r.randint(0, 2))
        tr.field(src, "PID-14", "phone", v, C.phone_e164(d, ext), p.pid,
                 hl7=True)
        f[14] = f"{v}^WPN^PH"
    f[15] = "fre" if p.lang == "fr" else "eng"
    if p.sin and r.random() < 0.5:
        v = P.fmt_sin(p.sin, r.choice(["bare", "dash"]))
        tr.field(src, "PID-19", "sin", v, p.sin, p.pid, hl7=True)
        f[19] = v
    if p.dl and r.random() < 0.5:
        tr.field(src, "PID-20", "drivers_licence", p.dl, p.dl, p.pid,
                 hl7=True)
        f[20] = f"{esc(p.dl)}^{p.prov}"
    return _fields("PID", 30, f)


def staff_xcn(tr, src, field, r, ident=True):
    """An XCN (id^family^given^^^Dr) naming a clinician; truth per part."""
    first, last, _full = P.staff_parts(r.choice(P.PROVIDERS))
    for n in (last, first):
        tr.field(src, field, "staff_name", n, n, None, hl7=True, role="staff")
    return f"{r.randint(1000, 9999)}^{esc(last)}^{esc(first)}^^^Dr"


def pv1_segment(ctx, src, p, visit):
    tr, r = ctx.truth, ctx.rng
    site = r.choice(P.SITES)[0]
    # PV1-3.1 (point of care) and PV1-3.9 (its description) both say where.
    tr.field(src, "PV1-3", "service_location", "WFC", "WFC", p.pid, hl7=True)
    tr.field(src, "PV1-3", "service_location", site, site, p.pid, hl7=True)
    staff = staff_xcn(tr, src, "PV1-7", r)
    visit_no = f"V{r.randint(100000, 999999)}"
    # The visit number identifies the patient's encounter at the facility.
    tr.field(src, "PV1-19", "patient_number", visit_no, visit_no, p.pid,
             hl7=True)
    f = {1: "1", 2: "O", 3: f"WFC^^^^^^^^{esc(site)}", 7: staff,
         19: visit_no}
    ts = _ts(visit, r)
    tr.field(src, "PV1-44", "date_label", ts, visit.isoformat(), p.pid,
             C.SERVICE, hl7=True)
    f[44] = ts
    if r.random() < 0.3:
        ts2 = _ts(visit, r)
        tr.field(src, "PV1-45", "date_label", ts2, visit.isoformat(), p.pid,
                 C.SERVICE, hl7=True)
        f[45] = ts2
    return _fields("PV1", 45, f)


def msh_facilities(tr, src, p, sending, receiving):
    """MSH-4 and MSH-6: the lab and the clinic where the patient's test and
    care took place are service locations of the message's patient."""
    tr.field(src, "MSH-4", "service_location", sending, sending, p.pid,
             hl7=True)
    tr.field(src, "MSH-6", "service_location", receiving, receiving, p.pid,
             hl7=True)


def oru_message(ctx, src, p, visit, stamp, ctrl):
    tr, r = ctx.truth, ctx.rng
    msh = f"MSH|^~\\&|PLS_LIS|PRAIRIE LAB SERVICES|WFC_EMR|WASCANA FC|" \
          f"{stamp}||ORU^R01^ORU_R01|{ctrl}|P|2.5.1"
    tr.decoy(src, stamp, "MSH-7 timestamp, no context")
    msh_facilities(tr, src, p, "PRAIRIE LAB SERVICES", "WASCANA FC")
    segs = [msh, pid_segment(ctx, src, p), pv1_segment(ctx, src, p, visit)]
    labs = [l for l in p.labs if l[0] == visit] or \
        [(visit,) + P.LABS[r.randrange(len(P.LABS))][:2] + ("5.0", "mmol/L")]
    placer = f"ORD{r.randint(100000, 999999)}"
    segs.append(f"ORC|RE|{placer}|LAB{r.randint(100000, 999999)}")
    obr7 = _ts(visit, r, secs=True)
    obr = {1: "1", 2: placer, 3: f"LAB{r.randint(100000, 999999)}",
           4: "24331-1^Lab panel^LN", 7: obr7,
           16: staff_xcn(tr, src, "OBR-16", r), 25: "F"}
    tr.field(src, "OBR-7", "date_label", obr7, visit.isoformat(), p.pid,
             C.SERVICE, hl7=True)
    if r.random() < 0.5:
        obr[14] = _ts(visit, r, secs=True)
        tr.field(src, "OBR-14", "date_label", obr[14], visit.isoformat(),
                 p.pid, C.SERVICE, hl7=True)
    if r.random() < 0.5:
        rep = visit + datetime.timedelta(days=1)
        obr[22] = _ts(rep, r)
        tr.field(src, "OBR-22", "date_label", obr[22], rep.isoformat(),
                 p.pid, C.SERVICE, hl7=True)
    segs.append(_fields("OBR", 25, obr))
    vitals = []
    if r.random() < 0.4:
        vitals = [(visit, "Body height", "8302-2", str(p.height), "cm",
                   "height"),
                  (visit, "Body weight", "29463-7", str(p.weight), "kg",
                   "weight")]
    rows = [l + ("lab_result",) for l in labs] + vitals
    for i, (d, name, loinc, val, unit, kind) in enumerate(rows, 1):
        if kind == "lab_result":
            tr.field(src, "OBX-3", "lab_test", name, name, p.pid, hl7=True)
            tr.field(src, "OBX-5", "lab_result", val, val, p.pid, hl7=True)
        else:
            tr.field(src, "OBX-5", kind, val, f"{val} {unit}", p.pid,
                     hl7=True)
        obx = {1: str(i), 2: "NM", 3: f"{loinc}^{name}^LN", 5: val, 6: unit,
               8: r.choice(["N", "H", "L", ""]), 11: "F"}
        if r.random() < 0.5:
            obx[14] = _compact(d)
            tr.field(src, "OBX-14", "date_label", obx[14], d.isoformat(),
                     p.pid, C.SERVICE, hl7=True)
        segs.append(_fields("OBX", 14, obx))
    if r.random() < 0.35:
        # A comment with escapes; its text is one unit, read after unescaping.
        u = TextUnit(tr, src, "NTE-3")
        clinic_ph = ctx.clinic_phone
        u.add(r,
              lambda: ["Specimen received ",
                       V("date", P.fmt_date(visit, "iso"), visit.isoformat(),
                         p.pid, C.SERVICE), " | hemolysed & recollected"],
              lambda: ["Critical value: Dr. ",
                       V("staff_name", "Sharma", "Anita Sharma", None,
                         role="staff"), " & team notified, "
                       "lab line ", V("phone", P.fmt_phone(clinic_ph, "dash"),
                                      C.phone_e164(clinic_ph), None, "phone")],
              lambda: ["Result verified ^ repeat & confirmed"])
        text = u.text().rstrip("\n")
        tr.add(src, "medical_history", text, text, p.pid, "text")
        segs.append("NTE|1|L|" + esc(text))
    return segs


def adt_message(ctx, src, p, kin, visit, stamp, ctrl):
    tr, r = ctx.truth, ctx.rng
    segs = [f"MSH|^~\\&|WFC_EMR|WASCANA FC|PLS_LIS|PRAIRIE LAB SERVICES|"
            f"{stamp}||ADT^A04^ADT_A01|{ctrl}|P|2.5.1",
            f"EVN|A04|{stamp}"]
    tr.decoy(src, stamp, "MSH-7/EVN-2 timestamp, no context")
    msh_facilities(tr, src, p, "WASCANA FC", "PRAIRIE LAB SERVICES")
    segs.append(pid_segment(ctx, src, p))
    if kin is not None:
        kp, kname, kphone = kin
        kpid = kp.pid if kp else None
        for part in reversed(kname.split(" ")):
            tr.field(src, "NK1-2", "related_name", part, part, kpid,
                     hl7=True, role="related")
        rel = r.choice(P.KIN_RELATIONS)
        f = {1: "1", 2: esc(kname.split(" ")[-1]) + "^" +
             esc(kname.split(" ")[0]), 3: f"{rel[1]}^{rel[2]}^HL70063"}
        if kp:
            for kind, v in (("street_address", kp.address),
                            ("city", kp.city), ("province", kp.prov)):
                tr.field(src, "NK1-4", kind, v, v, kpid, hl7=True,
                         role="related")
            tr.field(src, "NK1-4", "postal", kp.postal, kp.postal, kpid,
                     hl7=True, role="related")
            f[4] = f"{esc(kp.address)}^^{esc(kp.city)}^{kp.prov}^{kp.postal}"
        form = r.choice(["dash", "paren", "bare"])
        v = P.fmt_phone(kphone, form)
        tr.field(src, "NK1-5", "phone_bare" if form == "bare" else "phone", v,
                 C.phone_e164(kphone), kpid, hl7=True)
        f[5] = v
        segs.append(_fields("NK1", 7, f))
    segs.append(pv1_segment(ctx, src, p, visit))
    return segs


def hl7_file(ctx, src, pats, kind="ORU", eol="\r", month=(2024, 3)):
    r = ctx.rng
    msgs = []
    for n, p in enumerate(pats):
        visit = r.choice(p.visits)
        y, m = month
        stamp = f"{y}{m:02d}{r.randint(1, 28):02d}{r.randint(0, 23):02d}" \
                f"{r.randint(0, 59):02d}{r.randint(1, 59):02d}"
        ctrl = f"MSG{y}{m:02d}{n + 1:05d}"
        if kind == "ORU":
            segs = oru_message(ctx, src, p, visit, stamp, ctrl)
        else:
            segs = adt_message(ctx, src, p, ctx.kin_of(p), visit, stamp, ctrl)
        msgs.append(eol.join(segs) + eol)
    return "".join(msgs).encode("utf-8")
