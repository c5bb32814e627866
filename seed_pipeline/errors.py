"""Errors that are the user's to fix: the CLI prints their message as one line and exits 2."""


class UserInputError(ValueError):
    """A setting, selection or URL the tool cannot work with; the message says what to do."""
