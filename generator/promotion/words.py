"""The words of the promotion criteria: labels, the facts reasons rest on, the rules in plain
words (Vietnamese first, English alongside). The site pages and the reasons both read them."""

from __future__ import annotations

from ..messages import Texts

SAY = Texts("promotion", {
    "label.moi-cai-tien": ("Sản phẩm mới, cải tiến", "New or improved"),
    "label.tieu-chuan-tien-tien": ("Tiêu chuẩn tiên tiến", "Advanced standard"),
    "label.lang-nghe": ("Làng nghề", "Craft village"),
    "label.htx-doanh-nghiep": ("Hợp tác xã, doanh nghiệp", "Cooperative or enterprise"),
    "label.dac-san": ("Đặc sản địa phương", "Local specialty"),
    "label.tiem-nang-nang-hang": ("Tiềm năng nâng hạng sao", "Upgrade potential"),
    "rule.moi-cai-tien": (
        "Chủ thể đã công bố (có nguồn) đổi mới công nghệ, đầu tư máy móc, cải tiến bao bì hoặc "
        "nhãn mác trong {months} tháng gần đây.",
        "The subject declared (with a source) new technology, new equipment, improved packaging "
        "or labels within the last {months} months."),
    "rule.tieu-chuan-tien-tien": (
        "Có giấy chứng nhận GlobalGAP, hữu cơ, GMP, HACCP, ISO 22000, ISO 9001 hoặc FSSC 22000 "
        "còn hiệu lực hôm nay: phải ghi ngày hết hạn, và giấy hết hạn hôm qua thì không tính.",
        "Holds a GlobalGAP, organic, GMP, HACCP, ISO 22000, ISO 9001 or FSSC 22000 certificate "
        "valid today: its end date must be recorded, and one that expired yesterday does not "
        "count."),
    "rule.lang-nghe": (
        "Sản phẩm ghi rõ làng nghề nơi sản xuất.",
        "The product's craft village is recorded."),
    "rule.htx-doanh-nghiep": (
        "Chủ thể là hợp tác xã hoặc doanh nghiệp (công ty TNHH, công ty cổ phần, doanh nghiệp tư "
        "nhân); công ty cổ phần được xếp trước.",
        "The subject is a cooperative or an enterprise (limited, joint-stock or private "
        "company); joint-stock companies come first."),
    "rule.dac-san": (
        "Có chỉ dẫn địa lý (chưa hết hạn), hoặc nguồn nêu đây là đặc sản địa phương có lợi thế "
        "về nguyên liệu.",
        "Has a geographical indication (not lapsed), or a source calls it a local specialty "
        "with an advantage in raw material."),
    "rule.tiem-nang-nang-hang": (
        "Đang đạt 3 hoặc 4 sao và điểm của lần công nhận hiện hành cách ngưỡng hạng trên không "
        "quá {gap} điểm (4 sao từ {four} điểm, 5 sao từ {five} điểm), hoặc chủ thể đã công bố "
        "cải tiến sau lần công nhận hiện hành.",
        "Currently 3 or 4 stars, and the current recognition's score is at most {gap} points "
        "below the next threshold (4 stars from {four}, 5 stars from {five}), or the subject "
        "declared an improvement after the current recognition."),
    "rule.current_only": (
        "Chỉ xét sản phẩm có hạng sao còn hiệu lực hôm nay: sản phẩm đã hết hạn hoặc bị thu hồi "
        "không bao giờ được ưu tiên xúc tiến.",
        "Only products whose star is valid today are considered: a lapsed or revoked star is "
        "never promoted."),
    "rule.order": (
        "Thứ tự: sản phẩm đáp ứng nhiều tiêu chí hơn đứng trước; cùng số tiêu chí thì công ty "
        "cổ phần trước, rồi hợp tác xã và doanh nghiệp khác, rồi theo tên.",
        "Order: products meeting more criteria first; with as many, joint-stock companies "
        "first, then other cooperatives and enterprises, then by name."),
    "fact.improvement": ("{kind} ({date}): {text}", "{kind} ({date}): {text}"),
    "kind.technology": ("Đổi mới công nghệ", "New technology"),
    "kind.equipment": ("Đầu tư máy móc, thiết bị", "New equipment"),
    "kind.packaging": ("Cải tiến bao bì, mẫu mã", "Improved packaging"),
    "kind.label": ("Cải tiến nhãn mác", "Improved label"),
    "kind.recipe": ("Cải tiến công thức", "Improved recipe"),
    "kind.other": ("Cải tiến khác", "Other improvement"),
    "fact.certificate": ("{scheme}{number}, hiệu lực đến {until}",
                         "{scheme}{number}, valid until {until}"),
    "fact.craft_village": ("Làng nghề: {name}", "Craft village: {name}"),
    "fact.subject": ("Loại hình: {form}", "Legal form: {form}"),
    "fact.geographical_indication": ("Chỉ dẫn địa lý: {name}", "Geographical indication: {name}"),
    "fact.specialty": ("Đặc sản: {text}", "Specialty: {text}"),
    "fact.score": ("{stars} sao, {score} điểm; ngưỡng {next} sao: {threshold} điểm",
                   "{stars} stars, {score} points; {next} stars from {threshold} points"),
    "fact.improved_since": ("Cải tiến sau lần công nhận ngày {signed}: {what}",
                            "Improved after the recognition of {signed}: {what}"),
})
