#!/usr/bin/env python3
"""Writes workshop.ods: a minimal, well-formed OpenDocument spreadsheet (ODF 1.2), by hand.

No office suite is installed on the machines this was made on, so the file is written from the
standard: a zip whose first entry is the uncompressed `mimetype`, a manifest, and content.xml
with one table per sheet. Text cells are office:value-type="string" with a text:p; numbers are
office:value-type="float" with office:value, as LibreOffice writes them. Run it from this folder.
"""
import zipfile
from xml.sax.saxutils import escape

SHEETS = [
    ("Determinants", [
        ["Label", "Type", "Locus", "Nature", "X", "Y"],
        ["Political will", "Political will", "internal", "pressure point", 10, 20],
        ["Media", "Media", "", "", 200, 20],
        ["Adoption of legislation", "Stage", "", "", 400, 0],
    ]),
    ("Influences", [
        ["From", "To", "Polarity"],
        ["Political will", "Adoption of legislation", "+"],
        ["Media", "Political will", "opposite"],
    ]),
]


def cell(value):
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f'<text:p>{value}</text:p></table:table-cell>')
    if value == "":
        return '<table:table-cell/>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def content():
    tables = []
    for name, rows in SHEETS:
        body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        tables.append(f'<table:table table:name="{escape(name)}">{body}</table:table>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content'
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
            ' office:version="1.2">'
            '<office:body><office:spreadsheet>' + "".join(tables) +
            '</office:spreadsheet></office:body></office:document-content>\n')


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
            ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>\n')

with zipfile.ZipFile("workshop.ods", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
               compress_type=zipfile.ZIP_STORED)
    z.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("content.xml", content(), compress_type=zipfile.ZIP_DEFLATED)
