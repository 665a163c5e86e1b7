#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The log of what the firewall refused: it listens on the NFLOG group the
rules send refused packets to and appends one line a packet to FILE, e.g.
  2026-12-04T02:55:01Z tcp 192.0.2.1 port 443
  2026-12-04T02:55:02Z udp 2001:db8::1 port 5353
so the user can see what the agent tried to reach. Needs CAP_NET_ADMIN in
the session's network namespace; runs until killed.

  refused_log.py GROUP FILE
"""
import os
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_ULOG = 4
NFULNL_MSG_PACKET, NFULNL_MSG_CONFIG = 0, 1
NFULA_CFG_CMD, NFULA_CFG_MODE, NFULA_CFG_QTHRESH = 1, 2, 4
NFULNL_CFG_CMD_BIND = 1
NFULNL_COPY_PACKET = 2
NFULA_PAYLOAD = 9
NLM_F_REQUEST, NLM_F_ACK = 1, 4
PROTOCOLS = {1: "icmp", 6: "tcp", 17: "udp", 58: "icmpv6"}


def attribute(kind, payload):
    data = struct.pack("=HH", 4 + len(payload), kind) + payload
    return data + b"\0" * (-len(data) % 4)


def config_message(group, attributes, sequence):
    body = struct.pack("=BBH", socket.AF_UNSPEC, 0, socket.htons(group))
    body += b"".join(attributes)
    kind = (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_CONFIG
    return struct.pack("=IHHII", 16 + len(body), kind,
                       NLM_F_REQUEST | NLM_F_ACK, sequence, 0) + body


def attributes(data):
    found = {}
    while len(data) >= 4:
        length, kind = struct.unpack("=HH", data[:4])
        if length < 4:
            break
        found[kind & 0x7FFF] = data[4:length]
        data = data[(length + 3) & ~3:]
    return found


def describe(family, packet):
    """"tcp 192.0.2.1 port 443" for a refused packet's first bytes."""
    if family == socket.AF_INET and len(packet) >= 20:
        protocol, offset = packet[9], (packet[0] & 0x0F) * 4
        address = socket.inet_ntop(socket.AF_INET, packet[16:20])
    elif family == socket.AF_INET6 and len(packet) >= 40:
        protocol, offset = packet[6], 40
        address = socket.inet_ntop(socket.AF_INET6, packet[24:40])
    else:
        return None
    text = "%s %s" % (PROTOCOLS.get(protocol, "protocol %d" % protocol),
                      address)
    if protocol in (6, 17) and len(packet) >= offset + 4:
        text += " port %d" % struct.unpack(">H", packet[offset + 2:offset + 4])
    return text


def main():
    group, path = int(sys.argv[1]), sys.argv[2]
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                         NETLINK_NETFILTER)
    sock.bind((0, 0))
    sock.send(config_message(group, [attribute(
        NFULA_CFG_CMD, struct.pack("=B", NFULNL_CFG_CMD_BIND))], 1))
    # The first 128 bytes of each packet, each sent at once rather than
    # batched for a second.
    sock.send(config_message(group, [
        attribute(NFULA_CFG_MODE, struct.pack(">IBB", 128, NFULNL_COPY_PACKET,
                                              0)),
        attribute(NFULA_CFG_QTHRESH, struct.pack(">I", 1))], 2))
    log = open(path, "a", buffering=1, encoding="utf-8")
    os.chmod(path, 0o644)
    packet_type = (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET
    while True:
        data = sock.recv(65536)
        while len(data) >= 16:
            length, kind = struct.unpack("=IH", data[:6])
            if length < 16:
                break
            if kind == packet_type:
                family = data[16]
                payload = attributes(data[20:length]).get(NFULA_PAYLOAD)
                text = payload and describe(family, payload)
                if text:
                    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
                    log.write("%s %s\n" % (stamp, text))
            elif kind == 2:  # NLMSG_ERROR: an answer to our configuration
                error = struct.unpack("=i", data[16:20])[0]
                if error:
                    sys.exit("oss-back2base: error: firewall log: the kernel "
                             "refused NFLOG group %d: %s" %
                             (group, os.strerror(-error)))
            data = data[(length + 3) & ~3:]


if __name__ == "__main__":
    main()
