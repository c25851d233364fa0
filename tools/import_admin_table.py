"""Extract one or more provinces from the official administrative tables into data/admin/.

Two official tables, as vendored by https://github.com/sunshine-tech/VietnamProvinces:

* ``dev/seed-data/2025-07/BangChuyendoiĐVHCmoi_cu_khong_merge.csv`` — the old → new commune
  conversion table for the 1 July 2025 reorganisation (rows grouped by *new* province);
* ``dev/seed-data/Xa_2025-01-04.csv`` — the commune list in force before 1 July 2025.

Usage (from the repository root)::

    python tools/import_admin_table.py \\
        --conversion BangChuyendoiĐVHCmoi_cu_khong_merge.csv \\
        --communes Xa_2025-01-04.csv --province 48 [--province 51 ...] [--out data/admin]

``--province`` is a *new* (post-July-2025) province code. Every conversion row of that province
is kept, and every old province those rows come from is taken whole from the commune list, so
Đà Nẵng (48) brings old Đà Nẵng (48) and old Quảng Nam (49). Names are NFC-normalised, trimmed
and inner runs of spaces collapsed; codes and wording are otherwise kept as published. The
script prints what it wrote and any commune that is in one table but not in the other.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CONVERSION_FILE = "conversion-2025-07.csv"
COMMUNES_FILE = "communes-pre-2025-07.csv"

CONVERSION_COLUMNS = (
    "new_province_code", "new_province_name", "new_commune_code", "new_commune_name",
    "old_commune_code", "old_commune_name", "note",
    "old_district_code", "old_district_name", "old_province_code", "old_province_name",
)
COMMUNE_COLUMNS = (
    "province_code", "province_name", "district_code", "district_name",
    "commune_code", "commune_name", "level",
)

_NAME_AND_CODE = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[0-9]+)\)\s*$")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """NFC, no leading/trailing whitespace (the source has stray newlines), single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def pad(code: str, width: int) -> str:
    """Official codes keep their leading zeros: province 2 digits, district 3, commune 5."""
    code = clean(code)
    return code.zfill(width) if code else ""


def split_name_code(cell: str, width: int) -> tuple[str, str]:
    """``"Thành phố Đà Nẵng (48)"`` → ``("Thành phố Đà Nẵng", "48")``."""
    text = clean(cell)
    match = _NAME_AND_CODE.match(text)
    if not match:
        raise ValueError(f"expected 'Name (code)', got {cell!r}")
    return match.group("name"), pad(match.group("code"), width)


@dataclass(frozen=True)
class Extract:
    conversion: list[dict[str, str]]
    communes: list[dict[str, str]]


def conversion_rows(lines: Iterable[list[str]]) -> Iterator[dict[str, str]]:
    """Data rows of the conversion table; title, header and province section rows skipped."""
    for row in lines:
        cells = [*row, *[""] * (8 - len(row))]
        if not clean(cells[0]) or not clean(cells[2]):  # blank, or a "THÀNH PHỐ HÀ NỘI" section
            continue
        if not clean(cells[2]).isdigit():  # the two header lines
            continue
        province_name, province_code = split_name_code(cells[0], 2)
        district_name, district_code = split_name_code(cells[6], 3)
        old_province_name, old_province_code = split_name_code(cells[7], 2)
        yield {
            "new_province_code": province_code,
            "new_province_name": province_name,
            "new_commune_code": pad(cells[2], 5),
            "new_commune_name": clean(cells[1]),
            "old_commune_code": pad(cells[4], 5),
            "old_commune_name": clean(cells[3]),
            "note": clean(cells[5]),
            "old_district_code": district_code,
            "old_district_name": district_name,
            "old_province_code": old_province_code,
            "old_province_name": old_province_name,
        }


def commune_rows(lines: Iterable[list[str]]) -> Iterator[dict[str, str]]:
    """Rows of the pre-July-2025 commune list (a district without communes keeps empty cells)."""
    for number, row in enumerate(lines):
        if number == 0 or not any(cell.strip() for cell in row):
            continue  # header
        cells = [*row, *[""] * (7 - len(row))]
        yield {
            "province_code": pad(cells[1], 2),
            "province_name": clean(cells[0]),
            "district_code": pad(cells[3], 3),
            "district_name": clean(cells[2]),
            "commune_code": pad(cells[5], 5),
            "commune_name": clean(cells[4]),
            "level": clean(cells[6]),
        }


def extract(conversion: Iterable[list[str]], communes: Iterable[list[str]],
            provinces: set[str]) -> Extract:
    """The rows of the given new provinces, and of every old province that went into them."""
    wanted = {pad(code, 2) for code in provinces}
    kept = [row for row in conversion_rows(conversion) if row["new_province_code"] in wanted]
    missing = wanted - {row["new_province_code"] for row in kept}
    if missing:
        raise ValueError(f"no conversion rows for new province(s) {sorted(missing)}")
    old_provinces = {row["old_province_code"] for row in kept}
    old = [row for row in commune_rows(communes) if row["province_code"] in old_provinces]
    return Extract(kept, old)


def coverage_problems(result: Extract) -> list[str]:
    """Communes listed in one table but not the other (worth a look; not fatal)."""
    listed = {row["commune_code"]: row for row in result.communes if row["commune_code"]}
    converted = {row["old_commune_code"] for row in result.conversion if row["old_commune_code"]}
    problems = [
        f"old commune {code} {listed[code]['commune_name']} ({listed[code]['district_name']}) "
        "is in the commune list but has no conversion row"
        for code in sorted(set(listed) - converted)
    ]
    problems += [
        f"conversion row names old commune {code}, which the commune list does not have"
        for code in sorted(converted - set(listed))
    ]
    return problems


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversion", type=Path, required=True,
                        help="BangChuyendoiĐVHCmoi_cu_khong_merge.csv")
    parser.add_argument("--communes", type=Path, required=True, help="Xa_2025-01-04.csv")
    parser.add_argument("--province", action="append", required=True,
                        help="new (post-July-2025) province code, e.g. 48; repeat for several")
    parser.add_argument("--out", type=Path, default=Path("data/admin"))
    args = parser.parse_args(argv)
    try:
        result = extract(read_rows(args.conversion), read_rows(args.communes),
                         set(args.province))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / CONVERSION_FILE, CONVERSION_COLUMNS, result.conversion)
    write_csv(args.out / COMMUNES_FILE, COMMUNE_COLUMNS, result.communes)
    print(f"{args.out / CONVERSION_FILE}: {len(result.conversion)} rows")
    print(f"{args.out / COMMUNES_FILE}: {len(result.communes)} rows")
    for problem in coverage_problems(result):
        print(f"note: {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
