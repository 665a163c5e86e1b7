#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs a command in a terminal of its own, as a person at a keyboard
would, for tests of interactive sessions: the command's output goes to
LOG, SIGINT and SIGTERM reach it as SIGINT (a Ctrl-C), and its exit
status is ours. Each --answer types TEXT once PROMPT has been shown, in
the order given, as the person would type it.

  in_terminal.py LOG [--answer PROMPT TEXT]... COMMAND [ARGS...]
"""
import fcntl
import os
import pty
import signal
import struct
import sys
import termios


def main():
    log_path, rest = sys.argv[1], sys.argv[2:]
    answers = []
    while rest[:1] == ["--answer"]:
        answers.append((rest[1].encode(), rest[2].encode()))
        rest = rest[3:]
    pid, terminal = pty.fork()
    if pid == 0:
        os.execvp(rest[0], rest)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120,
                                                          0, 0))
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: os.kill(pid, signal.SIGINT))
    shown = b""
    with open(log_path, "ab", buffering=0) as log:
        while True:
            try:
                data = os.read(terminal, 65536)
            except InterruptedError:
                continue
            except OSError:  # EIO: the command's side is closed
                break
            if not data:
                break
            log.write(data)
            shown += data
            if answers and answers[0][0] in shown:
                shown = shown[shown.index(answers[0][0]) + len(answers[0][0]):]
                os.write(terminal, answers.pop(0)[1])
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
