#include "backcare/store/config.hpp"
#include "toml_text.hpp"

#include "backcare/core/vocabulary.hpp"

#include "backcare/core/catalog.hpp"
#include "backcare/core/entry.hpp"
#include "backcare/core/error.hpp"
#include "backcare/store/files.hpp"
#include "backcare/store/pain_log.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace backcare {
namespace {

class Reader {
public:
  explicit Reader(std::string path)
    : m_path(std::move(path))
  {
  }

  [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const
  {
    throw Error(ExitCode::config, fmt::format("{}:{}: {}", m_path, where.begin.line, message));
  }

  std::optional<std::string> text(const toml::table& table, std::string_view key,
                                  const std::vector<std::string>& allowed = {}) const
  {
    const toml::node* node = table.get(key);
    if (!node) {
      return std::nullopt;
    }
    if (!node->is_string()) {
      fail(node->source(), fmt::format("'{}' must be a string", key));
    }
    std::string value = *node->value<std::string>();
    if (value.empty()) {
      fail(node->source(), fmt::format("'{}' must not be empty (leave the key out for the default)", key));
    }
    check(node->source(), key, value, allowed);
    return value;
  }

  std::optional<int> number(const toml::table& table, std::string_view key, int min, int max) const
  {
    const toml::node* node = table.get(key);
    if (!node) {
      return std::nullopt;
    }
    const auto value = node->value<int64_t>();
    if (!node->is_integer() || *value < min || *value > max) {
      fail(node->source(), fmt::format("'{}' must be a whole number {}-{}", key, min, max));
    }
    return static_cast<int>(*value);
  }

  std::optional<bool> boolean(const toml::table& table, std::string_view key) const
  {
    const toml::node* node = table.get(key);
    if (node && !node->is_boolean()) {
      fail(node->source(), fmt::format("'{}' must be true or false", key));
    }
    return node ? node->value<bool>() : std::nullopt;
  }

  std::vector<std::string> texts(const toml::table& table, std::string_view key,
                                 const std::vector<std::string>& allowed) const
  {
    std::vector<std::string> values;
    const toml::node* node = table.get(key);
    if (!node) {
      return values;
    }
    if (!node->is_array()) {
      fail(node->source(), fmt::format("'{}' must be a list of strings", key));
    }
    for (const toml::node& item : *node->as_array()) {
      if (!item.is_string()) {
        fail(item.source(), fmt::format("'{}' must be a list of strings", key));
      }
      values.push_back(*item.value<std::string>());
      check(item.source(), key, values.back(), allowed);
    }
    return values;
  }

  void only_keys(const toml::table& table, const std::set<std::string>& known, std::string_view where) const
  {
    for (auto&& [key, value] : table) {
      if (!known.count(std::string(key.str()))) {
        fail(key.source(), fmt::format("unknown key '{}'{} (known: {})", key.str(), where, fmt::join(known, ", ")));
      }
    }
  }

private:
  void check(const toml::source_region& where, std::string_view key, const std::string& value,
             const std::vector<std::string>& allowed) const
  {
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      fail(where, fmt::format("'{}' must be one of {}, got '{}'", key, fmt::join(allowed, ", "), value));
    }
  }

  std::string m_path;
};

} // namespace

std::string default_config_path(const char* xdg_config_home, const char* home)
{
  namespace fs = std::filesystem;
  const fs::path base = xdg_config_home && *xdg_config_home == '/' ? fs::path(xdg_config_home)
                                                                   : fs::path(home && *home ? home : ".") / ".config";
  return (base / "backcare" / "config.toml").string();
}

Config load_config(const std::string& path, bool required)
{
  // A default config file that cannot even be seen (a folder without
  // permission on the way) counts as no config, like a missing one.
  std::error_code ec;
  if (!required && !std::filesystem::exists(path, ec)) {
    return {};
  }
  try {
    return parse_config(read_input_file(path, "--config"), path);
  } catch (const Error& e) {
    if (e.code() != ExitCode::data) { // too large: a bad config, not bad data
      throw;
    }
    throw Error(ExitCode::config, e.what());
  }
}

Config parse_config(const std::string& text, const std::string& path)
{
  // A byte-order mark, as some editors write, is not part of the TOML.
  const std::string_view body =
      std::string_view(text).starts_with("\xEF\xBB\xBF") ? std::string_view(text).substr(3) : std::string_view(text);
  toml::table doc;
  try {
    doc = parse_toml(body, path);
  } catch (const toml::parse_error& e) {
    throw Error(ExitCode::config, fmt::format("{}:{}: {}", path, e.source().begin.line, std::string(e.description())));
  }
  const Reader reader(path);
  reader.only_keys(doc, {"data-dir", "profile", "catalog", "color", "backup-keep", "plan"}, "");
  Config config;
  config.data_dir = reader.text(doc, "data-dir");
  config.profile = reader.text(doc, "profile");
  if (config.profile && !is_profile_name(*config.profile)) {
    reader.fail(doc.get("profile")->source(),
                fmt::format("'profile' must be 1-64 letters, digits, '.', '_' or '-', got '{}'", *config.profile));
  }
  config.catalog = reader.text(doc, "catalog");
  config.color = reader.text(doc, "color", names_of<ColorMode>());
  config.backup_keep = reader.number(doc, "backup-keep", 1, 1000);
  if (const toml::node* node = doc.get("plan")) {
    if (!node->is_table()) {
      reader.fail(node->source(), "'plan' must be a table ([plan])");
    }
    const toml::table& plan = *node->as_table();
    reader.only_keys(plan, {"delivery", "posture", "equipment", "format", "weeks-ahead", "time", "remind", "explain"},
                     " in [plan]");
    config.plan.delivery = reader.text(plan, "delivery", names_of<Delivery>(true));
    config.plan.postures = reader.texts(plan, "posture", names_of<Posture>());
    config.plan.equipment = reader.texts(plan, "equipment", names_of<Equipment>());
    config.plan.format = reader.text(plan, "format", names_of<PlanFormat>());
    config.plan.weeks_ahead = reader.number(plan, "weeks-ahead", 1, 12);
    config.plan.time = reader.text(plan, "time");
    if (config.plan.time && !is_clock_time(*config.plan.time)) {
      reader.fail(plan.get("time")->source(), fmt::format("'time' must be HH:MM, got '{}'", *config.plan.time));
    }
    config.plan.remind = reader.number(plan, "remind", 0, 10080);
    config.plan.explain = reader.boolean(plan, "explain");
  }
  return config;
}

} // namespace backcare
