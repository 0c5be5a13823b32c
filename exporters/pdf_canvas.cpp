#include "exporters/pdf_canvas.hpp"

#include "exporters/png_check.hpp"

#include "exporters/export_error.hpp"
#include "exporters/utc_time.hpp"
#include "exporters/utf8.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_map>

namespace planner::exporters {
namespace {

// What libharu reported through its error callback. The callback runs inside C code, so it
// only records; PdfCanvas::check() turns the record into an exception later.
struct ErrorRecord {
    HPDF_STATUS error_no = HPDF_OK;
    HPDF_STATUS detail_no = 0;
};

void record_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) noexcept {
    auto* record = static_cast<ErrorRecord*>(user_data);
    if (record->error_no == HPDF_OK) { // keep the first error: later ones are consequences
        record->error_no = error_no;
        record->detail_no = detail_no;
    }
}

struct DocDeleter {
    void operator()(HPDF_Doc doc) const noexcept { HPDF_Free(doc); }
};
using DocHandle = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

std::string describe_error(HPDF_STATUS error_no) {
    switch (error_no) {
    case HPDF_FAILD_TO_ALLOC_MEM:
        return "out of memory";
    case HPDF_FILE_IO_ERROR:
        return "file read or write failed";
    case HPDF_FILE_OPEN_ERROR:
        return "cannot open a file";
    case HPDF_INVALID_PNG_IMAGE:
        return "not a PNG image libharu can read";
    case HPDF_LIBPNG_ERROR:
        return "the PNG image is damaged or unsupported";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        return "the font's licence forbids embedding";
    case HPDF_TTF_MISSING_TABLE:
        return "the font file lacks a required table";
    case HPDF_INVALID_TTC_FILE:
        return "not a TrueType font file";
    case HPDF_STRING_OUT_OF_RANGE:
        return "a text is too long for one PDF string";
    case HPDF_INVALID_PARAMETER:
        return "invalid parameter";
    case HPDF_PAGE_INVALID_GMODE:
        return "drawing operators out of order";
    default:
        break;
    }
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "libharu error 0x%04X", static_cast<unsigned>(error_no));
    return buffer;
}

// libharu 2.3.0 writes its encoding CMap (begincidrange) as the font's /ToUnicode, which
// viewers reject ("Invalid 'begincidrange' operator in ToUnicode CMap"). With the UTF-8
// encoder the character codes are the Unicode code points of the Basic Multilingual Plane, so
// the correct ToUnicode CMap is the identity on <0000>..<FFFF>, written here in bfrange blocks
// of at most 100 entries, each range staying within one high byte.
std::string identity_to_unicode_cmap() {
    std::string cmap = "/CIDInit /ProcSet findresource begin\n"
                       "12 dict begin\n"
                       "begincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n"
                       "/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    constexpr int k_block = 100;
    for (int from = 0; from < 256; from += k_block) {
        const int to = std::min(256, from + k_block);
        cmap += std::to_string(to - from) + " beginbfrange\n";
        for (int high = from; high < to; ++high) {
            char line[40];
            std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
            cmap += line;
        }
        cmap += "endbfrange\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

// Replaces each character that the UTF-8 encoder or the font cannot carry: control characters
// become spaces, invalid bytes and characters past U+FFFF become U+FFFD.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t offset = 0; offset < text.size();) {
        const DecodedCodePoint decoded = decode_utf8(text, offset);
        char32_t c = decoded.value;
        if (c < 0x20 || c == 0x7F) {
            c = ' ';
        } else if (c > 0xFFFF) {
            c = k_replacement_character;
        }
        append_utf8(out, c);
        offset += decoded.length;
    }
    return out;
}

} // namespace

struct PdfCanvas::Impl {
    ErrorRecord errors;
    DocHandle doc;
    HPDF_Font fonts[2] = {nullptr, nullptr};
    mutable std::unordered_map<char32_t, double> widths[2]; // 1/1000 em per code point
    HPDF_REAL cap_heights[2] = {0, 0};                      // 1/1000 em
    std::vector<HPDF_Page> pages;
    std::size_t current = 0;
    // Rehearsal: pages are only counted and nothing is drawn; the page of the first thing that
    // would have been drawn is noted.
    bool rehearsing = false;
    std::size_t page_total = 0; // pages.size(), plus the pages added while rehearsing
    std::size_t page_before_rehearsal = 0;
    std::optional<std::size_t> first_drawn_page;
    std::vector<HPDF_Outline> outline_path; // the last bookmark of each level
    std::map<std::string, HPDF_Image> images;

