"""Test settings: a throw-away data folder so tests never touch a real installation."""

import os
import tempfile

os.environ.setdefault("BMNN_DATA_DIR", tempfile.mkdtemp(prefix="bmnn-test-"))

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; prod uses Argon2
