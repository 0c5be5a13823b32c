// Plans stored in a workspace are read from their binary model, and from their YAML when the
// model is missing or unreadable.
#include "model/plan_binary.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "model/workspace.hpp"
#include "planner/core/plan_source.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using namespace planner;
namespace fs = std::filesystem;

namespace {
struct Fixture {
    fs::path dir = fs::temp_directory_path() / ("planner-stored-" + std::to_string(::getpid()));
    std::string path = (dir / "w.db").string();
    model::Plan plan;
    std::string yaml;
    Fixture() {
        fs::remove_all(dir);
        fs::create_directories(dir);
        auto read = model::read_plan_file(PLANNER_SOURCE_DIR "/samples/small-team.yaml");
        REQUIRE(read.ok());
        plan = read.plan;
        yaml = model::write_plan_yaml(plan);
    }
    ~Fixture() { fs::remove_all(dir); }
};
} // namespace

TEST_CASE("the stored plan comes from the binary model when it is readable") {
    Fixture f;
    model::Plan changed = f.plan;
    changed.info.name = "Read from the model";
    {
        model::Workspace ws(f.path, model::OpenMode::create);
        ws.set_plan(f.yaml, model::encode_plan(changed), "plan.yaml");
    }
    model::Workspace ws(f.path, model::OpenMode::read_only);
    auto plan = stored_plan(ws);
    REQUIRE(plan);
    CHECK(plan->info.name == "Read from the model");
    CHECK(load_plan_argument(f.path).plan.info.name == "Read from the model");
}

TEST_CASE("an unreadable or missing model falls back to the stored YAML") {
    Fixture f;
    {
        model::Workspace ws(f.path, model::OpenMode::create);
        ws.set_plan(f.yaml, "not a model", "plan.yaml");
        ws.snapshot_current_plan("2026-Q3");
    }
    model::Workspace ws(f.path, model::OpenMode::read_only);
    auto plan = stored_plan(ws);
    REQUIRE(plan);
    CHECK(model::write_plan_yaml(*plan) == f.yaml);
    auto snapshot = stored_plan(ws, "2026-Q3");
    REQUIRE(snapshot);
    CHECK(model::write_plan_yaml(*snapshot) == f.yaml);
    CHECK_FALSE(stored_plan(ws, "2025-Q1"));
}
