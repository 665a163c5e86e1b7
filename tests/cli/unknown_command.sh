# SPDX-License-Identifier: Apache-2.0
# A word that names no command is an error with a suggestion and exit
# status 3, never a prompt; a stray argument or flag is a usage error (2).
source "$(dirname "$0")/lib.sh"

run 3 plgin
has "$ERR" 'oss-back2base: error: unknown command "plgin"; did you mean '\
'"oss-back2base plugin"?'
empty "$OUT"

run 3 plugin lst
has "$ERR" 'did you mean "oss-back2base plugin list"?'

run 3 frobnicate
has "$ERR" 'unknown command "frobnicate"; run "oss-back2base --help" to '\
'see the commands'

run 2 plugin list extra
has "$ERR" 'oss-back2base plugin list: unexpected argument "extra"'

run 2 --no-such-flag
has "$ERR" 'oss-back2base: unknown flag "--no-such-flag"; run '

run 2 plugin list --jsno
has "$ERR" 'oss-back2base plugin list: unknown flag "--jsno"; did you mean '\
'"--json"?'

run 2 doctor --verbsoe
has "$ERR" 'did you mean "--verbose"?'

run 2 plugin verify
has "$ERR" 'oss-back2base: error: oss-back2base plugin verify: file is required'
has "$ERR" 'run "oss-back2base plugin verify --help"'
