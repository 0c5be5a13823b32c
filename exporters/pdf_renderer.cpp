#include "exporters/pdf_renderer.hpp"

#include "exporters/atomic_file.hpp"
#include "exporters/pdf_blocks.hpp"

#include <algorithm>

namespace planner::exporters {
namespace {

template <typename... Handlers> struct Overloaded : Handlers... { using Handlers::operator()...; };
template <typename... Handlers> Overloaded(Handlers...) -> Overloaded<Handlers...>;

void draw_block(Flow& flow, const Block& block) {
    std::visit(Overloaded{
                   [&](const Paragraph& paragraph) { draw_paragraph(flow, paragraph); },
                   [&](const KeyFigures& figures) { draw_key_figures(flow, figures); },
                   [&](const Table& table) {
                       if (table.printed) {
                           draw_table(flow, table);
                       }
                   },
                   [&](const BarChart& chart) { draw_bar_chart(flow, chart); },
                   [&](const LineChart& chart) { draw_line_chart(flow, chart); },
                   [&](const OrgChart& chart) { draw_org_chart(flow, chart); },
                   [&](const Matrix& matrix) { draw_matrix(flow, matrix); },
                   [&](const BulletList& list) { draw_bullet_list(flow, list); },
                   [&](const PageBreak&) {
                       if (!flow.at_page_top()) {
                           flow.new_page();
                       }
                   },
               },
               block);
}

// Whether the heading of section, drawn here, would end up alone at the foot of the page: a
// rehearsal draws it, the headings of any first subsections, and the first block (after a
// lead paragraph, the block it introduces), and compares the page that block starts on with
// the heading's page.
bool heading_would_be_orphaned(Flow& flow, const Section& section, int level) {
    PdfCanvas& canvas = flow.canvas();
    const double y = flow.y();
    canvas.begin_rehearsal();
    draw_heading(flow, section.title, std::min(level, 3));
    const std::size_t heading_page = canvas.current_page();
    const Section* next = &section;
    while (next->blocks.empty() && !next->subsections.empty() &&
           next->subsections.front().start == SectionStart::same_page) {
        next = &next->subsections.front();
        ++level;
        draw_heading(flow, next->title, std::min(level, 3));
    }
    // A lead paragraph belongs with the table or chart it introduces: the heading keeps with
    // that block, not with the lead alone.
    std::size_t first = 0;
    if (next->blocks.size() >= 2 && std::holds_alternative<Paragraph>(next->blocks[0]) &&
        !std::holds_alternative<Paragraph>(next->blocks[1]) &&
        !std::holds_alternative<PageBreak>(next->blocks[1])) {
        draw_block(flow, next->blocks[0]);
        first = 1;
    }
    canvas.mark_rehearsal();
    if (next->blocks.size() > first) {
        draw_block(flow, next->blocks[first]);
    }
    const std::optional<std::size_t> block_page = canvas.end_rehearsal();
    flow.set_y(y);
    return block_page && *block_page != heading_page;
}

// The height `block` takes from the top of a page, when that is at most a third of a page
// (a short table or paragraph); else 0.
double rehearsed_height(Flow& flow, const Block& block) {
    PdfCanvas& canvas = flow.canvas();
    const double y = flow.y();
    canvas.begin_rehearsal();
    flow.new_page();
    const std::size_t page = canvas.current_page();
    draw_block(flow, block);
    const double height = flow.y() - flow.top();
    const bool one_page = canvas.current_page() == page;
    canvas.end_rehearsal();
    flow.set_y(y);
    return one_page && height <= flow.page_height() / 3 ? height : 0;
}

struct ContentsEntry {
    int level = 1;
    std::string title;
    std::size_t page = 0; // index, cover = 0
};

// The page on which the last section (of any level) started; none before the first.
std::size_t contents_page_of_last(const std::vector<ContentsEntry>& contents) {
    return contents.empty() ? static_cast<std::size_t>(-1) : contents.back().page;
}

void draw_section(Flow& flow, const Section& section, int level,
                  std::vector<ContentsEntry>& contents) {
    // A section starts a new page, unless the current page only holds the short tail of the
    // section before (a page it ran over onto, less than a third full): then it follows that.
    const bool short_tail = !contents.empty() &&
                            flow.canvas().current_page() != contents_page_of_last(contents) &&
                            flow.y() - flow.top() < flow.page_height() / 3;
    if (section.start == SectionStart::new_page && !flow.at_page_top() && !short_tail) {
        flow.new_page();
    }
    if (!section.title.empty()) {
        if (!flow.at_page_top() && heading_would_be_orphaned(flow, section, level)) {
            flow.new_page();
        }
        draw_heading(flow, section.title, std::min(level, 3));
        if (level <= 2) {
            contents.push_back({level, section.title, flow.canvas().current_page()});
        }
    }
    for (std::size_t i = 0; i < section.blocks.size(); ++i) {
        const Block& block = section.blocks[i];
        // A chart followed by the section's last, short block: keep room for it below the chart.
        if (const auto* chart = std::get_if<OrgChart>(&block);
            chart && i + 1 == section.blocks.size() - 1) {
            draw_org_chart(flow, *chart, rehearsed_height(flow, section.blocks[i + 1]));
        } else {
            draw_block(flow, block);
        }
        flow.canvas().check("drawing a " + std::string(block_type_name(block)) + " in section '" +
                            section.title + "'");
    }
    for (const Section& subsection : section.subsections) {
        draw_section(flow, subsection, level + 1, contents);
    }
}

// The contents page: one line per section (subsections indented), the page number at the
// right with a dotted leader. Drawn once every page exists, on the page kept for it.
void draw_contents(Flow& flow, const std::string& title, const std::vector<ContentsEntry>& entries,
                   std::size_t page) {
    PdfCanvas& canvas = flow.canvas();
    canvas.select_page(page);
    flow.set_y(flow.top());
    draw_heading(flow, title, 1);
    const Theme& theme = flow.theme();
    for (const ContentsEntry& entry : entries) {
        if (flow.remaining() < 16) {
            break; // one page of contents; the bookmarks list everything
        }
        const bool top = entry.level == 1;
        const double size = top ? 10.5 : 9.5;
        const TextStyle style{top ? FontWeight::bold : FontWeight::regular, size, theme.text};
        const double indent = top ? 0 : 14;
        const std::string number = std::to_string(entry.page + 1);
        const double number_width = canvas.text_width(number, style.weight, size);
        const double room = flow.width() - indent - number_width - 24;
        const std::string text =
            truncate_to_width(entry.title, room, flow.measure(style.weight, size));
        if (top) {
            flow.advance(5);
        }
        const double baseline = flow.y() + size;
        canvas.text_aligned(flow.left() + indent, room, baseline, text, style, Alignment::left);
        const double text_end =
            flow.left() + indent + canvas.text_width(text, style.weight, size) + 4;
        const double number_start = flow.right() - number_width - 4;
        if (number_start > text_end) {
            canvas.line({text_end, baseline}, {number_start, baseline},
                        {theme.rule, 0.6, LineDash::dotted});
        }
        canvas.text_aligned(flow.left(), flow.width(), baseline, number, style, Alignment::right);
        flow.advance(size + 6);
    }
}

} // namespace

std::string render_pdf(const Document& document, const PdfOptions& options) {
    const std::int64_t created = resolve_creation_time(document.metadata);
    PdfCanvas canvas({options.regular_font, options.bold_font});
    canvas.set_metadata(document.metadata, created);
    const Theme theme = make_theme(document.cover.primary_colour);

    canvas.add_page();
    draw_cover(canvas, theme, document);
    canvas.check("drawing the cover");

    Flow flow(canvas, theme, document.labels);
    std::optional<std::size_t> contents_page;
    if (!document.contents_title.empty() && !document.sections.empty()) {
        flow.new_page();
        contents_page = canvas.current_page();
    }
    if (!document.sections.empty()) {
        flow.new_page();
    }
    std::vector<ContentsEntry> contents;
    for (const Section& section : document.sections) {
        draw_section(flow, section, 1, contents);
    }
    if (contents_page) {
        draw_contents(flow, document.contents_title, contents, *contents_page);
    }

    // Page numbers need the page count, so the furniture goes on once all pages exist.
    const std::size_t total = canvas.page_count();
    for (std::size_t page = 1; page < total; ++page) {
        canvas.select_page(page);
        draw_page_furniture(canvas, theme, document, page + 1, total);
    }
    return canvas.save();
}

void write_pdf(const Document& document, const std::filesystem::path& output,
               const PdfOptions& options) {
    write_file_atomically(output, render_pdf(document, options));
}

} // namespace planner::exporters
