"""Interface wording in both languages, and the number and date forms each language uses."""

from __future__ import annotations

import datetime

from sitegen.content.model import Decision, TaskGroup

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "site_intro": (
            "Trang này công bố, bằng tiếng Việt và tiếng Anh, nội dung chính của một quyết định "
            "của UBND tỉnh Lạng Sơn, theo bài viết của Văn phòng UBND tỉnh, không phải toàn văn "
            "quyết định. Tiếng Việt là bản gốc."
        ),
        "home_title": "Nhiệm vụ, giải pháp chủ yếu năm 2021 của tỉnh Lạng Sơn",
        "not_found_title": "Không tìm thấy trang",
        "not_found_text": (
            "Trang bạn tìm không có trên trang web này. Có thể địa chỉ bị gõ sai hoặc trang đã được chuyển đi."
        ),
        "not_found_home": "Về trang chủ",
        "not_found_groups": "Hoặc chọn một nhóm nhiệm vụ",
        "not_found_search": "Hoặc tìm kiếm bằng ô tìm kiếm ở đầu trang",
        "decision": "Quyết định",
        "motto": "Phương châm hành động",
        "objective": "Mục tiêu tổng quát",
        "target": "Chỉ tiêu",
        "task_groups": "Các nhiệm vụ và giải pháp chủ yếu",
        "group": "Nhóm",
        "group_n": "Nhóm nhiệm vụ {n}",
        "read_decision": "Xem nội dung chính của quyết định",
        "metadata": "Thông tin văn bản",
        "doc_type": "Loại văn bản",
        "number": "Số",
        "dated": "ngày",
        "decision_date": "Ngày ban hành quyết định",
        "date": "Ngày ban hành",
        "issuer": "Cơ quan ban hành",
        "source": "Nguồn",
        "language": "Ngôn ngữ",
        "language_status": "Tiếng Việt (bản gốc)",
        "other_language_link": "Read in English (unofficial translation)",
        "open_data": "Dữ liệu mở",
        "open_data_link": "Quyết định và các nhóm nhiệm vụ, định dạng JSON",
        "print_document": "Văn bản",
        "print_address": "Địa chỉ trang",
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
        # reading aids (issue 9): cite, share, print, home page overview
        "cite_share": "Trích dẫn và chia sẻ",
        "cite_this": "Trích dẫn trang này",
        "citation_translation": "",
        "copy_citation": "Sao chép trích dẫn",
        "copied": "Đã sao chép trích dẫn.",
        "copy_failed": "Không sao chép được; xin chọn và sao chép đoạn trích dẫn ở trên.",
        "page_link": "Đường dẫn của trang này",
        "share": "Chia sẻ trang này",
        "print_qr_caption": "Quét mã để đọc bản trực tuyến:",
        "objective_full": "Đọc mục tiêu tổng quát",
        "growth_target_year": "{indicator} năm {year}",
        "not_translated": "Chưa được dịch",
        "group_wording_note": (
            "Nội dung mỗi nhóm là nguyên văn một vế trong đoạn liệt kê (ngăn cách bằng dấu chấm phẩy) "
            "của bài viết nguồn; trang này chỉ viết hoa chữ cái đầu và thêm dấu chấm cuối câu. Số thứ tự "
            "của nhóm (theo thứ tự trong bài viết), tiêu đề ngắn và phần tóm tắt trên thẻ ở trang chủ do "
            "trang này đặt để dễ tìm."
        ),
        "group_numbering": "nhóm nhiệm vụ {n} (đánh số theo thứ tự trong bài viết của {publisher}): {title}",
        # translation state (translation_pages.py, text.block)
        "outdated_notice": "Văn bản tiếng Việt đã thay đổi kể từ khi bản dịch này được viết.",
        "outdated_link": "Đọc văn bản tiếng Việt hiện hành",
        "status_title": "Tình trạng bản dịch tiếng Anh",
        "status_intro": (
            "Trang này liệt kê các văn bản của trang web chưa có bản dịch tiếng Anh và các văn bản có "
            "bản dịch đã cũ do văn bản tiếng Việt thay đổi sau khi dịch."
        ),
        "status_all_done": "Mọi văn bản đều đã được dịch sang tiếng Anh và bản dịch khớp với văn bản tiếng Việt hiện hành.",
        "status_summary": "{total} văn bản: {translated} đã dịch, {missing} chưa dịch, {outdated} bản dịch cũ, {unreviewed} chưa kiểm tra.",
        "status_missing": "Chưa được dịch",
        "status_outdated": "Bản dịch cũ: văn bản tiếng Việt đã thay đổi",
        "status_shown_on": "Xuất hiện tại",
        "status_not_shown": "không hiển thị riêng trên trang nào",
        "status_data": "Tệp dữ liệu",
        "status_link": "Tình trạng bản dịch tiếng Anh",
        "status_vi": "Tiếng Việt",
        "status_en": "Tiếng Anh",
        # issue 15: home page lead, group pages, accessibility statement
        "home_lead": "Ngày {date}, {issuer} ban hành {decision} với {n} nhóm nhiệm vụ, giải pháp chủ yếu:",
        "decision_section": "Về quyết định",
        "groups_nav": "Các nhóm nhiệm vụ",
        "current_group": "đang xem",
        "drawer_all_groups": "Tất cả {n} nhóm nhiệm vụ",  # the phone menu's one link in a plan of many groups
        "source_note_one_sentence": (
            "Bài viết nguồn chỉ nêu nhóm nhiệm vụ này trong một câu, trích nguyên văn ở trên; "
            "bài viết không nêu cơ quan chủ trì, thời hạn hay chỉ tiêu riêng cho nhóm."
        ),
        "source_note": "Nội dung trên trích nguyên văn bài viết nguồn.",
        "source_article": "Đọc bài viết nguồn",
        "accessibility_title": "Tuyên bố về khả năng tiếp cận",
        "accessibility_intro": (
            "Trang này được làm để mọi người đều đọc được: trên điện thoại, bằng bàn phím, với trình đọc "
            "màn hình và khi tắt JavaScript."
        ),
        "accessibility_tested": "Những gì được kiểm tra",
        "accessibility_tested_items": (
            "Mọi trang của cả hai ngôn ngữ được kiểm tra tự động theo WCAG 2.2 mức AA bằng axe-core.\n"
            "Mọi liên kết và nút đều dùng được bằng bàn phím, và vị trí đang chọn luôn được đánh dấu rõ.\n"
            "Ở màn hình rộng 360 px, trang không phải cuộn ngang, chữ nội dung cỡ ít nhất 16 px và các "
            "vùng chạm đủ lớn.\n"
            "Khi tắt JavaScript, mọi nội dung vẫn đọc được và mọi liên kết vẫn dùng được."
        ),
        "accessibility_limits": "Những hạn chế đã biết",
        "accessibility_limits_items": (
            "Ô tìm kiếm cần JavaScript; khi tắt JavaScript, hãy dùng danh sách các nhóm nhiệm vụ ở trang chủ.\n"
            "Bản tiếng Anh là bản dịch không chính thức; văn bản chưa được dịch hiển thị bằng tiếng Việt "
            "và được đánh dấu là tiếng Việt cho trình đọc màn hình.\n"
            "Trang không có toàn văn quyết định: bài viết nguồn chỉ tóm tắt quyết định.\n"
            "Kiểm tra tự động không phát hiện được mọi vấn đề."
        ),
        "accessibility_report": "Báo một vấn đề",
        "accessibility_report_text": (
            "Trang này không có địa chỉ liên hệ riêng. Nếu bạn gặp khó khăn khi đọc trang, xin liên hệ "
            "đơn vị đã đăng bài viết nguồn:"
        ),
        # updates (news.py, feeds.py)
        "updates": "Tin tức",
        "updates_intro": "Tin cập nhật về quyết định và việc thực hiện các nhóm nhiệm vụ, tin mới nhất ở trên cùng.",
        "no_updates": "Chưa có tin nào.",
        "no_group_updates": "Chưa có tin nào về nhóm nhiệm vụ này.",
        "page_n_of": "Trang {n}/{total}",
        "newer": "← Tin mới hơn",
        "older": "Tin cũ hơn →",
        "groups_concerned": "Nhóm nhiệm vụ liên quan",
        "group_short": "Nhóm {n}",
        "latest_updates": "Tin mới nhất",
        "all_updates": "Xem tất cả tin",
        "back_to_updates": "← Tất cả tin",
        "group_updates": "Tin tức về nhóm nhiệm vụ này",
        "follow_feed": "Nhận tin mới bằng ứng dụng đọc tin (Atom)",
        "feed_title_site": "Tin tức – {site}",
        "feed_title_group": "Tin tức – {group}",
        "draft": "Bản nháp: tin này chưa được công bố, chỉ hiện khi xem trước (make serve DRAFTS=1).",
    },
    "en": {
        "site_intro": (
            # short: the banner above it on every English page says the rest (translation_note)
            "The main content of a decision of the Lạng Sơn Provincial People's Committee, as reported "
            "by the Office of the Provincial People's Committee."
        ),
        "home_title": "Lạng Sơn's key tasks and solutions for 2021",
        "not_found_title": "Page not found",
        "not_found_text": (
            "The page you are looking for is not on this site. The address may be mistyped, or the page may have moved."
        ),
        "not_found_home": "Go to the home page",
        "not_found_groups": "Or choose a task group",
        "not_found_search": "Or search with the search box at the top of the page",
        "decision": "Decision",
        "motto": "Motto of action",
        "objective": "Overall objective",
        "target": "Target",
        "task_groups": "Key tasks and solutions",
        "group": "Group",
        "group_n": "Task group {n}",
        "read_decision": "The decision's main points",
        "metadata": "About this document",
        "doc_type": "Document type",
        "number": "Number",
        "dated": "dated",
        "decision_date": "Date of the decision",
        "date": "Date of issue",
        "issuer": "Issued by",
        "source": "Source",
        "language": "Language",
        "language_status": "English (unofficial translation; the Vietnamese is the original)",
        "other_language_link": "Đọc bản tiếng Việt (bản gốc)",
        "open_data": "Open data",
        "open_data_link": "The decision and its task groups as JSON",
        "print_document": "Document",
        "print_address": "Page address",
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
        "author": "Byline",
        "address": "Address",
        "about_translation": "The English translation",
        "about_cite": "How to cite",
        "about_cite_text": "When citing, please write:",
        # reading aids (issue 9): cite, share, print, home page overview
        "cite_share": "Cite and share",
        "cite_this": "Cite this page",
        "citation_translation": " (unofficial English translation)",
        "copy_citation": "Copy citation",
        "copied": "Citation copied.",
        "copy_failed": "Could not copy; please select and copy the citation above.",
        "page_link": "Link to this page",
        "share": "Share this page",
        "print_qr_caption": "Scan to read online:",
        "objective_full": "Read the overall objective",
        "growth_target_year": "{indicator} in {year}",
        "not_translated": "Not yet translated",
        "group_wording_note": (
            "Each group's text is one item of the source article's list (separated by semicolons), "
            "word for word in Vietnamese, where this site only capitalised the first letter and added "
            "a final full stop; the English is a translation of it. The group numbers (in the article's "
            "order), the short titles and the summaries on the home page's cards are this site's own, "
            "to make the groups easy to find."
        ),
        "group_numbering": "task group {n} (numbered in the order of the article of the {publisher}): {title}",
        # translation state (translation_pages.py, text.block)
        "outdated_notice": "The Vietnamese text has changed since this translation.",
        "outdated_link": "Read the current Vietnamese text",
        "status_title": "Translation status",
        "status_intro": (
            "This page lists the site's texts that have no English translation yet, and those whose "
            "translation is outdated because the Vietnamese text changed after it was translated."
        ),
        "status_all_done": "Every text is translated into English, and every translation matches the current Vietnamese text.",
        "status_summary": "{total} texts: {translated} translated, {missing} not yet translated, {outdated} outdated, {unreviewed} not yet reviewed.",
        "status_missing": "Not yet translated",
        "status_outdated": "Outdated: the Vietnamese text has changed",
        "status_shown_on": "Shown on",
        "status_not_shown": "not shown on its own on any page",
        "status_data": "Data file",
        "status_link": "Translation status of every text",
        "status_vi": "Vietnamese",
        "status_en": "English",
        # issue 15: home page lead, group pages, accessibility statement
        "home_lead": "On {date}, the {issuer} issued {decision}, with {n} groups of key tasks and solutions:",
        "decision_section": "About the decision",
        "groups_nav": "All task groups",
        "current_group": "you are here",
        "drawer_all_groups": "All {n} task groups",
        "source_note_one_sentence": (
            "The source article names this task group in one sentence only, quoted above; it names no "
            "lead agency, deadline or target of its own for the group."
        ),
        "source_note": "The text above is the source article's own wording.",
        "source_article": "Read the source article",
        "accessibility_title": "Accessibility statement",
        "accessibility_intro": (
            "This site is made so that everyone can read it: on a phone, with a keyboard, with a screen "
            "reader and with JavaScript turned off."
        ),
        "accessibility_tested": "What is tested",
        "accessibility_tested_items": (
            "Every page in both languages is checked automatically against WCAG 2.2 level AA with axe-core.\n"
            "Every link and button works with a keyboard, and the focus is always clearly marked.\n"
            "On a screen 360 px wide, no page scrolls sideways, body text is at least 16 px and tap "
            "targets are large enough.\n"
            "With JavaScript turned off, all content can be read and every link works."
        ),
        "accessibility_limits": "Known limits",
        "accessibility_limits_items": (
            "The search box needs JavaScript; without it, use the list of task groups on the home page.\n"
            "The English version is an unofficial translation; a text not yet translated is shown in "
            "Vietnamese and marked as Vietnamese for screen readers.\n"
            "The site does not have the decision's full text: the source article only summarises it.\n"
            "Automated checks cannot find every problem."
        ),
        "accessibility_report": "Report a problem",
        "accessibility_report_text": (
            "This site has no contact address of its own. If you have trouble reading it, please contact "
            "the publisher of the source article:"
        ),
        # updates (news.py, feeds.py)
        "updates": "Updates",
        "updates_intro": "Dated updates on the decision and on how its task groups are being carried out, newest first.",
        "no_updates": "No updates yet.",
        "no_group_updates": "No updates on this task group yet.",
        "page_n_of": "Page {n} of {total}",
        "newer": "← Newer updates",
        "older": "Older updates →",
        "groups_concerned": "Task groups concerned",
        "group_short": "Group {n}",
        "latest_updates": "Latest updates",
        "all_updates": "All updates",
        "back_to_updates": "← All updates",
        "group_updates": "Updates on this task group",
        "follow_feed": "Get these updates in a feed reader (Atom)",
        "feed_title_site": "Updates – {site}",
        "feed_title_group": "Updates – {group}",
        "draft": "Draft: this update is not published; it shows only in a preview (make serve DRAFTS=1).",
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


def decision_name(decision: Decision, lang: str) -> str:
    """`Quyết định số 166/QĐ-UBND`, `Decision No. 166/QĐ-UBND`: the decision's page title and name."""
    doc_type = decision.doc_type.best(lang)[0]
    return f"{doc_type} số {decision.number}" if lang == "vi" else f"{doc_type} No. {decision.number}"


def citation(decision: Decision, lang: str, group: TaskGroup | None = None) -> str:
    """The decision as a Vietnamese reader cites it: number, date, issuer and subject (the title), e.g.
    `Quyết định số 166/QĐ-UBND ngày 15/01/2021 của Ủy ban nhân dân tỉnh Lạng Sơn về …`; on a group page also
    which group, saying that the numbering is the site's own, in the order of the source article."""
    date = format_date(decision.date, lang)
    doc_type, _ = decision.doc_type.best(lang)
    issuer, _ = decision.issuer.best(lang)
    subject, _ = decision.title.best(lang)
    subject = subject[:1].lower() + subject[1:]  # the title starts a sentence ("Về …", "On …"); here it continues one
    if lang == "vi":
        text = f"{doc_type} số {decision.number} ngày {date} của {issuer} {subject}"
    else:
        text = f"{doc_type} No. {decision.number} dated {date} of the {issuer} {subject}"
    if group is None:
        return text
    publisher, _ = decision.source.publisher.best(lang)
    title, _ = group.title.best(lang)
    return f"{text}, {label(lang, 'group_numbering', n=group.number, title=title, publisher=publisher)}"


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

# The theme overrides' own wording (overrides/partials/*.html: feed links, header, search box, footer),
# handed to them as `config.extra.theme_labels`
THEME_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "site_feed": "Tin tức (Atom)",
        "footer": "Chân trang",
        "source": "Nguồn",
        "about": "Giới thiệu và nguồn",
        "open_data": "Dữ liệu mở (JSON)",
        "feeds": "Nhận tin mới bằng ứng dụng đọc tin",
        "accessibility": "Khả năng tiếp cận",
        "last_changed": "Nội dung thay đổi lần cuối",
        "search_needs_js": "Tìm kiếm cần JavaScript. Xem các nhóm nhiệm vụ ở trang chủ.",
    },
    "en": {
        "site_feed": "Updates (Atom)",
        "footer": "Footer",
        "source": "Source",
        "about": "About and source",
        "open_data": "Open data (JSON)",
        "feeds": "Get new updates in a feed reader",
        "accessibility": "Accessibility",
        "last_changed": "Content last changed",
        "search_needs_js": "Search needs JavaScript. See the task groups on the home page.",
    },
}
