"""Where the business is: a licensed California distributor, its warehouse in Oakland and the state's real cities.

Every address and phone number the seed writes comes from here: a city of this table, one of its
real ZIP codes and one of its real area codes (overlays included), state CA. ``miles`` is the road
distance from the warehouse; the delivery schedule reads it as drive hours (``drive_hours``), so a
truck bound for Los Angeles leaves in the morning and one for Berkeley may leave late in the day.
``grows`` marks the growing regions the vendors farm in; ``weight`` is how much of the trade a city
holds (roughly its dispensaries), distant cities a little less (one warehouse serves the state).
"""

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

STATE = "CA"
DRIVE_MPH = 55  # average on the delivery routes, freeway and city together
LOADING_HOURS = 0.25  # checking the manifest and loading the van before it leaves


@dataclass(frozen=True)
class City:
    name: str
    county: str
    zips: tuple[str, ...]
    area_codes: tuple[str, ...]
    miles: int  # road miles from the warehouse
    weight: float
    grows: bool = False


CITIES = (
    City("Oakland", "Alameda", ("94601", "94602", "94606", "94607", "94608", "94609", "94610", "94612"), ("510", "341"), 0, 5),
    City("Berkeley", "Alameda", ("94702", "94703", "94704", "94705", "94710"), ("510", "341"), 5, 2),
    City("Hayward", "Alameda", ("94541", "94542", "94544", "94545"), ("510", "341"), 17, 1),
    City("Richmond", "Contra Costa", ("94801", "94804", "94805"), ("510", "341"), 15, 1),
    City("Concord", "Contra Costa", ("94518", "94519", "94520", "94521"), ("925",), 25, 1),
    City("San Francisco", "San Francisco", ("94102", "94103", "94107", "94110", "94114", "94117", "94122", "94124"),
         ("415", "628"), 12, 6),
    City("San Mateo", "San Mateo", ("94401", "94402", "94403"), ("650",), 25, 1),
    City("San Jose", "Santa Clara", ("95110", "95112", "95113", "95116", "95125", "95126"), ("408", "669"), 42, 4),
    City("Vallejo", "Solano", ("94589", "94590", "94591"), ("707",), 27, 1),
    City("Napa", "Napa", ("94558", "94559"), ("707",), 40, 1),
    City("Santa Rosa", "Sonoma", ("95401", "95403", "95404", "95405", "95407"), ("707",), 55, 2, True),
    City("Sacramento", "Sacramento", ("95811", "95814", "95815", "95816", "95818", "95820", "95822"), ("916", "279"), 81, 5),
    City("Stockton", "San Joaquin", ("95202", "95203", "95204", "95205", "95207"), ("209", "350"), 70, 1),
    City("Modesto", "Stanislaus", ("95350", "95351", "95354", "95355"), ("209", "350"), 90, 1),
    City("Merced", "Merced", ("95340", "95341", "95348"), ("209", "350"), 125, 0.5),
    City("Fresno", "Fresno", ("93701", "93702", "93704", "93710", "93721", "93726", "93727"), ("559",), 180, 1.5),
    City("Santa Cruz", "Santa Cruz", ("95060", "95062", "95065"), ("831",), 75, 2, True),
    City("Salinas", "Monterey", ("93901", "93905", "93906"), ("831",), 100, 1, True),
    City("Ukiah", "Mendocino", ("95482",), ("707",), 115, 1, True),
    City("Willits", "Mendocino", ("95490",), ("707",), 137, 0.5, True),
    City("Garberville", "Humboldt", ("95542",), ("707",), 200, 0.5, True),
    City("Eureka", "Humboldt", ("95501", "95503"), ("707",), 275, 1, True),
    City("Arcata", "Humboldt", ("95521",), ("707",), 282, 1, True),
    City("Weaverville", "Trinity", ("96093",), ("530",), 260, 0.3, True),
    City("Redding", "Shasta", ("96001", "96002", "96003"), ("530",), 215, 0.5),
    City("Chico", "Butte", ("95926", "95928"), ("530",), 170, 0.5),
    City("Grass Valley", "Nevada", ("95945", "95949"), ("530",), 140, 0.5, True),
    City("Nevada City", "Nevada", ("95959",), ("530",), 145, 0.5, True),
    City("South Lake Tahoe", "El Dorado", ("96150",), ("530",), 185, 0.5),
    City("San Luis Obispo", "San Luis Obispo", ("93401", "93405"), ("805", "820"), 230, 0.5),
    City("Lompoc", "Santa Barbara", ("93436",), ("805", "820"), 295, 0.3, True),
    City("Carpinteria", "Santa Barbara", ("93013",), ("805", "820"), 340, 0.3, True),
    City("Santa Barbara", "Santa Barbara", ("93101", "93103", "93105"), ("805", "820"), 330, 1),
    City("Bakersfield", "Kern", ("93301", "93304", "93305", "93307", "93309"), ("661",), 280, 0.5),
    City("Ventura", "Ventura", ("93001", "93003"), ("805", "820"), 360, 0.5),
    City("Los Angeles", "Los Angeles", ("90012", "90013", "90015", "90021", "90026", "90028", "90038"), ("213", "323"), 370, 8),
    City("Pasadena", "Los Angeles", ("91101", "91103", "91105", "91106"), ("626",), 380, 1),
    City("Long Beach", "Los Angeles", ("90802", "90804", "90806", "90813"), ("562",), 390, 2),
    City("Santa Ana", "Orange", ("92701", "92703", "92704", "92705", "92707"), ("714", "657"), 405, 1.5),
    City("Riverside", "Riverside", ("92501", "92503", "92504", "92507"), ("951",), 415, 1),
)
WAREHOUSE = CITIES[0]
# Where the team meets without an address: a place in the warehouse (TERP's own site name) or a call.
IN_HOUSE = ("Main Warehouse", "Video call")
DISTANCE_DECAY_MILES = 600  # a city this far away weighs e^-1 of what its trade alone would
ADDRESS = re.compile(r"^.+, (?P<city>[^,]+), (?P<state>[A-Z]{2}) (?P<zip>\d{5})$")
PHONE = re.compile(r"^\((?P<area>\d{3})\) [2-9]\d{2}-\d{4}$")
_CITY = {c.name: c for c in CITIES}


