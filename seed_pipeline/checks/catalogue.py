"""Rules of the catalogue around the products, the VIP portal, saved inventory views and TERP's releases.

The tagging, synonym and portal rules are SQL returning the rows that break them, written from the
tables alone (a tag's name is its category or subcategory with hyphens for spaces; a strain type
tag is the strain's type). The media, credential, release and view rules read a little JSON or text
(a file name, a version in a commit message, a bcrypt hash) and so compute in Python.
"""

from collections.abc import Callable
from datetime import date

import sqlalchemy as sa

from seed_pipeline.checks.catalogue_records import (
    inventory_view_by_someone_who_sees_inventory, media_follows_its_photo_session, portal_credentials_are_test_values,
    releases_move_forward, tag_hierarchy_is_a_tree,
)
from seed_pipeline.checks.violations import by_name, counted
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
products, strains, tags, product_tags, synonyms = T["products"], T["strains"], T["tags"], T["productTags"], T["productSynonyms"]
groups, members, clients, orders = T["tagGroups"], T["tagGroupMembers"], T["clients"], T["orders"]
configs, logins = T["vip_portal_configurations"], T["vip_portal_auth"]
WHAT_IT_IS = ("product_type", "grow_method", "strain_type")  # tag categories that say what a product is


def _hyphenated(column):
    return sa.func.replace(column, " ", "-")


def _normalised(column):
    """Case, spaces, hyphens, '#' and dots ignored: "Sour D." and "sour-d" are one spelling."""
    out = sa.func.lower(column)
    for ch in (" ", "-", "#", "."):
        out = sa.func.replace(out, ch, "")
    return out


def _has_tag(name_matches) -> sa.Exists:
    return sa.exists().where(product_tags.c.productId == products.c.id, tags.c.id == product_tags.c.tagId, name_matches)


def product_is_tagged_as_what_it_is(as_of) -> list[sa.Select]:
    """Every product carries its category, subcategory (grow method for flower) and strain type tags, no
    other tag of those kinds, and was tagged no earlier than it was created."""
    with_strain = products.join(strains, strains.c.id == products.c.strainId)
    own = sa.or_(tags.c.name == _hyphenated(products.c.category), tags.c.name == _hyphenated(products.c.subcategory),
                 sa.func.lower(tags.c.name) == strains.c.category)
    tagged = product_tags.join(tags, tags.c.id == product_tags.c.tagId).join(products, products.c.id == product_tags.c.productId)
    return [
        sa.select(products.c.id).where(~_has_tag(tags.c.name == _hyphenated(products.c.category))),
        sa.select(products.c.id).where(products.c.subcategory.is_not(None),
                                       ~_has_tag(tags.c.name == _hyphenated(products.c.subcategory))),
        sa.select(products.c.id).select_from(with_strain).where(~_has_tag(sa.func.lower(tags.c.name) == strains.c.category)),
        sa.select(product_tags.c.id).select_from(tagged.outerjoin(strains, strains.c.id == products.c.strainId))
        .where(tags.c.category.in_(WHAT_IT_IS), ~sa.func.coalesce(own, False)),
        sa.select(product_tags.c.id).select_from(tagged).where(product_tags.c.createdAt < products.c.createdAt),
    ]


def synonym_names_its_strain(as_of) -> list[sa.Select]:
    """A synonym belongs to a product of a strain, is not that strain's or product's own name nor another
    strain's name, and one spelling never stands for two strains."""
    on_product = synonyms.join(products, products.c.id == synonyms.c.productId)
    with_strain = on_product.outerjoin(strains, strains.c.id == products.c.strainId)
    other = strains.alias("other")
    spelling = _normalised(synonyms.c.synonym)
    return [
        sa.select(synonyms.c.id).select_from(with_strain).where(sa.or_(
            strains.c.id.is_(None), spelling == _normalised(strains.c.name),
            spelling == _normalised(products.c.nameCanonical))),
        sa.select(synonyms.c.id).select_from(on_product).where(
            sa.exists().where(spelling == _normalised(other.c.name), other.c.id != products.c.strainId)),
        sa.select(spelling.label("spelling")).select_from(on_product).group_by(spelling)
        .having(sa.func.count(sa.distinct(products.c.strainId)) > 1),
    ]


