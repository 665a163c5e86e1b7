#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Sends one UDP datagram to ADDRESS PORT and prints "refused" when the
kernel reports it rejected, "answered" or "silent" otherwise."""
import socket
import sys

address, port = sys.argv[1], int(sys.argv[2])
family = socket.AF_INET6 if ":" in address else socket.AF_INET
with socket.socket(family, socket.SOCK_DGRAM) as sock:
    sock.settimeout(3)
    try:
        sock.connect((address, port))
        sock.send(b"b2b")
        sock.recv(512)
        print("answered")
    except socket.timeout:
        print("silent")
    except OSError as error:
        print("refused (%s)" % error.strerror)