def drive_hours(miles) -> np.ndarray:
    """Hours from the warehouse's dock to the client's door, loading included, in quarter hours."""
    return np.ceil((np.asarray(miles, dtype=float) / DRIVE_MPH + LOADING_HOURS) * 4) / 4


def client_cities(rng: np.random.Generator, n: int) -> np.ndarray:
    """A city (index into ``CITIES``) per client, by the city's trade and its distance."""
    weight = np.array([c.weight * np.exp(-c.miles / DISTANCE_DECAY_MILES) for c in CITIES])
    return rng.choice(len(CITIES), n, p=weight / weight.sum())


def grower_cities(rng: np.random.Generator, n: int) -> np.ndarray:
    """A city of a growing region per vendor."""
    growing = np.flatnonzero([c.grows for c in CITIES])
    return rng.choice(growing, n)


def addresses(rng: np.random.Generator, streets: np.ndarray, city: np.ndarray) -> np.ndarray:
    """'<street>, <city>, CA <zip>' with a real ZIP code of each row's city."""
    zips = [CITIES[c].zips[k % len(CITIES[c].zips)] for c, k in zip(city, rng.integers(0, 1 << 30, len(city)))]
    names = [CITIES[c].name for c in city]
    street = streets[rng.integers(len(streets), size=len(city))]
    return np.array([f"{s}, {c}, {STATE} {z}" for s, c, z in zip(street, names, zips)], dtype=object)


def phones(rng: np.random.Generator, city: np.ndarray) -> np.ndarray:
    """'(AAA) NXX-XXXX' with an area code of each row's city (an exchange never 555 nor N11)."""
    area = [CITIES[c].area_codes[k % len(CITIES[c].area_codes)] for c, k in zip(city, rng.integers(0, 1 << 30, len(city)))]
    exchange = rng.integers(200, 1000, len(city))
    exchange = np.where((exchange == 555) | (exchange % 100 == 11), exchange + 1, exchange)
    line = rng.integers(0, 10000, len(city))
    return np.array([f"({a}) {e:03d}-{l:04d}" for a, e, l in zip(area, exchange, line)], dtype=object)


def city_of_address(address: pd.Series) -> pd.DataFrame:
    """(city, state, zip) of each address the seed writes; NaN where it is not one."""
    return pd.Series(address, dtype=object).astype("string").str.extract(ADDRESS)


def address_is_californian(address: pd.Series) -> np.ndarray:
    """The address names a city of ``CITIES``, state CA and a ZIP code of that city."""
    parts = city_of_address(address)
    return np.array([s == STATE and c in _CITY and z in _CITY[c].zips
                     for c, s, z in zip(parts["city"].fillna(""), parts["state"].fillna(""), parts["zip"].fillna(""))])


def phone_area(phone: pd.Series) -> pd.Series:
    return pd.Series(phone, dtype=object).astype("string").str.extract(PHONE)["area"]


def phone_is_of(phone: pd.Series, address: pd.Series | None = None) -> np.ndarray:
    """A well-formed phone number with an area code of the address's city (any Californian one without an address)."""
    area = phone_area(phone).fillna("")
    if address is None:
        codes = {a for c in CITIES for a in c.area_codes}
        return area.isin(codes).to_numpy()
    city = city_of_address(address)["city"].fillna("")
    return np.array([c in _CITY and a in _CITY[c].area_codes for a, c in zip(area, city)])


def is_known_place(location: pd.Series) -> np.ndarray:
    """A place in the warehouse, a call, or a Californian address of the place model."""
    text = pd.Series(location, dtype=object).astype("string").fillna("")
    return text.str.startswith(IN_HOUSE).to_numpy() | address_is_californian(text)


def miles_to(address: pd.Series) -> np.ndarray:
    """Road miles from the warehouse to each address's city (NaN where the city is unknown)."""
    city = city_of_address(address)["city"]
    return np.array([_CITY[c].miles if isinstance(c, str) and c in _CITY else np.nan for c in city], dtype=float)
