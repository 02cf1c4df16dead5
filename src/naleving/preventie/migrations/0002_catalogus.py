# SPDX-License-Identifier: EUPL-1.2
"""The first catalogue of obligations, in plain Dutch (B1), per law.

Every entry names its legal basis. Where the article or lid could not be checked against the current official
text, `onzeker` is set: the functioneel beheerder sees that mark and confirms or corrects the text (domain.md:
UNCERTAIN values are data, never hidden). Texts valid from 1-1-2015 (Participatiewet in force); the gifts rule
has a second version from 1-1-2026 (Participatiewet in balans, phase 1).
"""

from datetime import date

from django.db import migrations

START = date(2015, 1, 1)
BALANS = date(2026, 1, 1)

METEEN = "Meteen, zodra u het weet. Wacht niet tot het volgende gesprek of de volgende controle."
VOORAF = "Vóórdat het gebeurt. Weet u het pas later? Geef het dan meteen door."
HOE = (
    "Via de pagina 'Wijziging doorgeven' op de website, aan de balie, of bij uw inkomensconsulent. "
    "U krijgt altijd een ontvangstbewijs. Bewaar dat goed."
)
MAANDELIJKS = "Elke maand, zodra u de loonstrook heeft."

# (code, wet, onderwerp, titel, wat, wanneer, grondslag, onzeker, voorwaarde)
ITEMS = [
    # --- Participatiewet ---------------------------------------------------------------------------------------
    ("pw-werk-inkomen", "PW", "werk_inkomen", "Werk en inkomen",
     "U gaat werken of u stopt met werken. U werkt meer of minder uren. U krijgt ander inkomen, zoals een andere "
     "uitkering, alimentatie of geld voor klussen. Ook kleine bedragen en zwart werk moet u doorgeven.",
     METEEN, "PW art. 17 lid 1; PW art. 31 en 32 (middelen en inkomen)", False, "altijd"),
    ("pw-loonstrook", "PW", "werk_inkomen", "Uw loonstrook",
     "U heeft werk. Lever elke maand uw loonstrook in, ook als uw loon niet veranderd is.",
     MAANDELIJKS, "PW art. 17 lid 1", False, "werk"),
    ("pw-huishouden", "PW", "wonen_huishouden", "Wie er bij u woont",
     "Iemand komt bij u wonen of gaat weg. Ook als iemand maar een tijdje bij u woont of vaak bij u slaapt. "
     "U gaat trouwen of scheiden.",
     METEEN, "PW art. 17 lid 1; PW art. 3 (gezamenlijke huishouding)", False, "altijd"),
    ("pw-adres", "PW", "wonen_huishouden", "Verhuizen of een ander adres",
     "U verhuist, ook binnen de gemeente. U woont een tijd ergens anders. U gaat naar een opvang of instelling.",
     VOORAF, "PW art. 17 lid 1; PW art. 40 lid 1 (woonplaats)", False, "altijd"),
    ("pw-samenwonen", "PW", "wonen_huishouden", "Als u gaat samenwonen",
     "U heeft een relatie en u woont (een deel van de week) samen, of u zorgt voor elkaar. Dan krijgt u samen "
     "één uitkering. Twijfelt u? Vraag het ons.",
     METEEN, "PW art. 17 lid 1; PW art. 3 lid 3 en 4 (gezamenlijke huishouding)", False, "geen_partner"),
    ("pw-partner", "PW", "wonen_huishouden", "Veranderingen bij uw partner",
     "Uw partner gaat werken of krijgt ander inkomen. Uw partner gaat uit huis of naar het buitenland. "
     "U en uw partner gaan uit elkaar. Alles wat voor u geldt, geldt ook voor uw partner.",
     METEEN, "PW art. 17 lid 1; PW art. 11 lid 1 (recht op bijstand voor het gezin)", True, "partner"),
    ("pw-kinderen", "PW", "wonen_huishouden", "Veranderingen bij uw kinderen",
     "Een kind gaat uit huis of komt bij u wonen. Een kind wordt 18 of 27 jaar, gaat werken of krijgt "
     "studiefinanciering.",
     METEEN, "PW art. 17 lid 1; PW art. 22a (kostendelersnorm)", False, "kinderen"),
    ("pw-kostendeler", "PW", "wonen_huishouden", "Iemand anders woont bij u",
     "De volwassene met wie u de woning deelt gaat weg, of er komt iemand bij. Dat verandert de hoogte van uw "
     "uitkering (kostendelersnorm, voor huisgenoten van 27 jaar en ouder).",
     METEEN, "PW art. 17 lid 1; PW art. 22a (kostendelersnorm)", False, "kostendeler"),
    ("pw-vermogen", "PW", "vermogen", "Geld en bezit",
     "U krijgt geld op uw rekening of spaarrekening, een erfenis, een schadevergoeding of een prijs. U koopt of "
     "verkoopt een auto, een huis of iets anders van waarde. Ook geld of bezit in het buitenland telt mee.",
     METEEN, "PW art. 17 lid 1; PW art. 34 (vermogen)", False, "altijd"),
    ("pw-giften", "PW", "giften", "Giften en geld van anderen",
     "U krijgt geld van familie, vrienden of een organisatie, of iemand betaalt rekeningen voor u. Ook als het "
     "een lening is. Wij bekijken of u het mag houden.",
     METEEN, "PW art. 17 lid 1; PW art. 31 lid 2 onder m (giften)", False, "altijd"),
    ("pw-buitenland", "PW", "buitenland", "Naar het buitenland",
     "U gaat naar het buitenland, ook voor vakantie of familiebezoek. U mag ongeveer 4 weken per jaar in het "
     "buitenland zijn en uw uitkering houden. Bent u langer weg? Dan krijgt u over die tijd geen uitkering.",
     VOORAF + " Geef de datum van vertrek en van terugkomst door.",
     "PW art. 17 lid 1; PW art. 13 lid 1 onder e (verblijf buiten Nederland)", True, "altijd"),
    ("pw-opleiding", "PW", "opleiding", "School en studie",
     "U wilt een opleiding of cursus beginnen, of u stopt ermee. Niet elke opleiding past bij een "
     "bijstandsuitkering. Vraag het ons eerst.",
     VOORAF, "PW art. 17 lid 1; PW art. 13 lid 2 onder c (studie)", True, "altijd"),
    ("pw-detentie", "PW", "detentie", "Als u vastzit",
     "U wordt opgepakt en moet in voorarrest, of u moet naar de gevangenis. Zolang u vastzit, heeft u geen recht "
     "op bijstand. Iemand anders mag dit voor u doorgeven.",
     METEEN, "PW art. 17 lid 1; PW art. 13 lid 1 onder a (vrijheidsontneming)", False, "altijd"),
    ("pw-meewerken", "PW", "meewerken", "Meewerken en werk zoeken",
     "Kom naar afspraken en geef de papieren die wij vragen. Zoek werk, neem passend werk aan en schrijf u in "
     "bij een uitzendbureau als wij dat vragen. U reist tot 3 uur per dag voor werk.",
     "Altijd, zolang u een uitkering heeft. Kunt u niet naar een afspraak? Bel ons van tevoren.",
     "PW art. 17 lid 2 (medewerkingsplicht); PW art. 9 en art. 18 lid 4 (arbeidsverplichtingen)", True, "altijd"),
    # --- IOAW --------------------------------------------------------------------------------------------------
    ("ioaw-werk-inkomen", "IOAW", "werk_inkomen", "Werk en inkomen",
     "U gaat werken of u stopt met werken. U werkt meer of minder uren. U krijgt ander inkomen, zoals een "
     "pensioen, een andere uitkering of geld voor klussen.",
     METEEN, "IOAW art. 13 lid 1", False, "altijd"),
    ("ioaw-loonstrook", "IOAW", "werk_inkomen", "Uw loonstrook",
     "U heeft werk. Lever elke maand uw loonstrook in, ook als uw loon niet veranderd is.",
     MAANDELIJKS, "IOAW art. 13 lid 1", False, "werk"),
    ("ioaw-huishouden", "IOAW", "wonen_huishouden", "Wie er bij u woont",
     "Iemand komt bij u wonen of gaat weg. U gaat samenwonen, trouwen of scheiden. U verhuist.",
     METEEN, "IOAW art. 13 lid 1; IOAW art. 3 (gezamenlijke huishouding)", True, "altijd"),
    ("ioaw-partner", "IOAW", "werk_inkomen", "Inkomen van uw partner",
     "Het inkomen van uw partner telt mee voor de IOAW. Geef door als uw partner gaat werken, meer of minder "
     "verdient, of een uitkering of pensioen krijgt.",
     METEEN, "IOAW art. 13 lid 1", False, "partner"),
    ("ioaw-bezit", "IOAW", "vermogen", "Inkomsten uit bezit",
     "Uw spaargeld telt niet mee voor de IOAW. Geef wel door als u inkomsten krijgt uit bezit, bijvoorbeeld huur "
     "van een woning die u verhuurt.",
     METEEN, "IOAW art. 13 lid 1; IOAW art. 8 (inkomen)", True, "altijd"),
    ("ioaw-buitenland", "IOAW", "buitenland", "Naar het buitenland",
     "U gaat naar het buitenland, ook voor vakantie. Geef door wanneer u vertrekt en terugkomt.",
     VOORAF, "IOAW art. 13 lid 1", False, "altijd"),
    ("ioaw-detentie", "IOAW", "detentie", "Als u vastzit",
     "U moet in voorarrest of naar de gevangenis. Geef dit door; iemand anders mag dit voor u doen.",
     METEEN, "IOAW art. 13 lid 1", False, "altijd"),
    ("ioaw-meewerken", "IOAW", "meewerken", "Meewerken en werk zoeken",
     "Kom naar afspraken, geef de papieren die wij vragen en neem passend werk aan.",
     "Altijd, zolang u een uitkering heeft.", "IOAW art. 13 lid 2; IOAW art. 37 (verplichtingen)", True,
     "altijd"),
    # --- IOAZ --------------------------------------------------------------------------------------------------
    ("ioaz-werk-inkomen", "IOAZ", "werk_inkomen", "Werk en inkomen",
     "U gaat in loondienst werken of u stopt ermee. U krijgt ander inkomen, zoals pensioen of een andere "
     "uitkering.",
     METEEN, "IOAZ art. 13 lid 1", False, "altijd"),
    ("ioaz-loonstrook", "IOAZ", "werk_inkomen", "Uw loonstrook",
     "U heeft werk. Lever elke maand uw loonstrook in, ook als uw loon niet veranderd is.",
     MAANDELIJKS, "IOAZ art. 13 lid 1", False, "werk"),
    ("ioaz-bedrijf", "IOAZ", "bedrijf", "Weer zelfstandig werken",
     "U krijgt IOAZ omdat u uw bedrijf heeft beëindigd. Geef door als u weer opdrachten doet, een bedrijf begint "
     "of nog geld krijgt uit uw oude bedrijf.",
     VOORAF, "IOAZ art. 13 lid 1", False, "altijd"),
    ("ioaz-huishouden", "IOAZ", "wonen_huishouden", "Wie er bij u woont",
     "Iemand komt bij u wonen of gaat weg. U gaat samenwonen, trouwen of scheiden. U verhuist.",
     METEEN, "IOAZ art. 13 lid 1", False, "altijd"),
    ("ioaz-partner", "IOAZ", "werk_inkomen", "Inkomen van uw partner",
     "Het inkomen van uw partner telt mee voor de IOAZ. Geef door als dat verandert.",
     METEEN, "IOAZ art. 13 lid 1", False, "partner"),
    ("ioaz-buitenland", "IOAZ", "buitenland", "Naar het buitenland",
     "U gaat naar het buitenland, ook voor vakantie. Geef door wanneer u vertrekt en terugkomt.",
     VOORAF, "IOAZ art. 13 lid 1", False, "altijd"),
    ("ioaz-detentie", "IOAZ", "detentie", "Als u vastzit",
     "U moet in voorarrest of naar de gevangenis. Geef dit door; iemand anders mag dit voor u doen.",
     METEEN, "IOAZ art. 13 lid 1", False, "altijd"),
    # --- Bbz 2004 (bijstand voor zelfstandigen; de inlichtingenplicht van de PW geldt) ------------------------
    ("bbz-bedrijfscijfers", "BBZ", "bedrijf", "Omzet, winst en jaarcijfers",
     "Lever uw jaarcijfers en uw aangifte inkomstenbelasting in. Geef meteen door als uw omzet of winst veel "
     "hoger of lager wordt dan u verwachtte.",
     "Elk jaar, en meteen bij een grote verandering.", "PW art. 17 lid 1; Bbz 2004 (vaststelling inkomen)", True,
     "altijd"),
    ("bbz-bedrijf-stoppen", "BBZ", "bedrijf", "Stoppen of veranderen van uw bedrijf",
     "U stopt met uw bedrijf, verkoopt het, begint een ander bedrijf of neemt iemand in dienst.",
     VOORAF, "PW art. 17 lid 1; Bbz 2004", True, "altijd"),
    ("bbz-werk-inkomen", "BBZ", "werk_inkomen", "Ander inkomen",
     "U krijgt inkomen naast uw bedrijf, bijvoorbeeld uit loondienst of een andere uitkering.",
     METEEN, "PW art. 17 lid 1", False, "altijd"),
    ("bbz-bedrijfsvermogen", "BBZ", "vermogen", "Geld en bezit van uw bedrijf",
     "U koopt of verkoopt bedrijfsmiddelen zoals een bus, machines of voorraad, of u leent geld voor uw bedrijf.",
     METEEN, "PW art. 17 lid 1; Bbz 2004 (vermogen)", True, "altijd"),
    ("bbz-huishouden", "BBZ", "wonen_huishouden", "Wie er bij u woont",
     "Iemand komt bij u wonen of gaat weg. U gaat samenwonen, trouwen of scheiden. U verhuist.",
     METEEN, "PW art. 17 lid 1; PW art. 3 (gezamenlijke huishouding)", False, "altijd"),
    ("bbz-partner", "BBZ", "werk_inkomen", "Inkomen van uw partner",
     "Het inkomen van uw partner telt mee. Geef door als uw partner gaat werken of ander inkomen krijgt.",
     METEEN, "PW art. 17 lid 1", False, "partner"),
    ("bbz-buitenland", "BBZ", "buitenland", "Naar het buitenland",
     "U gaat naar het buitenland, ook voor uw bedrijf. Geef door wanneer u vertrekt en terugkomt.",
     VOORAF, "PW art. 17 lid 1; PW art. 13 lid 1 onder e", True, "altijd"),
    ("bbz-detentie", "BBZ", "detentie", "Als u vastzit",
     "U moet in voorarrest of naar de gevangenis. Geef dit door; iemand anders mag dit voor u doen.",
     METEEN, "PW art. 17 lid 1; PW art. 13 lid 1 onder a", False, "altijd"),
]

