# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's pages over the audit log: who read or changed which client's data, when and why, with
a filter and a CSV export.

Apart from `naleving.audit` because the pages ask the rights question (`accounts.permissions.has_right`),
while the audit log itself sits below accounts: every service, including the change of rights in
`accounts.services`, writes to it. The templates stay with the log (`audit/log.html`).
"""
