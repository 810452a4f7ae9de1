#pragma once

// The PSFS (`backcare measure`): the list of ratings (text, or the
// interchange JSON and CSV of core/psfs_codec.hpp), the answer to `measure
// psfs`, and the PSFS lines and JSON block that `trend` adds to its output.

#include "backcare/core/psfs.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/render/style.hpp"

#include <string>
#include <vector>

namespace backcare {

// `measure list` and `measure export`: a table maps each ListFormat to its renderer.
std::string render_psfs_list(ListFormat format, const std::vector<PsfsRating>& ratings, const Style& style);

// What `measure psfs` says once `stored` is saved; `after`: the series with it.
std::string render_psfs_added(const PsfsRating& stored, const PsfsTrend& after);

// The PSFS lines of `trend` text; empty when there is no rating.
std::string render_psfs_trend_text(const PsfsTrend& trend, const Style& style);

// `trend_json` (a JSON object) with a "psfs" block added at the end; the
// same text when there is no rating.
std::string add_psfs_to_trend_json(const std::string& trend_json, const PsfsTrend& trend);

} // namespace backcare
