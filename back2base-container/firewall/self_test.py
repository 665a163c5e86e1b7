#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The firewall's self-test, run as an unprivileged user inside the
session's network namespace once the rules are in place, before the agent
may start. It proves, from the agent's side of the rules, that:
  - a name not on the allowlist does not resolve;
  - connections to an address not on the list are refused at once, on TCP
    and UDP, over IPv4 and (when the namespace has it) IPv6;
  - the upstream resolvers cannot be asked but by dnsmasq;
  - an allowed name resolves (the first of the names given that does).
One line a check on stdout; exit 0 when all pass, 1 otherwise.

  self_test.py --resolver 127.0.0.1 [--ipv6] [--upstream ADDR]... NAME...
"""
import argparse
import errno
import random
import socket
import struct
import sys

TIMEOUT = 2.0
# Documentation addresses (RFC 5737, RFC 3849): never anyone's host.
FORBIDDEN = {4: "192.0.2.1", 6: "2001:db8::1"}
# A refusal, as the kernel reports a rejected or unroutable packet.
REFUSALS = {errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH,
            errno.EACCES, errno.EPERM, errno.EADDRNOTAVAIL}


def dns_query(resolver, name, qtype):
    """The rcode and the addresses of an A (1) or AAAA (28) query."""
    ident = random.randrange(65536)
    question = b"".join(bytes([len(label)]) + label.encode("ascii")
                        for label in name.split(".")) + b"\0"
    packet = struct.pack(">HHHHHH", ident, 0x0100, 1, 0, 0, 0) + question
    packet += struct.pack(">HH", qtype, 1)
    family = socket.AF_INET6 if ":" in resolver else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        sock.settimeout(TIMEOUT)
        sock.sendto(packet, (resolver, 53))
        reply = sock.recv(4096)
    rcode = struct.unpack(">H", reply[2:4])[0] & 0xF
    count = struct.unpack(">H", reply[6:8])[0]
    offset = 12 + len(question) + 4
    addresses = []
    for _ in range(count):
        offset = skip_name(reply, offset)
        rtype, _, _, length = struct.unpack(">HHIH", reply[offset:offset + 10])
        data = reply[offset + 10:offset + 10 + length]
        if rtype == 1 and length == 4:
            addresses.append(socket.inet_ntop(socket.AF_INET, data))
        elif rtype == 28 and length == 16:
            addresses.append(socket.inet_ntop(socket.AF_INET6, data))
        offset += 10 + length
    return rcode, addresses


def skip_name(packet, offset):
    while packet[offset] != 0:
        if packet[offset] & 0xC0 == 0xC0:
            return offset + 2
        offset += packet[offset] + 1
    return offset + 1


def refused(family, kind, address, port):
    """None when the attempt was refused at once, else what happened."""
    af = socket.AF_INET6 if family == 6 else socket.AF_INET
    sock_type = socket.SOCK_STREAM if kind == "tcp" else socket.SOCK_DGRAM
    with socket.socket(af, sock_type) as sock:
        sock.settimeout(TIMEOUT)
        try:
            sock.connect((address, port))
            if kind == "udp":
                sock.send(b"\0" * 12)
                sock.recv(512)
            return "it answered"
        except socket.timeout:
            return "no refusal within %.0f s (dropped, not rejected?)" % TIMEOUT
        except OSError as error:
            if error.errno in REFUSALS:
                return None
            return "unexpected error: %s" % error.strerror


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resolver", required=True)
    parser.add_argument("--ipv6", action="store_true")
    parser.add_argument("--upstream", action="append", default=[])
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    failures = []

    def check(what, problem):
        print("%s: %s" % ("pass" if problem is None else "FAIL", what) +
              ("" if problem is None else ": " + problem))
        if problem is not None:
            failures.append(what)

    try:
        _, addresses = dns_query(args.resolver, "b2b-self-test.example", 1)
        check("a name not on the list does not resolve",
              "it resolved to " + ", ".join(addresses) if addresses else None)
    except OSError as error:
        check("a name not on the list does not resolve",
              "the resolver did not answer: %s" % error)

    families = [4, 6] if args.ipv6 else [4]
    for family in families:
        for kind, port in (("tcp", 443), ("udp", 53)):
            check("%s to %s port %d is refused" % (kind.upper(),
                                                    FORBIDDEN[family], port),
                  refused(family, kind, FORBIDDEN[family], port))
    for upstream in args.upstream:
        family = 6 if ":" in upstream else 4
        check("the upstream resolver %s cannot be asked directly" % upstream,
              refused(family, "udp", upstream, 53))

    resolved = None
    for name in args.names:
        try:
            for qtype in (1, 28):
                _, addresses = dns_query(args.resolver, name, qtype)
                if addresses:
                    resolved = "%s (%s)" % (name, addresses[0])
                    break
        except OSError:
            continue
        if resolved:
            break
    check("an allowed name resolves" + (": " + resolved if resolved else ""),
          None if resolved else
          "none did (tried %s); is the upstream resolver reachable?" %
          (", ".join(args.names) or "no names: the allowlist has none"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
