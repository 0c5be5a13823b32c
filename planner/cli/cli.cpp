#include "planner/cli/cli.hpp"

#include "exporters/export_error.hpp"
#include "exporters/output_file.hpp"
#include "exporters/text_wrap.hpp"

#include "model/suggest.hpp"
#include "model/workspace.hpp"
#include "planner/core/plan_messages.hpp"

#include <filesystem>
#include <new>

#include <algorithm>
#include <exception>
#include <ostream>
#include <sstream>

namespace planner {

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::string ParsedArgs::value_or(const std::string& name, const std::string& fallback) const {
    auto v = value(name);
    return v ? *v : fallback;
}

std::vector<std::string> ParsedArgs::all(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

OptionSpec format_option(const std::vector<OutputFormat>& formats) {
    std::string list;
    for (OutputFormat format : formats)
        list += (list.empty() ? "" : "|") + std::string(to_string(format));
    return OptionSpec{"--format", "", "FORMAT",
                      "output format: " + list + " (default " +
                          std::string(to_string(formats.front())) + ")"};
}

OutputFormat output_format(const ParsedArgs& args, const std::string& command,
                           const std::vector<OutputFormat>& formats) {
    const std::optional<std::string> given = args.value("--format");
    if (!given)
        return formats.front();
    const std::optional<OutputFormat> format = parse_output_format(*given);
    if (!format || std::find(formats.begin(), formats.end(), *format) == formats.end())
        throw UsageError("unknown format '" + *given + "' for `planner " + command + "`; use " +
                         describe_formats(formats));
    return *format;
}

OptionSpec output_option() {
    return OptionSpec{"--output", "-o", "FILE", "write to FILE instead of the terminal"};
}

std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
    return model::nearest(word, candidates);
}

namespace {
const OptionSpec k_help_option{"--help", "-h", "", "show this help"};

const CommandSpec* find_command(const std::string& name) {
    for (const CommandSpec& c : command_table())
        if (c.name == name)
            return &c;
    return nullptr;
}

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const CommandSpec& c : command_table())
        names.push_back(c.name);
    return names;
}

// `text` wrapped to `width` columns: the first line after `first`, the others after `indent`
// spaces. A line break in `text` is kept.
void write_wrapped(std::ostream& out, const std::string& first, const std::string& text,
                   size_t indent, size_t width) {
    const size_t room = width > indent + 20 ? width - indent : 20;
    const size_t k_min_room = 10;
    std::istringstream paragraphs(text);
    std::string paragraph;
    bool first_line = true;
    while (std::getline(paragraphs, paragraph)) {
        size_t lead = paragraph.find_first_not_of(' ');
        if (lead == std::string::npos) {
            out << (first_line ? first : std::string()) << "\n";
            first_line = false;
            continue;
        }
        const std::string own_indent(lead, ' ');
        std::string wrapped = exporters::wrap_columns(
            paragraph.substr(lead), room > lead + k_min_room ? room - lead : k_min_room);
        std::istringstream lines(wrapped);
        std::string line;
        while (std::getline(lines, line)) {
            out << (first_line ? first : std::string(indent, ' ')) << own_indent << line << "\n";
            first_line = false;
        }
    }
}
} // namespace

void print_overview(std::ostream& out, int width) {
    const size_t columns = static_cast<size_t>(width);
    out << "planner " PLANNER_VERSION " - plan, check and report on a social-media team\n\n"
        << "Usage: planner COMMAND [ARGUMENTS] [OPTIONS]\n\n"
        << "Commands:\n";
    size_t name_width = 0;
    for (const CommandSpec& c : command_table())
        name_width = std::max(name_width, c.name.size());
    for (const CommandSpec& c : command_table())
        write_wrapped(out, "  " + c.name + std::string(name_width - c.name.size() + 3, ' '),
                      c.summary, name_width + 5, columns);
    out << "\n";
    write_wrapped(out, "",
                  "PLAN is a plan YAML file or a workspace (.db). Everything runs on this "
                  "machine; nothing is sent anywhere.",
                  0, columns);
    out << "\n";
    write_wrapped(out, "",
                  "Run `planner help COMMAND` or `planner COMMAND --help` for one command.", 0,
                  columns);
    out << "Options: --help, --version.\n";
    write_wrapped(out, "",
                  "Exit status: 0 success, 1 `check --fail-on` threshold reached (or "
                  "conflicts in `merge` and `sync`), 2 usage or input error, 70 a bug in "
                  "planner.",
                  0, columns);
}

