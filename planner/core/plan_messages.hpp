#pragma once
// The plan file's error messages in the reader's language. The decoders, JSON Patch and the
// edit engine write them in English; templates/en.yaml's plan_messages holds each message's
// pattern ({name} for its variable parts) and templates/LANG.yaml the same message in LANG,
// like a gettext catalogue keyed by the English text. Ids, keys and quoted values are carried
// over as written.

#include "planner/core/texts.hpp"

#include <optional>
#include <string>

namespace planner {

// `message` in the language of `texts`: unchanged for English, and unchanged when no pattern
// of the catalogue matches it (a new message not yet in the templates stays readable English).
std::string translate_plan_message(const Texts& texts, const std::string& message);

// The translation, or nothing when no pattern matches (or a part of it cannot be translated).
std::optional<std::string> try_translate_plan_message(const Texts& texts,
                                                      const std::string& message);

// A printed diagnostic line, "FILE:LINE:COLUMN: message": the message after the first ": "
// that starts a known message is translated; other lines (the shown source line and its
// caret) are returned unchanged.
std::string translate_plan_line(const Texts& texts, const std::string& line);

} // namespace planner