def tag_in_one_group(as_of) -> list[sa.Select]:
    """Every tag is in exactly one group, and a group holds tags of one kind."""
    per_tag = sa.select(members.c.tagId).group_by(members.c.tagId).having(sa.func.count() > 1)
    grouped = sa.select(members.c.tagId)
    mixed = (sa.select(members.c.groupId).select_from(members.join(tags, tags.c.id == members.c.tagId))
             .group_by(members.c.groupId).having(sa.func.count(sa.distinct(tags.c.category)) > 1))
    return [per_tag, sa.select(tags.c.id).where(tags.c.id.not_in(grouped)), mixed]


def portal_only_for_buying_clients(as_of) -> list[sa.Select]:
    """A portal configuration is for a client who buys (has orders), has the portal switched on and existed
    before it; every client with the portal switched on has one."""
    bought = sa.exists().where(orders.c.client_id == clients.c.id)
    on_client = configs.join(clients, clients.c.id == configs.c.client_id)
    return [
        sa.select(configs.c.id).select_from(on_client).where(sa.or_(
            ~sa.func.coalesce(clients.c.is_buyer, False), ~bought, ~sa.func.coalesce(clients.c.vip_portal_enabled, False),
            configs.c.created_at < clients.c.created_at)),
        sa.select(clients.c.id).where(clients.c.vip_portal_enabled.is_(True),
                                      ~sa.exists().where(configs.c.client_id == clients.c.id)),
    ]


def portal_login_is_its_clients(as_of) -> list[sa.Select]:
    """A portal login belongs to a client with a portal configuration made with it, signs in with the
    client's e-mail, and its last sign-in is the one the clients table records, after it was made."""
    on = logins.join(clients, clients.c.id == logins.c.client_id).outerjoin(configs, configs.c.client_id == logins.c.client_id)
    # a client without an e-mail, or a sign-in either side lacks, breaks it too (a != with NULL is never true)
    return [sa.select(logins.c.id).select_from(on).where(sa.or_(
        configs.c.id.is_(None), configs.c.created_at != logins.c.created_at,
        clients.c.email.is_(None), logins.c.email != clients.c.email,
        clients.c.vip_portal_last_login.is_(None), logins.c.last_login_at.is_(None),
        logins.c.last_login_at != clients.c.vip_portal_last_login, logins.c.last_login_at < logins.c.created_at))]


SQL_RULES = by_name(product_is_tagged_as_what_it_is, synonym_names_its_strain, tag_in_one_group,
                    portal_only_for_buying_clients, portal_login_is_its_clients)
RULES: dict[str, Callable[[sa.Connection, date], int]] = {name: counted(rule) for name, rule in SQL_RULES.items()} | {
    f.__name__: f for f in (tag_hierarchy_is_a_tree, media_follows_its_photo_session, portal_credentials_are_test_values,
                            releases_move_forward, inventory_view_by_someone_who_sees_inventory)
}
_ROLES = ("users", "user_roles", "roles", "role_permissions", "permissions")
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "product_is_tagged_as_what_it_is": ("productTags", ("products", "tags", "strains")),
    "synonym_names_its_strain": ("productSynonyms", ("products", "strains")),
    "tag_in_one_group": ("tagGroupMembers", ("tags", "tagGroups")),
    "tag_hierarchy_is_a_tree": ("tagHierarchy", ("tags",)),
    "media_follows_its_photo_session": ("productMedia", ("batches", "calendar_events", "products")),
    "portal_only_for_buying_clients": ("vip_portal_configurations", ("clients", "orders")),
    "portal_login_is_its_clients": ("vip_portal_auth", ("clients", "vip_portal_configurations")),
    "portal_credentials_are_test_values": ("vip_portal_auth", ()),
    "releases_move_forward": ("deployments", ()),
    "inventory_view_by_someone_who_sees_inventory": ("inventoryViews", (*_ROLES, "vendors", "brands", "categories",
                                                                         "subcategories")),
}
