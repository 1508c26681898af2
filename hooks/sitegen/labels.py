"""Interface wording in both languages, and the number and date forms each language uses."""

from __future__ import annotations

import datetime

from .model import Decision

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "site_intro": (
            "Trang này công bố, bằng tiếng Việt và tiếng Anh, nội dung chính của một quyết định "
            "của UBND tỉnh Lạng Sơn, theo bài viết của Văn phòng UBND tỉnh. Văn bản tiếng Việt là "
            "văn bản chính thức."
        ),
        "home_title": "Nhiệm vụ, giải pháp chủ yếu năm 2021 của tỉnh Lạng Sơn",
        "decision": "Quyết định",
        "motto": "Phương châm hành động",
        "objective": "Mục tiêu tổng quát",
        "target": "Chỉ tiêu",
        "task_groups": "Các nhóm nhiệm vụ, giải pháp chủ yếu",
        "group": "Nhóm",
        "group_n": "Nhóm nhiệm vụ {n}",
        "read_decision": "Xem nội dung quyết định",
        "metadata": "Thông tin văn bản",
        "doc_type": "Loại văn bản",
        "number": "Số",
        "date": "Ngày ban hành",
        "issuer": "Cơ quan ban hành",
        "source": "Nguồn",
        "language": "Ngôn ngữ",
        "language_status": "Tiếng Việt: văn bản chính thức",
        "other_language_link": "Read in English (unofficial translation)",
        "group_text": "Nội dung",
        "part_of": "Thuộc",
        "back_to_decision": "Về trang quyết định",
        "previous": "Nhóm trước",
        "next": "Nhóm sau",
        "about_title": "Giới thiệu và nguồn",
        "about_what": "Trang này là gì",
        "about_what_text": (
            "Đây là trang công bố song ngữ (tiếng Việt và tiếng Anh) về nội dung chính của "
            "quyết định dưới đây. Mọi thông tin trên trang đều lấy từ bài viết nguồn nêu dưới đây."
        ),
        "about_source": "Nguồn văn bản",
        "about_source_text": (
            "Bài viết nguồn chỉ tóm tắt quyết định: không nêu cơ quan chủ trì, thời hạn hay chỉ "
            "tiêu nào khác ngoài chỉ tiêu tăng trưởng GRDP, và không đăng toàn văn quyết định. "
            "Trang này không bổ sung những thông tin đó; xin xem văn bản gốc của quyết định."
        ),
        "headline": "Tiêu đề bài viết",
        "publisher": "Đơn vị đăng",
        "author": "Tác giả",
        "address": "Địa chỉ",
        "about_translation": "Bản dịch tiếng Anh",
        "about_cite": "Cách trích dẫn",
        "about_cite_text": "Khi trích dẫn, xin ghi:",
        "not_translated": "Chưa được dịch",
        "group_wording_note": (
            "Nội dung mỗi nhóm là nguyên văn của bài viết nguồn; tiêu đề ngắn của nhóm do trang này đặt để dễ tìm."
        ),
    },
    "en": {
        "site_intro": (
            "This site publishes, in Vietnamese and English, the main content of a decision of the "
            "Lạng Sơn Provincial People's Committee, as reported by the Office of the Provincial "
            "People's Committee. The Vietnamese text is authoritative."
        ),
        "home_title": "Lạng Sơn's key tasks and solutions for 2021",
        "decision": "Decision",
        "motto": "Motto of action",
        "objective": "Overall objective",
        "target": "Target",
        "task_groups": "Groups of key tasks and solutions",
        "group": "Group",
        "group_n": "Task group {n}",
        "read_decision": "Read the decision",
        "metadata": "About this document",
        "doc_type": "Type",
        "number": "Number",
        "date": "Date",
        "issuer": "Issued by",
        "source": "Source",
        "language": "Language",
        "language_status": "English: unofficial translation; the Vietnamese text is authoritative",
        "other_language_link": "Đọc bản tiếng Việt (văn bản chính thức)",
        "group_text": "Text",
        "part_of": "Part of",
        "back_to_decision": "Back to the decision",
        "previous": "Previous group",
        "next": "Next group",
        "about_title": "About and source",
        "about_what": "What this site is",
        "about_what_text": (
            "This is a bilingual (Vietnamese and English) publication of the main content of the "
            "decision below. Every fact on this site comes from the source article named below."
        ),
        "about_source": "Source of the text",
        "about_source_text": (
            "The source article only summarises the decision: it names no lead agencies, deadlines "
            "or indicators other than the GRDP growth target, and does not publish the decision's "
            "full text. This site does not add them; please see the original decision."
        ),
        "headline": "Headline",
        "publisher": "Published by",
        "author": "Author line",
        "address": "Address",
        "about_translation": "The English translation",
        "about_cite": "How to cite",
        "about_cite_text": "When citing, please write:",
        "not_translated": "Not yet translated",
        "group_wording_note": (
            "Each group's text is the source article's own wording, translated; the short group "
            "titles are this site's, to make the groups easy to find."
        ),
    },
}

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def label(lang: str, key: str, **values: object) -> str:
    return LABELS[lang][key].format(**values)


def format_date(date: datetime.date, lang: str) -> str:
    """`15/01/2021` in Vietnamese, `15 January 2021` in English."""
    if lang == "vi":
        return date.strftime("%d/%m/%Y")
    return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"


def format_percent_range(low: float, high: float, lang: str) -> str:
    """`7 - 7,5%` as the Vietnamese source writes it, `7–7.5%` in English."""
    if lang == "vi":
        return f"{low:g} - {high:g}%".replace(".", ",")
    return f"{low:g}–{high:g}%"


def citation(decision: Decision, lang: str, group: int | None = None) -> str:
    """A ready citation, e.g. `Quyết định số 166/QĐ-UBND ngày 15/01/2021 của UBND tỉnh Lạng Sơn`."""
    date = format_date(decision.date, lang)
    if lang == "vi":
        text = f"{decision.doc_type.vi} số {decision.number} ngày {date} của {decision.issuer.vi}"
        return f"{text}, nhóm nhiệm vụ {group}" if group else text
    doc_type, _ = decision.doc_type.best("en")
    issuer, _ = decision.issuer.best("en")
    text = f"{doc_type} No. {decision.number} of {date}, {issuer}"
    return f"{text}, task group {group}" if group else text


# The search box's wording (overrides/partials/site-search.html); `{n}` is a number of results
SEARCH_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "label": "Tìm kiếm",
        "placeholder": "Gõ có dấu hoặc không dấu, ví dụ: ngan sach",
        "results": "Kết quả tìm kiếm",
        "one": "1 kết quả",
        "other": "{n} kết quả",
        "none": "Không tìm thấy kết quả nào.",
        "loading": "Đang tải chỉ mục tìm kiếm…",
        "error": "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.",
    },
    "en": {
        "label": "Search",
        "placeholder": "Search this site, e.g. budget",
        "results": "Search results",
        "one": "1 result",
        "other": "{n} results",
        "none": "No results found.",
        "loading": "Loading the search index…",
        "error": "The search index could not be loaded. Please try again.",
    },
}