    HPDF_Page page() const { return pages.at(current); }
    // True while rehearsing: the caller then draws nothing.
    bool skip_drawing() {
        if (rehearsing && !first_drawn_page) {
            first_drawn_page = current;
        }
        return rehearsing;
    }
    HPDF_Font font(FontWeight weight) const { return fonts[weight == FontWeight::bold ? 1 : 0]; }
    HPDF_REAL to_pdf_y(double top_down_y) const {
        return static_cast<HPDF_REAL>(k_page_height - top_down_y);
    }
    void set_stroke(const StrokeStyle& style) const {
        HPDF_Page_SetRGBStroke(page(), style.colour.red / 255.0f, style.colour.green / 255.0f,
                               style.colour.blue / 255.0f);
        HPDF_Page_SetLineWidth(page(), static_cast<HPDF_REAL>(style.width));
        static const HPDF_UINT16 k_dash[] = {3, 2};
        static const HPDF_UINT16 k_dot[] = {1, 1};
        switch (style.dash) {
        case LineDash::solid:
            HPDF_Page_SetDash(page(), nullptr, 0, 0);
            break;
        case LineDash::dashed:
            HPDF_Page_SetDash(page(), k_dash, 2, 0);
            break;
        case LineDash::dotted:
            HPDF_Page_SetDash(page(), k_dot, 2, 0);
            break;
        }
    }
    void set_fill(Rgb colour) const {
        HPDF_Page_SetRGBFill(page(), colour.red / 255.0f, colour.green / 255.0f,
                             colour.blue / 255.0f);
    }
    double advance(FontWeight weight, char32_t code_point) const {
        auto& cache = widths[weight == FontWeight::bold ? 1 : 0];
        if (const auto found = cache.find(code_point); found != cache.end()) {
            return found->second;
        }
        std::string bytes;
        append_utf8(bytes, code_point);
        const HPDF_TextWidth measured =
            HPDF_Font_TextWidth(font(weight), reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                static_cast<HPDF_UINT>(bytes.size()));
        const double width = measured.width;
        cache.emplace(code_point, width);
        return width;
    }
    HPDF_Font load_font(const std::string& path) {
        if (!std::filesystem::is_regular_file(path)) {
            throw ExportError("font file '" + path +
                              "' not found; install the DejaVu fonts (fonts-dejavu-core)");
        }
        const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE);
        HPDF_Font loaded = name != nullptr ? HPDF_GetFont(doc.get(), name, "UTF-8") : nullptr;
        if (loaded == nullptr || errors.error_no != HPDF_OK) {
            throw ExportError("cannot embed the font '" + path +
                              "': " + describe_error(errors.error_no));
        }
        replace_to_unicode(loaded);
        return loaded;
    }
    void replace_to_unicode(HPDF_Font loaded) {
        auto stream =
            static_cast<HPDF_Dict>(HPDF_Dict_GetItem(loaded, "ToUnicode", HPDF_OCLASS_DICT));
        if (stream == nullptr || stream->stream == nullptr) {
            return; // a libharu that writes no ToUnicode: nothing to mend
        }
        HPDF_MemStream_FreeData(stream->stream);
        HPDF_Stream_WriteStr(stream->stream, identity_to_unicode_cmap().c_str());
        stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    }
};

