#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The allowlist the CLI hands the firewall: what it accepts, and that a bad
# entry is named by its line and stops everything.

setup() {
  source "$BATS_TEST_DIRNAME/../firewall/allowlist.sh"
  list="$BATS_TEST_TMPDIR/allowlist"
}

@test "names, wildcards and ssh entries come out in file order" {
  printf '%s\n' '# Claude Code' api.anthropic.com '' '*.example.org  # docs' \
    ssh:github.com >"$list"
  run b2b_read_allowlist "$list"
  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'web api.anthropic.com\nweb *.example.org\nssh github.com')" ]
}

@test "duplicates are dropped, after case and a trailing dot are undone" {
  printf '%s\n' api.example.com API.Example.COM. ' api.example.com ' \
    ssh:api.example.com >"$list"
  run b2b_read_allowlist "$list"
  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'web api.example.com\nssh api.example.com')" ]
}

@test "every bad entry is named with its line, and nothing is allowed" {
  printf '%s\n' good.example.com https://x.example.com 10.0.0.1 \
    10.0.0.0/8 '*.com' 'a*.example.com' example.com:443 'two words.com' \
    -bad.example.com >"$list"
  run b2b_read_allowlist "$list"
  [ "$status" -eq 1 ]
  [[ "$output" == *"$list:2: \"https://x.example.com\" is a URL"* ]]
  [[ "$output" == *"$list:3: \"10.0.0.1\" is an address"* ]]
  [[ "$output" == *"$list:4: \"10.0.0.0/8\" is a network"* ]]
  [[ "$output" == *"$list:5: \"*.com\" is too broad"* ]]
  [[ "$output" == *"$list:6: \"a*.example.com\" may use \"*\" only"* ]]
  [[ "$output" == *"$list:7: \"example.com:443\" has a port"* ]]
  [[ "$output" == *"$list:8: \"two words.com\" is not a host name"* ]]
  [[ "$output" == *"$list:9: \"-bad.example.com\" has a label"* ]]
  [[ "$output" != *"web good.example.com"* ]]
}

@test "an empty list allows nothing; a missing one is an error" {
  : >"$list"
  run b2b_read_allowlist "$list"
  [ "$status" -eq 0 ] && [ -z "$output" ]
  run b2b_read_allowlist "$BATS_TEST_TMPDIR/missing"
  [ "$status" -eq 1 ]
  [[ "$output" == *"missing: cannot read the allowlist"* ]]
}
