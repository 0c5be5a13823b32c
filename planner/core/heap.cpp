#include "planner/core/heap.hpp"

#include <cstdint>
#include <cstdlib> // defines __GLIBC__ with the C library's headers
#include <limits>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace planner {

void prepare_heap() {
#if defined(__linux__) && defined(__GLIBC__)
    constexpr size_t k_huge_page = size_t{2} << 20;
    constexpr int k_reserve = 1 << 30; // address space only; pages are used as they are touched
    // Keep large blocks on the main heap (up to glibc's limit of 32 MiB) instead of separate
    // mappings, grow the heap by the reserve at once, and do not hand memory back early.
    if (!mallopt(M_MMAP_THRESHOLD, 32 << 20) || !mallopt(M_TOP_PAD, k_reserve) ||
        !mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max()))
        return;
    auto before = reinterpret_cast<uintptr_t>(sbrk(0));
    // Makes the heap grow by the reserve (volatile: the compiler may not drop the pair).
    void* volatile first = std::malloc(1 << 20);
    auto after = reinterpret_cast<uintptr_t>(sbrk(0));
    uintptr_t start = (before + k_huge_page - 1) & ~(k_huge_page - 1);
    // With another allocator (e.g. a sanitizer's) the heap does not move: nothing to do.
    if (after > start + k_huge_page)
        madvise(reinterpret_cast<void*>(start), after - start, MADV_HUGEPAGE);
    std::free(first);
    // Later growth (past the reserve) in ordinary steps again.
    mallopt(M_TOP_PAD, 128 * 1024);
#endif
}

} // namespace planner
