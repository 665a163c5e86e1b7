# SPDX-License-Identifier: Apache-2.0
"""How the agent's start-up talks: quiet unless BACK2BASE_VERBOSE is set,
and one error line, in the CLI's form, that ends it."""
import os
import sys


def say(text):
    if os.environ.get("BACK2BASE_VERBOSE"):
        print("back2base: " + text, file=sys.stderr)


def fail(text):
    sys.exit("oss-back2base: error: " + text)
