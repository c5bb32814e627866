"""TERP's business vocabularies as data, shared by the generators and the checks."""
