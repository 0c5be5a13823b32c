// Every command's help is true to what it accepts: the usage line names exactly the options of
// its option table, and help fits the width it is given.
#include "planner/cli/cli.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

using namespace planner;

TEST_CASE("every usage line names exactly the options the command accepts") {
    for (const CommandSpec& command : command_table()) {
        INFO("planner " << command.name << ": " << command.usage);
        std::set<std::string> in_usage;
        const std::regex option(R"((^|[\s\[|])(--?[a-z][a-z-]*))");
        for (auto it = std::sregex_iterator(command.usage.begin(), command.usage.end(), option);
             it != std::sregex_iterator(); ++it)
            in_usage.insert((*it)[2]);
        std::set<std::string> in_table;
        for (const OptionSpec& spec : command.options) {
            const bool named = in_usage.count(spec.name) ||
                               (!spec.short_name.empty() && in_usage.count(spec.short_name));
            CHECK((named || spec.name == "--help"));
            in_table.insert(spec.name);
            if (!spec.short_name.empty())
                in_table.insert(spec.short_name);
        }
        for (const std::string& name : in_usage)
            CHECK(in_table.count(name) == 1);
    }
}

TEST_CASE("help lines fit the width they are given") {
    for (int width : {60, 80, 120}) {
        for (const CommandSpec& command : command_table()) {
            std::ostringstream out;
            print_command_help(command, out, width);
            std::istringstream lines(out.str());
            std::string line;
            while (std::getline(lines, line)) {
                size_t characters = 0;
                for (unsigned char c : line)
                    characters += (c & 0xC0) != 0x80;
                INFO("planner " << command.name << " --help at " << width << ": " << line);
                CHECK(characters <= static_cast<size_t>(width));
            }
        }
    }
}
