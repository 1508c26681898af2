"""The press office's editor end to end: `make edit` on a copy of data/, driven in headless Chromium.

Create a Vietnamese-only draft, see it in the preview, publish it (both languages, feeds), edit an existing
update's English, have an invalid save refused with the project's error on screen, delete with confirmation;
and no request ever leaves 127.0.0.1. The tests run in file order on one editor (each step builds on the last).
"""

from __future__ import annotations

import io
import re
import shutil
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from editorhelpers import EditorRun, start_editor, wait_for_page
from PIL import Image
from sitegen.content.validate import load_site
from sitehelpers import PROJECT

pytestmark = pytest.mark.browser

COLLECTION = "tin-tuc-qd-166-2021"
UPDATES = Path("decisions/qd-166-2021/updates")
EXISTING = "2021-01-15-ban-hanh-quyet-dinh.yaml"
TITLE = "Họp báo: kết quả quý I"  # a colon, which broke hand-written YAML (issue 16)
SLUG = "hop-bao-ket-qua-quy-i"
NEW_FILE = f"2021-02-01-{SLUG}.yaml"
ARTIFACTS = PROJECT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("editor")
    shutil.copytree(PROJECT / "data", work / "data")
    run = start_editor(work / "data")
    yield run
    run.stop()


@pytest.fixture(scope="module")
def requests_seen() -> list[str]:
    return []


@pytest.fixture(scope="module")
def context(browser, requests_seen):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.on("request", lambda request: requests_seen.append(request.url))
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "delete?" and "leave unsaved?" are answered yes
    yield page
    page.close()


def open_new_entry(page, editor: EditorRun) -> None:
    page.goto(f"{editor.url}/admin/#/collections/{COLLECTION}/new")
    page.wait_for_selector("#title-field-4", timeout=60_000)


def choose_groups(page, *labels: str) -> None:
    for label in labels:
        page.click("#groups-field-7")
        page.keyboard.type(label)
        page.keyboard.press("Enter")


def save(page) -> None:
    page.get_by_text("Lưu", exact=True).first.click()
    page.get_by_role("menuitem", name="Lưu", exact=True).click()


def toast_text(page) -> str:
    page.wait_for_selector(".Toastify__toast", timeout=30_000)
    return page.inner_text(".Toastify__toast")


def covered_by(locator) -> str | None:
    """What a tap at the element's centre would hit instead of it, looked up in its own page and then in each
    page around the frames it is in (Decap's preview pane, the site page inside it); None: the element itself."""
    target = locator.element_handle()
    frame = target.owner_frame()
    point = target.evaluate(
        "e => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }"
    )
    while True:
        hit = target.evaluate(
            """(e, [x, y]) => {
                const hit = e.ownerDocument.elementFromPoint(x, y);
                return hit && (hit === e || e.contains(hit)) ? null : hit ? hit.outerHTML.slice(0, 160) : "outside the window";
            }""",
            point,
        )
        if hit or frame.parent_frame is None:
            return hit
        target = frame.frame_element()  # the <iframe> in the page around: the point in its coordinates
        point = target.evaluate(
            """(f, [x, y]) => {
                const r = f.getBoundingClientRect(), s = getComputedStyle(f);
                return [r.x + f.clientLeft + parseFloat(s.paddingLeft) + x, r.y + f.clientTop + parseFloat(s.paddingTop) + y];
            }""",
            point,
        )
        frame = frame.parent_frame


