"""The validator's problems as the press office reads them in the editor: the same `file:line:col: field:`
line, its message in Vietnamese with the editor's name for the field (a message without a wording here stays as is)."""

from __future__ import annotations

import re

from sitegen.content.errors import Problem
from sitegen.tools.editor_config import FIELD_LABELS

# The messages a save in the editor can meet (content/schema.py, fields.py, updates.py): the pattern of the
# English message, then its Vietnamese; {label} is the field's name in the editor, {1}… the pattern's groups.
# tests/unit/test_editor_wording.py makes each problem with the real validator, so a changed message fails there.
_WORDING = (
    (
        r"(\d{4}-\d\d-\d\d) is in the future \(today is (\d{4}-\d\d-\d\d)\); add 'draft: true' to prepare an update before its day",
        "“{label}” {1:date} chưa tới (hôm nay là {2:date}): bật “Bản nháp” để soạn trước tin của một ngày sắp tới",
    ),
    (r"is missing; this field is required", "“{label}” còn trống: ô này bắt buộc"),
    (r"expected text, got an empty text", "“{label}” còn trống: cần viết chữ vào ô này"),
    (
        r"still holds the placeholder text; write the update, or keep 'draft: true'",
        "“{label}” vẫn còn chữ mẫu: viết nội dung tin, hoặc để tin là “Bản nháp”",
    ),
    (
        r"the link target '(.*)' is not a web address; write links as \[text\]\(https://\.\.\.\)",
        "“{label}”: liên kết tới “{1}” không phải địa chỉ web; viết liên kết dạng [chữ](https://...)",
    ),
    (
        r"expected a web address starting with https://, got '(.*)'",
        "“{label}” cần một địa chỉ web bắt đầu bằng https://, đang là “{1}”",
    ),
    (
        r"'(.*)' is the name of a page of the updates list; choose another",
        "“{label}” “{1}” trùng tên một trang của danh sách tin; chọn địa chỉ khác",
    ),
    (
        r"slug '(.*)' is already used by (.*); every update needs its own",
        "“{label}” “{1}” đã có tin khác dùng ({2}); mỗi tin cần một địa chỉ riêng",
    ),
    (r"'(.*)' is not a photo this site shows; use (.*)", "“{1}” không phải loại ảnh trang web hiện được; dùng {2}"),
    (r"there is no file (.*) next to this update", "Không có tệp {1} cạnh tin này: chọn lại ảnh"),
    (
        r"(.*) is ([\d.]+) MB; at most (\d+) MB, please make it smaller",
        "Ảnh {1} nặng {2} MB; tối đa {3} MB: hãy làm ảnh nhỏ lại",
    ),
    (r"(.*) cannot be read as a photo \((.*)\)", "Không đọc được {1} như một ảnh ({2})"),
    (
        r"(.*) is a (\w+) file under another name; rename it to \.(\w+)",
        "{1} thực ra là ảnh {2}: đổi tên tệp thành .{3}",
    ),
    (
        r"(.*) is (\d+) pixels wide; at least (\d+) are needed",
        "Ảnh {1} rộng {2} điểm ảnh; cần rộng ít nhất {3} điểm ảnh",
    ),
    (r"'(.*)' is not a real date on the calendar", "“{label}” “{1}” không có trên lịch"),
)
_COMPILED = tuple((re.compile(pattern), wording) for pattern, wording in _WORDING)
_GROUP = re.compile(r"\{(\d+)(:date)?\}")
_ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def field_label(field: str) -> str:
    """The editor's name for a field path: photo.alt.vi → Mô tả ảnh; the path itself when it has none."""
    parts = field.split(".")
    while parts:
        label = FIELD_LABELS.get(".".join(parts))
        if label:
            return label
        parts.pop()
    return field


def vietnamese_message(problem: Problem) -> str:
    """The problem's message in Vietnamese, or as the validator wrote it when no wording here fits."""
    for pattern, wording in _COMPILED:
        match = pattern.fullmatch(problem.message)
        if match:

            def group(found: re.Match[str], match: re.Match[str] = match) -> str:
                value = match.group(int(found.group(1)))
                return _ISO_DATE.sub(r"\3/\2/\1", value) if found.group(2) else value

            return _GROUP.sub(group, wording.replace("{label}", field_label(problem.field)))
    return problem.message


def vietnamese_line(problem: Problem) -> str:
    """`file:line:col: field: message`, the message in Vietnamese (errors.Problem's line, another language)."""
    return str(Problem(problem.file, problem.line, problem.column, problem.field, vietnamese_message(problem)))
