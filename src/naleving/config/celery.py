# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")

app = Celery("naleving")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
