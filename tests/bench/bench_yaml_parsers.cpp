// Measures what loading a plan file costs with each candidate YAML parser: yaml-cpp's node
// tree, and libfyaml's event stream into planner's YamlTree (the parser planner uses), and the
// whole plan reader on top of it. Prints seconds and peak resident memory of this process.
//
// Usage: bench_yaml_parsers yaml-cpp|libfyaml|reader FILE
// Run each parser in its own process so that peak memory is the parser's own.
#include "model/plan_reader.hpp"
#include "model/yaml_tree.hpp"

#ifdef PLANNER_HAVE_YAML_CPP
#include <yaml-cpp/yaml.h>
#endif

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/resource.h>

namespace {
long peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}
} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: bench_yaml_parsers yaml-cpp|libfyaml|reader FILE\n";
        return 2;
    }
    std::string mode = argv[1];
    std::ifstream in(argv[2], std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    long base = peak_rss_mib();
    auto start = std::chrono::steady_clock::now();
    size_t items = 0;
    if (mode == "yaml-cpp") {
#ifdef PLANNER_HAVE_YAML_CPP
        YAML::Node root = YAML::Load(text);
        items = root["people"].size();
#else
        std::cerr << "built without yaml-cpp\n";
        return 2;
#endif
    } else if (mode == "libfyaml") {
        planner::model::YamlTree tree;
        planner::model::YamlError error;
        if (!tree.parse(text, error)) {
            std::cerr << "parse error: " << error.message << "\n";
            return 1;
        }
        items = tree.node(tree.root()).child_count;
    } else if (mode == "reader") {
        auto result = planner::model::read_plan_text(argv[2], text);
        if (!result.ok()) {
            std::cerr << result.errors.front().to_string() << "\n";
            return 1;
        }
        items = result.plan.people.size();
    } else {
        std::cerr << "unknown mode " << mode << "\n";
        return 2;
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-9s %8.1f MB  %7.3f s  peak %5ld MiB (file read: %ld MiB)  items %zu\n",
                mode.c_str(), static_cast<double>(text.size()) / 1e6, seconds, peak_rss_mib(), base,
                items);
    return 0;
}
