"""The intake fields every campaign's nominee sheets have, by key, for criteria to refer to.

The intake schema defines these columns (headers, types, widths); the campaign only needs their
keys to check a criterion's field on load. A test keeps both lists equal.
"""

from __future__ import annotations

COLLECTIVE_FIELDS = (
    "ten",
    "doi_tuong",
    "cap_de_nghi",
    "thu_truong",
    "chuc_vu_thu_truong",
    "tru_so",
    "dien_thoai",
    "so_nguoi",
    "dac_diem",
    "chuc_nang",
    "thanh_tich",
    "bien_phap",
    "chinh_sach",
    "doan_the",
)
INDIVIDUAL_FIELDS = (
    "ho_ten",
    "gioi_tinh",
    "ngay_sinh",
    "que_quan",
    "tru_quan",
    "chuc_vu",
    "don_vi",
    "doi_tuong",
    "cap_de_nghi",
    "trinh_do",
    "ly_luan_chinh_tri",
    "hoc_ham",
    "nhiem_vu",
    "thanh_tich",
    "sang_kien_ten",
    "sang_kien_cap",
    "sang_kien_so_qd",
    "sang_kien_ngay_qd",
)
BASE_FIELD_KEYS = frozenset(COLLECTIVE_FIELDS + INDIVIDUAL_FIELDS)
