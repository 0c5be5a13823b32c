#pragma once
// The document model: what a report says, with no idea of how it is drawn and no idea of
// teams, plans or people. Report builders (planner/) fill a Document; renderers turn it into
// files. Every type here is a plain value: copy it, keep it, build it field by field.
//
// Public API of planner::exporters (all headers are free of libharu):
//
//   exporters/document.hpp       Document, Section, Block = std::variant<Paragraph, KeyFigures,
//                                Table, BarChart, LineChart, OrgChart, Matrix, BulletList,
//                                PageBreak>, Rgb, StatusColour, Labels;
//                                std::int64_t resolve_creation_time(const DocumentMetadata&);
//                                std::vector<const Table*> collect_tables(const Document&);
//                                std::optional<Rgb> parse_hex_colour(std::string_view);
//   exporters/export_error.hpp   class ExportError : std::runtime_error (what every renderer
//                                throws; the message says what failed and where)
//   exporters/pdf_renderer.hpp   void write_pdf(const Document&, const path& output,
//                                               const PdfOptions& = {});
//                                std::string render_pdf(const Document&, const PdfOptions& = {});
//   exporters/csv_renderer.hpp   std::string render_csv(const Table&, const CsvOptions& = {});
//                                std::vector<path> write_csv_tables(const Document&,
//                                    const path& folder, const CsvOptions& = {});
//   exporters/json_renderer.hpp  std::string render_json(const Document&);
//                                void write_json(const Document&, const path& output);
//   exporters/json_writer.hpp    class JsonWriter (small streaming writer, fixed key order)
//   exporters/atomic_file.hpp    void write_file_atomically(const path&, std::string_view bytes);
//   exporters/text_wrap.hpp      wrap_text(), truncate_to_width() (UTF-8 safe line breaking)
//   exporters/utf8.hpp           decode_utf8(), append_utf8(), is_valid_utf8(), sanitize_utf8()
//
// Text everywhere is UTF-8. Invalid UTF-8 is not an error: renderers replace bad bytes with
// U+FFFD so that a report always renders.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace planner::exporters {

// An sRGB colour, 0..255 per channel.
struct Rgb {
    std::uint8_t red = 0;
    std::uint8_t green = 0;
    std::uint8_t blue = 0;

    friend bool operator==(const Rgb& a, const Rgb& b) {
        return a.red == b.red && a.green == b.green && a.blue == b.blue;
    }
    friend bool operator!=(const Rgb& a, const Rgb& b) { return !(a == b); }
};

// "#1f4e79" or "1F4E79" -> Rgb; anything else -> nullopt.
std::optional<Rgb> parse_hex_colour(std::string_view text);
// Rgb -> "#1f4e79".
std::string to_hex_colour(Rgb colour);

// Red/amber/green status of a table cell or key figure; none draws no status colour.
enum class StatusColour { none, green, amber, red };

struct DocumentMetadata {
    std::string title;
    std::string subtitle;
    std::string author;
    std::string subject;
    std::vector<std::string> keywords;
    // Seconds since 1970-01-01 UTC. Empty: SOURCE_DATE_EPOCH when set, else the current time
    // (see resolve_creation_time).
    std::optional<std::int64_t> created_unix;
    // BCP 47 tag, e.g. "en" or "lv"; written to the PDF catalogue and to JSON.
    std::string language = "en";
};

struct Cover {
    std::string title; // empty: metadata.title
    std::string subtitle;
    std::string client_line;     // e.g. "Prepared for Acme Media"
    std::string consultant_line; // e.g. "Prepared by Northwind Consulting"
    std::string date_text;       // shown as given, e.g. "12 March 2025"
    std::string logo_png;        // path to a PNG file; empty: no logo
    // The brand colour. Every accent in the PDF (headings, table headers, chart series) is
    // derived from it.
    Rgb primary_colour{0x1f, 0x4e, 0x79};
};

// Words the renderers print on their own. Templates translate them; {page}, {pages} and
// {title} are replaced.
struct Labels {
    std::string page_number = "Page {page} of {pages}";
    std::string continued = "{title} (continued)";
    // Between the whole and the fraction of figures in charts: "." in English, "," in Latvian.
    std::string decimal_point = ".";
    // Between groups of three digits: "," in English, a no-break space in Latvian; empty: none.
    // Four-digit figures are grouped only when group_four_digits ("1,000" but "1000").
    std::string group_separator;
    bool group_four_digits = true;
};

// ---- Blocks -------------------------------------------------------------------------------

enum class ParagraphStyle {
    body,    // running text
    lead,    // a larger introductory paragraph
    strong,  // bold running text
    note,    // small grey text: sources, caveats
    callout, // boxed and accented: a finding, a recommendation, the ask
};

struct Paragraph {
    std::string text; // "\n" starts a new line
    ParagraphStyle style = ParagraphStyle::body;
};

struct KeyFigure {
    std::string label; // "Score"
    std::string value; // "72/100"
    std::string note;  // optional, e.g. "+6 on Q1"
    StatusColour status = StatusColour::none;
};

// A row of tiles; more than four wrap onto further rows.
struct KeyFigures {
    std::vector<KeyFigure> figures;
};

enum class Alignment { left, right, centre };

struct Column {
    std::string key;    // stable machine name: the CSV header and the JSON key, e.g. "fte_gap"
    std::string header; // what a reader sees, e.g. "FTE gap"
    Alignment alignment = Alignment::left;
    double width = 0;     // relative width hint; 0 = from the content
    bool numeric = false; // numbers are right-aligned whatever the alignment says
};

struct Cell {
    std::string text;
    StatusColour status = StatusColour::none;

