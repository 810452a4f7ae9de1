#pragma once

// The closed word lists of the contract, one per concept. Each is an enum
// with one name table; option parsing and validation, the config reader,
// shell completion, help texts and the renderers all read these tables, so
// adding a value is a one-place change.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

template <typename E> struct Word {
  E value;
  std::string_view name;
};

// Specialised once per concept below. `words` holds the canonical name of
// every value, in the enum's order (values are 0, 1, 2, ...), then any
// aliases that are also accepted; `count` is the number of values.
template <typename E> struct Vocabulary;

// True when the first `count` words are the values 0..count-1 in order, so
// that name_of() and tables indexed by the enum line up.
template <typename E> constexpr bool in_enum_order()
{
  for (std::size_t i = 0; i < Vocabulary<E>::count; ++i) {
    if (static_cast<std::size_t>(Vocabulary<E>::words[i].value) != i) {
      return false;
    }
  }
  return Vocabulary<E>::count <= Vocabulary<E>::words.size();
}

template <typename E> constexpr std::string_view name_of(E value)
{
  return Vocabulary<E>::words[static_cast<std::size_t>(value)].name;
}

// Any accepted name (canonical or alias).
template <typename E> constexpr std::optional<E> parse_word(std::string_view text)
{
  for (const Word<E>& word : Vocabulary<E>::words) {
    if (word.name == text) {
      return word.value;
    }
  }
  return std::nullopt;
}

// Every value, in order.
template <typename E> constexpr std::array<E, Vocabulary<E>::count> values_of()
{
  std::array<E, Vocabulary<E>::count> values{};
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = Vocabulary<E>::words[i].value;
  }
  return values;
}

// The canonical names (for help texts and JSON), or with the aliases too
// (for validation and completion).
template <typename E> std::vector<std::string> names_of(bool with_aliases = false)
{
  const std::size_t n = with_aliases ? Vocabulary<E>::words.size() : Vocabulary<E>::count;
  std::vector<std::string> names;
  names.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    names.emplace_back(Vocabulary<E>::words[i].name);
  }
  return names;
}

#define BACKCARE_VOCABULARY(E, N, ...)                                                                                 \
  template <> struct Vocabulary<E> {                                                                                   \
    static constexpr std::size_t count = N;                                                                            \
    static constexpr auto words = std::to_array<Word<E>>(__VA_ARGS__);                                                 \
  };                                                                                                                   \
  static_assert(in_enum_order<E>(), #E ": the name table must list the values in enum order")

// Triage levels, least severe first so that comparisons read naturally.
enum class Level { self_care, refer, urgent, emergency };
BACKCARE_VOCABULARY(Level, 4,
                    {{Level::self_care, "self-care"},
                     {Level::refer, "refer"},
                     {Level::urgent, "urgent"},
                     {Level::emergency, "emergency"}});

// "caesarean" is accepted as input; JSON and options use "cesarean".
enum class Delivery { vaginal, cesarean };
BACKCARE_VOCABULARY(
    Delivery, 2, {{Delivery::vaginal, "vaginal"}, {Delivery::cesarean, "cesarean"}, {Delivery::cesarean, "caesarean"}});

enum class Category { alignment, breathing, core, glutes_hamstrings, hip_hinge, move_more };
BACKCARE_VOCABULARY(Category, 6,
                    {{Category::alignment, "alignment"},
                     {Category::breathing, "breathing"},
                     {Category::core, "core"},
                     {Category::glutes_hamstrings, "glutes-hamstrings"},
                     {Category::hip_hinge, "hip-hinge"},
                     {Category::move_more, "move-more"}});

enum class Posture { stacked, anterior_tilt, sway_back, high_hinge };
BACKCARE_VOCABULARY(Posture, 4,
                    {{Posture::stacked, "stacked"},
                     {Posture::anterior_tilt, "anterior-tilt"},
                     {Posture::sway_back, "sway-back"},
                     {Posture::high_hinge, "high-hinge"}});

enum class Equipment { band, dumbbell, kettlebell, step, none };
BACKCARE_VOCABULARY(Equipment, 5,
                    {{Equipment::band, "band"},
                     {Equipment::dumbbell, "dumbbell"},
                     {Equipment::kettlebell, "kettlebell"},
                     {Equipment::step, "step"},
                     {Equipment::none, "none"}});

// Where a pain-log entry hurts.
enum class Location { low_back, pelvis, sacroiliac, pubic, hip, other };
BACKCARE_VOCABULARY(Location, 6,
                    {{Location::low_back, "low-back"},
                     {Location::pelvis, "pelvis"},
                     {Location::sacroiliac, "sacroiliac"},
                     {Location::pubic, "pubic"},
                     {Location::hip, "hip"},
                     {Location::other, "other"}});

// The trend's judgement of the pain.
enum class Verdict { improved, worse, no_meaningful_change, insufficient_data };
BACKCARE_VOCABULARY(Verdict, 4,
                    {{Verdict::improved, "improved"},
                     {Verdict::worse, "worse"},
                     {Verdict::no_meaningful_change, "no-meaningful-change"},
                     {Verdict::insufficient_data, "insufficient-data"}});

// How `trend` groups days.
enum class PeriodKind { day, week, month };
BACKCARE_VOCABULARY(PeriodKind, 3,
                    {{PeriodKind::day, "day"}, {PeriodKind::week, "week"}, {PeriodKind::month, "month"}});

// --color.
enum class ColorMode { automatic, always, never };
BACKCARE_VOCABULARY(ColorMode, 3,
                    {{ColorMode::automatic, "auto"}, {ColorMode::always, "always"}, {ColorMode::never, "never"}});

// Output formats, one list per command (each maps to its renderers in a
// table in the render layer; a format without a renderer does not compile).
enum class PlanFormat { text, json, markdown, csv, ics };
BACKCARE_VOCABULARY(PlanFormat, 5,
                    {{PlanFormat::text, "text"},
                     {PlanFormat::json, "json"},
                     {PlanFormat::markdown, "markdown"},
                     {PlanFormat::csv, "csv"},
                     {PlanFormat::ics, "ics"}});

enum class TrendFormat { text, json, csv, svg };
BACKCARE_VOCABULARY(
    TrendFormat, 4,
    {{TrendFormat::text, "text"}, {TrendFormat::json, "json"}, {TrendFormat::csv, "csv"}, {TrendFormat::svg, "svg"}});

// `log list` and `session list` (text, json, csv); `log export` writes the
// interchange formats only (csv, json).
enum class ListFormat { text, json, csv };
BACKCARE_VOCABULARY(ListFormat, 3, {{ListFormat::text, "text"}, {ListFormat::json, "json"}, {ListFormat::csv, "csv"}});

} // namespace backcare
