"""Short files in the Central European, Turkish and Baltic code pages decode to the text that was written."""

from __future__ import annotations

import pytest

from briefing.extract.decode import decode_bytes

# News sentences as a wire service in each country might file them, with the code pages they are saved in.
NEWS = [
    ("pl", ("cp1250", "iso8859-2"),
     "Minister przemysłu powiedział w poniedziałek, że huta w Krakowie zostanie ponownie uruchomiona."),
    ("pl", ("cp1250", "iso8859-2"),
     "Premier zapowiedział, że podatek od nadmiarowych zysków spółek energetycznych zostanie zniesiony."),
    ("pl", ("cp1250", "iso8859-2"),
     "Związki zawodowe przyjęły decyzję rządu z ulgą, ale ostrzegły przed zwolnieniami na Śląsku."),
    ("cs", ("cp1250", "iso8859-2"),
     "Ministr průmyslu v pondělí řekl, že ocelárna v Ostravě znovu zahájí výrobu příští rok."),
    ("cs", ("cp1250", "iso8859-2"),
     "Česká národní banka ve čtvrtek ponechala základní úrokovou sazbu beze změny."),
    ("cs", ("cp1250", "iso8859-2"),
     "Podle mluvčího ministerstva potrvají jednání s investory z Jižní Koreje do konce června."),
    ("sk", ("cp1250", "iso8859-2"),
     "Podľa hovorcu ministerstva budú rokovania s investormi pokračovať do konca júna."),
    ("hu", ("cp1250", "iso8859-2"),
     "A minisztérium szóvivője szerint a tárgyalások június végéig folytatódnak a befektetőkkel."),
    ("hr", ("cp1250", "iso8859-2"),
     "Ministar gospodarstva u ponedjeljak je rekao da će željezara u Sisku ponovno pokrenuti proizvodnju."),
    ("tr", ("cp1254", "iso8859-9"),
     "Sanayi Bakanı pazartesi günü yaptığı açıklamada, çelik fabrikasının yeniden üretime başlayacağını söyledi."),
    ("tr", ("cp1254", "iso8859-9"),
     "Merkez Bankası perşembe günü politika faizini yüzde elli seviyesinde sabit tuttu."),
    ("tr", ("cp1254", "iso8859-9"),
     "İstanbul'da düzenlenen toplantıya Dışişleri Bakanı da katıldı."),
    ("lt", ("cp1257", "iso8859-13"),
     "Pramonės ministras pirmadienį pareiškė, kad plieno gamykla Klaipėdoje vėl pradės gamybą."),
    ("lt", ("cp1257", "iso8859-13"),
     "Lietuvos bankas ketvirtadienį paskelbė, kad infliacija šiais metais sulėtės."),
    ("lv", ("cp1257", "iso8859-13"),
     "Rūpniecības ministrs pirmdien paziņoja, ka tērauda rūpnīca Liepājā nākamgad atsāks ražošanu."),
    ("lv", ("cp1257", "iso8859-13"),
     "Arodbiedrības atzinīgi novērtēja valdības lēmumu, taču brīdināja par darbinieku atlaišanu."),
    ("et", ("cp1257", "iso8859-13"),
     "Ametiühingud tervitasid valitsuse otsust, kuid hoiatasid võimalike koondamiste eest."),
]
CASES = [(lang, page, text) for lang, pages, text in NEWS for page in pages]
IDS = [f"{lang}-{page}-{text[:12]}" for lang, page, text in CASES]
# Below this many characters a reading is a guess: "Pēc ministri" (12 bytes) reads as Latvian in cp1257
# and as "Pçc ministri" in cp1252, "Naïve résumé: the fa" as English in cp1252 and "Naļve" in cp1257, with
# too few letter pairs to tell which the writer meant. Both sides are checked from here on.
SHORTEST_TOLD_APART = 25


@pytest.mark.parametrize(("lang", "page", "text"), CASES, ids=IDS)
def test_a_news_sentence_in_its_legacy_code_page_decodes_to_what_was_written(lang, page, text):
    decoded, found = decode_bytes(text.encode(page))
    assert decoded == text
    assert found not in ("cp1252", "latin-1")


@pytest.mark.parametrize(("lang", "page", "text"), CASES, ids=IDS)
def test_the_opening_words_alone_decode_right_from_the_shortest_length_told_apart(lang, page, text):
    for length in range(SHORTEST_TOLD_APART, len(text) + 1):
        head = text[:length]
        assert decode_bytes(head.encode(page))[0] == head, head


@pytest.mark.parametrize(("text", "page"), [
    ("Premier zapowiedział zniesienie podatku. Wałęsa i Łódź też.", "cp1250"),
    ("Premier zapowiedział, że Wisłą popłynie węgiel do Gdańska.", "iso8859-2"),
    ("\u201cSanayi Bakanı İzmir'de konuştu,\u201d dedi sözcü.", "cp1254"),
    ("Sanayi Bakanı İzmir'de konuştu.", "iso8859-9"),  # no byte in 0x80-0x9F: both read it, ISO is narrower
], ids=["polish-windows", "polish-iso", "turkish-windows", "turkish-iso"])
def test_the_code_page_found_is_named_on_the_result(text, page):
    assert decode_bytes(text.encode(page)) == (text, page)


WESTERN_NEWS = [
    "Naïve résumé: the façade of the Zürich hôtel costs £3m.",
    "He met José Ramón Núñez in Bogotá on Monday, the ministry said.",
    "Le ministre de l’Industrie a déclaré lundi que l’aciérie reprendrait sa production.",
    "Die Gewerkschaften begrüßten die Entscheidung der Regierung, warnten aber vor Entlassungen.",
    "Industriministern sade på måndagen att stålverket i Luleå återupptar produktionen.",
]


@pytest.mark.parametrize("text", WESTERN_NEWS, ids=[t[:20] for t in WESTERN_NEWS])
def test_the_opening_words_of_a_western_line_stay_cp1252_from_the_shortest_length_told_apart(text):
    for length in range(SHORTEST_TOLD_APART, len(text) + 1):
        head = text[:length]
        assert decode_bytes(head.encode("cp1252"))[0] == head, head