PdfCanvas::PdfCanvas(const FontFiles& fonts) : m_impl(std::make_unique<Impl>()) {
    m_impl->doc.reset(HPDF_New(record_hpdf_error, &m_impl->errors));
    if (!m_impl->doc) {
        throw ExportError("PDF: cannot create a document: out of memory");
    }
    HPDF_Doc doc = m_impl->doc.get();
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc);
    HPDF_SetCurrentEncoder(doc, "UTF-8"); // document info and bookmarks as UTF-16 text
    HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
    // Pages in a tree of nodes of at most 256 (a flat list stops at libharu's array limit,
    // 32,767 entries); documents up to 256 pages keep the flat list.
    HPDF_SetPagesConfiguration(doc, 256);
    check("setting up the document");
    m_impl->fonts[0] = m_impl->load_font(fonts.regular);
    m_impl->fonts[1] = m_impl->load_font(fonts.bold);
    for (int i = 0; i < 2; ++i) {
        m_impl->cap_heights[i] = static_cast<HPDF_REAL>(HPDF_Font_GetCapHeight(m_impl->fonts[i]));
    }
}

PdfCanvas::~PdfCanvas() = default;

void PdfCanvas::set_metadata(const DocumentMetadata& metadata, std::int64_t created_unix) {
    HPDF_Doc doc = m_impl->doc.get();
    const auto set = [doc](HPDF_InfoType type, const std::string& value) {
        if (!value.empty()) {
            HPDF_SetInfoAttr(doc, type, printable(value).c_str());
        }
    };
    set(HPDF_INFO_TITLE, metadata.title);
    set(HPDF_INFO_AUTHOR, metadata.author);
    set(HPDF_INFO_SUBJECT, metadata.subject);
    std::string keywords;
    for (const std::string& keyword : metadata.keywords) {
        keywords += (keywords.empty() ? "" : ", ") + keyword;
    }
    set(HPDF_INFO_KEYWORDS, keywords);
    set(HPDF_INFO_CREATOR, "planner");

    const UtcDateTime t = utc_from_unix(created_unix);
    HPDF_Date date{};
    date.year = t.year;
    date.month = t.month;
    date.day = t.day;
    date.hour = t.hour;
    date.minutes = t.minute;
    date.seconds = t.second;
    date.ind = 'Z';
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);

    std::string language;
    for (const char c : metadata.language) { // a BCP 47 tag is ASCII letters, digits, '-'
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
            language += c;
        }
    }
    if (!language.empty()) {
        HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(doc->mmgr, language.c_str(), nullptr));
    }
    check("writing the document information");
}

std::size_t PdfCanvas::add_page() {
    if (m_impl->rehearsing) {
        m_impl->current = m_impl->page_total++;
        return m_impl->current;
    }
    HPDF_Page page = HPDF_AddPage(m_impl->doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    check("adding a page");
    m_impl->pages.push_back(page);
    m_impl->page_total = m_impl->pages.size();
    m_impl->current = m_impl->pages.size() - 1;
    return m_impl->current;
}

void PdfCanvas::select_page(std::size_t index) {
    m_impl->current = index;
}

std::size_t PdfCanvas::page_count() const {
    return m_impl->page_total;
}

void PdfCanvas::begin_rehearsal() {
    m_impl->rehearsing = true;
    m_impl->page_before_rehearsal = m_impl->current;
    m_impl->first_drawn_page.reset();
}

void PdfCanvas::mark_rehearsal() {
    m_impl->first_drawn_page.reset();
}

std::optional<std::size_t> PdfCanvas::end_rehearsal() {
    m_impl->rehearsing = false;
    m_impl->page_total = m_impl->pages.size();
    m_impl->current = m_impl->page_before_rehearsal;
    return m_impl->first_drawn_page;
}

std::size_t PdfCanvas::current_page() const {
    return m_impl->current;
}

double PdfCanvas::text_width(std::string_view text, FontWeight weight, double size) const {
    double width = 0;
    for (std::size_t offset = 0; offset < text.size();) {
        const DecodedCodePoint decoded = decode_utf8(text, offset);
        char32_t c = decoded.value;
        if (c < 0x20 || c == 0x7F) {
            c = ' ';
        } else if (c > 0xFFFF) {
            c = k_replacement_character;
        }
        width += m_impl->advance(weight, c);
        offset += decoded.length;
    }
    return width * size / 1000.0;
}

MeasureText PdfCanvas::measure(FontWeight weight, double size) const {
    return [this, weight, size](std::string_view text) { return text_width(text, weight, size); };
}

double PdfCanvas::cap_height(FontWeight weight, double size) const {
    return m_impl->cap_heights[weight == FontWeight::bold ? 1 : 0] * size / 1000.0;
}

void PdfCanvas::text(double x, double baseline, std::string_view text, const TextStyle& style) {
    if (m_impl->skip_drawing()) {
        return;
    }
    if (text.empty()) {
        return;
    }
    HPDF_Page page = m_impl->page();
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, m_impl->font(style.weight), static_cast<HPDF_REAL>(style.size));
    m_impl->set_fill(style.colour);
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), m_impl->to_pdf_y(baseline),
                      printable(text).c_str());
    HPDF_Page_EndText(page);
}

