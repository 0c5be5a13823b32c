#include "exporters/json_renderer.hpp"

#include "exporters/atomic_file.hpp"
#include "exporters/export_error.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/utc_time.hpp"

#include <set>

namespace planner::exporters {
namespace {

constexpr int k_format_version = 1;

std::string_view status_name(StatusColour status) {
    switch (status) {
    case StatusColour::green:
        return "green";
    case StatusColour::amber:
        return "amber";
    case StatusColour::red:
        return "red";
    case StatusColour::none:
        break;
    }
    return "none";
}

std::string_view alignment_name(Alignment alignment) {
    switch (alignment) {
    case Alignment::right:
        return "right";
    case Alignment::centre:
        return "centre";
    case Alignment::left:
        break;
    }
    return "left";
}

std::string_view paragraph_style_name(ParagraphStyle style) {
    switch (style) {
    case ParagraphStyle::lead:
        return "lead";
    case ParagraphStyle::strong:
        return "strong";
    case ParagraphStyle::note:
        return "note";
    case ParagraphStyle::callout:
        return "callout";
    case ParagraphStyle::body:
        break;
    }
    return "body";
}

void write_strings(JsonWriter& json, std::string_view name, const std::vector<std::string>& items) {
    json.key(name).begin_array();
    for (const std::string& item : items) {
        json.write_string(item);
    }
    json.end_array();
}

void write_reference(JsonWriter& json, const std::optional<ReferenceLine>& reference) {
    json.key("reference");
    if (!reference) {
        json.write_null();
        return;
    }
    json.begin_object().field_number("value", reference->value).field("label", reference->label);
    json.end_object();
}

void write_block(JsonWriter& json, const Paragraph& paragraph) {
    json.field("style", paragraph_style_name(paragraph.style)).field("text", paragraph.text);
}

void write_block(JsonWriter& json, const KeyFigures& key_figures) {
    json.key("figures").begin_array();
    for (const KeyFigure& figure : key_figures.figures) {
        json.begin_object()
            .field("label", figure.label)
            .field("value", figure.value)
            .field("note", figure.note)
            .field("status", status_name(figure.status))
            .end_object();
    }
    json.end_array();
}

void write_block(JsonWriter& json, const Table& table) {
    std::set<std::string_view> keys;
    for (const Column& column : table.columns) {
        if (!keys.insert(column.key).second) {
            throw ExportError("table '" + table.id + "' has two columns with the key '" +
                              column.key + "'; column keys must be unique within a table");
        }
    }
    json.field("id", table.id).field("title", table.title);
    json.key("columns").begin_array();
    for (const Column& column : table.columns) {
        json.begin_object()
            .field("key", column.key)
            .field("header", column.header)
            .field("alignment", alignment_name(column.alignment))
            .field_number("width", column.width)
            .field_bool("numeric", column.numeric)
            .end_object();
    }
    json.end_array();
    json.key("rows").begin_array();
    for (const std::vector<Cell>& row : table.rows) {
        json.begin_object();
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            json.field(table.columns[i].key, i < row.size() ? row[i].text : std::string());
        }
        json.end_object();
    }
    json.end_array();
    json.key("cell_status").begin_array();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::vector<Cell>& row = table.rows[r];
        for (std::size_t i = 0; i < table.columns.size() && i < row.size(); ++i) {
            if (row[i].status != StatusColour::none) {
                json.begin_object()
                    .field_integer("row", static_cast<std::int64_t>(r))
                    .field("key", table.columns[i].key)
                    .field("status", status_name(row[i].status))
                    .end_object();
            }
        }
    }
    json.end_array();
    json.field("footnote", table.footnote)
        .field_integer("total_rows", static_cast<std::int64_t>(table.total_rows));
}

void write_block(JsonWriter& json, const BarChart& chart) {
    json.field("title", chart.title)
        .field("orientation",
               chart.orientation == BarOrientation::horizontal ? "horizontal" : "vertical");
    write_strings(json, "categories", chart.categories);
    json.key("series").begin_array();
    for (const Series& series : chart.series) {
        json.begin_object().field("name", series.name).key("values").begin_array();
        for (const double value : series.values) {
            json.write_number(value);
        }
        json.end_array().end_object();
    }
    json.end_array();
    json.field("value_axis_label", chart.value_axis_label)
        .field("value_suffix", chart.value_suffix);
    write_reference(json, chart.reference);
}

