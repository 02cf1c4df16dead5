# SPDX-License-Identifier: EUPL-1.2
import sys

from .cli import main

sys.exit(main())
