"""The production WSGI app plus one directory served as static files, for bench_public to compare against."""

import os

from whitenoise import WhiteNoise

from config.wsgi import application as django_application

application = WhiteNoise(django_application)
application.add_files(os.environ["BENCH_STATIC_DIR"], prefix="bench-static/")
