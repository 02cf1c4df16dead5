# SPDX-License-Identifier: EUPL-1.2
"""Settings for the test suite: the real settings, with a fast password hasher (argon2 costs ~50 ms a hash)."""

from naleving.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
