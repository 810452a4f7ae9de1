#pragma once

// Renderers for `backcare report`: Markdown to paste into a mail or a
// clinic's notes, one self-contained HTML page to print (inline SVG chart
// and CSS, no script, no external URL), and JSON for scripts
// (docs/schema/report.schema.json).

#include "backcare/core/report.hpp"

#include <string>

namespace backcare {

std::string render_report_markdown(const Report& report);
std::string render_report_html(const Report& report);
std::string render_report_json(const Report& report);

// The report in `format`: a table maps each ReportFormat to its renderer.
std::string render_report(ReportFormat format, const Report& report);

} // namespace backcare
