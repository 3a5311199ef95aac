"""Place names (countries, cities of 100,000+, US states, regions) as one dict; demonyms map to their country separately.

The GeoNames part ships as a small table (``place_table``, about 5 ms to read, once per process); names are
looked up per capitalised word run, never scanned per sentence.
"""

from __future__ import annotations

import functools

from briefing.extract.place_table import read_place_table

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
    "North America|South America|Eurasia|Caucasus|Balkans|Scandinavia|Arabian Sea|Indian Ocean|West Bank|"
    "Gaza Strip|Gaza|Golan Heights|Kurdistan|Donbas|Sahel|Horn of Africa|Western Europe|Eastern Europe|"
    "Central Europe|Northern Europe|Southern Europe|West Africa|East Africa|North Africa|Southern Africa|"
    "Central America|Caribbean|Antarctica|Mediterranean|Black Sea|Red Sea|South China Sea|Taiwan Strait|"
    "Strait of Hormuz|Gulf of Mexico|Oceania|Scotland|Wales|Northern Ireland"
).split("|")

# AP-style state abbreviations in datelines and "Ruston, La.": only with their full stop, so never a word.
US_STATE_ABBREVIATIONS = dict(pair.split("=") for pair in (
    "Ala.=Alabama|Ariz.=Arizona|Ark.=Arkansas|Calif.=California|Colo.=Colorado|Conn.=Connecticut|Del.=Delaware|"
    "Fla.=Florida|Ga.=Georgia|Ill.=Illinois|Ind.=Indiana|Kan.=Kansas|Ky.=Kentucky|La.=Louisiana|Md.=Maryland|"
    "Mass.=Massachusetts|Mich.=Michigan|Minn.=Minnesota|Miss.=Mississippi|Mo.=Missouri|Mont.=Montana|"
    "Neb.=Nebraska|Nev.=Nevada|N.H.=New Hampshire|N.J.=New Jersey|N.M.=New Mexico|N.Y.=New York|"
    "N.C.=North Carolina|N.D.=North Dakota|Okla.=Oklahoma|Ore.=Oregon|Pa.=Pennsylvania|R.I.=Rhode Island|"
    "S.C.=South Carolina|S.D.=South Dakota|Tenn.=Tennessee|Vt.=Vermont|Va.=Virginia|Wash.=Washington|"
    "W.Va.=West Virginia|Wis.=Wisconsin|Wyo.=Wyoming").split("|"))

# Two-letter postal codes: places only right after a town ("Houston, TX"), never looked up alone.
US_STATE_CODES = dict(pair.split("=") for pair in (
    "AL=Alabama|AK=Alaska|AZ=Arizona|AR=Arkansas|CA=California|CO=Colorado|CT=Connecticut|DE=Delaware|"
    "FL=Florida|GA=Georgia|HI=Hawaii|ID=Idaho|IL=Illinois|IN=Indiana|IA=Iowa|KS=Kansas|KY=Kentucky|"
    "LA=Louisiana|ME=Maine|MD=Maryland|MA=Massachusetts|MI=Michigan|MN=Minnesota|MS=Mississippi|MO=Missouri|"
    "MT=Montana|NE=Nebraska|NV=Nevada|NH=New Hampshire|NJ=New Jersey|NM=New Mexico|NY=New York|"
    "NC=North Carolina|ND=North Dakota|OH=Ohio|OK=Oklahoma|OR=Oregon|PA=Pennsylvania|RI=Rhode Island|"
    "SC=South Carolina|SD=South Dakota|TN=Tennessee|TX=Texas|UT=Utah|VT=Vermont|VA=Virginia|WA=Washington|"
    "WV=West Virginia|WI=Wisconsin|WY=Wyoming|DC=District of Columbia").split("|"))

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


@functools.lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Surface form -> canonical place name (a country for its aliases, e.g. "UK"); demonyms are not places."""
    shipped = read_place_table()
    table = dict(shipped.cities)
    table.update(shipped.states)
    table.update((region, region) for region in _REGIONS)
    table.update(shipped.countries)  # countries after cities and regions: they win over a same-named one
    table.update(_COUNTRY_ALIASES)
    table.update(US_STATE_ABBREVIATIONS)
    return table


def demonym_country(word: str) -> str | None:
    """``Russian`` -> ``Russia``; None for a word that is not a demonym."""
    return DEMONYMS.get(word)
