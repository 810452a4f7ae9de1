#pragma once

// The saved details of a profile, as `profile show` and `profile set` print them.

#include "backcare/core/entry.hpp"

#include <string>

namespace backcare {

std::string render_profile(const Profile& profile, const std::string& name);

} // namespace backcare
