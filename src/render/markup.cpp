#include "backcare/render/markup.hpp"

#include "backcare/core/text.hpp"

namespace backcare {

std::string escape_markup(std::string_view text)
{
  std::string out;
  for (const char c : escape_control(text)) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace backcare
