# SPDX-License-Identifier: EUPL-1.2
"""Data minimisation at intake (AVG art. 5 lid 1 c; domain.md §9, SyRI 2020): a signal stores only
the extra fields of the allow-list of its source and product (signalen/extravelden.py). Over every
intake path: a characteristic of a person (nationality, gender, neighbourhood...) or any unknown
field is refused with a Dutch message, or, on the fixed forms, dropped; never stored, never
shown."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client as Browser
from django.urls import reverse

from naleving.signalen import views_publiek
from naleving.signalen.api import maak_partnertoken
from naleving.signalen.bestanden import Bestandsfout
from naleving.signalen.importeren import importeer
from naleving.signalen.models import Bron, Melding, Product, Signaal
from naleving.signalen.services import NieuwSignaal, signaal_maak

BSN = "999990019"
KERN_DATUM = date(2026, 2, 1)
KERN = {"extern_id": "IB-1", "product": "detentie", "bsn": BSN, "datum": "2026-02-01"}
TOEGESTAAN = {"bron_kenmerk": "SL1234567", "inrichting": "PI Vught", "einddatum": ""}
#: What the allow-list keeps of TOEGESTAAN: the empty value is not a delivered value.
OPGESLAGEN = {"bron_kenmerk": "SL1234567", "inrichting": "PI Vught"}
PROFIEL = {
    "nationaliteit": "Marokkaans",
    "geslacht": "vrouw",
    "wijk": "Zuidoost-7",
    "hobby": "vissen",
}
SPOOR = ("Marokkaans", "vrouw", "Zuidoost-7", "vissen")


@pytest.fixture(autouse=True)
def _fresh_limit():
    views_publiek.begrenzer.reset()


def _api(records, gemeenten):
    token = maak_partnertoken("Inlichtingenbureau")[1]
    antwoord = Browser().post(
        "/api/signalen/",
        json.dumps(records),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    return antwoord.status_code, antwoord.json()


def api_enkel(extra, gemeenten):
    return _api({**KERN, **extra}, gemeenten)


def api_lijst(extra, gemeenten):
    return _api([{**KERN, "extern_id": "IB-0"}, {**KERN, **extra}], gemeenten)


def csv_import(extra, gemeenten):
    kop = ",".join([*KERN, "omschrijving", *extra])
    rij = ",".join([*KERN.values(), "", *extra.values()])
    try:
        r = importeer(
            stream=io.BytesIO(f"{kop}\n{rij}\n".encode()),
            bestandsnaam="ib.csv",
            bron_naam="Inlichtingenbureau",
            user=None,
        )
    except Bestandsfout as exc:
        return "bestand", exc.bericht
    return r.nieuw, [(f.veld, f.probleem) for f in r.fouten]


def json_import(extra, gemeenten):
    r = importeer(
        stream=io.BytesIO(json.dumps([{**KERN, **extra}]).encode()),
        bestandsnaam="ib.json",
        bron_naam="Inlichtingenbureau",
        user=None,
    )
    return r.nieuw, [(f.veld, f.probleem) for f in r.fouten]


def publiek_formulier(extra, gemeenten):
    data = {
        "wat": "Er woont al maanden een man in.",
        "over_naam": "J. de Vries",
        "gemeente": gemeenten["Heusden"].pk,
        **extra,
    }
    antwoord = Browser().post(reverse("signalen:melden"), data)
    return antwoord.status_code, None


def collega_formulier(extra, gemeenten, make_user, make_client):
    ic = make_user("inkomensconsulent", "Waalwijk")
    client = make_client(consulent=ic, bsn=BSN)
    b = Browser()
    b.force_login(ic)
    antwoord = b.post(
        reverse("signalen:registreren", args=[client.clientnummer]),
        {"product": "detentie", "datum": "2026-01-10", "omschrijving": "Gezien.", **extra},
    )
    return antwoord.status_code, None


PADEN = [api_enkel, api_lijst, csv_import, json_import, publiek_formulier, collega_formulier]


def _lever(pad, extra, gemeenten, make_user, make_client):
    if pad is collega_formulier:
        return pad(extra, gemeenten, make_user, make_client)
    return pad(extra, gemeenten)


def _spoor_nergens() -> None:
    """Not in any stored signal or report, under any field."""
    opgeslagen = json.dumps(
        [
            list(Signaal.objects.values("payload", "omschrijving", "bron_naam")),
            list(Melding.objects.values("over_naam", "over_adres", "sinds", "melder_naam")),
        ]
    )
    for waarde in SPOOR:
        assert waarde not in opgeslagen


@pytest.mark.parametrize("pad", PADEN, ids=lambda p: p.__name__)
def test_profiling_and_unknown_fields_are_never_stored_on_any_intake_path(
    pad, gemeenten, make_user, make_client
) -> None:
    """The partner API refuses the call (400, every field named), a batch file its column or
    record; the fixed forms take only their own fields. Exactly this is stored afterwards."""
    uitkomst = _lever(pad, {**TOEGESTAAN, **PROFIEL}, gemeenten, make_user, make_client)
    payloads = list(Signaal.objects.order_by("pk").values_list("payload", flat=True))
    if pad in (api_enkel, api_lijst):
        status, body = uitkomst
        record = 1 if pad is api_enkel else 2
        assert status == 400
        assert [(f["record"], f["veld"]) for f in body["fouten"]] == [
            (record, "nationaliteit"),
            (record, "geslacht"),
            (record, "wijk"),
            (record, "hobby"),
        ]
        assert payloads == []
    elif pad is csv_import:
        assert uitkomst[0] == "bestand"
        assert uitkomst[1].startswith("Er is niets opgeslagen. De kolommen 'nationaliteit', ")
        assert "Deze kolommen kennen we niet: 'hobby'." in uitkomst[1]
        assert payloads == []
    elif pad is json_import:
        nieuw, fouten = uitkomst
        assert nieuw == 0
        assert [veld for veld, _ in fouten] == ["nationaliteit", "geslacht", "wijk", "hobby"]
        assert payloads == []
    else:
        assert uitkomst[0] in (200, 302)
        assert payloads == [{}]
    _spoor_nergens()


@pytest.mark.parametrize("pad", [api_enkel, api_lijst, csv_import, json_import])
def test_allowed_fields_are_stored_exactly_and_empty_ones_left_out(pad, gemeenten) -> None:
    _lever(pad, TOEGESTAAN, gemeenten, None, None)
    assert Signaal.objects.get(extern_id="IB-1").payload == OPGESLAGEN


def test_a_profiling_field_gets_the_message_that_says_why(db, gemeenten) -> None:
    status, body = api_enkel({"Nationaliteit_moeder": "NL"}, gemeenten)
    assert status == 400
    assert body["fouten"] == [
        {
            "record": 1,
            "veld": "Nationaliteit_moeder",
            "probleem": "Het veld 'Nationaliteit_moeder' nemen we niet aan. Naleving slaat geen "
            "nationaliteit, herkomst, taal, geslacht, wijk, woonvorm of gezondheid op: zulke "
            "kenmerken mogen nooit meewegen bij de keuze wie gecontroleerd wordt (uitspraak "
            "SyRI, rechtbank Den Haag 5 februari 2020) en zijn niet nodig om een signaal te "
            "controleren (AVG art. 5, alleen noodzakelijke gegevens). Laat dit veld weg.",
        }
    ]


def test_an_unknown_field_is_named_with_the_fields_that_are_accepted(db, gemeenten) -> None:
    status, body = api_enkel({"loon": "1200"}, gemeenten)
    assert (status, body["fouten"]) == (
        400,
        [
            {
                "record": 1,
                "veld": "loon",
                "probleem": "Het veld 'loon' kennen we niet bij product detentie. Extra velden "
                "die we aannemen: bron_kenmerk, inrichting, ingangsdatum, einddatum.",
            }
        ],
    )


def test_a_csv_column_of_another_product_may_stay_empty_but_not_be_filled(gemeenten) -> None:
    """The header may hold the columns of every product; a row fills only those of its own."""
    r = importeer(
        stream=io.BytesIO(
            (
                "extern_id,product,bsn,datum,omschrijving,inrichting,loon\n"
                f"D1,detentie,{BSN},2026-02-01,,PI Vught,\n"
                f"D2,detentie,{BSN},2026-02-01,,PI Vught,1200\n"
            ).encode()
        ),
        bestandsnaam="ib.csv",
        bron_naam="Inlichtingenbureau",
        user=None,
    )
    assert (r.nieuw, [(f.rij, f.veld) for f in r.fouten]) == (1, [(3, "loon")])
    assert Signaal.objects.get().payload == {"inrichting": "PI Vught"}


@pytest.mark.parametrize(
    "waarde", [{"nationaliteit": "NL"}, ["NL"], True], ids=["object", "lijst", "waar"]
)
def test_a_value_is_one_text_or_number_never_a_structure(db, gemeenten, waarde) -> None:
    """A nested value could carry any field past the list."""
    status, body = api_enkel({"bron_kenmerk": waarde}, gemeenten)
    assert (status, body["fouten"][0]["probleem"]) == (
        400,
        "Het veld bron_kenmerk moet één tekst of getal zijn.",
    )


def test_a_single_signal_with_an_unknown_field_is_refused_by_the_service(db) -> None:
    with pytest.raises(ValidationError) as exc:
        signaal_maak(
            user=None,
            nieuw=NieuwSignaal(
                bron=Bron.MELDER,
                bron_naam="Inwoner",
                product=Product.OVERIG,
                datum=KERN_DATUM,
                payload={"wijk": "Oost"},
            ),
        )
    assert exc.value.message_dict["payload"][0].startswith("Het veld 'wijk' nemen we niet aan.")
    assert Signaal.objects.count() == 0


def test_the_signal_page_shows_only_listed_fields_also_of_old_rows(make_user, make_client) -> None:
    """A row stored before the allow-list may hold other keys: the page does not show them."""
    hh = make_user("handhaver", "Waalwijk")
    client = make_client()
    s = signaal_maak(
        user=None,
        nieuw=NieuwSignaal(
            bron=Bron.KETENPARTNER,
            bron_naam="Inlichtingenbureau",
            product=Product.DETENTIE,
            datum=KERN_DATUM,
            client=client,
        ),
    )
    Signaal.objects.filter(pk=s.pk).update(
        payload={"inrichting": "PI Vught", "nationaliteit": "Marokkaans", "wijk": "Zuidoost-7"}
    )
    b = Browser()
    b.force_login(hh)
    pagina = b.get(reverse("signalen:signaal", args=[s.pk])).content.decode()
    assert "<dt>Inrichting</dt><dd>PI Vught</dd>" in pagina
    for verboden in ("nationaliteit", "Marokkaans", ">wijk<", "Zuidoost-7"):
        assert verboden not in pagina
