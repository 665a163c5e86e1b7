#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Stands in for Claude Code in the end-to-end tests (B2B_CLAUDE): it drops
# the flags the agent's entrypoint adds, the last being --settings FILE,
# and runs the rest as a command, so that a probe runs exactly where and as
# Claude Code would: the agent's ids, capabilities and namespace.
while [ $# -gt 0 ]; do
  case "$1" in
    --settings) shift 2; break ;;
    *) shift ;;
  esac
done
exec "$@"
