import pytest

from dvnlp.components.dates import find_dates, report_year


@pytest.mark.parametrize(
    "text,values",
    [
        ("Ngày 20/12/2022, hội nghị", ["2022-12-20"]),
        ("ngày 05 tháng 8 năm 2021", ["2021-08-05"]),
        ("trong tháng 6/2024", ["2024-06"]),
        ("Ngày 12/7/2023 khai mạc; ngày 22/6 bế mạc", ["2023-07-12", "2023-06-22"]),
        ("ngày 31/2/2023", [None]),
    ],
)
def test_dates_iso_values(text, values):
    assert [d["value"] for d in find_dates(text)] == values


def test_dates_partial_without_year_is_marked():
    (d,) = find_dates("họp ngày 22/6")
    assert d["rule"] == "partial_date_no_year" and d["value"] == "--06-22"


def test_dates_report_year():
    assert report_year("Ngày 20/12/2022 … năm 2023") == 2022