void PdfCanvas::text_aligned(double x, double width, double baseline, std::string_view text,
                             const TextStyle& style, Alignment alignment) {
    double start = x;
    if (alignment != Alignment::left) {
        const double used = text_width(text, style.weight, style.size);
        start = alignment == Alignment::right ? x + width - used : x + (width - used) / 2;
    }
    this->text(start, baseline, text, style);
}

void PdfCanvas::text_rotated(double x, double baseline, std::string_view text,
                             const TextStyle& style, double degrees) {
    if (m_impl->skip_drawing()) {
        return;
    }
    if (text.empty()) {
        return;
    }
    const double radians = degrees * 3.14159265358979323846 / 180.0;
    const auto c = static_cast<HPDF_REAL>(std::cos(radians));
    const auto s = static_cast<HPDF_REAL>(std::sin(radians));
    HPDF_Page page = m_impl->page();
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, m_impl->font(style.weight), static_cast<HPDF_REAL>(style.size));
    m_impl->set_fill(style.colour);
    HPDF_Page_SetTextMatrix(page, c, s, -s, c, static_cast<HPDF_REAL>(x),
                            m_impl->to_pdf_y(baseline));
    HPDF_Page_ShowText(page, printable(text).c_str());
    HPDF_Page_EndText(page);
}

void PdfCanvas::fill_rect(double x, double top, double width, double height, Rgb colour) {
    if (m_impl->skip_drawing()) {
        return;
    }
    if (width <= 0 || height <= 0) {
        return;
    }
    HPDF_Page page = m_impl->page();
    m_impl->set_fill(colour);
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), m_impl->to_pdf_y(top + height),
                        static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(height));
    HPDF_Page_Fill(page);
}

void PdfCanvas::stroke_rect(double x, double top, double width, double height,
                            const StrokeStyle& style) {
    if (m_impl->skip_drawing()) {
        return;
    }
    HPDF_Page page = m_impl->page();
    m_impl->set_stroke(style);
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), m_impl->to_pdf_y(top + height),
                        static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(height));
    HPDF_Page_Stroke(page);
}

void PdfCanvas::line(Point from, Point to, const StrokeStyle& style) {
    polyline({from, to}, style);
}

void PdfCanvas::polyline(const std::vector<Point>& points, const StrokeStyle& style) {
    if (m_impl->skip_drawing()) {
        return;
    }
    if (points.size() < 2) {
        return;
    }
    HPDF_Page page = m_impl->page();
    m_impl->set_stroke(style);
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(points[0].x), m_impl->to_pdf_y(points[0].y));
    for (std::size_t i = 1; i < points.size(); ++i) {
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(points[i].x), m_impl->to_pdf_y(points[i].y));
    }
    HPDF_Page_Stroke(page);
    if (style.dash != LineDash::solid) {
        HPDF_Page_SetDash(page, nullptr, 0, 0);
    }
}

void PdfCanvas::fill_circle(Point centre, double radius, Rgb colour) {
    if (m_impl->skip_drawing()) {
        return;
    }
    HPDF_Page page = m_impl->page();
    m_impl->set_fill(colour);
    HPDF_Page_Circle(page, static_cast<HPDF_REAL>(centre.x), m_impl->to_pdf_y(centre.y),
                     static_cast<HPDF_REAL>(radius));
    HPDF_Page_Fill(page);
}

void PdfCanvas::fill_polygon(const std::vector<Point>& points, Rgb colour) {
    if (m_impl->skip_drawing() || points.size() < 3) {
        return;
    }
    HPDF_Page page = m_impl->page();
    m_impl->set_fill(colour);
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(points[0].x), m_impl->to_pdf_y(points[0].y));
    for (std::size_t i = 1; i < points.size(); ++i) {
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(points[i].x), m_impl->to_pdf_y(points[i].y));
    }
    HPDF_Page_ClosePath(page);
    HPDF_Page_Fill(page);
}

