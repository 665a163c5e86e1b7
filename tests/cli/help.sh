# SPDX-License-Identifier: Apache-2.0
# --help works for every command and shows an example for each leaf.
source "$(dirname "$0")/lib.sh"

run 0 --help
for command in version install status doctor plugin; do
  has "$OUT" "$command"
done
has "$OUT" "--allow-unsigned-plugins"

run 0 plugin
for command in list keygen sign verify trust; do has "$OUT" "$command"; done

for command in version install status doctor "plugin list" "plugin keygen" \
               "plugin sign" "plugin verify" "plugin trust"; do
  # shellcheck disable=SC2086
  run 0 $command --help
  has "$OUT" "Example: oss-back2base $command"
  empty "$ERR"
done
