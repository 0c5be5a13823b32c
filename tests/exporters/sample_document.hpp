#pragma once
// A Document that uses every block type, Latvian names, a 40-person org chart and a 200-row
// table: the fixture of the renderer tests and of the visual check (docs/exporters.md).

#include "exporters/document.hpp"

#include <string>
#include <vector>

namespace planner::exporters::testing {

inline const std::vector<std::string>& latvian_names() {
    static const std::vector<std::string> names = {
        "Anna Bērziņa",     "Jānis Ozoliņš",   "Līga Kalniņa",    "Māris Šķēle",
        "Ģirts Ķeniņš",     "Ļena Ņikitina",   "Čaba Žukovskis",  "Ūna Īvāne",
        "Ēriks Āboliņš",    "Zane Liepiņa",    "Kārlis Krūmiņš",  "Inese Vītola",
        "Raivis Dzenis",    "Elīna Zariņa",    "Artūrs Bērziņš",  "Dace Ločmele",
        "Edgars Grīnbergs", "Santa Pētersone", "Oskars Lācis",    "Ilze Kļaviņa",
        "Gints Mežs",       "Laura Siliņa",    "Toms Jansons",    "Agnese Šmite",
        "Roberts Vilks",    "Evija Putniņa",   "Andris Rozītis",  "Madara Celma",
        "Valdis Ziediņš",   "Sintija Ābele",   "Uldis Kronbergs", "Baiba Strautiņa",
        "Pēteris Gulbis",   "Kristīne Ozola",  "Normunds Skuja",  "Dzintra Ērgle",
        "Aigars Sprūdžs",   "Vija Ūdre",       "Mārtiņš Ķīsis",   "Ieva Ņemse",
    };
    return names;
}

// 200 rows of people and hours; row 0 holds the Latvian names with every diacritic.
inline Table make_workload_table(std::size_t rows) {
    Table table;
    table.id = "workload";
    table.title = "Workload per person and channel duty";
    table.columns = {
        {"person", "Person", Alignment::left, 0, false},
        {"role", "Role", Alignment::left, 0, false},
        {"duty", "Channel duty", Alignment::left, 0, false},
        {"hours_per_week", "Hours per week", Alignment::right, 0, true},
        {"capacity_hours", "Capacity (h)", Alignment::right, 0, true},
        {"utilisation_pct", "Utilisation %", Alignment::right, 0, true},
    };
    static const char* duties[] = {"Instagram community care", "LinkedIn publishing",
                                   "TikTok video production, editing and captions",
                                   "Facebook moderation", "Analytics, reporting"};
    static const char* roles[] = {"Social media manager", "Community manager", "Content creator",
                                  "Analyst"};
    const auto& names = latvian_names();
    for (std::size_t r = 0; r < rows; ++r) {
        const int hours = 4 + static_cast<int>((r * 7) % 31);
        const int capacity = 32 + static_cast<int>((r * 3) % 9);
        const int utilisation = hours * 100 / capacity;
        StatusColour status = StatusColour::none;
        if (utilisation > 90) {
            status = StatusColour::red;
        } else if (utilisation > 75) {
            status = StatusColour::amber;
        }
        table.rows.push_back({names[r % names.size()], roles[r % 4], duties[r % 5],
                              std::to_string(hours) + ".0", std::to_string(capacity),
                              Cell(std::to_string(utilisation), status)});
    }
    table.rows.push_back({"Total", "", "", "4 210.0", "7 300", "58"});
    table.total_rows = 1;
    table.footnote = "Capacity is contracted hours minus leave; utilisation above 90 % is red, "
                     "above 75 % amber.";
    return table;
}

// 40 people: a head, 4 team leads, 7 senior members and 28 others in mixed depths.
inline OrgChart make_org_chart() {
    OrgChart chart;
    chart.title = "Team structure";
    chart.legend = {{OrgMark::overloaded, "Overloaded"},
                    {OrgMark::vacancy, "Vacancy"},
                    {OrgMark::leaving, "Leaving"}};
    chart.legend_title = "Highlights";
    chart.detail_note = "Span: direct reports. Team: everyone under the manager.";
    const auto& names = latvian_names();
    chart.nodes.push_back({"p0", names[0], "Head of social", std::nullopt, {}, "span 4 · team 39"});
    const char* teams[] = {"Community lead", "Content lead", "Paid social lead", "Insights lead"};
    for (int t = 0; t < 4; ++t) {
        chart.nodes.push_back({"p" + std::to_string(1 + t), names[1 + t], teams[t], "p0", {}, ""});
    }
    std::size_t next = 5;
    // Team sizes 11, 9, 8, 7 = 35 below the leads.
    const int sizes[] = {11, 9, 8, 7};
    for (int t = 0; t < 4; ++t) {
        const std::string lead = "p" + std::to_string(1 + t);
        std::string senior;
        for (int m = 0; m < sizes[t]; ++m) {
            const std::string id = "p" + std::to_string(next);
            const bool is_senior = m == 0 || (t < 3 && m == 5);
            std::string parent = lead;
            if (!is_senior && !senior.empty() && m % 2 == 0) {
                parent = senior;
            }
            chart.nodes.push_back({id, next == 17 ? "Vacancy" : names[next % names.size()],
                                   is_senior ? "Senior specialist" : "Specialist", parent,
                                   next == 17  ? std::vector<OrgMark>{OrgMark::vacancy}
                                   : next == 9 ? std::vector<OrgMark>{OrgMark::overloaded}
                                   : next == 23
                                       ? std::vector<OrgMark>{OrgMark::overloaded, OrgMark::leaving}
                                       : std::vector<OrgMark>{},
                                   ""});
            if (is_senior) {
                senior = id;
            }
            ++next;
        }
    }
    return chart;
}

inline Document make_sample_document() {
    Document doc;
    doc.metadata.title = "Staffing plan 2025 — Ziemeļu Mediji";
    doc.metadata.subtitle = "Social media team";
    doc.metadata.author = "Līga Kalniņa";
    doc.metadata.subject = "Staffing plan for the social media team";
    doc.metadata.keywords = {"staffing", "social media", "Latvija"};
    doc.metadata.created_unix = 1735689600; // 2025-01-01
    doc.metadata.language = "en";
    doc.cover.title = "Staffing plan 2025";
    doc.cover.subtitle = "Social media team of Ziemeļu Mediji: who does what, who is overloaded, "
                         "and whom to hire";
    doc.cover.client_line = "Prepared for Ziemeļu Mediji, Rīga";
    doc.cover.consultant_line = "Prepared by Jānis Ozoliņš, Ozoliņš & Partneri";
    doc.cover.date_text = "1 January 2025";
    doc.cover.primary_colour = {0x1f, 0x4e, 0x79};
    doc.running_header = "Staffing plan 2025 · Ziemeļu Mediji";

    Section summary;
    summary.title = "Summary";
    summary.blocks.push_back(Paragraph{
        "The team of 40 covers six channels. Three channel duties have no owner, two people are "
        "above 100 % utilisation, and care coverage falls short of the 08:00–22:00 window on "
        "weekends. Anna Bērziņa, Jānis Ozoliņš, Līga Kalniņa and Māris Šķēle carry the most "
        "load (ģ ķ ļ ņ č ž ū ī ē ā).",
        ParagraphStyle::lead});
    summary.blocks.push_back(KeyFigures{{
        {"Score", "72/100", "+6 since Q3", StatusColour::amber},
        {"Headcount", "40", "38.2 FTE available", StatusColour::none},
        {"FTE required", "42.5", "4.3 FTE gap", StatusColour::red},
        {"Unowned duties", "3", "of 27", StatusColour::green},
    }});
    summary.blocks.push_back(Paragraph{
        "Hire two community managers before the spring campaign; without them weekend care "
        "coverage stays below the floor.",
        ParagraphStyle::callout});
    summary.blocks.push_back(BulletList{{"Hire 2 community managers (Instagram, Facebook).",
                                         "Move LinkedIn publishing from Māris Šķēle to Ūna Īvāne.",
                                         "Name an owner for TikTok analytics, YouTube community "
                                         "care and the crisis playbook."},
                                        ListStyle::numbers});
    Section detail;
    detail.title = "Top gaps";
    detail.blocks.push_back(BulletList{{"Weekend care coverage: 62 % of the window.",
                                        "Paid social: one person, no backup (single point of "
                                        "failure)."},
                                       ListStyle::bullets});
    detail.blocks.push_back(
        Paragraph{"Figures are for the plan as of 1 January 2025.", ParagraphStyle::note});
    summary.subsections.push_back(detail);
    doc.sections.push_back(summary);

    Section org;
    org.title = "Organisation";
    org.start = SectionStart::new_page;
    org.blocks.push_back(make_org_chart());
    doc.sections.push_back(org);

    Section workload;
    workload.title = "Workload";
    workload.start = SectionStart::new_page;
    BarChart per_person;
    per_person.title = "Utilisation per person";
    per_person.orientation = BarOrientation::horizontal;
    per_person.value_axis_label = "Utilisation of contracted hours";
    per_person.value_suffix = "%";
    per_person.reference = ReferenceLine{100, "capacity = 100%"};
    Series utilisation{"Utilisation", {}};
    for (std::size_t i = 0; i < 14; ++i) {
        per_person.categories.push_back(latvian_names()[i]);
        utilisation.values.push_back(55.0 + static_cast<double>((i * 17) % 60));
    }
    per_person.series.push_back(utilisation);
    workload.blocks.push_back(per_person);

    BarChart per_channel;
    per_channel.title = "Hours per week by channel: required and available";
    per_channel.categories = {"Instagram", "Facebook", "LinkedIn", "TikTok", "YouTube", "X"};
    per_channel.series = {{"Required", {62, 48, 30, 55, 20, 12}},
                          {"Available", {54, 50, 28, 31, 8, 12}}};
    per_channel.value_axis_label = "Hours per week";
    workload.blocks.push_back(per_channel);

    Section roles;
    roles.title = "Roles and hires";
    Table role_table;
    role_table.id = "roles";
    role_table.title = "Required and current FTE per role";
    role_table.columns = {{"role", "Role", Alignment::left, 3, false},
                          {"required_fte", "Required FTE", Alignment::right, 1.2, true},
                          {"current_fte", "Current FTE", Alignment::right, 1.2, true},
                          {"gap_fte", "Gap", Alignment::right, 1, true},
                          {"hires", "Hires", Alignment::right, 1, true}};
    role_table.rows = {
        {"Social media manager", "4.0", "4.0", "0.0", "0"},
        {"Community manager", "12.5", "9.2", Cell("−3.3", StatusColour::red), "2"},
        {"Content creator", "14.0", "13.0", Cell("−1.0", StatusColour::amber), "1"},
        {"Analyst, insights and reporting", "3.0", "3.0", Cell("0.0", StatusColour::green), "0"},
        {"Total", "33.5", "29.2", "−4.3", "3"}};
    role_table.total_rows = 1;
    roles.blocks.push_back(role_table);
    workload.subsections.push_back(roles);
    doc.sections.push_back(workload);

    Section raci;
    raci.title = "Responsibilities";
    Matrix matrix;
    matrix.title = "RACI: channel duties × people";
    matrix.corner_label = "Channel duty";
    const char* duties[] = {
        "Instagram publishing", "Instagram community care", "Facebook moderation",
        "LinkedIn publishing",  "TikTok production",        "YouTube community care",
        "Paid social",          "Crisis playbook",          "Monthly analytics report",
        "Influencer relations"};
    for (std::size_t p = 0; p < 24; ++p) {
        matrix.column_labels.push_back(latvian_names()[p]);
    }
    const char* codes[] = {"R", "A", "C", "I", "", "", "B", "A/R"};
    for (std::size_t d = 0; d < 10; ++d) {
        matrix.row_labels.push_back(duties[d]);
        std::vector<std::string> row;
        for (std::size_t p = 0; p < 24; ++p) {
            row.push_back(codes[(d * 3 + p * 5) % 8]);
        }
        matrix.cells.push_back(row);
    }
    matrix.legend = {{"R", "Responsible"},
                     {"A", "Accountable"},
                     {"C", "Consulted"},
                     {"I", "Informed"},
                     {"B", "Backup"}};
    raci.blocks.push_back(matrix);
    doc.sections.push_back(raci);

    Section trend;
    trend.title = "KPI trend";
    LineChart kpi;
    kpi.title = "Engagement rate over the last four quarters";
    kpi.x_labels = {"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"};
    kpi.series = {{"Instagram", {3.1, 3.4, std::nullopt, 4.2}},
                  {"LinkedIn", {1.2, 1.5, 1.9, 2.1}},
                  {"TikTok", {5.5, 4.8, 6.1, 6.6}}};
    kpi.y_axis_label = "Engagement rate";
    kpi.value_suffix = "%";
    kpi.reference = ReferenceLine{4.0, "target 4%"};
    trend.blocks.push_back(kpi);
    LineChart reach;
    reach.title = "Followers (thousands)";
    reach.x_labels = {"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"};
    reach.series = {{"All channels", {182.5, 190.2, 201.7, 215.3}}};
    reach.y_axis_label = "Followers, thousands";
    trend.blocks.push_back(reach);
    doc.sections.push_back(trend);

    Section appendix;
    appendix.title = "Appendix: workload detail";
    appendix.start = SectionStart::new_page;
    appendix.blocks.push_back(make_workload_table(200));
    appendix.blocks.push_back(PageBreak{});
    appendix.blocks.push_back(Paragraph{"End of report.", ParagraphStyle::note});
    doc.sections.push_back(appendix);
    return doc;
}

} // namespace planner::exporters::testing
