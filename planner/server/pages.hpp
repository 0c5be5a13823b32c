#pragma once
// The pages of the web app as document sections: built from the same analyses and report
// builders as the PDFs, rendered by exporters/html_renderer (and render_json for each page's
// JSON twin). Names everywhere, never ids.

#include "exporters/document.hpp"
#include "planner/core/plan_facts.hpp"

#include <string>
#include <vector>

namespace planner::server {

struct Page {
    std::string slug;  // "team": served at /team and /team.json
    std::string title; // the navigation label
    std::vector<exporters::Section> sections;
    bool has_json = true;
};

struct PageSet {
    std::string language;
    std::vector<Page> pages;             // navigation order
    exporters::Document staffing, audit; // the reports, default brand, for downloads
    const Page* find(const std::string& slug) const;
};

// The slugs in navigation order: overview team channels raci care workload findings quarter
// reports.
const std::vector<std::string>& page_slugs();

// Every page for one language. `source` is the path served (a workspace gives the Quarter
// page its metrics). Throws UsageError for an unknown language.
PageSet build_pages(const PlanFacts& facts, const std::string& source, bool from_workspace,
                    const std::string& language);

} // namespace planner::server
