# SPDX-License-Identifier: Apache-2.0
"""`oss-back2base login` in the container (BACK2BASE_LOGIN=1): `claude
setup-token` on the user's terminal, through a pseudo-terminal of ours so
that what it prints can be read as well as shown. The token it prints is
left, 0600, in /run/back2base/login/token, which only this session's
directory on the host sees; the CLI stores it and removes the file.
"""
import fcntl
import os
import pty
import re
import select
import struct
import termios
import tty

from atomic_file import write_atomic

# What setup-token prints is shown with colours and cursor moves; those
# are taken out before the token is looked for.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07")
TOKEN = re.compile(rb"sk-ant-oat01-[A-Za-z0-9_-]{16,}")
KEPT = 1 << 20
# As wide as no token is long: a token wrapped across lines would be
# found cut short.
COLUMNS = 1000


def relay(master, shown):
    """The user's keys to the child, its output to the user (and kept),
    until the child's side closes."""
    watched = [master, 0]
    while True:
        ready, _, _ = select.select(watched, [], [])
        if master in ready:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child's side is closed
                return
            if not data:
                return
            os.write(1, data)
            if len(shown) < KEPT:
                shown.extend(data)
        if 0 in ready:
            data = os.read(0, 4096)
            if data:
                os.write(master, data)
            else:
                watched = [master]  # no more keys to come


def setup_token(claude, out_dir):
    pid, master = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, COLUMNS,
                                                       0, 0))
        os.execvp(claude, [claude, "setup-token"])
    shown = bytearray()
    saved = None
    try:
        saved = termios.tcgetattr(0)
        tty.setraw(0)
    except termios.error:
        pass  # not a terminal: keys are relayed as they come
    try:
        relay(master, shown)
    finally:
        if saved is not None:
            termios.tcsetattr(0, termios.TCSAFLUSH, saved)
    _, status = os.waitpid(pid, 0)
    found = TOKEN.findall(ESCAPES.sub(b"", bytes(shown)))
    if found:
        write_atomic(os.path.join(out_dir, "token"), found[-1].decode())
    return os.waitstatus_to_exitcode(status)
