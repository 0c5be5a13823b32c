#include "exporters/html_renderer.hpp"

#include <catch2/catch.hpp>

using namespace planner::exporters;

TEST_CASE("html: text is escaped and invalid UTF-8 replaced") {
    CHECK(html_escape("<script>alert('x')</script> & \"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;");
    CHECK(html_escape("a\xff"
                      "b") == "a\xEF\xBF\xBD"
                              "b");
    Section s{"<b>Title</b>", {Paragraph{"Line 1\nLine <2>", ParagraphStyle::callout}}, {}, {}};
    std::string html = render_html({s});
    CHECK(html.find("<h2 id=\"b-title-b\">&lt;b&gt;Title&lt;/b&gt;</h2>") != std::string::npos);
    CHECK(html.find("<p class=\"p-callout\">Line 1<br>Line &lt;2&gt;</p>") != std::string::npos);
}

TEST_CASE("html: tables keep status colours, totals and alignment") {
    Table t;
    t.id = "people";
    t.columns = {{"name", "Name"}, {"fte", "FTE", Alignment::right, 0, true}};
    t.rows = {{"Anna", Cell("0.8", StatusColour::red)}, {"Total", "0.8"}};
    t.total_rows = 1;
    std::string html = render_html_block(t);
    CHECK(html.find("<table class=\"data\" id=\"t-people\" data-sortable>") != std::string::npos);
    CHECK(html.find("<td class=\"s-red num\">0.8</td>") != std::string::npos);
    CHECK(html.find("<tfoot><tr><td>Total</td>") != std::string::npos);
}

TEST_CASE("html: charts are SVG, bars above the reference marked") {
    BarChart chart;
    chart.title = "Utilisation";
    chart.orientation = BarOrientation::horizontal;
    chart.categories = {"Anna", "Jānis"};
    chart.series = {{"Utilisation", {160, 80}}};
    chart.reference = ReferenceLine{100, "capacity"};
    std::string html = render_html_block(chart);
    CHECK(html.find("<svg class=\"chart-svg\"") != std::string::npos);
    CHECK(html.find("class=\"bar c0 over\"") != std::string::npos);
    CHECK(html.find("class=\"bar c0\"") != std::string::npos);
    CHECK(html.find("class=\"ref\"") != std::string::npos);
    LineChart line;
    line.x_labels = {"Q1", "Q2", "Q3"};
    line.series = {{"Reach", {1.0, std::nullopt, 3.0}}};
    std::string lines = render_html_block(line);
    CHECK(lines.find("<polyline class=\"line c0\"") != std::string::npos);
    CHECK(lines.find("Reach, Q3: 3") != std::string::npos);
}

TEST_CASE("html: the matrix marks rows without the first legend code as gaps") {
    Matrix m;
    m.corner_label = "Duty";
    m.row_labels = {"Instagram: create", "Facebook: engage"};
    m.column_labels = {"Anna", "Jānis"};
    m.cells = {{"A/R", ""}, {"A", "C"}};
    m.legend = {{"R", "Responsible"}, {"A", "Accountable"}, {"C", "Consulted"}};
    std::string html = render_html_block(m);
    CHECK(html.find("<tr><th>Instagram: create</th>") != std::string::npos);
    CHECK(html.find("<tr class=\"gap\"><th>Facebook: engage</th>") != std::string::npos);
    CHECK(html.find("class=\"m1\"") != std::string::npos); // "A/R" coloured as A
}

TEST_CASE("html: a 5,000-deep org chain renders without recursion and nests correctly") {
    OrgChart chart;
    for (int i = 0; i < 5000; ++i) {
        OrgNode n;
        n.id = "p" + std::to_string(i);
        n.label = "Person " + std::to_string(i);
        if (i > 0)
            n.parent_id = "p" + std::to_string(i - 1);
        chart.nodes.push_back(n);
    }
    std::string html = render_html_block(chart);
    size_t open = 0, close = 0;
    for (size_t at = html.find("<details"); at != std::string::npos;
         at = html.find("<details", at + 1))
        ++open;
    for (size_t at = html.find("</details>"); at != std::string::npos;
         at = html.find("</details>", at + 1))
        ++close;
    CHECK(open == 4999);
    CHECK(close == open);
    CHECK(html.find("Person 4999") != std::string::npos);
}
