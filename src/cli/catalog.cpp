#include "backcare/render/catalog.hpp"
#include "backcare/core/error.hpp"
#include "backcare/core/text.hpp"
#include "backcare/store/catalog_loader.hpp"
#include "backcare/store/files.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace backcare::cli {
namespace {

struct CatalogOptions {
  std::string id;
  std::string check_path;
};

int run_check(const CatalogOptions& o, const Context& context)
{
  const Catalog catalog = o.check_path.empty() ? load_catalog(context) : backcare::load_catalog(o.check_path);
  const auto count = [](std::size_t n, std::string_view one, std::string_view many) {
    return counted(static_cast<long long>(n), one, many);
  };
  write_output("", fmt::format("ok: catalog {}: {}, {}, {}, {}\n", catalog.version,
                               count(catalog.exercises.size(), "exercise", "exercises"),
                               count(catalog.phases.size(), "phase", "phases"),
                               count(catalog.symptoms.size(), "symptom", "symptoms"),
                               count(catalog.rules.size(), "rule", "rules")));
  return 0;
}

int run_show(const CatalogOptions& o, const Context& context)
{
  const Catalog catalog = load_catalog(context);
  const std::string text = render_catalog_item(catalog, o.id, context.text_width(true));
  if (text.empty()) {
    throw usage_error(fmt::format("catalog show: no exercise, rule, symptom or phase '{}' "
                                  "(backcare catalog list and backcare catalog symptoms list them)",
                                  o.id));
  }
  write_output("", text);
  return 0;
}

} // namespace

void setup_catalog(CLI::App& app, Context& context, Action& action)
{
  auto options = std::make_shared<CatalogOptions>();
  CLI::App* catalog = app.add_subcommand("catalog", "Browse and validate the exercise and rule catalog");
  catalog->require_subcommand(1);
  catalog->footer("Example:\n  backcare catalog show heel-slide\n  backcare catalog check ./my-catalog");

  CLI::App* list = catalog->add_subcommand("list", "List the exercises by phase");
  list->footer("Example:\n  backcare catalog list");
  on_parsed(*list, action, [&context] {
    write_output("", render_catalog_list(load_catalog(context)));
    return 0;
  });

  CLI::App* show = catalog->add_subcommand("show", "Show one exercise, rule, symptom or phase (by number)");
  show->footer("Example:\n  backcare catalog show heel-slide\n  backcare catalog show 3");
  context.options.choices(
      show->add_option("id", options->id, "Exercise, rule or symptom id, or a phase number")->required(),
      [](const Catalog& c) {
        std::vector<std::string> ids;
        for (const Exercise& e : c.exercises) {
          ids.push_back(e.id);
        }
        for (const Rule& r : c.rules) {
          ids.push_back(r.id);
        }
        for (const Symptom& s : c.symptoms) {
          ids.push_back(s.id);
        }
        for (const Phase& p : c.phases) {
          ids.push_back(std::to_string(p.number));
        }
        return ids;
      });
  on_parsed(*show, action, [options, &context] { return run_show(*options, context); });

  CLI::App* symptoms = catalog->add_subcommand("symptoms", "List the warning symptoms with their questions");
  symptoms->footer("Example:\n  backcare catalog symptoms");
  on_parsed(*symptoms, action, [&context] {
    write_output("", render_catalog_symptoms(load_catalog(context), context.text_width(true)));
    return 0;
  });

  CLI::App* check = catalog->add_subcommand("check", "Validate a catalog file or folder (default: the one in use)");
  check->footer("Example:\n  backcare catalog check ./my-catalog");
  check->add_option("path", options->check_path, "Catalog file or folder")->type_name("PATH");
  on_parsed(*check, action, [options, &context] { return run_check(*options, context); });
  reject_empty_values(*catalog, context.options);
}

} // namespace backcare::cli