void write_block(JsonWriter& json, const LineChart& chart) {
    json.field("title", chart.title);
    write_strings(json, "x_labels", chart.x_labels);
    json.key("series").begin_array();
    for (const LineSeries& series : chart.series) {
        json.begin_object().field("name", series.name).key("values").begin_array();
        for (const std::optional<double>& value : series.values) {
            if (value) {
                json.write_number(*value);
            } else {
                json.write_null();
            }
        }
        json.end_array().end_object();
    }
    json.end_array();
    json.field("y_axis_label", chart.y_axis_label).field("value_suffix", chart.value_suffix);
    write_reference(json, chart.reference);
}

void write_block(JsonWriter& json, const OrgChart& chart) {
    json.field("title", chart.title).key("nodes").begin_array();
    for (const OrgNode& node : chart.nodes) {
        json.begin_object()
            .field("id", node.id)
            .field("label", node.label)
            .field("sublabel", node.sublabel)
            .key("parent_id");
        if (node.parent_id) {
            json.write_string(*node.parent_id);
        } else {
            json.write_null();
        }
        json.field_bool("highlight", node.highlighted()).key("marks").begin_array();
        for (const OrgMark mark : node.marks) {
            json.write_string(org_mark_name(mark));
        }
        json.end_array().field("detail", node.detail).end_object();
    }
    json.end_array().key("legend").begin_array();
    for (const OrgLegendEntry& entry : chart.legend) {
        json.begin_object()
            .field("mark", org_mark_name(entry.mark))
            .field("label", entry.label)
            .end_object();
    }
    json.end_array().field("detail_note", chart.detail_note);
}

void write_block(JsonWriter& json, const Matrix& matrix) {
    json.field("title", matrix.title).field("corner_label", matrix.corner_label);
    write_strings(json, "row_labels", matrix.row_labels);
    write_strings(json, "column_labels", matrix.column_labels);
    json.key("cells").begin_array();
    for (const std::vector<std::string>& row : matrix.cells) {
        json.begin_array();
        for (const std::string& code : row) {
            json.write_string(code);
        }
        json.end_array();
    }
    json.end_array();
    json.key("legend").begin_array();
    for (const MatrixLegendEntry& entry : matrix.legend) {
        json.begin_object().field("code", entry.code).field("meaning", entry.meaning).end_object();
    }
    json.end_array();
}

void write_block(JsonWriter& json, const BulletList& list) {
    json.field("style", list.style == ListStyle::numbers ? "numbers" : "bullets");
    write_strings(json, "items", list.items);
}

void write_block(JsonWriter&, const PageBreak&) {}

void write_section(JsonWriter& json, const Section& section, int level) {
    json.begin_object()
        .field("title", section.title)
        .field_integer("level", level)
        .field("start", section.start == SectionStart::new_page ? "new_page" : "same_page");
    json.key("blocks").begin_array();
    for (const Block& block : section.blocks) {
        json.begin_object().field("type", block_type_name(block));
        std::visit([&json](const auto& value) { write_block(json, value); }, block);
        json.end_object();
    }
    json.end_array();
    json.key("subsections").begin_array();
    for (const Section& subsection : section.subsections) {
        write_section(json, subsection, level + 1);
    }
    json.end_array();
    json.end_object();
}

} // namespace

std::string render_json(const Document& document) {
    JsonWriter json;
    json.begin_object()
        .field("format", "planner-document")
        .field_integer("version", k_format_version);

    const DocumentMetadata& metadata = document.metadata;
    json.key("metadata")
        .begin_object()
        .field("title", metadata.title)
        .field("subtitle", metadata.subtitle)
        .field("author", metadata.author)
        .field("subject", metadata.subject);
    write_strings(json, "keywords", metadata.keywords);
    json.field("created", iso8601_utc(resolve_creation_time(metadata)))
        .field("language", metadata.language)
        .end_object();

    const Cover& cover = document.cover;
    json.key("cover")
        .begin_object()
        .field("title", cover.title)
        .field("subtitle", cover.subtitle)
        .field("client_line", cover.client_line)
        .field("consultant_line", cover.consultant_line)
        .field("date_text", cover.date_text)
        .field("logo_png", cover.logo_png)
        .field("primary_colour", to_hex_colour(cover.primary_colour))
        .end_object();

    json.field("running_header", document.running_header);
    json.key("labels")
        .begin_object()
        .field("page_number", document.labels.page_number)
        .field("continued", document.labels.continued)
        .end_object();

    json.key("sections").begin_array();
    for (const Section& section : document.sections) {
        write_section(json, section, 1);
    }
    json.end_array().end_object();
    return json.take();
}

void write_json(const Document& document, const std::filesystem::path& output) {
    write_file_atomically(output, render_json(document));
}

} // namespace planner::exporters
