#pragma once
// Renderings of a CheckReport and of the catalogue: text for a terminal, JSON and CSV
// (CHECKS.md "Machine-readable output"). All deterministic; no I/O (a
// TextSink receives the pieces).

#include "planner/checks/checks.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace planner {

// Receives a rendering in pieces, each ending at a line end, so that a large report (a million
// people give hundreds of megabytes of findings) is written out as it is made.
using TextSink = std::function<void(std::string_view)>;

enum class Colour { off, on };

// Aligned text that fits 100 columns: a summary line, then the open findings grouped per cause
// and ranked (finding_groups.hpp): a single finding with severity, id, subject, message,
// evidence and recommendation; a group with its rule and cause, then each instance. Then the
// suppressed findings with their reasons.
// ANSI colour on the severity when `colour` is on.
// Wrapped to `width` columns (at least 40).
std::string render_check_text(const CheckReport& report, Colour colour, int width = 100);
class Texts;
// The same in the language of `texts` (templates/LANG.yaml, block check_output). The findings'
// own messages are in the language the checks ran in (run_checks with the same texts).
std::string render_check_text(const CheckReport& report, Colour colour, const Texts& texts,
                              int width = 100);
void render_check_text(const CheckReport& report, Colour colour, const Texts& texts, int width,
                       const TextSink& sink);
// The same renderings of a report whose findings are in a spool (`planner check`).
struct SpooledReport;
void render_check_text(const SpooledReport& report, Colour colour, const Texts& texts, int width,
                       const TextSink& sink);
void render_check_json(const SpooledReport& report, const TextSink& sink);
void render_check_csv(const SpooledReport& report, const TextSink& sink);

// {"plan": NAME, "findings": [...], "suppressed": [...], "counts": {...}}; evidence values
// that are plain decimal numbers are written as JSON numbers, the rest as strings.
std::string render_check_json(const CheckReport& report);
void render_check_json(const CheckReport& report, const TextSink& sink);

// check,severity,subject,message,recommendation: one row per open finding (RFC 4180, CRLF).
std::string render_check_csv(const CheckReport& report);
void render_check_csv(const CheckReport& report, const TextSink& sink);

// The catalogue for `check --list`.
std::string render_catalogue_text(int width = 100);
std::string render_catalogue_json();
std::string render_catalogue_csv(); // id,severity,area,title,description

} // namespace planner
