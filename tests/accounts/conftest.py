# SPDX-License-Identifier: EUPL-1.2
from tests.oidc_idp import idp_testserver  # noqa: F401  (the real OpenID Connect provider)