    Cell() = default;
    // Implicit on purpose, so rows can be written as {"Anna", "0.8"}.
    Cell(std::string cell_text, StatusColour cell_status = StatusColour::none)
        : text(std::move(cell_text)), status(cell_status) {}
    Cell(const char* cell_text, StatusColour cell_status = StatusColour::none)
        : text(cell_text), status(cell_status) {}

    friend bool operator==(const Cell& a, const Cell& b) {
        return a.text == b.text && a.status == b.status;
    }
};

// Rows shorter than the column list are padded with empty cells; extra cells are ignored.
struct Table {
    std::string id; // file name of its CSV (<id>.csv): [A-Za-z0-9_-]+, unique in a Document
    std::string title;
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::string footnote;
    std::size_t total_rows = 0; // the last N rows are totals: bold, with a rule above
    // False for a table that only the data exports (CSV, JSON) carry: the full detail that a
    // printed report summarises and names.
    bool printed = true;
};

enum class BarOrientation { vertical, horizontal };

struct Series {
    Series() = default;
    Series(std::string name_, std::vector<double> values_, std::vector<std::string> labels_ = {})
        : name(std::move(name_)), values(std::move(values_)), labels(std::move(labels_)) {}
    std::string name;           // legend text
    std::vector<double> values; // one per category
    // The value labels as the report prints the same figures elsewhere (e.g. money from the
    // table beside the chart), one per category; empty: formatted from the values.
    std::vector<std::string> labels;
};

// A line across the value axis, e.g. {100, "capacity = 100%"}.
struct ReferenceLine {
    double value = 0;
    std::string label;
};

struct BarChart {
    std::string title;
    BarOrientation orientation = BarOrientation::vertical;
    std::vector<std::string> categories;
    std::vector<Series> series;
    std::string value_axis_label;
    std::string value_suffix; // appended to tick and value labels, e.g. "%" or " h"
    std::optional<ReferenceLine> reference;
};

struct LineSeries {
    std::string name;
    std::vector<std::optional<double>> values; // one per x label; nullopt leaves a gap
};

struct LineChart {
    std::string title;
    std::vector<std::string> x_labels; // e.g. "2024-Q1"
    std::vector<LineSeries> series;
    std::string y_axis_label;
    std::string value_suffix;
    std::optional<ReferenceLine> reference; // e.g. the target
};

// What a node of an org chart is highlighted for; a node may have several. Each kind is drawn
// in its own colour and with its own marker, so that it also reads in greyscale.
enum class OrgMark { overloaded, vacancy, leaving };

struct OrgNode {
    std::string id;
    std::string label;                    // a name, or "Vacancy"
    std::string sublabel;                 // a role
    std::optional<std::string> parent_id; // nullopt, or an id not in the chart: a root
    std::vector<OrgMark> marks;           // in OrgMark order, each at most once
    std::string detail; // a manager's span of control and team size; empty for others
    bool highlighted() const { return !marks.empty(); }
    bool has(OrgMark mark) const;
};

struct OrgLegendEntry {
    OrgMark mark;
    std::string label; // "Overloaded"
};

// Nodes in any order; children are drawn in the order they appear. A parent link that would
// close a cycle is treated as absent. The legend names every kind of mark; a renderer shows
// only the kinds some node has, and the note (what the detail line means) when any node has
// a detail.
struct OrgChart {
    std::string title;
    std::vector<OrgNode> nodes;
    std::vector<OrgLegendEntry> legend;
    std::string legend_title; // "Legend"
    std::string detail_note;  // "Span: direct reports. Team: everyone under the manager."
};

// The marks some node of the chart has, in OrgMark order.
std::vector<OrgMark> marks_present(const OrgChart& chart);
std::string_view org_mark_name(OrgMark mark); // "overloaded", "vacancy", "leaving"

struct MatrixLegendEntry {
    std::string code;    // "R"
    std::string meaning; // "Responsible"
};

// cells[row][column] holds a short code ("R", "A/R", "" for none). Codes are coloured by
// their position in the legend.
struct Matrix {
    std::string title;
    std::string corner_label; // header of the row-label column, e.g. "Duty"
    std::vector<std::string> row_labels;
    std::vector<std::string> column_labels;
    std::vector<std::vector<std::string>> cells;
    std::vector<MatrixLegendEntry> legend;
};

enum class ListStyle { bullets, numbers };

struct BulletList {
    std::vector<std::string> items;
    ListStyle style = ListStyle::bullets;
};

struct PageBreak {};

using Block = std::variant<Paragraph, KeyFigures, Table, BarChart, LineChart, OrgChart, Matrix,
                           BulletList, PageBreak>;

// ---- Sections and the document ------------------------------------------------------------

enum class SectionStart { same_page, new_page };

// A section's level is its nesting depth: top-level sections are level 1, their subsections
// level 2, and so on; levels past 3 are drawn as level 3. Every section gets a bookmark.
struct Section {
    std::string title;
    std::vector<Block> blocks; // drawn before the subsections
    std::vector<Section> subsections;
    SectionStart start = SectionStart::same_page;
};

struct Document {
    DocumentMetadata metadata;
    Cover cover;
    std::string running_header; // top of every page but the cover
    Labels labels;
    // Non-empty: a contents page after the cover, with this title, listing the sections and
    // their first-level subsections with their page numbers (PDF only).
    std::string contents_title;
    std::vector<Section> sections;
};

// metadata.created_unix, else SOURCE_DATE_EPOCH, else now. Throws ExportError when
// SOURCE_DATE_EPOCH is set but is not a non-negative integer.
std::int64_t resolve_creation_time(const DocumentMetadata& metadata);

// Every Table in document order (sections depth first, blocks before subsections).
std::vector<const Table*> collect_tables(const Document& document);

// "paragraph", "key_figures", "table", ... : the block's type name in JSON and messages.
std::string_view block_type_name(const Block& block);

} // namespace planner::exporters
