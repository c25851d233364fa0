"""Write a large synthetic — but valid — catalogue, to measure the site at scale.

Writes ``OUT/products/<area>/<id>/product.yaml`` for N products (default 20,000) that pass
``ocop validate --root OUT OUT/products`` with no errors (warnings are expected: a synthetic
catalogue has many products of one type in one area, and similar names). They vary the way
the real catalogue does:

- the six OCOP groups, product types and processing levels of Decision 148/2023;
- 3, 4 and 5 stars, some with an earlier superseded recognition; about 10 % expired
  (signed more than 36 months before ``--today``);
- places: the old communes of Đà Nẵng and Quảng Nam from ``data/admin/conversion-2025-07.csv``
  (scheme pre-2025-07, for decisions signed before 1 July 2025) and the new communes of
  Thành phố Đà Nẵng (scheme 2025-07, for decisions after it);
- Vietnamese names with tone marks and đ, some English names and descriptions, prices,
  sales channels.

Every product has ONE photo, ``san-pham.jpg``: a small 800x600 JPEG per group, hard-linked into
each product folder (copied where hard links are not possible), so 20,000 products cost a few
megabytes. Output is deterministic for a given ``--seed`` and ``--today``.

Usage (from the repository root)::

    .venv/bin/python tools/synth_catalogue.py /tmp/synth            # 20,000 products
    .venv/bin/python tools/synth_catalogue.py /tmp/synth200 -n 200 --validate
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
CONVERSION = ROOT / "data" / "admin" / "conversion-2025-07.csv"
PHOTO = "san-pham.jpg"
SPLIT_NOTE = "Nhập một phần"
NEW_SCHEME_FROM = date(2025, 7, 7)  # after districts were abolished and 1489/2025 took effect
OLD_SCHEME_UNTIL = date(2025, 6, 30)


@dataclass(frozen=True)
class Kind:
    group: str
    product_type: str
    display: str  # how the type starts a product name
    en: str
    processing: str
    unit: str


FOOD, DRINK, HERBAL = "Thực phẩm", "Đồ uống", "Dược liệu và sản phẩm từ dược liệu"
CRAFT, PLANTS = "Hàng thủ công mỹ nghệ", "Sinh vật cảnh"
TOURISM = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"

KINDS = [
    Kind(FOOD, "nước mắm", "Nước mắm", "fish sauce", "processed", "chai 500 ml"),
    Kind(FOOD, "tiêu", "Tiêu", "pepper", "primary-processed", "hũ 200 g"),
    Kind(FOOD, "mật ong", "Mật ong", "honey", "primary-processed", "chai 500 ml"),
    Kind(FOOD, "bánh tráng", "Bánh tráng", "rice paper", "processed", "gói 500 g"),
    Kind(FOOD, "mì quảng", "Mì Quảng", "Quảng noodles", "processed", "gói 500 g"),
    Kind(FOOD, "tỏi đen", "Tỏi đen", "black garlic", "deep-processed", "hộp 250 g"),
    Kind(FOOD, "chả bò", "Chả bò", "beef sausage", "processed", "cây 500 g"),
    Kind(FOOD, "bánh in", "Bánh in", "pressed rice cake", "processed", "hộp 300 g"),
    Kind(FOOD, "hạt điều", "Hạt điều rang muối", "salted cashews", "processed", "hũ 500 g"),
    Kind(FOOD, "mắm ruốc", "Mắm ruốc", "shrimp paste", "processed", "hũ 300 g"),
    Kind(DRINK, "rượu", "Rượu", "rice wine", "processed", "chai 500 ml"),
    Kind(DRINK, "trà", "Trà", "tea", "processed", "hộp 100 g"),
    Kind(DRINK, "cà phê", "Cà phê", "coffee", "processed", "gói 250 g"),
    Kind(DRINK, "nước cốt chanh dây", "Nước cốt chanh dây", "passion-fruit syrup", "processed",
         "chai 330 ml"),
    Kind(HERBAL, "tinh dầu quế", "Tinh dầu quế", "cinnamon oil", "deep-processed", "lọ 10 ml"),
    Kind(HERBAL, "sâm", "Rượu sâm", "ginseng liqueur", "deep-processed", "chai 500 ml"),
    Kind(HERBAL, "cao dược liệu", "Cao", "herbal extract", "deep-processed", "hũ 100 g"),
    Kind(HERBAL, "trà thảo dược", "Trà thảo dược", "herbal tea", "processed", "hộp 20 túi"),
    Kind(CRAFT, "chiếu cói", "Chiếu cói", "sedge mat", "not-applicable", "chiếc"),
    Kind(CRAFT, "đèn lồng", "Đèn lồng", "silk lantern", "not-applicable", "chiếc"),
    Kind(CRAFT, "gốm", "Gốm", "pottery", "not-applicable", "bộ"),
    Kind(CRAFT, "đồ gỗ mỹ nghệ", "Tượng gỗ", "wood carving", "not-applicable", "chiếc"),
    Kind(CRAFT, "thổ cẩm", "Thổ cẩm", "brocade", "not-applicable", "tấm"),
    Kind(PLANTS, "lan", "Lan", "orchids", "not-applicable", "chậu"),
    Kind(PLANTS, "bonsai", "Bonsai", "bonsai", "not-applicable", "chậu"),
    Kind(TOURISM, "du lịch cộng đồng", "Du lịch cộng đồng", "community tourism",
         "not-applicable", "lượt khách"),
    Kind(TOURISM, "điểm du lịch sinh thái", "Khu sinh thái", "eco-tourism site",
         "not-applicable", "vé"),
]

# Brand words: with tone marks and đ, chosen so that no two fold to the same ASCII.
BRANDS = [
    "Hương Quê", "Đất Quảng", "Bà Tư", "Ông Đồ", "Xứ Quảng", "Sông Thu", "Trường Sơn",
    "Đồng Xanh", "Mây Ngàn", "Nắng Sớm", "Biển Đông", "Cô Ba", "Làng Chài", "Phố Cổ",
    "Ngọc Linh", "Thu Bồn", "Hải Vân", "Cửa Đại", "Sơn Trà", "Hoà Vang", "Bảy Mẫu",
    "Đại Lộc Xanh", "Quế Sơn Vàng", "Tam Kỳ Đỏ", "Lúa Mới", "Đá Mài", "Hồng Ân",
    "Phước Lộc", "Thịnh Vượng", "An Khang", "Mỹ Sơn", "Cù Lao", "Hội Xuân", "Đồng Nội",
    "Kim Bồng", "Thanh Hà", "Núi Thành", "Bến Giang", "Suối Tiên", "Rừng Xanh",
    "Cao Nguyên", "Tây Giang", "Đông Phú", "Vạn Xuân", "Nhật Tân", "Ánh Dương",
    "Hạnh Phúc", "Tâm Đức", "Ba Miền", "Hoa Sen", "Cỏ May", "Gió Lào", "Mưa Rừng",
    "Trăng Rằm", "Lộc Vừng", "Điện Bàn", "Gò Nổi", "Ngũ Hành", "Bà Nà", "Chợ Được",
]
LEGAL_FORMS = [
    ("cooperative", "HTX"), ("cooperative-group", "Tổ hợp tác"), ("llc", "Công ty TNHH"),
    ("llc-single-member", "Công ty TNHH MTV"), ("joint-stock", "Công ty cổ phần"),
    ("household-business", "Hộ kinh doanh"), ("establishment", "Cơ sở sản xuất"),
]
CHANNELS = [("shop", "Trung tâm OCOP Hội An"), ("shop", "Cửa hàng OCOP Tam Kỳ"),
            ("fair", "Hội chợ OCOP Quảng Nam"), ("marketplace", "Sàn thương mại điện tử Quảng Nam"),
            ("social", "Trang Facebook của cơ sở")]
# libyaml's emitter when PyYAML has it: ten times faster for 20,000 files.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
GROUP_COLOURS = {FOOD: (240, 205, 140), DRINK: (160, 200, 228), HERBAL: (170, 210, 165),
                 CRAFT: (222, 178, 158), PLANTS: (200, 225, 160), TOURISM: (205, 185, 225)}


@dataclass(frozen=True)
class Place:
    old_province: tuple[str, str]  # (code, name) before 1 July 2025
    district: tuple[str, str]
    commune: tuple[str, str]
    new_commune: tuple[str, str]  # (code as printed, name) after 1 July 2025
    split: bool  # the old commune was split: current_commune must be given

    @property
    def short(self) -> str:
        return re.sub(r"^(Xã|Phường|Thị trấn) ", "", self.commune[1])


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = re.sub(r"[\u0300-\u036f]", "", decomposed).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def read_places(path: Path = CONVERSION) -> list[Place]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["old_commune_code"]]
    splits = {r["old_commune_code"] for r in rows if r["note"] == SPLIT_NOTE}
    places, seen = [], set()
    for r in rows:
        key = (r["old_commune_code"], r["new_commune_code"])
        if key in seen:
            continue
        seen.add(key)
        places.append(Place(
            old_province=(r["old_province_code"], r["old_province_name"]),
            district=(r["old_district_code"], r["old_district_name"]),
            commune=(r["old_commune_code"], r["old_commune_name"]),
            new_commune=(r["new_commune_code"], r["new_commune_name"]),
            split=r["old_commune_code"] in splits,
        ))
    return places


def official_new_codes() -> dict[str, str]:
    """Official code of each current commune of Thành phố Đà Nẵng, by name.

    The conversion table prints some new communes with another code than the official list,
    so the code written for scheme 2025-07 comes from the validator's own list.
    """
    try:
        from generator.places.tables import wards_of
    except ImportError:  # run outside the project's venv: names alone still resolve
        return {}
    return {unit.name: unit.code for unit in wards_of("48")}


def months_before(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, 28))


def random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def score_for(rng: random.Random, stars: int) -> float:
    low, high = {3: (50.0, 69.9), 4: (70.0, 89.9), 5: (90.0, 99.5)}[stars]
    return round(rng.uniform(low, high), 1)


def recognitions(rng: random.Random, today: date, expired: bool) -> list[dict[str, Any]]:
    """Oldest first; the last one is current (active), possibly expired."""
    stars = rng.choices([3, 4, 5], weights=[55, 38, 7])[0]
    if expired:  # 36 months and more before today, not before OCOP's pilot
        signed = random_day(rng, date(2019, 9, 1), months_before(today, 37))
    else:  # well inside the 36 months and outside the 90-day expiry notice
        signed = random_day(rng, months_before(today, 32), today - timedelta(days=14))
    out = [{"decision": f"{rng.randint(100, 4999)}/QĐ-UBND", "signed": signed.isoformat(),
            "stars": stars, "score": score_for(rng, stars)}]
    earliest_previous = date(2019, 9, 1)
    if stars > 3 and rng.random() < 0.2 and signed - timedelta(days=400) > earliest_previous:
        before = random_day(rng, earliest_previous, signed - timedelta(days=400))
        out.insert(0, {"decision": f"{rng.randint(100, 4999)}/QĐ-UBND",
                       "signed": before.isoformat(), "stars": stars - 1,
                       "score": score_for(rng, stars - 1), "status": "superseded"})
    return out


def origin(place: Place, signed: date, new_codes: dict[str, str]) -> dict[str, Any]:
    if signed >= NEW_SCHEME_FROM:
        name = place.new_commune[1]
        commune = {"name": name, "code": new_codes[name]} if name in new_codes else {"name": name}
        return {"recorded": {"scheme": "2025-07",
                             "province": {"name": "Thành phố Đà Nẵng", "code": "48"},
                             "commune": commune}}
    out: dict[str, Any] = {"recorded": {
        "scheme": "pre-2025-07",
        "province": {"name": place.old_province[1], "code": place.old_province[0]},
        "district": {"name": place.district[1], "code": place.district[0]},
        "commune": {"name": place.commune[1], "code": place.commune[0]},
    }}
    if place.split:
        out["current_commune"] = new_codes.get(place.new_commune[1], place.new_commune[0])
    return out


def product(rng: random.Random, index: int, kind: Kind, brand: str, place: Place,
            today: date, new_codes: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """(area folder, product data) for one synthetic product."""
    expired = rng.random() < 0.10
    recs = recognitions(rng, today, expired)
    signed = date.fromisoformat(recs[-1]["signed"])
    if signed >= NEW_SCHEME_FROM and place.new_commune[1] not in new_codes:
        signed = OLD_SCHEME_UNTIL  # no official code for that new commune: keep the old scheme
        recs[-1]["signed"] = signed.isoformat()
    name = f"{kind.display} {brand} {place.short}"
    legal_form, prefix = LEGAL_FORMS[index % len(LEGAL_FORMS)]
    data: dict[str, Any] = {
        "id": "",  # set by the caller (unique)
        "name": {"vi": name},
        "product_type": kind.product_type,
        "group": kind.group,
        "processing": kind.processing,
        "subject": {"name": f"{prefix} {brand} {place.short}", "legal_form": legal_form},
        "recognitions": recs,
        "origin": origin(place, signed, new_codes),
        "photos": [{"file": PHOTO, "role": "product",
                    "alt": {"vi": f"Ảnh minh hoạ (chưa có ảnh thật) — {name}"}}],
        "content": {"description": {"vi": (
            f"{name} do {prefix} {brand} sản xuất tại {place.commune[1]}, {place.district[1]}; "
            f"sản phẩm OCOP {recs[-1]['stars']} sao. Dữ liệu tổng hợp để đo hiệu năng, "
            "không phải sản phẩm thật.")}},
        "sources": [{"url": f"https://ocop.example.vn/tong-hop/{index}",
                     "title": "Dữ liệu tổng hợp / synthetic data"}],
    }
    if rng.random() < 0.4:
        data["name"]["en"] = f"{brand} {kind.en}, {place.short}"
        data["content"]["description"]["en"] = (
            f"{kind.en.capitalize()} from {place.short}; synthetic data for benchmarks.")
    if rng.random() < 0.5:
        low = rng.randrange(30, 600) * 1000
        data["price"] = {"min": low, "unit": kind.unit}
        if rng.random() < 0.3:
            data["price"]["max"] = low + rng.randrange(10, 300) * 1000
    if rng.random() < 0.5:
        kind_, channel = CHANNELS[rng.randrange(len(CHANNELS))]
        data["sales_channels"] = [{"kind": kind_, "name": channel}]
    return slug(place.district[1]), data


def write_photos(out: Path) -> dict[str, Path]:
    """One 800x600 JPEG per group (a few kB each), outside products/."""
    folder = out / "_synth-photos"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for group, colour in GROUP_COLOURS.items():
        img = Image.new("RGB", (800, 600), colour)
        draw = ImageDraw.Draw(img)
        darker = tuple(max(c - 40, 0) for c in colour)
        for y in range(0, 600, 64):  # bands on the 8-pixel grid: compress to almost nothing
            draw.rectangle([(0, y), (799, y + 31)], fill=darker)
        draw.rectangle([(240, 160), (559, 439)], fill=(250, 250, 245))
        path = folder / f"{slug(group)[:40]}.jpg"
        img.save(path, "JPEG", quality=75, optimize=True)
        paths[group] = path
    return paths


def link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def synthesise(out: Path, count: int, *, seed: int = 1, today: date | None = None) -> list[Path]:
    """Write ``count`` products under ``out/products``; returns their product.yaml paths."""
    today = today or date.today()
    rng = random.Random(seed)
    places = read_places()
    new_codes = official_new_codes()
    photos = write_photos(out)
    combos = len(KINDS) * len(BRANDS) * len(places)
    if count > combos:
        raise SystemExit(f"at most {combos} distinct products can be made, asked for {count}")
    picked: set[int] = set()
    ids: set[str] = set()
    written: list[Path] = []
    while len(written) < count:
        n = rng.randrange(combos)
        if n in picked:
            continue
        picked.add(n)
        kind = KINDS[n % len(KINDS)]
        brand = BRANDS[n // len(KINDS) % len(BRANDS)]
        place = places[n // (len(KINDS) * len(BRANDS))]
        area, data = product(rng, len(written), kind, brand, place, today, new_codes)
        pid = slug(data["name"]["vi"])[:60].strip("-")
        while pid in ids:
            pid = f"{pid}-{len(written)}"
        ids.add(pid)
        data["id"] = pid
        folder = out / "products" / area / pid
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=200)
        path = folder / "product.yaml"
        path.write_text("# Sản phẩm tổng hợp (synthetic) — tools/synth_catalogue.py\n" + nfc(text),
                        encoding="utf-8")
        link(photos[kind.group], folder / PHOTO)
        written.append(path)
    return written


def validate(out: Path, today: date) -> int:
    ocop = Path(sys.executable).with_name("ocop")
    cmd = [str(ocop) if ocop.exists() else "ocop", "validate", "--root", str(out),
           "--today", today.isoformat(), str(out / "products")]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    tail = proc.stdout.strip().splitlines()[-1:] or [proc.stderr.strip()]
    print(f"ocop validate: exit {proc.returncode}: {tail[0]}")
    if proc.returncode != 0:
        errors = [line for line in proc.stdout.splitlines() if " lỗi " in line or " error " in line]
        print("\n".join(errors[:20]) or proc.stdout[-3000:], file=sys.stderr)
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (becomes a catalogue root)")
    parser.add_argument("-n", "--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="expiry is computed against this day (default: today)")
    parser.add_argument("--validate", action="store_true",
                        help="run `ocop validate` on the result (exit 1 on errors)")
    args = parser.parse_args(argv)
    if (args.out / "products").exists():
        parser.error(f"{args.out / 'products'} exists: give an empty or new folder")
    written = synthesise(args.out, args.count, seed=args.seed, today=args.today)
    print(f"wrote {len(written)} products under {args.out / 'products'}")
    return validate(args.out, args.today) if args.validate else 0


if __name__ == "__main__":
    sys.exit(main())
