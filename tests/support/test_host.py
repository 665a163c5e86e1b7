#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A test host for the end-to-end tests: HTTP on port 80 and a UDP echo on
port 5353, over IPv4 and IPv6, so that a refusal is the firewall's and
never the host's own."""
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def udp_echo():
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    sock.bind(("::", 5353))
    while True:
        data, peer = sock.recvfrom(512)
        sock.sendto(data, peer)


threading.Thread(target=udp_echo, daemon=True).start()
Server(("::", 80), SimpleHTTPRequestHandler).serve_forever()
