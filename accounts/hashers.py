from django.contrib.auth import hashers


class Argon2PasswordHasher(hashers.Argon2PasswordHasher):
    """Argon2id with OWASP's recommended parameters: 19 MiB of memory, 2 passes, 1 lane.

    Django's own (100 MiB, 2 passes, 8 lanes) costs ten times the processor time, about 0.24 s a sign-in on this
    project's two-core reference server: a room of 50 people signing in at once at a workshop held every other
    page for seconds (bench/load_test.py). One lane keeps a sign-in to one core, so pages go on on the other.
    The algorithm's name is Django's, so hashes made with Django's parameters are still checked, and rewritten
    with these at the user's next sign-in (must_update compares the parameters).
    """

    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
