// Server time of every page of `planner serve`: App::handle from the parsed request to the
// finished response body (no socket), after the plan's facts and pages are in memory, over
// 100 requests per page; plus the one-off costs (reading the plan, building a language's
// pages). Prints figures; passes or fails nothing.
//
//     bench_serve PLAN [REQUESTS]
#include "planner/server/app.hpp"
#include "planner/server/site.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace planner::server;
using Clock = std::chrono::steady_clock;

namespace {
double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_serve PLAN [REQUESTS]\n");
        return 2;
    }
    const int requests = argc > 2 ? std::stoi(argv[2]) : 100;
    auto start = Clock::now();
    Site site(argv[1]);
    std::printf("%-28s %10.1f ms\n", "read plan and facts", ms_since(start));
    App app(site, make_config(8080, "en"));
    auto request = [&](const std::string& target) {
        Request r;
        r.target = target;
        r.headers = {{"Host", "127.0.0.1:8080"},
                     {"Cookie", "planner_session=" + app.config().session},
                     {"User-Agent", "bench"},
                     {"Accept", "text/html"}};
        return app.handle(r);
    };
    for (const char* lang : {"en", "lv"}) {
        start = Clock::now();
        Response first = request(std::string("/overview?lang=") + lang);
        std::printf("%-28s %10.1f ms (status %d)\n",
                    (std::string("build all pages, ") + lang).c_str(), ms_since(start),
                    first.status);
    }
    std::printf("%-28s %10s %10s %12s\n", "page (warm, en)", "median", "p99", "bytes");
    std::vector<std::string> targets;
    for (const std::string& slug : page_slugs()) {
        targets.push_back("/" + slug);
        if (slug != "reports")
            targets.push_back("/" + slug + ".json");
    }
    for (const std::string& target : targets) {
        std::vector<double> times;
        size_t bytes = 0;
        for (int i = 0; i < requests; ++i) {
            auto t = Clock::now();
            Response r = request(target);
            times.push_back(ms_since(t));
            bytes = r.body.size();
            if (r.status != 200) {
                std::fprintf(stderr, "%s: status %d\n", target.c_str(), r.status);
                return 1;
            }
        }
        std::sort(times.begin(), times.end());
        double median = times[times.size() / 2];
        double p99 = times[std::min(times.size() - 1, static_cast<size_t>(times.size() * 0.99))];
        std::printf("%-28s %7.2f ms %7.2f ms %12zu\n", target.c_str(), median, p99, bytes);
    }
    // A PDF download is built on request (not cached): one figure for scale.
    start = Clock::now();
    Response pdf = request("/download?report=staffing&format=pdf");
    std::printf("%-28s %10.1f ms (%zu bytes)\n", "staffing PDF download", ms_since(start),
                pdf.body.size());
    return 0;
}
