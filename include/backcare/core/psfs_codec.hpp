#pragma once

// The interchange format of PSFS ratings: one JSON object per rating
// (`measure list --format json`, `measure export`, read back by `measure
// import`) and CSV rows, one per activity. Pure.

#include "backcare/core/psfs.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// The keys of a rating object, in order. `mean` is computed (never stored)
// and ignored on import.
inline constexpr std::array<std::string_view, 4> k_psfs_keys{"id", "at", "scores", "mean"};

// One object on one line: {"id", "at", "scores": [{"activity", "score"}], "mean"}.
std::string psfs_json(const PsfsRating& rating);

// CSV, one row per activity of a rating: id,at,activity,score,mean.
std::string psfs_csv_header(); // CRLF-terminated
std::string psfs_csv(const PsfsRating& rating);

// Reads a JSON array of ratings as psfs_json writes them (`at` and
// `scores` are required). Each rating is checked with psfs_problem; a bad
// one throws Error(ExitCode::data) naming `name` and the rating's number
// (from 1).
std::vector<PsfsRating> read_psfs_json(const std::string& name, const std::string& text, Date today);

// Rounds to one decimal, as PSFS means are shown.
double psfs_round(double value);

} // namespace backcare
