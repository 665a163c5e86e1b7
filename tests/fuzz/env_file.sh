# SPDX-License-Identifier: Apache-2.0
# Builds the env file parser's libFuzzer target with clang and runs it for a
# bounded time (B2B_FUZZ_SECONDS, default 20) from the seed corpus.
set -euo pipefail
: "${B2B_SOURCE_DIR:?}" "${B2B_BUILD_DIR:?}"
compiler=$(command -v clang++-14 || command -v clang++ || true)
[ -n "$compiler" ] || { echo "clang++ is not installed"; exit 77; }

out="$B2B_BUILD_DIR/fuzz"
mkdir -p "$out/corpus"
src="$B2B_SOURCE_DIR"
if ! "$compiler" -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined \
     -fno-sanitize-recover=undefined -I"$src" \
     "$src/tests/fuzz/env_file_fuzzer.cpp" "$src/core/config/env_file.cpp" \
     "$src/core/config/env_writer.cpp" \
     "$src/core/util/files.cpp" "$src/core/util/strings.cpp" \
     -o "$out/env_file_fuzzer" 2>"$out/build.log"; then
  if grep -q "fuzzer" "$out/build.log" &&
     grep -qi "no such file\|cannot find" "$out/build.log"; then
    echo "libFuzzer is not installed (libclang-rt-14-dev)"; exit 77
  fi
  cat "$out/build.log"; exit 1
fi
cp "$src"/tests/fuzz/corpus/env_file/* "$out/corpus/"
"$out/env_file_fuzzer" -max_total_time="${B2B_FUZZ_SECONDS:-20}" \
  -max_len=4096 -print_final_stats=1 "$out/corpus" 2>&1 | tail -n 12
