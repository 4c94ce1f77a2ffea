import factory
from django.conf import settings

from accounts.models import Role
from reviews.models import Country, Organisation, Review, ReviewCycle


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["iso2"]

    iso2 = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name_en = factory.LazyAttribute(lambda o: f"Country {o.iso2}")
    name_ar = factory.LazyAttribute(lambda o: f"بلد {o.iso2}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"org{n}")
    name_en = factory.LazyAttribute(lambda o: f"Organisation {o.code}")
    name_ar = factory.LazyAttribute(lambda o: f"منظمة {o.code}")
    acronym_en = factory.LazyAttribute(lambda o: o.code.upper())
    acronym_ar = factory.LazyAttribute(lambda o: o.code.upper())


class ReviewCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCycle
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"cycle-{n}")
    name_en = factory.LazyAttribute(lambda o: f"Cycle {o.slug}")
    name_ar = factory.LazyAttribute(lambda o: f"دورة {o.slug}")
    is_open = True


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    cycle = factory.SubFactory(ReviewCycleFactory)
    country = factory.SubFactory(CountryFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("correct-horse-battery")


class FocalPointFactory(UserFactory):
    role = Role.FOCAL_POINT
    country = factory.SubFactory(CountryFactory)


class ContributorFactory(UserFactory):
    role = Role.CONTRIBUTOR
    country = factory.SubFactory(CountryFactory)
    ministry = "Ministry of Labour"


class ReviewerFactory(UserFactory):
    role = Role.REVIEWER
    organisation = factory.SubFactory(OrganisationFactory)


class OrganiserFactory(UserFactory):
    role = Role.ORGANISER
