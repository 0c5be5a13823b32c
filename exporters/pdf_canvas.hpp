#pragma once
// PdfCanvas: the only door to libharu. It owns the HPDF_Doc, the two embedded DejaVu fonts and
// the pages, and offers drawing in points with the origin at the top-left corner of the page
// and y growing downwards. It converts libharu's error callback into ExportError: the
// callback only records the error, and check() (called by every method that can fail, and by
// save()) throws. Internal to exporters/; report builders use pdf_renderer.hpp.

#include "exporters/document.hpp"
#include "exporters/geometry.hpp"
#include "exporters/text_wrap.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

enum class FontWeight { regular, bold };

struct TextStyle {
    FontWeight weight = FontWeight::regular;
    double size = 9.5;
    Rgb colour{0x22, 0x22, 0x22};
};

enum class LineDash { solid, dashed, dotted };

struct StrokeStyle {
    Rgb colour{0x22, 0x22, 0x22};
    double width = 0.5;
    LineDash dash = LineDash::solid;
};

struct FontFiles {
    std::string regular;
    std::string bold;
};

class PdfCanvas {
public:
    static constexpr double k_page_width = 595.276; // A4 portrait, points
    static constexpr double k_page_height = 841.89;

    // Loads and embeds both fonts (UTF-8, TrueType). Throws ExportError when a font file is
    // missing or cannot be embedded.
    explicit PdfCanvas(const FontFiles& fonts);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    // Title, author, subject, keywords, creator "planner", creation and modification date,
    // and the catalogue's /Lang.
    void set_metadata(const DocumentMetadata& metadata, std::int64_t created_unix);

    // Appends an A4 portrait page and makes it the current one; returns its index.
    std::size_t add_page();
    // Makes an earlier page current again (to draw page numbers once the count is known).
    void select_page(std::size_t index);
    std::size_t page_count() const;
    std::size_t current_page() const;

    // A rehearsal lays content out without drawing it, to learn where it would land: pages
    // added meanwhile are only counted, drawing and bookmarks do nothing. end_rehearsal()
    // forgets the rehearsed pages, makes the page current before the rehearsal current again,
    // and returns the page on which the first thing since begin_rehearsal() or the last
    // mark_rehearsal() would have been drawn (none if nothing was).
    void begin_rehearsal();
    void mark_rehearsal();
    std::optional<std::size_t> end_rehearsal();

    // Width in points of text set in the given font; additive, so usable for wrap_text.
    double text_width(std::string_view text, FontWeight weight, double size) const;
    MeasureText measure(FontWeight weight, double size) const;
    // Height of capitals above the baseline, in points.
    double cap_height(FontWeight weight, double size) const;

    // Text with its baseline at y, starting at x. Control characters print as spaces,
    // characters outside the Basic Multilingual Plane as U+FFFD.
    void text(double x, double baseline, std::string_view text, const TextStyle& style);
    // Text placed inside [x, x + width] by alignment.
    void text_aligned(double x, double width, double baseline, std::string_view text,
                      const TextStyle& style, Alignment alignment);
    // Text rotated counter-clockwise by degrees around its start point (x, baseline).
    void text_rotated(double x, double baseline, std::string_view text, const TextStyle& style,
                      double degrees);

    void fill_rect(double x, double top, double width, double height, Rgb colour);
    void stroke_rect(double x, double top, double width, double height, const StrokeStyle& style);
    void line(Point from, Point to, const StrokeStyle& style);
    void polyline(const std::vector<Point>& points, const StrokeStyle& style);
    void fill_circle(Point centre, double radius, Rgb colour);
    void fill_polygon(const std::vector<Point>& points, Rgb colour);

    // The PNG scaled to fit max_width x max_height, aspect kept, top-left at (x, top). Returns
    // the size drawn. Throws ExportError when the file is missing or not a PNG libharu reads.
    Size draw_png(const std::string& path, double x, double top, double max_width,
                  double max_height);

    // A bookmark to the current page at `top`, nested under the last bookmark of level - 1.
    void add_bookmark(std::string_view title, int level, double top);

    // The finished PDF. Throws ExportError if libharu reported any error on the way.
    std::string save();

    // Throws ExportError("PDF: <doing>: ...") if libharu has reported an error.
    void check(std::string_view doing) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace planner::exporters
