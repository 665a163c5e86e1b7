// SPDX-License-Identifier: Apache-2.0
#include "core/app/run.hpp"

int main(int argc, char** argv) {
  return b2b::app::run(argc, argv);
}
