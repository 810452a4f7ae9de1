#include "backcare/render/profile.hpp"
#include "backcare/core/error.hpp"
#include "backcare/store/files.hpp"
#include "backcare/store/profiles.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace backcare::cli {
namespace {

struct ProfileOptions {
  std::string birth_date;
  std::string delivery;
  std::string pain_since;
  std::vector<std::string> postures;
  std::vector<std::string> equipment;
};

int run_set(const ProfileOptions& o, const Context& context)
{
  const Date now = context.today();
  Profile changes;
  if (!o.birth_date.empty()) {
    changes.birth_date = parse_date_option("--birth-date", o.birth_date);
    if (*changes.birth_date > now) {
      throw usage_error(fmt::format("--birth-date {} is after today ({})", o.birth_date, format_date(now)));
    }
  }
  if (!o.delivery.empty()) {
    changes.delivery = parse_choice<Delivery>("--delivery", o.delivery);
  }
  if (!o.pain_since.empty()) {
    changes.pain_since = parse_date_option("--pain-since", o.pain_since);
    if (*changes.pain_since > now) {
      throw usage_error(fmt::format("--pain-since {} is after today ({})", o.pain_since, format_date(now)));
    }
  }
  for (const std::string& posture : o.postures) {
    parse_choice<Posture>("--posture", posture);
  }
  for (const std::string& item : o.equipment) {
    parse_choice<Equipment>("--equipment", item);
  }
  if (changes.empty() && o.postures.empty() && o.equipment.empty()) {
    throw usage_error("profile set: give at least one of --birth-date, --delivery, --pain-since, --posture, "
                      "--equipment");
  }
  const auto log = open_log(context, LogAccess::write);
  Profile profile = log->profile();
  profile.birth_date = changes.birth_date ? changes.birth_date : profile.birth_date;
  profile.delivery = changes.delivery ? changes.delivery : profile.delivery;
  profile.pain_since = changes.pain_since ? changes.pain_since : profile.pain_since;
  profile.postures = o.postures.empty() ? profile.postures : o.postures;
  profile.equipment = o.equipment.empty() ? profile.equipment : o.equipment;
  log->save_profile(profile);
  tell_saved("saved the profile", [&] { return "Saved.\n" + render_profile(profile, context.global.profile); });
  return 0;
}

int run_show(const Context& context)
{
  write_output("", render_profile(open_log(context, LogAccess::read)->profile(), context.global.profile));
  return 0;
}

int run_clear(const Context& context)
{
  open_log(context, LogAccess::read)->clear_profile();
  tell_saved("cleared the profile", [&] {
    return fmt::format("Cleared the saved details of profile '{}' (its pain log is kept).\n", context.global.profile);
  });
  return 0;
}

int run_list(const Context& context)
{
  std::string text;
  for (const std::string& name : profile_names(context.data_dir())) {
    text += name + "\n";
  }
  write_output("", text);
  return 0;
}

} // namespace

void setup_profile(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<ProfileOptions>();
  CLI::App* profile = app.add_subcommand("profile", "Save details that plan uses when flags are not given");
  profile->require_subcommand(1);
  profile->footer("Example:\n  backcare profile set --birth-date 2026-09-01 --delivery cesarean\n"
                  "  backcare --profile client-2 profile show");

  CLI::App* set = profile->add_subcommand("set", "Save or change details (others are kept)");
  set->footer("Example:\n  backcare profile set --birth-date 2026-09-01 --delivery cesarean --posture high-hinge");
  set->add_option("--birth-date", o->birth_date, "Date of birth of the baby")->type_name("DATE");
  context.options.choices(set->add_option("--delivery", o->delivery, choice_help<Delivery>())->type_name("TYPE"),
                          names_of<Delivery>(true));
  set->add_option("--pain-since", o->pain_since, "Date the back pain started")->type_name("DATE");
  context.options.choices(
      set->add_option("--posture", o->postures, "Repeatable: " + choice_help<Posture>())->type_name("P"),
      names_of<Posture>());
  context.options.choices(
      set->add_option("--equipment", o->equipment, "Repeatable: " + choice_help<Equipment>())->type_name("E"),
      names_of<Equipment>());
  on_parsed(*set, action, [o, &context] { return run_set(*o, context); });

  CLI::App* show = profile->add_subcommand("show", "Show the saved details");
  show->footer("Example:\n  backcare --profile client-2 profile show");
  on_parsed(*show, action, [&context] { return run_show(context); });

  CLI::App* clear = profile->add_subcommand("clear", "Forget the saved details (the pain log is kept)");
  clear->footer("Example:\n  backcare profile clear");
  on_parsed(*clear, action, [&context] { return run_clear(context); });

  CLI::App* list = profile->add_subcommand("list", "Print the profiles that have a log, one per line");
  list->footer("Example:\n  backcare profile list");
  on_parsed(*list, action, [&context] { return run_list(context); });
  reject_empty_values(*profile, context.options);
}

} // namespace backcare::cli
