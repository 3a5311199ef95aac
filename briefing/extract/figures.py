"""Money, percentages and counted quantities, found with one compiled pattern: what makes a fact a figure."""

from __future__ import annotations

import re

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:[ ]?(?:trillion|billion|million|thousand|crore|lakh|bn|mn|tn|m|b|k)\b)"
_CURRENCY_BEFORE = r"(?:Rs\.?|PKR|INR|USD|US\$|\$|€|£|¥|EUR|GBP|RMB|CNY|AED|SAR|Dh|RUB)"
_CURRENCY_AFTER = r"(?:dollars|rupees|euros|pounds|yuan|roubles|rubles|riyals|dirhams|yen)"
_UNITS = (r"(?:(?:metric[ ])?(?:tonnes|tons)|MW|GW|kW|kWh|MWh|megawatts|barrels|kilometres|kilometers|km|"
          r"acres|hectares|people|persons|workers|employees|jobs|units|vehicles|containers|passengers|"
          r"students|delegates|members|companies|firms|projects|mills|factories|plants|visitors|tourists|"
          r"homes|houses|families|deaths|casualties|cases|countries|investors)")

FIGURE_PATTERN = re.compile(
    r"(?=[\dA-Z$€£¥])(?:"  # one cheap test rejects most positions
    rf"(?P<money>(?<![\w$]){_CURRENCY_BEFORE}[ ]?{_NUM}{_SCALE}?|\b{_NUM}{_SCALE}?[ ]{_CURRENCY_AFTER}\b)"
    rf"|(?P<percent>\b{_NUM}[ ]?(?:%|per[ ]?cent\b|percent\b|pct\b|pc\b))"
    rf"|(?P<quantity>\b{_NUM}(?:{_SCALE}[ ]{_UNITS}\b|[ ]{_UNITS}\b|[ ](?:trillion|billion|million)\b))"
    r")"
)


def find_figures(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` for every money, percent or quantity in ``text[start:end]``."""
    return [(m.start(), m.end(), m.lastgroup or "quantity") for m in FIGURE_PATTERN.finditer(text, start, end)]
