"""The validator's problems as the editor shows them: the same file:line:col: field: line, in Vietnamese.

Each problem is made by the real validator on made-up data, so a changed English message that the wording table
no longer recognises fails here instead of reaching the press office in English."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from datafixtures import update_yaml, write_data, write_update
from PIL import Image
from sitegen.content.errors import DataError, Problem
from sitegen.content.validate import load_site
from sitegen.tools.editor_wording import field_label, vietnamese_line, vietnamese_message

TODAY = datetime.date(2030, 3, 1)
GOOD = update_yaml("2030-02-10", "tin-thu", english=False)


def problems_of(tmp_path: Path, text: str, name: str = "2030-02-10-tin-thu") -> list[Problem]:
    data = write_data(tmp_path)
    write_update(data, text, name)
    with pytest.raises(DataError) as raised:
        load_site(data, today=TODAY)
    return raised.value.problems


def photo(tmp_path: Path, name: str, width: int, kind: str = "JPEG") -> None:
    media = tmp_path / "data" / "decisions" / "qd-1-2030" / "updates" / "media"
    media.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (width, 300), (10, 80, 160)).save(media / name, kind)


CASES = {
    "a published update dated after today": (
        GOOD.replace("2030-02-10", "2030-04-02"),
        "date",
        "“Ngày” 02/04/2030 chưa tới (hôm nay là 01/03/2030): bật “Bản nháp” để soạn trước tin của một ngày sắp tới",
    ),
    "a photo without alt text": (
        GOOD + "photo:\n  file: media/anh.jpg\n",
        "photo.alt",
        "“Mô tả ảnh” còn trống: ô này bắt buộc",
    ),
    "the placeholder left in a published update": (
        GOOD.replace("Tin thử tin-thu", "VIẾT VÀO ĐÂY – WRITE HERE"),
        "title",
        "“Tiêu đề” vẫn còn chữ mẫu: viết nội dung tin, hoặc để tin là “Bản nháp”",
    ),
    "a link that is not a web address": (
        update_yaml("2030-02-10", "tin-thu", english=False, body_vi="Xem [tệp](file:///C:/a.doc)."),
        "body.vi",
        "“Nội dung”: liên kết tới “file:///C:/a.doc” không phải địa chỉ web; viết liên kết dạng [chữ](https://...)",
    ),
    "a source address without https://": (
        GOOD + "source:\n  publisher: {vi: Báo thử}\n  url: baothu.vn/bai\n",
        "source.url",
        "“Địa chỉ bài” cần một địa chỉ web bắt đầu bằng https://, đang là “baothu.vn/bai”",
    ),
    "an address that is a page of the updates list": (
        GOOD.replace("slug: tin-thu", "slug: trang"),
        "slug",
        "“Địa chỉ trang” “trang” trùng tên một trang của danh sách tin; chọn địa chỉ khác",
    ),
    "a photo that is not a photo type": (
        GOOD + "photo:\n  file: media/anh.gif\n  alt: {vi: Ảnh thử}\n",
        "photo.file",
        "“media/anh.gif” không phải loại ảnh trang web hiện được; dùng .jpeg, .jpg, .png, .webp",
    ),
    "a photo file that is not there": (
        GOOD + "photo:\n  file: media/khong-co.jpg\n  alt: {vi: Ảnh thử}\n",
        "photo.file",
        "Không có tệp media/khong-co.jpg cạnh tin này: chọn lại ảnh",
    ),
    "a photo too narrow for phones": (
        GOOD + "photo:\n  file: media/hep.jpg\n  alt: {vi: Ảnh thử}\n",
        "photo.file",
        "Ảnh media/hep.jpg rộng 200 điểm ảnh; cần rộng ít nhất 360 điểm ảnh",
    ),
    "a PNG named .jpg": (
        GOOD + "photo:\n  file: media/doi-ten.jpg\n  alt: {vi: Ảnh thử}\n",
        "photo.file",
        "media/doi-ten.jpg thực ra là ảnh PNG: đổi tên tệp thành .png",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_problem_a_save_can_meet_reads_in_vietnamese_on_its_usual_line(tmp_path: Path, case: str) -> None:
    text, field, expected = CASES[case]
    photo(tmp_path, "anh.jpg", 800)
    photo(tmp_path, "hep.jpg", 200)
    photo(tmp_path, "doi-ten.jpg", 800, kind="PNG")
    problems = [p for p in problems_of(tmp_path, text) if p.field == field]
    assert len(problems) == 1, problems_of(tmp_path, text)
    problem = problems[0]
    assert vietnamese_message(problem) == expected
    line = vietnamese_line(problem)
    assert line == f"{problem.file}:{problem.line}:{problem.column}: {field}: {expected}"
    assert line.startswith("data/decisions/qd-1-2030/updates/2030-02-10-tin-thu.yaml:")


def test_two_updates_with_one_address_name_the_other_file_in_vietnamese(tmp_path: Path) -> None:
    data = write_data(tmp_path)
    write_update(data, GOOD, "2030-02-10-tin-thu")
    write_update(data, GOOD.replace("2030-02-10", "2030-02-11"), "2030-02-11-tin-thu")
    with pytest.raises(DataError) as raised:
        load_site(data, today=TODAY)
    (problem,) = raised.value.problems
    assert vietnamese_message(problem) == (
        "“Địa chỉ trang” “tin-thu” đã có tin khác dùng (data/decisions/qd-1-2030/updates/2030-02-10-tin-thu.yaml); "
        "mỗi tin cần một địa chỉ riêng"
    )


def test_a_message_without_vietnamese_wording_is_shown_as_the_validator_wrote_it() -> None:
    problem = Problem("data/x.yaml", 3, 1, "groups[0]", "no task group 12 in this decision; groups are 1 to 9")
    assert vietnamese_message(problem) == problem.message
    assert vietnamese_line(problem) == str(problem)


def test_fields_are_named_as_the_editor_labels_them() -> None:
    assert field_label("photo.alt.vi") == "Mô tả ảnh"
    assert field_label("summary.en") == "Tóm tắt"
    assert field_label("time") == "time"  # not shown in the editor: its key