void print_command_help(const CommandSpec& c, std::ostream& out, int width) {
    const size_t columns = static_cast<size_t>(width);
    // Usage lines after the first are aligned under the first by write_wrapped.
    std::string usage;
    std::istringstream usage_lines(c.usage);
    for (std::string line; std::getline(usage_lines, line);) {
        const size_t start = line.find_first_not_of(' ');
        usage +=
            (usage.empty() ? "" : "\n") + (start == std::string::npos ? "" : line.substr(start));
    }
    write_wrapped(out, "Usage: ", usage, 7, columns);
    out << "\n";
    write_wrapped(out, "", c.summary, 0, columns);
    if (!c.description.empty()) {
        out << "\n";
        write_wrapped(out, "", c.description, 0, columns);
    }
    std::vector<OptionSpec> options = c.options;
    options.push_back(k_help_option);
    out << "\nOptions:\n";
    std::vector<std::string> left;
    size_t left_width = 0;
    for (const OptionSpec& o : options) {
        std::string text = (o.short_name.empty() ? "    " : o.short_name + ", ") + o.name;
        if (!o.value_name.empty())
            text += " " + o.value_name;
        left_width = std::max(left_width, text.size());
        left.push_back(text);
    }
    for (size_t i = 0; i < options.size(); ++i)
        write_wrapped(out, "  " + left[i] + std::string(left_width - left[i].size() + 3, ' '),
                      options[i].help, left_width + 5, columns);
}

namespace {
ParsedArgs parse_arguments(const CommandSpec& c, const std::vector<std::string>& args) {
    ParsedArgs parsed;
    std::vector<OptionSpec> options = c.options;
    options.push_back(k_help_option);
    auto find_option = [&](const std::string& name) -> const OptionSpec* {
        for (const OptionSpec& o : options)
            if (o.name == name || (!o.short_name.empty() && o.short_name == name))
                return &o;
        return nullptr;
    };
    bool only_positional = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
            parsed.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positional = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inline_value;
        if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = arg.substr(0, eq);
            inline_value = arg.substr(eq + 1);
        }
        const OptionSpec* option = find_option(name);
        if (!option) {
            std::vector<std::string> names;
            for (const OptionSpec& o : options)
                names.push_back(o.name);
            std::string hint = nearest(name, names);
            throw UsageError("unknown option '" + name + "' for `planner " + c.name + "`" +
                             (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                             "; see `planner " + c.name + " --help`");
        }
        if (option->value_name.empty()) {
            if (inline_value)
                throw UsageError("option '" + option->name + "' takes no value");
            parsed.values[option->name];
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= args.size())
                throw UsageError("option '" + option->name + "' needs a value (" +
                                 option->value_name + "); see `planner " + c.name + " --help`");
            inline_value = args[++i];
        }
        parsed.values[option->name].push_back(*inline_value);
    }
    return parsed;
}

int run_command(const CommandSpec& c, const std::vector<std::string>& args, Streams& streams) {
    ParsedArgs parsed = parse_arguments(c, args);
    if (parsed.flag("--help")) {
        print_command_help(c, streams.out, streams.columns);
        return 0;
    }
    int count = static_cast<int>(parsed.positional.size());
    if (count < c.min_positional)
        throw UsageError("`planner " + c.name + "` needs more arguments; usage: " + c.usage);
    if (c.max_positional >= 0 && count > c.max_positional)
        throw UsageError("`planner " + c.name + "` got an unexpected argument '" +
                         parsed.positional[static_cast<size_t>(c.max_positional)] +
                         "'; usage: " + c.usage);
    // An output that is one of these inputs is refused (exporters/output_file.hpp). `init`
    // names its output as its argument.
    std::vector<std::string> inputs;
    if (c.name != "init")
        inputs = parsed.positional;
    // `merge` may write over OURS: git's merge driver asks for the result in place of %A (read
    // in full before the merged plan is written, atomically).
    if (c.name == "merge" && inputs.size() == 3)
        inputs.erase(inputs.begin() + 1);
    for (const auto& [option, values] : parsed.values)
        if (option != "--output" && option != "--output-dir")
            inputs.insert(inputs.end(), values.begin(), values.end());
    exporters::InputFiles guard(inputs);
    try {
        return c.handler(parsed, streams);
    } catch (const InputError& e) {
        // A command given --lang tells the plan file's errors in that language.
        const std::string language = parsed.value_or("--lang", "en");
        if (language == "en")
            throw;
        std::optional<Texts> texts;
        try {
            texts = Texts::load(language);
        } catch (const Error&) {
            throw e;
        }
        std::vector<std::string> lines;
        for (const std::string& line : e.lines())
            lines.push_back(translate_plan_line(*texts, line));
        throw InputError(translate_plan_message(*texts, e.what()), std::move(lines));
    }
}
} // namespace

