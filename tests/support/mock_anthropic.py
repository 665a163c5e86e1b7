#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A stand-in for the Anthropic Messages API, for the end-to-end tests,
which start it themselves: POST /v1/messages, streamed (server-sent
events) or not, as Claude Code asks. It answers every request with a text
reply, except that a prompt containing "RUN: <command>" first gets a Bash
tool call for <command>, and the request carrying its result gets the text
"ran it". Each request's path, model, last user text and the names of
the tools it offered are appended as a JSON line to --log, so a test can
see what reached it.

  mock_anthropic.py [--port 80] [--reply TEXT] [--log FILE]
"""
import argparse
import json
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARGS = None


def last_user_text(body):
    for message in reversed(body.get("messages", [])):
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content, False
        texts, tool_result = [], False
        for block in content or []:
            if block.get("type") == "text":
                texts.append(block.get("text", ""))
            elif block.get("type") == "tool_result":
                tool_result = True
        return "\n".join(texts), tool_result
    return "", False


def answer(body):
    """The content blocks of the reply, and its stop reason."""
    text, tool_result = last_user_text(body)
    command = re.search(r"RUN: (.+)", text)
    if command and not tool_result and body.get("tools"):
        return [{"type": "tool_use", "id": "toolu_b2b_1", "name": "Bash",
                 "input": {"command": command.group(1).strip(),
                           "description": "the test's command"}}], "tool_use"
    reply = "ran it" if tool_result else ARGS.reply
    return [{"type": "text", "text": reply}], "end_turn"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_):
        pass

    def do_POST(self):
        length = int(self.headers.get("content-length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        if ARGS.log:
            with open(ARGS.log, "a", encoding="utf-8") as log:
                log.write(json.dumps({"path": self.path,
                                      "model": body.get("model"),
                                      "text": last_user_text(body)[0][-500:],
                                      "tools": [tool.get("name") for tool in
                                                body.get("tools") or []]})
                          + "\n")
        if not self.path.startswith("/v1/messages"):
            return self.reply_json(404, {"type": "error", "error": {
                "type": "not_found_error", "message": self.path}})
        if self.path.startswith("/v1/messages/count_tokens"):
            return self.reply_json(200, {"input_tokens": 10})
        blocks, stop = answer(body)
        message = {"id": "msg_b2b", "type": "message", "role": "assistant",
                   "model": body.get("model", "mock"), "content": blocks,
                   "stop_reason": stop, "stop_sequence": None,
                   "usage": {"input_tokens": 10, "output_tokens": 5}}
        if body.get("stream"):
            return self.reply_stream(message)
        return self.reply_json(200, message)

    def do_GET(self):
        self.reply_json(200, {"ok": True})

    def reply_json(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def reply_stream(self, message):
        events = [("message_start", {"type": "message_start", "message": dict(
            message, content=[], stop_reason=None,
            usage={"input_tokens": 10, "output_tokens": 1})})]
        for index, block in enumerate(message["content"]):
            if block["type"] == "text":
                events += [
                    ("content_block_start", {"type": "content_block_start",
                     "index": index, "content_block": {"type": "text",
                                                       "text": ""}}),
                    ("content_block_delta", {"type": "content_block_delta",
                     "index": index, "delta": {"type": "text_delta",
                                               "text": block["text"]}})]
            else:
                events += [
                    ("content_block_start", {"type": "content_block_start",
                     "index": index, "content_block": dict(block, input={})}),
                    ("content_block_delta", {"type": "content_block_delta",
                     "index": index, "delta": {
                         "type": "input_json_delta",
                         "partial_json": json.dumps(block["input"])}})]
            events.append(("content_block_stop", {"type": "content_block_stop",
                                                  "index": index}))
        events += [
            ("message_delta", {"type": "message_delta", "delta": {
                "stop_reason": message["stop_reason"], "stop_sequence": None},
                "usage": {"output_tokens": 5}}),
            ("message_stop", {"type": "message_stop"})]
        data = b"".join(b"event: %s\ndata: %s\n\n" % (
            name.encode(), json.dumps(value).encode())
            for name, value in events)
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=80)
    parser.add_argument("--reply", default="Hello from the mock API.")
    parser.add_argument("--log")
    ARGS = parser.parse_args()
    ThreadingHTTPServer.address_family = __import__("socket").AF_INET6
    server = ThreadingHTTPServer(("::", ARGS.port), Handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
