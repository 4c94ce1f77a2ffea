"""Demo data, apart from the services: content.py holds what the demo says, build.py writes the reviews
from it, load.py creates the cycle and the logins and fills it (`manage.py load_demo`)."""
