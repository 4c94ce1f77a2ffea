"""Errors the services raise; views turn them into messages in the user's language."""


class DomainError(Exception):
    """A rule of the review process refused the action; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(DomainError):
    """The user may see this but not do this."""


class NotFound(DomainError):
    """The thing asked for does not exist, or not for this user: views answer 404, as for a wrong address."""


class RateLimited(DomainError):
    """The user did this too often, or asked for too much costly work, in a short time: views answer 429
    (Too Many Requests)."""


class EditConflict(DomainError):
    """Somebody saved the same thing since this user loaded it; `current` is what they saved."""

    def __init__(self, message, *, current):
        super().__init__(message)
        self.current = current