GIFTEN_2026 = (
    "U krijgt geld van familie, vrienden of een organisatie, of iemand betaalt rekeningen voor u. Sinds "
    "1 januari 2026 mag u per jaar een bedrag aan giften houden zonder dat uw uitkering lager wordt. Geef toch "
    "iedere gift door: wij houden bij hoeveel u dit jaar al kreeg."
)


def load(apps, schema_editor):
    Verplichting = apps.get_model("preventie", "Verplichting")
    for volgorde, (code, wet, onderwerp, titel, wat, wanneer, grondslag, onzeker, voorwaarde) in enumerate(ITEMS):
        Verplichting.objects.create(
            code=code, versie=1, wet=wet, onderwerp=onderwerp, titel=titel, wat=wat, wanneer=wanneer, hoe=HOE,
            grondslag=grondslag, grondslag_onzeker=onzeker, voorwaarde=voorwaarde, geldig_vanaf=START,
            geldig_tot=date(2025, 12, 31) if code == "pw-giften" else None, volgorde=(volgorde + 1) * 10,
        )
    eerste = Verplichting.objects.get(code="pw-giften", versie=1)
    Verplichting.objects.create(
        code="pw-giften", versie=2, wet="PW", onderwerp="giften", titel=eerste.titel, wat=GIFTEN_2026,
        wanneer=METEEN, hoe=HOE, voorwaarde="altijd", volgorde=eerste.volgorde, geldig_vanaf=BALANS,
        grondslag="PW art. 17 lid 1; PW art. 31 lid 2 onder m, zoals gewijzigd door de Participatiewet in balans",
        grondslag_onzeker=True,
    )


def unload(apps, schema_editor):
    apps.get_model("preventie", "Verplichting").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("preventie", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
