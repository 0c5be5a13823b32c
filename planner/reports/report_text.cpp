#include "planner/reports/report_text.hpp"

#include "exporters/png_check.hpp"

#include "model/plan_reader.hpp"
#include "model/yaml_decoder.hpp"
#include "model/yaml_tree.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/samples.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace planner {

Brand load_brand(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw UsageError("cannot open the brand file '" + path + "'");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string bytes = buffer.str();
    std::vector<model::Diagnostic> errors;
    model::YamlTree tree;
    model::YamlError error;
    Brand brand;
    if (!tree.parse(bytes, error)) {
        auto at = error.position ? *error.position : tree.position(error.offset);
        throw InputError("the brand file has an error",
                         {model::Diagnostic{path, at.line, at.column, error.message}.to_string()});
    }
    if (tree.empty())
        return brand;
    model::YamlDecoder yaml(tree, path, errors);
    auto e = yaml.mapping(tree.root(), "the brand file",
                          {"consultant", "client", "logo", "primary_colour"});
    if (auto f = e.find("consultant"); f != e.end())
        if (auto v = yaml.text(f->second.value, "consultant"))
            brand.consultant = *v;
    if (auto f = e.find("client"); f != e.end())
        if (auto v = yaml.text(f->second.value, "client"))
            brand.client = *v;
    if (auto f = e.find("primary_colour"); f != e.end())
        if (auto v = yaml.text(f->second.value, "primary_colour")) {
            if (auto colour = exporters::parse_hex_colour(*v))
                brand.primary = *colour;
            else
                yaml.error(f->second.value,
                           "'" + *v + "' is not a colour; write it as \"#1f4e79\"");
        }
    if (auto f = e.find("logo"); f != e.end())
        if (auto v = yaml.text(f->second.value, "logo")) {
            std::filesystem::path logo(*v);
            if (logo.is_relative())
                logo = std::filesystem::path(path).parent_path() / logo;
            if (auto problem = exporters::png_problem(logo.string()))
                yaml.error(f->second.value, "the logo '" + logo.string() +
                                                "' cannot be used: " + *problem +
                                                "; give a PNG file that opens in an image viewer");
            else
                brand.logo_png = logo.string();
        }
    if (!errors.empty()) {
        std::vector<std::string> lines;
        for (const auto& d : errors)
            lines.push_back(d.to_string());
        throw InputError("the brand file has errors", lines);
    }
    return brand;
}

} // namespace planner
