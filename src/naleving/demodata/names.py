# SPDX-License-Identifier: EUPL-1.2
"""Word lists for synthetic people and addresses. Combined at random they name nobody in particular.

Streets are common Dutch street names; the places and postcode areas are those of the three municipalities,
so the demo looks familiar to staff without describing a real household.
"""

VOORNAMEN = (
    "Anna Emma Sophie Julia Lotte Sanne Fleur Lisa Eva Noor Tess Sara Lieke Femke Iris Maria Fatima Aisha "
    "Yasmina Hanna Ilse Inge Marieke Petra Ingrid Monique Karin Sandra Anouk Esther Nicole Linda Chantal "
    "Wendy Natasha Olga Ewa Agnieszka Leyla Zeynep Amira Mila Nora Roos Evi Jasmijn Patricia Yvonne "
    "Daan Sem Lucas Levi Finn Milan Thijs Jesse Bram Ruben Tim Jeroen Mark Dennis Kevin Martijn Bas Peter "
    "Johan Kees Henk Gerrit Willem Hendrik Jan Piet Ahmed Mohamed Youssef Omar Hamza Mehmet Emre Piotr "
    "Tomasz Andrei Joao Carlos Kofi Samir Bilal Rachid Stefan Frank Erik Rob Paul Marco Ricardo Sven Luuk"
).split()

ACHTERNAMEN = (
    "Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer Mulder de_Groot Bos "
    "Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits de_Graaf van_der_Meer van_der_Linden "
    "Kok Jacobs de_Haan Vermeulen van_den_Heuvel van_der_Veen van_den_Broek de_Bruijn de_Bruin van_der_Heijden "
    "Schouten van_Beek Willems van_Vliet van_de_Ven Hoekstra Maas Verhoeven Koster van_Dam van_der_Wal Prins "
    "Blom Huisman Peeters de_Jong van_Wijk Kuipers van_Loon Verbeek Martens Timmermans van_Gils Aerts "
    "Schellekens van_Hulten Verhagen Donkers Coolen van_Dongen Kuijpers Vissers Bogaerts Maes Wouters "
    "El_Amrani Bouzid Yilmaz Kaya Demir Aydin Ozturk Nowak Kowalski Wisniewski Popescu Silva Mensah "
    "Ramdin Sardjoe Baldewsingh Rosario Martina Pinas Haddou Benali Tahiri Ait_Lahcen"
).split()

STRATEN = (
    "Kerkstraat Molenstraat Schoolstraat Stationsstraat Dorpsstraat Grotestraat Nieuwstraat Julianastraat "
    "Beatrixstraat Wilhelminastraat Emmastraat Irenestraat Oranjestraat Prins_Bernhardstraat Lindenlaan "
    "Eikenlaan Berkenlaan Beukenlaan Kastanjelaan Populierenlaan Vlasakker Hoefstraat Akkerstraat "
    "Meidoornstraat Merelstraat Lijsterstraat Zwaluwstraat Mussenstraat Tulpstraat Rozenstraat Anjerstraat "
    "Sportlaan Parklaan Burgemeester_Smitsstraat Vincent_van_Goghstraat Rembrandtlaan Vondelstraat "
    "Heuvelstraat Veldstraat Kloosterstraat Torenstraat Marktstraat Havenstraat Dijkstraat Wielstraat"
).split()

#: municipality -> (CBS code, share of the caseload, [(place, first postcode number, last postcode number)])
GEMEENTEN = {
    "Waalwijk": ("0867", 0.42, [("Waalwijk", 5141, 5146), ("Sprang-Capelle", 5161, 5162), ("Waspik", 5165, 5165)]),
    "Heusden": (
        "0797",
        0.38,
        [("Drunen", 5151, 5152), ("Vlijmen", 5251, 5251), ("Nieuwkuijk", 5253, 5253), ("Heusden", 5256, 5256),
         ("Oudheusden", 5156, 5156), ("Elshout", 5154, 5154)],
    ),
    "Loon op Zand": ("0809", 0.20, [("Kaatsheuvel", 5171, 5172), ("Loon op Zand", 5175, 5175), ("De Moer", 5176, 5176)]),
}

CONTACT_ONDERWERPEN = (
    ("Aanvraag besproken", "Aanvraag doorgenomen; rechten en plichten uitgelegd, folder meegegeven."),
    ("Wijziging doorgegeven", "Cliënt geeft een wijziging in inkomsten door. Ontvangst bevestigd."),
    ("Vraag over inkomsten", "Vraag over het doorgeven van inkomsten uit parttime werk beantwoord."),
    ("Periodiek gesprek", "Periodiek gesprek over de situatie; geen wijzigingen volgens cliënt."),
    ("Vakantie gemeld", "Cliënt meldt verblijf in het buitenland van twee weken. Uitgelegd wat de regels zijn."),
    ("Bijzondere bijstand", "Vraag over bijzondere bijstand voor een wasmachine; aanvraagformulier gestuurd."),
    ("Schuldhulp", "Cliënt heeft betalingsachterstanden; warme overdracht naar schuldhulpverlening besproken."),
    ("Gezinssituatie", "Cliënt vertelt dat een meerderjarig kind weer thuis woont. Kostendelersnorm uitgelegd."),
    ("Bankafschriften", "Bankafschriften ontvangen voor de heronderzoeksperiode."),
    ("Werk en re-integratie", "Gesprek over sollicitaties en een werkervaringsplek bij een plaatselijk bedrijf."),
)

#: Illustrative monthly norms in cents for the demo, by household type; NOT the legal figures (those change twice
#: a year and are set per case by the consultant).
DEMO_NORM_CENT = {"alleenstaand": 140_000, "alleenstaande_ouder": 140_000, "gehuwd": 200_000, "kostendeler": 100_000}
