#include "exporters/png_check.hpp"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace planner::exporters {
namespace {

struct Failure {
    char message[256] = {};
};

// libpng requires an error callback not to return: it jumps back to png_problem's setjmp.
// Nothing with a destructor lives between the two (plain C state only).
[[noreturn]] void on_error(png_structp png, png_const_charp message) {
    auto* failure = static_cast<Failure*>(png_get_error_ptr(png));
    std::snprintf(failure->message, sizeof failure->message, "%s", message ? message : "error");
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// Decodes the whole image row by row. Returns false with failure->message set.
bool decode(std::FILE* file, Failure* failure) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, failure, on_error, on_warning);
    if (png == nullptr) {
        std::snprintf(failure->message, sizeof failure->message, "out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    png_bytep volatile row = nullptr;
    if (info == nullptr || setjmp(png_jmpbuf(png))) {
        std::free(row);
        png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
        if (failure->message[0] == '\0')
            std::snprintf(failure->message, sizeof failure->message, "out of memory");
        return false;
    }
    png_set_user_limits(png, k_png_max_side, k_png_max_side);
    png_set_chunk_malloc_max(png, 16u << 20);
    png_init_io(png, file);
    png_read_info(png, info);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    const png_size_t row_bytes = png_get_rowbytes(png, info);
    const png_uint_32 height = png_get_image_height(png, info);
    row = static_cast<png_bytep>(std::malloc(row_bytes ? row_bytes : 1));
    if (row == nullptr)
        png_error(png, "out of memory");
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y)
            png_read_row(png, row, nullptr);
    png_read_end(png, nullptr);
    std::free(row);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

} // namespace

std::optional<std::string> png_problem(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr)
        return std::string("cannot open it: ") + std::strerror(errno);
    unsigned char magic[8] = {};
    const bool png = std::fread(magic, 1, 8, file) == 8 && png_sig_cmp(magic, 0, 8) == 0;
    if (!png) {
        std::fclose(file);
        return std::string("it is not a PNG file");
    }
    std::rewind(file);
    Failure failure;
    const bool ok = decode(file, &failure);
    std::fclose(file);
    if (ok)
        return std::nullopt;
    return std::string("the PNG image is damaged or unsupported (") + failure.message + ")";
}

} // namespace planner::exporters
