#include "backcare/core/error.hpp"
#include "backcare/store/files.hpp"
#include "choices.hpp"
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

std::string describe(const Profile& p, const std::string& name)
{
  if (p.empty()) {
    return fmt::format("No details saved for profile '{}'. Save some with: backcare profile set --birth-date DATE\n",
                       name);
  }
  const auto date = [](const std::optional<Date>& d) { return d ? format_date(*d) : std::string("-"); };
  const auto list = [](const std::vector<std::string>& items) {
    return items.empty() ? std::string("-") : fmt::format("{}", fmt::join(items, ", "));
  };
  return fmt::format("profile:    {}\nbirth date: {}\ndelivery:   {}\npain since: {}\npostures:   {}\nequipment:  {}\n",
                     name, date(p.birth_date), p.delivery ? std::string(to_string(*p.delivery)) : "-",
                     date(p.pain_since), list(p.postures), list(p.equipment));
}

int run_set(const ProfileOptions& o, const GlobalOptions& global)
{
  const Date now = today(global);
  Profile changes;
  if (!o.birth_date.empty()) {
    changes.birth_date = parse_date_option("--birth-date", o.birth_date);
    if (*changes.birth_date > now) {
      throw usage_error(fmt::format("--birth-date {} is after today ({})", o.birth_date, format_date(now)));
    }
  }
  if (!o.delivery.empty()) {
    check_choice("--delivery", o.delivery, k_deliveries);
    changes.delivery = parse_delivery(o.delivery);
  }
  if (!o.pain_since.empty()) {
    changes.pain_since = parse_date_option("--pain-since", o.pain_since);
    if (*changes.pain_since > now) {
      throw usage_error(fmt::format("--pain-since {} is after today ({})", o.pain_since, format_date(now)));
    }
  }
  for (const std::string& posture : o.postures) {
    check_choice("--posture", posture, k_postures);
  }
  for (const std::string& item : o.equipment) {
    check_choice("--equipment", item, k_equipment);
  }
  if (changes.empty() && o.postures.empty() && o.equipment.empty()) {
    throw usage_error("profile set: give at least one of --birth-date, --delivery, --pain-since, --posture, "
                      "--equipment");
  }
  const auto log = open_log(global, true);
  Profile profile = log->profile();
  profile.birth_date = changes.birth_date ? changes.birth_date : profile.birth_date;
  profile.delivery = changes.delivery ? changes.delivery : profile.delivery;
  profile.pain_since = changes.pain_since ? changes.pain_since : profile.pain_since;
  profile.postures = o.postures.empty() ? profile.postures : o.postures;
  profile.equipment = o.equipment.empty() ? profile.equipment : o.equipment;
  log->save_profile(profile);
  write_output("", "Saved.\n" + describe(profile, global.profile));
  return 0;
}

int run_show(const GlobalOptions& global)
{
  const auto log = open_log(global, false);
  write_output("", describe(log ? log->profile() : Profile{}, global.profile));
  return 0;
}

int run_clear(const GlobalOptions& global)
{
  if (const auto log = open_log(global, false)) {
    log->clear_profile();
  }
  write_output("", fmt::format("Cleared the saved details of profile '{}' (its pain log is kept).\n", global.profile));
  return 0;
}

} // namespace

void setup_profile(CLI::App& app, const GlobalOptions& global, Action& action)
{
  auto o = std::make_shared<ProfileOptions>();
  CLI::App* profile = app.add_subcommand("profile", "Save details that plan uses when flags are not given");
  profile->require_subcommand(1);
  profile->footer("Example:\n  backcare profile set --birth-date 2026-09-01 --delivery cesarean\n"
                  "  backcare --profile client-2 profile show");

  CLI::App* set = profile->add_subcommand("set", "Save or change details (others are kept)");
  set->footer("Example:\n  backcare profile set --birth-date 2026-09-01 --delivery cesarean --posture high-hinge");
  set->add_option("--birth-date", o->birth_date, "Date of birth of the baby")->type_name("DATE");
  with_choices(set->add_option("--delivery", o->delivery, "vaginal or cesarean")->type_name("TYPE"), k_deliveries);
  set->add_option("--pain-since", o->pain_since, "Date the back pain started")->type_name("DATE");
  with_choices(set->add_option("--posture", o->postures, "Repeatable: stacked, anterior-tilt, sway-back, high-hinge")
                   ->type_name("P"),
               k_postures);
  with_choices(set->add_option("--equipment", o->equipment, "Repeatable: band, dumbbell, kettlebell, step, none")
                   ->type_name("E"),
               k_equipment);
  on_parsed(*set, action, [o, &global] { return run_set(*o, global); });

  CLI::App* show = profile->add_subcommand("show", "Show the saved details");
  show->footer("Example:\n  backcare --profile client-2 profile show");
  on_parsed(*show, action, [&global] { return run_show(global); });

  CLI::App* clear = profile->add_subcommand("clear", "Forget the saved details (the pain log is kept)");
  clear->footer("Example:\n  backcare profile clear");
  on_parsed(*clear, action, [&global] { return run_clear(global); });
  reject_empty_values(*profile);
}

} // namespace backcare::cli
