"""The catalogue around the products (tags, synonyms, photos), the clients' VIP portal, saved views and TERP's releases.

Pure functions of the core history and the seed; the generators of the phase 4 tables project
their rows from them, and ``checks/catalogue.py`` holds the database to the same rules.
"""
