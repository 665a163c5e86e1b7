# SPDX-License-Identifier: Apache-2.0
"""Files replaced whole, so that no reader ever sees half of one."""
import os


def write_atomic(path, text):
    """Writes TEXT to PATH, mode 0600, through a partial file beside it."""
    # Sessions of one namespace share ~/.claude, so the partial file's name
    # is random (tempfile would do the same at a cost to every start-up).
    partial = os.path.join(os.path.dirname(path), ".%s.%s.partial" % (
        os.path.basename(path), os.urandom(6).hex()))
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(partial, path)
    except BaseException:
        os.unlink(partial)
        raise
