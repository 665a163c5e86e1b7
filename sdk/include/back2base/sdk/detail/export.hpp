// SPDX-License-Identifier: Apache-2.0
// Plumbing for the export macro in plugin.hpp; not for plugin authors.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
/// Makes a symbol visible from a shared object built with hidden visibility.
#define B2B_SDK_DETAIL_EXPORT __attribute__((visibility("default")))
#else
#error "back2base plugins are built with GCC or Clang"
#endif

/// The symbol under which a plugin exports its descriptor.
#define B2B_SDK_DETAIL_DESCRIPTOR_SYMBOL b2b_plugin_descriptor
/// The symbol under which a plugin exports its factory.
#define B2B_SDK_DETAIL_FACTORY_SYMBOL b2b_plugin_create
