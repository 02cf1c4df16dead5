# SPDX-License-Identifier: EUPL-1.2
"""Verloop: the one state machine of signals, investigations, decisions and plan actions.

Three parts, one home:

- `machine`: the transition table type (`Overgang`), the declaration of one kind of case
  (`Machine`, with the differences between the kinds as declared properties) and the register
  `MACHINES` that holds the four machines. Data and checks only.
- `historie`: `Overgangshistorie`, the one abstract history model (van, naar, door, op,
  toelichting) from which each kind's history table inherits.
- `services`: `beweeg`, the one function that applies a move, and `begin`, the first history row
  of a new case.

Why here and not in `core`: applying a move checks a right (`clienten.selectors.may`) and writes
the audit log (`audit.services.audit_log`), and `core` imports nothing of the project. This package
sits one layer above clienten (and so above accounts and audit) and below the apps that own the cases (signalen,
onderzoek, besluiten, beleid); it imports none of them. The apps declare their machine in their
own `statemachine.py` (signalen: `triage.py`) and name their history model by its label, so the
machine can be declared before the model exists.
"""
