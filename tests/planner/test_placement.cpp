// Placing analytics exports found in a folder on the plan's channels: what the file names, the
// folders it is in, the network of its format; ambiguity and contradictions are refused.
#include "model/plan_reader.hpp"
#include "planner/imports/placement.hpp"

#include <catch2/catch.hpp>

using namespace planner;

namespace {
model::Plan plan_with(const std::string& channels) {
    const std::string yaml = "version: 1\n"
                             "plan: {name: Shop, timezone: Europe/Riga}\n"
                             "channels:\n" +
                             channels;
    auto read = model::read_plan_text("plan.yaml", yaml);
    INFO((read.errors.empty() ? std::string() : read.errors.front().to_string()));
    REQUIRE(read.ok());
    return read.plan;
}

const std::string k_two_instagram = "  - id: instagram\n"
                                    "    network: instagram\n"
                                    "    profiles:\n"
                                    "      - {id: ig-main, handle: '@baltabode'}\n"
                                    "      - {id: ig-jobs, handle: '@baltabode.karjera'}\n"
                                    "  - id: shop-tiktok\n"
                                    "    name: TikTok\n"
                                    "    network: tiktok\n"
                                    "  - id: brand-fb\n"
                                    "    name: Baltā Bode Facebook\n"
                                    "    network: facebook\n"
                                    "  - id: fb-careers\n"
                                    "    network: facebook\n";

const std::string k_meta_posts =
    "Post ID,Account ID,Account username,Account name,Permalink,Post type,Views\n"
    "1,17,baltabode.karjera,Baltā Bode karjera,https://www.instagram.com/p/AAA/,IG image,10\n";
} // namespace

TEST_CASE("an export is placed on the profile whose handle it names") {
    const model::Plan plan = plan_with(k_two_instagram);
    const Placement placement = place_export(plan, "posts.csv", k_meta_posts, "meta_posts");
    REQUIRE(placement.placed());
    CHECK(placement.channel == "instagram");
    CHECK(placement.profile == std::optional<std::string>("ig-jobs"));
    CHECK(placement.reason == "instagram (profile @baltabode.karjera), as the file names "
                              "@baltabode.karjera");
}

TEST_CASE("a handle is not found inside a longer handle") {
    const model::Plan plan = plan_with(k_two_instagram);
    // Only "baltabode.karjera" is named: "baltabode" must not match it as well (that would be
    // two profiles, and no placement by content).
    const Placement placement = place_export(plan, "x.csv", k_meta_posts, "meta_posts");
    CHECK(placement.profile == std::optional<std::string>("ig-jobs"));
    const Placement main =
        place_export(plan, "x.csv", "Account username\nbaltabode\n", "meta_posts");
    CHECK(main.profile == std::optional<std::string>("ig-main"));
}

TEST_CASE("a folder named after a channel, profile or network places the file") {
    const model::Plan plan = plan_with(k_two_instagram);
    const std::string tiktok = "Date,Video Views\nJanuary 1,10\n";
    const Placement by_network_folder =
        place_export(plan, "downloads/tiktok/Overview.csv", tiktok, "tiktok_overview");
    CHECK(by_network_folder.channel == "shop-tiktok");
    const Placement by_id = place_export(plan, "fb-careers/Views.csv",
                                         "sep=,\nViews\n\"Date\",\"Primary\"\n", "meta_daily");
    CHECK(by_id.channel == "fb-careers");
    CHECK(by_id.reason == "fb-careers, from the name 'fb-careers'");
    const Placement by_profile = place_export(plan, "instagram/ig-jobs/Reach.csv",
                                              "sep=,\nReach\n\"Date\",\"Primary\"\n", "meta_daily");
    CHECK(by_profile.channel == "instagram");
    CHECK(by_profile.profile == std::optional<std::string>("ig-jobs"));
    const Placement by_handle_name = place_export(
        plan, "@baltabode/Reach.csv", "sep=,\nReach\n\"Date\",\"Primary\"\n", "meta_daily");
    CHECK(by_handle_name.profile == std::optional<std::string>("ig-main"));
}

TEST_CASE("the only channel on the export's network takes it") {
    const model::Plan plan = plan_with(k_two_instagram);
    const Placement placement =
        place_export(plan, "Overview.csv", "Date,Video Views\nJanuary 1,10\n", "tiktok_overview");
    CHECK(placement.channel == "shop-tiktok");
    CHECK(placement.reason == "TikTok, the plan's only TikTok channel");
}

TEST_CASE("two channels on the network, or none, leave the file unplaced with a reason") {
    const model::Plan plan = plan_with(k_two_instagram);
    const Placement two = place_export(
        plan, "Views.csv", "sep=,\nFacebook views\n\"Date\",\"Primary\"\n", "meta_daily");
    CHECK_FALSE(two.placed());
    CHECK(two.reason == "a Facebook export, and the plan has 2 Facebook channels; put it in a "
                        "folder named after the channel, or import it with --channel");
    const Placement none =
        place_export(plan, "tweets.csv", "Tweet id,impressions\n1,2\n", "x_tweet_activity");
    CHECK_FALSE(none.placed());
    CHECK(none.reason == "an X export, and the plan has no X channel; put it in a folder named "
                         "after the channel, or import it with --channel");
}

TEST_CASE("a folder that contradicts the export's network is refused") {
    const model::Plan plan = plan_with(k_two_instagram);
    const Placement placement = place_export(plan, "instagram/Overview.csv",
                                             "Date,Video Views\nJanuary 1,10\n", "tiktok_overview");
    CHECK_FALSE(placement.placed());
    CHECK(placement.reason == "its folder or name says instagram, but it is a TikTok export; "
                              "move it to the right folder or import it with --channel");
}

TEST_CASE("a channel's name in the file places it, a bare network name does not") {
    const model::Plan plan = plan_with(k_two_instagram);
    const Placement named =
        place_export(plan, "Views.csv", "Page,Views\nBaltā Bode Facebook,10\n", "meta_posts");
    CHECK(named.channel == "brand-fb");
    // "TikTok" is both a channel's name and the network: every TikTok file says it.
    const Placement network_word =
        place_export(plan, "a.csv", "sep=,\nFacebook views of TikTok\n", "meta_daily");
    CHECK_FALSE(network_word.placed());
}
