#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Claude Code's status line for a session (its statusLine setting): the
# model, the project's namespace and profile, the firewall's state and how
# many attempts it has refused. Claude Code sends its state as JSON on
# stdin; one line goes out.
state=${B2B_FIREWALL_STATE:-/run/back2base/firewall}
model=$(jq -r '.model.display_name // .model.id // empty' 2>/dev/null)
firewall=off
if [ -f "$state/ready" ]; then
  firewall=$(sed -n 's/^firewall=//p' "$state/ready")
fi
refused=$(cat "$state/refused" 2>/dev/null || echo 0)
printf '%s · ns:%s · %s · firewall:%s · refused:%s\n' \
  "${model:-${BACK2BASE_MODEL:-default}}" "${BACK2BASE_NAMESPACE:-?}" \
  "${BACK2BASE_PROFILE:-?}" "$firewall" "$refused"
