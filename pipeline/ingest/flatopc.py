"""Word's single-file XML ("Word XML Document", Flat OPC: <pkg:package> holding every part of a .docx) turned
back into the .docx package it stands for, so the .docx reader reads it. Sites publish such files named .doc
(a 海南省 regulation among the cities' 文明行为促进条例); LibreOffice, given a .doc, imports their XML as plain
text. Each <pkg:part> is one part: its XML (pkg:xmlData) or base64 bytes (pkg:binaryData), its content type
an [Content_Types].xml override (ECMA-376 Part 2 describes the package; the flat form is Word's own)."""

from __future__ import annotations

import base64
import binascii
import io
import zipfile

from lxml import etree

from ..model import IngestError

_PKG = "{http://schemas.microsoft.com/office/2006/xmlPackage}"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
# a hostile package defines no entities for us and fetches nothing (also the .docx reader's .rels repair)
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def is_flat_opc(data: bytes) -> bool:
    """A Word XML document in the Flat OPC form, by its first bytes."""
    head = data[:4096]
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<?xml") and b"schemas.microsoft.com/office/2006/xmlPackage" in head


def flat_opc_to_docx(data: bytes, name: str) -> bytes:
    """The .docx package of a Flat OPC document's bytes."""
    try:
        root = etree.fromstring(data, SAFE_XML)
    except etree.XMLSyntaxError as e:
        raise IngestError(f"{name}: a Word XML document whose XML is malformed ({e}); re-save it from Word/WPS as .docx") from e
    types = etree.Element(f"{{{_TYPES}}}Types", nsmap={None: _TYPES})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for part in root.iter(f"{_PKG}part"):
            partname = part.get(f"{_PKG}name", "")
            if not partname.startswith("/"):
                continue
            xml = part.find(f"{_PKG}xmlData")
            binary = part.find(f"{_PKG}binaryData")
            if xml is not None and len(xml):
                blob = etree.tostring(xml[0], xml_declaration=True, encoding="UTF-8", standalone=True)
            elif binary is not None:
                try:
                    blob = base64.b64decode("".join((binary.text or "").split()))
                except (binascii.Error, ValueError) as e:
                    raise IngestError(f"{name}: a Word XML document whose part {partname} is not valid base64; re-save it as .docx") from e
            else:
                continue
            z.writestr(partname.lstrip("/"), blob)
            etree.SubElement(types, f"{{{_TYPES}}}Override", PartName=partname, ContentType=part.get(f"{_PKG}contentType", "application/xml"))
        z.writestr("[Content_Types].xml", etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True))
    return out.getvalue()
