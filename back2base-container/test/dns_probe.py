#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Asks RESOLVER for NAME's A record with the self-test's own query code
and prints "NAME RCODE [ADDRESS...]", for the bats tests."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "firewall"))
from self_test import dns_query  # noqa: E402

RCODES = {0: "NOERROR", 2: "SERVFAIL", 3: "NXDOMAIN", 5: "REFUSED"}
rcode, addresses = dns_query(sys.argv[1], sys.argv[2], 1)
print(" ".join([sys.argv[2], RCODES.get(rcode, str(rcode))] + addresses))
