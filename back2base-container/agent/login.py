# SPDX-License-Identifier: Apache-2.0
"""`oss-back2base login` in the container (BACK2BASE_LOGIN=1): `claude
setup-token` on the user's terminal, through a pseudo-terminal of ours so
that what it prints can be read as well as shown. The token it prints is
left, 0600, in /run/back2base/login/token, which only this session's
directory on the host sees; the CLI stores it and removes the file.
"""
import os
import pty
import re

from atomic_file import write_atomic

# What setup-token prints is shown with colours and cursor moves; those
# are taken out before the token is looked for.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07")
TOKEN = re.compile(rb"sk-ant-oat01-[A-Za-z0-9_-]{16,}")
KEPT = 1 << 20


def setup_token(claude, out_dir):
    shown = bytearray()

    def relay(fd):
        data = os.read(fd, 4096)
        if len(shown) < KEPT:
            shown.extend(data)
        return data

    status = pty.spawn([claude, "setup-token"], relay)
    found = TOKEN.findall(ESCAPES.sub(b"", bytes(shown)))
    if found:
        write_atomic(os.path.join(out_dir, "token"), found[-1].decode())
    return os.waitstatus_to_exitcode(status)
