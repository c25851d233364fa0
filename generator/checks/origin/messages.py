"""The finding messages of the origin check: what is inconsistent in ``origin`` and how to fix it."""

from __future__ import annotations

from ...findings import Message, Severity, register
from ...places import unit_list

IMPORT_TOOL = "tools/import_admin_table.py"

register(
    Message("origin.unknown_province_code", Severity.ERROR,
            "không có tỉnh, thành phố nào mã {unit_code} theo `scheme: {scheme}` — sửa lại mã "
            "tỉnh (2 chữ số), hoặc xoá mã và chỉ ghi tên{by_name_part}",
            "there is no province with code {unit_code} in `scheme: {scheme}` — correct the "
            "2-digit code, or delete it and keep the name{by_name_part}",
            bad='province: {name: Thành phố Đà Nẵng, code: "49"}',
            fix='province: {name: Thành phố Đà Nẵng, code: "48"}'),
    Message("origin.province_merged", Severity.ERROR,
            "«{name}» đã nhập vào {into_name} từ 1/7/2025, nên theo `scheme: 2025-07` không còn "
            "tỉnh này — ghi tỉnh là `name: {into_name}`, `code: \"{into_code}\"` cùng xã hiện "
            "nay, hoặc nếu quyết định ghi địa danh trước sáp nhập thì đặt "
            "`scheme: pre-2025-07` và ghi cả huyện",
            "«{name}» was merged into {into_name} on 1 July 2025, so `scheme: 2025-07` has no "
            "such province — write the province as `name: {into_name}`, `code: \"{into_code}\"` "
            "with the current commune, or, if the decision names the place as it was before the "
            "merger, set `scheme: pre-2025-07` and add the district",
            bad='scheme: "2025-07"\nprovince: {name: Tỉnh Quảng Nam, code: "49"}',
            fix='scheme: "2025-07"\nprovince: {name: Thành phố Đà Nẵng, code: "48"}'),
    Message("origin.unknown_province_name", Severity.WARNING,
            "không có tỉnh, thành phố nào tên «{name}» trong 34 tỉnh, thành phố từ 1/7/2025 — "
            "sửa lại tên (ví dụ «Thành phố Đà Nẵng») hoặc ghi thêm mã tỉnh",
            "no province is called «{name}» among the 34 provinces from 1 July 2025 — correct "
            "the name (e.g. «Thành phố Đà Nẵng») or add the province code"),
    Message("origin.province_not_shipped", Severity.WARNING,
            "tỉnh «{name}» chưa có trong bảng chuyển đổi đi kèm (hiện có: {shipped}) nên không "
            "tự suy ra được xã hiện nay — nếu gõ sai tên hoặc mã tỉnh, hãy sửa lại; nếu đúng là "
            "tỉnh khác, nhờ người quản trị nhập bảng của tỉnh đó bằng " + IMPORT_TOOL,
            "province «{name}» is not in the shipped conversion tables (available: {shipped}), "
            "so the current commune cannot be derived — if the name or code is mistyped, fix "
            "it; if it really is another province, ask the maintainer to import it with "
            + IMPORT_TOOL),
    Message("origin.unknown_district_code", Severity.ERROR,
            "không có huyện nào mã {unit_code} trong {province} (danh sách 01/2025) — sửa lại mã "
            "huyện (3 chữ số), hoặc xoá mã và chỉ ghi tên{known_part}",
            "there is no district with code {unit_code} in {province} (January 2025 list) — "
            "correct the 3-digit code, or delete it and keep the name{known_part}",
            bad='district: {name: Huyện Tiên Phước, code: "541"}',
            fix='district: {name: Huyện Tiên Phước, code: "514"}'),
    Message("origin.unknown_district_name", Severity.WARNING,
            "không tìm thấy huyện «{name}» trong {province} (danh sách 01/2025) — sửa lại tên "
            "huyện hoặc ghi thêm mã{known_part}",
            "district «{name}» is not in {province} (January 2025 list) — correct the name or "
            "add the code{known_part}"),
    Message("origin.district_merged_earlier", Severity.WARNING,
            "«{name}» không còn trong danh sách 01/2025: đã nhập vào {into} trước năm 2025 — xã "
            "sẽ được tìm trong {into}; nên ghi huyện là {into} và tên xã theo danh sách 01/2025",
            "«{name}» is no longer in the January 2025 list: it was merged into {into} before "
            "2025 — the commune is looked up in {into}; better record the district as {into} "
            "with the commune as named in the January 2025 list",
            bad="district: {name: Huyện Nông Sơn}", fix='district: {name: Huyện Quế Sơn, code: "509"}'),
    Message("origin.unknown_commune_code", Severity.ERROR,
            "không có xã nào mã {unit_code} theo `scheme: {scheme}` — kiểm tra lại mã 5 chữ số "
            "trong quyết định, hoặc xoá mã và chỉ ghi tên{by_name_part}",
            "there is no commune with code {unit_code} in `scheme: {scheme}` — check the 5-digit "
            "code in the decision, or delete it and keep the name{by_name_part}",
            bad='commune: {name: Xã Tiên Sơn, code: "20587"}',
            fix='commune: {name: Xã Tiên Sơn, code: "20857"}'),
    Message("origin.unknown_commune_name", Severity.WARNING,
            "không tìm thấy xã «{name}» trong {scope} theo `scheme: {scheme}` nên không suy ra "
            "được xã hiện nay — có thể xã đã sáp nhập hoặc đổi tên trước đó; sửa tên hoặc ghi "
            "mã theo danh sách, hoặc ghi `current_commune` (mã 5 số xã hiện nay){known_part}",
            "commune «{name}» is not in {scope} in `scheme: {scheme}`, so the current commune "
            "cannot be derived — it may have been merged or renamed earlier; correct the name or "
            "add the code, or give `current_commune` (5-digit current code){known_part}"),
    Message("origin.name_mismatch", Severity.WARNING,
            "mã {unit_code} là «{official}», nhưng tên ghi «{name}» — nếu mã đúng, sửa tên thành "
            "«{official}»; nếu tên đúng, sửa mã{by_name_part}",
            "code {unit_code} is «{official}», but the name says «{name}» — if the code is "
            "right, write «{official}»; if the name is right, fix the code{by_name_part}",
            bad='commune: {name: Xã Tiên Hà, code: "20857"}',
            fix='commune: {name: Xã Tiên Sơn, code: "20857"}'),
    Message("origin.wrong_scheme", Severity.ERROR,
            "«{name}» là {found} theo `scheme: {other}`, không khớp với `scheme: {scheme}` "
            "{here_part} — từ 1/7/2025 nhiều mã được dùng lại cho "
            "nơi khác hoặc bỏ hẳn, nên phải ghi đúng hệ thống: đặt `scheme: {other}` nếu địa danh "
            "được ghi theo hệ thống đó, hoặc sửa tên và mã theo danh sách `{scheme}`",
            "«{name}» is {found} in `scheme: {other}` and does not fit `scheme: {scheme}` "
            "{here_part} — from 1 July 2025 many codes were "
            "reused for other places or dropped, so the scheme must be right: set "
            "`scheme: {other}` if the place is written in that scheme, or fix the name and code "
            "to the `{scheme}` list",
            bad='scheme: "2025-07"\ncommune: {name: Phường Sơn Phong, code: "20410"}',
            fix='scheme: pre-2025-07\ncommune: {name: Phường Sơn Phong, code: "20410"}'),
    Message("origin.ambiguous_name", Severity.WARNING,
            "tên «{name}» khớp nhiều đơn vị: {matches} — ghi thêm mã (hoặc huyện) để chọn đúng",
            "the name «{name}» matches several units: {matches} — add the code (or the "
            "district) to pick one"),
    Message("origin.commune_not_in_district", Severity.WARNING,
            "{commune} thuộc {actual} trong danh sách 01/2025, không thuộc {recorded} như đã ghi "
            "— có thể do địa giới thay đổi (sáp nhập) trước năm 2025; sửa huyện thành {actual}, "
            "hoặc kiểm tra lại mã xã",
            "{commune} belongs to {actual} in the January 2025 list, not to {recorded} as "
            "recorded — boundaries may have changed (mergers) before 2025; change the district "
            "to {actual}, or check the commune code"),
    Message("origin.commune_not_in_province", Severity.WARNING,
            "{commune} thuộc {actual}, không thuộc {recorded} như đã ghi — sửa tỉnh, hoặc kiểm "
            "tra lại mã xã",
            "{commune} belongs to {actual}, not to {recorded} as recorded — fix the province, "
            "or check the commune code"),
    Message("origin.split_needs_current_commune", Severity.ERROR,
            "{commune} bị chia cho nhiều xã mới (nhập một phần) — ghi `current_commune:` là mã "
            "xã hiện nay nơi sản xuất{candidates_part}",
            "{commune} was split between several new communes (partly merged) — add "
            "`current_commune:` with the code of the current commune where it is made"
            "{candidates_part}",
            bad="origin:\n  recorded:\n    scheme: pre-2025-07\n    province: {name: Thành phố Đà Nẵng, "
                'code: "48"}\n    district: {name: Huyện Hòa Vang, code: "497"}\n'
                '    commune: {name: Xã Hòa Liên, code: "20296"}',
            fix="origin:\n  recorded:\n    scheme: pre-2025-07\n    province: {name: Thành phố Đà Nẵng, "
                'code: "48"}\n    district: {name: Huyện Hòa Vang, code: "497"}\n'
                '    commune: {name: Xã Hòa Liên, code: "20296"}\n'
                '  current_commune: "20197"'),
    Message("origin.current_commune_not_candidate", Severity.ERROR,
            "`current_commune: {unit_code}` không phải xã nhận phần đất của {commune} — chọn "
            "xã đúng theo bảng chuyển đổi{candidates_part}",
            "`current_commune: {unit_code}` did not receive any part of {commune} — pick the "
            "right one from the conversion table{candidates_part}"),
    Message("origin.current_commune_redundant", Severity.WARNING,
            "không cần `current_commune: {unit_code}`: xã hiện nay là {current}, đã tự suy ra "
            "từ xã đã ghi {commune} — xoá dòng này",
            "`current_commune: {unit_code}` is not needed: the current commune is {current}, "
            "derived from the recorded {commune} — delete the line"),
    Message("origin.current_commune_conflict", Severity.ERROR,
            "`current_commune: {unit_code}` mâu thuẫn với bảng chuyển đổi: {commune} nay là "
            "{current} — xoá dòng `current_commune` (được tự suy ra) hoặc sửa xã đã ghi",
            "`current_commune: {unit_code}` contradicts the conversion table: {commune} is now "
            "{current} — delete `current_commune` (it is derived) or fix the recorded commune"),
    Message("origin.current_commune_unknown", Severity.ERROR,
            "`current_commune: {unit_code}` không phải mã xã hiện nay của {province} — dùng mã "
            "5 số trong danh sách xã từ 1/7/2025{suggestions_part}",
            "`current_commune: {unit_code}` is not a current commune code of {province} — use "
            "the 5-digit code from the list in force since 1 July 2025{suggestions_part}"),
    Message("origin.commune_missing", Severity.WARNING,
            "chưa ghi xã nên không suy ra được xã hiện nay — ghi `commune` (tên, mã) như trong "
            "quyết định, hoặc ghi `current_commune`{candidates_part}",
            "no commune recorded, so the current commune cannot be derived — add `commune` "
            "(name, code) as in the decision, or `current_commune`{candidates_part}",
            bad="recorded:\n  district: {name: Huyện Tiên Phước}",
            fix="recorded:\n  district: {name: Huyện Tiên Phước}\n  commune: {name: Xã Tiên Sơn}"),
    Message("origin.no_conversion", Severity.WARNING,
            "{commune} có trong danh sách 01/2025 nhưng không có trong bảng chuyển đổi 1/7/2025 "
            "nên không tự suy ra được xã hiện nay — kiểm tra nghị quyết sắp xếp rồi ghi "
            "`current_commune` (mã 5 số){candidates_part}",
            "{commune} is in the January 2025 list but not in the 1 July 2025 conversion table, "
            "so its current commune cannot be derived — check the rearrangement resolution and "
            "add `current_commune` (5 digits){candidates_part}"),
)

