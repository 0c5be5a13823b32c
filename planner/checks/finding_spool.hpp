#pragma once
// FindingSpool: findings kept compactly for writing out, for `planner check` on very large
// plans (a million people give one and a half million findings, about a gigabyte as Finding
// objects). Each finding is packed into bytes (severity, check, subject, message, evidence,
// recommendation; not its change, which only the editor uses); up to `memory_limit` bytes
// stay in memory, and past that they go to an unnamed temporary file (std::tmpfile, in
// TMPDIR, gone when the process ends). The severity, check and subject of every finding stay
// in memory for sorting and suppressions.

#include "planner/checks/checks.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner {

class FindingSpool {
public:
    static constexpr size_t k_default_memory_limit = size_t{16} << 20;
    explicit FindingSpool(size_t memory_limit = k_default_memory_limit);
    ~FindingSpool();
    FindingSpool(const FindingSpool&) = delete;
    FindingSpool& operator=(const FindingSpool&) = delete;

    // Appends a copy of `finding` (without its change). Throws OutputError when the temporary
    // file cannot be written.
    void add(const Finding& finding);
    size_t size() const { return m_keys.size(); }
    // The finding `index` as it was added (change left empty).
    Finding get(size_t index) const;

    Severity severity(size_t index) const { return m_keys[index].severity; }
    const std::string& check(size_t index) const { return m_checks[m_keys[index].check]; }
    std::string_view subject(size_t index) const;
    // True once part of the findings went to the temporary file.
    bool spilled() const { return m_file != nullptr; }

private:
    // 24 bytes a finding, in a deque (no copy of them all as it grows).
    struct Key {
        std::uint64_t offset = 0;
        std::uint32_t length = 0;
        std::uint32_t subject = 0; // offset in m_subjects (chunk * k_subject_chunk + position)
        std::uint16_t subject_length = 0;
        std::uint16_t check = 0; // into m_checks
        Severity severity = Severity::warning;
    };
    static constexpr size_t k_subject_chunk = size_t{1} << 20;
    void spill();

    size_t m_memory_limit;
    std::deque<Key> m_keys;
    std::vector<std::string> m_checks;   // distinct check ids, in the order first seen
    std::vector<std::string> m_subjects; // chunks of k_subject_chunk bytes at most
    std::string m_packed;                // one finding being packed
    std::string m_bytes;                 // the bytes from m_bytes_start on
    std::uint64_t m_bytes_start = 0;     // bytes before it are in m_file
    std::FILE* m_file = nullptr;
};

// A check report whose findings are in a spool: what `planner check` writes out.
struct SpooledReport {
    explicit SpooledReport(size_t memory_limit = FindingSpool::k_default_memory_limit)
        : findings(memory_limit) {}
    std::string plan_name;
    FindingSpool findings;    // every finding, open and suppressed, in the order found
    std::vector<size_t> open; // indexes into `findings`, ordered as CheckReport::findings
    // (index into `findings`, index into `suppressions`), ordered as CheckReport::suppressed.
    std::vector<std::pair<size_t, size_t>> suppressed;
    std::vector<model::Suppression> suppressions; // the plan's
    std::vector<model::Suppression> unused_suppressions;
    CheckCounts counts;
};

class PlanFacts;
class Texts;
// run_checks with the findings kept in `report`'s spool instead of a CheckReport: the same
// findings in the same order, open and suppressed alike. `facts` may be destroyed afterwards.
void run_checks(const PlanFacts& facts, const Texts& texts, SpooledReport& report);

} // namespace planner
