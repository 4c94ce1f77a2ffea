"""Numbers read from a request, each within the range of the column it is looked up in.

`str.isdigit()` says yes to "²" and `int()` to "０", and a 25-digit number overflows the database's
integer: a number from a request is read by an IntegerField with a range, never by hand."""

from django import forms

SMALL_MAX = 32_767  # a PositiveSmallIntegerField: a part, an objective, a round table
INTEGER_MAX = 2_147_483_647  # a PositiveIntegerField: a row's version


def number_field(*, min_value: int = 0, max_value: int = SMALL_MAX, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(min_value=min_value, max_value=max_value, required=False, **kwargs)


class FlagField(forms.BooleanField):
    """A switch in a link or a form: "1" is on, anything else is off (a BooleanField reads any word as on)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> bool:
        return value in ("1", 1, True)