def on_screen(locator) -> bool:
    """Whether the element is drawn inside the window (and inside every frame's window around it)."""
    box = locator.bounding_box()
    if not box or box["width"] == 0 or box["height"] == 0:
        return False
    handle = locator.element_handle()
    # the theme's skip link is drawn transparent under the header until a keyboard user reaches it
    transparent = "e => { for (; e; e = e.parentElement) { if (getComputedStyle(e).opacity === '0') return true; } return false; }"
    if handle.evaluate(transparent):
        return False
    frame = handle.owner_frame()
    point = handle.evaluate(
        "e => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }"
    )
    while True:
        inside = handle.evaluate(
            "(e, [x, y]) => { const w = e.ownerDocument.defaultView; return x >= 0 && y >= 0 && x < w.innerWidth && y < w.innerHeight; }",
            point,
        )
        if not inside:
            return False
        if frame.parent_frame is None:
            return True
        handle = frame.frame_element()
        point = handle.evaluate(
            "(f, [x, y]) => { const r = f.getBoundingClientRect(); return [r.x + f.clientLeft + x, r.y + f.clientTop + y]; }",
            point,
        )
        frame = frame.parent_frame


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def test_the_editor_opens_in_vietnamese_with_the_updates_listed(editor, page) -> None:
    listed = "text=UBND tỉnh Lạng Sơn ban hành Quyết định số 166/QĐ-UBND"
    page.goto(f"{editor.url}/admin/")
    page.wait_for_selector(listed, timeout=60_000)
    assert page.get_by_text("Viết tin mới").is_visible()
    assert page.get_by_text("Đăng nhập").count() == 0  # the local backend needs no login
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 768):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_selector(listed, timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / f"editor-list-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("width", [1280, 768])
def test_the_entry_view_shows_every_text_whole_and_nothing_covers_a_link_or_the_account_button(
    editor, page, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{editor.url}/admin/#/collections/{COLLECTION}/entries/{EXISTING.removesuffix('.yaml')}")
    page.wait_for_selector("#title-field-4-en", timeout=60_000)
    pane = page.frame_locator("iframe").first
    site_page = pane.frame_locator("iframe").first
    site_page.locator("h1").first.wait_for(timeout=60_000)

    # every text area shows its whole text: the long English title and summary are not cut off mid-line
    areas = page.eval_on_selector_all(
        "textarea", "all => all.filter(a => a.offsetWidth).map(a => [a.id, a.scrollHeight, a.clientHeight])"
    )
    assert len(areas) == 6  # title, summary and body, each in Vietnamese and English
    assert [a for a in areas if a[1] > a[2]] == []

    # the page fits the window: the account button is inside it, nothing over it
    account = page.get_by_role("button", name="Account options dropdown")
    box = account.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert covered_by(account) is None
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # no link of the preview lies under Decap's floating buttons (hide preview, scroll together) or anything else
    links = [pane.locator("a").nth(i) for i in range(pane.locator("a").count())]
    links += [site_page.locator("a").nth(i) for i in range(site_page.locator("a").count())]
    shown = [link for link in links if on_screen(link)]
    named = {link.inner_text().strip() for link in shown}
    assert {"Tiếng Việt", "English"} <= named  # our header's two links
    assert sum(1 for link in shown if link.inner_text().strip() == "English") == 2  # and the site's language link
    assert {link.inner_text().strip(): covered_by(link) for link in shown if covered_by(link)} == {}
    page.screenshot(path=str(ARTIFACTS / f"editor-entry-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_editors_own_checks_catch_the_obvious_mistakes_first(editor, page) -> None:
    open_new_entry(page, editor)
    page.fill("#date-field-1", "32/13/2021")
    page.fill("#summary-field-5", "Tóm tắt thử.")
    save(page)
    assert "Còn ô chưa điền hoặc điền chưa đúng" in toast_text(page)
    shown = page.inner_text("body").casefold()  # Decap writes field errors in capitals (CSS)
    assert "ngày chưa đúng: viết ngày/tháng/năm, ví dụ 15/01/2021." in shown
    assert "cần nhập “tiêu đề” bằng tiếng việt." in shown
    assert "nhóm nhiệm vụ bắt buộc nhập." in shown
    page.fill("#slug-field-2", "ban-hanh-quyet-dinh")  # the existing update's address
    page.fill("#title-field-4", "Tin trùng địa chỉ")
    save(page)
    assert "địa chỉ “ban-hanh-quyet-dinh” đã có tin khác dùng; chọn địa chỉ khác." in page.inner_text("body").casefold()
    assert sorted(p.name for p in editor.updates_dir.iterdir()) == [EXISTING]  # nothing was sent


def test_a_vietnamese_only_update_is_saved_as_a_draft_and_shows_in_the_preview(editor, page) -> None:
    open_new_entry(page, editor)
    page.fill("#date-field-1", "01/02/2021")  # as Vietnamese write dates
    page.fill("#title-field-4", TITLE)
    page.wait_for_function(f"document.querySelector('#slug-field-2').value === '{SLUG}'", timeout=15_000)
    page.fill("#summary-field-5", "Sở Kế hoạch và Đầu tư báo cáo kết quả quý I.")
    page.fill("#body-field-6", "Đoạn thứ nhất của tin thử.\n\nĐoạn thứ hai, có **chữ đậm**.")
    choose_groups(page, "1.", "3.")
    save(page)
    assert "Đã lưu" in toast_text(page)

    path = editor.updates_dir / NEW_FILE
    written = path.read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in written.splitlines() if re.match(r"^[a-z_]+:", line)]
    assert keys == ["date", "slug", "draft", "title", "summary", "body", "groups"]
    assert "date: 2021-02-01\n" in written and "draft: true\n" in written and "groups: [1, 3]\n" in written
    assert "body:\n  vi: |\n    Đoạn thứ nhất của tin thử.\n\n    Đoạn thứ hai, có **chữ đậm**.\n" in written
    assert "en:" not in written
    update = next(u for u in load_site(editor.data_dir).decisions[0].updates if u.slug == SLUG)
    assert update.title.vi == TITLE and update.draft and update.groups == (1, 3)

    page_url = f"{editor.url}/qd-166-2021/tin-tuc/{SLUG}/"
    html = wait_for_page(page_url, TITLE)
    assert "Bản nháp" in html
    page.goto(f"{editor.url}/admin/#/collections/{COLLECTION}/entries/{NEW_FILE.removesuffix('.yaml')}")
    page.reload()
    frame = page.frame_locator("iframe").first.frame_locator("iframe").first
    frame.get_by_text(TITLE).first.wait_for(timeout=60_000)


def test_publishing_clears_draft_and_shows_the_update_in_both_languages_and_the_feeds(editor, page) -> None:
    page.goto(f"{editor.url}/admin/#/collections/{COLLECTION}/entries/{NEW_FILE.removesuffix('.yaml')}")
    page.wait_for_selector("#draft-field-3", timeout=60_000)
    status = page.locator(".ban-nhap-trang-thai")
    assert status.inner_text() == "Đây là bản nháp: tin chỉ hiện trong bản xem trước, chưa có trên trang."
    publish = page.get_by_role("button", name="Đăng tin lên trang")
    for width in (768, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert publish.is_visible() and covered_by(publish) is None
        page.screenshot(path=str(ARTIFACTS / f"editor-draft-{width}.png"))
    publish.click()  # the labelled control beside the draft switch
    assert not page.is_checked("#draft-field-3") and publish.count() == 0
    assert status.inner_text().startswith("Chưa đăng: bấm “Lưu” (trên cùng) để đăng tin lên trang")
    save(page)
    assert "Đã lưu" in toast_text(page)
    assert status.inner_text().startswith("Tin đã đăng trên trang.")
    written = (editor.updates_dir / NEW_FILE).read_text(encoding="utf-8")
    assert "draft" not in written
    assert not next(u for u in load_site(editor.data_dir).decisions[0].updates if u.slug == SLUG).draft

    vietnamese = wait_for_page(f"{editor.url}/qd-166-2021/tin-tuc/{SLUG}/", TITLE, absent="Bản nháp")
    assert "Đoạn thứ hai" in vietnamese
    english = wait_for_page(f"{editor.url}/en/qd-166-2021/tin-tuc/{SLUG}/", TITLE)
    assert "Not yet translated" in english
    assert TITLE in fetch(f"{editor.url}/feed.xml") and TITLE in fetch(f"{editor.url}/en/feed.xml")
    assert TITLE in fetch(f"{editor.url}/qd-166-2021/ngan-sach-nha-nuoc/feed.xml") or TITLE in fetch(
        f"{editor.url}/qd-166-2021/tin-tuc/"
    )
    page.reload()  # opened again, the update says it is on the site
    page.wait_for_selector("#draft-field-3", timeout=60_000)
    assert page.locator(".ban-nhap-trang-thai").inner_text().startswith("Tin đã đăng trên trang.")


def test_editing_an_existing_updates_english_changes_its_page_and_nothing_else(editor, page) -> None:
    path = editor.updates_dir / EXISTING
    before = path.read_text(encoding="utf-8")
    page.goto(f"{editor.url}/admin/#/collections/{COLLECTION}/entries/{EXISTING.removesuffix('.yaml')}")
    page.wait_for_selector("#title-field-4-en", timeout=60_000)
    new_english = "Lạng Sơn issues Decision No. 166/QĐ-UBND on the 2021 plan"
    page.fill("#title-field-4-en", new_english)
    save(page)
    assert "Đã lưu" in toast_text(page)
    after = path.read_text(encoding="utf-8")
    old_english = "Lạng Sơn Provincial People's Committee issues Decision No. 166/QĐ-UBND"
    assert after == before.replace(f"  en: {old_english}\n", f"  en: {new_english}\n")  # comments, en_from kept
    wait_for_page(f"{editor.url}/en/qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/", new_english)


def test_a_photo_is_uploaded_needs_its_alt_text_and_is_shown_at_phone_widths(editor, page, tmp_path) -> None:
    photo = tmp_path / "hop-bao-anh.jpg"
    Image.new("RGB", (1200, 800), (20, 90, 160)).save(photo, "JPEG")
    page.goto(f"{editor.url}/admin/#/collections/{COLLECTION}/entries/{EXISTING.removesuffix('.yaml')}")
    page.wait_for_selector("#title-field-4", timeout=60_000)
    page.locator("button[aria-label^='Expand']").nth(1).click()  # "Ảnh" (the second collapsed group)
    page.get_by_text("Chọn một hình").click()
    page.locator("input[type=file]").first.set_input_files(str(photo))
    page.get_by_text("hop-bao-anh.jpg").first.wait_for(timeout=30_000)
    page.get_by_text("Lấy những cái đã chọn").click()
    save(page)
    message = toast_text(page)
    # the validator wants alt text, and says so in the press office's words
    assert "Chưa lưu được" in message and "photo.alt: “Mô tả ảnh” còn trống: ô này bắt buộc" in message
    assert "API_ERROR" not in message
    assert not (editor.updates_dir / "media").exists()
    page.locator("[id^=alt-field]").first.fill("Quang cảnh lễ công bố")
    page.locator(".Toastify__toast").first.wait_for(state="detached", timeout=30_000)
    save(page)
    assert "Đã lưu" in toast_text(page)
    assert (editor.updates_dir / "media" / "hop-bao-anh.jpg").read_bytes() == photo.read_bytes()
    written = (editor.updates_dir / EXISTING).read_text(encoding="utf-8")
    assert written.endswith("photo:\n  file: media/hop-bao-anh.jpg\n  alt:\n    vi: Quang cảnh lễ công bố\n")

    address = f"{editor.url}/qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/"
    html = wait_for_page(address, "photo-360.webp 360w")
    assert 'alt="Quang cảnh lễ công bố"' in html
    with urllib.request.urlopen(address + "photo-360.webp", timeout=30) as response:
        assert Image.open(io.BytesIO(response.read())).size == (360, 240)
    with urllib.request.urlopen(address.replace("/qd-", "/en/qd-") + "photo-720.jpg", timeout=30) as response:
        assert Image.open(io.BytesIO(response.read())).format == "JPEG"
    assert "photo-720.jpg" in fetch(f"{editor.url}/feed.xml")


def test_an_invalid_save_is_refused_with_the_projects_error_on_screen(editor, page) -> None:
    open_new_entry(page, editor)
    page.fill("#date-field-1", "01/02/2099")
    page.fill("#title-field-4", "Tin đặt ngày trong tương lai")
    page.wait_for_function("document.querySelector('#slug-field-2').value === 'tin-dat-ngay-trong-tuong-lai'")
    page.click("#draft-field-3")  # not a draft: a future date is then an error of the project's validator
    page.fill("#summary-field-5", "Tóm tắt.")
    page.fill("#body-field-6", "Nội dung.")
    choose_groups(page, "2.")
    save(page)
    message = toast_text(page)
    settled = """() => { const toast = document.querySelector('.Toastify__toast'), box = toast.getBoundingClientRect();
        return box.left >= 0 && box.right <= innerWidth && getComputedStyle(toast).opacity === '1'; }"""
    page.wait_for_function(settled, timeout=10_000)  # slid in whole, to be read
    page.screenshot(path=str(ARTIFACTS / "editor-refused-1280.png"))
    assert "API_ERROR" not in message
    assert message.startswith("Chưa lưu được: tin chưa được ghi (data/ không thay đổi) vì có lỗi: ")
    assert re.search(
        r"data/decisions/qd-166-2021/updates/2099-02-01-tin-dat-ngay-trong-tuong-lai\.yaml:\d+:\d+: date: "
        r"“Ngày” 01/02/2099 chưa tới \(hôm nay là \d\d/\d\d/\d{4}\): bật “Bản nháp” để soạn trước tin",
        message,
    )
    assert not (editor.updates_dir / "2099-02-01-tin-dat-ngay-trong-tuong-lai.yaml").exists()
    load_site(editor.data_dir)  # data/ is still valid

    page.goto(f"{editor.url}/qd-166-2021/")
    assert page.locator("h1").inner_text() == "Chưa xem trước được: dữ liệu có lỗi"
    assert re.search(r"2099-02-01-tin-dat-ngay-trong-tuong-lai\.yaml:\d+:\d+", page.inner_text("main"))
    assert "“Ngày” 01/02/2099 chưa tới" in page.inner_text("main")  # the page's language
    page.goto(f"{editor.url}/en/qd-166-2021/")
    assert page.locator("h1").inner_text() == "No preview yet: the data has errors"
    assert "2099-02-01 is in the future" in page.inner_text("main")


def test_deleting_asks_first_then_removes_the_file(editor, page) -> None:
    asked: list[str] = []
    page.on("dialog", lambda dialog: asked.append(dialog.message))
    page.goto(f"{editor.url}/admin/#/collections/{COLLECTION}/entries/{NEW_FILE.removesuffix('.yaml')}")
    page.wait_for_selector("#title-field-4", timeout=60_000)
    page.get_by_text("Xoá tin", exact=True).click()
    deadline = time.monotonic() + 30
    while (editor.updates_dir / NEW_FILE).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert asked and "Xoá hẳn tin này" in asked[0]
    assert not (editor.updates_dir / NEW_FILE).exists()
    assert [u.slug for u in load_site(editor.data_dir).decisions[0].updates] == ["ban-hanh-quyet-dinh"]


def test_no_request_left_127_0_0_1(editor, requests_seen) -> None:
    assert requests_seen, "the tests above recorded no request"
    # data: and this page's own blob: addresses (an upload read back) are in the browser's memory
    local = (editor.url + "/", "data:", f"blob:{editor.url}/")
    others = sorted({u for u in requests_seen if not u.startswith(local)})
    assert others == []


def test_the_real_data_folder_was_not_touched(editor) -> None:
    assert editor.data_dir.resolve() != (PROJECT / "data").resolve()
    real = yaml.safe_load((PROJECT / "data" / UPDATES / EXISTING).read_text(encoding="utf-8"))
    assert real["title"]["en"] == "Lạng Sơn Provincial People's Committee issues Decision No. 166/QĐ-UBND"