Size PdfCanvas::draw_png(const std::string& path, double x, double top, double max_width,
                         double max_height) {
    if (m_impl->skip_drawing()) {
        return {};
    }
    HPDF_Image image = nullptr;
    if (const auto found = m_impl->images.find(path); found != m_impl->images.end()) {
        image = found->second;
    } else {
        if (!std::filesystem::is_regular_file(path)) {
            throw ExportError("logo '" + path + "' not found; fix the path in the brand file");
        }
        if (auto problem = png_problem(path)) { // libharu would let libpng abort
            throw ExportError("cannot use the logo '" + path + "': " + *problem);
        }
        image = HPDF_LoadPngImageFromFile(m_impl->doc.get(), path.c_str());
        if (image == nullptr || m_impl->errors.error_no != HPDF_OK) {
            throw ExportError("cannot use the logo '" + path +
                              "': " + describe_error(m_impl->errors.error_no));
        }
        m_impl->images.emplace(path, image);
    }
    const double width = HPDF_Image_GetWidth(image);
    const double height = HPDF_Image_GetHeight(image);
    if (width <= 0 || height <= 0) {
        return {};
    }
    const double scale = std::min(max_width / width, max_height / height);
    const Size drawn{width * scale, height * scale};
    HPDF_Page_DrawImage(m_impl->page(), image, static_cast<HPDF_REAL>(x),
                        m_impl->to_pdf_y(top + drawn.height), static_cast<HPDF_REAL>(drawn.width),
                        static_cast<HPDF_REAL>(drawn.height));
    check("drawing the logo");
    return drawn;
}

void PdfCanvas::add_bookmark(std::string_view title, int level, double top) {
    if (m_impl->rehearsing) {
        return;
    }
    HPDF_Doc doc = m_impl->doc.get();
    auto& path = m_impl->outline_path;
    const std::size_t depth = static_cast<std::size_t>(std::max(level, 1)) - 1;
    if (path.size() > depth) {
        path.resize(depth);
    }
    HPDF_Outline parent = path.empty() ? nullptr : path.back();
    HPDF_Outline outline =
        HPDF_CreateOutline(doc, parent, printable(title).c_str(), HPDF_GetEncoder(doc, "UTF-8"));
    check("adding a bookmark");
    HPDF_Destination destination = HPDF_Page_CreateDestination(m_impl->page());
    HPDF_Destination_SetFitH(destination, m_impl->to_pdf_y(std::max(0.0, top)));
    HPDF_Outline_SetDestination(outline, destination);
    HPDF_Outline_SetOpened(outline, depth == 0 ? HPDF_TRUE : HPDF_FALSE);
    check("adding a bookmark");
    path.push_back(outline);
}

std::string PdfCanvas::save() {
    HPDF_Doc doc = m_impl->doc.get();
    check("drawing the document");
    HPDF_SaveToStream(doc);
    check("writing the document");
    std::string bytes(HPDF_GetStreamSize(doc), '\0');
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        auto chunk = static_cast<HPDF_UINT32>(bytes.size() - filled);
        const HPDF_STATUS status =
            HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data() + filled), &chunk);
        filled += chunk;
        if (status == HPDF_STREAM_EOF || chunk == 0) {
            break;
        }
    }
    if (m_impl->errors.error_no == HPDF_STREAM_EOF) { // reading to the end is not an error
        m_impl->errors = {};
    }
    check("reading the document back");
    if (filled != bytes.size()) {
        throw ExportError("PDF: the document came back shorter than libharu announced");
    }
    return bytes;
}

void PdfCanvas::check(std::string_view doing) const {
    const ErrorRecord& record = m_impl->errors;
    if (record.error_no == HPDF_OK) {
        return;
    }
    throw ExportError("PDF: " + std::string(doing) + ": " + describe_error(record.error_no) +
                      " (detail " + std::to_string(record.detail_no) + ")");
}

} // namespace planner::exporters
