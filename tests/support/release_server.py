#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A release channel on loopback for the tests of `update`: serves ROOT
over HTTP and writes the port it listens on to PORT_FILE. The first part
of a path says how to behave; the rest names a file under ROOT:

  /good/F       serves F
  /truncate/F   an archive (.tar.gz) cut off halfway, its full length
                announced; other files whole
  /stall/F      an archive's first half, then nothing until the client
                gives up; other files whole
  /hang/F       reads the request and never answers
  /redirect/F   302 to /good/F

Every request is appended to ROOT/requests.log as "MODE PATH".

  release_server.py ROOT PORT_FILE
"""
import http.server
import os
import sys
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        root = self.server.root
        mode, _, name = self.path.lstrip("/").partition("/")
        with open(os.path.join(root, "requests.log"), "a") as log:
            log.write("%s /%s\n" % (mode, name))
        if mode == "hang":
            time.sleep(3600)
            return
        if mode == "redirect":
            self.send_response(302)
            self.send_header("Location", "/good/" + name)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path = os.path.realpath(os.path.join(root, name))
        if not path.startswith(os.path.realpath(root) + os.sep) or \
                not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as f:
            body = f.read()
        archive = name.endswith(".tar.gz")
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if archive and mode in ("truncate", "stall"):
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            if mode == "stall":
                time.sleep(3600)
            self.close_connection = True
            return
        self.wfile.write(body)


def main():
    root, port_file = sys.argv[1], sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.root = root
    with open(port_file + ".partial", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".partial", port_file)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Event().wait()


if __name__ == "__main__":
    main()