// A message as it may reach a terminal: control characters that came from the input (an ESC
// in an id would drive the terminal) are shown as \xHH; line breaks and tabs stay.
std::string printable(std::string_view message) {
    std::string out;
    out.reserve(message.size());
    for (char c : message) {
        auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f) {
            static const char k_hex[] = "0123456789ABCDEF";
            out += "\\x";
            out += k_hex[byte >> 4];
            out += k_hex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

int report_failure(std::exception_ptr failure, std::ostream& err) {
    try {
        std::rethrow_exception(failure);
    } catch (const Error& e) {
        for (const std::string& line : e.details())
            err << printable(line) << "\n";
        if (e.exit_status() == k_exit_internal_error)
            err << "planner: internal error: " << printable(e.what()) << "; "
                << k_internal_error_hint << "\n";
        else
            err << "planner: error: " << printable(e.what()) << "\n";
        return e.exit_status();
    } catch (const model::WorkspaceError& e) {
        // A damaged, locked, foreign or newer workspace: the message names the file.
        err << "planner: error: " << printable(e.what()) << "\n";
        return k_exit_user_error;
    } catch (const exporters::ExportError& e) {
        err << "planner: error: " << printable(e.what()) << "\n";
        return k_exit_user_error;
    } catch (const std::filesystem::filesystem_error& e) {
        err << "planner: error: " << printable(e.what()) << "\n";
        return k_exit_user_error;
    } catch (const std::bad_alloc&) {
        err << "planner: error: not enough memory for this input; try a smaller file or "
               "free some memory\n";
        return k_exit_user_error;
    } catch (const std::exception& e) {
        // Anything else is a bug: every expected failure has its own type above.
        err << "planner: internal error: " << printable(e.what()) << "; " << k_internal_error_hint
            << "\n";
        return k_exit_internal_error;
    } catch (...) {
        err << "planner: internal error: an unknown failure; " << k_internal_error_hint << "\n";
        return k_exit_internal_error;
    }
}

int run_cli(const std::vector<std::string>& args, Streams& streams) {
    try {
        if (args.empty() || args[0] == "--help" || args[0] == "-h") {
            print_overview(args.empty() ? streams.err : streams.out, streams.columns);
            return args.empty() ? 2 : 0;
        }
        if (args[0] == "--version" || args[0] == "-V") {
            streams.out << "planner " PLANNER_VERSION "\n";
            return 0;
        }
        if (args[0] == "help") {
            if (args.size() == 1) {
                print_overview(streams.out, streams.columns);
                return 0;
            }
            const CommandSpec* c = find_command(args[1]);
            if (!c) {
                std::string hint = nearest(args[1], command_names());
                throw UsageError("unknown command '" + args[1] + "'" +
                                 (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                                 "; see `planner --help`");
            }
            print_command_help(*c, streams.out, streams.columns);
            return 0;
        }
        const CommandSpec* c = find_command(args[0]);
        if (!c) {
            std::string hint = nearest(args[0], command_names());
            if (args[0].rfind("-", 0) == 0)
                hint = nearest(args[0], {"--help", "--version"});
            throw UsageError(
                std::string(args[0].rfind("-", 0) == 0 ? "unknown option '" : "unknown command '") +
                args[0] + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                "; see `planner --help`");
        }
        return run_command(*c, std::vector<std::string>(args.begin() + 1, args.end()), streams);
    } catch (...) {
        return report_failure(std::current_exception(), streams.err);
    }
}

} // namespace planner
