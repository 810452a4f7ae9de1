#include "toml_text.hpp"

#include <memory>

namespace backcare {
namespace {

bool non_ascii(char c)
{
  return (static_cast<unsigned char>(c) & 0x80) != 0;
}

bool blank(char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Walks the text keeping track of strings and comments, and throws at the
// first non-ASCII character toml++ could test for whitespace (see the
// header). It errs on the side of refusing: a quote opens a string only where
// TOML allows one, and '#' starts a comment only after a blank.
class Guard {
public:
  Guard(std::string_view text, const std::string& path)
    : m_text(text)
    , m_path(std::make_shared<const std::string>(path))
  {
  }

  void run()
  {
    while (m_at < m_text.size()) {
      const char c = m_text[m_at];
      if (c == '"' && may_open_string()) {
        const bool multi_line = ahead("\"\"\"");
        skip(multi_line ? 3 : 1);
        multi_line ? multi_line_basic() : single_line('"');
        m_previous = '"';
      } else if (c == '\'' && may_open_string()) {
        const bool multi_line = ahead("'''");
        skip(multi_line ? 3 : 1);
        multi_line ? until("'''", true) : single_line('\'');
        m_previous = '\'';
      } else if (c == '#' && (m_at == 0 || blank(m_text[m_at - 1]))) {
        until("\n", false);
      } else if (non_ascii(c)) {
        refuse("a character other than ASCII outside a quoted string or a comment");
      } else {
        if (c == '\n' || !blank(c)) {
          m_previous = c;
        }
        skip(1);
      }
    }
  }

private:
  // Where TOML can start a string: a key at the start of a line or after a
  // dot, a value after '=', in an array or an inline table. Elsewhere (inside
  // a bare word such as -"x) a quote is just a character to toml++ too, and
  // what follows is not string text.
  bool may_open_string() const
  {
    return m_previous == '\n' || m_previous == '=' || m_previous == '[' || m_previous == '{' || m_previous == ','
           || m_previous == '.';
  }

  bool ahead(std::string_view what) const { return m_text.substr(m_at).starts_with(what); }

  // Moves over `count` bytes, counting lines and columns (code points).
  void skip(std::size_t count)
  {
    for (; count > 0 && m_at < m_text.size(); --count, ++m_at) {
      if (m_text[m_at] == '\n') {
        ++m_line;
        m_column = 1;
      } else if ((static_cast<unsigned char>(m_text[m_at]) & 0xC0) != 0x80) {
        ++m_column;
      }
    }
  }

  // Moves past the next `end` (or to the end of the text when `inclusive`
  // is false, stopping before it).
  void until(std::string_view end, bool inclusive)
  {
    while (m_at < m_text.size() && !ahead(end)) {
      skip(1);
    }
    if (inclusive) {
      skip(end.size());
    }
  }

  // A single-line string ends at its quote or, unterminated, at the line's
  // end (where toml++ stops with an error).
  void single_line(char quote)
  {
    while (m_at < m_text.size() && m_text[m_at] != quote && m_text[m_at] != '\n') {
      skip(quote == '"' && m_text[m_at] == '\\' ? 2 : 1);
    }
    skip(1);
  }

  void multi_line_basic()
  {
    while (m_at < m_text.size() && !ahead("\"\"\"")) {
      if (m_text[m_at] != '\\') {
        skip(1);
        continue;
      }
      skip(1);
      if (m_at < m_text.size() && blank(m_text[m_at])) { // a line-ending backslash
        while (m_at < m_text.size() && blank(m_text[m_at])) {
          skip(1);
        }
      }
      if (m_at < m_text.size() && non_ascii(m_text[m_at])) {
        refuse("a character other than ASCII right after a backslash or a line-ending backslash in a \"\"\" "
               "string (start the continued line with an ASCII character)");
      }
      skip(1);
    }
    skip(3);
  }

  [[noreturn]] void refuse(const char* what) const
  {
    throw toml::parse_error(what, toml::source_position{m_line, m_column}, m_path);
  }

  std::string_view m_text;
  toml::source_path_ptr m_path;
  std::size_t m_at = 0;
  toml::source_index m_line = 1;
  toml::source_index m_column = 1;
  char m_previous = '\n'; // the last character that was not blank, outside strings and comments
};

} // namespace

toml::table parse_toml(std::string_view text, const std::string& path)
{
  Guard(text, path).run();
  return toml::parse(text, path);
}

} // namespace backcare
