from __future__ import annotations

import datetime
import os

from datafixtures import write_data
from sitegen.content.validate import load_site
from sitegen.publish.reproducible import ENV_VAR, latest_date, pin_build_date, source_date_epoch


def test_the_latest_date_anywhere_in_the_model_is_found(tmp_path) -> None:
    site = load_site(write_data(tmp_path))
    assert latest_date(site) == datetime.date(2030, 2, 3)
    assert source_date_epoch(site) == int(datetime.datetime(2030, 2, 3, tzinfo=datetime.UTC).timestamp())


def test_pinning_sets_source_date_epoch(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, "123")  # the data wins over whatever was set before
    epoch = pin_build_date(load_site(write_data(tmp_path)))
    assert os.environ[ENV_VAR] == str(epoch) == "1896307200"  # 2030-02-03T00:00Z


def test_no_date_means_the_epoch() -> None:
    assert latest_date(()) is None and source_date_epoch(()) == 0


def test_the_epoch_fits_a_gzip_header_whatever_the_date() -> None:
    assert source_date_epoch((datetime.date(1900, 1, 1),)) == 0
    assert source_date_epoch((datetime.date(2200, 1, 1),)) == 2**32 - 1
