#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A small MCP server over streamable HTTP, on loopback, for the tests of
`mcp test`. It answers `initialize` the way real servers do, at paths that
each behave differently:

  /mcp       a JSON reply
  /sse       an event stream: a notification first, then the reply, and
             the stream kept open (as servers may)
  /private   like /mcp, but only with "Authorization: Bearer <--token>";
             else 401
  /refuse    a JSON-RPC error
  /html      200 with a web page: not an MCP endpoint
  /hang      reads the request and never answers

It prints the port it listens on, then serves until killed. Each request's
method, path and Authorization header go to --log, one JSON line each.
"""
import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def reply(request_id):
    return {
        "jsonrpc": "2.0",
        "id": request_id,
        "result": {
            "protocolVersion": "2025-06-18",
            "capabilities": {"tools": {}},
            "serverInfo": {"name": "loopback-test", "version": "1.2.3"},
        },
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        with LOCK:
            with open(ARGS.log, "a") as log:
                log.write(json.dumps({
                    "path": self.path,
                    "method": body.get("method"),
                    "authorization": self.headers.get("Authorization"),
                    "accept": self.headers.get("Accept"),
                }) + "\n")
        accept = self.headers.get("Accept", "")
        if "application/json" not in accept or \
                "text/event-stream" not in accept:
            return self.send_body(406, "text/plain", b"not acceptable")
        if body.get("method") != "initialize":
            return self.send_body(400, "text/plain", b"initialize first")
        if self.path == "/mcp":
            return self.send_json(reply(body["id"]))
        if self.path == "/private":
            if self.headers.get("Authorization") != "Bearer " + ARGS.token:
                return self.send_body(401, "text/plain", b"who are you")
            return self.send_json(reply(body["id"]))
        if self.path == "/refuse":
            return self.send_json({"jsonrpc": "2.0", "id": body["id"],
                                   "error": {"code": -32602,
                                             "message": "unsupported"}})
        if self.path == "/html":
            return self.send_body(200, "text/html", b"<html>hello</html>")
        if self.path == "/sse":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            ping = {"jsonrpc": "2.0", "method": "notifications/message",
                    "params": {"level": "info", "data": "starting"}}
            self.wfile.write(b"event: message\ndata: " +
                             json.dumps(ping).encode() + b"\n\n")
            self.wfile.write(b"event: message\ndata: " +
                             json.dumps(reply(body["id"])).encode() + b"\n\n")
            self.wfile.flush()
            time.sleep(30)
            return None
        if self.path == "/hang":
            time.sleep(60)
            return None
        return self.send_body(404, "text/plain", b"no such endpoint")

    def send_json(self, message):
        self.send_body(200, "application/json", json.dumps(message).encode())

    def send_body(self, status, content_type, data):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


parser = argparse.ArgumentParser()
parser.add_argument("--token", default="secret-token")
parser.add_argument("--log", default="/dev/null")
ARGS = parser.parse_args()
LOCK = threading.Lock()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
