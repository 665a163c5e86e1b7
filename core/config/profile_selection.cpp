// SPDX-License-Identifier: Apache-2.0
#include "core/config/profile_selection.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <algorithm>

namespace b2b::config {
namespace {

void add_once(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) {
    list.push_back(name);
  }
}

bool contains(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

/// Every server that core or some profile names.
std::vector<std::string> named_servers(const ProfileSet& profiles) {
  std::vector<std::string> out = profiles.core;
  for (const Profile& profile : profiles.profiles) {
    for (const std::string& server : profile.servers) {
      add_once(out, server);
    }
  }
  return out;
}

}  // namespace

ProfileRequest profile_request(const std::optional<std::string>& flag,
                               const Settings& settings,
                               const ProfileSet& profiles) {
  ProfileRequest request{std::string(k_auto_profile), "default"};
  if (flag) {
    request = {*flag, "--profile"};
  } else if (std::optional<Setting> setting = settings.get("BACK2BASE_PROFILE");
             setting && !setting->value.empty()) {
    request = {setting->value, setting->origin == Origin::default_value
                                   ? "default"
                                   : described(*setting)};
  }
  if (request.name == k_auto_profile || request.name == k_last_profile ||
      profiles.find(request.name) != nullptr) {
    return request;
  }
  std::vector<std::string> valid{std::string(k_auto_profile),
                                 std::string(k_last_profile)};
  for (const std::string& name : profiles.names()) {
    valid.push_back(name);
  }
  std::string near = util::closest_match(request.name, valid);
  throw Error(
      request.origin + ": unknown profile " + util::quote(request.name) +
          (near.empty() ? "" : "; did you mean " + util::quote(near) + "?") +
          "; the profiles are " + util::join(valid),
      request.origin == "--profile" ? exit_status::k_usage
                                    : exit_status::k_failure);
}

ProfileRequest resolve_last(const ProfileRequest& request,
                            const std::optional<std::string>& remembered,
                            const ProfileSet& profiles) {
  if (request.name != k_last_profile) {
    return request;
  }
  if (remembered && (*remembered == k_auto_profile ||
                     profiles.find(*remembered) != nullptr)) {
    return {*remembered, request.origin + ", remembered for this namespace"};
  }
  return {std::string(k_auto_profile),
          request.origin + ", nothing remembered for this namespace"};
}

ProfileChoice choose_profiles(const ProfileRequest& request,
                              const ProfileSet& profiles,
                              const McpRegistry& registry,
                              const std::vector<std::string>& detected,
                              const Settings& settings) {
  ProfileChoice choice;
  choice.request = request;
  if (request.name != k_auto_profile) {
    choice.profiles = {request.name};
    choice.reason = "named by " + request.origin;
  } else {
    for (const std::string& name : detected) {
      if (profiles.find(name) == nullptr) {
        add_once(choice.unknown_matches, name);
      }
    }
    for (const Profile& profile : profiles.profiles) {
      if (contains(detected, profile.name)) {
        choice.profiles.push_back(profile.name);
      }
    }
    const std::string from = "auto from " + request.origin;
    if (!choice.profiles.empty()) {
      choice.reason = "detected, " + from;
    } else if (profiles.find(k_fallback_profile) != nullptr) {
      choice.profiles = {std::string(k_fallback_profile)};
      choice.reason = "nothing detected, " + from;
    } else {
      choice.reason =
          "nothing detected and no general profile, so the "
          "core servers alone; " +
          from;
    }
  }

  std::vector<std::string> wanted = profiles.core;
  for (const std::string& name : choice.profiles) {
    for (const std::string& server : profiles.find(name)->servers) {
      add_once(wanted, server);
    }
  }
  // A server the user added by hand and no profile names is loaded by
  // every session: they added it to use it.
  std::vector<std::string> named = named_servers(profiles);
  for (const McpServer& server : registry.servers) {
    if (server.own && !contains(named, server.name)) {
      add_once(wanted, server.name);
    }
  }
  for (const std::string& name : wanted) {
    if (registry.find(name) != nullptr) {
      choice.servers.push_back(name);
    } else {
      choice.dropped.push_back(
          {name, "not in " + registry.source + "; add it back to load it"});
    }
  }

  if (std::optional<Setting> model = settings.get("BACK2BASE_MODEL");
      model && !model->value.empty()) {
    choice.model = model->value;
    choice.model_origin = described(*model);
    return choice;
  }
  for (const std::string& name : choice.profiles) {
    if (const Profile* profile = profiles.find(name); profile->model) {
      choice.model = profile->model;
      choice.model_origin = "pinned by profile " + name;
      break;
    }
  }
  if (!choice.model) {
    choice.model_origin = "Claude Code's default";
  }
  return choice;
}

}  // namespace b2b::config
