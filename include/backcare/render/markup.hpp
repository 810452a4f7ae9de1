#pragma once

// Text inside XML and HTML (the trend SVG, the report's HTML page).

#include <string>
#include <string_view>

namespace backcare {

// `text` safe as element content or a quoted attribute value: control
// characters escaped as escape_control does (XML allows almost none), and
// &, <, > and " written as entities.
std::string escape_markup(std::string_view text);

} // namespace backcare
