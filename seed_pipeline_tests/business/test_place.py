"""The place model against facts written here by hand: California's counties, area codes and ZIP range."""

import numpy as np
import pandas as pd

from seed_pipeline.business import place

COUNTIES = {
    "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa", "Del Norte", "El Dorado", "Fresno",
    "Glenn", "Humboldt", "Imperial", "Inyo", "Kern", "Kings", "Lake", "Lassen", "Los Angeles", "Madera", "Marin",
    "Mariposa", "Mendocino", "Merced", "Modoc", "Mono", "Monterey", "Napa", "Nevada", "Orange", "Placer", "Plumas",
    "Riverside", "Sacramento", "San Benito", "San Bernardino", "San Diego", "San Francisco", "San Joaquin",
    "San Luis Obispo", "San Mateo", "Santa Barbara", "Santa Clara", "Santa Cruz", "Shasta", "Sierra", "Siskiyou",
    "Solano", "Sonoma", "Stanislaus", "Sutter", "Tehama", "Trinity", "Tulare", "Tuolumne", "Ventura", "Yolo", "Yuba",
}
AREA_CODES = {"209", "213", "279", "310", "323", "341", "350", "369", "408", "415", "424", "442", "510", "530", "559",
              "562", "619", "626", "628", "650", "657", "661", "669", "707", "714", "738", "747", "760", "805", "818",
              "820", "831", "840", "858", "909", "916", "925", "949", "951"}


def test_every_city_is_californian():
    assert len(COUNTIES) == 58
    assert {c.county for c in place.CITIES} <= COUNTIES
    assert {a for c in place.CITIES for a in c.area_codes} <= AREA_CODES
    assert all(z.isdigit() and len(z) == 5 and "90001" <= z <= "96162" for c in place.CITIES for z in c.zips)
    assert len({c.name for c in place.CITIES}) == len(place.CITIES)
    assert place.WAREHOUSE.name == "Oakland" and place.WAREHOUSE.miles == 0


def test_addresses_and_phones_are_of_their_city():
    rng = np.random.default_rng(3)
    city = place.client_cities(rng, 500)
    address = pd.Series(place.addresses(rng, np.array(["12 Oak Street", "9 Pine Avenue Apt. 2"], dtype=object), city))
    phone = pd.Series(place.phones(rng, city))
    parts = place.city_of_address(address)
    assert parts["state"].eq("CA").all()
    assert [place.CITIES[c].name for c in city] == parts["city"].tolist()
    assert all(z in place.CITIES[c].zips for c, z in zip(city, parts["zip"]))
    assert all(p[1:4] in place.CITIES[c].area_codes for c, p in zip(city, phone))
    assert place.address_is_californian(address).all() and place.phone_is_of(phone, address).all()
    assert not phone.str.contains(r"\) 555-|\) \d11-").any()


def test_an_address_elsewhere_or_a_zip_of_another_city_is_not_californian():
    address = pd.Series(["1 Virginia Street, Reno, NV 89501", "1 Broadway, Oakland, CA 90012",
                         "1 Broadway, Oakland, CA 94607", "Video call", None])
    assert place.address_is_californian(address).tolist() == [False, False, True, False, False]
    assert place.is_known_place(address).tolist() == [False, False, True, True, False]
    phone = pd.Series(["(510) 234-5678", "(415) 234-5678", "510-234-5678"])
    oakland = pd.Series(["1 Broadway, Oakland, CA 94607"] * 3)
    assert place.phone_is_of(phone, oakland).tolist() == [True, False, False]


def test_vendors_farm_in_growing_regions_and_every_city_is_a_working_day_s_drive():
    rng = np.random.default_rng(5)
    assert all(place.CITIES[c].grows for c in place.grower_cities(rng, 200))
    # the farthest city is reached before closing by a van leaving at opening (08:00 to 18:00)
    assert place.drive_hours([c.miles for c in place.CITIES]).max() <= 10
    assert place.drive_hours([0, 55, 370]).tolist() == [0.25, 1.25, 7.0]
