# SPDX-License-Identifier: EUPL-1.2
"""Retention and destruction (AVG art. 5 lid 1 sub e, Archiefwet 1995, Selectielijst gemeenten 2020): one
schedule of what is kept how long, a daily run that destroys or anonymises what is due, a destruction log
without personal data, and legal holds that stop it for one client."""