#: What ``unit_list`` prints for an empty list.
_NONE = unit_list([])

#: Slots holding a list of units, as a clause of their sentence: (vi, en) when the list has
#: units, and when it is empty ("" leaves the clause out). Per code where the wording differs.
_CLAUSES: dict[str, tuple[str, str, str, str]] = {
    "by_name": ("; tên đã ghi khớp với: {units}", "", "; the name written matches: {units}", ""),
    "known": (". Danh sách: {units}", "", ". The list: {units}", ""),
    "suggestions": (" (gợi ý: {units})", "", " (suggestions: {units})", ""),
    "candidates": (". Xã hiện nay có thể là: {units}", "",
                   ". The current commune may be: {units}", ""),
    "here": (" (theo `{scheme}`, mã và tên này là: {units})",
             " (danh sách `{scheme}` không có đơn vị nào mang mã và tên này)",
             " (in `{scheme}` this code and name are: {units})",
             " (the `{scheme}` list has no unit with this code and name)"),
    "origin.name_mismatch/by_name": (
        " (tên này khớp với: {units})", " (nhưng tên này không khớp với đơn vị nào của danh sách)",
        " (the name matches: {units})", " (but the name matches no unit of the list)"),
    "origin.unknown_district_code/known": (". Các huyện của tỉnh: {units}", "",
                                           ". Districts: {units}", ""),
    "origin.unknown_district_name/known": (". Các huyện của tỉnh: {units}", "",
                                           ". Districts: {units}", ""),
    "origin.unknown_commune_name/known": (". Các xã: {units}", "", ". Communes: {units}", ""),
    "origin.split_needs_current_commune/candidates": (", một trong: {units}", "",
                                                      ", one of: {units}", ""),
    "origin.current_commune_not_candidate/candidates": (": {units}", "", ": {units}", ""),
    "origin.no_conversion/candidates": (". Các xã mới của {district}: {units}", "",
                                        ". New communes of {district}: {units}", ""),
}


def worded(code: str, params: dict[str, object]) -> dict[str, object]:
    """``params`` with the clause of each list of units (``by_name`` → ``by_name_part`` and
    ``by_name_part_en``): the list with its label, or another sentence when it is empty."""
    out = dict(params)
    for slot in ("by_name", "known", "suggestions", "candidates", "here"):
        if slot not in params:
            continue
        vi, vi_none, en, en_none = _CLAUSES.get(f"{code}/{slot}", _CLAUSES[slot])
        units = str(params[slot])
        fill = {**{k: str(v) for k, v in params.items()}, "units": units}
        has = units and units != _NONE
        out[f"{slot}_part"] = (vi if has else vi_none).format_map(fill)
        out[f"{slot}_part_en"] = (en if has else en_none).format_map(fill)
    return out
