#!/usr/bin/env python3
"""Writes the platform exports of one consultation survey, each in the shape its platform downloads it:
google-forms.csv, smartsurvey.csv, citizen-space.csv and microsoft-forms.xlsx (qualtrics.csv and surveymonkey.csv
were written by hand beside them). Deterministic: run it again and the files are the same.

    python3 generate.py

The survey: 40 respondents; their sector (one choice); the topics that matter to them (several choices, one of
them "Housing, including homelessness", with a comma of its own, and some "other" answers typed in); their
satisfaction with the draft strategy (a five-point text scale with "Don't know"); a comment. The Google Forms
export adds a grid question (agreement with two statements).
"""
import hashlib
import zipfile

SECTORS = ["NHS", "Local authority", "Voluntary sector"]
TOPICS = ["Workforce", "Mental health", "Housing, including homelessness", "Older people"]
OTHER = {7: "Digital access", 19: "Transport links", 31: "Support for carers"}
SCALE = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]
AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
COMMENTS = ["More joined-up care, please.", "Keep it simple", "Housing matters, and so does transport.", ""]
N = 40

Q_SECTOR = "Which sector do you work in?"
Q_TOPICS = "Which of these topics matter most to you?"
Q_SATISFIED = "Overall, how satisfied are you with the draft strategy?"
Q_COMMENT = "Is there anything else you would like to tell us?"
Q_GRID = "How much do you agree with each statement?"


def sector(i):
    return SECTORS[(i * 5) % 3]


def topics(i):
    chosen = [t for k, t in enumerate(TOPICS) if (i >> k) & 1]
    return chosen


def other(i):
    return OTHER.get(i, "")


def satisfied(i):
    if i % 13 == 0:
        return ""
    if i % 9 == 0:
        return "Don't know"
    return SCALE[(i * 7) % 5]


def comment(i):
    return COMMENTS[i % 4]


def quote(field):
    if any(c in field for c in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write_csv(name, rows, bom=False, newline="\r\n"):
    text = newline.join(",".join(quote(f) for f in row) for row in rows) + newline
    with open(name, "wb") as out:
        out.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def google_forms():
    rows = [["Timestamp", "Email Address", Q_SECTOR, Q_TOPICS, Q_SATISFIED, Q_GRID + " [The plan is clear]",
             Q_GRID + " [The plan is affordable]", Q_COMMENT]]
    for i in range(1, N + 1):
        chosen = topics(i) + ([other(i)] if other(i) else [])
        rows.append(["%02d/03/2024 %02d:%02d:%02d" % (1 + i % 28, 8 + i % 10, i % 60, (i * 7) % 60),
                     "person%d@example.org" % i, sector(i), ", ".join(chosen), satisfied(i),
                     AGREE[i % 5] if i % 11 else "", AGREE[(i * 3) % 5], comment(i)])
    write_csv("google-forms.csv", rows, newline="\r\n")


def smartsurvey():
    head = ["UserID", "Name", "Email", "IP Address", "Unique ID", "Started", "Ended", "Tracking Link",
            "Custom Value", "1. " + Q_SECTOR]
    head += ["2. " + Q_TOPICS + ":" + t for t in TOPICS] + ["2. " + Q_TOPICS + ":Other (please specify)"]
    head += ["3. " + Q_SATISFIED, "4. " + Q_COMMENT]
    rows = [head]
    for i in range(1, N + 1):
        chosen = topics(i)
        row = [str(81234500 + i * 17), "", "", "192.0.2.%d" % i, "", "%02d/03/2024 09:%02d" % (1 + i % 28, i % 60),
               "%02d/03/2024 09:%02d" % (1 + i % 28, (i + 4) % 60), "Web Link", "", sector(i)]
        row += [t if t in chosen else "" for t in TOPICS] + [other(i)]
        row += [satisfied(i), comment(i)]
        rows.append(row)
    write_csv("smartsurvey.csv", rows, bom=True)


def citizen_space():
    head = ["Response ID", "Submitted on", Q_SECTOR] + [Q_TOPICS + " - " + t for t in TOPICS]
    head += [Q_SATISFIED, Q_COMMENT]
    rows = [head]
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    for i in range(1, N + 1):
        digest = hashlib.sha256(b"citizen-space %d" % i).digest()
        code = "".join(letters[b % len(letters)] for b in digest[:8])
        row = ["ANON-%s-%s-%s" % (code[:4], code[4:8], letters[i % len(letters)]),
               "2024-03-%02d 10:%02d:00" % (1 + i % 28, i % 60), sector(i)]
        row += ["Yes" if t in topics(i) else "" for t in TOPICS]
        row += [satisfied(i), comment(i)]
        rows.append(row)
    write_csv("citizen-space.csv", rows, bom=True)


def column(index):
    letters = ""
    i = index + 1
    while i > 0:
        letters = chr(ord("A") + (i - 1) % 26) + letters
        i = (i - 1) // 26
    return letters


def cell(ref, value):
    if isinstance(value, float):
        return '<c r="%s" s="1"><v>%s</v></c>' % (ref, repr(value))
    if isinstance(value, int):
        return '<c r="%s"><v>%d</v></c>' % (ref, value)
    if value == "":
        return ""
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, text)


def microsoft_forms():
    head = ["Id", "Start time", "Completion time", "Email", "Name", Q_SECTOR, Q_TOPICS, Q_SATISFIED, Q_COMMENT]
    rows = ['<row r="1">' + "".join(cell(column(c) + "1", h) for c, h in enumerate(head)) + "</row>"]
    for i in range(1, N + 1):
        r = i + 1
        start = 45352 + i * 0.25
        chosen = topics(i)
        values = [i, start, start + 0.0625, "anonymous", "", sector(i),
                  "".join(t + ";" for t in chosen), satisfied(i), comment(i)]
        rows.append('<row r="%d">' % r + "".join(cell(column(c) + str(r), v) for c, v in enumerate(values))
                    + "</row>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument'
        '.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '</cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + "".join(rows) + "</sheetData></worksheet>",
    }
    with zipfile.ZipFile("microsoft-forms.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    google_forms()
    smartsurvey()
    citizen_space()
    microsoft_forms()
