class ContentDataError(Exception):
    """The content data does not fit the contract; nothing has been saved."""
